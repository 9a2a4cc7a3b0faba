"""Relay lists, the relay outbox, sync status and the mailbox blob format (no sockets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core import relays
from haven.core.spaces.model import Role
from haven.crypto.padding import bucket_for
from haven.errors import InvalidInput, NotFound
from haven.store import relay_tables as rt
from haven.sync import relay_sync
from tests.helpers import new_session, replica_of
from tests.sync_helpers import missing
from tests.unit.spaces.conftest import Group, group, sync  # noqa: F401  (fixture)

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
    assert relays.check_relay_url(given) == canonical


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
        relays.check_relay_url(given)


def test_the_journal_relay_list_reaches_linked_devices_and_the_newest_wins(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    b = replica_of(a, tmp_path / "b")
    space = a.journal.space_id
    assert relays.relays(a, space) == []
    assert relays.add_relay(a, space, "wss://one.example/") == ["wss://one.example/"]
    assert relays.add_relay(a, space, "wss://one.example") == ["wss://one.example/"]  # no dup
    relays.set_relays(b, space, ["wss://two.example/"])  # concurrent with A's
    for src, dst in ((a, b), (b, a)):
        dst.log.ingest(src.log.envelopes_after(space, dst.log.chain_tips(space), 1000))
    assert missing(a, b) == missing(b, a) == 0
    assert relays.relays(a, space) == relays.relays(b, space)  # same winner on both
    with pytest.raises(NotFound):
        relays.remove_relay(a, space, "wss://three.example/")
    final = relays.remove_relay(a, space, relays.relays(a, space)[0])
    assert final == []
    # Rebuilding the journal's projections from the log gives the same list.
    relays.set_relays(a, space, [LOCAL])
    a.log.rebuild_projections(space)
    assert relays.relays(a, space) == [LOCAL]


def test_malformed_relay_events_change_nothing(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    space = a.journal.space_id
    relays.set_relays(a, space, [LOCAL])
    for content in (
        {"relays": "wss://x.example/"},
        {"relays": ["ws://evil.example/"]},
        {"relays": [LOCAL] * 9},
        {"other": 1},
        {"relays": [3]},
    ):
        a.log.append(space, relays.JOURNAL_RELAYS, content)
        assert relays.relays(a, space) == [LOCAL]
    with pytest.raises(InvalidInput, match="at most 8"):
        relays.set_relays(a, space, [f"wss://r{i}.example/" for i in range(9)])


def test_only_admins_set_a_space_relay_list_and_everyone_gets_it(group: Group) -> None:  # noqa: F811
    sid = group.space_id
    relays.set_relays(group.bea, sid, ["wss://circle.example/"])  # Bea is an admin
    group.sync()
    for s in group.all():
        assert relays.relays(s, sid) == ["wss://circle.example/"]
    with pytest.raises(InvalidInput, match="only admins"):
        relays.set_relays(group.cai, sid, ["wss://cai.example/"])
    # A member who writes the event anyway (a modified client) changes nothing anywhere.
    group.cai.log.append(sid, relays.SPACE_RELAYS, {"relays": ["wss://cai.example/"]})
    group.sync()
    for s in group.all():
        assert relays.relays(s, sid) == ["wss://circle.example/"]
    # Demoted, Bea's later list is invalid too, decided in log order on every device.
    group.owner.spaces.set_role(sid, group.pk["bea"], Role.MEMBER)
    group.sync()
    group.bea.log.append(sid, relays.SPACE_RELAYS, {"relays": ["wss://bea.example/"]})
    group.sync()
    assert {tuple(relays.relays(s, sid)) for s in group.all()} == {("wss://circle.example/",)}


def test_the_outbox_counts_own_events_until_each_relay_acknowledges_them(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    space = a.journal.space_id
    assert relays.waiting(a, space) == 0  # no relays: nothing is waiting for one
    relays.set_relays(a, space, [LOCAL, "wss://two.example/"])
    a.journal.add("one")
    own = relays.pending(a, LOCAL, space)
    assert [p.seq for p in own] == list(range(1, len(own) + 1)) and len(own) >= 3
    assert relays.waiting(a, space) == len(own)
    relays.mark_acked(a, LOCAL, space, own[-1].seq)
    relays.mark_acked(a, LOCAL, space, 1)  # never moves back
    assert relays.waiting(a, space, LOCAL) == 0 and relays.pending(a, LOCAL, space) == []
    assert relays.waiting(a, space) == len(own)  # the other relay has nothing yet
    status = relays.sync_status(a, space)
    assert (status.transport, status.last_sync_ms, status.waiting, status.held) == (
        None,
        None,
        len(own),
        0,
    )
    relays.record_sync(a, [space], "lan", at_ms=1234)
    assert relays.sync_status(a, space).transport == "lan"
    assert relays.sync_status(a, space).last_sync_ms == 1234
    with pytest.raises(ValueError):
        relays.record_sync(a, [space], "pigeon")
    with pytest.raises(NotFound):
        relays.sync_status(a, bytes(16))
    with a.vault.transaction() as conn:
        rt.set_cursor(conn, LOCAL, b"m" * 32, 9)
        rt.set_cursor(conn, LOCAL, b"m" * 32, 4)
    assert relays.cursor(a, LOCAL, b"m" * 32) == 9


def test_blobs_hide_the_envelope_header_and_open_only_with_their_epoch_key(tmp_path: Path) -> None:
    a = new_session(tmp_path / "a")
    space = a.journal.space_id
    event = a.log.append(space, "journal.note", {"x": 1})
    key = relay_sync.epoch_keys_of(a, space)[0]
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


def test_a_new_member_knows_the_relays_from_the_welcome(tmp_path: Path, group: Group) -> None:  # noqa: F811
    """The welcome that completes an invite carries the space's log, relay list included, so
    a member who just joined can sync through the relays before ever meeting anyone again."""
    from tests.unit.spaces.conftest import join, make_session

    relays.set_relays(group.owner, group.space_id, ["wss://circle.example/"])
    dee = make_session(tmp_path, "dee")
    try:
        join(group.owner, dee, group.space_id, "Dee")
        assert relays.relays(dee, group.space_id) == ["wss://circle.example/"]
        assert group.space_id in relays.spaces_using(dee)
    finally:
        dee.lock()
