"""Epoch keys: rotation on removal, sealed envelopes bound to space, epoch and recipient,
welcomes, and keys that only admins can hand out."""

from __future__ import annotations

import pytest
from nacl.bindings import crypto_generichash_blake2b_salt_personal

from haven.core.envelope import ZERO_ID, Header, seal_event
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.crypto.sealing import BoxKeyPair
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from haven.store.spaces import keys as keys_db
from haven.store.spaces import membership as membership_db
from tests.space_helpers import Group, deliver, join, make_session


def epoch_key(session, space_id, epoch):  # type: ignore[no-untyped-def]
    with session.vault.read() as conn:
        return ids.get_epoch_key(conn, space_id, epoch)


def bodies(session, space_id):  # type: ignore[no-untyped-def]
    return [p.body for p in session.spaces.read_feed(space_id)]


def test_removed_member_ingests_everything_and_reads_nothing_new(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    old = group.owner.spaces.space_info(sid).epoch
    new = group.bea.spaces.remove_member(sid, pk["cai"])
    group.sync(group.owner, group.bea)
    group.owner.spaces.post(sid, "safe to talk now")
    group.bea.spaces.post(sid, "agreed")
    group.sync()
    assert group.owner.spaces.space_info(sid).epoch == new != old
    # Cai was offered every event; it can open the rotation (old epoch) but not the key.
    deliver(group.owner, group.cai, sid)
    deliver(group.bea, group.cai, sid)
    assert epoch_key(group.cai, sid, new) is None
    assert group.cai.spaces.space_info(sid).epoch == old
    assert "safe to talk now" not in bodies(group.cai, sid)
    assert "agreed" not in bodies(group.cai, sid)
    with group.cai.vault.read() as conn:
        stored = conn.execute(
            "SELECT count(*) FROM events WHERE space_id = ? AND epoch = ?", (sid, new)
        ).fetchone()[0]
    assert stored == 0  # not even the ciphertext is kept: the log refused what it cannot open
    assert [
        m.status.value
        for m in group.cai.spaces.members(sid, include_former=True)
        if m.member_pk == pk["cai"]
    ] == ["removed"]


def test_old_epoch_events_from_a_removed_member_are_ignored(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    before = group.cai.spaces.post(sid, "hello")
    group.sync()
    replay = group.cai.log.envelopes_after(sid, {}, 1000)
    group.bea.spaces.remove_member(sid, pk["cai"])
    group.sync()
    # Cai keeps writing with the old key it still holds, and replays its old events.
    group.cai.log.append(sid, ev.POST, {"body": "still here"})
    group.cai.log.append(sid, ev.REACT, {"kind": "me-too", "on": True, "target": before})
    result = group.owner.log.ingest(replay)
    assert result.accepted == [] and result.duplicates == len(replay)
    deliver(group.cai, group.owner, sid)
    assert "still here" not in bodies(group.owner, sid)
    assert group.owner.spaces.read_feed(sid)[0].reactions == {}


def test_a_stranger_with_a_leaked_key_cannot_post(group: Group) -> None:
    sid = group.space_id
    epoch = group.owner.spaces.space_info(sid).epoch
    stranger = SigningKeyPair.generate()
    header = Header(sid, epoch, stranger.public, bytes(16), 1, 50, ZERO_ID)
    forged = seal_event(
        header,
        ev.POST,
        0,
        {"body": "hi, I am new"},
        stranger.seed,
        epoch_key(group.owner, sid, epoch),
    )
    group.owner.log.ingest([forged.envelope])
    assert "hi, I am new" not in bodies(group.owner, sid)
    genesis = seal_event(
        Header(sid, epoch, stranger.public, bytes(16), 2, 51, forged.id),
        ev.GENESIS,
        0,
        {"name": "Mine now"},
        stranger.seed,
        epoch_key(group.owner, sid, epoch),
    )
    result = group.owner.log.ingest([genesis.envelope])
    assert result.rejected  # only the recorded owner may write a genesis
    assert group.owner.spaces.space_info(sid).name == "Circle"


def test_a_rotation_from_a_non_admin_is_ignored(group: Group) -> None:
    sid = group.space_id
    before = group.owner.spaces.space_info(sid).epoch
    epoch, key, commitment = sealed.new_epoch(sid)
    with group.cai.vault.read() as conn:
        boxes = membership_db.active_box_keys(conn, sid)
    group.cai.log.append(
        sid,
        ev.ROTATE,
        {
            "epoch": epoch,
            "keys": sealed.seal_epoch_key_to_all(boxes, sid, epoch, key),
            "commit": commitment,
        },
    )
    group.sync()
    for s in group.all():
        # Nobody writes with a key a non-admin chose; the log's current epoch stays.
        assert s.spaces.space_info(sid).epoch == before
        with s.vault.read() as conn:
            state = groups_db.get_state(conn, sid)
            assert state is not None and state.inforce_epoch == before
    post = group.owner.spaces.post(sid, "still under the admins' key")
    with group.owner.vault.read() as conn:
        stored = lt.get_event(conn, post)
    assert stored is not None and stored.epoch == before
    actions = [a.action for a in group.owner.spaces.moderation_log(sid)]
    assert "rotate" not in actions


@pytest.mark.parametrize("commit", ["missing", "another epoch"])
def test_a_rotation_without_a_commitment_naming_its_epoch_is_ignored(
    group: Group, commit: str
) -> None:
    """Once a space has committed to a key (from its genesis on), every rotation must."""
    sid = group.space_id
    before = group.owner.spaces.space_info(sid).epoch
    epoch, key, commitment = sealed.new_epoch(sid)
    with group.bea.vault.read() as conn:
        boxes = membership_db.active_box_keys(conn, sid)
    content = {"epoch": epoch, "keys": sealed.seal_epoch_key_to_all(boxes, sid, epoch, key)}
    if commit == "another epoch":
        content["commit"] = sealed.new_epoch(sid)[2]
    group.bea.log.append(sid, ev.ROTATE, content)  # Bea is an admin
    group.sync()
    for s in group.all():
        with s.vault.read() as conn:
            state = groups_db.get_state(conn, sid)
            assert state is not None and state.inforce_epoch == before
            assert ids.get_epoch_key(conn, sid, epoch) is None
    assert commitment  # the same rotation with its commitment is tested everywhere else


def test_an_epoch_number_is_derived_from_the_commitment_to_its_key() -> None:
    sid = b"s" * 16
    epoch, key, commitment = sealed.new_epoch(sid)
    assert sealed.matches(sid, epoch, key, commitment)
    assert not sealed.matches(sid, epoch, bytes(32), commitment)  # another key
    assert not sealed.matches(b"t" * 16, epoch, key, commitment)  # another space
    assert not sealed.matches(sid, epoch + 1, key, commitment)  # another epoch
    # Keyed, personalised BLAKE2b-256, as libsodium computes it (an independent code path).
    assert sealed.epoch_commitment(sid, key) == crypto_generichash_blake2b_salt_personal(
        sid, digest_size=32, key=key, person=sealed.COMMITMENT_PERSON
    )


def test_sealed_epoch_keys_are_bound_to_space_epoch_and_recipient() -> None:
    box, other = BoxKeyPair.generate(), BoxKeyPair.generate()
    sid, key = b"s" * 16, b"k" * 32
    blob = sealed.seal_epoch_key(box.public, sid, 7, key)
    assert sealed.open_epoch_key(box, blob, sid, 7) == key
    assert sealed.open_epoch_key(box, blob, b"t" * 16, 7) is None  # another space
    assert sealed.open_epoch_key(box, blob, sid, 8) is None  # another epoch
    assert sealed.open_epoch_key(other, blob, sid, 7) is None  # not sealed to us
    # Sealed to us but naming someone else as recipient (lifted from another slot).
    lifted = sealed.seal_epoch_key(box.public, sid, 7, key)
    wrong_recipient = sealed.seal(
        box.public, sealed.packb([sealed.EPOCH_KEY_DOMAIN, sid, 7, other.public, key])
    )
    assert sealed.open_epoch_key(box, lifted, sid, 7) == key
    assert sealed.open_epoch_key(box, wrong_recipient, sid, 7) is None
    assert sealed.open_epoch_key(box, b"garbage", sid, 7) is None


def test_welcome_bad_input_is_refused_and_changes_nothing(group: Group, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sid = group.space_id
    dee, eve = make_session(tmp_path, "dee"), make_session(tmp_path, "eve")
    req = dee.spaces.prepare_join("Dee")
    welcome = group.owner.spaces.make_add_member(
        sid, req.persona_pk, req.box_pk, "Dee", device_id=req.device_id
    )
    with pytest.raises(InvalidInput, match="not a Haven welcome"):
        dee.spaces.accept_welcome(b"\x00garbage")
    with pytest.raises(InvalidInput, match=r"damaged|not a Haven"):
        dee.spaces.accept_welcome(welcome[:-10])
    eve.spaces.prepare_join("Eve")
    with pytest.raises(InvalidInput, match="does not answer"):
        eve.spaces.accept_welcome(welcome)  # made for Dee's request
    # A welcome whose log does not add this persona (the add event was dropped).
    w = sealed.Welcome.decode(welcome)
    stripped = sealed.Welcome(
        w.space_id, w.owner_pk, w.add_event_id, w.sealed_keys, w.envelopes[:1]
    ).encode()
    with pytest.raises(InvalidInput, match="does not show you"):
        dee.spaces.accept_welcome(stripped)
    assert dee.spaces.list_spaces() == [] and eve.spaces.list_spaces() == []
    # The request is still usable: the real welcome works afterwards.
    assert dee.spaces.accept_welcome(welcome) == sid
    assert dee.spaces.space_info(sid).my_role is not None
    with pytest.raises(InvalidInput, match="already"):
        dee.spaces.accept_welcome(welcome)
    dee.lock()
    eve.lock()


def test_new_member_reads_history_and_new_posts(group: Group, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sid, pk = group.space_id, group.pk
    group.owner.spaces.post(sid, "before the rotation")
    group.owner.spaces.remove_member(sid, pk["cai"])
    dee = make_session(tmp_path, "dee")
    join(group.bea, dee, sid, "Dee")  # Bea has not seen the rotation yet
    group.sync(group.owner, group.bea, dee)
    assert "before the rotation" in bodies(dee, sid)
    group.owner.spaces.post(sid, "welcome Dee")
    group.sync(group.owner, group.bea, dee)
    assert "welcome Dee" in bodies(dee, sid)
    dee.lock()


def test_leaving_member_triggers_a_rotation_by_an_admin(group: Group) -> None:
    sid = group.space_id
    before = group.owner.spaces.space_info(sid).epoch
    group.cai.spaces.leave(sid)
    group.sync()
    after = group.owner.spaces.space_info(sid).epoch
    assert after != before and group.bea.spaces.space_info(sid).epoch == after
    assert epoch_key(group.cai, sid, after) is None


def test_leave_with_wipe_forgets_the_space_here(group: Group) -> None:
    sid = group.space_id
    space_persona = group.cai.spaces.space_info(sid).my_persona
    group.cai.spaces.leave(sid, wipe=True)
    assert group.cai.spaces.list_spaces() == []
    with group.cai.vault.read() as conn:
        for table in ("events", "epoch_keys", "space_members", "space_posts", "group_spaces"):
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE space_id = ?", (sid,))
            assert n.fetchone()[0] == 0, table
        assert ids.get_persona(conn, space_persona) is None
    assert group.cai.identity.primary().display_name == "Cai"  # the vault itself lives on
    assert group.cai.journal.count() == 0


def test_concurrent_removals_never_leave_the_key_with_a_removed_member(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    group.owner.spaces.set_role(sid, pk["cai"], "admin")
    group.sync()
    # Bea removes Cai (rotation sealed to Ari, Bea); Ari concurrently removes Bea (rotation
    # sealed to Ari and Cai, since Ari has not seen Cai's removal). If Bea's removal sorts
    # first, Ari's rotation would hand the key in force to removed Cai: an admin heals it.
    group.bea.spaces.remove_member(sid, pk["cai"])
    group.owner.spaces.remove_member(sid, pk["bea"])
    group.sync()
    with group.owner.vault.read() as conn:
        state = groups_db.get_state(conn, sid)
        assert state is not None
        holders = keys_db.recipients(conn, sid, state.inforce_epoch)
        active = membership_db.active_box_keys(conn, sid)
    assert holders <= active


def test_removing_a_device_rotates_the_key_away_from_it(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    laptop = BoxKeyPair.generate()
    group.cai.spaces.add_device(sid, b"L" * 16, laptop.public)
    group.sync()
    assert len(group.owner.spaces.devices(sid, pk["cai"])) == 2
    # Cai's other device is seized: an admin drops it; the new key is not sealed to it.
    epoch = group.bea.spaces.remove_device(sid, pk["cai"], b"L" * 16)
    group.sync()
    assert group.owner.spaces.space_info(sid).epoch == epoch
    assert group.cai.spaces.space_info(sid).epoch == epoch  # Cai's remaining device has it
    with group.owner.vault.read() as conn:
        stored = [e for e in lt.events_in_order(conn, sid, ev.ROTATE)][-1]
        rotation = group.owner.log.open_stored(conn, stored)
    recipients = {bytes(pk_) for pk_, _ in rotation.content["keys"]}
    assert laptop.public not in recipients and len(recipients) == 3
    assert (
        sealed.find_and_open(laptop, [(p, b) for p, b in rotation.content["keys"]], sid, epoch)
        is None
    )


def test_device_rules(group: Group) -> None:
    sid, pk = group.space_id, group.pk
    with pytest.raises(InvalidInput, match="only your own"):
        group.cai.spaces.remove_device(sid, pk["bea"], group.bea.identity.device_id_for(pk["bea"]))
    with pytest.raises(InvalidInput, match="at least one device"):
        group.cai.spaces.remove_device(sid, pk["cai"], group.cai.identity.device_id_for(pk["cai"]))
    with pytest.raises(InvalidInput, match="only your own"):
        group.bea.spaces.remove_device(
            sid, pk["ari"], group.owner.identity.device_id_for(pk["ari"])
        )
    # A member forging a device list for someone else is ignored.
    group.cai.log.append(
        sid, ev.DEVICES, {"member": pk["bea"], "devices": [[b"X" * 16, bytes(32)]]}
    )
    group.sync()
    assert [d for d, _ in group.owner.spaces.devices(sid, pk["bea"])] == [
        group.bea.identity.device_id_for(pk["bea"])
    ]
