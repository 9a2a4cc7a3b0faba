"""`haven prompt`: a reflection prompt to write about (today's, or all of them)."""

from __future__ import annotations

import argparse
import datetime
import os
import re
import sys
from typing import Any

from haven.cli.context import Context
from haven.core import prompts
from haven.errors import InvalidInput


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("prompt", help="a reflection prompt for your journal")
    parser.add_argument("--all", action="store_true", help="list every prompt")
    parser.add_argument(
        "--category", metavar="C", help="only this category, e.g. 'hope' or 'coming out'"
    )
    parser.add_argument("--locale", help="language of the prompts (default: from LANG)")
    parser.set_defaults(handler=cmd_prompt)


def cmd_prompt(args: argparse.Namespace, ctx: Context) -> int:
    locale = args.locale or _env_locale()
    chosen = prompts.load(locale)
    wanted = re.split(r"[_-]", locale)[0]
    if args.locale and prompts.language_of(locale) != wanted:
        print(f"haven: no prompts in {locale!r} yet; showing English ones", file=sys.stderr)
    if args.category is not None:
        name = prompts.category_name(args.category, locale)
        if name is None:
            known = ", ".join(prompts.categories(locale))
            raise InvalidInput(f"no such category; choose one of: {known}")
        chosen = [p for p in chosen if p.category == name]
    if args.all:
        current = None
        for prompt in chosen:
            if prompt.category != current:
                if current is not None:
                    print()
                current = prompt.category
                print(f"{current}:")
            print(f"  - {prompt.text}")
        return 0
    today = datetime.date.today()
    if args.category is None:
        prompt = prompts.prompt_of_the_day(today, locale)
    else:
        prompt = chosen[today.toordinal() % len(chosen)]
    print(f"{prompt.category}: {prompt.text}")
    return 0


def _env_locale() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return value.split(".")[0].split("@")[0]
    return prompts.DEFAULT_LOCALE
