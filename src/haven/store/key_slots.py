"""Two key slots and two database files in every vault: the passphrase's and a second one
that either belongs to a duress passphrase (a decoy vault) or is filler no key opens.

Slot i opens database file `DB_FILES[i]`. A slot in use wraps (SecretBox, under Argon2id of
its passphrase with its own salt) 33 bytes: the database's 32-byte master key and one flag
byte. A slot not in use is random bytes of exactly the same length, and the file it points
to is a database under a random key that was thrown away. A SecretBox is indistinguishable
from random bytes and so is a SQLCipher file, so from outside a vault with a duress
passphrase and one without look alike (docs/THREAT_MODEL.md says what still shows).

Unlocking derives a key for BOTH slots, whatever the passphrase, so the time taken does not
say which slot (if any) it opened.
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
from haven.store.header import SLOT_COUNT, KeySlot, VaultHeader
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


def empty_slot() -> KeySlot:
    """A slot no passphrase opens: random bytes of a used slot's length."""
    return KeySlot(kdf.new_salt(), os.urandom(WRAPPED_BYTES))


def seal(kek: bytearray, salt: bytes, master_key: bytearray, flags: int = 0) -> KeySlot:
    payload = bytearray(_PAYLOAD_BYTES)  # filled in place: growing it could leave a copy
    payload[:MASTER_KEY_BYTES] = master_key
    payload[MASTER_KEY_BYTES] = flags
    try:
        return KeySlot(salt, wrap(kek, payload))
    finally:
        wipe(payload)


def seal_new(
    passphrase: str, params: kdf.KdfParams, master_key: bytearray, flags: int = 0
) -> KeySlot:
    """A slot for `master_key` under `passphrase`, with a fresh salt."""
    salt = kdf.new_salt()
    kek = kdf.derive_key_into(passphrase, salt, params)
    try:
        return seal(kek, salt, master_key, flags)
    finally:
        wipe(kek)


def unseal_all(header: VaultHeader, passphrase: str) -> list[Unsealed]:
    """Try `passphrase` on every slot. The key derivation runs for each slot whatever the
    outcome, so a wrong passphrase, the real one and a duress one take the same time."""
    keks = [kdf.derive_key_into(passphrase, slot.salt, header.kdf) for slot in header.slots]
    opened: list[Unsealed] = []
    for index, (slot, kek) in enumerate(zip(header.slots, keks, strict=True)):
        try:
            payload = secretbox.unwrap_key_into(kek, slot.wrapped_key)
        except CryptoError:
            wipe(kek)
            continue
        if len(payload) == MASTER_KEY_BYTES:  # a version-1 header: the key alone
            opened.append(Unsealed(index, payload, 0, kek))
        elif len(payload) == _PAYLOAD_BYTES:
            flags = payload[-1]
            key = bytearray(MASTER_KEY_BYTES)
            key[:] = memoryview(payload)[:MASTER_KEY_BYTES]  # no intermediate copy
            wipe(payload)
            opened.append(Unsealed(index, key, flags, kek))
        else:
            wipe(payload)
            wipe(kek)
            for done in opened:
                done.wipe()
            raise VaultDamaged("the vault header holds a key of the wrong size")
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
