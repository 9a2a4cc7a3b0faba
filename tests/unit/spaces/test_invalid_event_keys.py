"""Keys from invalid rotations and shares (docs/PROTOCOL.md §5.4, "Keys from invalid rotations
and shares"): a device installs the key an invalid rotation or share sealed to it only when it
matches the epoch's commitment — so a removed member cannot use that path to plant a key of
its own for a real epoch on a device that does not hold that epoch's key yet (attack 1, key
pre-emption, by an invalid event instead of a valid-looking one)."""

from __future__ import annotations

import os
from pathlib import Path

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.sealed import new_epoch, seal_epoch_key_to_all
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from tests.hostile import Hostile
from tests.space_helpers import deliver, join, make_session, sync


def _setup(tmp_path: Path) -> tuple[bytes, dict[str, Session], int, bytes]:
    """Ari removes Xan (rotating to epoch E) while Bea, an admin who has not seen that yet,
    adds Dee: Dee holds the old epoch only, and knows E's commitment once Ari's rotation
    reaches her. Returns the space, the sessions, E and Dee's box key."""
    who = {k: make_session(tmp_path, k) for k in ("ari", "bea", "xan", "dee")}
    ari, bea, xan, dee = who.values()
    sid = ari.spaces.create_space("Circle", display_name="Ari")
    bea_pk = join(ari, bea, sid, "Bea")
    xan_pk = join(ari, xan, sid, "Xan")
    ari.spaces.set_role(sid, bea_pk, "admin")
    sync(sid, ari, bea, xan)
    epoch = ari.spaces.remove_member(sid, xan_pk)
    join(bea, dee, sid, "Dee")  # under the old epoch: Bea has not seen the rotation
    deliver(ari, xan, sid)  # Xan reads the rotation event (the old epoch), not its key
    with dee.vault.read() as conn:
        group = groups_db.get_group(conn, sid)
    assert group is not None
    return sid, who, epoch, group.box_public


def _dee_key(dee: Session, sid: bytes, epoch: int) -> bytes | None:
    with dee.vault.read() as conn:
        return ids.get_epoch_key(conn, sid, epoch)


def _real_key(ari: Session, sid: bytes, epoch: int) -> bytes:
    key = _dee_key(ari, sid, epoch)
    assert key is not None
    return key


def test_a_removed_members_share_of_its_own_key_for_a_real_epoch_installs_nothing(
    tmp_path: Path,
) -> None:
    sid, who, epoch, dee_box = _setup(tmp_path)
    ari, bea, xan, dee = who.values()
    attacker = Hostile.of(xan, sid)
    share = attacker.preempt_share(epoch, os.urandom(32), [dee_box])
    deliver(ari, dee, sid)  # the rotation first: Dee knows E's commitment
    dee.log.ingest([share])
    assert _dee_key(dee, sid, epoch) is None
    sync(sid, ari, bea, dee)  # the admins' devices heal: Dee gets the real key
    assert _dee_key(dee, sid, epoch) == _real_key(ari, sid, epoch)


def test_a_removed_members_rotation_claiming_a_real_epoch_installs_nothing(
    tmp_path: Path,
) -> None:
    """Xan copies the real rotation's epoch and commitment, sealing a key of its own to
    Dee: the rotation is invalid (Xan removed, the epoch taken) and its key does not match
    the commitment it carries, so nothing is installed."""
    sid, who, epoch, dee_box = _setup(tmp_path)
    ari, bea, xan, dee = who.values()
    with ari.vault.read() as conn:
        rotation = next(
            ari.log.open_stored(conn, s) for s in lt.events_in_order(conn, sid, ev.ROTATE)
        )
    own = os.urandom(32)
    attacker = Hostile.of(xan, sid)
    forged = attacker.event(
        ev.ROTATE,
        {
            "epoch": epoch,
            "keys": seal_epoch_key_to_all([dee_box], sid, epoch, own),
            "commit": rotation.content["commit"],
        },
    )
    deliver(ari, dee, sid)
    dee.log.ingest([forged])
    assert _dee_key(dee, sid, epoch) is None
    sync(sid, ari, bea, dee)
    assert _dee_key(dee, sid, epoch) == _real_key(ari, sid, epoch)


def test_a_rotation_by_someone_never_trusted_gives_no_key(tmp_path: Path) -> None:
    """A plain member's (here: removed) rotation with a key that matches its own commitment:
    a rotation from someone who never held the moderator role or above gives no key, so it
    cannot make every device hold (and read a relay mailbox for) epochs at will."""
    sid, who, _, _ = _setup(tmp_path)
    ari, bea, xan, _ = who.values()
    epoch, key, commitment = new_epoch(sid)
    with bea.vault.read() as conn:
        group = groups_db.get_group(conn, sid)
    assert group is not None
    attacker = Hostile.of(xan, sid)
    forged = attacker.event(
        ev.ROTATE,
        {
            "epoch": epoch,
            "keys": seal_epoch_key_to_all([group.box_public], sid, epoch, key),
            "commit": commitment,
        },
    )
    bea.log.ingest([forged])
    assert _dee_key(bea, sid, epoch) is None
    sync(sid, ari, bea)
    assert _dee_key(bea, sid, epoch) is None and _dee_key(ari, sid, epoch) is None
