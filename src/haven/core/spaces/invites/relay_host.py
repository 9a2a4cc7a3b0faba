"""The host's side of relay-route invites: what an admin device publishes on the invite's
mailbox, takes from it, and answers through each guest's reply mailbox (relay_wire.py).

The network is the sync layer's (haven.sync.relay_invites); this module only says, for each
invite that still needs the relay, which mailbox to read and what to write. Requests go
through `InviteHost.receive_request` like channel requests, so the limits, auto-admit,
approval and denial are the same for both routes.
"""

from __future__ import annotations

from dataclasses import dataclass

from haven.core.clock import Clock, now_ms
from haven.core.identity import Identity
from haven.core.spaces.invite_keys import InviteHostKeys
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.host import ANSWER_GRACE_MS, InviteHost, invite_state
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.invites.wire import invite_id_of
from haven.core.spaces.service import SpaceService
from haven.crypto.errors import CryptoError
from haven.errors import NotFound
from haven.store import invites_table as it
from haven.store.spaces import groups as st
from haven.store.vault import Vault

_OFFER_STATE = {
    "active": "open",
    "expired": "open",
    "revoked": "revoked",
    "used up": "used up",
    "void": "void",
}


@dataclass(frozen=True, repr=False)
class RelayJob:
    """One invite whose mailbox an admin device reads at each sync."""

    space_id: bytes
    invite_id: bytes
    secret: bytes
    offer_state: str  # what the published offer should say: open | revoked | used up
    keys: InviteHostKeys  # the invite's host keys, the same on every admin device

    @property
    def mailbox_key(self) -> bytes:
        return rw.request_mailbox_key(self.secret)

    def __repr__(self) -> str:
        return f"RelayJob({self.invite_id.hex()[:8]}, {self.offer_state})"


@dataclass(frozen=True, repr=False)
class OutgoingReply:
    request_id: bytes
    keys: rw.ReplyKeys
    blobs: list[bytes]
    kind: str = "approved"  # approved | denied

    def __repr__(self) -> str:
        return f"OutgoingReply({self.request_id.hex()[:8]}, {len(self.blobs)} part(s))"


def _job_of(row: it.InviteRow, state: str) -> RelayJob:
    assert row.host_seed is not None
    keys = InviteHostKeys.from_seed(row.host_seed)
    return RelayJob(row.space_id, row.invite_id, row.secret, _OFFER_STATE[state], keys)


class RelayInviteHost:
    def __init__(
        self,
        vault: Vault,
        spaces: SpaceService,
        identity: Identity,
        host: InviteHost,
        clock: Clock = now_ms,
    ) -> None:
        self._vault = vault
        self._spaces = spaces
        self._identity = identity
        self._host = host
        self._clock = clock

    def create(
        self, space_id: bytes, relay_url: str, uses: int, ttl_s: int
    ) -> tuple[RelayInviteCode, bytes]:
        """A new invite bound to `relay_url`; → (code, the offer blob to publish first)."""
        secret, _ = self._host.new_invite(space_id, uses, ttl_s, shared=True)
        job = self._job(invite_id_of(secret))
        code = RelayInviteCode(relay_url, job.secret)
        return code, self.offer_blob(job)

    def _job(self, invite_id: bytes) -> RelayJob:
        with self._vault.read() as conn:
            row = it.get_invite(conn, invite_id)
        if row is None or row.host_seed is None:
            raise NotFound("no such relay invite")
        return _job_of(row, invite_state(row, self._clock()))

    def job_for(self, code: RelayInviteCode) -> RelayJob:
        return self._job(invite_id_of(code.secret))

    def expires_s(self, job: RelayJob) -> int:
        with self._vault.read() as conn:
            row = it.get_invite(conn, job.invite_id)
        return row.expires_ms // 1000 if row is not None else 0

    def refreshed(self, job: RelayJob) -> RelayJob:
        """The job with the invite's state as it is now."""
        return self._job(job.invite_id)

    def offer_blob(self, job: RelayJob) -> bytes:
        info = self._spaces.space_info(job.space_id)
        offer = rw.Offer(
            info.name,
            info.description,
            info.guidelines,
            job.keys.box.public,
            job.keys.signing.public,
            job.offer_state,
            self.expires_s(job),
        )
        return rw.seal_offer(job.secret, offer, job.keys.signing)

    def jobs(self) -> list[RelayJob]:
        """Invites whose mailbox still matters: open ones, those with requests waiting or
        answers not yet collected (up to 30 days after expiry), and closed ones until they
        expire (so their mailbox says they are closed)."""
        now = self._clock()
        with self._vault.read() as conn:
            spaces = {r.space_id for r in it.list_invites(conn) if r.host_seed is not None}
        self._spaces.invite_events.refresh(sorted(spaces))
        with self._vault.read() as conn:
            rows = it.list_invites(conn)
            waiting = {q.invite_id for q in it.list_requests(conn) if not q.delivered}
            in_spaces = set(st.group_ids(conn))
        out = []
        for row in rows:
            state = invite_state(row, now)
            if row.space_id not in in_spaces or row.host_seed is None:  # direct invites
                continue
            if (
                state == "active"
                or (row.invite_id in waiting and now < row.expires_ms + ANSWER_GRACE_MS)
                or (state in ("revoked", "used up", "void") and now < row.expires_ms)
            ):
                out.append(_job_of(row, state))
        return out

    def needs_offer(self, job: RelayJob, untrusted_blobs: list[bytes]) -> bool:
        """True if the mailbox does not (or no longer) say what the invite's state is."""
        latest = rw.latest_offer(job.secret, untrusted_blobs)
        return latest is None or latest.state != job.offer_state

    def take_requests(self, job: RelayJob, untrusted_blobs: list[bytes]) -> int:
        """Store the requests sealed to this device; → how many were new."""
        box = job.keys.box
        transcript = rw.binding(job.invite_id, box.public)
        with self._vault.read() as conn:
            before = len(it.list_requests(conn, invite_id=job.invite_id))
        for blob in untrusted_blobs:
            fields = rw.open_request(box, blob)
            if fields is not None:  # malformed or late ones are answered 'invalid': dropped
                self._host.receive_request(job.invite_id, fields, transcript)
        with self._vault.read() as conn:
            return len(it.list_requests(conn, invite_id=job.invite_id)) - before

    def replies(self, job: RelayJob) -> list[OutgoingReply]:
        """Answers this device holds for the invite's guests and has not seen collected. None
        for a void invite: its guests take no answer any more (a former admin could forge
        one), and its mailbox says so."""
        if job.offer_state == "void":
            return []
        box = job.keys.box
        with self._vault.read() as conn:
            rows = it.list_requests(conn, invite_id=job.invite_id)
        out = []
        for row in rows:
            if row.delivered or row.status == "pending":
                continue
            if row.status == "approved" and row.welcome is None:
                continue
            try:
                keys = rw.reply_keys(box, row.box_pk)
            except CryptoError:
                continue
            blobs = rw.seal_reply(keys, row.status, row.welcome)
            out.append(OutgoingReply(row.request_id, keys, blobs, row.status))
        return out

    def collected(self, reply: OutgoingReply, untrusted_blobs: list[bytes]) -> bool:
        """True (and the answer forgotten) once the guest said it has the reply."""
        if not rw.received(reply.keys, untrusted_blobs):
            return False
        self._host.delivered(reply.request_id)
        return True

    @staticmethod
    def reply_present(reply: OutgoingReply, untrusted_blobs: list[bytes]) -> bool:
        """True if the guest's mailbox already holds a whole reply that says as much as this
        one: any reply for a denial; an approval for an approval (another admin's denial
        there, given at the same moment, does not stop this device's welcome)."""
        found = rw.open_reply(reply.keys, untrusted_blobs)
        return found is not None and (found.kind == "approved" or reply.kind == "denied")
