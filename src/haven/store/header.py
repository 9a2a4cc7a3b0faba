"""The vault header: a small JSON file next to the database holding the master key wrapped
under the passphrase, and the Argon2id parameters used, so they can be raised later.

It holds nothing secret in the clear. It is replaced atomically (write, fsync, rename).
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
VERSION = 1


@dataclass(frozen=True)
class VaultHeader:
    kdf: KdfParams
    salt: bytes
    wrapped_key: bytes
    version: int = VERSION

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": self.version,
            "kdf": self.kdf.to_dict(),
            "salt": base64.b64encode(self.salt).decode("ascii"),
            "wrapped_key": base64.b64encode(self.wrapped_key).decode("ascii"),
        }
        return (json.dumps(doc, indent=2) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> VaultHeader:
        try:
            doc = json.loads(data.decode("utf-8"))
            if doc.get("format") != FORMAT:
                raise ValueError("not a Haven vault header")
            if doc.get("version") != VERSION:
                raise ValueError(f"unknown header version {doc.get('version')!r}")
            return cls(
                kdf=KdfParams.from_dict(doc["kdf"]),
                salt=base64.b64decode(doc["salt"], validate=True),
                wrapped_key=base64.b64decode(doc["wrapped_key"], validate=True),
                version=VERSION,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise VaultDamaged(f"the vault header is damaged ({exc})") from exc


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
