"""The space events that let every admin device run a relay invite (docs/PROTOCOL.md, "Every
admin device"): an invite's keys sealed to the admin devices, its revocation, and each answer
to a request. The rules that apply them are in rules/invites.py; the invite flow itself is
in invites/ (host.py writes these through `session.spaces.invite_events`)."""

from __future__ import annotations

from haven.core.eventlog import Draft
from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.invite_keys import invite_id_of, seal_invite_keys
from haven.core.spaces.model import Role
from haven.store.spaces import membership as membership_db

_ADMINS = [r.value for r in Role if r.rank >= Role.ADMIN.rank]


class InviteEvents:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    def _require_admin(self, space_id: bytes) -> None:
        self._ctx.require(space_id, ev.ADD, "only admins can invite people")

    def publish(
        self, space_id: bytes, secret: bytes, seed: bytes, uses: int, expires_s: int
    ) -> None:
        """Record the invite, its secret and host seed sealed to every admin device."""
        self._require_admin(space_id)
        with self._ctx.fresh(space_id) as conn:
            admins = membership_db.active_box_keys(conn, space_id, _ADMINS)
        content = {
            "invite": invite_id_of(secret),
            "uses": uses,
            "expires": expires_s,
            "keys": seal_invite_keys(admins, space_id, secret, seed),
        }
        self._ctx.append_many(space_id, [Draft(ev.INVITE, content)])

    def revoke(self, space_id: bytes, invite_id: bytes) -> None:
        self._require_admin(space_id)
        self._ctx.append(space_id, ev.INVITE_REVOKE, {"invite": invite_id})

    def answer(self, space_id: bytes, invite_id: bytes, member: bytes, approved: bool) -> None:
        """Say to the other admin devices that this request is answered."""
        self._require_admin(space_id)
        content = {
            "invite": invite_id,
            "member": member,
            "answer": "approved" if approved else "denied",
        }
        self._ctx.append(space_id, ev.INVITE_ANSWER, content)
