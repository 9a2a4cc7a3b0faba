"""Settings: auto-lock, theme, font size, discreet mode, and what Haven is (version, licence).
Stored with QSettings; no content."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from haven import __version__
from haven.ui.safety import quick_exit_keys_text
from haven.ui.settings import FONT_SCALES, MAX_AUTOLOCK_MINUTES, AppSettings, Theme


class SettingsPage(QWidget):
    #: Something changed: the window re-applies theme, font, title and auto-lock.
    changed = Signal()
    #: The person turned LAN sync on or off (stored in the vault by the window).
    lanToggled = Signal(bool)
    #: "Change passphrase…" was pressed (only while the vault is open).
    passphraseRequested = Signal()

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        heading = QLabel(self.tr("Settings"))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)

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
            self.font_scale.addItem(f"{percent} %", percent)
        self.discreet = QCheckBox(self.tr("&Discreet mode: a neutral window title"))
        self.discreet.setAccessibleName(self.tr("Discreet mode"))
        self.discreet.setAccessibleDescription(
            self.tr("The window is called Notes instead of Haven")
        )
        self.lan_sync = QCheckBox(self.tr("Sync with my devices on the &local network"))
        self.lan_sync.setAccessibleName(self.tr("Sync on the local network"))
        self.lan_sync.setAccessibleDescription(
            self.tr(
                "Haven finds your linked devices on this network; the announcements carry "
                "no names. Kept in your vault, so it applies only while it is unlocked."
            )
        )
        self.lan_sync.setEnabled(False)
        self.lan_hint = QLabel(
            self.tr("Off until you link a device or join a space: nothing listens on the network.")
        )
        self.lan_hint.setWordWrap(True)
        self.lan_hint.setAccessibleName(self.tr("Local network sync is off"))
        self.lan_hint.setVisible(False)
        safety = QLabel(
            self.tr(
                "Quick exit: press Shift three times, or %1, to hide Haven and lock it "
                "at once. Ctrl+L locks without hiding."
            ).replace("%1", quick_exit_keys_text())
        )
        safety.setWordWrap(True)
        self.about = QLabel(
            self.tr(
                "Haven %1. Free software under the GNU General Public License, version 3 or "
                "later. Haven never checks for updates and sends no telemetry."
            ).replace("%1", __version__)
        )
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(self.tr("&Auto-lock after"), self.autolock)
        form.addRow(self.tr("&Theme"), self.theme)
        form.addRow(self.tr("Te&xt size"), self.font_scale)
        form.addRow("", self.discreet)
        form.addRow("", self.lan_sync)
        form.addRow("", self.lan_hint)
        self.passphrase_button = QPushButton(self.tr("Change &passphrase…"))
        self.passphrase_button.setAccessibleName(self.tr("Change the vault's passphrase"))
        self.passphrase_button.setEnabled(False)
        self.passphrase_button.clicked.connect(self.passphraseRequested)
        form.addRow("", self.passphrase_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        box = QWidget()
        box.setMaximumWidth(640)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(heading)
        inner.addLayout(form)
        inner.addWidget(safety)
        inner.addWidget(self.about)
        self._sections = inner
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.setTabOrder(self.autolock, self.theme)
        self.setTabOrder(self.theme, self.font_scale)
        self.setTabOrder(self.font_scale, self.discreet)
        self.setTabOrder(self.discreet, self.lan_sync)

        self.load()
        self.autolock.valueChanged.connect(self._store)
        self.theme.currentIndexChanged.connect(self._store)
        self.font_scale.currentIndexChanged.connect(self._store)
        self.discreet.toggled.connect(self._store)
        self.lan_sync.toggled.connect(self.lanToggled)

    def load(self) -> None:
        s = self.settings
        for widget in (self.autolock, self.theme, self.font_scale, self.discreet):
            widget.blockSignals(True)
        self.autolock.setValue(s.autolock_minutes)
        self.theme.setCurrentIndex(max(0, self.theme.findData(s.theme.value)))
        self.font_scale.setCurrentIndex(max(0, self.font_scale.findData(s.font_scale)))
        self.discreet.setChecked(s.discreet)
        for widget in (self.autolock, self.theme, self.font_scale, self.discreet):
            widget.blockSignals(False)

    def set_lan_sync(self, enabled: bool | None, available: bool = True) -> None:
        """Show the vault's LAN setting; None (locked) greys the box out, and so does
        `available=False` (no linked device and no space yet: LAN sync is off, with a hint)."""
        self.lan_sync.blockSignals(True)
        self.lan_sync.setChecked(bool(enabled))
        self.lan_sync.setEnabled(enabled is not None and available)
        self.lan_sync.blockSignals(False)
        self.lan_hint.setVisible(enabled is not None and not available)
        self.passphrase_button.setEnabled(enabled is not None)

    def add_section(self, section: QWidget) -> None:
        """A section kept in its own module (ui/settings_duress.py), shown after the form."""
        self._sections.insertWidget(2, section)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def _store(self) -> None:
        s = self.settings
        s.autolock_minutes = self.autolock.value()
        s.theme = Theme(str(self.theme.currentData()))
        s.font_scale = int(self.font_scale.currentData())
        s.discreet = self.discreet.isChecked()
        s.sync()
        self.changed.emit()
