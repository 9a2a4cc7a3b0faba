"""The rules of direct messages, in log order (docs/PROTOCOL.md §5.12).

In the space two members share, `space.dm.offer` is valid when its author is an active
member: the offer's boxes are recorded for this device to try (`DirectMessages.take_offers`);
nobody but the partner's devices can open them. A removed member's offer counts for
nothing, on every replica.

In a two-person space (a row of `space_dms`, written when the conversation was opened or
its offer taken, before any of its events are applied) `allowed` narrows what the general
rules accept: only the genesis the offer named, only the two personas as members, no
invites, roles for the partner only, no moderation, relays or community features — and
nothing more posted once either side blocked (`space.dm.block`, which bans the other)."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role, Status
from haven.core.spaces.rules import Handler
from haven.core.spaces.rules.moderation import modlog
from haven.store.spaces import dms as dms_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

#: Boxes in an offer: always a multiple of this, padded with boxes sealed to throwaway keys,
#: so the offer does not tell the space how many devices its recipient has.
OFFER_SLOTS = 8
MAX_OFFER_BOXES = 32
MAX_BOX_BYTES = 512

#: What a two-person space takes at all (others: invalid there).
_IN_DM = frozenset(
    {
        ev.GENESIS,
        ev.ADD,
        ev.ROLE,
        ev.LEAVE,
        ev.PROFILE,
        ev.DEVICES,
        ev.ROTATE,
        ev.SHARE,
        ev.POST,
        ev.CHUNK,
        ev.EDIT,
        ev.DELETE,
        ev.REACT,
        ev.SETTINGS,
        ev.DEVICE_CERT,
        ev.DEVICE_REVOKE,
        ev.DM_BLOCK,
    }
)
#: What a blocked conversation no longer takes from either side.
_WRITING = frozenset({ev.POST, ev.CHUNK, ev.EDIT, ev.REACT, ev.PROFILE, ev.ROLE, ev.SETTINGS})


def offer_boxes(content: dict[str, object]) -> list[bytes] | None:
    boxes = content.get("boxes")
    if not (
        isinstance(boxes, list)
        and 0 < len(boxes) <= MAX_OFFER_BOXES
        and len(boxes) % OFFER_SLOTS == 0
        and all(isinstance(b, bytes) and 0 < len(b) <= MAX_BOX_BYTES for b in boxes)
    ):
        return None
    return boxes


def offer(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    if dms_db.get_dm(conn, g.space_id) is not None:  # no conversation opened from one
        return False
    if offer_boxes(e.content) is None or not au.may(author, ev.DM_OFFER):
        return False
    dms_db.record_offer(conn, g.space_id, e.id, e.author)
    return True


def blocked(conn: Connection, dm: dms_db.DmRow) -> bool:
    """Whether either side of the conversation has blocked the other."""
    for pk in (dm.opener, dm.partner):
        row = membership_db.get_member(conn, dm.space_id, pk)
        if row is not None and row.status == Status.BANNED.value:
            return True
    return False


def block(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    dm = dms_db.get_dm(conn, g.space_id)
    if dm is None or not au.may(author, ev.DM_BLOCK) or e.author not in (dm.opener, dm.partner):
        return False
    named = e.content.get("member")  # (blocks written before cuts name nobody)
    if named is not None and named != dm.other(e.author):
        return False
    other = membership_db.get_member(conn, g.space_id, dm.other(e.author))
    if other is None or other.status == Status.BANNED.value:
        return False
    membership_db.put_member(
        conn,
        g.space_id,
        MemberRow(
            other.member_pk,
            other.role,
            Status.BANNED.value,
            other.display_name,
            other.pronouns,
            other.colour,
            other.since_lamport,
        ),
    )
    modlog(conn, e, "block", other.member_pk)
    return True


def allowed(conn: Connection, g: GroupRow, e: Event) -> bool:
    """False when `e` is in a two-person space and that space does not take it (before the
    general rule runs; a space that is no conversation takes everything here)."""
    dm = dms_db.get_dm(conn, g.space_id)
    if dm is None:
        return True
    if e.type not in _IN_DM:
        return False
    if e.type == ev.GENESIS:
        return e.id == dm.genesis_id and e.author == dm.opener
    if e.type == ev.ADD:
        return e.content.get("member") == dm.partner and e.author == dm.opener
    if e.type == ev.ROLE:
        return e.content.get("member") == dm.partner and e.content.get("role") == Role.ADMIN.value
    if e.type == ev.DEVICES:  # each side lists only its own devices: the opener, owner of
        return e.content.get("member") == e.author  # the space, cannot drop the partner's
    return not (e.type in _WRITING and blocked(conn, dm))


HANDLERS: dict[str, Handler] = {ev.DM_OFFER: offer, ev.DM_BLOCK: block}
