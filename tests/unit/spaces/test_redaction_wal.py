"""After a deletion erases a post, no copy of its envelope outlives the erase in the vault's
files: the write-ahead log is checkpointed (TRUNCATE) once the erasing transaction commits,
so the database file holds the redacted page images and the -wal file no frame from before
the erase — neither those that wrote the post nor older page images (core/redaction.py
`erased`).

The files are SQLCipher pages, so nothing is visible in them as bytes; what is tested is what
someone holding the vault's key can read from them: the database file alone (a copy without
its -wal file: exactly the pages on disk), and the database as of every commit the -wal file
still holds (the file cut after each frame: SQLite recovers the state at the last commit in
it) — every state a forensic reader could rebuild."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest

from haven.core import redaction
from haven.core import session as core_session
from haven.core.session import Session
from haven.store import log_table as lt
from haven.store.connection import connect
from tests.helpers import PASSPHRASE
from tests.space_helpers import join, make_session, sync


def _read(s: Session, db: Path, event_id: bytes) -> bytes | None:
    conn = connect(db, bytearray(s.vault._require_key()))
    try:
        stored = lt.get_event(conn, event_id)
        return None if stored is None else stored.envelope
    finally:
        conn.close()


def _on_disk(s: Session, event_id: bytes, tmp_path: Path) -> list[bytes | None]:
    """The event's envelope in every state the vault's files hold: the database file
    alone, then with each prefix of the -wal file's frames (None: not there)."""
    main = s.vault.db_path.read_bytes()
    wal_path = Path(str(s.vault.db_path) + "-wal")
    wal = wal_path.read_bytes() if wal_path.exists() else b""
    frames, frame = 0, 0
    if len(wal) >= 32:
        frame = 24 + int.from_bytes(wal[8:12], "big")  # frame header + one page
        frames = (len(wal) - 32) // frame
    states = []
    for k in range(frames + 1):
        where = tmp_path / f"state-{s.vault.db_path.parent.name}-{k}"
        where.mkdir()
        (where / "v.db").write_bytes(main)
        if k:
            (where / "v.db-wal").write_bytes(wal[: 32 + k * frame])
        states.append(_read(s, where / "v.db", event_id))
        shutil.rmtree(where)
    return states


def _checkpoint(s: Session) -> None:
    with s.vault.read() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def test_an_erase_leaves_no_old_page_image_nor_wal_frame(tmp_path: Path) -> None:
    ari, bea = make_session(tmp_path, "ari"), make_session(tmp_path, "bea")
    try:
        space = ari.spaces.create_space("Circle", display_name="Ari")
        join(ari, bea, space, "Bea")
        sync(space, ari, bea)
        post = ari.spaces.post(space, "my real name is Qzvarnikel")
        sync(space, ari, bea)
        with ari.vault.read() as conn:
            original = lt.get_event(conn, post)
        assert original is not None
        for s in (ari, bea):  # the post is in both database files, as after any checkpoint
            _checkpoint(s)
            assert _on_disk(s, post, tmp_path) == [original.envelope]
        ari.spaces.post(space, "a frame in the -wal file")
        ari.spaces.delete_post(space, post)  # erased on Ari's device as it is written
        for n in range(3):  # Bea's clock passes the deletion's: it arrives as a late event,
            bea.spaces.post(space, f"Bea's {n}")  # erased by the recompute that follows
        sync(space, ari, bea)
        for s in (ari, bea):
            states = _on_disk(s, post, tmp_path)
            assert original.envelope not in states
            assert states[-1] is not None  # the redacted form: its place in the chain stays
    finally:
        ari.lock()
        bea.lock()


def test_a_post_that_disappears_leaves_no_old_page_image_nor_wal_frame(tmp_path: Path) -> None:
    """The timer's sweep erases in its own transaction: it checkpoints too."""
    now = [1_800_000_000_000]
    ari = core_session.create(tmp_path / "ari", PASSPHRASE, "Ari", clock=lambda: now[0])
    try:
        space = ari.spaces.create_space("Circle", display_name="Ari")
        post = ari.spaces.post(space, "gone in an hour: Qzvarnikel", disappear=3600)
        ari.spaces.disappearing.sweep()  # starts its clock here
        with ari.vault.read() as conn:
            original = lt.get_event(conn, post)
        assert original is not None
        _checkpoint(ari)
        ari.spaces.post(space, "a frame in the -wal file")
        now[0] += 3600 * 1000 + 1
        assert ari.spaces.disappearing.sweep() == 1
        states = _on_disk(ari, post, tmp_path)
        assert original.envelope not in states
        assert states[-1] is not None  # the expired form keeps its place in the chain
    finally:
        ari.lock()


def test_vaults_opened_one_after_another_are_each_swept_and_checkpointed(
    tmp_path: Path,
) -> None:
    """Whether a transaction erased something (so the -wal file is checkpointed once it
    commits) is kept on its connection, not in state keyed by `id(conn)`: a connection that
    takes a freed one's id inherits nothing, and vaults opened one after another in one
    process are each swept, each erasure checkpointed."""
    now = [1_800_000_000_000]
    for name in ("ari", "bea"):
        s = core_session.create(tmp_path / name, PASSPHRASE, name, clock=lambda: now[0])
        space = s.spaces.create_space("Circle", display_name=name)
        s.spaces.post(space, "gone in an hour", disappear=3600)
        checkpoints: list[None] = []
        real = s.log._checkpoint
        s.log._checkpoint = lambda c=checkpoints, r=real: c.append(r())  # type: ignore[method-assign]
        now[0] += 3600 * 1000 + 1
        assert s.spaces.disappearing.sweep() == 1 and len(checkpoints) == 1
        s.spaces.post(space, "stays")  # erases nothing: no checkpoint
        assert len(checkpoints) == 1
        with pytest.raises(RuntimeError), s.vault.transaction() as conn:
            redaction.note_erased(conn)
            raise RuntimeError("rolled back: what it erased never happened")
        with s.vault.transaction() as conn:
            assert not redaction.erased(conn)
        s.lock()

    # An erasing transaction that rolls back, on a connection then freed; the connections
    # opened next take its id (CPython reuses the freed memory).
    cai = make_session(tmp_path, "cai")
    post = cai.spaces.post(cai.spaces.create_space("Circle", display_name="Cai"), "kept")
    key, db = bytearray(cai.vault._require_key()), cai.vault.db_path
    with cai.vault.read() as conn:
        stored = lt.get_event(conn, post)
    assert stored is not None
    cai.lock()
    conn = connect(db, key)
    freed = id(conn)
    conn.execute("BEGIN IMMEDIATE")
    redaction.erase_stored(conn, stored, redaction.EXPIRED)
    conn.execute("ROLLBACK")
    conn.close()
    del conn
    gc.collect()
    others = [connect(tmp_path / "other.db", key) for _ in range(20)]
    try:
        # nothing was erased on any of them, one of which has the freed connection's id
        assert not any(redaction.erased(other) for other in others)
        assert freed in {id(other) for other in others}
    finally:
        for other in others:
            other.close()
