"""`haven serve` and `haven sync`: sync with a peer directly over TCP.

`serve` prints exactly `listening on HOST:PORT` once the socket is bound (scripts and tests
read the port from it), then one line per finished round, until SIGINT or SIGTERM. `sync`
runs one round with a peer and prints, per shared space, how many events went each way.
Only counts are printed: never content, keys or the peer's identity.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import threading
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.cli.event_format import reveal_due
from haven.cli.relay_invites_cli import describe_settled, guest_pass, host_pass
from haven.cli.relays_cli import run_relay_sync
from haven.cli.remote import control_channel
from haven.core.relay_urls import check_relay_url
from haven.core.session import Session
from haven.errors import InvalidInput
from haven.sync.addresses import lan_address
from haven.sync.discovery import DiscoveryKey, LanDiscovery, Peer
from haven.sync.engine import SyncFailed, async_sync_once
from haven.sync.invite_background import DEFAULT_INTERVAL_S, InvitePass
from haven.sync.lan import is_loopback, lan_discovery_allowed
from haven.sync.reconcile import SpaceReport, SyncReport
from haven.sync.supervisor import (
    InvitesChecked,
    LanStarted,
    RoundFinished,
    SupervisorEvent,
    SupervisorOptions,
    SyncSupervisor,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 0


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="wait for peers to sync with (until Ctrl+C)",
        description="Listen for Haven peers and sync with each one that proves it shares a "
        "space with this vault. Listens on 127.0.0.1 unless --host says otherwise.",
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}; use 0.0.0.0 "
        "to accept peers on the local network)",
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=DEFAULT_PORT,
        help="port to listen on (default 0: any free port, printed)",
    )
    serve.add_argument(
        "--lan",
        choices=("auto", "on", "off"),
        default="auto",
        help="announce on the local network so members find this device "
        "(auto: unless listening on loopback; announcements carry no names)",
    )
    serve.add_argument(
        "--relays",
        choices=("on", "off"),
        default="on",
        help="also sync through the relays of your spaces while serving (default on)",
    )
    serve.add_argument(
        "--invite-interval",
        type=float,
        default=DEFAULT_INTERVAL_S,
        metavar="SECONDS",
        help="how often to look for join requests and answers of relay invites "
        "(default %(default)s)",
    )
    serve.set_defaults(handler=run_serve)

    sync = subparsers.add_parser(
        "sync",
        help="sync once: with a peer, with members on the local network, or through relays",
        description="Run one sync round: both sides send what the other lacks. With --peer, "
        "with that `haven serve`; with --relay, through that relay; with neither, with the "
        "members found on the local network and then through every relay of every space.",
    )
    sync.add_argument(
        "--peer",
        type=parse_peer,
        metavar="HOST:PORT",
        help="the peer's address, e.g. 192.168.1.20:7654 or [::1]:7654; "
        "without it, look for members on the local network",
    )
    sync.add_argument(
        "--lan-wait",
        type=float,
        default=3.0,
        metavar="SECONDS",
        help="how long to look on the local network (default %(default)s)",
    )
    sync.add_argument(
        "--relay",
        metavar="URL",
        help="sync with this relay only (it must be in the space's relay "
        "list: `haven space relays`); without --peer or --relay, haven sync "
        "looks on the local network, then uses every relay of every space",
    )
    sync.set_defaults(handler=run_sync)


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 0 to 65535")
    return port


def parse_peer(text: str) -> tuple[str, int]:
    """HOST:PORT or [IPv6]:PORT."""
    host, sep, port_text = text.strip().rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise argparse.ArgumentTypeError("give the peer as HOST:PORT, e.g. 127.0.0.1:7654")
    return host, int(port_text)


def describe(report: SyncReport, session: Session) -> list[str]:
    """One line per space: counts only."""
    return [_space_line(s, session) for s in report.spaces]


def _space_line(s: SpaceReport, session: Session) -> str:
    name = "journal" if s.space_id == session.journal.space_id else f"space {s.space_id.hex()[:8]}"
    line = f"{name}: sent {s.sent}, received {s.received} (new {s.accepted}"
    line += f", duplicates {s.duplicates}, rejected {s.rejected}"
    line += f", equivocations {s.equivocations})"
    return line


def run_sync(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    if args.peer is not None and args.relay is not None:
        raise InvalidInput("give --peer or --relay, not both")
    # Relay invites: answers for this device's requests first, then the rounds (which bring
    # invites and answers from the other admin devices), then the invites we administer.
    waited = guest_pass(session) if args.peer is None else False
    reveal_due(session)  # events' places whose reveal time has come go out in this round
    code = _sync_routes(args, session, waited)
    if args.peer is None:
        host_pass(session)
    return code


def _sync_routes(args: argparse.Namespace, session: Session, waited: bool) -> int:
    if args.relay is not None:
        return run_relay_sync(session, check_relay_url(args.relay))
    if args.peer is None:
        if not session.relays.spaces_using():
            if waited and not lan_discovery_allowed():
                return 0  # only a request waiting for its answer: nothing else to sync
            return _sync_lan(session, args.lan_wait)
        code = 0
        if lan_discovery_allowed() and lan_address() is not None:
            code = _sync_lan(session, args.lan_wait)
        else:
            print("local network: not searched (discovery is off, or no local-network address)")
        return max(code, run_relay_sync(session, None))
    host, port = args.peer
    try:
        report = asyncio.run(async_sync_once(session, host, port))
    except SyncFailed as exc:
        for line in describe(exc.report, session):
            print(line)
        raise
    for line in describe(report, session):
        print(line)
    session.relays.record_sync([sp.space_id for sp in report.spaces], "direct")
    if not report.spaces:
        print("no shared spaces with this peer")
    if report.equivocations:
        print(
            f"warning: {report.equivocations} equivocation(s): a device signed two different "
            "events at the same place in its log; the first one seen was kept",
            file=sys.stderr,
        )
    output.warn_other_copy(report.own_from_elsewhere)
    output.note_newer_events(report.unknown)
    return 0


def run_serve(args: argparse.Namespace, ctx: Context) -> int:
    if not 0 <= args.port <= 65535:
        raise InvalidInput("a port is a number from 0 to 65535")
    # One Haven per data folder, refused before the passphrase is asked; from here on
    # `haven` commands on this folder are run by this process (haven/control/).
    with control_channel(ctx.data_dir, lambda: ctx.session):
        return _serve(args, ctx.open())


def _serve(args: argparse.Namespace, session: Session) -> int:
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())

    def on_event(event: SupervisorEvent) -> None:
        if isinstance(event, RoundFinished):
            report = event.report
            status = "synced" if report.complete else f"sync failed ({report.error})"
            lines = describe(report, session) or ["no shared spaces"]
            print(f"{status}: " + "; ".join(lines), flush=True)
        elif isinstance(event, LanStarted):
            print("announcing on the local network", flush=True)
        elif isinstance(event, InvitesChecked):
            for line in describe_invites(event.report):
                print(line, flush=True)

    announce = args.lan == "on" or (args.lan == "auto" and not is_loopback(args.host))
    options = SupervisorOptions(
        host=args.host,
        port=args.port,
        lan=announce,
        lan_follows_vault=False,
        lan_bind_address=True,
        # Relays too, so an admin device hears of the invites and answers of the others.
        relays=args.relays == "on",
        record=False,
        invite_interval_s=max(1.0, args.invite_interval),
    )
    supervisor = SyncSupervisor(session, options, on_event)
    port = supervisor.start()  # SyncError if it cannot listen
    try:
        shown = f"[{args.host}]" if ":" in args.host else args.host
        print(f"listening on {shown}:{port}", flush=True)
        if announce and lan_discovery_allowed() and not supervisor.lan_running:
            print("not announcing: no local-network address found", file=sys.stderr)
        while not stop.wait(0.5):
            pass
    finally:
        supervisor.stop()
    return 0


def describe_invites(report: InvitePass) -> list[str]:
    """What `haven serve` says after a relay-invite pass: only what changed."""
    lines = [line for s in report.settled if s.kind != "waiting" for line in describe_settled(s)]
    if report.new_requests or report.replies_sent:
        lines.append(
            f"invites: {report.new_requests} new join request(s), "
            f"{report.replies_sent} answer(s) sent through the relay"
        )
    return lines


def _sync_lan(session: Session, wait_s: float) -> int:
    """Look for members on the local network for `wait_s` seconds; one round with each."""
    if not lan_discovery_allowed():
        raise InvalidInput("LAN discovery is off (HAVEN_LAN_DISCOVERY=0): give --peer")
    address = lan_address()
    if address is None:
        raise InvalidInput("no local-network address: give --peer HOST:PORT")
    peers: dict[tuple[str, int], Peer] = {}
    found = threading.Event()

    def on_peer(peer: Peer) -> None:
        peers[(peer.host, peer.port)] = peer
        found.set()

    keys = [
        DiscoveryKey.from_epoch_key(k.space_id, k.epoch, k.epoch_key)
        for k in session.lan.discovery_keys()
    ]
    discovery = LanDiscovery(
        lambda: keys, 0, on_peer, addresses=[address], interfaces=[address], announce=False
    )
    discovery.start()
    try:
        found.wait(wait_s)
    finally:
        discovery.stop()
    if not peers:
        print("no members found on the local network")
        return 0
    failed = 0
    for host, port in sorted(peers):
        try:
            report = asyncio.run(async_sync_once(session, host, port))
        except SyncFailed as exc:
            print(f"{host}:{port}: sync failed ({exc})", file=sys.stderr)
            failed += 1
            continue
        for line in describe(report, session):
            print(f"{host}:{port}: {line}")
        session.relays.record_sync([sp.space_id for sp in report.spaces], "lan")
    return 12 if failed else 0
