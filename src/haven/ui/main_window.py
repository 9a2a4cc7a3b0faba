"""The one window: create, unlock or home page, plus quick exit and auto-lock.

The title is always "Haven" (or "Notes" in discreet mode) and never shows entry text.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from haven.core.changes import DevicesChanged, ProfileChanged, RelaysChanged, SpaceDetailsChanged
from haven.core.identity import Persona
from haven.errors import HavenError, VaultDamaged
from haven.ui import appearance, messages, peer_text
from haven.ui.bridge import SessionBridge, changes_of
from haven.ui.clipboard_guard import clipboard_guard
from haven.ui.dates import number_text
from haven.ui.devices.devices_page import DevicesPage
from haven.ui.devices.link_page import LinkDevicePage
from haven.ui.discreet import DiscreetTitles, neutral_title
from haven.ui.dm.dm_page import DmPage
from haven.ui.journal.journal_page import JournalPage
from haven.ui.onboarding import IntroductionDialog
from haven.ui.pages.create_page import CreateVaultPage
from haven.ui.pages.help_page import HelpPage
from haven.ui.pages.home_page import HomePage
from haven.ui.pages.passphrase_dialog import ChangePassphraseDialog
from haven.ui.pages.restore_dialog import RestoreDialog
from haven.ui.pages.settings.duress import DuressSettings
from haven.ui.pages.settings_page import SettingsPage
from haven.ui.pages.unlock_page import UnlockPage
from haven.ui.row_delegate import forget_painted_rows
from haven.ui.safety import SafetyWatcher
from haven.ui.settings import AppSettings
from haven.ui.shortcut_sheet import SHEET_KEYS, ShortcutSheet, sections_of
from haven.ui.spaces.spaces_page import SpacesPage
from haven.ui.spaces.upcoming_page import UpcomingPage
from haven.ui.sync_status import SyncStatusLabel
from haven.ui.vault_dialogs import VaultDialogs
from haven.ui.window_fit import PageStack, WindowFit

log = logging.getLogger(__name__)


class HavenWindow(QMainWindow):
    #: Quick exit happened (window hidden, vault locked). `run_app` quits on it.
    quickExited = Signal()
    #: The language changed and the person asked to restart: `run_app` locks, then builds a
    #: new window in the new language.
    restartRequested = Signal()
    #: Open the vault in this folder (a restored backup): `run_app` locks, gives up the
    #: current folder's claim and builds a new window there.
    openFolderRequested = Signal(object)

    def __init__(
        self,
        bridge: SessionBridge,
        settings: AppSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings or AppSettings()
        self.stack = PageStack()
        self.create_page = CreateVaultPage()
        self.unlock_page = UnlockPage()
        self.home = HomePage()
        self.journal_page = JournalPage(bridge)
        self.settings_page = SettingsPage(self.settings, bridge)
        self.devices_page = DevicesPage(bridge)
        self.link_page = LinkDevicePage(bridge)
        self.help_page = HelpPage()
        self.sync_status = SyncStatusLabel()
        self.home.add_section("journal", self.tr("Journal"), self.journal_page)
        self.home.add_section("settings", self.tr("Settings"), self.settings_page)
        self.home.add_section("devices", self.tr("Devices"), self.devices_page)
        self.spaces_page = SpacesPage(bridge)
        self.home.add_section("spaces", self.tr("Spaces"), self.spaces_page)
        self._spaces_row = self.home.sidebar.count() - 1
        self.upcoming_page = UpcomingPage(bridge)
        self.home.add_section("upcoming", self.tr("Upcoming"), self.upcoming_page)
        self.dm_page = DmPage(bridge)
        self.home.add_section("messages", self.tr("Messages"), self.dm_page)
        self._messages_row = self.home.sidebar.count() - 1
        self.dm_page.unreadChanged.connect(self._show_messages_unread)
        self.spaces_page.view.members.messageRequested.connect(self._message_privately)
        self.spaces_page.unreadChanged.connect(self._show_spaces_unread)
        self.home.add_footer(self.sync_status)
        for page in (self.create_page, self.unlock_page, self.home, self.link_page, self.help_page):
            self.stack.addWidget(page)
        self.fit = WindowFit(self, self.stack)  # the pages scroll; the window fits the screen

        self.safety = SafetyWatcher(self)
        self.discreet = DiscreetTitles(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.safety)
            app.installEventFilter(self.discreet)
        self.safety.quickExit.connect(self.quick_exit)
        self.safety.idleTimeout.connect(self.lock)
        lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_shortcut.activated.connect(self.lock)
        self.shortcut_sheet: ShortcutSheet | None = None
        for keys in SHEET_KEYS:
            sheet_shortcut = QShortcut(QKeySequence(keys), self)
            sheet_shortcut.activated.connect(self.show_shortcuts)

        self.create_page.submitted.connect(self._create)
        self.unlock_page.submitted.connect(self._unlock)
        self.home.lockRequested.connect(self.lock)
        self.settings_page.changed.connect(self.apply_settings)
        self.settings_page.lanToggled.connect(self._set_lan)
        self.settings_page.passphraseRequested.connect(self.open_passphrase_dialog)
        self.duress_settings = DuressSettings(self.bridge)
        self.settings_page.add_section(self.duress_settings)
        self.settings_page.restoreRequested.connect(self.open_restore_dialog)
        self.settings_page.restartRequested.connect(self.restartRequested)
        self.settings_page.profile.personaChanged.connect(self._show_persona)
        self.unlock_page.restoreRequested.connect(self.open_restore_dialog)
        self.dialogs = VaultDialogs(self, self, self.openFolderRequested.emit)
        self.create_page.linkRequested.connect(self.show_link_page)
        self.create_page.restoreRequested.connect(self.open_restore_dialog)
        self.link_page.backRequested.connect(self.show_start_page)
        self.unlock_page.helpRequested.connect(self.show_help_page)
        self.home.helpRequested.connect(self.show_help_page)
        self.help_page.backRequested.connect(self.show_start_page)
        bridge.background.statusChanged.connect(self.sync_status.set_status)
        bridge.busyChanged.connect(self._set_busy)
        bridge.unlocked.connect(self._on_unlocked)
        bridge.locked.connect(self._on_locked)
        bridge.openFailed.connect(self._on_open_failed)
        bridge.damageFound.connect(self._on_damage_found)
        bridge.changed.connect(self._show_lan_setting)
        bridge.changed.connect(self._reload_relays)
        bridge.changed.connect(self._reload_profile)
        self.damage_box: QMessageBox | None = None
        self.introduction: IntroductionDialog | None = None
        self._just_created = False
        self.help_page.introductionRequested.connect(self.show_introduction)
        self.apply_settings()
        self.show_start_page()

    # ---------------------------------------------------------------- pages

    def show_start_page(self) -> None:
        if self.bridge.session is not None:
            self.stack.setCurrentWidget(self.home)
        elif self.bridge.vault_exists():
            self.unlock_page.reset()
            self.stack.setCurrentWidget(self.unlock_page)
            self.unlock_page.passphrase.setFocus()
        else:
            self.stack.setCurrentWidget(self.create_page)
            self.create_page.name.setFocus()

    def show_link_page(self) -> None:
        self.create_page.clear_secrets()
        self.link_page.reset()
        self.stack.setCurrentWidget(self.link_page)
        self.link_page.code.setFocus()

    def show_help_page(self) -> None:
        """Crisis lines, locked or not; Back returns to the unlock page or the journal."""
        self.unlock_page.clear_secrets()
        self.help_page.load()
        self.stack.setCurrentWidget(self.help_page)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def apply_settings(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            appearance.apply_theme(app, self.settings.theme)
            appearance.apply_font_scale(app, self.settings.font_scale)
        self.fit.apply(self.settings.font_scale)
        self.discreet.set_on(self.settings.discreet)  # dialogs, message boxes and the icon
        self.setWindowTitle(neutral_title() if self.settings.discreet else self.tr("Haven"))
        self.unlock_page.set_discreet(self.settings.discreet)
        self.safety.set_idle_timeout_ms(self.settings.autolock_minutes * 60_000)
        self.bridge.background.port = self.settings.sync_port

    # ---------------------------------------------------------------- open and lock

    def _create(self, passphrase: str, name: str, pronouns: str) -> None:
        self.create_page.clear_secrets()
        self._just_created = True
        self.bridge.create_vault(passphrase, name, pronouns)

    def _unlock(self, passphrase: str) -> None:
        self.unlock_page.clear_secrets()
        self.bridge.unlock(passphrase)

    def _set_busy(self, busy: bool) -> None:
        self.create_page.set_busy(busy)
        self.unlock_page.set_busy(busy)

    def _on_unlocked(self) -> None:
        """Draw the first screens. A damaged page they read (the vault itself opened) must
        not leave the unlock page silent: lock again and say what to do there."""
        try:
            self._show_unlocked()
        except VaultDamaged as exc:
            log.error("the first screens could not be read: the vault is damaged")
            self.bridge.lock()
            self.unlock_page.show_error(messages.error_text(exc))

    def _show_unlocked(self) -> None:
        session = self.bridge.session
        if session is None:
            return
        self._show_persona(session.identity.primary())
        self.settings_page.attach()
        self.journal_page.attach()
        self.devices_page.attach()
        self.spaces_page.attach()
        self.upcoming_page.attach()
        self.dm_page.attach()
        self._show_lan_setting()
        self.home.show_section("journal")
        self.stack.setCurrentWidget(self.home)
        self.safety.arm_idle(True)
        self.journal_page.editor.body.setFocus()
        if self._just_created and not self.settings.introduction_seen:
            self.show_introduction()
        self._just_created = False

    def _on_locked(self) -> None:
        clipboard_guard().clear_if_ours()
        self.dialogs.on_locked()
        if self.introduction is not None:
            self.introduction.reject()
        self.settings_page.detach()
        self.safety.arm_idle(False)
        self.journal_page.detach()
        self.devices_page.detach()
        self.spaces_page.detach()
        self.upcoming_page.detach()
        self.dm_page.detach()
        self.home.persona.clear()
        forget_painted_rows(self)  # after the models are empty: Qt's last-row cache
        self.show_start_page()

    def show_introduction(self) -> None:
        """The first-run introduction (after creating a vault, once), or again from Help."""
        if self.introduction is not None:
            self.introduction.raise_()
            return
        self.settings.introduction_seen = True  # once shown, never again unless asked
        dialog = IntroductionDialog(self, show_icon=not self.settings.discreet)
        self.introduction = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def finished() -> None:
            self.introduction = None
            dialog.deleteLater()

        dialog.finished.connect(lambda _r: finished())
        dialog.open()

    # Dialogs about the vault as a whole (ui/vault_dialogs.py).
    @property
    def passphrase_dialog(self) -> ChangePassphraseDialog | None:
        return self.dialogs.passphrase_dialog

    @property
    def restore_dialog(self) -> RestoreDialog | None:
        return self.dialogs.restore_dialog

    def open_passphrase_dialog(self) -> None:
        self.dialogs.open_passphrase_dialog()

    def open_restore_dialog(self) -> None:
        self.dialogs.open_restore_dialog()

    def show_shortcuts(self) -> None:
        """The keyboard-shortcut sheet (F1, Ctrl+?), locked or not."""
        if self.shortcut_sheet is not None:
            self.shortcut_sheet.raise_()
            return
        sheet = ShortcutSheet(sections_of(self.home.sidebar), self)
        self.shortcut_sheet = sheet

        def finished() -> None:
            self.shortcut_sheet = None
            sheet.deleteLater()

        sheet.finished.connect(lambda _r: finished())
        sheet.open()

    def _show_persona(self, persona: object) -> None:
        if not isinstance(persona, Persona):
            return
        label = peer_text.name(persona.display_name)
        if persona.pronouns:
            label += f" ({peer_text.name(persona.pronouns)})"
        self.home.persona.setText(label)
        self.home.persona.setAccessibleName(self.tr("Signed in as %1").replace("%1", label))

    def _reload_profile(self, changes: object) -> None:
        """A linked device renamed the persona: the header and Settings follow."""
        if changes_of(changes, ProfileChanged):
            self.settings_page.profile.load()

    def _reload_relays(self, changes: object) -> None:
        relays = bool(changes_of(changes, RelaysChanged))
        if relays or bool(changes_of(changes, SpaceDetailsChanged)):
            self.settings_page.relays.load()

    def _on_damage_found(self, pages: int) -> None:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Your vault is damaged"))
        box.setText(
            self.tr(
                "Haven found %Ln damaged page(s) in your vault: a disk error, or the file was "
                "changed. What opens is intact; what was on those pages cannot be read.",
                "",
                pages,
            )
        )
        box.setInformativeText(
            self.tr(
                "Back up what still opens now (Settings, Back up my vault), then restore your "
                "most recent backup into a new folder (Restore a backup, in Settings or on the "
                "unlock page) to recover the rest."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.damage_box = box
        box.open()

    def _on_open_failed(self, exc: object) -> None:
        text = messages.error_text(exc if isinstance(exc, BaseException) else HavenError())
        if self.stack.currentWidget() is self.create_page:
            self.create_page.show_error(text)
        else:
            self.unlock_page.show_error(text)

    def _message_privately(self, member_pk: bytes) -> None:
        """ "Message privately" on a member row: open (or find) the conversation in a worker,
        then show it in the Messages section."""
        session, space_id = self.bridge.session, self.spaces_page.view.space_id
        if session is None or space_id is None:
            return
        dms = session.spaces.dms

        def done(dm_id: object) -> None:
            if isinstance(dm_id, bytes) and self.bridge.session is not None:
                self.home.show_section("messages")
                self.dm_page.open_dm(dm_id)

        def failed(exc: BaseException) -> None:
            self.spaces_page.view.status.setText(messages.error_text(exc))

        self.bridge.run(lambda: dms.open(space_id, member_pk), done, failed)

    def _show_spaces_unread(self, unread: int) -> None:
        spoken = self.tr("Spaces, %Ln unread", "", unread)
        self._show_unread(self._spaces_row, self.tr("Spaces"), spoken, unread)

    def _show_messages_unread(self, unread: int) -> None:
        spoken = self.tr("Messages, %Ln unread", "", unread)
        self._show_unread(self._messages_row, self.tr("Messages"), spoken, unread)

    def _show_unread(self, row: int, title: str, spoken: str, unread: int) -> None:
        """A sidebar item's count: in its text, and in the name a screen reader says."""
        item = self.home.sidebar.item(row)
        item.setText(f"{title} ({number_text(unread)})" if unread else title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken if unread else title)

    def _show_lan_setting(self, changes: list[object] | None = None) -> None:
        """The LAN box follows the vault: off and greyed until a device or a space exists."""
        session = self.bridge.session
        if session is None:
            return
        kinds = (DevicesChanged, SpaceDetailsChanged)
        if changes is not None and not any(isinstance(c, kinds) for c in changes):
            return
        try:
            self.settings_page.set_lan_sync(session.lan.enabled(), session.lan.available())
        except HavenError as exc:  # locked under us
            log.info("LAN setting not shown: %s", type(exc).__name__)

    def _set_lan(self, enabled: bool) -> None:
        session = self.bridge.session
        if session is None:
            return
        try:
            session.lan.set_enabled(enabled)
        except HavenError as exc:
            self._show_lan_setting()
            log.warning("could not store the LAN setting: %s", type(exc).__name__)
            return
        self.bridge.background.set_lan_enabled(enabled)

    def lock(self) -> None:
        if self.bridge.session is not None:
            self.journal_page.flush_draft()  # into the vault: nothing typed is lost
        if self.bridge.session is not None or self.bridge.busy:
            self.bridge.lock()

    def quick_exit(self) -> None:
        """Hide first (what a bystander sees), then lock and forget what was shown."""
        for _ in range(10):  # an open dialog (e.g. "Delete this entry?") goes too
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                break
            dialog.hide()
            dialog.close()
        self.hide()
        clipboard_guard().clear_if_ours()
        if self.bridge.session is not None:
            self.journal_page.flush_draft()
        self.bridge.lock()
        self.create_page.clear_secrets()
        self.link_page.reset()
        self.unlock_page.reset()
        self.quickExited.emit()

    # ---------------------------------------------------------------- Qt events

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit.on_resized(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self.bridge.session is None and self.stack.currentWidget() is self.home:
            self.show_start_page()
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()  # saves the draft first
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.safety)
            app.removeEventFilter(self.discreet)
        super().closeEvent(event)
