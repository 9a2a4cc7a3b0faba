"""An unlocked vault and the services over it: the one object the CLI and the UI hold."""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from haven.core.backup import Backups
from haven.core.changes import ChangeBus
from haven.core.clock import Clock, now_ms
from haven.core.devices import DeviceService, DevicesProjector, JournalAuthorizer
from haven.core.duress import SAME_AS_OWN, DuressPassphrase
from haven.core.envelope import SPACE_ID_BYTES
from haven.core.eventlog import EventLog
from haven.core.identity import Identity, Persona, validate_name, validate_pronouns
from haven.core.journal import JournalProjector, JournalRedaction, JournalService
from haven.core.lan import LanSettings
from haven.core.passphrase import check
from haven.core.profile import ProfileProjector, ProfileService
from haven.core.relay_proxy import RelayProxy
from haven.core.relays import JournalRelaysProjector, RelayService
from haven.core.space_secrets import SpaceSecrets
from haven.core.spaces import device_join
from haven.core.spaces.invites import InviteService
from haven.core.spaces.service import SpaceService
from haven.crypto.kdf import KdfParams
from haven.errors import NotFound, WeakPassphrase, WrongPassphrase
from haven.store import identity_tables as ids
from haven.store.vault import Vault, vault_exists

log = logging.getLogger(__name__)

_JOURNAL_SPACE = "journal_space"


class Session:
    def __init__(self, vault: Vault, clock: Clock = now_ms) -> None:
        self.vault = vault
        self._clock = clock
        self.identity = Identity(vault, clock)
        self.log = EventLog(vault, self.identity.device_id_for, clock)
        #: Typed changes after each commit (core/changes.py): what the UI listens to.
        self.changes = ChangeBus(self.log)
        self.log.register_projector(JournalProjector())
        self.log.register_projector(DevicesProjector(self.identity.device_id))
        self.log.register_projector(JournalRelaysProjector())
        self.log.register_projector(ProfileProjector())
        self.log.register_authorizer("journal", JournalAuthorizer())
        self.log.register_redaction_rule("journal", JournalRedaction())
        with vault.read() as conn:
            journal_space = ids.get_meta(conn, _JOURNAL_SPACE)
        if journal_space is None:
            raise NotFound("this vault has no journal")
        self.journal = JournalService(vault, self.log, journal_space)
        self.devices = DeviceService(vault, self.log, journal_space, self.identity.device_id)
        self.profile = ProfileService(self.log, self.identity, journal_space)
        # A vault from before device keys certifies this device's own key now (once).
        self.devices.ensure_device_key()
        self.spaces = SpaceService(vault, self.log, self.identity, clock)
        # An unlink reaches every group space the person is in, under any persona.
        self.devices.after_unlink = functools.partial(
            device_join.drop_everywhere, vault, self.spaces, self.identity
        )
        self.relays = RelayService(vault, self.log, self.identity, self.spaces, journal_space)
        self.lan = LanSettings(vault, self.identity.device_id)
        self.proxy = RelayProxy(vault)
        self.secrets = SpaceSecrets(vault)
        self.invites = InviteService(vault, self.spaces, self.identity, clock)
        self.backup = Backups(vault)
        self.duress = DuressPassphrase(vault, self._related_words, self._populate_decoy)

    def _related_words(self) -> list[str]:
        return [self.identity.primary().display_name]

    def _populate_decoy(self, decoy: Vault) -> None:
        """A decoy starts as this vault did: the same name, pronouns and device label, an
        empty journal, no spaces, no linked devices, no relays."""
        persona = self.identity.primary()
        label = next(
            (d.label for d in self.devices.list() if d.device_id == self.identity.device_id), ""
        )
        _initialise(decoy, persona.display_name, persona.pronouns, self._clock, label)

    @property
    def data_dir(self) -> Path:
        return self.vault.data_dir

    @property
    def is_open(self) -> bool:
        return self.vault.is_open

    def lock(self) -> None:
        self.vault.close()

    def damaged_pages(self) -> list[str]:
        """Pages whose authentication fails (a disk error, tampering): slow — it reads the
        whole file — so the app runs it in a worker after unlocking. [] when all is well."""
        return self.vault.integrity_problems()

    def change_passphrase_checked(self, current: str, new_passphrase: str, rekey: bool) -> None:
        """The app's way: the current passphrase first (WrongPassphrase if it is not)."""
        if not self.vault.passphrase_opens(current):
            raise WrongPassphrase()
        self.change_passphrase(new_passphrase, rekey)

    def change_passphrase(self, new_passphrase: str, rekey: bool = False) -> None:
        """Rewrap the master key; with `rekey`, move the vault to a new master key first, so
        a key that ever leaked (with an old header and passphrase) no longer opens it."""
        strength = check(new_passphrase, self._related_words())
        if strength.weakness is not None:
            raise WeakPassphrase(strength.weakness.value)
        if self.vault.second_slot_opens(new_passphrase):  # it would open both vaults
            raise WeakPassphrase(SAME_AS_OWN)
        if rekey:
            self.vault.rekey(new_passphrase)
        else:
            self.vault.change_passphrase(new_passphrase)


def exists(data_dir: Path) -> bool:
    return vault_exists(data_dir)


def create(
    data_dir: Path,
    passphrase: str,
    display_name: str,
    pronouns: str = "",
    params: KdfParams | None = None,
    clock: Clock = now_ms,
    check_strength: bool = True,
    device_label: str = "",
) -> Session:
    """Create a vault, its persona, device id and private journal space."""
    display_name, pronouns = validate_name(display_name), validate_pronouns(pronouns)
    if check_strength:
        strength = check(passphrase, [display_name])
        if strength.weakness is not None:
            raise WeakPassphrase(strength.weakness.value)
    vault = Vault.create(data_dir, passphrase, params)
    try:
        _initialise(vault, display_name, pronouns, clock, device_label)
        return Session(vault, clock)
    except BaseException:
        vault.destroy_new()
        raise


def _initialise(
    vault: Vault, display_name: str, pronouns: str, clock: Clock, device_label: str
) -> None:
    """A new vault's persona, device id, private journal space and device announcement."""
    persona = Identity(vault, clock).initialise(display_name, pronouns)
    _create_journal_space(vault, persona, clock)
    Session(vault, clock).devices.announce_this_device(device_label)


def unlock(data_dir: Path, passphrase: str, clock: Clock = now_ms) -> Session:
    vault = Vault.open(data_dir, passphrase)
    try:
        session = Session(vault, clock)
    except BaseException:
        vault.close()
        raise
    _erase_what_disappeared(session)
    return session


def _erase_what_disappeared(session: Session) -> None:
    """Posts whose time ran out while Haven was closed are erased as the vault opens, not a
    minute later (the supervisor's sweep) nor never (a CLI that only reads: reads never
    write, core/spaces/disappearing.py)."""
    try:
        session.spaces.disappearing.sweep()
    except Exception as exc:  # a full disk, a locked file: the next sweep tries again
        log.warning("the disappearing sweep at unlock failed: %s", type(exc).__name__)


def _create_journal_space(vault: Vault, persona: Persona, clock: Clock) -> None:
    install_journal_space(
        vault, os.urandom(SPACE_ID_BYTES), persona.persona_id, 0, {0: os.urandom(32)}, clock
    )


def install_journal_space(
    vault: Vault,
    space_id: bytes,
    persona_id: bytes,
    current_epoch: int,
    epoch_keys: dict[int, bytes],
    clock: Clock = now_ms,
) -> None:
    with vault.transaction() as conn:
        ids.insert_space(
            conn, ids.SpaceRow(space_id, "journal", persona_id, "", current_epoch, clock())
        )
        for epoch, key in epoch_keys.items():
            ids.put_epoch_key(conn, space_id, epoch, key)
        ids.set_meta(conn, _JOURNAL_SPACE, space_id)
