"""Attachments through real sync over direct TCP (127.0.0.1): a phone photo with GPS EXIF
(made in the test with Pillow) reaches the other members with no metadata in any envelope
that crossed the connection nor anywhere in their vaults; deleting the post then erases the
attachment's bytes on every replica by sync (docs/PROTOCOL.md, "Attachments")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.attachments.spec import FileSpec, PreparedFile, digest
from haven.core.session import Session
from tests.attachment_helpers import METADATA_WORDS, photo_with_gps
from tests.canary_scan import envelopes_holding, epoch_keys, vault_holding
from tests.space_helpers import three_members
from tests.sync_helpers import record_received, tcp_sync

CANARY = "Qzattachcanary"


@pytest.fixture
def trio(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes, Path]]:
    ari, bea, cai, space = three_members(tmp_path)
    yield ari, bea, cai, space, tmp_path
    for s in (ari, bea, cai):
        s.lock()


def test_a_photo_crosses_tcp_without_metadata_and_its_deletion_erases_it(trio) -> None:
    ari, bea, cai, space, tmp = trio
    photo = tmp / "photo.jpg"
    photo.write_bytes(photo_with_gps(800, 600))
    note = f"meet at {CANARY}".encode() * 500
    files = [
        cai.spaces.attachments.prepare(space, photo, "the banner"),
        PreparedFile(FileSpec("plan.txt", "text/plain", len(note), digest(note)), note),
    ]
    post = cai.spaces.post(space, "photos from saturday", files=files)
    received = record_received(bea)
    tcp_sync(ari, cai)
    tcp_sync(ari, bea)
    keys = epoch_keys(ari, space)
    for word in METADATA_WORDS:
        assert envelopes_holding(received, keys, word) == 0
        assert all(word.encode() not in e for e in received)
    for s in (ari, bea):
        for word in METADATA_WORDS:
            assert vault_holding(s, space, word) == []
    (thread,) = [p for p in bea.spaces.read_feed(space) if p.post_id == post]
    picture, plan = thread.attachments
    assert (picture.state, plan.state) == ("ok", "ok")
    (tmp / "saved").mkdir()
    saved = bea.spaces.attachments.save(picture.attachment_id, tmp / "saved")
    assert saved.read_bytes() == files[0].data and b"Exif" not in saved.read_bytes()
    assert bea.spaces.attachments.read(plan.attachment_id)[1] == note

    cai.spaces.delete_post(space, post)
    tcp_sync(ari, cai)
    tcp_sync(ari, bea)
    for s in (ari, bea, cai):
        assert vault_holding(s, space, CANARY) == []
        assert [
            p.attachments
            for p in s.spaces.read_feed(space, include_hidden=True)
            if p.post_id == post
        ] == [()]
