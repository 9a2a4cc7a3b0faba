"""A relay round keeps many requests in flight (sync/relay_window.py), with the real relay on
127.0.0.1 behind a counting proxy that can cut the connection after N appends: the window
fills to its bound and never past it, a cut mid-window keeps only what was acknowledged and
the next round sends the rest, a push is not fetched back, fetches run ahead of a slow ingest
(boundedly) and what arrived meanwhile is ingested together, and a full mailbox's refusal
ends the round with `quota_exceeded` and everything before the refused blob acknowledged.
Nothing here is timed: frames and calls are counted."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haven.core.envelope import read_header
from haven.core.journal import JournalDraft
from haven.core.session import Session
from haven.relay import protocol
from haven.relay.client import RelayClient
from haven.store import identity_tables as ids
from haven.store import relay_tables as rt
from haven.sync import relay_sync, relay_window
from haven.sync.relay_sync import open_blob, sync_relays
from tests.helpers import new_session, replica_of
from tests.integration.relay_sync_support import Cut, FrameProxy, LoopThread, Relay
from tests.relay.support import write_config
from tests.sync_helpers import journal_state

WINDOW = 8
WAIT_S = 30.0


class CountingProxy(FrameProxy):
    """Counts appends unanswered (per connection), fetches and the blobs fetched; after
    `cut_after` appends it cuts the connection, with appends in flight."""

    def __init__(self, upstream: str, loop: LoopThread) -> None:
        super().__init__(upstream, loop)
        self.cut_after: int | None = None
        self.appends = self.acks = self.fetches = self.blobs_down = self.max_unanswered = 0

    def up(self, frame: bytes, state: dict[str, object]) -> bytes | None:
        unanswered = state.setdefault("unanswered", set())
        assert isinstance(unanswered, set)
        message = protocol.decode_client(frame)
        if isinstance(message, protocol.Append):
            if self.cut_after is not None and self.appends >= self.cut_after:
                raise Cut
            self.appends += 1
            unanswered.add(message.id)
            self.max_unanswered = max(self.max_unanswered, len(unanswered))
        elif isinstance(message, protocol.Fetch):
            self.fetches += 1
        return frame

    def down(self, frame: bytes, state: dict[str, object]) -> bytes | None:
        unanswered = state.setdefault("unanswered", set())
        assert isinstance(unanswered, set)
        message = protocol.decode_server(frame)
        if isinstance(message, protocol.Acks):
            self.acks += len(message.acks)
            unanswered.difference_update(a.id for a in message.acks)
        elif isinstance(message, protocol.Error):
            unanswered.discard(message.id)
        elif isinstance(message, protocol.Blobs):
            self.blobs_down += len(message.items)
        return frame


@pytest.fixture
def loop() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.stop()


def _own_seqs_on_relay(url: str, key: bytes, s: Session) -> list[int]:
    async def read() -> list[int]:
        async with await RelayClient.connect(url, key) as mailbox:
            mine = s.relays.own_chain(s.journal.space_id)
            seqs = []
            for _, blob in await mailbox.fetch_all(0):
                envelope = open_blob(key, blob)
                assert envelope is not None
                header = read_header(envelope)[0]
                if (header.author, header.device) == mine:
                    seqs.append(header.seq)
            return seqs

    return asyncio.run(read())


def _own_events(s: Session) -> int:
    author, device = s.relays.own_chain(s.journal.space_id)
    return s.log.chain_tips(s.journal.space_id)[(author, device)]


def test_a_round_pipelines_within_its_window_and_a_cut_keeps_only_what_was_acknowledged(
    tmp_path: Path, loop: LoopThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relay_window, "WINDOW_BLOBS", WINDOW)
    # Batches read from the outbox end mid-window: the next is read past what is in flight.
    monkeypatch.setattr(relay_sync, "PUSH_BATCH", 12)
    in_window: list[int] = []  # how many appends the client had unanswered after each send
    send = relay_window.AppendWindow.send

    async def counted(self: relay_window.AppendWindow, *args: Any) -> None:
        await send(self, *args)
        in_window.append(len(self))

    monkeypatch.setattr(relay_window.AppendWindow, "send", counted)
    # A mailbox quota that holds steps 1-4 (at most 68 blobs) and fills in step 5 (60 more):
    # a short journal entry's blob is 552 bytes sealed.
    config = write_config(tmp_path / "relay.toml", mailbox_max_bytes=90 * 552)
    relay = Relay(tmp_path / "relay", config)
    proxy = CountingProxy(relay.url, loop)
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    try:
        space = a.journal.space_id
        a.relays.set_relays(space, [proxy.url])
        a.journal.add_many([JournalDraft(f"entry {i}") for i in range(40)])
        total = _own_events(a)
        with a.vault.read() as conn:
            key = ids.epoch_keys(conn, space)[0]

        # 1. The connection cut after 20 appends, with the window full.
        proxy.cut_after = 20
        (cut,) = sync_relays(a)
        assert cut.spaces[0].error == "closed"
        assert max(in_window) == WINDOW  # filled before the first acknowledgement was taken
        assert 1 < proxy.max_unanswered <= WINDOW  # the relay saw the window, never more
        with a.vault.read() as conn:
            acked = rt.get_acked(conn, proxy.url, space)
        assert 0 < acked <= min(proxy.acks, 20)  # only what was acknowledged counts
        assert cut.spaces[0].waiting == total - acked
        assert set(range(1, acked + 1)) <= set(_own_seqs_on_relay(relay.url, key, a))

        # 2. The next round sends everything not acknowledged, again at most WINDOW at once.
        proxy.cut_after = None
        (again,) = sync_relays(a)
        assert again.spaces[0].error is None and again.spaces[0].waiting == 0
        assert again.spaces[0].sent == total - acked
        assert set(_own_seqs_on_relay(relay.url, key, a)) == set(range(1, total + 1))
        assert proxy.max_unanswered <= WINDOW

        # 3. A push is not fetched back: the round reads first (nothing new), pushes, and
        # reads again past the run of its own acknowledged blobs: two empty fetches.
        a.journal.add_many([JournalDraft(f"later {i}") for i in range(5)])
        fetches, blobs = proxy.fetches, proxy.blobs_down
        (later,) = sync_relays(a)
        assert later.spaces[0].sent == 5 and later.spaces[0].error is None
        assert (proxy.fetches - fetches, proxy.blobs_down - blobs) == (2, 0)

        # 4. Another device reads the mailbox in pages of 4 while its first ingest is held:
        # fetching runs ahead up to PREFETCH_PAGES pages waiting (and one more received, to
        # be queued) and no further; the pages that came meanwhile are ingested in one go.
        monkeypatch.setattr(relay_sync, "FETCH_PAGE", 4)
        ingest = relay_sync.ingest_blobs
        release, first = threading.Event(), threading.Event()
        batches: list[int] = []
        readers: list[relay_window.PageReader] = []

        def held(*args: Any, **kwargs: Any) -> None:
            batches.append(len(args[4]))
            if len(batches) == 1:
                first.set()
                assert release.wait(WAIT_S)
            ingest(*args, **kwargs)

        class Recorded(relay_window.PageReader):
            def __init__(self, *args: Any) -> None:
                super().__init__(*args)
                readers.append(self)

        monkeypatch.setattr(relay_sync, "ingest_blobs", held)
        monkeypatch.setattr(relay_sync, "PageReader", Recorded)
        b.relays.set_relays(space, [proxy.url])
        fetches = proxy.fetches
        reports: list[relay_sync.RelayReport] = []
        thread = threading.Thread(target=lambda: reports.extend(sync_relays(b)))
        thread.start()
        assert first.wait(WAIT_S)
        ahead = -(-batches[0] // 4) + relay_window.PREFETCH_PAGES + 1
        waiter, give_up = threading.Event(), time.monotonic() + WAIT_S  # a guard, not a test
        while readers[-1].fetches < ahead and time.monotonic() < give_up:
            waiter.wait(0.002)
        assert readers[-1].fetches == ahead  # ran ahead while the ingest was held
        release.set()
        thread.join(WAIT_S)
        (read,) = reports
        assert read.spaces[0].error is None and read.spaces[0].held == 0
        assert journal_state(b) == journal_state(a)
        assert max(r.most_ahead for r in readers) == relay_window.PREFETCH_PAGES  # bounded
        assert len(batches) < proxy.fetches - fetches  # several pages in one ingest
        assert batches[1] >= relay_window.PREFETCH_PAGES * 4

        # 5. The mailbox fills: the relay refuses that blob, the round ends saying so, and
        # everything before it stays acknowledged; the rest waits for the next round.
        a.journal.add_many([JournalDraft(f"more {i}") for i in range(60)])
        (full,) = sync_relays(a)
        assert full.spaces[0].error == "quota_exceeded"
        with a.vault.read() as conn:
            acked = rt.get_acked(conn, proxy.url, space)
        on_relay = _own_seqs_on_relay(relay.url, key, a)
        assert acked < _own_events(a) == acked + full.spaces[0].waiting
        assert set(range(1, acked + 1)) <= set(on_relay) and acked + 1 not in on_relay
    finally:
        proxy.close()
        relay.stop()
        a.lock()
        b.lock()
