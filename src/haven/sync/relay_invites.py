"""Relay-route invites over the network (docs/PROTOCOL.md, "Invites through a relay"): the
host and the guest are never online together; each reads and writes the invite's mailboxes
on the relay the code names when it runs (`haven space invite`, `haven space join`, and
then every `haven sync`).

Host, at each sync, for every invite that still needs it (RelayInviteHost.jobs), on every
relay of the space: read the request mailbox and store the requests sealed to this device;
(re)publish the offer if the mailbox does not say the invite's state (a relay that lost it);
for each answer not yet collected, read the guest's reply mailbox and write the reply unless
it is there already, or forget the answer once the guest said it has it.

Guest: read the offer, leave a sealed request; later read the reply mailbox. While no reply
has come and the invite is open, each check leaves the request again (the host keeps one per
persona, so a relay that lost or replays it changes nothing but delay).
"""

from __future__ import annotations

import asyncio
import logging
import ssl as ssl_module
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from haven.core.session import Session
from haven.core.spaces.invites import relay_wire as rw
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.invites.relay_host import RelayJob
from haven.errors import InvalidInput
from haven.relay.client import RelayClient, RelayError
from haven.sync.relay_sync import proxy_of, within

log = logging.getLogger(__name__)

TIMEOUT = 10.0
T = TypeVar("T")


VOID_TEXT = (
    "this invite stopped working because an admin who held it is no longer an admin of the "
    "space; it is not about you: ask an admin of the space for a new invite"
)


class InviteRefused(InvalidInput):
    """The invite cannot be used: closed, unknown to the relay, or the guidelines declined."""


class InviteVoid(InviteRefused):
    """The invite is void: an admin who held its keys is no longer one (VOID_TEXT)."""


@dataclass(frozen=True, repr=False)
class GuestStatus:
    #: waiting | approved | denied | revoked | used up | expired | void
    kind: str
    space_name: str = ""
    welcome: bytes | None = None
    keys: rw.ReplyKeys | None = None  # of the reply mailbox, to say the reply arrived
    expires_s: int = 0  # the invite's expiry, as its signed offer says

    def __repr__(self) -> str:
        return f"GuestStatus({self.kind})"


@dataclass(frozen=True)
class Settled:
    """What became of a request once its status was acted on."""

    kind: str  # as GuestStatus.kind
    space_name: str
    space_id: bytes | None = None  # set when the device joined
    #: False for a denial that is not final yet: another admin may have approved at the
    #: same moment; the request's keys stay until `final_at_ms` (this device's clock).
    final: bool = True
    final_at_ms: int = 0
    #: False for such a denial already reported by an earlier pass.
    news: bool = True


@dataclass
class HostReport:
    new_requests: int = 0
    replies_sent: int = 0
    collected: int = 0
    unreachable: list[str] = field(default_factory=list)


async def _read(client: RelayClient, timeout: float) -> list[bytes]:
    return [blob for _, blob in await within(client.fetch_all(), timeout)]


async def _open(
    url: str, key: bytes, ssl: ssl_module.SSLContext | None, timeout: float, proxy: str | None
) -> RelayClient:
    return await RelayClient.connect(url, key, ssl=ssl, timeout=timeout, proxy=proxy)


# --------------------------------------------------------------------------------- host


async def publish_offer(
    url: str,
    secret: bytes,
    blob: bytes,
    *,
    proxy: str | None,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> None:
    """Leave one blob on an invite's request mailbox (the host's offer, a guest's request)."""
    async with await _open(url, rw.request_mailbox_key(secret), ssl, timeout, proxy) as client:
        await within(client.append(blob), timeout)


async def async_host_pass(
    session: Session, *, ssl: ssl_module.SSLContext | None = None, timeout: float = TIMEOUT
) -> HostReport:
    report = HostReport()
    host = session.invites.relay_host
    proxy = await proxy_of(session)
    for job in await asyncio.to_thread(host.jobs):
        for url in await asyncio.to_thread(session.relays.urls, job.space_id):
            try:
                await _host_job(session, job, url, report, (ssl, timeout, proxy))
            except RelayError as exc:
                log.info("relay invite pass failed: %s", exc.code)
                if url not in report.unreachable:
                    report.unreachable.append(url)
    return report


async def _host_job(
    session: Session,
    job: RelayJob,
    url: str,
    report: HostReport,
    route: tuple[ssl_module.SSLContext | None, float, str | None],
) -> None:
    host = session.invites.relay_host
    timeout = route[1]
    async with await _open(url, job.mailbox_key, *route) as client:
        blobs = await _read(client, timeout)
        report.new_requests += await asyncio.to_thread(host.take_requests, job, blobs)
    # Replies before the offer: a guest reads the offer first and then its reply mailbox,
    # so one that sees "used up" after its own approval finds the welcome already there.
    for reply in await asyncio.to_thread(host.replies, job):
        async with await _open(url, reply.keys.mailbox_key, *route) as client:
            replies = await _read(client, timeout)
            if await asyncio.to_thread(host.collected, reply, replies):
                report.collected += 1
            elif not host.reply_present(reply, replies):
                await within(client.append_many(reply.blobs), timeout)
                report.replies_sent += 1
    job = await asyncio.to_thread(host.refreshed, job)  # approvals may have used it up
    if host.needs_offer(job, blobs):
        offer = await asyncio.to_thread(host.offer_blob, job)
        async with await _open(url, job.mailbox_key, *route) as client:
            await within(client.append(offer), timeout)


# -------------------------------------------------------------------------------- guest


async def _offer(
    code: RelayInviteCode, ssl: ssl_module.SSLContext | None, timeout: float, proxy: str | None
) -> rw.Offer | None:
    key = rw.request_mailbox_key(code.secret)
    async with await _open(code.relay_url, key, ssl, timeout, proxy) as c:
        return rw.latest_offer(code.secret, await _read(c, timeout))


async def async_read_offer(
    code: RelayInviteCode,
    *,
    proxy: str | None,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> rw.Offer:
    """What the host published for this code (the app shows it before asking). Refused:
    no offer on the relay, or the invite is closed. `proxy`: the vault's (session.proxy)."""
    offer = await _offer(code, ssl, timeout, proxy)
    if offer is None:
        raise InviteRefused(
            "the relay holds no invite for this code (it may never have been published, "
            "or the relay lost it); ask the person who invited you"
        )
    if offer.state == "void":
        raise InviteVoid(VOID_TEXT)
    if offer.state != "open":
        raise InviteRefused(f"this invite was {offer.state}; ask for a new one")
    if offer.expired():
        raise InviteRefused("the invite code has expired; ask for a new one")
    return offer


async def _leave_request(
    code: RelayInviteCode,
    blob: bytes,
    ssl: ssl_module.SSLContext | None,
    timeout: float,
    proxy: str | None,
) -> None:
    await publish_offer(code.relay_url, code.secret, blob, proxy=proxy, ssl=ssl, timeout=timeout)


async def async_request(
    session: Session,
    code: RelayInviteCode,
    accept: Callable[[rw.Offer], bool],
    display_name: str,
    pronouns: str,
    *,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> GuestStatus:
    """Read the offer, let the person accept the guidelines, leave the sealed request."""
    proxy = await proxy_of(session)
    offer = await async_read_offer(code, proxy=proxy, ssl=ssl, timeout=timeout)
    if not accept(offer):
        raise InviteRefused("you did not accept the guidelines; no request was sent")
    svc = session.invites
    request = await asyncio.to_thread(svc.begin, code, offer.name, display_name, pronouns)
    try:
        blob = await asyncio.to_thread(svc.relay_guest.request_blob, code, offer, request)
        await _leave_request(code, blob, ssl, timeout, proxy)
    except BaseException:
        await asyncio.to_thread(svc.abandon, code)
        raise
    await asyncio.to_thread(svc.relay_guest.remember, code)
    return GuestStatus("waiting", offer.name)


async def async_status(
    session: Session,
    code: RelayInviteCode,
    *,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> GuestStatus:
    """Where this device's request stands. Reads only; the caller completes or abandons."""
    guest = session.invites.relay_guest
    found = await asyncio.to_thread(session.invites.outgoing, code)
    name = found[1] if found else ""
    proxy = await proxy_of(session)
    offer = await _offer(code, ssl, timeout, proxy)
    if offer is None:  # the relay lost the offer: the host puts it back at its next sync
        return GuestStatus("waiting", name)
    if offer.state == "void":  # any approval may be a former admin's forgery: take none
        return GuestStatus("void", name or offer.name)
    keys = await asyncio.to_thread(guest.reply_keys, code, offer)
    async with await _open(code.relay_url, keys.mailbox_key, ssl, timeout, proxy) as client:
        reply = rw.open_reply(keys, await _read(client, timeout))
    if reply is not None and reply.kind == "denied" and offer.state == "revoked":
        return GuestStatus("revoked", name or offer.name, None, keys)  # nobody can approve now
    if reply is not None:
        return GuestStatus(reply.kind, name or offer.name, reply.welcome, keys, offer.expires_s)
    if offer.state != "open":
        return GuestStatus(offer.state, name or offer.name)
    if offer.expired():
        return GuestStatus("expired", name or offer.name)
    await _leave_request(
        code, await asyncio.to_thread(guest.resend_blob, code, offer), ssl, timeout, proxy
    )
    return GuestStatus("waiting", name or offer.name)


async def async_settle(
    session: Session,
    code: RelayInviteCode,
    status: GuestStatus,
    *,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> Settled:
    """Act on a final status: join with the welcome, or delete the keys made for the request;
    then say so to the host (so it forgets the answer) and forget the code.

    A denial is not final at once: two admins may have answered at the same moment, one
    declining and one approving, and approval wins. Until `denial_final_at` the keys stay,
    the code stays waiting and nothing is said to the hosts (a `received` note would make
    the approving device drop its welcome unsent); an approval read meanwhile joins."""
    svc = session.invites
    settled = Settled(status.kind, status.space_name)
    if status.kind == "waiting":
        return settled
    if status.kind == "denied":
        final_at, first = await asyncio.to_thread(
            svc.relay_guest.denial_final_at, code, status.expires_s
        )
        if svc.relay_guest.now_ms() < final_at:
            return Settled("denied", status.space_name, None, False, final_at, first)
    if status.kind == "approved":
        assert status.welcome is not None
        space_id = await asyncio.to_thread(svc.complete, code, status.welcome)
        settled = Settled("approved", status.space_name, space_id)
    else:
        await asyncio.to_thread(svc.abandon, code)
    await asyncio.to_thread(svc.relay_guest.forget, code)
    if status.keys is not None:
        proxy = await proxy_of(session)
        try:  # best effort: otherwise the host keeps the answer until 30 days after expiry
            key = status.keys.mailbox_key
            async with await _open(code.relay_url, key, ssl, timeout, proxy) as c:
                await within(c.append(rw.seal_received(status.keys)), timeout)
        except RelayError as exc:
            log.info("could not tell the host the reply arrived: %s", exc.code)
    return settled


def run(coro: Coroutine[Any, Any, T]) -> T:
    """For the CLI: one of the coroutines above, to completion."""
    return asyncio.run(coro)
