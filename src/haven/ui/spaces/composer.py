"""Write a post or a reply: optional title, Markdown body, attachments (attach_picker.py)
and a content-warning toggle.

With the toggle on, the warning text is required and readers see only it until they choose
to open the post. Ctrl+Enter sends."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces import events as ev
from haven.ui.dates import number_text
from haven.ui.spaces.attach_picker import AttachPicker
from haven.ui.user_text import PlainTextEdit

# The content-warning field is never narrower than this; below the comfortable width it
# moves to a row of its own.
CW_MIN_WIDTH = 120
CW_COMFORTABLE_WIDTH = 220


class Composer(QWidget):
    #: title, body, content warning ("" for none)
    submitted = Signal(str, str, str)

    def __init__(self, reply: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reply = reply
        self.title = QLineEdit()
        self.title.setMaxLength(ev.MAX_TITLE)
        self.title.setPlaceholderText(self.tr("Title (optional)"))
        self.title.setAccessibleName(self.tr("Post title"))
        self.title.setVisible(not reply)
        self.body = PlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setPlaceholderText(
            self.tr("Write a reply…") if reply else self.tr("Write a post. Markdown is welcome.")
        )
        self.body.setAccessibleName(self.tr("Reply text") if reply else self.tr("Post text"))
        self.body.setAccessibleDescription(self.tr("Ctrl+Enter sends"))
        self.body.setMaximumHeight(90 if reply else 130)
        self.attachments = AttachPicker(reply)
        # Two composers show at once (a new thread, a reply): each its own Alt letter.
        self.cw_toggle = QCheckBox(
            self.tr("Content warnin&g") if reply else self.tr("Content &warning")
        )
        self.cw_toggle.setAccessibleName(self.tr("Add a content warning"))
        self.cw_toggle.setToolTip(self.tr("Readers see only the warning until they open it"))
        self.cw = QLineEdit()
        self.cw.setMaxLength(ev.MAX_CW)
        self.cw.setPlaceholderText(self.tr("What the post is about, e.g. “family conflict”"))
        self.cw.setAccessibleName(self.tr("Content warning text"))
        self.cw.setEnabled(False)
        self.send_button = QPushButton(self.tr("&Reply") if reply else self.tr("&Post"))
        self.send_button.setAccessibleName(
            self.tr("Send the reply") if reply else self.tr("Send the post")
        )
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.cw.setMinimumWidth(CW_MIN_WIDTH)
        self.cw_row = QGridLayout()
        self._narrow: bool | None = None
        self._place_cw_row(narrow=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.attachments)
        layout.addLayout(self.cw_row)
        layout.addWidget(self.status)
        if not reply:
            self.setTabOrder(self.title, self.body)
        self.setTabOrder(self.body, self.attachments.attach_button)
        self.setTabOrder(self.attachments.remove_button, self.cw_toggle)
        self.setTabOrder(self.cw_toggle, self.cw)
        self.setTabOrder(self.cw, self.send_button)

        self.cw_toggle.toggled.connect(self._on_cw_toggled)
        self.send_button.clicked.connect(self.submit)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)

    def _place_cw_row(self, narrow: bool) -> None:
        """Wide: toggle, warning, send on one row. Narrow: the warning on a row of its own, so
        it is never squeezed too small to read while typing it."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        # Its own minimum is the narrow arrangement's, or the wide row would hold it wide.
        self.setMinimumWidth(
            max(
                CW_MIN_WIDTH,
                self.cw_toggle.sizeHint().width() + self.send_button.sizeHint().width() + 12,
            )
        )
        for widget in (self.cw_toggle, self.cw, self.send_button):
            self.cw_row.removeWidget(widget)
        self.cw_row.addWidget(self.cw_toggle, 0, 0)
        if narrow:
            self.cw_row.addWidget(self.send_button, 0, 2)
            self.cw_row.addWidget(self.cw, 1, 0, 1, 3)
        else:
            self.cw_row.addWidget(self.cw, 0, 1)
            self.cw_row.addWidget(self.send_button, 0, 2)
        self.cw_row.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = (
            event.size().width()
            - self.cw_toggle.sizeHint().width()
            - self.send_button.sizeHint().width()
            - 2 * max(6, self.cw_row.horizontalSpacing())
        )
        self._place_cw_row(narrow=room < CW_COMFORTABLE_WIDTH)

    def _on_cw_toggled(self, on: bool) -> None:
        self.cw.setEnabled(on)
        if on:
            self.cw.setFocus()

    def submit(self) -> None:
        body = self.body.toPlainText()
        cw = self.cw.text().strip() if self.cw_toggle.isChecked() else ""
        if not body.strip():
            self.show_status(self.tr("Write something first."))
            self.body.setFocus()
            return
        if self.cw_toggle.isChecked() and not cw:
            self.show_status(self.tr("Say what the content warning is about, or turn it off."))
            self.cw.setFocus()
            return
        if self.attachments.busy():
            self.show_status(self.tr("Wait until the attachment is ready."))
            return
        if len(body) > ev.MAX_BODY:
            self.show_status(
                self.tr("A post holds at most %1 characters.").replace(
                    "%1", number_text(ev.MAX_BODY)
                )
            )
            return
        self.show_status("")
        self.submitted.emit("" if self._reply else self.title.text().strip(), body, cw)

    def clear(self) -> None:
        self.title.clear()
        self.body.clear()
        self.cw.clear()
        self.cw_toggle.setChecked(False)
        self.attachments.clear()
        self.status.clear()

    def show_status(self, text: str) -> None:
        self.status.setText(text)
