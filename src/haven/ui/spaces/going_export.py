"""Export my events… (the Upcoming page): the events the person is going to, in every space
they belong to, as one calendar file (.ics) — the app's `haven event export-going`.

The file is written outside the encrypted vault, so the person is told first, plainly, that
anyone who can open it sees those events, and asked whether the places revealed to them go
in too (off unless ticked). The core makes the file (gatherings.export_going) and writes it
as a new file only this user may read (core/export.write_private_file), never over an
existing one; both run in the bridge's worker. A lock closes the question and the file
dialog, and drops an answer still under way."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QFileDialog, QMessageBox, QPushButton, QWidget

from haven.core import export
from haven.ui import messages
from haven.ui.bridge import SessionBridge
from haven.ui.pages.settings.section import file_dialog


class _Exists(Exception):
    """The chosen file exists (not an OSError, so disk_errors leaves it as it is)."""


class GoingExport(QObject):
    """The question, the file dialog and the write, for one page (`say` shows the outcome)."""

    def __init__(self, bridge: SessionBridge, parent: QWidget, say: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._parent = parent
        self._say = say
        self._ticket = 0
        self.box: QMessageBox | None = None
        self.with_places: QCheckBox | None = None
        self.choose_button: QPushButton | None = None
        self.dialog: QFileDialog | None = None

    def start(self) -> None:
        """Warn that the file is plain text, then ask where it goes."""
        if self._bridge.session is None:
            return
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Export my events"))
        box.setAccessibleName(self.tr("Export my events as a calendar file"))
        box.setText(
            self.tr(
                "The calendar file is NOT encrypted: anyone who can open it sees the events "
                "you are going to, when they are and in which spaces. Keep it somewhere safe "
                "and delete it when you no longer need it."
            )
        )
        places = QCheckBox(self.tr("Include the &places revealed to me"))
        places.setAccessibleName(self.tr("Include the places revealed to me in the file"))
        box.setCheckBox(places)
        choose = box.addButton(self.tr("&Choose where to save…"), QMessageBox.ButtonRole.AcceptRole)
        choose.setAccessibleName(self.tr("Choose where to save the calendar file"))
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(self.tr("Cancel: write nothing"))
        box.setDefaultButton(cancel)
        self.box, self.with_places, self.choose_button = box, places, choose

        def chosen() -> None:
            if box.clickedButton() is choose and self._bridge.session is not None:
                self.choose_file(places.isChecked())
            self.box = None

        box.finished.connect(lambda _r: chosen())
        box.open()

    def choose_file(self, with_places: bool) -> None:
        name = f"events-{datetime.date.today().isoformat()}.ics"
        dialog = file_dialog(
            self._parent, self.tr("Save the calendar file as"), save=True, suggested=name
        )
        dialog.setNameFilter(self.tr("Calendar files (*.ics)"))
        dialog.fileSelected.connect(lambda path: self.write(Path(path), with_places))
        self.dialog = dialog
        dialog.open()

    def write(self, dest: Path, with_places: bool) -> None:
        session = self._bridge.session
        if session is None:
            return
        gatherings = session.spaces.gatherings
        self._ticket += 1
        ticket = self._ticket
        self._say(self.tr("Writing the calendar file…"))

        def work() -> int:
            data, count = gatherings.export_going(with_place=with_places)
            with export.disk_errors("writing the calendar file"):
                try:
                    export.write_private_file(dest, data)  # a new file, 0600
                except FileExistsError:
                    raise _Exists() from None  # never replaced; said as such
            return count

        def done(count: object) -> None:
            if ticket == self._ticket and self._bridge.session is session:
                self._say(
                    self.tr(
                        "Wrote %Ln event(s) to %1 — outside the encrypted vault.",
                        "",
                        int(count),  # type: ignore[call-overload]
                    ).replace("%1", str(dest))
                )

        def failed(exc: BaseException) -> None:
            if ticket != self._ticket or self._bridge.session is not session:
                return
            if isinstance(exc, _Exists):
                self._say(self.tr("Nothing was written: that file exists. Choose a new name."))
            else:
                self._say(messages.error_text(exc))

        self._bridge.run(work, done, failed)

    def close(self) -> None:
        """On lock: close the question and the file dialog; drop a write's answer."""
        self._ticket += 1
        for widget in (self.box, self.dialog):
            if widget is not None:
                widget.reject()
        self.box = self.dialog = None
