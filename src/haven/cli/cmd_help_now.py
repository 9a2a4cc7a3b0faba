"""`haven help-now`: crisis lines and LGBTQ+ support services, offline and without a vault."""

from __future__ import annotations

import argparse
from typing import Any

from haven.cli.cmd_prompt import _env_locale
from haven.cli.context import Context
from haven.cli.output import print_json
from haven.core import help_lines
from haven.errors import InvalidInput


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "help-now",
        help="crisis lines and LGBTQ+ support services (offline; no vault needed)",
    )
    parser.add_argument(
        "--country", metavar="CC", help="two-letter country code, e.g. GB or LB (default: all)"
    )
    parser.add_argument("--locale", help="language: en, ar or fa (default: from LANG)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=cmd_help_now)


def cmd_help_now(args: argparse.Namespace, ctx: Context) -> int:
    book = help_lines.load(args.locale or _env_locale())
    country = None
    if args.country is not None:
        country = book.country(args.country)
        if country is None:
            known = " ".join(sorted(c.code for c in book.countries))
            raise InvalidInput(
                f"no entries for {args.country!r}; known countries: {known}. "
                "In danger, call your local emergency number."
            )
    if args.json:
        print_json(help_lines.as_dict(book, country))
        return 0
    for c in [country] if country is not None else book.countries:
        print(f"{c.name} ({c.code}) — {_emergency(book)}: {c.emergency}")
        for service in c.services:
            _print_service(book, service)
        print()
    print(_international(book))
    for service in book.international:
        _print_service(book, service)
    print()
    print(book.check_note)
    print()
    print(book.safety_note)
    return 0


def _print_service(book: help_lines.HelpBook, s: help_lines.Service) -> None:
    ways = [w for w in (s.phone and f"☎ {s.phone}", s.sms and f"✉ {s.sms}", s.web) if w]
    hours = f" ({s.hours})" if s.hours else ""
    print(f"  {s.name}: {'  '.join(ways)}{hours}")
    status = help_lines.status_text(book, s, "checked %1")
    source = "المصدر" if book.language == "ar" else "source"
    print(f"    {status}; {source}: {s.source}")


def _emergency(book: help_lines.HelpBook) -> str:
    return "الطوارئ" if book.language == "ar" else "emergency"


def _international(book: help_lines.HelpBook) -> str:
    return "دولياً" if book.language == "ar" else "International"
