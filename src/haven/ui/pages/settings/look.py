"""Settings: auto-lock, theme, text size and discreet mode. Kept in QSettings (no content);
the window applies them at once."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from haven.ui.pages.settings.section import Section
from haven.ui.settings import FONT_SCALES, MAX_AUTOLOCK_MINUTES, AppSettings, Theme


class LookSection(Section):
    #: Something changed: the window re-applies theme, font, title and auto-lock.
    changed = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Privacy and appearance"), parent)
        self.settings = settings
        self.autolock = QSpinBox()
        self.autolock.setRange(0, MAX_AUTOLOCK_MINUTES)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setSpecialValueText(self.tr("Never"))
        self.autolock.setAccessibleName(self.tr("Lock after minutes without use"))
        self.autolock.setAccessibleDescription(self.tr("0 means never"))
        self.theme = QComboBox()
        self.theme.setAccessibleName(self.tr("Theme"))
        for theme, label in (
            (Theme.SYSTEM, self.tr("Same as the system")),
            (Theme.LIGHT, self.tr("Light")),
            (Theme.DARK, self.tr("Dark")),
            (Theme.HIGH_CONTRAST, self.tr("High contrast")),
        ):
            self.theme.addItem(label, theme.value)
        self.font_scale = QComboBox()
        self.font_scale.setAccessibleName(self.tr("Text size"))
        for percent in FONT_SCALES:
            shown = QLocale().toString(percent)  # the UI language's digits
            self.font_scale.addItem(self.tr("%1 %").replace("%1", shown), percent)
        self.discreet = QCheckBox(self.tr("Dis&creet mode: a neutral window title"))
        self.discreet.setAccessibleName(self.tr("Discreet mode"))
        self.discreet.setAccessibleDescription(
            self.tr("The window is called Notes instead of Haven")
        )
        self.add_row(self.tr("&Auto-lock after"), self.autolock)
        self.add_row(self.tr("&Theme"), self.theme)
        self.add_row(self.tr("Te&xt size"), self.font_scale)
        self.form.addRow("", self.discreet)

        self.load()
        self.autolock.valueChanged.connect(self._store)
        self.theme.currentIndexChanged.connect(self._store)
        self.font_scale.currentIndexChanged.connect(self._store)
        self.discreet.toggled.connect(self._store)

    def load(self) -> None:
        s = self.settings
        widgets = (self.autolock, self.theme, self.font_scale, self.discreet)
        for widget in widgets:
            widget.blockSignals(True)
        self.autolock.setValue(s.autolock_minutes)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme.value)))
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(s.font_scale)))
        self.discreet.setChecked(s.discreet)
        for widget in widgets:
            widget.blockSignals(False)

    def _store(self) -> None:
        s = self.settings
        s.autolock_minutes = self.autolock.value()
        s.theme = Theme(str(self.theme.currentData()))
        s.font_scale = int(self.font_scale.currentData())
        s.discreet = self.discreet.isChecked()
        s.sync()
        self.changed.emit()
