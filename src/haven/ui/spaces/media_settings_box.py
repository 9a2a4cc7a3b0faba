"""The space's pictures-and-timer settings in "About and you": the largest attachment and
how long posts last (disappearing posts). Everyone sees them; admins change them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QPushButton

from haven.core.attachments.spec import DEFAULT_LIMIT
from haven.ui.spaces.attachment_wording import size_text
from haven.ui.spaces.disappear_notice import duration_text

LIMITS = (1, 5, 10, 25, 64)  # MiB
TIMERS = (0, 3600, 86400, 7 * 86400, 28 * 86400)


class MediaSettingsBox(QGroupBox):
    #: attachment limit (bytes), disappearing timer (seconds, 0: off)
    settingsRequested = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Pictures and disappearing posts"))
        self.limit = QComboBox()
        self.limit.setAccessibleName(self.tr("Largest attachment"))
        for mib in LIMITS:
            self.limit.addItem(size_text(mib * 1024 * 1024), mib * 1024 * 1024)
        self.timer = QComboBox()
        self.timer.setAccessibleName(self.tr("Posts disappear after"))
        for seconds in TIMERS:
            self.timer.addItem(duration_text(seconds) if seconds else self.tr("Never"), seconds)
        self.save = QPushButton(self.tr("Save space settings"))
        self.save.setAccessibleName(self.tr("Save the space's attachment and timer settings"))
        form = QFormLayout(self)
        form.addRow(self.tr("Largest attachment"), self.limit)
        form.addRow(self.tr("Posts disappear after"), self.timer)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save)
        form.addRow(row)
        self.save.clicked.connect(
            lambda: self.settingsRequested.emit(self.limit.currentData(), self.timer.currentData())
        )
        #: what each combo last showed from the space: a combo that differs was changed by
        #: the person and not saved yet, and a reload (sync, a sweep) leaves it as it is
        self._shown: dict[QComboBox, int] = {}
        self.show_settings(DEFAULT_LIMIT, 0, admin=False)

    def show_settings(self, limit: int, seconds: int, admin: bool, fresh: bool = True) -> None:
        """`fresh`: another space (or the first look at this one): nothing is kept."""
        if fresh:
            self._shown.clear()
        for combo, value in ((self.limit, limit), (self.timer, seconds)):
            combo.setEnabled(admin)
            before = self._shown.get(combo)
            self._shown[combo] = value
            if admin and before is not None and combo.currentData() != before:
                continue  # being edited
            found = combo.findData(value)
            if found < 0:  # a value set elsewhere (the CLI): shown as it is
                text = size_text(value) if combo is self.limit else duration_text(value)
                combo.addItem(text, value)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
        self.save.setVisible(admin)
