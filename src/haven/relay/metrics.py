"""Counters for `/metrics` in the Prometheus text format (version 0.0.4).

Only aggregate numbers: no mailbox ids, no addresses, no per-client labels. The format is a
few lines of text, so it is written here rather than pulling in a client library.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

_HELP = {
    "connections_total": ("counter", "WebSocket connections accepted"),
    "connections_open": ("gauge", "WebSocket connections open now"),
    "appends_total": ("counter", "blobs stored (not counting duplicates)"),
    "duplicates_total": ("counter", "appends of a blob the mailbox already held"),
    "pushes_total": ("counter", "blobs pushed to subscribers"),
    "fetched_total": ("counter", "blobs returned by fetch"),
    "purged_total": ("counter", "blobs deleted on expiry"),
    "slow_subscribers_total": ("counter", "times a subscriber fell behind and was paged from disk"),
    "commits_total": ("counter", "group-commit transactions"),
    "commit_seconds_total": ("counter", "time spent in group commits"),
    "rejected_total": ("counter", "requests or connections refused, by reason"),
    "stored_blobs": ("gauge", "blobs held"),
    "stored_bytes": ("gauge", "ciphertext bytes held"),
    "mailboxes": ("gauge", "mailboxes known"),
}


@dataclass
class Metrics:
    counts: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    commit_seconds: float = 0.0
    gauges: dict[str, float] = field(default_factory=dict)

    def reject(self, reason: str) -> None:
        self.rejected[reason] += 1

    def render(self) -> str:
        values: dict[str, float] = {k: float(v) for k, v in self.counts.items()}
        values["commit_seconds_total"] = self.commit_seconds
        values.update(self.gauges)
        lines: list[str] = []
        for name, (kind, text) in _HELP.items():
            metric = f"haven_relay_{name}"
            lines += [f"# HELP {metric} {text}", f"# TYPE {metric} {kind}"]
            if name == "rejected_total":
                for reason in sorted(self.rejected):
                    lines.append(f'{metric}{{reason="{reason}"}} {self.rejected[reason]}')
            else:
                lines.append(f"{metric} {_fmt(values.get(name, 0.0))}")
        return "\n".join(lines) + "\n"


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6f}"
