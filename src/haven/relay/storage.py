"""What the relay keeps, whatever keeps it: the storage interface and its values.

Two implementations: `storage_sqlite.SqliteStore` (the default: one process, one file) and
`storage_postgres.PostgresStore` (several relay processes on several machines sharing one
database). Both promise the same: an append is reported only once it is committed durably;
cursors of a mailbox are handed out once, in order, and never reused; a replayed blob keeps
its first cursor; a mailbox exists only once it has been claimed (see admission.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple, Protocol

BLOB_HASH_PERSON = b"hvrelay-blob"


class StorageError(Exception):
    """The database could not be opened or written (disk full, damaged file, server gone)."""


class PendingAppend(NamedTuple):
    """One append waiting for its batch. Tuples (as `AppendResult`): made once per append on
    the hot path, where a frozen dataclass costs several times more to build."""

    mailbox: bytes
    blob: bytes
    stored_ms: int
    vf: bytes | None = None  # protocol.erase_verifier of the token that may erase it


class AppendResult(NamedTuple):
    cursor: int  # 0 when refused
    dup: bool = False
    over_quota: bool = False


@dataclass(frozen=True)
class Page:
    items: list[tuple[int, bytes]]
    more: bool
    head: int


@dataclass(frozen=True)
class Totals:
    mailboxes: int
    blobs: int
    bytes: int


@dataclass(frozen=True)
class Purged:
    blobs: int
    bytes: int


@dataclass(frozen=True)
class Erasure:
    """What an erase did: blobs erased, and the change in stored bytes (negative: freed)."""

    blobs: int
    delta_bytes: int
    kept_stub: bool = False


#: Called on the loop when another relay process committed `cursor` to `mailbox`.
RemoteCommit = Callable[[bytes, int], None]


class Store(Protocol):
    #: Whether `scrub` rewrites whole tables (costly: paced by `rewrite_interval_seconds`)
    #: rather than checkpointing.
    scrub_rewrites: bool

    async def start(self, on_remote: RemoteCommit) -> None:
        """Open (creating the schema if needed); `on_remote` hears of other instances' commits."""

    async def append_batch(
        self, batch: list[PendingAppend], quota_bytes: int
    ) -> list[AppendResult]:
        """Store a batch in one durable transaction; results in batch order."""

    async def claim(self, mailbox: bytes) -> bool:
        """Create `mailbox` (durably); False if it already existed."""

    async def head(self, mailbox: bytes) -> int | None:
        """The mailbox's last cursor, or None if it was never claimed."""

    async def page(self, mailbox: bytes, after: int, limit: int, max_bytes: int) -> Page:
        """Blobs with cursor > `after`, oldest first, at most `limit` and about `max_bytes`."""

    async def newer(
        self, afters: list[tuple[bytes, int]], limit: int
    ) -> list[tuple[bytes, int, bytes]]:
        """For each (mailbox, after): its first `limit` blobs with cursor > `after`, as
        (mailbox, cursor, blob) rows, oldest first within a mailbox — several mailboxes in
        one read (another instance's commits, heard of together)."""

    async def totals(self) -> Totals: ...

    async def erase(self, mailbox: bytes, vf: bytes, stub: bytes, quota_bytes: int) -> Erasure:
        """In one durable transaction: the blobs of `mailbox` appended with verifier `vf`
        lose their bytes; the first (lowest cursor) takes `stub` in their place if `stub` is
        not empty and the mailbox stays within `quota_bytes`, keeping its cursor and expiry
        and no verifier; the others are deleted."""

    async def scrub(self) -> bool:
        """Leave no copy of erased bytes in the store's files that the store can reach;
        False if that could not finish now (try again later)."""

    async def purge(self, cutoff_ms: int, max_blobs: int) -> Purged:
        """Delete up to `max_blobs` blobs stored before `cutoff_ms`, oldest first."""

    async def trim(self, quota_bytes: int, max_blobs: int) -> Purged:
        """Delete up to `max_blobs` of the oldest blobs of mailboxes holding more than
        `quota_bytes` (the quota was lowered), leaving each at most `quota_bytes`."""

    async def close(self) -> None: ...


def tally(gone: list[tuple[bytes, int]]) -> dict[bytes, tuple[int, int]]:
    """(blobs, bytes) deleted per mailbox, from (mailbox, size) rows."""
    per_mailbox: dict[bytes, tuple[int, int]] = {}
    for mailbox, size in gone:
        blobs, total = per_mailbox.get(mailbox, (0, 0))
        per_mailbox[mailbox] = (blobs + 1, total + size)
    return per_mailbox


def blob_hash(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=32, person=BLOB_HASH_PERSON).digest()


def dedup_key(item: PendingAppend) -> bytes:
    """What makes an append a replay: the same erase verifier (the same event, however it
    was sealed), or for a blob without one, the same bytes. Stored as the row's `hash`, so one
    unique index serves both the replay check and erasure (docs/PROTOCOL.md §6.5)."""
    return item.vf or blob_hash(item.blob)
