"""A removed admin's best moves with the relay invite keys they kept, through a real
`haven-relay` on 127.0.0.1 and real relay sync (the one subprocess is the relay; the people
are in-process sessions on real vaults). Ari (owner) and Dee (admin) share a space; Ari
invites; Bea asks; Dee's modified client keeps the invite's keys; Ari removes Dee. Dee then
signs a fresh "open" offer and a forged approval for Bea: Cal, asking later, is refused and
seals nothing to Dee's keys; Bea's next run takes no answer; Ari is told to share new codes.
The in-process variants are tests/unit/spaces/test_invite_void.py."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.relay_host import RelayJob
from haven.core.spaces.model import Role
from haven.relay.client import RelayClient
from haven.sync import relay_invites as ri
from haven.sync.invite_background import async_invite_pass
from haven.sync.relay_sync import sync_relays
from tests.helpers import new_session
from tests.integration.relay_sync_support import Relay
from tests.space_helpers import join as join_in_process


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()


async def _mailbox(url: str, key: bytes, add: list[bytes] | None = None) -> list[bytes]:
    async with await RelayClient.connect(url, key) as client:
        if add:
            await client.append_many(add)
        return [blob for _, blob in await client.fetch_all()]


def mailbox(url: str, key: bytes, add: list[bytes] | None = None) -> list[bytes]:
    return asyncio.run(_mailbox(url, key, add))


def forge(kept: RelayJob, url: str) -> int:
    """Dee's modified client: an "open" offer, and an approval for every request it reads."""
    offer = rw.Offer(
        "Circle", "", "", kept.keys.box.public, kept.keys.signing.public, "open", 2**31
    )
    mailbox(url, kept.mailbox_key, [rw.seal_offer(kept.secret, offer, kept.keys.signing)])
    forged = 0
    for blob in mailbox(url, kept.mailbox_key):
        fields = rw.open_request(kept.keys.box, blob)
        if fields is not None:
            keys = rw.reply_keys(kept.keys.box, fields[1])
            mailbox(url, keys.mailbox_key, rw.seal_reply(keys, "approved", b"Dee's own space"))
            forged += 1
    return forged


def test_a_removed_admins_kept_invite_keys_get_them_nothing_through_the_relay(
    tmp_path: Path, relay: Relay
) -> None:
    people = [new_session(tmp_path / n, n.capitalize()) for n in ("ari", "dee", "bea", "cal")]
    ari, dee, bea, cal = people
    sid = ari.spaces.create_space("Circle", "a support circle", [], display_name="Ari")
    ari.relays.add_relay(sid, relay.url)
    dee_pk = join_in_process(ari, dee, sid, "Dee")
    ari.spaces.set_role(sid, dee_pk, Role.ADMIN)
    code, offer = ari.invites.relay_host.create(sid, relay.url, 5, 3600)
    asyncio.run(ri.publish_offer(code.relay_url, code.secret, offer, proxy=None))
    sync_relays(ari)
    assert ri.run(ri.async_request(bea, code, lambda _: True, "Bea", "")).kind == "waiting"
    sync_relays(dee)
    assert ri.run(ri.async_host_pass(dee)).new_requests == 1
    [kept] = dee.invites.relay_host.jobs()  # what the modified client keeps
    # Ari removes Dee; her next sync says "void" on the invite's mailbox.
    ari.spaces.remove_member(sid, dee_pk)
    sync_relays(ari)
    ri.run(ri.async_host_pass(ari))
    assert [w.kind for w in ari.spaces.warnings(sid)] == ["invites"]
    assert ari.invites.requests(sid) == []  # Bea's request is not taken through it
    assert forge(kept, relay.url) == 1  # Dee read Bea's request and "approved" it
    # Cal, given the code later, is refused and leaves nothing for Dee's keys to read.
    before = len(mailbox(relay.url, kept.mailbox_key))
    with pytest.raises(ri.InviteRefused, match="an admin who held it is no longer an admin"):
        ri.run(ri.async_request(cal, code, lambda _: True, "Cal", ""))
    assert len(mailbox(relay.url, kept.mailbox_key)) == before
    # Bea's next run takes no answer through the void invite, not even Dee's approval.
    done = ri.run(async_invite_pass(bea))
    assert [(s.kind, s.space_id) for s in done.settled] == [("void", None)]
    assert bea.spaces.list_spaces() == [] and bea.invites.relay_guest.waiting() == []
    for s in people:
        s.lock()
