"""Invites and join requests, both sides, without any network (docs/PROTOCOL.md, "Invites
and joining"). haven.sync.invites carries these messages over the channel.

    host.py    an admin's invite codes and the join requests that come through them
    guest.py   the request this device made with someone's code, and completing the join
    wire.py    what both sides agree on: ids, channel secrets, the signed fields, answers
    code.py    the invite code itself (words or compact text)
    relay_*.py the relay route: its code, its blobs, and each role's part in it

`InviteService` holds one of each role and names their verbs; the sync layer talks to
`.host` when it offers invites and to `.guest` when it uses a code.
"""

from __future__ import annotations

from haven.core.clock import Clock, now_ms
from haven.core.identity import Identity
from haven.core.spaces.invites.guest import InviteGuest
from haven.core.spaces.invites.host import InviteHost
from haven.core.spaces.invites.relay_guest import RelayInviteGuest
from haven.core.spaces.invites.relay_host import RelayInviteHost
from haven.core.spaces.service import SpaceService
from haven.store.vault import Vault


class InviteService:
    def __init__(
        self, vault: Vault, spaces: SpaceService, identity: Identity, clock: Clock = now_ms
    ) -> None:
        self.host = InviteHost(vault, spaces, clock)
        self.guest = InviteGuest(vault, spaces, identity, clock)
        #: The relay route (relay_host.py / relay_guest.py), on top of the same two roles.
        self.relay_host = RelayInviteHost(vault, spaces, identity, self.host, clock)
        self.relay_guest = RelayInviteGuest(vault, identity, self.guest, clock)
        # host
        self.create = self.host.create
        self.invites = self.host.invites
        self.resolve_invite = self.host.resolve_invite
        self.revoke = self.host.revoke
        self.offered_secrets = self.host.offered_secrets
        self.match = self.host.match
        self.public_info = self.host.public_info
        self.receive_request = self.host.receive_request
        self.status = self.host.status
        self.delivered = self.host.delivered
        self.requests = self.host.requests
        self.resolve_request = self.host.resolve_request
        self.approve = self.host.approve
        self.deny = self.host.deny
        self.set_auto_admit = self.host.set_auto_admit
        self.auto_admit = self.host.auto_admit
        # guest
        self.outgoing = self.guest.outgoing
        self.begin = self.guest.begin
        self.request_fields = self.guest.request_fields
        self.status_fields = self.guest.status_fields
        self.complete = self.guest.complete
        self.abandon = self.guest.abandon
