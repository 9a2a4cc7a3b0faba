"""Issue 10, attack 5, for the journal: an entry deleted on one device is erased — from the
log's envelopes, the entry tables and the full-text index's shadow tables — on every
linked device that learns of the deletion, whatever order the events arrive in
(docs/PROTOCOL.md, "Redaction")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.envelope import read_header
from haven.core.linking import create_linked, make_bundle
from haven.core.session import Session
from tests.canary_scan import tables_holding, vault_holding
from tests.helpers import PASSPHRASE, new_session

CANARY = "Qzvarnikel"


def sync(x: Session, y: Session) -> None:
    space = x.journal.space_id
    for src, dst in ((x, y), (y, x), (x, y)):
        dst.log.ingest(src.log.envelopes_after(space, dst.log.chain_tips(space), 10_000))


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[tuple[Session, Session, Session]]:
    desk = new_session(tmp_path / "desk")
    laptop = create_linked(tmp_path / "laptop", PASSPHRASE, make_bundle(desk), "laptop")
    phone = create_linked(tmp_path / "phone", PASSPHRASE, make_bundle(desk), "phone")
    sync(desk, laptop)
    sync(desk, phone)
    yield desk, laptop, phone
    for s in (desk, laptop, phone):
        s.lock()


def test_a_deleted_entry_is_erased_on_the_linked_device(devices) -> None:
    desk, laptop, _ = devices
    space = desk.journal.space_id
    entry = desk.journal.add(f"I told my sister about {CANARY}", title=f"{CANARY} day")
    desk.journal.edit(entry, body=f"and then {CANARY} again")
    desk.journal.add("an entry that stays")
    sync(desk, laptop)
    where = vault_holding(laptop, space, CANARY)
    # The scan sees every copy before: the entry, the index's shadow table, the log.
    assert {"journal_entries.body", "journal_fts_data.block", "events (decrypted)"} <= set(where)
    desk.journal.delete(entry)
    assert vault_holding(desk, space, CANARY) == []
    sync(desk, laptop)
    assert vault_holding(laptop, space, CANARY) == []
    assert [e.body for e in laptop.journal.list()] == ["an entry that stays"]
    assert laptop.journal.search(CANARY.lower()) == []
    assert laptop.log.chain_heads(space) == desk.log.chain_heads(space)


def test_a_copy_that_arrives_after_its_deletion_is_erased_as_it_is_stored(devices) -> None:
    """The laptop writes the entry; the desk deletes it; the phone hears of the deletion
    (from the desk) before the entry itself (from the laptop)."""
    desk, laptop, phone = devices
    space = desk.journal.space_id
    entry = laptop.journal.add(f"secret {CANARY}")
    sync(laptop, desk)
    desk.journal.delete(entry)
    laptop_device = laptop.relays.own_chain(space)[1]
    from_desk = desk.log.envelopes_after(space, phone.log.chain_tips(space), 100)
    from_laptop = laptop.log.envelopes_after(space, phone.log.chain_tips(space), 100)
    # The delete first (the desk's own chain, not its copy of the laptop's)…
    phone.log.ingest([e for e in from_desk if read_header(e)[0].device != laptop_device])
    # …then the entry, in full, from its author.
    assert phone.log.ingest(from_laptop).accepted
    assert vault_holding(phone, space, CANARY) == []
    sync(phone, laptop)
    assert vault_holding(laptop, space, CANARY) == []


def test_the_search_index_keeps_no_trace_of_a_deleted_entry(devices) -> None:
    """FTS5 leaves a deleted row's terms in older index segments until a merge unless its
    `secure-delete` option is on (schema 10)."""
    desk, _, _ = devices
    for n in range(20):
        desk.journal.add(f"ordinary words {n}")
    entry = desk.journal.add(f"{CANARY} once")
    for n in range(20):
        desk.journal.add(f"more ordinary words {n}")
    assert "journal_fts_data.block" in tables_holding(desk, CANARY)
    desk.journal.delete(entry)
    assert tables_holding(desk, CANARY) == []
