"""One journey through the real `haven dm` CLI over a real relay on 127.0.0.1: Ari opens a
direct conversation with Bea from the space they share with Cai (its owner and admin), sends
a message with a file attached; Bea's `haven sync` finds the conversation by itself, she
reads the text, saves the file and blocks Ari; Cai learns nothing of it (no conversation,
nothing in the space's feed), the relay's files hold none of the words, and Ari's next
message is refused."""

from __future__ import annotations

import json
from pathlib import Path

from haven.errors import InvalidInput
from tests.integration.cli_support import fails, haven, ok
from tests.integration.relay_sync_support import NO_LAN, Relay, assert_relay_learned_nothing
from tests.integration.test_relay_erasure_sync import relay_round
from tests.space_helpers import join, make_session

TEXT = "Qzdmcanary are you free to talk tonight"
FILE_TEXT = "Qzfilecanary the address of the clinic"


def _cli(folder: Path, *args: str) -> str:
    return ok(haven(folder, *args, extra_env=NO_LAN))


def test_a_direct_conversation_through_cli_and_relay(tmp_path: Path) -> None:
    relay = Relay(tmp_path / "relay")
    try:
        cai, ari, bea = (make_session(tmp_path, n) for n in ("cai", "ari", "bea"))
        space = cai.spaces.create_space("Circle", display_name="Cai")
        join(cai, ari, space, "Ari")
        join(cai, bea, space, "Bea")
        cai.relays.set_relays(space, [relay.url])
        for _ in range(2):  # the relay list reaches every member
            for s in (cai, ari, bea):
                relay_round(s, relay.url)
        for s in (cai, ari, bea):
            s.lock()
        dirs = {n: tmp_path / n for n in ("ari", "bea", "cai")}

        dm = _cli(dirs["ari"], "dm", "open", "Circle", "Bea").strip()
        note = tmp_path / "note.txt"
        note.write_text(FILE_TEXT)
        _cli(dirs["ari"], "dm", "send", dm[:8], TEXT, "--attach", str(note))
        _cli(dirs["ari"], "sync")

        _cli(dirs["bea"], "sync")  # one sync: the offer, then the conversation it opens
        (listed,) = json.loads(_cli(dirs["bea"], "dm", "list", "--json"))
        assert (listed["id"], listed["with_name"], listed["state"]) == (dm, "Ari", "open")
        assert listed["unread"] == 1 and listed["space_name"] == "Circle"
        (message,) = json.loads(_cli(dirs["bea"], "dm", "read", "Ari", "--json"))
        assert message["body"] == TEXT and message["author_name"] == "Ari"
        (attached,) = message["attachments"]
        _cli(dirs["bea"], "attachment", "save", attached["id"], str(tmp_path / "saved"))
        assert (tmp_path / "saved").read_text() == FILE_TEXT
        _cli(dirs["bea"], "dm", "block", "Ari")  # Bea blocks Ari
        _cli(dirs["bea"], "sync")

        # Cai, the space's admin: no conversation, nothing in the feed, no words anywhere
        _cli(dirs["cai"], "sync")
        assert json.loads(_cli(dirs["cai"], "dm", "list", "--json")) == []
        assert json.loads(_cli(dirs["cai"], "space", "read", "Circle", "--json")) == []
        for folder in dirs.values():  # and no plaintext of it in anyone's data folder
            for path in folder.rglob("*"):
                if path.is_file():
                    assert TEXT.encode() not in path.read_bytes(), path
        assert_relay_learned_nothing(relay, [TEXT, FILE_TEXT], [])

        # Ari's next message is refused: the block reached his device
        _cli(dirs["ari"], "sync")
        (seen,) = json.loads(_cli(dirs["ari"], "dm", "list", "--json"))
        assert seen["state"] == "blocked"
        refused = haven(dirs["ari"], "dm", "send", dm[:8], "please", extra_env=NO_LAN)
        fails(refused, InvalidInput.exit_code, "blocked")
    finally:
        relay.stop()
