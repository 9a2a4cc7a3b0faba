"""`haven device link|list|unlink` and `haven init --link CODE`: one persona and journal on
several computers (docs/PROTOCOL.md §4)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from haven.cli.cmd_relays import proxy_argument
from haven.cli.context import Context
from haven.cli.output import and_list
from haven.core import session as sessions
from haven.core.relay_urls import check_relay_url
from haven.core.session import Session
from haven.core.spaces.invites.short_code import ShortCode, ShortCodeError, looks_short
from haven.errors import InvalidInput, SyncError, VaultExists
from haven.relay.client import RelayError
from haven.sync import short_invites as si
from haven.sync.addresses import lan_address
from haven.sync.pairing import (
    DEFAULT_TTL_S,
    PairingCode,
    async_accept_link,
    async_offer_link,
)


def register(subparsers: Any) -> None:
    device = subparsers.add_parser("device", help="link, list and unlink your devices")
    sub = device.add_subparsers(dest="device_command", metavar="ACTION", required=True)

    link = sub.add_parser(
        "link",
        help="show a one-time code to link another computer, and wait for it",
        description="Listens for your other computer and shows a one-time pairing code. On "
        "the other computer run `haven init --link CODE`. Both show four words: link only if "
        "they are the same on both screens.",
    )
    link.add_argument(
        "--host", default="0.0.0.0", help="address to listen on (default: every interface)"
    )
    link.add_argument(
        "--advertise",
        metavar="HOST",
        help="address the other computer should connect to (default: this "
        "computer's local-network address; 127.0.0.1 when --host is)",
    )
    link.add_argument("--port", type=int, default=0, help="port (default: any free port)")
    link.add_argument(
        "--short",
        action="store_true",
        help="also say a short code (7-purple-sausages) to type on the other computer, "
        "handed over through a relay with a PAKE",
    )
    link.add_argument(
        "--relay",
        metavar="URL",
        help="the relay for --short (default: the first relay of your spaces)",
    )
    link.add_argument(
        "--expires",
        type=int,
        default=DEFAULT_TTL_S // 60,
        metavar="MINUTES",
        help="minutes the code stays valid (default %(default)s)",
    )
    link.set_defaults(handler=cmd_link)

    listing = sub.add_parser("list", help="list the devices linked to your journal")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_list)

    unlink = sub.add_parser(
        "unlink",
        help="unlink a device; it cannot read anything written afterwards",
        description="Unlinks a device and moves your journal to a new key that the unlinked "
        "device never receives. Its signing key is revoked: what it writes afterwards, and "
        "any device it tries to add, count for nothing on your other devices. What it "
        "already holds stays on it.",
    )
    unlink.add_argument("id", help="the device id (or the start of it) from `device list`")
    unlink.add_argument(
        "--anyway",
        action="store_true",
        help="unlink even though another device has not synced here since it was updated "
        "(it will then have to be linked again)",
    )
    unlink.set_defaults(handler=cmd_unlink)


async def ask_words(words: list[str]) -> bool:
    """Show the verification words and wait for the person's answer on stdin."""
    print(f"Verification words: {' '.join(words)}", flush=True)
    print("Do exactly these words show on the other device? [y/N] ", end="", flush=True)
    answer = await asyncio.to_thread(sys.stdin.readline)
    return answer.strip().lower() in ("y", "yes")


def cmd_link(args: argparse.Namespace, ctx: Context) -> int:
    if not 1 <= args.expires <= 60:
        raise InvalidInput("a pairing code lasts from 1 to 60 minutes")
    session = ctx.open()
    advertise = args.advertise or (
        args.host if args.host not in ("0.0.0.0", "::") else lan_address() or "127.0.0.1"
    )

    relay = _short_relay(args, session) if args.short else None
    proxy = session.proxy.url()
    failed: list[str] = []

    def on_code(code: PairingCode) -> None:
        print(f"Pairing code (one use, valid {args.expires} min):", flush=True)
        print(code.encode(), flush=True)
        print(f"On your other computer run:  haven init --link {code.encode()}", flush=True)
        if relay is not None:
            main = asyncio.current_task()
            assert main is not None
            hand_over = _hand_over_short(relay, code, args.expires * 60, main, failed, proxy)
            _background.add(asyncio.get_running_loop().create_task(hand_over))
        print("Waiting for it…", flush=True)

    try:
        outcome = asyncio.run(
            async_offer_link(
                session,
                listen_host=args.host,
                advertise_host=advertise,
                port=args.port,
                confirm=ask_words,
                on_code=on_code,
                ttl_s=args.expires * 60,
            )
        )
    except asyncio.CancelledError:
        raise InvalidInput(failed[0] if failed else "linking stopped") from None
    print(f"Linked {outcome.label or 'the new device'}.")
    if outcome.first_sync is not None:
        sent = sum(s.sent for s in outcome.first_sync.spaces)
        print(f"First sync done: sent {sent} {'event' if sent == 1 else 'events'}.")
    else:
        print("The first sync has not happened yet; run `haven sync` on either device.")
    return 0


#: Tasks started from `on_code`, kept until they end (the loop holds only weak references).
_background: set[asyncio.Task[None]] = set()


def _short_relay(args: argparse.Namespace, session: Session) -> str:
    if args.relay is not None:
        return check_relay_url(args.relay)
    known = [u for sid in session.relays.spaces_using() for u in session.relays.urls(sid)]
    if not known:
        raise InvalidInput("--short needs a relay: give --relay URL")
    return known[0]


async def _hand_over_short(
    relay: str,
    code: PairingCode,
    wait_s: float,
    main: asyncio.Task[Any],
    failed: list[str],
    proxy: str | None,
) -> None:
    """Say a short code; whoever types it gets the pairing code through the relay (the
    words on both screens still decide whether to link). A wrong code stops the linking."""

    def show(short: ShortCode) -> None:
        print(f"Short code: {short.text}", flush=True)
        print(
            f"Or run there:  haven init --link {short.text} --relay {relay}",
            flush=True,
        )

    try:
        outcome = await si.async_host_text(
            relay, code.encode(), show, wait_s=wait_s, proxy=proxy, purpose="link"
        )
    except (RelayError, ShortCodeError, SyncError) as exc:
        print(
            f"the short code could not be used ({exc}); the long code still works", file=sys.stderr
        )
        return
    if outcome == "wrong code":
        failed.append(
            "the short code typed on the other computer did not match; nothing was given "
            "away and that code is spent. Run `haven device link` again."
        )
        main.cancel()


def cmd_init_link(args: argparse.Namespace, ctx: Context) -> int:
    """`haven init --link CODE`: make this computer a linked device."""
    if sessions.exists(ctx.data_dir):
        raise VaultExists(f"a vault already exists in {ctx.data_dir}; nothing was changed")
    proxy = proxy_argument(args)
    if looks_short(args.link):  # spoken: fetch the pairing code through the relay, with a PAKE
        if args.relay is None:
            raise InvalidInput("a short code needs --relay URL (shown next to it)")
        short = ShortCode.parse(args.link)
        relay = check_relay_url(args.relay)
        text = asyncio.run(si.async_guest_text(short, relay, proxy=proxy, purpose="link"))
        code = PairingCode.decode(text)
    else:
        code = PairingCode.decode(args.link)  # mistyped or expired: said before anything else
    passphrase = ctx.new_passphrase([])
    session, report = asyncio.run(
        async_accept_link(
            code, ctx.data_dir, passphrase, confirm=ask_words, label=args.device_name or ""
        )
    )
    try:
        if proxy is not None:
            session.proxy.set(proxy)
        print(
            f"Linked. This computer now holds {session.identity.primary().display_name}'s journal."
        )
        if report is not None:
            received = sum(s.accepted for s in report.spaces)
            print(f"First sync done: received {received} events.")
    finally:
        session.lock()
    return 0


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    devices = ctx.open().devices.list()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": d.device_id.hex(),
                        "name": d.label,
                        "this_device": d.this_device,
                        "unlinked": d.unlinked,
                        "linked_ms": d.linked_ms,
                    }
                    for d in devices
                ],
                indent=2,
            )
        )
        return 0
    for d in devices:
        state = " (this device)" if d.this_device else " (unlinked)" if d.unlinked else ""
        print(f"{d.device_id.hex()[:12]}  {d.label or 'unnamed device'}{state}")
    return 0


def cmd_unlink(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    device_id = session.devices.resolve(args.id)
    behind = session.devices.without_key(besides=device_id)
    if behind and not args.anyway:
        names = and_list([d.label or d.device_id.hex()[:12] for d in behind])
        verb = "has" if len(behind) == 1 else "have"
        raise InvalidInput(
            f"{names} {verb} not synced with this device since the update to device keys, so "
            "this device has not seen its key: after this unlink it would have to be linked "
            "again. Sync it with this device first, or unlink with --anyway."
        )
    kept = session.spaces.device_keys.kept_by_founding(device_id)
    session.devices.unlink(device_id)
    print(
        f"Unlinked {device_id.hex()[:12]}. Your journal moved to a new key; "
        "sync your other devices so they receive it."
    )
    if kept:
        print(
            f"It still signs for you in {and_list(kept)}: you made or joined "
            f"{'that space' if len(kept) == 1 else 'those spaces'} on it, so only it or an "
            "admin can remove it there. Ask an admin to remove that device."
        )
    return 0
