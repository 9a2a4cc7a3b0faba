"""Vaults from before redaction (schema 9, version-1 events signed over their whole body):
they open, their events keep verifying, and deleting an old entry or post still erases it —
the projection, the search index, and the stored ciphertext, which becomes a tombstone with
the original id and header — on this device and on a linked device that syncs
(docs/PROTOCOL.md, "Redaction", "Events from before redaction")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.core import envelope as env
from haven.core import eventlog, session
from haven.core.devices import DeviceService
from haven.core.linking import create_linked, make_bundle
from haven.core.session import Session
from haven.core.spaces.own_device_keys import SpaceDeviceKeys
from haven.crypto import aead, padding, signing
from tests.canary_scan import epoch_keys, vault_holding
from tests.helpers import PASSPHRASE, as_older_schema, new_session

CANARY = "Qzvarnikel"


def seal_v1(
    header: env.Header,
    event_type: str,
    created_ms: int,
    content: dict[str, Any],
    author_seed: bytes | signing.SigningKeyPair,
    epoch_key: bytes,
) -> env.Event:
    """The envelope exactly as the code before redaction sealed it (version 1)."""
    if isinstance(author_seed, signing.SigningKeyPair):
        author_seed = author_seed.seed
    header = env.Header(*[getattr(header, f) for f in env.Header.__dataclass_fields__][:7], 1)
    header_bytes = header.encode()
    body_bytes = env.packb([event_type, created_ms, content])
    eid = env.event_id(header_bytes, body_bytes)
    signature = signing.sign(author_seed, env.SIGN_DOMAIN, eid)
    inner = padding.pad(env.packb([body_bytes, signature]))
    ciphertext = aead.encrypt(env.content_key(epoch_key), inner, env.AD_DOMAIN + header_bytes)
    envelope = env.packb([header_bytes, ciphertext])
    return env.Event(eid, header, event_type, created_ms, content, envelope)


def old_index(s: Session) -> None:
    """The search index as the old code kept it: a deleted or edited row's terms stay in
    older segments."""
    with s.vault.transaction() as conn:
        conn.execute("INSERT INTO journal_fts (journal_fts, rank) VALUES ('secure-delete', 0)")


def to_schema_9(s: Session) -> None:
    """What schema 10 adds, taken away again: the vault as the old code left it."""
    with s.vault.transaction() as conn:
        for table in ("redacted_events", "redactions", "space_moderators"):
            conn.execute(f"DROP TABLE {table}")
        as_older_schema(conn, 9)


def sync(x: Session, y: Session, space: bytes) -> None:
    for src, dst in ((x, y), (y, x), (x, y)):
        dst.log.ingest(src.log.envelopes_after(space, dst.log.chain_tips(space), 10_000))


def test_an_old_vault_keeps_verifying_and_its_deletions_erase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as old_code:
        old_code.setattr(eventlog, "seal_event", seal_v1)
        old_code.setattr(DeviceService, "ensure_device_key", lambda self: None)  # no device keys
        old_code.setattr(SpaceDeviceKeys, "ensure_certified", lambda self, space_id: None)
        desk = new_session(tmp_path / "desk")
        laptop = create_linked(tmp_path / "laptop", PASSPHRASE, make_bundle(desk), "laptop")
        journal = desk.journal.space_id
        old_index(desk)
        old_index(laptop)
        entry = desk.journal.add(f"I told my sister about {CANARY}", title="a day")
        desk.journal.edit(entry, body=f"and then {CANARY} again")  # old text left in FTS
        desk.journal.add("an entry that stays")
        space = desk.spaces.create_space("Circle", display_name="Ari")
        post = desk.spaces.post(space, f"my real name is {CANARY}")
        sync(desk, laptop, journal)
        for s in (desk, laptop):
            to_schema_9(s)
            s.lock()
    desk = session.unlock(tmp_path / "desk", PASSPHRASE)
    laptop = session.unlock(tmp_path / "laptop", PASSPHRASE)
    for s, sid in ((desk, journal), (desk, space), (laptop, journal)):
        keys = epoch_keys(s, sid)
        for envelope in s.log.envelopes_after(sid, {}, 10_000):  # every old event verifies
            header = env.read_header(envelope)[0]
            opened = env.open_event(envelope, keys[header.epoch], verify=True)
            # (the new code's first act: each device certifies its own key, persona-signed)
            assert header.version == 1 or opened.type == "journal.device.cert"
    assert "events (decrypted)" in vault_holding(laptop, journal, CANARY)
    old_header = env.read_header(_envelope(desk, journal, entry))[0]
    desk.journal.delete(entry)
    desk.spaces.delete_post(space, post)
    assert vault_holding(desk, journal, CANARY) == []
    assert vault_holding(desk, space, CANARY) == []
    kept = _envelope(desk, journal, entry)  # a tombstone: the same id and header, no words
    tombstone = env.open_event(kept, epoch_keys(desk, journal)[old_header.epoch])
    assert tombstone.redacted and tombstone.header == old_header and tombstone.content == {}
    sync(desk, laptop, journal)
    assert vault_holding(laptop, journal, CANARY) == []
    assert [e.body for e in laptop.journal.list()] == ["an entry that stays"]
    # A device linked afterwards takes the old tombstone (its deletion vouches for it).
    phone = create_linked(tmp_path / "phone", PASSPHRASE, make_bundle(desk), "phone")
    sync(desk, phone, journal)
    assert phone.log.chain_heads(journal) == desk.log.chain_heads(journal)
    assert vault_holding(phone, journal, CANARY) == []
    new = desk.journal.add("written after the upgrade")
    assert env.read_header(_envelope(desk, journal, new))[0].version == env.VERSION_3
    for s in (desk, laptop, phone):
        s.lock()


def _envelope(s: Session, space: bytes, event_id: bytes) -> bytes:
    return next(e for e in s.log.envelopes_after(space, {}, 10_000) if _id_of(s, e) == event_id)


def _id_of(s: Session, envelope: bytes) -> bytes:
    header = env.read_header(envelope)[0]
    return env.open_event(envelope, epoch_keys(s, header.space_id)[header.epoch]).id
