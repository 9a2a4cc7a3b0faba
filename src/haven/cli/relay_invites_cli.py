"""Relay-route invites on the command line: `haven space invite SPACE` without `--address`,
`haven space join hvr2.…`, and the part of `haven sync` that carries requests and answers
(docs/PROTOCOL.md, "Invites through a relay"). Printing only; the work is in
haven.sync.relay_invites."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from haven.cli import output
from haven.cli.relays_cli import run_relay_sync
from haven.core.relay_urls import check_relay_url
from haven.core.session import Session
from haven.core.spaces.invites import invite_id_of, parse_duration
from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.invites.relay_wire import Offer
from haven.core.spaces.invites.short_code import ShortCode, looks_short
from haven.errors import InvalidInput, SyncError
from haven.relay.client import RelayError
from haven.sync import relay_invites as ri
from haven.sync import short_invites as si
from haven.sync.relay_sync import sync_relays

SHORT = 8
#: Where a request stands, as both sides' screens say it.
_WAITING = "waiting for an admin"
_APPROVED = "approved — fetching the space"


def invite_through_relay(args: argparse.Namespace, session: Session) -> int:
    sid = session.spaces.resolve_space(args.space)
    relays = session.relays.urls(sid)
    if args.relay is not None:
        url = check_relay_url(args.relay)
        if url not in relays:
            raise InvalidInput(
                "that relay is not one of this space's relays; add it first with "
                "`haven space relays SPACE --add URL`"
            )
    elif relays:
        url = relays[0]
    else:
        raise InvalidInput(
            "this space has no relay: give --address HOST:PORT for a direct invite, or add a "
            "relay with `haven space relays SPACE --add URL`"
        )
    svc = session.invites
    code, offer = svc.relay_host.create(sid, url, args.uses, parse_duration(args.expires))
    invite_id = invite_id_of(code.secret)
    try:
        ri.run(ri.publish_offer(url, code.secret, offer, proxy=session.proxy.url()))
    except RelayError as exc:
        svc.revoke(sid, invite_id)
        raise SyncError(f"could not reach the relay ({exc.code}); no invite was made") from None
    _tell_other_admins(session, url)
    expires_ms = next(i.expires_ms for i in svc.invites(sid) if i.invite_id == invite_id)
    if args.short:
        return _hand_over_short(session, sid, code, parse_duration(args.wait))
    if args.json:
        output.print_json(
            {
                "id": invite_id.hex(),
                "code": code.encode_compact(),
                "relay": url,
                "expires_ms": expires_ms,
                "uses": args.uses,
            }
        )
        return 0
    print(
        f"invite {invite_id.hex()[:SHORT]}: {args.uses} use(s), expires "
        f"{output.local_time(expires_ms)}, through {url}"
    )
    print(f"code: {code.encode_compact()}")
    print(
        "You can go offline: requests wait on the relay, and any sync of yours "
        "(`haven sync`) picks them up."
    )
    return 0


def _tell_other_admins(session: Session, url: str) -> None:
    """Send the space's new events (the invite, its keys sealed to every admin device) to the
    relay now, so that another admin device can answer while this one is offline."""
    reports = sync_relays(session, url)
    if any(r.error is not None for r in reports):
        output.warn(
            "the invite works, but your other admin devices hear of it only at your next "
            "`haven sync`"
        )


def _hand_over_short(session: Session, sid: bytes, code: RelayInviteCode, wait_s: int) -> int:
    """Say a short code aloud; hand the invite over when they type it (both online)."""

    def show(short: ShortCode) -> None:
        print(f"short code: {short.text}")
        print(
            f"Read it to them now; they type `haven space join {short.text} --relay "
            f"{code.relay_url}`. Waiting up to {wait_s // 60} minute(s)…",
            flush=True,
        )

    outcome = ri.run(si.async_host(code, show, wait_s=wait_s, proxy=session.proxy.url()))
    if outcome == "delivered":
        print("They have the invite; their request waits on the relay. You can go offline.")
        return 0
    session.invites.revoke(sid, invite_id_of(code.secret))  # never handed over: withdraw it
    if outcome == "wrong code":
        raise InvalidInput(
            "the code they typed did not match; nothing was given away and that code is "
            "spent. Make a new one."
        )
    raise InvalidInput("nobody typed the code in time; make a new one when they are ready")


def _from_short(args: argparse.Namespace, session: Session) -> RelayInviteCode:
    short = ShortCode.parse(" ".join(args.code))
    if args.relay is not None:
        url = check_relay_url(args.relay)
    else:
        known = session.relays.urls(session.journal.space_id)
        if len(known) != 1:
            raise InvalidInput(
                "say which relay with --relay URL (the person inviting you sees it next to "
                "the code)"
            )
        url = known[0]
    return ri.run(si.async_guest(short, url, proxy=session.proxy.url()))


def join_through_relay(
    args: argparse.Namespace, session: Session, accepts: Callable[[str, str, str, bool], bool]
) -> int:
    text = " ".join(args.code)
    code = _from_short(args, session) if looks_short(text) else RelayInviteCode.decode(text)
    svc = session.invites
    if svc.outgoing(code) is not None or args.status:
        if svc.outgoing(code) is None:
            raise InvalidInput("this device has not asked to join with that code")
        settled = settle(session, code, ri.run(ri.async_status(session, code)), raise_final=True)
        if settled.space_id is not None:
            try:
                run_relay_sync(session, code.relay_url)
            except SyncError as exc:
                output.warn(f"joined, but the first sync failed ({exc}); run `haven sync` later")
        return 0

    def accept(offer: Offer) -> bool:
        return accepts(offer.name, offer.description, offer.guidelines, args.accept_guidelines)

    primary = session.identity.primary()
    status = ri.run(
        ri.async_request(
            session,
            code,
            accept,
            args.name or primary.display_name,
            primary.pronouns if args.pronouns is None else args.pronouns,
        )
    )
    print(f"request sent; {_WAITING} of {output.clean(status.space_name)}")
    print("You can go offline: `haven sync` collects the answer.")
    return 0


def settle(
    session: Session, code: RelayInviteCode, status: ri.GuestStatus, *, raise_final: bool
) -> ri.Settled:
    """Print where a request stands and act on a final answer."""
    settled = ri.run(ri.async_settle(session, code, status))
    lines = describe_settled(settled)
    if settled.kind in ("waiting", "approved") or not settled.final:
        print("\n".join(lines))
        return settled
    if raise_final:
        raise InvalidInput(lines[0])
    print(lines[0], file=sys.stderr)
    return settled


def describe_settled(settled: ri.Settled) -> list[str]:
    """Where a request of this device stands, as `haven sync` and `haven serve` say it."""
    name = output.clean(settled.space_name) or "the space"
    if settled.kind == "waiting":
        return [f"{name}: {_WAITING}"]
    if settled.kind == "approved":
        assert settled.space_id is not None
        return [f"{name}: {_APPROVED}", f"joined {name} ({settled.space_id.hex()[:12]})"]
    if not settled.final:
        until = time.strftime("%Y-%m-%d %H:%M", time.localtime(settled.final_at_ms / 1000))
        return [
            f"{name}: declined for now: an admin turned your request down. If another admin "
            f"lets you in meanwhile, `haven sync` still brings the space; the request is "
            f"kept until {until}"
        ]
    reason = {
        "denied": "declined: an admin turned your request down",
        "expired": "expired: nobody answered before the code ran out; ask for a new one",
        "revoked": "the invite was withdrawn; ask for a new one",
        "used up": "the invite was used up before your request was answered; ask for a new one",
        "void": ri.VOID_TEXT,
    }[settled.kind]
    return [f"{name}: {reason} (the keys made for the request were deleted)"]


def guest_pass(session: Session) -> bool:
    """The relay-invite part of `haven sync` before the relay rounds: answers for this
    device's requests (a space joined now is synced in the same run). → whether a request
    of this device was waiting for its answer."""
    waiting = session.invites.relay_guest.waiting()
    for code in waiting:
        if session.invites.outgoing(code) is None:  # answered some other way meanwhile
            session.invites.relay_guest.forget(code)
            continue
        try:
            status = ri.run(ri.async_status(session, code))
        except (RelayError, InvalidInput) as exc:
            print(f"invite through {code.relay_url}: not checked ({exc})", file=sys.stderr)
            continue
        settle(session, code, status, raise_final=False)
    return bool(waiting)


def host_pass(session: Session) -> None:
    """The relay-invite part of `haven sync` after the relay rounds (which bring invites and
    answers other admin devices made): the requests and answers of every invite this device
    administers."""
    report = ri.run(ri.async_host_pass(session))
    if report.new_requests or report.replies_sent:
        print(
            f"invites: {report.new_requests} new join request(s), "
            f"{report.replies_sent} answer(s) sent through the relay"
        )
    for url in report.unreachable:
        print(f"invites: could not reach {url}; requests wait there", file=sys.stderr)
