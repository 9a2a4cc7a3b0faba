"""The duress passphrase: a second passphrase that opens a decoy vault instead of the real
one — a journal of its own that the person writes for this purpose, with no spaces and no
linked devices (so LAN sync and relays stay off by the LAN policy: nobody to sync with).

The store keeps the decoy in the vault's second key slot and database file; without one,
that slot and file are random filler, so the files look the same either way
(haven.store.key_slots). Optionally, opening the decoy also destroys the real vault's key.

Whether a duress passphrase is set is recorded only inside the vault that set it (its own
encrypted `meta` table): the decoy, like any vault with no duress passphrase, says "not
set". Setting or removing one from inside the decoy therefore acts on the other slot —
which is the real vault — exactly as it would in a vault that has no decoy; the settings
page and docs/THREAT_MODEL.md say so.
"""

from __future__ import annotations

from collections.abc import Callable

from haven.core.passphrase import check
from haven.errors import WeakPassphrase, WrongPassphrase
from haven.store import identity_tables as ids
from haven.store.vault import Vault

_SET = "duress_passphrase"
_WIPES = "duress_wipes_vault"
#: WeakPassphrase's reason when a duress passphrase would also open this vault's own slot.
SAME_AS_OWN = "same_as_own"


class DuressPassphrase:
    """`session.duress`: set, replace or remove the duress passphrase and its decoy."""

    def __init__(
        self, vault: Vault, related: Callable[[], list[str]], populate: Callable[[Vault], None]
    ) -> None:
        self._vault = vault
        self._related = related
        self._populate = populate

    def is_set(self) -> bool:
        with self._vault.read() as conn:
            return ids.get_meta(conn, _SET) == b"1"

    def wipes_vault(self) -> bool:
        """Whether opening the decoy destroys this vault's key (as set here)."""
        with self._vault.read() as conn:
            return self.is_set() and ids.get_meta(conn, _WIPES) == b"1"

    def set(self, passphrase: str, wipe_vault_on_use: bool = False) -> None:
        """Make a new, empty decoy vault that `passphrase` opens (replacing any earlier
        decoy and its passphrase). With `wipe_vault_on_use`, unlocking with `passphrase`
        also overwrites this vault's key slot, so this vault can never be opened again."""
        strength = check(passphrase, self._related())
        if strength.weakness is not None:
            raise WeakPassphrase(strength.weakness.value)
        if self._vault.passphrase_opens(passphrase):
            raise WeakPassphrase(SAME_AS_OWN)
        self._vault.set_second_slot(passphrase, wipe_vault_on_use, self._populate)
        with self._vault.transaction() as conn:
            ids.set_meta(conn, _SET, b"1")
            ids.set_meta(conn, _WIPES, b"1" if wipe_vault_on_use else b"0")

    def set_checked(self, current: str, passphrase: str, wipe_vault_on_use: bool) -> None:
        """The app's way: this vault's passphrase first (WrongPassphrase if it is not), so a
        person at an unlocked computer cannot plant a decoy or a wipe."""
        self._require(current)
        self.set(passphrase, wipe_vault_on_use)

    def remove_checked(self, current: str) -> None:
        self._require(current)
        self.remove()

    def _require(self, current: str) -> None:
        if not self._vault.passphrase_opens(current):
            raise WrongPassphrase()

    def remove(self) -> None:
        """Forget the duress passphrase: the decoy's database is replaced by filler."""
        self._vault.set_second_slot(None)
        with self._vault.transaction() as conn:
            ids.set_meta(conn, _SET, b"0")
            ids.set_meta(conn, _WIPES, b"0")
