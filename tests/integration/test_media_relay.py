"""Attachments and disappearing posts through a real relay: a picture crosses it whole to a
member who never syncs with its author; a disappearing post leaves the relay too — the
author's device, when its timer runs out, asks the space's relay to erase the post and its
attachment's chunks (the relay erasure of deleted posts, PROTOCOL §6.5; no other member can
make the author's erase token), and a member who reads the mailbox later gets them already
erased."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.attachments.spec import (
    CHUNK_BYTES,
    FileSpec,
    PreparedFile,
    chunk_count,
    digest,
    padme,
)
from haven.core.spaces.events import CHUNK
from haven.store import log_table as lt
from tests.attachment_helpers import METADATA_WORDS, photo_with_gps
from tests.canary_scan import epoch_keys, vault_holding
from tests.integration.relay_sync_support import Relay
from tests.integration.test_relay_erasure_sync import mailbox_events, relay_round
from tests.relay.test_relay_erase import wait_until_gone
from tests.space_helpers import HOUR_MS, T0

CANARY = "Qzrelayvanish"
OCTETS = "application/octet-stream"


@pytest.fixture
def on_relay(clocked_trio, tmp_path: Path) -> Iterator[tuple]:
    """The clocked trio's space, with a real relay as its relay."""
    people, clocks, space = clocked_trio
    relay = Relay(tmp_path / "relay")
    try:
        people[0].relays.set_relays(space, [relay.url])
        yield relay, people, clocks, space
    finally:
        relay.stop()


def test_a_disappearing_post_is_erased_from_the_relay(on_relay) -> None:
    relay, (ari, bea, dan), clocks, space = on_relay
    ari.spaces.disappearing.set_timer(space, 3600)
    for s in (ari, bea, dan):
        relay_round(s, relay.url)
    note = f"at {CANARY}".encode() * 2000
    files = [PreparedFile(FileSpec("n.txt", "text/plain", len(note), digest(note)), note)]
    post = bea.spaces.post(space, f"I am {CANARY}", files=files)
    relay_round(bea, relay.url)
    relay_round(ari, relay.url)
    key = epoch_keys(ari, space)[max(epoch_keys(ari, space))]
    served = mailbox_events(relay.url, key)
    assert post in served and not served[post][1]
    original = served[post][0]
    clocks[0].now = T0 + HOUR_MS  # Ari's hour is up: not Ari's post to erase there
    assert ari.spaces.disappearing.sweep() == 1
    assert relay_round(ari, relay.url) == 0
    assert mailbox_events(relay.url, key)[post] == (original, False)
    clocks[1].now = T0 + HOUR_MS  # the author's hour
    assert bea.spaces.disappearing.sweep() == 1
    erased = relay_round(bea, relay.url)
    assert erased >= 2  # the post and its attachment's chunks
    served = mailbox_events(relay.url, key)
    assert served[post][1] and served[post][0] != original
    assert wait_until_gone(relay.tmp, original) == []
    relay_round(dan, relay.url)  # Dan reads the mailbox only now
    assert vault_holding(dan, space, CANARY) == []
    feed = dan.spaces.read_feed(space, include_hidden=True)
    assert [p.state for p in feed if p.post_id == post] == ["expired"]


def test_a_picture_crosses_the_relay_whole(on_relay, tmp_path: Path) -> None:
    relay, (ari, bea, dan), _, space = on_relay
    for s in (ari, bea, dan):
        relay_round(s, relay.url)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(photo_with_gps(900, 700))
    prepared = bea.spaces.attachments.prepare(space, photo)
    assert prepared.spec.chunks > 4
    post = bea.spaces.post(space, "from the march", files=[prepared])
    # Two files 9 and 10 chunks long (Padmé class 10): the relay cannot tell them apart.
    files = [b"s" * (8 * CHUNK_BYTES + 1), b"L" * (10 * CHUNK_BYTES - 7)]
    sized = [
        bea.spaces.post(
            space, "notes", files=[PreparedFile(FileSpec("n", OCTETS, len(d), digest(d)), d)]
        )
        for d in files
    ]
    relay_round(bea, relay.url)
    key = epoch_keys(bea, space)[max(epoch_keys(bea, space))]
    served = mailbox_events(relay.url, key)
    blobs = []
    with bea.vault.read() as conn:
        for one in (post, *sized):
            chunks = [e.id for e in lt.events_targeting(conn, one) if e.type == CHUNK]
            blobs.append(sorted(len(served[c][0]) for c in chunks))
    assert len(blobs[0]) == padme(chunk_count(prepared.spec.size))
    assert blobs[1] == blobs[2] and len(blobs[1]) == 10
    assert len({n for b in blobs for n in b}) == 1  # every chunk's blob is one size
    relay_round(dan, relay.url)  # Dan never met Bea: only the relay carries it
    for one, data in zip(sized, files, strict=True):
        (info,) = next(p for p in dan.spaces.read_feed(space) if p.post_id == one).attachments
        assert dan.spaces.attachments.read(info.attachment_id)[1] == data
    (thread,) = [p for p in dan.spaces.read_feed(space) if p.post_id == post]
    (picture,) = thread.attachments
    assert picture.state == "ok"
    assert dan.spaces.attachments.read(picture.attachment_id)[1] == prepared.data
    for word in METADATA_WORDS:
        assert vault_holding(dan, space, word) == []
