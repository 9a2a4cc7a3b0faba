"""Link a new device: show a one-time code (text and QR), then the four verification words.

When this person uses a relay, "Show a short code" also offers the pairing code under a
short spoken code (7-purple-sausages) through that relay, as `haven device link --short`
does (sync/short_link.py): the other computer types it with the relay's name. A wrong short
code typed there stops the linking; the words still decide either way.

The pairing runs in a `LinkOffer` (sync/link_runner.py) on its own thread; its callbacks are
re-emitted by `_OfferSignals` and Qt queues them into the UI thread. Closing the dialog
before the words were confirmed cancels the offer and closes its port.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.session import Session
from haven.core.spaces.invites.relay_code import short_relay
from haven.sync.addresses import lan_address
from haven.sync.link_runner import LinkOffer
from haven.sync.short_link import relay_for_linking
from haven.sync.supervisor import listen_host
from haven.ui import peer_text
from haven.ui.clipboard_guard import clipboard_guard
from haven.ui.dates import time_text
from haven.ui.devices.verification_words import VerificationWords
from haven.ui.devices.wording import problem_text, qr_pixmap


class _OfferSignals(QObject):
    code = Signal(str, int)
    short = Signal(object)  # the short code's text, or None if the relay could not be used
    words = Signal(object)
    done = Signal(str)
    failed = Signal(object)


def advertise_host(host: str) -> str:
    """The address the other device is told to connect to."""
    if host in ("0.0.0.0", "::"):
        return lan_address() or "127.0.0.1"
    return host


class LinkDialog(QDialog):
    #: A device was linked (its name); the Devices page refreshes.
    linked = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link a new device"))
        self.setMinimumWidth(760)
        intro = QLabel(
            self.tr(
                "On your other computer, open Haven and choose “Link to my other device”, then "
                "type or paste this code. Both computers need to be on the same network."
            )
        )
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setAccessibleName(self.tr("Pairing code"))
        self.code.setPlaceholderText(self.tr("Making a code…"))
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # codes read left to right
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the pairing code"))
        self.copy_button.setEnabled(False)
        self.qr = QLabel()
        self.qr.setAccessibleName(self.tr("Pairing code as a QR image"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.expiry = QLabel()
        self.expiry.setWordWrap(True)
        self.words_hint = QLabel(
            self.tr(
                "Your other computer now shows four words. Link only if they are exactly these:"
            )
        )
        self.words_hint.setWordWrap(True)
        self.words = VerificationWords()  # in the UI's language, large, at the reading side
        self.match_button = QPushButton(self.tr("They &match"))
        self.match_button.setAccessibleName(self.tr("The words match"))
        self.mismatch_button = QPushButton(self.tr("They &don’t match"))
        self.mismatch_button.setAccessibleName(self.tr("The words do not match"))
        self.message = peer_text.plain_label()
        self.message.setObjectName("linkMessage")
        self.message.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setAccessibleName(self.tr("Cancel linking"))
        self.relay = relay_for_linking(session)
        self.short_button = QPushButton(self.tr("Show a &short code to type instead"))
        self.short_button.setAccessibleName(self.tr("Show a short code to type instead"))
        self.short_button.setEnabled(False)
        self.short_button.setVisible(self.relay is not None)
        self.short_hint = QLabel()
        self.short_hint.setWordWrap(True)
        self.short_code = QLabel()
        self.short_code.setObjectName("shortCode")
        self.short_code.setAccessibleName(self.tr("Short code"))
        self.short_code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.short_code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Large and bold by the style sheet (QLabel#shortCode), at any text size.
        self.short_relay_label = QLabel()
        self.short_relay_label.setAccessibleName(self.tr("Relay for the short code"))
        self.short_relay_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.short_relay_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.short_code, self.short_relay_label, self.short_hint):
            widget.setVisible(False)

        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.copy_button)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.match_button)
        answer_row.addWidget(self.mismatch_button)
        answer_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(code_row)
        layout.addWidget(self.qr)
        layout.addWidget(self.expiry)
        layout.addWidget(self.short_button, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.short_hint)
        # Left to right inside (a code), at the leading side of the dialog in every language
        # (a widget's own direction would decide a relative alignment: say it absolutely).
        side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        for label in (self.short_code, self.short_relay_label):
            layout.addWidget(label, 0, side | Qt.AlignmentFlag.AlignAbsolute)
        layout.addWidget(self.words_hint)
        layout.addWidget(self.words)
        layout.addLayout(answer_row)
        layout.addWidget(self.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self._show_words(False)

        # Owned by the application, not this dialog: the offer's thread may still emit after
        # the dialog is gone, and Python's garbage collector, which may run on any thread,
        # must never be the one to destroy it (a QObject dies on its own thread). It goes
        # with deleteLater once the offer has said its last word (done or failed).
        self._signals = _OfferSignals(QCoreApplication.instance())
        self._signals.code.connect(self._on_code)
        self._signals.short.connect(self._on_short)
        self.short_button.clicked.connect(self._ask_short)
        self._signals.words.connect(self._on_words)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self.copy_button.clicked.connect(self._copy)
        self.match_button.clicked.connect(lambda: self._answer(True))
        self.mismatch_button.clicked.connect(lambda: self._answer(False))
        self.close_button.clicked.connect(self.reject)
        self.finished_linking = False
        host = listen_host()
        self.offer = LinkOffer(
            session,
            listen_host=host,
            advertise_host=advertise_host(host),
            on_code=self._signals.code.emit,
            on_words=self._signals.words.emit,
            on_done=self._signals.done.emit,
            on_failed=self._signals.failed.emit,
        )

    def start(self) -> None:
        self.offer.start()

    # ---------------------------------------------------------------- from the offer

    @Slot(str, int)
    def _on_code(self, code: str, expires_s: int) -> None:
        self.code.setText(code)
        self.code.setCursorPosition(0)
        self.copy_button.setEnabled(True)
        self.qr.setPixmap(qr_pixmap(code))
        until = time_text(expires_s * 1000)
        self.expiry.setText(self.tr("The code works once, until %1.").replace("%1", until))
        self.short_button.setEnabled(self.relay is not None)
        self.copy_button.setFocus()

    def _ask_short(self) -> None:
        if self.relay is None:
            return
        self.short_button.setEnabled(False)
        self.short_hint.setText(self.tr("Making a short code…"))
        self.short_hint.setVisible(True)
        self.offer.show_short(self.relay, self._signals.short.emit)

    @Slot(object)
    def _on_short(self, text: object) -> None:
        if self.finished_linking or not self.code.text():
            return  # linking already ended
        if not isinstance(text, str) or self.relay is None:
            self.short_hint.setText(
                self.tr("The relay could not make a short code right now; the code above works.")
            )
            return
        self.short_hint.setText(
            self.tr(
                "Or, on your other computer, choose “Link to my other device” and type this "
                "short code and relay. It works once: a wrong guess stops linking."
            )
        )
        self.short_hint.setVisible(True)
        self.short_code.setText(text)
        self.short_relay_label.setText(short_relay(self.relay))
        # A label's accessible name is all a screen reader says of it: the values too.
        self.short_code.setAccessibleName(self.tr("Short code: %1").replace("%1", text))
        self.short_relay_label.setAccessibleName(
            self.tr("Relay for the short code: %1").replace("%1", short_relay(self.relay))
        )
        self.short_code.setVisible(True)
        self.short_relay_label.setVisible(True)

    @Slot(object)
    def _on_words(self, words: object) -> None:
        self.words.show_words(words)
        self._show_words(True)
        self.match_button.setFocus()

    @Slot(str)
    def _on_done(self, label: str) -> None:
        self._signals.deleteLater()  # the offer's last word
        self.finished_linking = True
        name = peer_text.name(label) or self.tr("your new device")
        self.message.setText(self.tr("Linked %1. It now holds your journal.").replace("%1", name))
        self._finish()
        self.linked.emit(label)

    @Slot(object)
    def _on_failed(self, problem: object) -> None:
        self._signals.deleteLater()  # the offer's last word
        self.message.setText(problem_text(problem))
        self._finish()

    # ---------------------------------------------------------------- person

    def _answer(self, match: bool) -> None:
        self.match_button.setEnabled(False)
        self.mismatch_button.setEnabled(False)
        if match:
            self.message.setText(self.tr("Sending your journal keys to the other device…"))
        self.offer.answer(match)

    def _copy(self) -> None:
        if clipboard_guard().copy_secret(self.code.text()):
            self.message.setText(
                self.tr("Code copied. It leaves the clipboard in a minute, or when Haven locks.")
            )

    def _show_words(self, visible: bool) -> None:
        for widget in (self.words_hint, self.words, self.match_button, self.mismatch_button):
            widget.setVisible(visible)
            widget.setEnabled(visible)

    def _finish(self) -> None:
        self.match_button.setEnabled(False)
        self.mismatch_button.setEnabled(False)
        self.code.clear()
        self.qr.clear()
        self.copy_button.setEnabled(False)
        self.expiry.clear()
        self.short_button.setEnabled(False)
        for widget in (self.short_code, self.short_relay_label, self.short_hint):
            widget.clear()
            widget.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setFocus()

    def done(self, result: int) -> None:
        self.offer.cancel()  # no-op once the person confirmed or linking ended
        super().done(result)
