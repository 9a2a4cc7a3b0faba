"""Relay lists, the relay outbox, sync status and the mailbox blob format (no sockets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core import relay_urls, relays
from haven.core.spaces.model import Role
from haven.crypto.padding import bucket_for
from haven.errors import InvalidInput, NotFound
from haven.store import relay_tables as rt
from haven.sync import relay_sync
from tests.helpers import new_session, replica_of
from tests.space_helpers import Group
from tests.sync_helpers import missing

LOCAL = "ws://127.0.0.1:7000/"


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("ws://127.0.0.1:7000", "ws://127.0.0.1:7000/"),
        ("WS://LocalHost:80/relay", "ws://localhost:80/relay"),
        (" wss://Relay.Example.org/ ", "wss://relay.example.org/"),
        ("wss://[2001:db8::1]:8443/r", "wss://[2001:db8::1]:8443/r"),
    ],
)
def test_relay_urls_are_checked_and_spelled_one_way(given: str, canonical: str) -> None:
    assert relay_urls.check_relay_url(given) == canonical


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("ws://relay.example.org/", "only allowed to 127.0.0.1"),
        ("ws://192.168.1.4:7000/", "only allowed to 127.0.0.1"),
        ("http://127.0.0.1:7000/", "looks like wss://"),
        ("wss://user:pw@relay.example.org/", "looks like wss://"),
        ("wss://relay.example.org/?id=1", "no query"),
        ("wss://relay.example.org:99999/", "not a valid URL"),
        ("wss://", "looks like wss://"),
        ("", "at most"),
        ("wss://" + "a" * 300 + ".org/", "at most"),
    ],
)
def test_bad_relay_urls_are_refused_with_the_reason(given: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        relay_urls.check_relay_url(given)


def test_the_journal_relay_list_reaches_linked_devices_and_the_newest_wins(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    space = a.journal.space_id
    assert a.relays.urls(space) == []
    assert a.relays.add_relay(space, "wss://one.example/") == ["wss://one.example/"]
    assert a.relays.add_relay(space, "wss://one.example") == ["wss://one.example/"]  # no dup
    b.relays.set_relays(space, ["wss://two.example/"])  # concurrent with A's
    for src, dst in ((a, b), (b, a)):
        dst.log.ingest(src.log.envelopes_after(space, dst.log.chain_tips(space), 1000))
    assert missing(a, b) == missing(b, a) == 0
    assert a.relays.urls(space) == b.relays.urls(space)  # same winner on both
    with pytest.raises(NotFound):
        a.relays.remove_relay(space, "wss://three.example/")
    final = a.relays.remove_relay(space, a.relays.urls(space)[0])
    assert final == []
    # Rebuilding the journal's projections from the log gives the same list.
    a.relays.set_relays(space, [LOCAL])
    a.log.rebuild_projections(space)
    assert a.relays.urls(space) == [LOCAL]


def test_malformed_relay_events_change_nothing(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    space = a.journal.space_id
    a.relays.set_relays(space, [LOCAL])
    for content in (
        {"relays": "wss://x.example/"},
        {"relays": ["ws://evil.example/"]},
        {"relays": [LOCAL] * 9},
        {"other": 1},
        {"relays": [3]},
    ):
        a.log.append(space, relays.JOURNAL_RELAYS, content)
        assert a.relays.urls(space) == [LOCAL]
    with pytest.raises(InvalidInput, match="at most 8"):
        a.relays.set_relays(space, [f"wss://r{i}.example/" for i in range(9)])


def test_only_admins_set_a_space_relay_list_and_everyone_gets_it(group: Group) -> None:
    sid = group.space_id
    group.bea.relays.set_relays(sid, ["wss://circle.example/"])  # Bea is an admin
    group.sync()
    for s in group.all():
        assert s.relays.urls(sid) == ["wss://circle.example/"]
    with pytest.raises(InvalidInput, match="only admins"):
        group.cai.relays.set_relays(sid, ["wss://cai.example/"])
    # A member who writes the event anyway (a modified client) changes nothing anywhere.
    group.cai.log.append(sid, relays.SPACE_RELAYS, {"relays": ["wss://cai.example/"]})
    group.sync()
    for s in group.all():
        assert s.relays.urls(sid) == ["wss://circle.example/"]
    # Demoted, Bea's later list is invalid too, decided in log order on every device.
    group.owner.spaces.set_role(sid, group.pk["bea"], Role.MEMBER)
    group.sync()
    group.bea.log.append(sid, relays.SPACE_RELAYS, {"relays": ["wss://bea.example/"]})
    group.sync()
    assert {tuple(s.relays.urls(sid)) for s in group.all()} == {("wss://circle.example/",)}


def test_the_outbox_counts_own_events_until_each_relay_acknowledges_them(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    space = a.journal.space_id
    assert a.relays.waiting(space) == 0  # no relays: nothing is waiting for one
    a.relays.set_relays(space, [LOCAL, "wss://two.example/"])
    a.journal.add("one")
    own = a.relays.pending(LOCAL, space)
    assert [p.seq for p in own] == list(range(1, len(own) + 1)) and len(own) >= 3
    assert a.relays.waiting(space) == len(own)
    a.relays.mark_acked(LOCAL, space, own[-1].seq)
    a.relays.mark_acked(LOCAL, space, 1)  # never moves back
    assert a.relays.waiting(space, LOCAL) == 0 and a.relays.pending(LOCAL, space) == []
    assert a.relays.waiting(space) == len(own)  # the other relay has nothing yet
    status = a.relays.sync_status(space)
    assert (status.transport, status.last_sync_ms, status.waiting, status.held) == (
        None,
        None,
        len(own),
        0,
    )
    a.relays.record_sync([space], "lan", at_ms=1234)
    assert a.relays.sync_status(space).transport == "lan"
    assert a.relays.sync_status(space).last_sync_ms == 1234
    with pytest.raises(ValueError):
        a.relays.record_sync([space], "pigeon")
    with pytest.raises(NotFound):
        a.relays.sync_status(bytes(16))
    with a.vault.transaction() as conn:
        rt.set_cursor(conn, LOCAL, b"m" * 32, 9)
        rt.set_cursor(conn, LOCAL, b"m" * 32, 4)
    assert a.relays.cursor(LOCAL, b"m" * 32) == 9


def test_blobs_hide_the_envelope_header_and_open_only_with_their_epoch_key(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    space = a.journal.space_id
    event = a.log.append(space, "journal.note", {"x": 1})
    key = a.relays.epoch_keys(space)[0]
    blob = relay_sync.seal_blob(key, event.envelope)
    for visible in (space, event.author, event.device, event.id):
        assert visible not in blob
    assert len(blob) == bucket_for(len(event.envelope)) + 40  # padded: size says little
    assert relay_sync.open_blob(key, blob) == event.envelope
    assert relay_sync.seal_blob(key, event.envelope) != blob  # fresh nonce each time
    assert relay_sync.open_blob(bytes(32), blob) is None
    assert relay_sync.open_blob(key, blob[:-1] + bytes([blob[-1] ^ 1])) is None
    assert relay_sync.open_blob(key, b"") is None
    assert relay_sync.open_blob(key, bytes(relay_sync.MAX_BLOB_BYTES + 1)) is None
    # Each epoch has its own mailbox, so a removed member cannot even find the new one.
    assert relay_sync.mailbox_id(key) != relay_sync.mailbox_id(bytes(32))


def test_a_new_member_knows_the_relays_from_the_welcome(tmp_path: Path, group: Group) -> None:
    """The welcome that completes an invite carries the space's log, relay list included, so
    a member who just joined can sync through the relays before ever meeting anyone again."""
    from tests.space_helpers import join, make_session

    group.owner.relays.set_relays(group.space_id, ["wss://circle.example/"])
    dee = make_session(tmp_path, "dee")
    try:
        join(group.owner, dee, group.space_id, "Dee")
        assert dee.relays.urls(group.space_id) == ["wss://circle.example/"]
        assert group.space_id in dee.relays.spaces_using()
    finally:
        dee.lock()
