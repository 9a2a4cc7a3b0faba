"""Channels through the real `haven` CLI over a real relay (issue 15): the owner makes a chat
channel and an announcement channel; a member's message mentions another by name and comes
back resolved to her key, with the app's fingerprint and role; the member is refused in the
announcement channel, the owner's announcement reaches everyone; each syncs alone in turn.
The relay's files hold none of the channel names, messages or member keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haven.core.spaces.name_marks import fingerprint
from haven.errors import InvalidInput
from tests.helpers import new_session
from tests.integration.cli_support import fails, haven
from tests.integration.relay_sync_support import (
    NO_LAN,
    Relay,
    assert_relay_learned_nothing,
    cli,
    identifiers,
    sync,
)
from tests.space_helpers import join

pytestmark = pytest.mark.timeout(300)

CHAT = "qzcoming-out"
NEWS = "qznews"
HELLO = "Qzhello @Cai, the group meets on thursday"
NOTICE = "Qzthe meeting moves to the library"


def test_mentions_and_announcements_through_a_relay(tmp_path: Path) -> None:
    relay = Relay(tmp_path / "relay")
    names = ["Ari", "Bea", "Cai"]
    ari, bea, cai = dirs = [tmp_path / n.lower() for n in names]
    members = [new_session(d, n) for d, n in zip(dirs, names, strict=True)]
    space_id = members[0].spaces.create_space("Qzcircle", display_name="Ari")
    pks = [members[0].spaces.resolve_member(space_id, "Ari")]
    for s, name in zip(members[1:], names[1:], strict=True):
        pks.append(join(members[0], s, space_id, name))
    members[0].relays.set_relays(space_id, [relay.url])
    every_id = identifiers(members)
    for s in members:
        s.lock()
    space = space_id.hex()
    try:
        cli(ari, "channel", "create", space, CHAT)
        cli(ari, "channel", "create", space, NEWS, "--announce")
        fails(haven(bea, "channel", "create", space, "mine", extra_env=NO_LAN),
              InvalidInput.exit_code, "only admins")  # fmt: skip
        sync(ari)
        sync(bea, relay.url)  # first contact: learns the space's relay list
        fails(haven(bea, "channel", "send", space, f"#{NEWS}", "me too", extra_env=NO_LAN),
              InvalidInput.exit_code, "only admins post")  # fmt: skip
        said = cli(bea, "channel", "send", space, f"#{CHAT}", HELLO).strip()
        sync(bea)
        cli(ari, "channel", "send", space, NEWS, NOTICE)
        sync(ari)
        sync(cai, relay.url)
        listed = {c["name"]: c for c in json.loads(cli(cai, "channel", "list", space, "--json"))}
        assert (listed[CHAT]["unread"], listed[CHAT]["mentions_me"]) == (1, 1)
        assert listed[NEWS]["kind"] == "announce" and not listed[NEWS]["may_post"]
        page = json.loads(cli(cai, "channel", "read", space, CHAT, "--json"))
        (msg,) = page["messages"]
        assert (msg["id"], msg["body"], msg["author_name"]) == (said, HELLO, "Bea")
        (mention,) = msg["mentions"]
        assert mention["member"] == pks[2].hex() and msg["mentions_me"]
        assert mention["fingerprint"] == fingerprint(pks[2]).text
        assert mention["role"] == "member"
        news = json.loads(cli(cai, "channel", "read", space, NEWS, "--json"))
        assert [m["body"] for m in news["messages"]] == [NOTICE]
        listed = {c["name"]: c for c in json.loads(cli(cai, "channel", "list", space, "--json"))}
        assert listed[CHAT]["unread"] == 0  # reading moved the marker
        assert_relay_learned_nothing(
            relay,
            [CHAT, NEWS, HELLO, NOTICE, "Qzcircle", *names],
            [*every_id, *pks],
        )
    finally:
        relay.stop()
