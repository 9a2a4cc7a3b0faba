"""`/metrics` through `prometheus_client`: process figures, the build, latencies, refusals.

Only aggregate numbers: no mailbox ids, no addresses, no per-client labels. Each relay has
its own registry (tests run several in one process).
"""

from __future__ import annotations

import platform
from collections.abc import Callable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    Info,
    ProcessCollector,
    disable_created_metrics,
    generate_latest,
)

from haven import __version__

disable_created_metrics()  # `*_created` series would double the page and tell nothing

_COUNTERS = {
    "connections": "WebSocket connections accepted",
    "appends": "blobs stored (not counting duplicates)",
    "duplicates": "appends of a blob the mailbox already held",
    "pushes": "blobs pushed to subscribers",
    "fetched": "blobs returned by fetch",
    "purged": "blobs deleted on expiry",
    "trimmed": "oldest blobs deleted from mailboxes over a lowered quota",
    "erased": "blobs erased at a member's request (a deleted or removed post)",
    "claims": "mailboxes created (each paid for with a proof of work)",
    "slow_subscribers": "times a subscriber fell behind and was paged from disk",
    "dropped_frames": "frames over a mailbox's rate, dropped without being read",
}
_GAUGES = {
    "connections_open": "WebSocket connections open now",
    "max_connections": "the global connection cap in force",
    "stored_blobs": "blobs held (re-read every few seconds)",
    "stored_bytes": "ciphertext bytes held",
    "storage_max_bytes": "the disk cap for ciphertext",
    "storage_fill_ratio": "stored_bytes / storage_max_bytes",
    "mailboxes": "mailboxes known",
    "claim_pow_bits": "proof-of-work bits a new mailbox costs now",
}
#: Latencies from a fraction of a millisecond (group commit on a fast disk) to seconds.
_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class Metrics:
    def __init__(self, storage: str = "sqlite") -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        Info("haven_relay_build", "the relay's version", registry=self.registry).info(
            {"version": __version__, "python": platform.python_version(), "storage": storage}
        )
        self._counters = {
            name: Counter(f"haven_relay_{name}", text, registry=self.registry)
            for name, text in _COUNTERS.items()
        }
        self.refused = Counter(
            "haven_relay_refused",
            "requests, frames or connections refused, by reason",
            ["reason"],
            registry=self.registry,
        )
        self.gauges = {
            name: Gauge(f"haven_relay_{name}", text, registry=self.registry)
            for name, text in _GAUGES.items()
        }
        self.ack_seconds = Histogram(
            "haven_relay_ack_seconds",
            "from an append's arrival to its durable commit",
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.commit_seconds = Histogram(
            "haven_relay_commit_seconds",
            "one group-commit transaction",
            buckets=_BUCKETS,
            registry=self.registry,
        )
        self.fetch_seconds = Histogram(
            "haven_relay_fetch_seconds",
            "from a fetch request to its reply being queued",
            buckets=_BUCKETS,
            registry=self.registry,
        )

    def count(self, name: str, amount: float = 1) -> None:
        if amount:
            self._counters[name].inc(amount)

    def reject(self, reason: str) -> None:
        self.refused.labels(reason).inc()

    def refused_count(self, reason: str) -> float:
        value = self.registry.get_sample_value("haven_relay_refused_total", {"reason": reason})
        return value or 0.0

    def watch(self, name: str, read: Callable[[], float]) -> None:
        """Let gauge `name` read its value when /metrics is asked for."""
        self.gauges[name].set_function(read)

    def render(self) -> bytes:
        return generate_latest(self.registry)

    content_type = CONTENT_TYPE_LATEST
