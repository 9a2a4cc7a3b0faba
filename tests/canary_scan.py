"""Looking for a canary (a word only a deleted post or entry held) everywhere a vault, a
welcome or a sync exchange could still hold it: every table of the SQLCipher database,
FTS5 shadow tables included, read as plain bytes; and every event envelope decrypted with
every epoch key the vault holds (an envelope is only as erased as what its key opens)."""

from __future__ import annotations

from collections.abc import Iterable

from haven.core.envelope import open_event, read_header
from haven.core.session import Session
from haven.core.spaces.sealed import Welcome
from haven.errors import InvalidEvent
from haven.store import identity_tables as ids


def _cells(value: object) -> bytes:
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "surrogatepass").lower()


def tables_holding(session: Session, canary: str) -> list[str]:
    """Every table (and column) whose stored bytes contain the canary, case-insensitively
    for text (FTS5 keeps tokens in lower case)."""
    needle = canary.lower().encode()
    found: list[str] = []
    with session.vault.read() as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE"
                " 'CREATE VIRTUAL TABLE%'"
            )
        ]
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            for row in cursor:
                for name, value in zip(names, row, strict=True):
                    if value is not None and needle in _cells(value).lower():
                        found.append(f"{table}.{name}")
    return sorted(set(found))


def envelopes_holding(envelopes: Iterable[bytes], keys: dict[int, bytes], canary: str) -> int:
    """How many of `envelopes` decrypt (with any of `keys`) to content holding the canary."""
    n = 0
    for envelope in envelopes:
        assert canary.encode() not in envelope  # nothing in clear, ever
        try:
            header, _, _ = read_header(envelope)
        except InvalidEvent:
            continue
        key = keys.get(header.epoch)
        if key is None:
            continue
        event = open_event(envelope, key, verify=False)
        if canary in repr(event.content) or canary in repr(event.type):
            n += 1
    return n


def epoch_keys(session: Session, space_id: bytes) -> dict[int, bytes]:
    with session.vault.read() as conn:
        return ids.epoch_keys(conn, space_id)


def log_holding(session: Session, space_id: bytes, canary: str) -> int:
    """Events of the vault's log (and its held early arrivals) whose envelope still opens
    to the canary."""
    with session.vault.read() as conn:
        stored = [bytes(r[0]) for r in conn.execute("SELECT envelope FROM events")]
        held = [bytes(r[0]) for r in conn.execute("SELECT envelope FROM held_events")]
    return envelopes_holding(stored + held, epoch_keys(session, space_id), canary)


def vault_holding(session: Session, space_id: bytes, canary: str) -> list[str]:
    """Everywhere in the vault the canary can still be read: tables, and log envelopes."""
    where = tables_holding(session, canary)
    if log_holding(session, space_id, canary):
        where.append("events (decrypted)")
    return where


def welcome_holding(welcome: bytes, keys: dict[int, bytes], canary: str) -> int:
    """Envelopes in a welcome's bytes that open to the canary (and the canary in clear)."""
    assert canary.encode() not in welcome
    return envelopes_holding(Welcome.decode(welcome).envelopes, keys, canary)
