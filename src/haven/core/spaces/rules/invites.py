"""The rules for invites shared by a space's admin devices, applied in log order by the
spaces projector (docs/PROTOCOL.md, "Every admin device"). Only admins (and the owner) write
these; each admin device keeps what they say in its own invite tables (store/invites_table):

- `space.invite` — an invite's secret and host seed, sealed to each admin device: the device
  it was sealed to stores the invite, so its syncs read the invite's requests and answer —
  if it is an admin's device at that point of the log. Every member device records whom
  each invite was sealed to; an admin device holding an open invite seals it again, in a
  later `space.invite` for the same invite, to admin devices that came after it (a member
  promoted, an admin's device linked: `InviteEvents.heal`), with the answers so far;
- `space.invite.revoke` — the invite stops on every admin device; requests waiting on it are
  declined;
- `space.invite.answer` — an admin approved or declined one persona's request: every other
  admin device marks it answered (the answering device sends the reply). Uses are the
  personas approved, so a request approved on two devices at once counts once; once the
  invite is used up, requests still waiting are declined.

An invite is VOID from the point of the log where a device its keys were sealed to is no
longer an admin's device: an admin removed, demoted, gone, or a device of theirs unlinked
(`void_departed`, run after each membership event and each `space.invite`). Whoever held
the keys can still read the invite's requests and sign offers and replies with them, so the
remaining admin devices stop the invite for good: requests waiting on it are declined and
its mailbox says "void", which no later offer overrides and after which a guest takes no
approval (docs/PROTOCOL.md, "An admin who leaves voids the invites they held"). A void
invite is never reopened nor reissued: a new code has to reach the guest out of band.

Every effect is idempotent and approval wins over denial whatever the order, so recomputing
a space's projection from its log leaves these tables as they were.
"""

from __future__ import annotations

from typing import Any

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.invite_keys import INVITE_ID_BYTES, open_invite_keys
from haven.core.spaces.model import Role
from haven.core.spaces.rules import Handler
from haven.crypto.hashing import blake2b_256
from haven.crypto.sealing import BoxKeyPair
from haven.store import invites_table as it
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

ANSWERS = ("approved", "denied")
MAX_USES = 200
MAX_EXPIRES_S = 2**32 - 1
MAX_RECIPIENTS = 1024  # admin devices an invite is sealed to in one event
MAX_ANSWERS = 1024  # answers so far, carried when an invite is sealed again
_ADMIN_ROLES = [r.value for r in Role if r.rank >= Role.ADMIN.rank]
#: The membership events after which a device holding an invite's keys may no longer be an
#: admin's: a role change, a removal, a departure, a device list, an ownership transfer.
DEPARTURES = frozenset({ev.ROLE, ev.REMOVE, ev.LEAVE, ev.DEVICES, ev.TRANSFER})


def _admin(author: MemberRow | None) -> bool:
    role = au.role_of(author)
    return role is not None and role.rank >= Role.ADMIN.rank


def _invite_id(content: Any) -> bytes | None:
    value = content.get("invite") if isinstance(content, dict) else None
    return value if isinstance(value, bytes) and len(value) == INVITE_ID_BYTES else None


def invite(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    invite_id = _invite_id(e.content)
    uses, expires = e.content.get("uses"), e.content.get("expires")
    if not (
        _admin(author)
        and invite_id is not None
        and type(uses) is int
        and 1 <= uses <= MAX_USES
        and type(expires) is int
        and 0 < expires <= MAX_EXPIRES_S
    ):
        return False
    keys = e.content.get("keys")
    if not (isinstance(keys, list) and len(keys) <= MAX_RECIPIENTS):
        return False
    pks = [k[0] for k in keys if isinstance(k, list) and k and isinstance(k[0], bytes)]
    it.add_recipients(conn, g.space_id, invite_id, [pk for pk in pks if len(pk) == 32])
    box = BoxKeyPair(g.box_secret, g.box_public)
    opened = open_invite_keys(box, keys, g.space_id, invite_id)
    admins = membership_db.active_box_keys(conn, g.space_id, _ADMIN_ROLES)
    void = not it.recipients(conn, g.space_id, invite_id) <= admins
    if void:  # sealed to a device that is not an admin's (any more): it holds the keys
        _void(conn, g.space_id, invite_id, e.created_ms)
    if opened is None or box.public not in admins:
        return True  # not sealed to this device, or this persona is not an admin (any more)
    secret, seed = opened  # sealed to this device: it answers the invite's requests too
    revoked = void or it.was_revoked(conn, g.space_id, invite_id)
    row = it.InviteRow(
        invite_id, g.space_id, secret, uses, 0, e.created_ms, expires * 1000, revoked, seed, void
    )
    it.insert_invite(conn, row)  # no-op when already known
    for member, status in _answered(e.content.get("answered")):
        request_id = _request_id(invite_id, member)
        it.record_answer(conn, request_id, invite_id, g.space_id, member, status, e.created_ms)
    if revoked or it.recount_uses(conn, invite_id) >= uses:
        it.deny_pending(conn, invite_id, e.created_ms)
    return True


def void_departed(conn: Connection, space_id: bytes, at_ms: int) -> None:
    """After a membership event: void every invite of the space whose keys were sealed to a
    device that is not an active admin's device at this point of the log. Deterministic
    (the recipients and the members are projections of the same log), idempotent."""
    admins = membership_db.active_box_keys(conn, space_id, _ADMIN_ROLES)
    for invite_id, holders in it.recipients_by_invite(conn, space_id).items():
        if not holders <= admins:
            _void(conn, space_id, invite_id, at_ms)


def _void(conn: Connection, space_id: bytes, invite_id: bytes, at_ms: int) -> None:
    it.void_invite(conn, space_id, invite_id)
    it.deny_pending(conn, invite_id, at_ms)


def _answered(untrusted: Any) -> list[tuple[bytes, str]]:
    """The answers a later `space.invite` carries to the admin devices it is sealed to
    (those devices missed the answer events before it): [[member, answer], …]."""
    if not isinstance(untrusted, list):
        return []
    return [
        (a[0], a[1])
        for a in untrusted[:MAX_ANSWERS]
        if isinstance(a, list)
        and len(a) == 2
        and isinstance(a[0], bytes)
        and len(a[0]) == 32
        and a[1] in ANSWERS
    ]


def _request_id(invite_id: bytes, member: bytes) -> bytes:
    return blake2b_256(invite_id + member, person=b"haven-inv-answer")[:16]


def revoke(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    invite_id = _invite_id(e.content)
    if not _admin(author) or invite_id is None:
        return False
    row = it.get_invite(conn, invite_id)
    it.record_revocation(conn, g.space_id, invite_id)
    if row is not None and row.space_id == g.space_id:
        it.revoke_invite(conn, invite_id)
        it.deny_pending(conn, invite_id, e.created_ms)
    return True


def answer(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    invite_id = _invite_id(e.content)
    member, status = e.content.get("member"), e.content.get("answer")
    if not (
        _admin(author)
        and invite_id is not None
        and isinstance(member, bytes)
        and len(member) == 32
        and status in ANSWERS
    ):
        return False
    row = it.get_invite(conn, invite_id)
    if row is None or row.space_id != g.space_id:
        return True  # an invite this device does not administer
    request_id = _request_id(invite_id, member)
    it.record_answer(conn, request_id, invite_id, g.space_id, member, status, e.created_ms)
    if it.recount_uses(conn, invite_id) >= row.max_uses:
        it.deny_pending(conn, invite_id, e.created_ms)
    return True


HANDLERS: dict[str, Handler] = {
    ev.INVITE: invite,
    ev.INVITE_REVOKE: revoke,
    ev.INVITE_ANSWER: answer,
}
