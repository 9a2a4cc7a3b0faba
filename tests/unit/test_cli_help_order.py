"""`haven --help` lists every command in the order a person meets them (issue 17): a command
added without a place in COMMAND_ORDER would land after "help-now", alphabetically — as
attachment, campaign, fundraiser and relays once did. In-process: argparse's own listing."""

from __future__ import annotations

import argparse

from haven.cli.main import COMMAND_ORDER, build_parser


def _listed() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return [action.dest for action in sub._choices_actions]


def test_every_command_has_its_place_and_help_now_comes_last() -> None:
    listed = _listed()
    assert sorted(listed) == sorted(COMMAND_ORDER), set(listed) ^ set(COMMAND_ORDER)
    assert listed == list(COMMAND_ORDER)
    assert listed[-1] == "help-now"
    # Things of a space sit together, after the space; relays beside sync.
    assert listed.index("space") < listed.index("fundraiser") < listed.index("device")
    assert listed.index("sync") < listed.index("relays") < listed.index("backup")
