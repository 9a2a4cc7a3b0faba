"""Relay sync when things go wrong, with real sockets on 127.0.0.1: the relay SIGKILLed in
the middle of an upload and restarted on the same database, and a relay that loses a fifth
of the blobs, replays some and reorders the rest (a proxy in front of the real relay)."""

from __future__ import annotations

import asyncio
import hashlib
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.asyncio.server import Server, ServerConnection, serve

from haven.core.envelope import read_header
from haven.core.journal import JournalDraft
from haven.core.session import Session
from haven.relay import protocol
from haven.relay.client import RelayClient
from haven.store import identity_tables as ids
from haven.store import relay_tables as rt
from haven.sync import relay_sync
from haven.sync.engine import SyncEngine, async_sync_once
from haven.sync.relay_sync import open_blob, sync_relays
from tests.helpers import new_session, replica_of
from tests.integration.relay_sync_support import FrameProxy, LoopThread, Relay
from tests.relay.support import write_config
from tests.sync_helpers import journal_state

WAIT_S = 30.0
FAST = (
    "blobs_per_minute_per_connection",
    "blobs_per_minute_per_address",
    "requests_per_minute_per_connection",
    "frames_per_minute_per_mailbox",
)


def _own_events(s: Session) -> int:
    author, device = s.relays.own_chain(s.journal.space_id)
    return s.log.chain_tips(s.journal.space_id)[(author, device)]


async def _events_on_relay(url: str, epoch_key: bytes) -> list[tuple[bytes, bytes, int]]:
    """(author, device, seq) of every blob in the mailbox, read with the real client."""
    async with await RelayClient.connect(url, epoch_key) as mailbox:
        out = []
        for _, blob in await mailbox.fetch_all(0):
            envelope = open_blob(epoch_key, blob)
            assert envelope is not None
            header = read_header(envelope)[0]
            out.append((header.author, header.device, header.seq))
        return out


def test_relay_killed_mid_upload_loses_and_duplicates_nothing_acknowledged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(relay_sync, "PUSH_BATCH", 32)  # many acknowledged steps to cut into
    # Limits high enough that 1,500 events go up in one go (pacing is the next test's).
    (tmp_path / "relay").mkdir()
    config = write_config(tmp_path / "relay" / "relay.toml", **dict.fromkeys(FAST, 10**7))
    relay = Relay(tmp_path / "relay", config)
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    try:
        space = a.journal.space_id
        a.relays.set_relays(space, [relay.url])
        a.journal.add_many([JournalDraft(f"entry {i}", tags=("t",)) for i in range(1500)])
        total = _own_events(a)
        reports: list[relay_sync.RelayReport] = []
        pusher = threading.Thread(target=lambda: reports.extend(sync_relays(a)))
        pusher.start()
        deadline = threading.Event()
        while a.relays.waiting(space, relay.url) == total and pusher.is_alive():
            deadline.wait(0.002)
        relay.signal(signal.SIGKILL)
        relay.wait()
        pusher.join(WAIT_S)
        assert not pusher.is_alive()
        (report,) = reports
        assert report.spaces[0].error is not None, "the upload finished before the kill"
        with a.vault.read() as conn:
            acked = rt.get_acked(conn, relay.url, space)
            key = ids.epoch_keys(conn, space)[0]
        assert 0 < acked < total

        relay.start()  # same database, same port
        held = asyncio.run(_events_on_relay(relay.url, key))
        mine = a.relays.own_chain(space)
        on_relay = {seq for author, device, seq in held if (author, device) == mine}
        assert set(range(1, acked + 1)) <= on_relay  # nothing acknowledged was lost

        again = sync_relays(a)[0].spaces[0]
        assert again.error is None and again.waiting == 0
        assert again.sent == total - acked
        b.relays.set_relays(space, [relay.url])
        pulled = sync_relays(b)[0].spaces[0]
        assert pulled.error is None and pulled.held == 0
        a_state = journal_state(a)
        assert len(a_state) == 1500 and journal_state(b) == a_state
        assert b.log.count(space) == a.log.count(space) + _own_events(b)  # none twice
    finally:
        relay.stop()
        a.lock()
        b.lock()


# ----------------------------------------------------------------- a lossy, replaying relay


def _dropped(blob: bytes) -> bool:
    return hashlib.blake2b(blob, digest_size=2).digest()[0] % 5 == 0


def _replayed(blob: bytes) -> bool:
    return hashlib.blake2b(blob, digest_size=2).digest()[1] % 4 == 0


def _mangle(frame: bytes, seen: list[tuple[int, bytes]]) -> tuple[bytes | None, int]:
    """(the frame to pass on or None, how many blobs it replays)."""
    message = protocol.decode_server(frame)
    if isinstance(message, protocol.Push):
        return (None if _dropped(message.blob) else frame), 0
    if not isinstance(message, protocol.Blobs):
        return frame, 0
    kept = [i for i in message.items if not _dropped(i[1])]
    replays = [i for i in kept if _replayed(i[1])] + seen[-3:]
    seen.extend(kept)
    items = list(reversed(kept + replays))  # reordered, with old blobs again
    return (
        protocol.encode(protocol.Blobs(message.id, items, message.more, message.head)),
        len(replays),
    )


class LossyProxy(FrameProxy):
    """Forwards WebSocket frames to the real relay; on the way back drops about a fifth of
    the blobs, sends some again and reverses each page."""

    def __init__(self, upstream: str, loop: LoopThread) -> None:
        super().__init__(upstream, loop)
        self.replayed = 0

    def down(self, frame: bytes, state: dict[str, object]) -> bytes | None:
        seen = state.setdefault("seen", [])
        assert isinstance(seen, list)
        out, replayed = _mangle(frame, seen)
        self.replayed += replayed
        return out


@pytest.fixture
def loop() -> Iterator[LoopThread]:
    thread = LoopThread()
    yield thread
    thread.stop()


def test_gaps_from_a_lossy_relay_show_as_held_and_fill_from_another_relay_or_a_peer(
    tmp_path: Path, loop: LoopThread
) -> None:
    good, other = Relay(tmp_path / "r1"), Relay(tmp_path / "r2")
    lossy = LossyProxy(other.url, loop)
    a = new_session(tmp_path / "a")
    b, c = replica_of(a, tmp_path / "b"), replica_of(a, tmp_path / "c")
    engine: SyncEngine | None = None
    try:
        space = a.journal.space_id
        a.relays.set_relays(space, [lossy.url, good.url])
        a.journal.add_many([JournalDraft(f"note {i}") for i in range(200)])
        assert all(r.spaces[0].waiting == 0 for r in sync_relays(a))
        clean = journal_state(a)

        for reader in (b, c):
            reader.relays.set_relays(space, [lossy.url, good.url])
            lossy_round = sync_relays(reader, lossy.url)[0].spaces[0]
            # The gaps are noticed: later events of a chain wait for the missing ones.
            # (Replayed blobs count as duplicates, or as held again if still in a gap.)
            assert lossy_round.held > 0 and lossy.replayed > 0
            assert len(journal_state(reader)) < len(clean)
            assert reader.relays.sync_status(space).held == lossy_round.held

        filled = sync_relays(b, good.url)[0].spaces[0]  # another relay fills B's gaps
        assert filled.held == 0 and journal_state(b) == clean

        engine = SyncEngine(b)  # a direct peer fills C's
        engine.start()
        port = engine.serve("127.0.0.1", 0)
        asyncio.run(asyncio.wait_for(async_sync_once(c, "127.0.0.1", port), WAIT_S))
        assert c.relays.sync_status(space).held == 0 and journal_state(c) == clean
        # Every event once: A's, and B's and C's own (device link, relay list).
        assert c.log.count(space) == a.log.count(space) + _own_events(b) + _own_events(c)
    finally:
        if engine is not None:
            engine.stop()
        lossy.close()
        good.stop()
        other.stop()
        for s in (a, b, c):
            s.lock()


def test_after_a_key_rotation_events_move_to_a_mailbox_the_unlinked_device_cannot_find(
    tmp_path: Path,
) -> None:
    relay = Relay(tmp_path / "relay")
    a = new_session(tmp_path / "a")
    b, lost = replica_of(a, tmp_path / "b"), replica_of(a, tmp_path / "lost")
    try:
        space = a.journal.space_id
        for s in (a, b, lost):
            s.relays.set_relays(space, [relay.url])
        a.journal.add("before the laptop was stolen")
        for s in (a, b, lost, a):
            assert sync_relays(s)[0].spaces[0].error is None
        epoch = a.devices.unlink(lost.identity.device_id)  # rotates the journal key
        assert epoch != 0
        a.journal.add("after the laptop was stolen")
        assert sync_relays(a)[0].spaces[0].waiting == 0
        # B reads the rotation in the epoch-0 mailbox, gets the new key, and reads the
        # new epoch's mailbox in the same round.
        got = sync_relays(b)[0].spaces[0]
        assert got.error is None and got.held == 0
        assert "after the laptop was stolen" in {e.body for e in b.journal.list()}
        sync_relays(lost)
        assert {e.body for e in lost.journal.list()} == {"before the laptop was stolen"}
        with a.vault.read() as conn:
            keys = ids.epoch_keys(conn, space)
        with lost.vault.read() as conn:
            assert set(ids.epoch_keys(conn, space)) == {0}
        assert relay_sync.mailbox_id(keys[0]) != relay_sync.mailbox_id(keys[epoch])
        on_new = asyncio.run(_events_on_relay(relay.url, keys[epoch]))
        assert on_new and all(author == a.identity.primary().persona_id for author, _, _ in on_new)
    finally:
        relay.stop()
        for s in (a, b, lost):
            s.lock()


def test_a_relay_that_stops_answering_ends_the_round_with_a_timeout(
    tmp_path: Path, loop: LoopThread
) -> None:
    """A test double of the relay protocol: it lets the client in, then never answers."""

    async def silent(ws: ServerConnection) -> None:
        await ws.send(protocol.encode(protocol.Challenge(bytes(32), 1 << 20)))
        await ws.recv()
        await ws.send(protocol.encode(protocol.Welcome(0, 0)))
        async for _ in ws:  # swallow every request
            pass

    async def start() -> Server:
        return await serve(silent, "127.0.0.1", 0, compression=None)

    server: Server = loop.run(start)  # type: ignore[assignment]
    url = f"ws://127.0.0.1:{server.sockets[0].getsockname()[1]}/"
    a = new_session(tmp_path / "a")
    try:
        space = a.journal.space_id
        a.relays.set_relays(space, [url])
        waiting = a.relays.waiting(space)
        began = time.monotonic()
        (report,) = sync_relays(a, timeout=1.0)
        assert time.monotonic() - began < 10
        assert report.spaces[0].error == "timeout"
        assert a.relays.waiting(space) == waiting  # nothing counted as sent
    finally:
        a.lock()

        async def shut() -> None:
            server.close()

        loop.run(shut)
