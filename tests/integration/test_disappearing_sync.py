"""Disappearing posts through real sync over direct TCP (127.0.0.1), clocks injected: a
post with a picture reaches two members; each erases it when its own hour is up; a member
who was away receives it already erased over TCP — nothing that crossed the connection
opens to its words (docs/PROTOCOL.md §5.8)."""

from __future__ import annotations

from pathlib import Path

from haven.core import session as core_session
from haven.core.attachments.spec import FileSpec, PreparedFile, digest
from tests.canary_scan import envelopes_holding, epoch_keys, vault_holding
from tests.helpers import PASSPHRASE
from tests.space_helpers import join, sync
from tests.sync_helpers import record_received, tcp_sync

CANARY = "Qzgonesoon"
T0 = 1_800_000_000_000
HOUR_MS = 3_600_000


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> int:
        return self.now


def test_a_disappearing_post_goes_from_every_replica_over_tcp(tmp_path: Path) -> None:
    clocks = [Clock() for _ in range(3)]
    ari, bea, dan = (
        core_session.create(tmp_path / n, PASSPHRASE, n.capitalize(), clock=c)
        for n, c in zip(("ari", "bea", "dan"), clocks, strict=True)
    )
    try:
        space = ari.spaces.create_space("Circle", display_name="Ari")
        join(ari, bea, space, "Bea")
        join(ari, dan, space, "Dan")
        sync(space, ari, bea, dan)
        ari.spaces.disappearing.set_timer(space, 3600)
        tcp_sync(ari, bea)
        note = f"address: {CANARY}".encode() * 400
        files = [PreparedFile(FileSpec("a.txt", "text/plain", len(note), digest(note)), note)]
        post = bea.spaces.post(space, f"call me {CANARY}", files=files)
        tcp_sync(ari, bea)
        assert vault_holding(ari, space, CANARY) != []
        clocks[0].now = clocks[1].now = T0 + HOUR_MS
        for s in (ari, bea):
            s.spaces.disappearing.sweep()
            assert vault_holding(s, space, CANARY) == []
        received = record_received(dan)  # Dan was away for all of it
        tcp_sync(ari, dan)
        assert envelopes_holding(received, epoch_keys(ari, space), CANARY) == 0
        feed = dan.spaces.read_feed(space, include_hidden=True)
        assert [(p.state, p.body) for p in feed if p.post_id == post] == [("expired", "")]
        assert vault_holding(dan, space, CANARY) == []
    finally:
        for s in (ari, bea, dan):
            s.lock()
