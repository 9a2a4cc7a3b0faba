"""The vault header: a small JSON file next to the databases holding the Argon2id parameters
(so they can be raised later), a salt, and two key slots.

Every vault has exactly two slots and two database files (haven.store.key_slots). A slot
either wraps the key of one database under a passphrase or is random bytes of the same
length, and nothing in the file says which: a vault with a duress passphrase and one
without have headers of the same layout and size. It holds nothing secret in the clear. It is
replaced atomically (write, fsync, rename).

Version 1 (before the duress passphrase) had one wrapped key; it is still read,
and `Vault.open` rewrites it as version 2 on the first unlock.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from haven.crypto.kdf import KdfParams
from haven.errors import VaultDamaged

FORMAT = "haven-vault"
VERSION = 2
LEGACY_VERSION = 1
SLOT_COUNT = 2


@dataclass(frozen=True)
class VaultHeader:
    """`slots`: one wrapped key per slot (a version-1 header has one). One salt for all:
    an unlock runs Argon2id once and tries the result on every slot, so it costs the same
    whichever slot opens, or none (haven.store.key_slots)."""

    kdf: KdfParams
    salt: bytes
    slots: tuple[bytes, ...]
    version: int = VERSION

    def with_slot(self, index: int, wrapped: bytes) -> VaultHeader:
        """A version-2 header with slot `index` replaced and the other kept as it is."""
        slots = list(self.slots)
        slots[index] = wrapped
        return VaultHeader(self.kdf, self.salt, tuple(slots), VERSION)

    def to_bytes(self) -> bytes:
        if self.version != VERSION or len(self.slots) != SLOT_COUNT:
            raise ValueError("only a two-slot header is ever written")
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "kdf": self.kdf.to_dict(),
            "salt": _b64(self.salt),
            "slots": [{"wrapped_key": _b64(wrapped)} for wrapped in self.slots],
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("not a Haven vault header")
            kdf = KdfParams.from_dict(doc["kdf"])
            salt = _unb64(doc["salt"])
            if doc.get("version") == LEGACY_VERSION:
                return cls(kdf, salt, (_unb64(doc["wrapped_key"]),), LEGACY_VERSION)
            if doc.get("version") != VERSION:
                raise ValueError(f"unknown header version {doc.get('version')!r}")
            slots = doc["slots"]
            if not isinstance(slots, list) or len(slots) != SLOT_COUNT:
                raise ValueError("the header must hold two key slots")
            return cls(kdf, salt, tuple(_unb64(s["wrapped_key"]) for s in slots), VERSION)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultDamaged(f"the vault header is damaged ({exc})") from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("a header field is malformed")
    return base64.b64decode(text, validate=True)


def read_header(path: Path) -> VaultHeader:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VaultDamaged(f"the vault header cannot be read ({exc.strerror})") from exc
    return VaultHeader.from_bytes(data)


def write_header_atomically(path: Path, header: VaultHeader) -> None:
    tmp = path.with_name(path.name + ".new")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, header.to_bytes())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (best effort where directories cannot be
    fsynced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
