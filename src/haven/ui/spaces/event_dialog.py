"""The "New event…" dialog (admins): title, kind, start and end as local times in a zone, a
description, and optionally a place revealed to attendees from a time, a capacity and
approval. It checks with the core's own rules (a time the clocks skip in that zone, an
unknown zone, an end before the start, a text too long) before it closes, and says what is
wrong in a plain-text line, in the UI's language: the core's English never reaches it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.events import MAX_TITLE
from haven.core.spaces.gatherings.details import (
    DEFAULT_LENGTH_S,
    KINDS,
    MAX_CAPACITY,
    MAX_DESCRIPTION,
    MAX_PLACE,
    MAX_YEAR,
    MIN_YEAR,
    REF_BYTES,
    check,
    clean_place,
    local_to_utc,
    zone,
)
from haven.errors import InvalidInput
from haven.ui import peer_text
from haven.ui.dates import number_text
from haven.ui.messages import error_text
from haven.ui.user_text import PlainTextEdit

_ISO = "yyyy-MM-ddTHH:mm"


def _year(n: int) -> str:
    """A year in the UI language's digits, without a thousands separator."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(n)


def system_zone() -> str:
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")
    try:
        zone(name)
    except InvalidInput:
        return "UTC"
    return name


class NewEventDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New event"))
        self.setMinimumWidth(480)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind of event"))
        labels = (self.tr("In person"), self.tr("Online"), self.tr("In person and online"))
        for value, label in zip(KINDS, labels, strict=True):
            self.kind.addItem(label, value)
        tomorrow = QDateTime.currentDateTime().addDays(1)
        tomorrow.setTime(QTime(18, 0))
        self.start = self._when(self.tr("Starts"), tomorrow)
        self.end = self._when(self.tr("Ends"), tomorrow.addSecs(DEFAULT_LENGTH_S))
        self.zone = QLineEdit(system_zone())
        self.zone.setAccessibleName(self.tr("Time zone, such as Europe/London"))
        self.description = PlainTextEdit()
        self.description.setAccessibleName(self.tr("Description"))
        self.place = QLineEdit()
        self.place.setAccessibleName(self.tr("Place: address, room or call link (optional)"))
        self.reveal = self._when(self.tr("Place revealed from"), tomorrow.addDays(-1))
        self.capacity = QSpinBox()
        self.capacity.setRange(0, MAX_CAPACITY)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.capacity.setAccessibleName(self.tr("Places (0: no limit)"))
        self.approval = QCheckBox(self.tr("Organisers a&pprove each guest"))
        self.approval.setAccessibleName(self.tr("Organisers approve each guest"))
        self.error = peer_text.plain_label()
        self.error.setWordWrap(True)
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Starts"), self.start)
        form.addRow(self.tr("E&nds"), self.end)
        form.addRow(self.tr("Time &zone"), self.zone)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("P&lace"), self.place)
        form.addRow(self.tr("&Revealed from"), self.reveal)
        form.addRow(self.tr("Pla&ces"), self.capacity)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create event"))
        ok.setAccessibleName(self.tr("Create event"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.approval)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.content: dict[str, Any] = {}
        self.place_text: str | None = None

    def _when(self, name: str, value: QDateTime) -> QDateTimeEdit:
        edit = QDateTimeEdit(value)
        edit.setCalendarPopup(True)
        edit.setAccessibleName(name)
        return edit

    def accept(self) -> None:
        try:
            self.content, self.place_text = self._read()
        except InvalidInput as exc:
            peer_text.set_plain(self.error, self._explain(exc))
            self.error.show()
            return
        super().accept()

    def _read(self) -> tuple[dict[str, Any], str | None]:
        tz = self.zone.text().strip()
        zone(tz)
        if not self.title.text().strip():
            raise InvalidInput("a title cannot be empty")
        place = self.place.text().strip() or None
        content: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "tz": tz,
            "start": local_to_utc(self.start.dateTime().toString(_ISO), tz),
            "end": local_to_utc(self.end.dateTime().toString(_ISO), tz),
            "capacity": self.capacity.value(),
            "approval": self.approval.isChecked(),
        }
        if place is not None:
            content["reveal_at"] = local_to_utc(self.reveal.dateTime().toString(_ISO), tz)
            clean_place(place)
        # The core's own check, as the event's create will run it.
        check({**content, "ref": bytes(REF_BYTES), "has_place": place is not None})
        return content, place

    def _explain(self, exc: InvalidInput) -> str:
        """The core's error (English, for logs and the CLI) as a sentence in the UI's
        language; one it does not know gets the general one, never its English."""
        text = str(exc)
        if "time zone" in text:
            return self.tr("Unknown time zone. Write a name such as Europe/London.")
        if "does not exist in" in text:
            return self.tr(
                "That time does not exist in this time zone: the clocks go forward then. "
                "Choose another time."
            )
        if "ends after it starts" in text:
            return self.tr("The event must end after it starts.")
        if "lasts at most" in text:
            return self.tr("An event lasts at most 31 days. For longer, make it repeat.")
        if "outside the years" in text:
            return (
                self.tr("Times must fall between the years %1 and %2.")
                .replace("%1", _year(MIN_YEAR))
                .replace("%2", _year(MAX_YEAR))
            )
        if text == "a title cannot be empty":
            return self.tr("Give the event a title.")
        limits = (
            ("a title", self.tr("The title is too long: at most %1 characters."), MAX_TITLE),
            (
                "a description",
                self.tr("The description is too long: at most %1 characters."),
                MAX_DESCRIPTION,
            ),
            ("a place", self.tr("The place is too long: at most %1 characters."), MAX_PLACE),
        )
        for what, sentence, limit in limits:
            if text.startswith(what + " has at most"):
                return sentence.replace("%1", number_text(limit))
        return error_text(exc)
