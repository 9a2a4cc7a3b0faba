"""Attachments in a space, between real vaults (events carried as sync carries them):
pictures arrive without their metadata anywhere in any vault; the space's size limit is
enforced by every receiver; a damaged, truncated or forged attachment is refused alone;
deleting a post erases its attachments' bytes from every replica (docs/PROTOCOL.md,
"Attachments")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from haven.core.attachments import spec
from haven.core.attachments.spec import FileSpec, PreparedFile
from haven.core.eventlog import Draft
from haven.core.session import Session
from haven.core.spaces import attachments as attachments_module
from haven.core.spaces import events as ev
from haven.crypto import padding
from haven.errors import InvalidInput
from haven.relay.mailbox import Limits
from haven.store import log_table as lt
from haven.sync.relay_sync import seal_blob
from tests.attachment_helpers import METADATA_WORDS, photo_with_gps
from tests.canary_scan import log_holding, tables_holding, vault_holding
from tests.helpers import new_session
from tests.space_helpers import sync, three_members

CANARY = "Qzfilecanary"


@pytest.fixture
def circle(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes, Path]]:
    ari, bea, cai, space = three_members(tmp_path)
    yield ari, bea, cai, space, tmp_path
    for s in (ari, bea, cai):
        s.lock()


def _file(data: bytes, name: str = "notes.txt") -> PreparedFile:
    return PreparedFile(
        FileSpec(name, "application/octet-stream", len(data), spec.digest(data)), data
    )


def _only(session: Session, space: bytes, post: bytes) -> list[spec.AttachmentInfo]:
    feed = session.spaces.read_feed(space, include_hidden=True)
    found = [p for p in feed if p.post_id == post] + [
        r for p in feed for r in p.replies if r.post_id == post
    ]
    return list(found[0].attachments)


def test_a_photo_reaches_every_member_without_its_metadata(circle) -> None:
    ari, bea, cai, space, tmp = circle
    photo = tmp / "IMG_0001.jpeg"
    photo.write_bytes(photo_with_gps(320, 200))
    prepared = bea.spaces.attachments.prepare(space, photo, "our banner")
    assert "GPS location" in prepared.removed
    post = bea.spaces.post(space, "from the march", files=[prepared])
    sync(space, ari, bea, cai)
    for s in (ari, bea, cai):
        for word in METADATA_WORDS:
            assert vault_holding(s, space, word) == []
        (info,) = _only(s, space, post)
        assert (info.name, info.alt, info.state) == ("IMG_0001.jpg", "our banner", "ok")
        assert (info.width, info.height) == (200, 320)
        _, data = s.spaces.attachments.read(info.attachment_id)
        assert data == prepared.data and b"Exif" not in data
    saved = cai.spaces.attachments.save(info.attachment_id, tmp)
    assert saved.parent == tmp and saved.read_bytes() == prepared.data
    with pytest.raises(InvalidInput, match="exists"):
        cai.spaces.attachments.save(info.attachment_id, tmp)


def test_a_full_chunk_event_fits_a_relays_default_blob(circle) -> None:
    ari, _, _, space, _ = circle
    post = ari.spaces.post(space, "big", files=[_file(bytes(range(256)) * 200)])
    with ari.vault.read() as conn:
        chunks = [e for e in lt.events_targeting(conn, post) if e.type == ev.CHUNK]
    assert len(chunks) == spec.chunk_count(256 * 200) == 4
    full = max((e.envelope for e in chunks), key=len)
    assert len(seal_blob(bytes(32), full)) <= Limits().blob_max_bytes
    assert padding.bucket_for(len(full)) <= 32 * 1024


def test_the_spaces_limit_is_enforced_by_every_receiver(circle) -> None:
    ari, bea, cai, space, _ = circle
    ari.spaces.attachments.set_limit(space, 64 * 1024)
    sync(space, ari, bea, cai)
    assert bea.spaces.attachments.limit(space) == 64 * 1024
    with pytest.raises(InvalidInput, match="admins"):
        bea.spaces.attachments.set_limit(space, 1024 * 1024)
    big = _file(b"x" * (100 * 1024), "big.bin")
    with pytest.raises(InvalidInput, match="up to"):
        bea.spaces.attachments.prepare_bytes(64 * 1024, "big.bin", big.data)
    # A modified client skips its own check: every receiver refuses the attachment alone.
    small = _file(b"small enough", "small.txt")
    post = bea.spaces.post(space, "two files", files=[big, small])
    sync(space, ari, bea, cai)
    for s in (ari, cai):
        big_info, small_info = _only(s, space, post)
        assert big_info.state == "refused" and big_info.received == 0
        assert small_info.state == "ok"
        with pytest.raises(InvalidInput, match="larger"):
            s.spaces.attachments.read(big_info.attachment_id)
        assert s.spaces.attachments.read(small_info.attachment_id)[1] == b"small enough"


def test_damaged_truncated_and_forged_attachments_are_refused_alone(circle) -> None:
    ari, bea, cai, space, _ = circle
    good, damaged, truncated = (_file(bytes([n]) * 40_000, f"{n}.bin") for n in (1, 2, 3))
    content = {
        "title": "",
        "body": "three",
        "cw": "",
        "files": spec.files_content([good, damaged, truncated]),
    }
    drafts = [Draft(ev.POST, content)]
    drafts += [d for d in spec.chunk_drafts([good], ev.CHUNK)]
    for d in spec.chunk_drafts([good, damaged], ev.CHUNK):
        if d.content["a"] == 1:  # the author sends other bytes than the digest says
            drafts.append(
                Draft(
                    ev.CHUNK,
                    {**d.content, "data": b"\xff" + d.content["data"][1:]},
                    target_first=True,
                )
            )
    for d in spec.chunk_drafts([good, damaged, truncated], ev.CHUNK):
        if d.content["a"] == 2 and d.content["i"] == 0:  # only the first part of three
            drafts.append(d)
    drafts.append(Draft(ev.CHUNK, {"a": 0, "i": 0, "data": b"short"}, target_first=True))
    post = bea.spaces.posts._ctx.append_many(space, drafts)[0].id
    sync(space, ari, bea, cai)
    # Cai writes a chunk for the missing place of Bea's third attachment: not hers to fill.
    forged = cai.spaces.posts._ctx.append(
        space, ev.CHUNK, {"a": 2, "i": 1, "data": b"z" * spec.CHUNK_BYTES}, target=post
    )
    sync(space, ari, bea, cai)
    assert forged.id
    for s in (ari, bea, cai):
        first, second, third = _only(s, space, post)
        assert s.spaces.attachments.read(first.attachment_id)[1] == good.data
        assert second.state == "ok"
        with pytest.raises(InvalidInput, match="damaged"):
            s.spaces.attachments.read(second.attachment_id)
        assert (third.state, third.received, third.chunks) == ("incomplete", 1, 3)
        with pytest.raises(InvalidInput, match="1 of 3"):
            s.spaces.attachments.read(third.attachment_id)
        assert [p.body for p in s.spaces.read_feed(space) if p.post_id == post] == ["three"]


def test_deleting_a_post_erases_its_attachments_on_every_replica(circle) -> None:
    ari, bea, cai, space, _ = circle
    secret = _file(f"my address is {CANARY}".encode() * 2000, "address.txt")
    post = bea.spaces.post(space, "oops", files=[secret])
    sync(space, ari, bea)
    assert log_holding(ari, space, CANARY) > 0
    bea.spaces.delete_post(space, post)
    sync(space, ari, bea)
    for s in (ari, bea):
        assert vault_holding(s, space, CANARY) == []
        assert _only(s, space, post) == []
    # Cai was offline throughout: the chunks reach her already erased and her log takes them.
    sync(space, ari, bea, cai)
    assert vault_holding(cai, space, CANARY) == []
    assert tables_holding(cai, CANARY) == []
    heads = {tuple(sorted(s.log.chain_heads(space).items())) for s in (ari, bea, cai)}
    assert len(heads) == 1


def test_a_reply_carries_attachments_too(circle) -> None:
    ari, bea, _, space, _ = circle
    root = ari.spaces.post(space, "share your art")
    sync(space, ari, bea)
    reply = bea.spaces.reply(space, root, "mine", files=[_file(b"art", "art.txt")])
    sync(space, ari, bea)
    (info,) = _only(ari, space, reply)
    assert ari.spaces.attachments.read(info.attachment_id)[1] == b"art"


def test_a_peers_file_name_cannot_leave_the_chosen_folder(circle) -> None:
    ari, bea, _, space, tmp = circle
    hostile = _file(b"payload", "../../.bashrc\u202e")
    post = bea.spaces.post(space, "a file", files=[hostile])
    sync(space, ari, bea)
    (info,) = _only(ari, space, post)
    out = tmp / "a" / "b" / "out"
    out.mkdir(parents=True)
    saved = ari.spaces.attachments.save(info.attachment_id, out)
    assert saved == out / "bashrc" and saved.read_bytes() == b"payload"
    assert list(out.iterdir()) == [saved]
    assert not (tmp / "a" / ".bashrc").exists() and not (tmp / ".bashrc").exists()


def test_padme_classes_match_the_papers_definition() -> None:
    """Padmé (PETS 2019): E = ⌊log₂ L⌋, S = ⌊log₂ E⌋ + 1, the low E − S bits rounded up."""
    assert [spec.padme(n) for n in (1, 2, 3, 7, 8, 9, 10, 33, 35, 36, 100, 683)] == [
        1, 2, 3, 7, 8, 10, 10, 36, 36, 36, 104, 704,
    ]  # fmt: skip
    assert all(n <= spec.padme(n) <= n * 1.12 for n in range(1, 5000))


def test_what_an_observer_sees_of_an_attachment_is_its_padme_class(circle) -> None:
    """Two files of 9 and 10 chunks' worth of bytes leave as the same number of chunk events
    of the same lengths; each receiver strips the padding and gets the bytes back; a chunk
    whose padding is not zeros (a modified client hiding bytes there) counts for nothing."""
    ari, bea, cai, space, _ = circle
    small = _file(b"s" * (8 * spec.CHUNK_BYTES + 1), "small.bin")  # 9 chunks' worth
    large = _file(b"L" * (10 * spec.CHUNK_BYTES - 7), "large.bin")  # 10 chunks' worth
    posts = [bea.spaces.post(space, "file", files=[f]) for f in (small, large)]
    sizes = []
    with bea.vault.read() as conn:
        for post in posts:
            chunks = [e for e in lt.events_targeting(conn, post) if e.type == ev.CHUNK]
            sizes.append(sorted(len(e.envelope) for e in chunks))
    assert sizes[0] == sizes[1] and len(sizes[0]) == 10 and len(set(sizes[0])) == 1
    content = {"title": "", "body": "sly", "cw": "", "files": spec.files_content([small])}
    drafts = [Draft(ev.POST, content), *spec.chunk_drafts([small], ev.CHUNK)]
    hidden = bytearray(drafts[9].content["data"])
    hidden[-1] = 1  # a byte smuggled into the last chunk's padding
    drafts[9] = Draft(ev.CHUNK, {**drafts[9].content, "data": bytes(hidden)}, target_first=True)
    sly = bea.spaces.posts._ctx.append_many(space, drafts)[0].id
    sync(space, ari, bea, cai)
    for s in (ari, cai):
        for post, f in zip(posts, (small, large), strict=True):
            (info,) = _only(s, space, post)
            assert (info.state, info.chunks, info.size) == ("ok", 10, f.spec.size)
            assert s.spaces.attachments.read(info.attachment_id)[1] == f.data
        (info,) = _only(s, space, sly)
        assert (info.state, info.received) == ("incomplete", 9)


def test_reading_or_saving_opens_each_chunk_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read checks the bytes it returns, and a save the bytes it writes: each chunk is
    decrypted once, not once to check and again to return. A copy found damaged at the end
    is removed from where it was being written."""
    s = new_session(tmp_path / "vault")
    space = s.spaces.create_space("Circle", "a circle")
    data = bytes(range(256)) * (3 * spec.CHUNK_BYTES // 256 + 7)  # four chunks
    good = _file(data, "four.bin")
    damaged = _file(b"\x07" * (2 * spec.CHUNK_BYTES), "two.bin")
    content = {"title": "", "body": "two", "cw": "", "files": spec.files_content([good, damaged])}
    drafts = [Draft(ev.POST, content)]
    for d in spec.chunk_drafts([good, damaged], ev.CHUNK):
        if d.content["a"] == 1 and d.content["i"] == 1:  # the last part is not what was said
            d = replace(d, content={**d.content, "data": b"\x08" + d.content["data"][1:]})
        drafts.append(d)
    post = s.spaces.posts._ctx.append_many(space, drafts)[0].id
    first, second = _only(s, space, post)
    assert first.chunks == 4
    opened: list[object] = []
    real = attachments_module.open_event
    monkeypatch.setattr(
        attachments_module, "open_event", lambda *a, **k: opened.append(a) or real(*a, **k)
    )
    assert s.spaces.attachments.read(first.attachment_id)[1] == data
    assert len(opened) == 4
    saved = s.spaces.attachments.save(first.attachment_id, tmp_path)
    assert saved.read_bytes() == data and len(opened) == 8
    with pytest.raises(InvalidInput, match="damaged"):
        s.spaces.attachments.save(second.attachment_id, tmp_path)
    assert len(opened) == 10 and not (tmp_path / "two.bin").exists()
    s.lock()
