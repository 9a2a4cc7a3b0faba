"""Settings: sync on the local network. Kept in the vault (it says which spaces this device
talks about), so it shows only while the vault is open; off, with a hint, until there is a
linked device or a space (core/lan.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

from haven.ui.pages.settings.section import Section


class NetworkSection(Section):
    #: The person turned LAN sync on or off (stored in the vault by the window).
    lanToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Local network"), parent)
        self.lan_sync = QCheckBox(self.tr("Sync with my devices on the local networ&k"))
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
        self.form.addRow("", self.lan_sync)
        self.form.addRow("", self.lan_hint)
        self.lan_sync.toggled.connect(self.lanToggled)

    def set_lan_sync(self, enabled: bool | None, available: bool = True) -> None:
        """None (locked) greys the box out, and so does `available=False` (no linked device
        and no space yet: LAN sync is off, with a hint)."""
        self.lan_sync.blockSignals(True)
        self.lan_sync.setChecked(bool(enabled))
        self.lan_sync.setEnabled(enabled is not None and available)
        self.lan_sync.blockSignals(False)
        self.lan_hint.setVisible(enabled is not None and not available)
