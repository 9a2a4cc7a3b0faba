"""Relay sync for real: the `haven-relay` process on 127.0.0.1, `haven` CLI subprocesses in
separate data folders, never two clients online at once (each runs `haven sync` alone, in
turn). Afterwards every file the relay wrote is searched for every name, text and id used."""

from __future__ import annotations

import json
from pathlib import Path

from haven.core import session as sessions
from tests.helpers import PASSPHRASE, new_session, replica_of
from tests.integration.cli_support import fails, haven
from tests.integration.relay_sync_support import (
    NO_LAN,
    Relay,
    assert_relay_learned_nothing,
    cli,
    feed,
    identifiers,
    journal,
    sync,
)
from tests.space_helpers import join

SECRETS = ["my first week on testosterone", "told my sister I'm bi", "Robin"]


def test_two_linked_devices_share_the_journal_through_a_relay(tmp_path: Path) -> None:
    relay = Relay(tmp_path / "relay")
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    a = new_session(a_dir)
    replica_of(a, b_dir).lock()
    a.lock()
    try:
        assert cli(a_dir, "space", "relays", "journal", "--add", relay.url) == relay.url + "\n"
        cli(a_dir, "journal", "add", SECRETS[0], "--title", "week one", "--tag", "health")
        first = sync(a_dir)
        assert f"relay {relay.url}: journal: sent " in first and "waiting 0" in first

        # B has no relay list yet: it names the relay once and learns the list from A.
        cli(b_dir, "journal", "add", SECRETS[1])
        out = sync(b_dir, relay.url)
        assert "journal: sent" in out and "waiting 0" in out, out
        assert cli(b_dir, "space", "relays", "journal").split() == [relay.url]
        # A gets B's entry and B's device announcement.
        assert "journal: sent 0, received 2, waiting 0" in sync(a_dir)

        state = journal(a_dir)
        assert state == journal(b_dir)
        assert sorted(str(e["body"]) for e in state) == sorted(SECRETS[:2])
        # Idempotent: a second round on each side moves nothing and changes nothing.
        for folder in (a_dir, b_dir):
            assert "sent 0, received 0, waiting 0" in sync(folder)
        assert journal(a_dir) == journal(b_dir) == state

        opened = [sessions.unlock(d, PASSPHRASE) for d in (a_dir, b_dir)]
        try:
            for s in opened:
                status = s.relays.sync_status(s.journal.space_id)
                assert (status.transport, status.waiting, status.held) == ("relay", 0, 0)
            searched = assert_relay_learned_nothing(
                relay, [*SECRETS[:2], "week one", "health", "they/them"], identifiers(opened)
            )
            assert searched > 10
        finally:
            for s in opened:
                s.lock()
    finally:
        relay.stop()


def test_five_members_of_a_group_space_converge_through_a_relay(tmp_path: Path) -> None:
    relay = Relay(tmp_path / "relay")
    names = ["Ari", "Bea", "Cai", "Dee", "Eli"]
    dirs = [tmp_path / n.lower() for n in names]
    members = [new_session(d, n) for d, n in zip(dirs, names, strict=True)]
    space_id = members[0].spaces.create_space(
        "Trans elders", "a support circle", ["coming out"], display_name="Ari"
    )
    for s, name in zip(members[1:], names[1:], strict=True):
        join(members[0], s, space_id, name)
    members[0].relays.set_relays(space_id, [relay.url])
    every_id = identifiers(members)
    for s in members:
        s.lock()
    space = space_id.hex()
    try:
        assert "sent" in sync(dirs[0])
        texts = []
        for d, name in zip(dirs[1:], names[1:], strict=True):
            sync(d, relay.url)  # first contact: learns the space's relay list
            assert cli(d, "space", "relays", space).split() == [relay.url]
            text = f"{name} here: my dad still uses my deadname"
            texts.append(text)
            cli(d, "space", "post", space, text)
            assert "waiting 0" in sync(d)
        cli(dirs[0], "space", "post", space, "Welcome, all of you")
        for d in dirs:  # one more turn each: everyone catches up on everyone
            sync(d)
        feeds = [feed(d, space) for d in dirs]
        bodies = sorted(str(p["body"]) for p in feeds[0])
        assert bodies == sorted([*texts, "Welcome, all of you"])
        assert all(
            json.dumps(f, sort_keys=True) == json.dumps(feeds[0], sort_keys=True) for f in feeds[1:]
        )
        for d in dirs:  # idempotent
            assert "sent 0, received 0, waiting 0" in sync(d)
        assert_relay_learned_nothing(
            relay, [*texts, *names, "Trans elders", "support circle"], every_id
        )
    finally:
        relay.stop()


def test_cli_errors_are_clear_and_the_outbox_survives_a_relay_that_is_down(tmp_path: Path) -> None:
    relay = Relay(tmp_path / "relay")
    a_dir = tmp_path / "a"
    new_session(a_dir).lock()
    try:
        for bad, words in (
            (("--add", "ws://relay.example.org/"), ("127.0.0.1", "wss://")),
            (("--add", "wss://r.example/?x=1"), ("no query",)),
            (("--remove", relay.url), ("does not use",)),
        ):
            fails(haven(a_dir, "space", "relays", "journal", *bad, extra_env=NO_LAN), 2, *words)
        fails(haven(a_dir, "space", "relays", "0badc0de", extra_env=NO_LAN), 9)
        assert cli(a_dir, "space", "relays", "journal") == "no relays\n"
        fails(haven(a_dir, "sync", "--relay", "ws://10.0.0.1/", extra_env=NO_LAN), 2, "127.0.0.1")
        fails(
            haven(a_dir, "sync", "--peer", "127.0.0.1:9", "--relay", relay.url, extra_env=NO_LAN),
            2,
            "not both",
        )

        cli(a_dir, "space", "relays", "journal", "--add", relay.url)
        cli(a_dir, "journal", "add", "written while the relay is down")
        relay.stop()
        down = haven(a_dir, "sync", extra_env=NO_LAN)
        fails(down, 12, "no relay could be reached")
        assert "could not connect" in down.stderr and "stay in the outbox" in down.stderr
        relay.start()  # same address; a new process of `haven` finds the outbox intact
        out = sync(a_dir)
        assert "waiting 0" in out and "sent 0" not in out, out
        assert "sent 0, received 0, waiting 0" in sync(a_dir)
    finally:
        relay.stop()
