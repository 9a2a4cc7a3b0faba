"""The attachments of the post being read: a thumbnail button per picture (its description
is its accessible name; Enter or a click opens it larger), a button per file. Pictures reach
Qt only as PNGs the core made from them (core/attachments/images.render): a peer's file is
never handed to Qt's image readers. "Save a copy…" warns that the copy is outside the vault.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from haven.core.attachments.names import safe_filename
from haven.core.attachments.spec import AttachmentInfo
from haven.core.spaces.attachments import Attachments
from haven.core.spaces.model import FeedPost
from haven.ui import peer_text
from haven.ui.spaces.attach_picker import Runner
from haven.ui.spaces.attachment_wording import accessible_label, failure_text, size_text

THUMB_SIDE = 96
VIEW_SIDE = 2048


class AttachmentSource:
    """What the strip needs from a space (SpaceView gives it): a way to run work off the UI
    thread, and the attachments service of the open session (None once locked), asked for
    in the UI thread and used in the worker."""

    def __init__(self, runner: Runner, service: Callable[[], Attachments | None]) -> None:
        self.run, self.service = runner, service


def choose_save_path(parent: QWidget, name: str) -> str:
    """Warn that the copy will be readable by anyone who can open that folder, then ask
    where (tests replace this function)."""
    answer = QMessageBox.warning(
        parent,
        parent.tr("Save a copy"),
        parent.tr(
            "The copy is saved outside Haven's encrypted vault: anyone who can open that "
            "folder can see it. Save it anyway?"
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Save:
        return ""
    path, _ = QFileDialog.getSaveFileName(parent, parent.tr("Save a copy"), safe_filename(name))
    return path


def _pixmap(png: bytes) -> QPixmap:
    image = QImage()
    image.loadFromData(png, "PNG")  # a PNG made here, never the peer's file
    return QPixmap.fromImage(image)


class AttachmentStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: AttachmentSource | None = None
        self._post: bytes | None = None
        self.buttons: list[QToolButton | QPushButton] = []
        self.dialog: PictureDialog | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._row: QWidget | None = None
        self._layout.addWidget(self.status)
        self.status.setVisible(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setVisible(False)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def set_source(self, source: AttachmentSource | None) -> None:
        self._source = source

    def show_post(self, post: FeedPost | None) -> None:
        """The post's attachments (None, or a post hidden or gone: nothing)."""
        key = post.post_id if post is not None else None
        attachments = post.attachments if post is not None else ()
        if key == self._post and len(attachments) == len(self.buttons):
            return
        self._post = key
        if self._row is not None:
            self._layout.removeWidget(self._row)
            self._row.deleteLater()
        self.buttons = [self._button(a) for a in attachments]
        self._row = QWidget()
        row = QHBoxLayout(self._row)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons:
            row.addWidget(button)
        row.addStretch(1)
        self._layout.insertWidget(0, self._row)
        self._say("")
        self.setVisible(bool(self.buttons))

    def _button(self, a: AttachmentInfo) -> QToolButton | QPushButton:
        name = peer_text.line(a.name)
        button: QToolButton | QPushButton
        if a.is_image and a.state == "ok":
            thumb = QToolButton()
            thumb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            thumb.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
            thumb.setText(name)
            thumb.setAccessibleName(accessible_label(a))
            thumb.setAccessibleDescription(self.tr("Press Enter to open it larger"))
            thumb.clicked.connect(lambda _=False, a=a: self.open_picture(a))
            self._load_thumbnail(a, thumb)
            button = thumb
        else:
            button = QPushButton(
                self.tr("%1 (%2)").replace("%1", name).replace("%2", size_text(a.size))
                + ("" if a.state == "ok" else " — " + self._state_text(a))
            )
            button.setAccessibleName(accessible_label(a))
            button.setAccessibleDescription(self.tr("Press Enter to save a copy"))
            button.clicked.connect(lambda _=False, a=a: self.save(a))
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return button

    def _state_text(self, a: AttachmentInfo) -> str:
        if a.state == "incomplete":
            return (
                self.tr("%1 of %2 parts here")
                .replace("%1", str(a.received))
                .replace("%2", str(a.chunks))
            )
        return self.tr("over this space's limit")

    def _load_thumbnail(self, a: AttachmentInfo, button: QToolButton) -> None:
        source = self._source
        service = source.service() if source is not None else None
        if source is None or service is None:
            return

        def done(png: Any) -> None:
            if button in self.buttons:
                button.setIcon(QIcon(_pixmap(png)))

        def failed(exc: BaseException) -> None:
            if button in self.buttons:
                button.setText(peer_text.line(a.name) + " — " + failure_text(exc))

        source.run(lambda: service.preview(a.attachment_id, THUMB_SIDE), done, failed)

    # ---------------------------------------------------------------- actions

    def open_picture(self, a: AttachmentInfo) -> None:
        source = self._source
        service = source.service() if source is not None else None
        if source is None or service is None:
            return

        def done(png: Any) -> None:
            if self.dialog is not None:
                self.dialog.close()
            self.dialog = PictureDialog(a, _pixmap(png), lambda: self.save(a), self)
            self.dialog.open()

        def failed(exc: BaseException) -> None:
            self._say(failure_text(exc))

        source.run(lambda: service.preview(a.attachment_id, VIEW_SIDE), done, failed)

    def save(self, a: AttachmentInfo) -> None:
        source = self._source
        service = source.service() if source is not None else None
        if source is None or service is None or a.state != "ok":
            return
        path = choose_save_path(self, a.name)
        if not path:
            return

        def done(saved: Any) -> None:
            self._say(self.tr("Saved a copy outside the vault: %1").replace("%1", str(saved)))

        def failed(exc: BaseException) -> None:
            self._say(failure_text(exc))

        source.run(lambda: service.save(a.attachment_id, Path(path)), done, failed)


class PictureDialog(QDialog):
    """A picture, larger, with its description under it and "Save a copy…"."""

    def __init__(
        self,
        a: AttachmentInfo,
        pixmap: QPixmap,
        save: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(peer_text.line(a.name))
        self.picture = QLabel()
        self.picture.setPixmap(pixmap)
        self.picture.setAccessibleName(accessible_label(a))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        self.description = peer_text.plain_label(
            peer_text.block(a.alt) if a.alt else self.tr("No description was given.")
        )
        self.description.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save a copy…"))
        self.save_button.setAccessibleName(self.tr("Save a copy of this picture"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the picture"))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.description)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(save)
        screen = self.screen().availableSize() if self.screen() else QSize(1024, 768)
        self.resize(
            min(pixmap.width() + 40, screen.width() * 4 // 5),
            min(pixmap.height() + 120, screen.height() * 4 // 5),
        )
