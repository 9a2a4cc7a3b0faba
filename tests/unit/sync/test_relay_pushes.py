"""The app's live relay subscription settles once per burst of pushes, as a sync round does:
a member who pushes one late event per blob must not cost its peers one recompute of the
whole space per blob. The relay's connection is a stand-in holding the pushes (no socket);
everything else is real: vaults, envelopes, blobs sealed under the epoch key."""

from __future__ import annotations

import asyncio
from collections import deque
from pathlib import Path
from typing import Any, cast

import pytest

from haven.core.eventlog import EventLog
from haven.core.spaces.projector import SpaceProjector
from haven.relay.client import RelayClient, RelayError
from haven.store.vault import Connection
from haven.sync.relay_background import read_pushes
from haven.sync.relay_sync import RelayReport, seal_blob
from tests.space_helpers import three_members

URL = "wss://relay.invalid"


class Bursts:
    """Pushes that arrive in bursts: the next burst comes once the last one is read."""

    def __init__(self, bursts: list[list[bytes]]) -> None:
        self._bursts = deque(deque(b) for b in bursts)
        self._cursor = 0

    @property
    def has_push(self) -> bool:
        return bool(self._bursts and self._bursts[0])

    async def next_push(self, timeout: float | None = None) -> tuple[int, bytes]:
        while self._bursts and not self._bursts[0]:
            self._bursts.popleft()
        if not self._bursts:
            raise RelayError("closed", "the connection closed")
        self._cursor += 1
        return self._cursor, self._bursts[0].popleft()


def test_a_burst_of_late_pushes_costs_one_recompute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ari, bea, _cai, space = three_members(tmp_path)
    late = [bea.spaces.post(space, f"offline {i}") for i in range(6)]
    for i in range(len(late) + 1):  # Ari's clock runs ahead: each of hers arrives late
        ari.spaces.post(space, f"news {i}")
    tips = ari.log.chain_tips(space)
    envelopes = bea.log.envelopes_after(space, tips, 100)
    assert len(envelopes) == len(late)
    key = next(iter(ari.relays.epoch_keys(space).values()))
    blobs = [seal_blob(key, e) for e in envelopes]

    recomputes = 0
    recompute = SpaceProjector.recompute

    def counted(self: SpaceProjector, conn: Connection, sid: bytes, log: EventLog) -> int:
        nonlocal recomputes
        recomputes += log is ari.log
        return recompute(self, conn, sid, log)

    monkeypatch.setattr(SpaceProjector, "recompute", counted)
    pages: list[int] = []  # blobs per ingest transaction
    ingest_page = ari.relays.ingest_page

    def recorded(relay: str, mailbox: bytes, envelopes: list[bytes], *a: Any, **k: Any) -> Any:
        pages.append(len(envelopes))
        return ingest_page(relay, mailbox, envelopes, *a, **k)

    monkeypatch.setattr(ari.relays, "ingest_page", recorded)
    reports: list[RelayReport] = []
    relay = cast(RelayClient, Bursts([blobs[:4], blobs[4:]]))
    with pytest.raises(RelayError):  # the stand-in's connection ends after the last burst
        asyncio.run(read_pushes(ari, URL, space, relay, key, reports.append))

    assert recomputes == 2  # one per burst; it was one per blob
    assert pages == [4, 2]  # one transaction per burst; it was one per blob
    assert sum(r.spaces[0].received for r in reports) == len(late)
    feed = {p.post_id for p in ari.spaces.read_feed(space)}
    assert set(late) <= feed
    assert recomputes == 2  # the read found nothing stale: each burst was settled
    for s in (ari, bea, _cai):
        s.lock()
