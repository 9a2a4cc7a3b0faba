"""Who may do what in a group space, at which point of the log.

The log is put in one total order, (Lamport clock, event id), the same on every device. An
event is valid iff its author held the right, in the state produced by every valid event
ordered before it; invalid events stay in the log (so every replica holds the same log) but
change nothing. The rules, in docs/PROTOCOL.md ("Group spaces", "Authority"):

- owner > admin > moderator > member; only active members act at all;
- admins (and the owner) add and remove members, change roles and rotate epoch keys;
- nobody changes the owner's role or removes the owner: ownership moves only when the owner
  transfers it or leaves (then to the highest-ranked active member who joined first);
- moderators (and above) pin posts, remove posts and read reports;
- members edit and delete only their own posts.
"""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.eventlog import Memo
from haven.core.spaces import device_keys, founding
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role, Status
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

#: Which role each action needs.
NEEDS: dict[str, Role] = {
    ev.INFO: Role.ADMIN,
    ev.ADD: Role.ADMIN,
    ev.ROLE: Role.ADMIN,
    ev.REMOVE: Role.ADMIN,
    ev.ROTATE: Role.ADMIN,
    ev.SHARE: Role.ADMIN,
    ev.RELAYS: Role.ADMIN,
    ev.SETTINGS: Role.ADMIN,
    ev.TRANSFER: Role.OWNER,
    ev.PIN: Role.MODERATOR,
    ev.MODERATE: Role.MODERATOR,
    ev.LEAVE: Role.MEMBER,
    ev.PROFILE: Role.MEMBER,
    ev.DEVICES: Role.MEMBER,
    ev.POST: Role.MEMBER,
    ev.CHUNK: Role.MEMBER,
    ev.EDIT: Role.MEMBER,
    ev.DELETE: Role.MEMBER,
    ev.REACT: Role.MEMBER,
    ev.REPORT: Role.MEMBER,
    # Events: admins create them; the rest needs the event's organisers too (rules/gatherings.py).
    ev.GATHERING: Role.ADMIN,
    ev.GATHERING_EDIT: Role.MEMBER,
    ev.GATHERING_CANCEL: Role.MEMBER,
    ev.GATHERING_APPROVE: Role.MEMBER,
    ev.GATHERING_PLACE: Role.MEMBER,
    ev.GATHERING_RSVP: Role.MEMBER,
    # Any member starts a fundraiser or campaign, pledges and says "I did this"; updates,
    # received marks and tallies need an organiser (the creator or an admin), which
    # core/spaces/fundraisers/rules.py checks on top of this.
    ev.FUNDRAISER: Role.MEMBER,
    ev.FUNDRAISER_UPDATE: Role.MEMBER,
    ev.PLEDGE: Role.MEMBER,
    ev.RECEIVED: Role.MEMBER,
    ev.TALLY: Role.MEMBER,
    ev.CAMPAIGN: Role.MEMBER,
    ev.CAMPAIGN_DONE: Role.MEMBER,
    ev.CAMPAIGN_UPDATE: Role.MEMBER,
    ev.FUNDRAISER_CLOSE: Role.MEMBER,
    ev.CAMPAIGN_CLOSE: Role.MEMBER,
    # Direct messages (core/spaces/dm/rules.py adds what a two-person space allows).
    ev.DM_OFFER: Role.MEMBER,
    ev.DM_BLOCK: Role.MEMBER,
    # Channels: admins make and keep them; who may post in one is rules/channels.py's.
    ev.CHANNEL_CREATE: Role.ADMIN,
    ev.CHANNEL_RENAME: Role.ADMIN,
    ev.CHANNEL_ARCHIVE: Role.ADMIN,
}


def is_active(row: MemberRow | None) -> bool:
    return row is not None and row.status == Status.ACTIVE.value


def role_of(row: MemberRow | None) -> Role | None:
    return Role(row.role) if is_active(row) and row is not None else None


def may(row: MemberRow | None, event_type: str) -> bool:
    """Whether a member in this state may write an event of this type at all."""
    role = role_of(row)
    need = NEEDS.get(event_type)
    return role is not None and need is not None and role.rank >= need.rank


def may_change_role(actor: MemberRow | None, target: MemberRow | None, new: Role) -> bool:
    return (
        may(actor, ev.ROLE)
        and is_active(target)
        and target is not None
        and target.role != Role.OWNER.value
        and new is not Role.OWNER
    )


def may_remove(actor: MemberRow | None, target: MemberRow | None) -> bool:
    return (
        may(actor, ev.REMOVE)
        and is_active(target)
        and target is not None
        and actor is not None
        and target.member_pk != actor.member_pk
        and target.role != Role.OWNER.value
    )


def may_set_devices(actor: MemberRow | None, target: MemberRow | None) -> bool:
    """Members manage their own devices; admins may drop a device of anyone but the owner
    (a lost or seized laptop)."""
    if actor is None or target is None or not is_active(target):
        return False
    if actor.member_pk == target.member_pk:
        return may(actor, ev.DEVICES)
    return may(actor, ev.REMOVE) and target.role != Role.OWNER.value


def may_add(actor: MemberRow | None, target: MemberRow | None) -> bool:
    """Re-adding someone who left or was removed is allowed; a ban is final in this version."""
    return may(actor, ev.ADD) and (
        target is None or target.status in (Status.REMOVED.value, Status.LEFT.value)
    )


def successor(conn: Connection, space_id: bytes, leaving: bytes) -> MemberRow | None:
    """Who becomes owner when the owner leaves: the highest-ranked active member, earliest
    to join, then the smallest key, so every device picks the same one."""
    candidates = [
        m
        for m in membership_db.list_members(conn, space_id, Status.ACTIVE.value)
        if m.member_pk != leaving
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (-Role(m.role).rank, m.since_lamport, m.member_pk))


class SpaceAuthorizer:
    """The log's gate for group spaces: structural checks only.

    Whether an author held a right depends on events that may not have arrived yet, so that
    is decided by the projection over the ordered log, never here (rejecting here would make
    the stored log depend on arrival order). Here: the type must be a group-space type
    (`space.`), the space must be a group this vault joined, and only the recorded owner may
    write the genesis, once. And the signature's key must count for its author (device keys,
    core/spaces/device_keys.py): that depends only on the author's own certificates and
    revocations, which no other member can write, and a revocation arriving late removes what
    it cuts off.

    A `space.` type this version does not know (a newer version's feature) is taken: stored,
    passed on to peers, and ignored by the projection (docs/PROTOCOL.md §5.2, "Types from
    newer versions"). Refusing it would leave its author's chain stuck here for good, and
    with it everything that author writes after it. Other prefixes are refused: the journal's
    projectors act on `journal.` events, and must never see one written in a group space."""

    def allows(self, conn: Connection, space: ids.SpaceRow, event: Event, memo: Memo) -> bool:
        if not self._structural(conn, space, event):
            return False
        return device_keys.verdict(conn, event, memo) == device_keys.OK

    def waits(self, conn: Connection, space: ids.SpaceRow, event: Event, memo: Memo) -> bool:
        """Signed by a member's device key whose certificate has not arrived: held (within
        a bound) until it does (core/spaces/device_keys.py)."""
        return self._structural(conn, space, event) and device_keys.may_hold(conn, event, memo)

    def _structural(self, conn: Connection, space: ids.SpaceRow, event: Event) -> bool:
        if not event.type.startswith(ev.PREFIX):
            return False
        group = groups_db.get_group(conn, space.space_id)
        if group is None:
            return False
        if event.type != ev.GENESIS:
            return True
        # One genesis per space: a second one (the owner's persona key, on a stolen device,
        # backdated to sort first) is refused (core/spaces/founding.py).
        return event.author == group.owner_pk and founding.only_genesis(
            conn, space.space_id, group.owner_pk, event
        )

    def knows(self, event_type: str) -> bool:
        """Whether this version has a rule for the type (others are kept, not applied)."""
        return event_type in ev.KNOWN_TYPES
