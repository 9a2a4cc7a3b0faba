"""`haven init`: create a new vault with a persona (a display name and pronouns you choose;
never an email, phone number or legal name)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haven.cli.cmd_relays import proxy_argument
from haven.cli.context import Context
from haven.core import session as sessions
from haven.core.identity import validate_name, validate_pronouns
from haven.core.relay_proxy import TOR_SERVICE
from haven.errors import InvalidInput, VaultExists


def register(subparsers: Any) -> None:
    init = subparsers.add_parser("init", help="create a new encrypted vault")
    init.add_argument("--name", help="the display name others see (any name you like)")
    init.add_argument("--pronouns", default="", help="optional, e.g. she/her, they/them")
    init.add_argument(
        "--link",
        metavar="CODE",
        help="link this computer to your vault on another one, using the code "
        "`haven device link` shows there",
    )
    init.add_argument(
        "--relay",
        metavar="URL",
        help="with a short code (7-purple-sausages) for --link: the relay the other "
        "computer named next to it",
    )
    init.add_argument(
        "--proxy",
        metavar="URL",
        help="reach relays through this SOCKS5 proxy (socks5://127.0.0.1:9050), from the "
        "first connection (a short --link code's relay) on; see `haven relays proxy`",
    )
    init.add_argument(
        "--tor",
        action="store_true",
        help=f"like --proxy {TOR_SERVICE.replace('socks5h', 'socks5')} (the system's Tor)",
    )
    init.add_argument(
        "--device-name",
        default="",
        help="a name for this computer in `haven device list` (optional)",
    )
    init.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace, ctx: Context) -> int:
    if args.link:
        from haven.cli.cmd_device import cmd_init_link

        return cmd_init_link(args, ctx)
    if sessions.exists(ctx.data_dir):
        raise VaultExists(f"a vault already exists in {ctx.data_dir}; nothing was changed")
    name = args.name
    if name is None:
        if not sys.stdin.isatty():
            raise InvalidInput("give a display name with --name (no terminal to ask in)")
        name = input("Display name (any name you like; others in your spaces see it): ")
    name = validate_name(name)
    pronouns = validate_pronouns(args.pronouns)
    proxy = proxy_argument(args)
    passphrase = ctx.new_passphrase([name, pronouns])
    session = sessions.create(ctx.data_dir, passphrase, name, pronouns)
    if proxy is not None:
        session.proxy.set(proxy)
    session.lock()
    print(f"Created your encrypted vault in {ctx.data_dir}.")
    print("Keep your passphrase safe: nobody, not even Haven, can recover it.")
    return 0
