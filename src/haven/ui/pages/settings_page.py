"""Settings: everything a person can do without a terminal, in sections (one module each,
in pages/settings/): privacy and appearance, language, backup and passphrase, name and
device, relays, the local network, and what Haven is. Preferences live in QSettings (no
content); what belongs to the vault goes through the bridge to the core's services."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from haven import __version__
from haven.ui.appearance import mark_heading
from haven.ui.bridge import SessionBridge
from haven.ui.pages.settings.language import LanguageSection
from haven.ui.pages.settings.look import LookSection
from haven.ui.pages.settings.network import NetworkSection
from haven.ui.pages.settings.profile import ProfileSection
from haven.ui.pages.settings.relay_proxy import RelayProxySection
from haven.ui.pages.settings.relays import RelaysSection
from haven.ui.pages.settings.vault_files import VaultFilesSection
from haven.ui.safety import quick_exit_keys_text
from haven.ui.settings import AppSettings


class SettingsPage(QWidget):
    #: Something changed: the window re-applies theme, font, title and auto-lock.
    changed = Signal()
    #: The person turned LAN sync on or off (stored in the vault by the window).
    lanToggled = Signal(bool)
    #: "Change passphrase…" was pressed (only while the vault is open).
    passphraseRequested = Signal()
    #: "Restore a backup…" was pressed.
    restoreRequested = Signal()
    #: "Restart now" after choosing a language.
    restartRequested = Signal()

    def __init__(
        self,
        settings: AppSettings,
        bridge: SessionBridge | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.heading = heading = QLabel(self.tr("Settings"))
        mark_heading(heading, 1)  # sized by the style sheet: it follows the text size

        self.look = LookSection(settings)
        self.language = LanguageSection(settings)
        self.files = VaultFilesSection(bridge)
        self.profile = ProfileSection(bridge)
        self.relays = RelaysSection(bridge)
        self.relay_proxy = RelayProxySection(bridge)
        self.network = NetworkSection()
        # The names the window and the tests have always used.
        self.autolock, self.theme = self.look.autolock, self.look.theme
        self.font_scale, self.discreet = self.look.font_scale, self.look.discreet
        self.lan_sync, self.lan_hint = self.network.lan_sync, self.network.lan_hint
        self.passphrase_button = self.files.passphrase_button

        safety = QLabel(
            self.tr(
                "Quick exit: press Shift three times, or %1, to hide Haven and lock it "
                "at once. Ctrl+L locks without hiding."
            ).replace("%1", quick_exit_keys_text())
        )
        safety.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.about = QLabel(
            self.tr(
                "Haven %1. Free software under the GNU General Public License, version 3 or "
                "later. Haven never checks for updates and sends no telemetry."
            ).replace("%1", __version__)
        )
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        box = QWidget()
        box.setMaximumWidth(680)
        inner = QVBoxLayout(box)
        inner.addWidget(heading)
        inner.addWidget(self.message)
        for section in (
            self.look,
            self.language,
            self.files,
            self.profile,
            self.relays,
            self.relay_proxy,
            self.network,
        ):
            inner.addWidget(section)
        self._sections = inner
        self._after_sections = inner.count()  # where add_section puts a section
        inner.addWidget(safety)
        inner.addWidget(self.about)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.look.changed.connect(self.changed)
        self.network.lanToggled.connect(self.lanToggled)
        self.files.passphraseRequested.connect(self.passphraseRequested)
        self.files.restoreRequested.connect(self.restoreRequested)
        self.language.restartRequested.connect(self.restartRequested)

    def load(self) -> None:
        self.look.load()

    def attach(self) -> None:
        """The vault opened: the sections that show its data read it."""
        for section in (self.files, self.profile, self.relays, self.relay_proxy):
            section.set_open(True)
        self.profile.load()
        self.relays.load()
        self.relay_proxy.load()

    def detach(self) -> None:
        """The vault locked: forget what it showed."""
        for section in (self.files, self.profile, self.relays, self.relay_proxy):
            section.set_open(False)
        self.set_lan_sync(None)
        self.show_message("")

    def set_lan_sync(self, enabled: bool | None, available: bool = True) -> None:
        self.network.set_lan_sync(enabled, available)
        self.passphrase_button.setEnabled(enabled is not None)

    def add_section(self, section: QWidget) -> None:
        """A section kept in its own module (e.g. pages/settings/duress.py), after the others."""
        self._sections.insertWidget(self._after_sections, section)
        self._after_sections += 1

    def show_message(self, text: str) -> None:
        self.message.setText(text)
