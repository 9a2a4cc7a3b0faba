"""The rules for invites shared by a space's admin devices, applied in log order by the
spaces projector (docs/PROTOCOL.md, "Every admin device"). Only admins (and the owner) write
these; each admin device keeps what they say in its own invite tables (store/invites_table):

- `space.invite` — an invite's secret and host seed, sealed to each admin device: the device
  it was sealed to stores the invite, so its syncs read the invite's requests and answer;
- `space.invite.revoke` — the invite stops on every admin device; requests waiting on it are
  declined;
- `space.invite.answer` — an admin approved or declined one persona's request: every other
  admin device marks it answered (the answering device sends the reply). Uses are the
  personas approved, so a request approved on two devices at once counts once; once the
  invite is used up, requests still waiting are declined.

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
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

ANSWERS = ("approved", "denied")
MAX_USES = 200
MAX_EXPIRES_S = 2**32 - 1


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
    box = BoxKeyPair(g.box_secret, g.box_public)
    opened = open_invite_keys(box, e.content.get("keys"), g.space_id, invite_id)
    if opened is not None:  # sealed to this device: it answers the invite's requests too
        secret, seed = opened
        row = it.InviteRow(
            invite_id, g.space_id, secret, uses, 0, e.created_ms, expires * 1000, False, seed
        )
        it.insert_invite(conn, row)  # no-op when already known
        it.recount_uses(conn, invite_id)
    return True


def revoke(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    invite_id = _invite_id(e.content)
    if not _admin(author) or invite_id is None:
        return False
    row = it.get_invite(conn, invite_id)
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
    request_id = blake2b_256(invite_id + member, person=b"haven-inv-answer")[:16]
    it.record_answer(conn, request_id, invite_id, g.space_id, member, status, e.created_ms)
    if it.recount_uses(conn, invite_id) >= row.max_uses:
        it.deny_pending(conn, invite_id, e.created_ms)
    return True


HANDLERS: dict[str, Handler] = {
    ev.INVITE: invite,
    ev.INVITE_REVOKE: revoke,
    ev.INVITE_ANSWER: answer,
}
