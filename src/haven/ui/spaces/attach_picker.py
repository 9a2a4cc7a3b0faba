"""The composer's attachments: "Attach…" picks a picture or file; the core prepares it in a
worker (a picture is re-encoded without its metadata) and the list says what was removed.
A picture gets a description for people who cannot see it (its alt text)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from haven.core.attachments import spec
from haven.core.attachments.spec import PreparedFile
from haven.ui import appearance
from haven.ui.spaces.attachment_wording import failure_text, removed_text, size_text

#: Runs work off the UI thread, then `done(result)` or `failed(exc)` in it (SessionBridge.run).
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]
#: Called in the UI thread with the chosen path: the work that prepares it, for a worker.
Prepare = Callable[[Path], Callable[[], PreparedFile] | None]


def choose_file(parent: QWidget) -> str:
    """The file dialog (tests replace this function)."""
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Attach a picture or file"))
    return path


class AttachPicker(QWidget):
    changed = Signal()

    def __init__(self, reply: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._files: list[PreparedFile] = []
        self._alts: list[str] = []
        self._runner: Runner | None = None
        self._prepare: Prepare | None = None
        self._busy = 0
        # Two composers show at once (a thread, a reply): each its own Alt letter.
        self.attach_button = QPushButton(
            self.tr("Atta&ch media…") if reply else self.tr("Attach &media…")
        )
        self.attach_button.setAccessibleName(self.tr("Attach a picture or file"))
        self.attach_button.setToolTip(
            self.tr("Pictures lose their hidden details (like a GPS location) before sending")
        )
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Attached files"))
        self.list.setMaximumHeight(70)
        self.alt = QLineEdit()
        self.alt.setMaxLength(spec.MAX_ALT)
        self.alt.setPlaceholderText(self.tr("Describe the picture for people who cannot see it"))
        self.alt.setAccessibleName(self.tr("Picture description"))
        self.remove_button = QPushButton(self.tr("Remove attachment"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected attachment"))
        self.note = QLabel()
        self.note.setWordWrap(True)
        appearance.mark_muted(self.note)

        row = QHBoxLayout()
        row.addWidget(self.attach_button)
        row.addWidget(self.alt, 1)
        row.addWidget(self.remove_button)
        row.addStretch(0)
        self.attach_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.note)
        self.setTabOrder(self.attach_button, self.list)
        self.setTabOrder(self.list, self.alt)
        self.setTabOrder(self.alt, self.remove_button)

        self.attach_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(self._show_selected)
        self.alt.textEdited.connect(self._alt_edited)
        self._refresh()
        self._say("")

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def set_preparer(self, runner: Runner, prepare: Prepare) -> None:
        self._runner, self._prepare = runner, prepare

    # ---------------------------------------------------------------- adding

    def choose(self) -> None:
        path = choose_file(self)
        if path:
            self.add_path(Path(path))

    def add_path(self, path: Path) -> None:
        if self._runner is None or self._prepare is None:
            return
        if len(self._files) + self._busy >= spec.MAX_FILES:
            self._say(
                self.tr("A post holds at most %1 attachments.").replace("%1", str(spec.MAX_FILES))
            )
            return
        work = self._prepare(path)
        if work is None:
            return
        self._busy += 1
        self._say(self.tr("Preparing the attachment…"))
        self._runner(work, self._added, self._failed)

    def _added(self, prepared: PreparedFile) -> None:
        self._busy -= 1
        self._files.append(prepared)
        self._alts.append(prepared.spec.alt)
        if prepared.removed:
            self._say(
                self.tr("Removed from %1: %2")
                .replace("%1", prepared.spec.name)
                .replace("%2", removed_text(prepared.removed))
            )
        else:
            self._say(self.tr("Attached: %1").replace("%1", prepared.spec.name))
        self._refresh()
        self.list.setCurrentRow(len(self._files) - 1)
        self.changed.emit()

    def _failed(self, exc: BaseException) -> None:
        self._busy -= 1
        self._say(failure_text(exc))

    # ---------------------------------------------------------------- the list

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._files):
            del self._files[row]
            del self._alts[row]
            self._say("")
            self._refresh()
            self.changed.emit()

    def _alt_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._alts):
            self._alts[row] = text

    def _show_selected(self, row: int) -> None:
        picture = 0 <= row < len(self._files) and self._files[row].spec.mime.startswith("image/")
        self.alt.setEnabled(picture)
        self.alt.setText(self._alts[row] if picture else "")
        self.remove_button.setEnabled(0 <= row < len(self._files))

    def _refresh(self) -> None:
        self.list.clear()
        for f in self._files:
            kind = self.tr("Picture") if f.spec.mime.startswith("image/") else self.tr("File")
            self.list.addItem(QListWidgetItem(f"{kind}: {f.spec.name} — {size_text(f.spec.size)}"))
        self.list.setVisible(bool(self._files))
        self.alt.setVisible(bool(self._files))
        self.remove_button.setVisible(bool(self._files))
        self._show_selected(self.list.currentRow())

    # ---------------------------------------------------------------- for the composer

    def busy(self) -> bool:
        return self._busy > 0

    def files(self) -> list[PreparedFile]:
        """The prepared files, each with the description typed for it."""
        return [
            replace(f, spec=replace(f.spec, alt=spec.clean_alt(alt)))
            for f, alt in zip(self._files, self._alts, strict=True)
        ]

    def clear(self) -> None:
        self._files.clear()
        self._alts.clear()
        self._say("")
        self._refresh()
