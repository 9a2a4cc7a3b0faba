"""First run, second path: make this computer a linked device of another one.

The person types or pastes the code the other device shows — the long code, or the short
spoken one (7-purple-sausages) with the relay named next to it, which fetches the long code
through that relay first (sync/short_link.py) — chooses a passphrase for this computer,
compares four words, and confirms. The vault is created only once the keys have
arrived (sync/pairing.py), so a wrong or expired code, rejected words, or a device that went
away leave the data folder empty.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from haven.core.devices import MAX_LABEL_CHARS
from haven.core.spaces.invites.short_code import ShortCode
from haven.sync.link_runner import (
    LinkAccept,
    LinkProblem,
    ProblemKind,
    parse_code,
    parse_short_code,
)
from haven.sync.pairing import PairingCode
from haven.sync.short_link import looks_like_short_code
from haven.ui.bridge import SessionBridge
from haven.ui.devices.verification_words import VerificationWords
from haven.ui.devices.wording import problem_text
from haven.ui.pages.frame import busy_bar, centred_column, error_line, page_title
from haven.ui.passphrase_fields import NewPassphraseFields, clear_on_typing


class _AcceptSignals(QObject):
    words = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class LinkDevicePage(QWidget):
    #: The person wants to create a new vault instead.
    backRequested = Signal()

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        title = page_title(self.tr("Link to my other device"))
        intro = QLabel(
            self.tr(
                "On your other device, open Haven, go to Devices and choose “Link a new device”. "
                "Type or paste the code it shows, and choose a passphrase for this computer."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Pairing code"))
        self.code.setPlaceholderText(self.tr("hvn1-…, or a short code like 7-purple-sausages"))
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # codes read left to right
        self.relay = QLineEdit()
        self.relay.setAccessibleName(self.tr("Relay of the short code"))
        self.relay.setPlaceholderText(
            self.tr("shown next to the short code, e.g. relay.example.org")
        )
        self.relay.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.relay_label = QLabel(self.tr("&Relay"))
        self.relay_label.setBuddy(self.relay)
        self.device_name = QLineEdit()
        self.device_name.setMaxLength(MAX_LABEL_CHARS)
        self.device_name.setAccessibleName(self.tr("Name of this device"))
        self.device_name.setPlaceholderText(self.tr("optional, e.g. laptop"))
        self.new_passphrase = NewPassphraseFields(self)
        self.passphrase = self.new_passphrase.passphrase
        self.confirm = self.new_passphrase.confirm
        self.strength = self.new_passphrase.strength
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.connect_button.setAccessibleName(self.tr("Connect to my other device"))
        self.connect_button.setDefault(True)
        self.back_button = QPushButton(self.tr("&Back"))
        self.back_button.setAccessibleName(self.tr("Back to creating a new vault"))
        self.words_hint = QLabel(
            self.tr("Your other device shows four words. Continue only if they are exactly these:")
        )
        self.words_hint.setWordWrap(True)
        self.words = VerificationWords()  # in the UI's language, large, at the reading side
        self.match_button = QPushButton(self.tr("They &match"))
        self.match_button.setAccessibleName(self.tr("The words match"))
        self.mismatch_button = QPushButton(self.tr("They &don’t match"))
        self.mismatch_button.setAccessibleName(self.tr("The words do not match"))
        self.error = error_line()
        self.busy = busy_bar(self.tr("Linking"))

        form = QFormLayout()
        form.addRow(self.tr("Pairing &code"), self.code)
        form.addRow(self.relay_label, self.relay)
        form.addRow(self.tr("&Name of this device"), self.device_name)
        self.new_passphrase.add_rows(form)
        answers = QHBoxLayout()
        answers.addWidget(self.match_button)
        answers.addWidget(self.mismatch_button)
        answers.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        actions.addWidget(self.connect_button)
        inner = centred_column(self)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addLayout(form)
        inner.addWidget(self.words_hint)
        inner.addWidget(self.words)
        inner.addLayout(answers)
        inner.addWidget(self.error)
        inner.addWidget(self.busy)
        inner.addLayout(actions)
        for first, second in (
            (self.code, self.relay),
            (self.relay, self.device_name),
            (self.device_name, self.passphrase),
            (self.passphrase, self.confirm),
            (self.confirm, self.new_passphrase.reveal),
            (self.new_passphrase.reveal, self.connect_button),
            (self.connect_button, self.back_button),
        ):
            self.setTabOrder(first, second)

        # Owned by the application: the runner may outlive this page, and the garbage
        # collector (on whatever thread it runs) must never destroy a QObject.
        self._signals = _AcceptSignals(QCoreApplication.instance())
        self._signals.words.connect(self._on_words)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self.runner: LinkAccept | None = None
        clear_on_typing(self.error, self.passphrase, self.confirm)
        self.passphrase.returnPressed.connect(self._submit)  # Enter from either field
        self.confirm.returnPressed.connect(self._submit)
        self.connect_button.clicked.connect(self._submit)
        self.code.textChanged.connect(self._show_relay)
        self.back_button.clicked.connect(self._back)
        self.match_button.clicked.connect(lambda: self._answer(True))
        self.mismatch_button.clicked.connect(lambda: self._answer(False))
        self.reset()

    # ---------------------------------------------------------------- state

    def reset(self) -> None:
        if self.runner is not None:
            self.runner.cancel()
            self.runner = None
        for field in (self.code, self.relay, self.device_name, self.passphrase, self.confirm):
            field.clear()
        self._show_relay()
        self.error.clear()
        self._show_words(False)
        self._set_busy(False)
        self.new_passphrase.update_strength()

    def clear_secrets(self) -> None:
        self.new_passphrase.clear()

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (
            self.code,
            self.relay,
            self.device_name,
            self.passphrase,
            self.confirm,
            self.connect_button,
        ):
            widget.setEnabled(not busy)

    def _show_relay(self) -> None:
        """The relay field only for a short code (a long code carries the address)."""
        short = looks_like_short_code(self.code.text())
        self.relay_label.setVisible(short)
        self.relay.setVisible(short)

    def _show_words(self, visible: bool) -> None:
        for widget in (self.words_hint, self.words, self.match_button, self.mismatch_button):
            widget.setVisible(visible)
            widget.setEnabled(visible)
        if not visible:
            self.words.clear()

    # ---------------------------------------------------------------- person

    def _submit(self) -> None:
        if self.runner is not None or not self.connect_button.isEnabled():
            return
        code: PairingCode | tuple[ShortCode, str]
        try:
            if looks_like_short_code(self.code.text()):
                code = parse_short_code(self.code.text(), self.relay.text())
            else:
                code = parse_code(self.code.text())
        except LinkProblem as problem:
            self.error.setText(problem_text(problem))
            focus = self.relay if problem.kind is ProblemKind.NO_RELAY else self.code
            focus.setFocus()
            return
        unusable = self.new_passphrase.problem()
        if unusable is not None:
            self.error.setText(unusable)
            return
        passphrase = self.new_passphrase.text()
        self.error.setText(self.tr("Connecting to your other device…"))
        self._set_busy(True)
        self.runner = LinkAccept(
            code,
            self.bridge.data_dir,
            passphrase,
            label=self.device_name.text(),
            on_words=self._signals.words.emit,
            on_done=self._signals.done.emit,
            on_failed=self._signals.failed.emit,
        )
        self.clear_secrets()
        self.runner.start()

    def _answer(self, match: bool) -> None:
        if self.runner is None:
            return
        self.match_button.setEnabled(False)
        self.mismatch_button.setEnabled(False)
        if match:
            self.error.setText(self.tr("Receiving your journal keys…"))
        self.runner.answer(match)

    def _back(self) -> None:
        self.reset()
        self.backRequested.emit()

    # ---------------------------------------------------------------- from the runner

    @Slot(object)
    def _on_words(self, words: object) -> None:
        self.words.show_words(words)
        self.error.clear()
        self._show_words(True)
        self.match_button.setFocus()

    @Slot(object)
    def _on_done(self, session: object) -> None:
        self.runner = None
        self._show_words(False)
        self._set_busy(False)
        self.error.clear()
        self.code.clear()
        self.bridge.adopt(session)

    @Slot(object)
    def _on_failed(self, problem: object) -> None:
        self.runner = None
        self._show_words(False)
        self._set_busy(False)
        self.error.setText(problem_text(problem))
        self.code.setFocus()
