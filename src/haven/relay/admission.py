"""Who may connect, create a mailbox and fill the disk (sans-IO: `now` is always an argument).

The relay has no accounts, so fairness is by network address (an IPv6 /64 counts as one
address, see `mailbox.rate_key`) and by mailbox key:

- `AddressGate` caps the connections, and the not-yet-authenticated connections, each
  address holds, and how fast it may open new ones;
- `MailboxGate` caps the connections to one mailbox;
- `ClaimDifficulty` prices a new mailbox in proof of work. There is one difficulty for
  everybody at any moment (a per-connection difficulty would tell connections apart); it
  rises one bit for each doubling of new mailboxes per hour over the operator's target;
- `StorageShare` keeps one address from filling more than its share of the disk cap.

Addresses live only in memory here, are never logged and never reach the database.
"""

from __future__ import annotations

import hashlib
import math
from collections import deque
from dataclasses import dataclass
from typing import TypeVar

from haven.relay.mailbox import KeyedRateLimiter, Limits
from haven.relay.protocol import CLAIM_NONCE_BYTES

CLAIM_PERSON = b"hvrelay-claim"
#: What one connection may cost at most, beyond the event loop's own bookkeeping, when its
#: client misbehaves in every way at once (see `connection_worst_case`).
CONNECTION_OVERHEAD_BYTES = 64 * 1024
#: Incoming frames websockets may buffer for a connection we have stopped reading.
INCOMING_FRAMES = 4
#: File descriptors kept for the database, logs and listening sockets.
RESERVED_FDS = 64


def connection_worst_case(limits: Limits, outbox_high: int, write_limit: int) -> int:
    """Bytes one connection can make the relay hold: buffered incoming frames, queued replies
    (reading stops above `outbox_high`, and one fetch page may land on top), queued pushes (the
    push queue, plus the one blob that overflows it) and the transport's write buffer."""
    incoming = INCOMING_FRAMES * (limits.blob_max_bytes + 1024)
    replies = outbox_high + limits.fetch_page_max_bytes
    pushes = limits.push_queue_max_bytes + limits.blob_max_bytes
    return incoming + replies + pushes + write_limit + CONNECTION_OVERHEAD_BYTES


@dataclass(frozen=True)
class ConnectionBudget:
    max_connections: int
    reason: str  # "configured", "memory" or "file descriptors"


def connection_budget(limits: Limits, per_connection: int, nofile: int) -> ConnectionBudget:
    """The global connection cap: the configured one, lowered to fit the memory budget and
    the process's file-descriptor limit (one descriptor per connection)."""
    by_memory = max(1, limits.connection_memory_bytes // per_connection)
    by_fds = max(1, nofile - RESERVED_FDS)
    cap = min(limits.max_connections, by_memory, by_fds)
    if cap == limits.max_connections:
        return ConnectionBudget(cap, "configured")
    return ConnectionBudget(cap, "memory" if cap == by_memory else "file descriptors")


class AddressGate:
    """Open and unauthenticated connections per address, and new connections per minute."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.open: dict[str, int] = {}
        self.unauthenticated: dict[str, int] = {}
        self.rate = KeyedRateLimiter(limits.connections_per_minute_per_address)

    def refusal(self, address: str, now: float) -> str | None:
        """Why a new connection from `address` must be refused, or None to let it in."""
        if self.open.get(address, 0) >= self.limits.connections_per_address:
            return "connections_per_address"
        if self.unauthenticated.get(address, 0) >= self.limits.unauthenticated_per_address:
            return "unauthenticated_per_address"
        if self.rate.take(address, now):
            return "connection_rate"
        return None

    def enter(self, address: str) -> None:
        self.open[address] = self.open.get(address, 0) + 1
        self.unauthenticated[address] = self.unauthenticated.get(address, 0) + 1

    def authenticated(self, address: str) -> None:
        _decrement(self.unauthenticated, address)

    def leave(self, address: str, authenticated: bool) -> None:
        _decrement(self.open, address)
        if not authenticated:
            _decrement(self.unauthenticated, address)


class MailboxGate:
    """Connections open per mailbox."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open: dict[bytes, int] = {}

    def try_enter(self, mailbox: bytes) -> bool:
        count = self.open.get(mailbox, 0)
        if count >= self.limit:
            return False
        self.open[mailbox] = count + 1
        return True

    def leave(self, mailbox: bytes) -> None:
        _decrement(self.open, mailbox)


K = TypeVar("K", str, bytes)


def _decrement(counts: dict[K, int], key: K) -> None:
    left = counts.get(key, 0) - 1
    if left > 0:
        counts[key] = left
    else:
        counts.pop(key, None)


# --- the price of a new mailbox -------------------------------------------------------------


def claim_ok(mailbox: bytes, nonce: bytes, bits: int) -> bool:
    """Does BLAKE2b(mailbox ‖ nonce) start with `bits` zero bits? (hashcash)"""
    if len(nonce) != CLAIM_NONCE_BYTES:
        return False
    digest = hashlib.blake2b(mailbox + nonce, digest_size=32, person=CLAIM_PERSON).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - bits) == 0


def solve_claim(mailbox: bytes, bits: int) -> bytes:
    """Find a nonce for `claim_ok`: 2**bits hashes on average (0.36 µs each here)."""
    base = hashlib.blake2b(mailbox, digest_size=32, person=CLAIM_PERSON)
    shift = 64 - bits
    counter = 0
    while True:
        nonce = counter.to_bytes(CLAIM_NONCE_BYTES, "little")
        h = base.copy()
        h.update(nonce)
        if int.from_bytes(h.digest()[:8], "big") >> shift == 0:
            return nonce
        counter += 1


class ClaimDifficulty:
    """One proof-of-work difficulty for everybody, rising with the rate of new mailboxes."""

    SLOT_SECONDS = 300.0
    SLOTS = 12  # one hour

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._slots: deque[tuple[int, int]] = deque()  # (slot number, claims)

    def _recent(self, now: float) -> int:
        current = int(now // self.SLOT_SECONDS)
        while self._slots and self._slots[0][0] <= current - self.SLOTS:
            self._slots.popleft()
        return sum(count for _, count in self._slots)

    def bits(self, now: float) -> int:
        base, top = self.limits.claim_pow_bits, self.limits.claim_pow_bits_max
        load = self._recent(now) / self.limits.new_mailboxes_per_hour
        extra = math.ceil(math.log2(load)) if load > 1 else 0
        return min(top, base + extra)

    def record(self, now: float) -> None:
        current = int(now // self.SLOT_SECONDS)
        self._recent(now)
        if self._slots and self._slots[-1][0] == current:
            self._slots[-1] = (current, self._slots[-1][1] + 1)
        else:
            self._slots.append((current, 1))


class StorageShare:
    """Bytes each address stored within the expiry window, so no one address fills more than
    `storage_share_per_address` of the cap. A leaky bucket per address that empties over
    `expiry_seconds` (what it stored is deleted by then); kept in memory only."""

    def __init__(self, limits: Limits, max_keys: int = 50_000) -> None:
        self.limits = limits
        self.max_keys = max_keys
        self._used: dict[str, tuple[float, float]] = {}  # address -> (bytes, as of)

    @property
    def share_bytes(self) -> float:
        return self.limits.storage_max_bytes * self.limits.storage_share_per_address

    def _level(self, address: str, now: float) -> float:
        used, since = self._used.get(address, (0.0, now))
        drain = self.share_bytes * max(0.0, now - since) / self.limits.expiry_seconds
        return max(0.0, used - drain)

    def take(self, address: str, size: int, now: float) -> bool:
        """Whether `address` may store `size` more bytes now; if so, count them (one check
        and one update per append, on the relay's hot path)."""
        level = self._level(address, now)
        if level + size > self.share_bytes:
            return False
        if address not in self._used and len(self._used) >= self.max_keys:
            self.prune(now)
        self._used[address] = (level + size, now)
        return True

    def prune(self, now: float) -> None:
        for address in [a for a in self._used if self._level(a, now) == 0.0]:
            del self._used[address]
