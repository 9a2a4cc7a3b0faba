"""`haven-relay`: parse flags, configure logging, run the server until SIGTERM or SIGINT.

With `--port 0` the OS picks a free port; the first line on stdout always names the bound
address (`haven-relay listening on HOST:PORT`), so scripts and tests can read it.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

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
    parser.add_argument("--config", type=Path, help="TOML settings file (flags override it)")
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="TCP port (default 8765; 0 picks a free one)")
    parser.add_argument("--db", type=Path, help="database file (default ./haven-relay.db)")
    parser.add_argument("--tls-cert", dest="tls_cert", type=Path, help="PEM certificate chain")
    parser.add_argument("--tls-key", dest="tls_key", type=Path, help="PEM private key")
    parser.add_argument(
        "--log-level", dest="log_level", choices=["debug", "info", "warning", "error"]
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        cfg = relay_config.load(args.config, args)
    except HavenError as exc:
        print(f"haven-relay: {exc}", file=sys.stderr)
        return exc.exit_code
    logging.basicConfig(
        level=cfg.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(message)s",
    )
    # The websockets library logs peer addresses and handshake details; keep it quiet.
    logging.getLogger("haven.relay.websockets").setLevel(logging.CRITICAL)
    try:
        return asyncio.run(_serve(cfg))
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


async def _serve(cfg: relay_config.RelayConfig) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    server = RelayServer(cfg)
    port = await server.start()
    scheme = "wss" if cfg.tls_cert else "ws"
    print(f"haven-relay listening on {scheme}://{cfg.host}:{port}/", flush=True)
    log.info("relay started; database opened")
    await stop.wait()
    log.info("stopping: no new connections; flushing queued blobs")
    await server.shutdown()
    log.info("stopped cleanly")
    return 0
