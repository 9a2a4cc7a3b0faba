"""Two key slots and two database files in every vault: the passphrase's and a second one
that either belongs to a duress passphrase (a decoy vault) or is filler no key opens.

Slot i opens database file `DB_FILES[i]`. A slot in use wraps (SecretBox, under Argon2id of
its passphrase with the header's salt) 33 bytes: the database's 32-byte master key and one flag
byte. A slot not in use is random bytes of exactly the same length, and the file it points
to is a database under a random key that was thrown away. A SecretBox is indistinguishable
from random bytes and so is a SQLCipher file, so from outside a vault with a duress
passphrase and one without look alike (docs/THREAT_MODEL.md says what still shows).

Unlocking runs Argon2id once and tries the key on BOTH slots, whatever the passphrase, so the
time taken does not say which slot (if any) it opened. The salt is shared so that this costs
one derivation, as a one-slot vault did; it is kept for the vault's life (a passphrase change
or a rekey rewrites one slot only), which is what lets the other slot keep working.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

import nacl.secret

from haven.crypto import kdf, secretbox
from haven.crypto.errors import CryptoError
from haven.crypto.wipe import wipe
from haven.errors import VaultDamaged
from haven.store.header import SLOT_COUNT, VaultHeader
from haven.store.key_material import wrap

DB_FILES = ("vault.db", "vault-b.db")
MASTER_KEY_BYTES = 32
#: Flag in a duress slot: opening it overwrites the other slot (the real vault's key).
WIPE_OTHER = 0x01
_PAYLOAD_BYTES = MASTER_KEY_BYTES + 1
WRAPPED_BYTES = nacl.secret.SecretBox.NONCE_SIZE + nacl.secret.SecretBox.MACBYTES + _PAYLOAD_BYTES
#: Every database file starts at this many pages (1 MiB): a small decoy journal and a filler
#: file then have the same size, and a decoy can be written in without the file growing.
PADDED_PAGES = 256

assert len(DB_FILES) == SLOT_COUNT


@dataclass
class Unsealed:
    """What one slot held: the database's key, the flags, and the key its passphrase gave
    (kept to rewrap the slot). `wipe()` zeroes all of it."""

    index: int
    master_key: bytearray
    flags: int
    kek: bytearray = field(repr=False)

    def wipe_kek(self) -> None:
        wipe(self.kek)

    def wipe(self) -> None:
        wipe(self.master_key)
        wipe(self.kek)


def random_index() -> int:
    """Where a new vault's own database goes: either file, at random, so that which file a
    passphrase opens says nothing about whether it is the real one."""
    return secrets.randbelow(SLOT_COUNT)


def empty_slot() -> bytes:
    """A slot no passphrase opens: random bytes of a used slot's length."""
    return os.urandom(WRAPPED_BYTES)


def seal(kek: bytearray, master_key: bytearray, flags: int = 0) -> bytes:
    payload = bytearray(_PAYLOAD_BYTES)  # filled in place: growing it could leave a copy
    payload[:MASTER_KEY_BYTES] = master_key
    payload[MASTER_KEY_BYTES] = flags
    try:
        return wrap(kek, payload)
    finally:
        wipe(payload)


def seal_new(passphrase: str, header: VaultHeader, master_key: bytearray, flags: int = 0) -> bytes:
    """A slot for `master_key` under `passphrase` (with the header's salt and parameters)."""
    kek = kdf.derive_key_into(passphrase, header.salt, header.kdf)
    try:
        return seal(kek, master_key, flags)
    finally:
        wipe(kek)


def unseal_all(header: VaultHeader, passphrase: str) -> list[Unsealed]:
    """Try `passphrase` on every slot: one Argon2id run (the salt is the header's), then a
    SecretBox open per slot, so a wrong passphrase, the real one and a duress one take the
    same time."""
    kek = kdf.derive_key_into(passphrase, header.salt, header.kdf)
    opened: list[Unsealed] = []
    try:
        for index, wrapped in enumerate(header.slots):
            try:
                payload = secretbox.unwrap_key_into(kek, wrapped)
            except CryptoError:
                continue
            if len(payload) == MASTER_KEY_BYTES:  # a version-1 header: the key alone
                opened.append(Unsealed(index, payload, 0, bytearray(kek)))
            elif len(payload) == _PAYLOAD_BYTES:
                flags = payload[-1]
                key = bytearray(MASTER_KEY_BYTES)
                key[:] = memoryview(payload)[:MASTER_KEY_BYTES]  # no intermediate copy
                wipe(payload)
                opened.append(Unsealed(index, key, flags, bytearray(kek)))
            else:
                wipe(payload)
                for done in opened:
                    done.wipe()
                raise VaultDamaged("the vault header holds a key of the wrong size")
    finally:
        wipe(kek)
    return opened


def pad(conn: object, pages: int = PADDED_PAGES) -> None:
    """Grow a new database file to `pages` pages of free space (zeroed, so encrypted like
    any page), which later writes reuse before the file grows."""
    execute = conn.execute  # type: ignore[attr-defined]
    if int(execute("PRAGMA page_count").fetchone()[0]) >= pages:
        return
    execute("BEGIN IMMEDIATE")
    try:
        execute("CREATE TABLE padding (filler BLOB)")
        while int(execute("PRAGMA page_count").fetchone()[0]) < pages:
            execute("INSERT INTO padding VALUES (zeroblob(1000))")
        execute("DROP TABLE padding")
        execute("COMMIT")
    except BaseException:
        execute("ROLLBACK")
        raise
