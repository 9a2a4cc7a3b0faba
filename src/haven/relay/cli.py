"""`haven-relay`: parse flags, configure logging, run the server until SIGTERM or SIGINT;
SIGHUP re-reads the config file's limits.

With `--port 0` the OS picks a free port; the first line on stdout always names the bound
address (`haven-relay listening on HOST:PORT`), so scripts and tests can read it.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from haven import __version__
from haven.errors import HavenError
from haven.relay import config as relay_config
from haven.relay.server import RelayServer
from haven.relay.storage import StorageError

log = logging.getLogger("haven.relay")
EXIT_STORAGE = 7


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="haven-relay",
        description="Run a Haven relay: encrypted mailboxes that only ever hold ciphertext.",
    )
    parser.add_argument("--version", action="version", version=f"haven-relay {__version__}")
    parser.add_argument("--config", type=Path, help="TOML settings file (flags override it)")
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="TCP port (default 8765; 0 picks a free one)")
    parser.add_argument(
        "--db",
        help="database file, or a postgresql:// URL to share one database between several "
        "relays (default: relay.db in $STATE_DIRECTORY; without either, the relay refuses "
        "to start)",
    )
    parser.add_argument("--tls-cert", dest="tls_cert", type=Path, help="PEM certificate chain")
    parser.add_argument("--tls-key", dest="tls_key", type=Path, help="PEM private key")
    parser.add_argument(
        "--log-level", dest="log_level", choices=["debug", "info", "warning", "error"]
    )
    parser.add_argument("--log-format", dest="log_format", choices=["text", "json"])
    return parser


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors. Messages never hold content or keys."""

    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(
            {
                "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
                "level": record.levelname.lower(),
                "message": record.getMessage(),
            }
        )


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        cfg = relay_config.load(args.config, args)
    except HavenError as exc:
        print(f"haven-relay: {exc}", file=sys.stderr)
        return exc.exit_code
    os.umask(0o077)  # the database, its WAL and anything else we create: owner only
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter()
        if cfg.log_format == "json"
        else logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    )
    logging.basicConfig(level=cfg.log_level.upper(), handlers=[handler])
    # The websockets library logs peer addresses and handshake details; keep it quiet.
    logging.getLogger("haven.relay.websockets").setLevel(logging.CRITICAL)
    logging.getLogger("asyncpg").setLevel(logging.WARNING)
    try:
        return asyncio.run(_serve(cfg, args))
    except HavenError as exc:
        print(f"haven-relay: {exc}", file=sys.stderr)
        return exc.exit_code
    except StorageError as exc:
        print(f"haven-relay: {exc}", file=sys.stderr)
        return EXIT_STORAGE
    except OSError as exc:
        print(f"haven-relay: cannot listen: {exc.strerror}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


def is_public(host: str) -> bool:
    """Would listening on `host` be reachable from the internet?"""
    if host in ("", "0.0.0.0", "::"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host != "localhost"
    return not (ip.is_loopback or ip.is_private or ip.is_link_local)


async def _serve(cfg: relay_config.RelayConfig, args: argparse.Namespace) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    server = RelayServer(cfg)
    loop.add_signal_handler(signal.SIGHUP, _reload, server, args)
    port = await server.start()
    scheme = "wss" if cfg.tls_cert else "ws"
    print(f"haven-relay listening on {scheme}://{cfg.host}:{port}/", flush=True)
    log.info("relay %s started; database opened", __version__)
    if is_public(cfg.host) and cfg.tls_cert is None and not cfg.trust_proxy:
        log.warning(
            "listening on a public address without TLS: anyone on the path sees who connects "
            "and when. Use --tls-cert/--tls-key, or a reverse proxy with trust_proxy = true "
            "(docs/RELAY.md, 'TLS')"
        )
    await stop.wait()
    log.info("stopping: no new connections; flushing queued blobs")
    await server.shutdown()
    log.info("stopped cleanly")
    return 0


def _reload(server: RelayServer, args: argparse.Namespace) -> None:
    """SIGHUP: re-read the config file and apply its limits. Listening address, database and
    TLS files need a restart; a config that no longer parses is ignored with a log line."""
    if args.config is None:
        log.info("SIGHUP: no config file to reload; ignored")
        return
    try:
        cfg = relay_config.load(args.config, args)
    except HavenError as exc:
        log.error("SIGHUP: the config file was not reloaded: %s", exc)
        return
    server.reload(cfg.limits)
