"""The relay's pure rules: limits, rate limits, quotas and live-delivery bookkeeping.

Nothing here does I/O or reads a clock: `now` (seconds, monotonic) is always an argument, so
the tests drive time by hand (magic-wormhole's mailbox server is built the same way).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Everything a volunteer may tune (see docs/RELAY.md); the defaults suit a small VPS."""

    blob_max_bytes: int = 64 * 1024
    mailbox_max_bytes: int = 64 * 1024 * 1024
    blobs_per_minute_per_connection: int = 3000
    blobs_per_minute_per_address: int = 12000
    requests_per_minute_per_connection: int = 3000
    #: Every frame of a mailbox's connections, counted before it is decoded; frames over this
    #: rate are dropped unread, and a connection that keeps sending them is closed.
    frames_per_minute_per_mailbox: int = 6000
    violations_before_close: int = 64
    max_connections: int = 2000
    #: Memory the relay may spend on connections; `max_connections` is lowered to fit it.
    connection_memory_bytes: int = 512 * 1024 * 1024
    connections_per_address: int = 64
    unauthenticated_per_address: int = 8
    connections_per_minute_per_address: int = 600
    connections_per_mailbox: int = 32
    #: Creating a mailbox costs a proof of work of `claim_pow_bits` (one difficulty for
    #: everybody), one bit more for each doubling of new mailboxes per hour over
    #: `new_mailboxes_per_hour`, up to `claim_pow_bits_max`.
    claim_pow_bits: int = 18
    claim_pow_bits_max: int = 26
    new_mailboxes_per_hour: int = 600
    new_mailboxes_per_hour_per_address: int = 60
    storage_max_bytes: int = 2 * 1024 * 1024 * 1024
    #: Part of `storage_max_bytes` one address may fill within `expiry_seconds` (0…1).
    storage_share_per_address: float = 0.1
    expiry_seconds: float = 30 * 24 * 3600
    purge_interval_seconds: float = 600
    #: PostgreSQL only: after an erasure the blobs table is rewritten (VACUUM FULL, which
    #: leaves no dead row version in its files) at once, and then at most this often.
    rewrite_interval_seconds: float = 3600
    fetch_page_max_blobs: int = 256
    fetch_page_max_bytes: int = 256 * 1024
    auth_timeout_seconds: float = 10
    push_queue_max_bytes: int = 128 * 1024
    #: A connection whose queued frames make no progress for this long is closed.
    send_timeout_seconds: float = 30

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if value <= 0:
                raise ValueError(f"limit {name} must be positive")
        if self.fetch_page_max_bytes < self.blob_max_bytes:
            raise ValueError("fetch_page_max_bytes must be at least blob_max_bytes")
        if self.storage_share_per_address > 1:
            raise ValueError("storage_share_per_address is a fraction between 0 and 1")
        if not 1 <= self.claim_pow_bits <= self.claim_pow_bits_max <= 40:
            raise ValueError("claim_pow_bits must be 1…claim_pow_bits_max, at most 40")


class TokenBucket:
    """`per_minute` events per minute on average, bursts up to `burst`."""

    __slots__ = ("burst", "last", "rate", "tokens")

    def __init__(self, per_minute: float, now: float, burst: int | None = None) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst if burst is not None else max(1, int(per_minute) // 6))
        self.tokens = self.burst
        self.last = now

    def _refill(self, now: float) -> None:
        if now > self.last:
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now

    def take(self, now: float) -> float:
        """Take one token: 0.0 if allowed, else the seconds to wait before retrying."""
        if now > self.last:  # `_refill`, inlined: this runs three times per append
            self.tokens = min(self.burst, self.tokens + (now - self.last) * self.rate)
            self.last = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate

    def full(self, now: float) -> bool:
        self._refill(now)
        return self.tokens >= self.burst


class KeyedRateLimiter:
    """One token bucket per key (a client address), forgetting keys whose bucket is full again.

    Keys live only in memory and are never logged.
    """

    def __init__(self, per_minute: float, max_keys: int = 50_000, burst: int | None = None) -> None:
        self.per_minute = per_minute
        self.burst = burst
        self.max_keys = max_keys
        self._buckets: dict[str | bytes, TokenBucket] = {}

    def take(self, key: str | bytes, now: float) -> float:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self.prune(now)
            bucket = self._buckets[key] = TokenBucket(self.per_minute, now, self.burst)
        return bucket.take(now)

    def prune(self, now: float) -> int:
        idle = [k for k, b in self._buckets.items() if b.full(now)]
        for k in idle:
            del self._buckets[k]
        return len(idle)

    def __len__(self) -> int:
        return len(self._buckets)


def rate_key(address: str) -> str:
    """The per-address rate limit's key: the address itself for IPv4, the /64 network for
    IPv6 (one host usually holds a whole /64, so limiting single IPv6 addresses is useless)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


class ConnectionGate:
    """Counts open connections against the global cap (see admission.connection_budget)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open = 0

    def try_enter(self) -> bool:
        if self.open >= self.limit:
            return False
        self.open += 1
        return True

    def leave(self) -> None:
        self.open = max(0, self.open - 1)


def size_error(size: int, limits: Limits) -> str | None:
    if size == 0:
        return "empty blobs are not stored"
    if size > limits.blob_max_bytes:
        return f"blobs are limited to {limits.blob_max_bytes} bytes"
    return None


def quota_allows(stored_bytes: int, size: int, limits: Limits) -> bool:
    return stored_bytes + size <= limits.mailbox_max_bytes


def fetch_page_limit(requested: int, limits: Limits) -> int:
    return max(1, min(requested, limits.fetch_page_max_blobs))


class Delivery:
    """Live delivery state of one subscription (sans-IO).

    A subscription starts in catch-up: it pages stored blobs after `last` until it reaches the
    mailbox head, then turns live and takes pushes straight from each commit. If its unsent
    pushes would exceed `queue_max_bytes` (a slow reader), it falls back to catch-up, so a
    slow subscriber costs disk reads rather than unbounded memory.
    """

    __slots__ = ("last", "live", "queue_max_bytes", "queued_bytes")

    def __init__(self, after: int, queue_max_bytes: int) -> None:
        self.last = after
        self.live = False
        self.queued_bytes = 0
        self.queue_max_bytes = queue_max_bytes

    def on_commit(self, cursor: int, size: int) -> bool:
        """A blob with `cursor` was committed: True if it should be pushed now."""
        if not self.live or cursor <= self.last:
            return False
        if cursor > self.last + 1:  # a blob committed elsewhere is not here yet: page for it
            self.live = False
            return False
        if self.queued_bytes and self.queued_bytes + size > self.queue_max_bytes:
            self.live = False  # overflow: the catch-up pager takes over from `last`
            return False
        self.last = cursor
        self.queued_bytes += size
        return True

    def may_page(self) -> bool:
        """Catch-up reads the next page only once most of the previous one has been sent."""
        return self.queued_bytes <= self.queue_max_bytes // 2

    def on_page(self, pushed: list[tuple[int, int]], more: bool, head: int) -> bool:
        """`pushed` (cursor, size) pairs of a catch-up page were queued; True when caught up
        (and now live).

        `head` is the highest cursor known committed: the larger of what the page's read saw
        and what commit notifications reported since the subscription began, so a commit that
        lands between the read and this call is never missed.
        """
        for cursor, size in pushed:
            self.last = max(self.last, cursor)
            self.queued_bytes += size
        if not more and self.last >= head:
            self.live = True
        return self.live

    def on_sent(self, size: int) -> None:
        self.queued_bytes = max(0, self.queued_bytes - size)
