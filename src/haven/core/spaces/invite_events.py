"""The space events that let every admin device run a relay invite (docs/PROTOCOL.md, "Every
admin device"): an invite's keys sealed to the admin devices, its revocation, and each answer
to a request. The rules that apply them are in rules/invites.py; the invite flow itself is
in invites/ (host.py writes these through `session.spaces.invite_events`).

`heal` is how an invite reaches admins who came after it, the way key healing shares an
epoch key with devices that missed it: after any commit touching a space, an admin device
that holds an open relay invite seals its keys, in one more `space.invite` for the same
invite, to the admin devices no `space.invite` of it was sealed to yet (a member made
admin, an admin's newly linked device), with the answers given so far. Idempotent (the
recipients are a projection of those events, so the next pass finds nobody missing) and
bounded (one event per open invite per newcomer set). A device whose persona is no longer
an admin forgets the invite keys it held; none is ever sealed to it again."""

from __future__ import annotations

import logging

from haven.core.eventlog import Draft
from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.invite_keys import invite_id_of, seal_invite_keys
from haven.core.spaces.model import Role
from haven.core.spaces.rules.invites import MAX_ANSWERS
from haven.store import invites_table as it
from haven.store.spaces import membership as membership_db
from haven.store.vault import Connection

log = logging.getLogger(__name__)
_ADMINS = [r.value for r in Role if r.rank >= Role.ADMIN.rank]


class InviteEvents:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx
        self._healing = False
        self._sealed: dict[bytes, set[bytes]] = {}  # invite id → devices sealed to here

    def refresh(self, space_ids: list[bytes]) -> None:
        """Bring these spaces' projections up to date before invites are read from them
        (defensive: in a sync round the recompute a removal needs may wait for the round's
        end, and an invite it voids should not be offered as open meanwhile; no test
        catches that interleaving)."""
        for space_id in space_ids:
            self._ctx.refresh(space_id)

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

    def heal(self, space_id: bytes) -> int:
        """Seal this device's open relay invites to admin devices that lack them, or forget
        them if this persona is no longer an admin. → how many invites were sealed again."""
        now = self._ctx.clock()
        drafts = []
        with self._ctx.fresh(space_id) as conn:
            held = [r for r in it.list_invites(conn, space_id) if r.host_seed is not None]
            if not held:
                return 0
            me = self._ctx.me(conn, space_id)
            admins = membership_db.active_box_keys(conn, space_id, _ADMINS)
            forget = me is None or me.status != "active" or me.role not in _ADMINS
            for row in [] if forget else held:
                if row.revoked or row.uses >= row.max_uses or now >= row.expires_ms:
                    continue  # closed: nobody new needs it
                missing = admins - it.recipients(conn, space_id, row.invite_id)
                # Never the same seal twice from this session, even if its event were
                # refused: a refused event must not come back after every commit.
                missing -= self._sealed.get(row.invite_id, set())
                if missing:
                    self._sealed.setdefault(row.invite_id, set()).update(missing)
                    drafts.append(self._reseal(conn, row, missing))
        if forget:
            with self._ctx.vault.transaction() as conn:
                it.forget_invites(conn, space_id)
            return 0
        if drafts:
            self._ctx.append_many(space_id, drafts)
        return len(drafts)

    def _reseal(self, conn: Connection, row: it.InviteRow, missing: set[bytes]) -> Draft:
        assert row.host_seed is not None
        decided = [q for q in it.list_requests(conn, invite_id=row.invite_id) if q.decided_ms]
        decided.sort(key=lambda q: q.status != "approved")  # every approval fits first
        answered = [[q.persona_pk, q.status] for q in decided if q.status != "pending"]
        content = {
            "invite": row.invite_id,
            "uses": row.max_uses,
            "expires": row.expires_ms // 1000,
            "keys": seal_invite_keys(missing, row.space_id, row.secret, row.host_seed),
            "answered": answered[:MAX_ANSWERS],
        }
        return Draft(ev.INVITE, content)

    def heal_quietly(self, space_id: bytes) -> None:
        if self._healing:
            return
        self._healing = True
        try:
            self.heal(space_id)
        except Exception:  # a commit already happened; the next one tries again
            log.exception("sealing invites to new admin devices failed")
        finally:
            self._healing = False
