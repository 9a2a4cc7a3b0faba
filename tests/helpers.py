"""Shared test helpers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from haven.core import session, verifier
from haven.core.envelope import SIGN_DOMAIN
from haven.core.session import Session
from haven.crypto.signing import SigningKeyPair, sign
from haven.store import key_slots
from haven.store.header import read_header
from haven.store.vault import DB_FILES, HEADER_NAME

PASSPHRASE = "violet lantern orbit quietly 42"


def vault_db(data_dir: Path, passphrase: str = PASSPHRASE) -> Path:
    """The database file `passphrase` opens (a vault's own file is chosen at random)."""
    header = read_header(data_dir / HEADER_NAME)
    opened = key_slots.unseal_all(header, passphrase)
    assert len(opened) == 1, "the passphrase opens no slot (or both)"
    for slot in opened:
        slot.wipe()
    return data_dir / DB_FILES[opened[0].index]


def new_session(data_dir: Path, name: str = "Robin", pronouns: str = "they/them") -> Session:
    return session.create(data_dir, PASSPHRASE, name, pronouns)


def replica_of(source: Session, data_dir: Path, name: str = "Robin") -> Session:
    """A second device of `source`'s persona and journal, with its own device id, made the
    way linking makes one (without the network part, which tests/integration cover)."""
    from haven.core.linking import NewDevice, create_linked, make_bundle

    device = NewDevice.generate()
    bundle = make_bundle(source, device.request())
    return create_linked(data_dir, PASSPHRASE, bundle, device=device)


def verifier_checks(n: int) -> tuple[list[verifier.Check], list[bool]]:
    """n checks, every third one bad in a different way."""
    keys, other = SigningKeyPair.generate(), SigningKeyPair.generate()
    items: list[verifier.Check] = []
    truth: list[bool] = []
    for i in range(n):
        message = i.to_bytes(32, "big")
        signature = sign(keys.seed, SIGN_DOMAIN, message)
        kind = i % 9
        if kind == 3:  # another key's signature
            signature = sign(other.seed, SIGN_DOMAIN, message)
        elif kind == 6:  # one bit flipped
            signature = bytes([signature[0] ^ 1]) + signature[1:]
        elif kind == 8:  # signed for another purpose
            signature = sign(keys.seed, b"haven/other/v1", message)
        items.append((keys.public, SIGN_DOMAIN, message, signature))
        truth.append(kind not in (3, 6, 8))
    return items, truth


def vm_steps(conn: Any, run: Callable[[], object]) -> int:
    """SQLite virtual-machine instructions `run` executes on `conn` (a vault connection): a
    load-independent count of the work (rows read) it does."""
    steps = 0

    def count() -> int:
        nonlocal steps
        steps += 1
        return 0

    conn.set_progress_handler(count, 1)
    try:
        run()
    finally:
        conn.set_progress_handler(None, 1)
    return steps


def statements(conn: Any, run: Callable[[], object]) -> list[str]:
    """The SQL statements `run` executes on `conn` (a vault connection), in order."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return seen


#: Columns later migrations add with ALTER TABLE to tables no earlier migration rebuilds,
#: with the indexes that use them: a test that sets `user_version` back to make an older
#: vault must take them away, or the re-run fails with "duplicate column".
_ADDED_COLUMNS = {
    25: ("space_posts", "channel", ("space_posts_unread", "space_posts_channel_unread")),
    26: ("held_events", "waiting", ("held_events_waiting",)),
}


def as_older_schema(conn: Any, version: int) -> None:
    """Make an open vault look like schema `version` to the migrations: drop what later
    migrations add in place (above), then set the version. Tables those migrations create
    with IF NOT EXISTS or rebuild are left as they are."""
    for added, (table, column, indexes) in sorted(_ADDED_COLUMNS.items(), reverse=True):
        if added > version:
            for index in indexes:
                conn.execute(f"DROP INDEX IF EXISTS {index}")
            conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute(f"PRAGMA user_version = {version}")
