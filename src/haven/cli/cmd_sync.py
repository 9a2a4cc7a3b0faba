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
from typing import Any

from haven.cli.context import Context
from haven.core.session import Session
from haven.errors import InvalidInput
from haven.sync.engine import SyncFailed, async_start_server, async_sync_once
from haven.sync.reconcile import SpaceReport, SyncReport

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 0


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve", help="wait for peers to sync with (until Ctrl+C)",
        description="Listen for Haven peers and sync with each one that proves it shares a "
        "space with this vault. Listens on 127.0.0.1 unless --host says otherwise.")
    serve.add_argument("--host", default=DEFAULT_HOST,
                       help=f"address to listen on (default {DEFAULT_HOST}; use 0.0.0.0 "
                       "to accept peers on the local network)")
    serve.add_argument("--port", type=_port, default=DEFAULT_PORT,
                       help="port to listen on (default 0: any free port, printed)")
    serve.set_defaults(handler=run_serve)

    sync = subparsers.add_parser(
        "sync", help="sync once with a peer that runs `haven serve`",
        description="Run one sync round with a peer: both sides send what the other lacks.")
    sync.add_argument("--peer", required=True, type=parse_peer, metavar="HOST:PORT",
                      help="the peer's address, e.g. 192.168.1.20:7654 or [::1]:7654")
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
    host, port = args.peer
    try:
        report = asyncio.run(async_sync_once(session, host, port))
    except SyncFailed as exc:
        for line in describe(exc.report, session):
            print(line)
        raise
    for line in describe(report, session):
        print(line)
    if not report.spaces:
        print("no shared spaces with this peer")
    if report.equivocations:
        print(f"warning: {report.equivocations} equivocation(s): a device signed two different "
              "events at the same place in its log; the first one seen was kept",
              file=sys.stderr)
    return 0


def run_serve(args: argparse.Namespace, ctx: Context) -> int:
    if not 0 <= args.port <= 65535:
        raise InvalidInput("a port is a number from 0 to 65535")
    session = ctx.open()
    asyncio.run(_serve(session, args.host, args.port))
    return 0


async def _serve(session: Session, host: str, port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    def on_report(report: SyncReport) -> None:
        status = "synced" if report.complete else f"sync failed ({report.error})"
        print(f"{status}: " + "; ".join(describe(report, session) or ["no shared spaces"]),
              flush=True)

    server = await async_start_server(session, host, port, on_report=on_report)
    try:
        shown = f"[{server.host}]" if ":" in server.host else server.host
        print(f"listening on {shown}:{server.port}", flush=True)
        await stop.wait()
    finally:
        await server.close()
