"""Attack 4 through real sync: a member's vault serves poison events amid honest ones over
direct TCP (127.0.0.1), and a key holder leaves poison and junk blobs in a relay mailbox.
The honest events arrive, the bad ones are rejected one by one, and the next round works."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.envelope import read_header
from haven.core.session import Session
from haven.relay.client import RelayClient
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.sync.engine import SyncEngine, async_sync_once
from haven.sync.relay_sync import mailbox_id, seal_blob, sync_relays
from tests.hostile import POISONS, Hostile
from tests.integration.relay_sync_support import Relay
from tests.space_helpers import deliver, join, make_session, sync

WAIT_S = 60.0
#: Poisons whose header parses: a hostile vault can hold them in its log and serve them.
SERVABLE = ("created_ms_u64_max", "content_ext_type", "target_int", "journal_create_u64")


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes]]:
    ari, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    join(ari, cai, space, "Cai")
    sync(space, ari, bea, cai)
    yield ari, bea, cai, space
    for s in (ari, bea, cai):
        s.lock()


def _plant(session: Session, envelope: bytes) -> None:
    """Put a crafted envelope into a vault's own log, as a hostile member edits their vault
    so that their device serves it."""
    header, _, _ = read_header(envelope)
    with session.vault.transaction() as conn:
        lt.insert_event(
            conn,
            lt.StoredEvent(
                os.urandom(32),
                header.space_id,
                header.author,
                header.device,
                header.seq,
                header.lamport,
                header.epoch,
                "space.post",
                None,
                0,
                envelope,
            ),
        )


def _bodies(session: Session, space: bytes) -> set[str]:
    return {p.body for p in session.spaces.read_feed(space)}


def test_poison_served_over_direct_sync_costs_only_itself(
    trio: tuple[Session, Session, Session, bytes],
) -> None:
    ari, bea, cai, space = trio
    for i in range(300):  # more than one batch of honest events
        ari.spaces.post(space, f"honest {i}")
    deliver(ari, cai, space)
    hostile = Hostile.of(cai, space)
    for kind in SERVABLE:
        _plant(cai, hostile.fresh_chain().poison(kind))
    engine = SyncEngine(cai)
    engine.start()
    try:
        port = engine.serve("127.0.0.1", 0)
        report = asyncio.run(asyncio.wait_for(async_sync_once(bea, "127.0.0.1", port), WAIT_S))
        assert report.complete and report.error == ""
        assert report.rejected == len(SERVABLE)
        assert {f"honest {i}" for i in range(300)} <= _bodies(bea, space)
        # Sync keeps working: the next round completes, and what Bea writes reaches Cai.
        bea.spaces.post(space, "still here")
        again = asyncio.run(asyncio.wait_for(async_sync_once(bea, "127.0.0.1", port), WAIT_S))
        assert again.complete and again.error == ""
        assert "still here" in _bodies(cai, space)
    finally:
        engine.stop()


def test_junk_and_poison_in_a_relay_mailbox_are_skipped_and_the_cursor_moves_on(
    tmp_path: Path, trio: tuple[Session, Session, Session, bytes]
) -> None:
    ari, bea, cai, space = trio
    relay = Relay(tmp_path / "relay")
    try:
        ari.relays.set_relays(space, [relay.url])
        sync(space, ari, bea, cai)
        ari.spaces.post(space, "before the junk")
        assert sync_relays(ari)[0].spaces[0].waiting == 0
        hostile = Hostile.of(cai, space)
        key = hostile.epoch_keys[hostile.epoch]
        bad = [os.urandom(300), seal_blob(key, b"not an envelope")]
        kinds = sorted(set(POISONS) - {"post_huge_body"})  # larger than the relay takes
        bad += [seal_blob(key, hostile.fresh_chain().poison(kind)) for kind in kinds]

        async def upload() -> None:
            async with await RelayClient.connect(relay.url, key) as mailbox:
                await mailbox.append_many(bad)

        asyncio.run(upload())
        ari.spaces.post(space, "after the junk")
        assert sync_relays(ari)[0].spaces[0].waiting == 0

        first = sync_relays(bea)[0].spaces[0]
        assert first.error is None
        assert {"before the junk", "after the junk"} <= _bodies(bea, space)
        assert first.rejected == len(bad) - 2  # two poisons are in range, and meaningless
        with bea.vault.read() as conn:
            epoch_key = ids.get_epoch_key(conn, space, hostile.epoch)
        assert epoch_key is not None
        assert bea.relays.cursor(relay.url, mailbox_id(epoch_key)) > 0
        second = sync_relays(bea)[0].spaces[0]  # the cursor moved past the junk
        assert second.error is None and second.rejected == 0 and second.received == 0
    finally:
        relay.stop()
