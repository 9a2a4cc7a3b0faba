"""What every Settings section shares: a titled group with a form, a status line that says
what happened, and a save-or-open file dialog that never replaces a file without asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget


class Section(QWidget):
    """A titled group of settings with a form and its own status line (a label a screen
    reader reads when it changes). The title is a heading label above a framed panel, not a
    QGroupBox title, which Fusion clips at the frame's edge in right-to-left layouts."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.heading = QLabel(title)
        self.heading.setObjectName("sectionHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        panel = QFrame()
        panel.setObjectName("settingsSection")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setAccessibleName(title)
        self.form = QFormLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("sectionStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        inside = QVBoxLayout(panel)
        inside.addLayout(self.form)
        inside.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(panel)

    def say(self, text: str) -> None:
        """Show what happened (plain text: it may name a path the person chose)."""
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if text:
            self.status.setAccessibleName(text)

    def add_row(self, label: str, field: QWidget) -> QLabel:
        """A labelled row whose label is the field's buddy, so a screen reader announces the
        field by its label and the label's mnemonic moves the focus there."""
        caption = QLabel(label)
        caption.setBuddy(field)
        self.form.addRow(caption, field)
        return caption


def file_dialog(
    parent: QWidget, title: str, *, save: bool, suggested: str = "", folders: bool = False
) -> QFileDialog:
    """A window-modal file dialog, opened by the caller with `open()`. Saving never asks
    "replace?": the caller refuses an existing file instead (a backup never overwrites)."""
    dialog = QFileDialog(parent, title)
    dialog.setAccessibleName(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    if folders:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setDirectory(QDir.homePath())
    if suggested:
        dialog.selectFile(str(Path(QDir.homePath()) / suggested))
    return dialog
