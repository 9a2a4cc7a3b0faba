"""Issue 10, "Deletion that deletes", on the relay: a post deleted by its author and a post a
moderator removed are erased from the real relay by the next relay sync of the author's
device once it applied the redaction — the relay no longer returns the blob, its bytes leave
the relay's database files, and a member who reads the mailbox later gets the redacted form
in its place (so no chain has a gap). Only the author can make a blob's erase token (issue
12): a hostile member holding the epoch key cannot erase or overwrite anyone else's blob,
and a removed member cannot erase anything written after the removal."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.envelope import open_event
from haven.core.session import Session
from haven.relay.client import RelayClient
from haven.store import log_table as lt
from haven.sync.relay_sync import erase_token, legacy_erase_token, open_blob, sync_relays
from tests.canary_scan import epoch_keys, vault_holding
from tests.integration.relay_sync_support import Relay
from tests.relay.test_relay_erase import files_holding, wait_until_gone
from tests.space_helpers import join, make_session

DELETED, REMOVED, LATER = "Qzvarnikel", "Brolliphant", "Strummelkin"


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[Relay, list[Session], bytes]]:
    relay = Relay(tmp_path / "relay")
    ari, bea, cai, dan = (make_session(tmp_path, n) for n in ("ari", "bea", "cai", "dan"))
    space = ari.spaces.create_space("Circle", display_name="Ari")
    for s, name in ((bea, "Bea"), (cai, "Cai"), (dan, "Dan")):
        join(ari, s, space, name)
    ari.relays.set_relays(space, [relay.url])
    try:
        yield relay, [ari, bea, cai, dan], space
    finally:
        for s in (ari, bea, cai, dan):
            s.lock()
        relay.stop()


def relay_round(session: Session, url: str) -> int:
    """One real relay round; returns the blobs the relay erased at this session's request."""
    reports = sync_relays(session, url)
    assert all(r.error is None for r in reports)
    spaces = [s for r in reports for s in r.spaces]
    assert all(s.error is None for s in spaces), spaces
    return sum(s.erased for s in spaces)


def mailbox_events(url: str, key: bytes) -> dict[bytes, tuple[bytes, bool]]:
    """What the relay's mailbox for `key` serves now: event id -> (blob, redacted)."""

    async def fetch() -> list[tuple[int, bytes]]:
        async with await RelayClient.connect(url, key) as client:
            return await client.fetch_all(0)

    out = {}
    for _, blob in asyncio.run(fetch()):
        envelope = open_blob(key, blob)
        assert envelope is not None
        event = open_event(envelope, key, verify=False)
        out[event.id] = (blob, event.redacted)
    return out


def test_deleted_and_removed_posts_leave_the_relay(circle) -> None:
    relay, (ari, bea, cai, dan), space = circle
    url = relay.url
    key = epoch_keys(ari, space)[max(epoch_keys(ari, space))]
    for s in (ari, bea, cai, dan):
        relay_round(s, url)
    own = cai.spaces.post(space, f"my real name is {DELETED}, I live on Elm street")
    doxx = bea.spaces.post(space, f"Cai's real name is {REMOVED}")
    kept = bea.spaces.post(space, "see you all on Sunday")
    relay_round(cai, url)
    relay_round(bea, url)
    relay_round(ari, url)
    served = mailbox_events(url, key)
    originals = {e: served[e][0] for e in (own, doxx, kept)}
    assert not any(served[e][1] for e in originals)

    # Dan, a hostile member, holds the epoch key and every event id. His best moves: each
    # token he can make for each post (from the epoch key, as every member could before
    # issue 12, and from his own erase key), erasing outright and overwriting with junk.
    async def dan_attacks() -> int:
        tokens = [
            maker(k, e)
            for e in originals
            for maker, k in (
                (legacy_erase_token, key),
                (erase_token, dan.relays.erase_key(space)),
            )
        ]
        async with await RelayClient.connect(url, key) as client:
            return sum([await client.erase(t, stub) for t in tokens for stub in (b"", junk)])

    junk = os.urandom(300)
    assert asyncio.run(dan_attacks()) == 0
    assert {e: b for e, (b, _) in mailbox_events(url, key).items()} == {
        e: b for e, (b, _) in served.items()
    }

    cai.spaces.delete_post(space, own)  # the author deletes
    assert relay_round(cai, url) == 1
    ari.spaces.moderate(space, doxx, "doxxing")  # a moderator removes
    # The moderator cannot make the author's token: the blob is erased by the author's
    # device when it applies the removal.
    assert relay_round(ari, url) == 0
    assert mailbox_events(url, key)[doxx] == (originals[doxx], False)
    assert relay_round(bea, url) == 1
    served = mailbox_events(url, key)
    for event_id in (own, doxx):
        blob, redacted = served[event_id]
        assert redacted and blob != originals[event_id]
        assert wait_until_gone(relay.tmp, originals[event_id]) == []
    assert served[kept] == (originals[kept], False)
    assert files_holding(relay.tmp, originals[kept]) != []

    for s in (ari, bea, cai):  # each author's device asks each relay once
        assert relay_round(s, url) == 0
    # Dan was offline all along: he reads the mailbox now and gets both posts redacted,
    # every chain whole.
    relay_round(dan, url)
    for s in (ari, bea, cai, dan):
        assert vault_holding(s, space, DELETED) == []
        assert vault_holding(s, space, REMOVED) == []
        assert s.relays.held(space) == 0
    feed = {p.post_id: p for p in dan.spaces.read_feed(space, include_hidden=True)}
    assert feed[own].body == feed[doxx].body == ""
    assert feed[kept].body == "see you all on Sunday"


def test_a_removed_member_cannot_erase_what_was_written_after(circle) -> None:
    relay, (ari, bea, cai, dan), space = circle
    url = relay.url
    for s in (ari, bea, cai, dan):
        relay_round(s, url)
    bea_pk = bea.spaces.space_info(space).my_persona
    ari.spaces.remove_member(space, bea_pk, reason="hostile")
    relay_round(ari, url)
    relay_round(cai, url)
    later = cai.spaces.post(space, f"now that Bea is gone: {LATER}")
    relay_round(cai, url)
    with cai.vault.read() as conn:
        stored = lt.get_event(conn, later)
    assert stored is not None and stored.epoch > 0  # written under the key after the removal
    new_key = epoch_keys(cai, space)[stored.epoch]
    blob = mailbox_events(url, new_key)[later][0]
    relay_round(bea, url)  # Bea learns of her removal; she holds only the older keys
    held_by_bea = epoch_keys(bea, space)
    assert new_key not in held_by_bea.values()

    async def attempt() -> int:
        # Her best move: every key she holds, with the post's id (which she would have to
        # learn elsewhere), asking each mailbox she can reach to erase it.
        erased = 0
        own = bea.relays.erase_key(space)
        for old_key in held_by_bea.values():
            async with await RelayClient.connect(url, old_key) as client:
                for token in (legacy_erase_token(old_key, later), erase_token(own, later)):
                    erased += await client.erase(token, b"junk")
        return erased

    assert asyncio.run(attempt()) == 0
    served = mailbox_events(url, new_key)
    assert served[later] == (blob, False)
    for s in (ari, cai, dan):
        relay_round(s, url)
    assert [p.body for p in dan.spaces.read_feed(space) if p.post_id == later] == [
        f"now that Bea is gone: {LATER}"
    ]


class OlderRelay(Relay):
    """The relay as it was before erasure, as a client sees it: it selects no subprotocol
    (a relay from before would also refuse `vf` and `erase` as malformed)."""

    launcher = (
        "-c",
        "import sys, haven.relay.server as s; s._select_subprotocol = lambda c, o: None; "
        "from haven.relay.cli import main; sys.exit(main(sys.argv[1:]))",
    )


def test_an_older_relay_still_syncs_and_is_asked_again_later(tmp_path: Path) -> None:
    relay = OlderRelay(tmp_path / "relay")
    ari, bea = make_session(tmp_path, "ari"), make_session(tmp_path, "bea")
    space = ari.spaces.create_space("Circle", display_name="Ari")
    join(ari, bea, space, "Bea")
    ari.relays.set_relays(space, [relay.url])
    try:
        relay_round(ari, relay.url)
        relay_round(bea, relay.url)
        post = bea.spaces.post(space, f"my real name is {DELETED}")
        relay_round(bea, relay.url)
        bea.spaces.delete_post(space, post)
        assert relay_round(bea, relay.url) == 0  # the round finishes; nothing was asked
        relay_round(ari, relay.url)
        assert [p.body for p in ari.spaces.read_feed(space, include_hidden=True)] == [""]
        with sqlite3.connect(relay.db) as conn:
            assert conn.execute("SELECT count(*) FROM blobs WHERE vf IS NOT NULL").fetchone() == (
                0,
            )
        # Still to be asked, once the relay erases.
        assert [e.event_id for e in bea.relays.unerased(relay.url, space)] == [post]
    finally:
        for s in (ari, bea):
            s.lock()
        relay.stop()
