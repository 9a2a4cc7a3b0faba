"""`haven relays proxy [URL | --tor | --tor-browser | off]`: reach relays through Tor.

Shows or changes this vault's proxy setting (core/relay_proxy.py). With a proxy every relay
connection goes through it and relay names are resolved by it; when it cannot be reached,
nothing is sent. LAN and direct sync never use it. A running Haven takes the change at once.
"""

from __future__ import annotations

import argparse
from typing import Any

from haven.cli.context import Context
from haven.core.relay_proxy import TOR_BROWSER, TOR_SERVICE, check_proxy_url
from haven.errors import InvalidInput

OFF = "off"
NOTE = (
    "relay connections (sync, invites, short codes) go through it; the relay's name is "
    "resolved by the proxy. If it is not running, nothing is sent. LAN and direct sync "
    "do not use it."
)


def register(subparsers: Any) -> None:
    relays = subparsers.add_parser(
        "relays",
        help="how this device reaches relays (a Tor or SOCKS5 proxy)",
        description="Settings for every relay this vault uses. Which relays a space uses: "
        "`haven space relays`.",
    )
    actions = relays.add_subparsers(dest="relays_action", metavar="ACTION", required=True)
    proxy = actions.add_parser(
        "proxy",
        help="show or set the SOCKS5 proxy relay connections go through",
        description="With no argument, shows the setting. " + NOTE,
    )
    proxy.add_argument(
        "url",
        nargs="?",
        metavar="URL|off",
        help="socks5://HOST:PORT (HOST an IP address or localhost), or 'off' to connect directly",
    )
    which = proxy.add_mutually_exclusive_group()
    which.add_argument(
        "--tor", action="store_true", help="the system's Tor service (127.0.0.1:9050)"
    )
    which.add_argument(
        "--tor-browser", action="store_true", help="a running Tor Browser (127.0.0.1:9150)"
    )
    proxy.set_defaults(handler=cmd_proxy)


def proxy_argument(args: argparse.Namespace) -> str | None:
    """The proxy named by `--proxy URL` or `--tor` (of `haven init --link`), checked."""
    if getattr(args, "tor", False):
        if getattr(args, "proxy", None):
            raise InvalidInput("give --proxy URL or --tor, not both")
        return TOR_SERVICE
    url = getattr(args, "proxy", None)
    return None if url is None else check_proxy_url(url)


def cmd_proxy(args: argparse.Namespace, ctx: Context) -> int:
    session = ctx.open()
    named = [x for x in (args.url, args.tor or None, args.tor_browser or None) if x]
    if len(named) > 1:
        raise InvalidInput("give one of URL, off, --tor or --tor-browser")
    if args.tor:
        current = session.proxy.set(TOR_SERVICE)
    elif args.tor_browser:
        current = session.proxy.set(TOR_BROWSER)
    elif args.url is not None:
        current = session.proxy.set(None if args.url.strip().lower() == OFF else args.url)
    else:
        current = session.proxy.url()
    if current is None:
        print("relays: direct (no proxy)")
    else:
        print(f"relays through {current}")
        print(f"  {NOTE}")
    return 0
