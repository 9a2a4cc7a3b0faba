"""`haven space …` through the real command in subprocesses, on real vaults in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haven.core import session
from haven.core.session import Session
from tests.helpers import PASSPHRASE, new_session
from tests.integration.cli_support import fails, haven, ok, snapshot
from tests.space_helpers import join


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    data = tmp_path / "ari"
    new_session(data, "Ari").lock()
    return data


def test_create_post_reply_react_read(vault: Path) -> None:
    sid = ok(
        haven(
            vault,
            "space",
            "create",
            "Queer parents",
            "--topic",
            "parenting",
            "--topic",
            "Family",
            "--description",
            "support for queer parents",
            "--as",
            "Ari P",
        )
    ).strip()
    assert len(sid) == 32 and int(sid, 16) >= 0
    [listed] = json.loads(ok(haven(vault, "space", "list", "--json")))
    assert listed == {
        "id": sid,
        "name": "Queer parents",
        "topics": ["parenting", "family"],
        "unread": 0,
        "role": "owner",
        "members": 1,
    }
    post = ok(
        haven(
            vault,
            "space",
            "post",
            sid[:6],
            "--title",
            "Hello",
            "--cw",
            "custody",
            "-",
            stdin="First **post**\nline two",
        )
    ).strip()
    reply = ok(haven(vault, "space", "reply", "Queer parents", post[:8], "a reply")).strip()
    ok(haven(vault, "space", "react", sid, post[:8], "sending-care"))
    feed = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    assert [(p["id"], p["title"], p["body"], p["cw"], p["reactions"]) for p in feed] == [
        (post, "Hello", "First **post**\nline two", "custody", {"sending-care": 1})
    ]
    assert [r["id"] for r in feed[0]["replies"]] == [reply]
    assert feed[0]["author_name"] == "Ari P"
    text = ok(haven(vault, "space", "read", sid))
    assert "content warning: custody" in text and "First" not in text  # collapsed
    assert "Hello" not in text  # the title is folded too, as in the app
    opened = ok(haven(vault, "space", "read", sid, "--open-cw"))
    assert "First **post**" in opened and "Hello" in opened
    members = json.loads(ok(haven(vault, "space", "members", sid, "--json")))
    assert [(m["name"], m["role"]) for m in members] == [("Ari P", "owner")]
    second = ok(haven(vault, "space", "post", sid, "second")).strip()
    ok(haven(vault, "space", "pin", sid, second[:8]))
    assert [p["id"] for p in json.loads(ok(haven(vault, "space", "read", sid, "--json")))] == [
        second,
        post,
    ]
    info = json.loads(ok(haven(vault, "space", "info", sid, "--json")))
    assert (info["name"], info["description"], info["role"], info["warnings"]) == (
        "Queer parents",
        "support for queer parents",
        "owner",
        [],
    )
    assert "support for queer parents" in ok(haven(vault, "space", "info", sid))


def test_roles_removal_moderation_and_reports(vault: Path, tmp_path: Path) -> None:
    owner = new_session_at(vault)
    space_id = owner.spaces.create_space("Circle", display_name="Ari")
    sid = space_id.hex()
    cai = new_session(tmp_path / "cai", "Cai")
    cai_pk = join(owner, cai, space_id, "Cai")
    cai_post = cai.spaces.post(space_id, "hello from Cai")
    owner.log.ingest(cai.log.envelopes_after(space_id, owner.log.chain_tips(space_id), 1000))
    owner.lock()
    cai.lock()
    ok(haven(vault, "space", "role", sid, "Cai", "moderator"))
    members = {
        m["name"]: m for m in json.loads(ok(haven(vault, "space", "members", sid, "--json")))
    }
    assert members["Cai"]["role"] == "moderator" and members["Cai"]["id"] == cai_pk.hex()
    report = ok(haven(vault, "space", "report", sid, cai_post.hex()[:10], "--reason", "test"))
    assert "moderators" in report
    ok(haven(vault, "space", "moderate", sid, cai_post.hex()[:10], "--reason", "off topic"))
    [p] = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    assert (p["state"], p["body"], p["removed_reason"]) == ("removed", "", "off topic")
    assert "removed by a moderator: off topic" in ok(haven(vault, "space", "read", sid))
    [rep] = json.loads(ok(haven(vault, "space", "reports", sid, "--json")))
    assert (rep["post"], rep["reason"], rep["reporter_name"]) == (cai_post.hex(), "test", "Ari")
    actions = [a["action"] for a in json.loads(ok(haven(vault, "space", "modlog", sid, "--json")))]
    assert actions == ["add", "role", "remove-post"]
    before = json.loads(ok(haven(vault, "space", "list", "--json")))
    assert "rotated" in ok(haven(vault, "space", "remove", sid, cai_pk.hex()[:8], "--ban"))
    everyone = json.loads(ok(haven(vault, "space", "members", sid, "--json", "--all")))
    assert {m["name"]: m["status"] for m in everyone} == {"Ari": "active", "Cai": "banned"}
    assert before[0]["members"] == 2
    assert json.loads(ok(haven(vault, "space", "list", "--json")))[0]["members"] == 1


def test_bad_input_gets_a_clear_error_and_changes_nothing(vault: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    before = snapshot(vault)
    fails(haven(vault, "space", "post", "zz", "hi"), 2, "hexadecimal")
    fails(haven(vault, "space", "post", "ab", "hi"), 2, "at least 4")
    fails(haven(vault, "space", "post", "abcdef12", "hi"), 9, "no space")
    fails(haven(vault, "space", "post", sid, "   "), 2, "cannot be empty")
    fails(haven(vault, "space", "reply", sid, "abcdef", "hi"), 9, "no post")
    fails(haven(vault, "space", "react", sid, "abcdef", "angry"), 9, "no post")
    fails(haven(vault, "space", "role", sid, "Nobody", "admin"), 2, "hexadecimal")
    fails(haven(vault, "space", "create", "x" * 200), 2, "at most")
    fails(haven(vault, "space", "list", "--json", passphrase="wrong passphrase here"), 3)
    proc = haven(vault, "space", "role", sid, "abcd", "emperor")
    assert proc.returncode == 2 and "invalid choice" in proc.stderr
    me = json.loads(ok(haven(vault, "space", "members", sid, "--json")))[0]["id"]
    fails(haven(vault, "space", "remove", sid, me[:8]), 2, "cannot be removed")
    assert snapshot(vault).keys() == before.keys()
    feed = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    assert feed == []


def test_leave_with_wipe(vault: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    ok(haven(vault, "space", "post", sid, "bye"))
    ok(haven(vault, "space", "leave", sid, "--wipe"))
    assert json.loads(ok(haven(vault, "space", "list", "--json"))) == []
    fails(haven(vault, "space", "read", sid), 9, "no space")


def new_session_at(data: Path) -> Session:
    return session.unlock(data, PASSPHRASE)


def test_read_shows_the_newest_threads_and_pinned_ones(vault: Path) -> None:
    sid = ok(haven(vault, "space", "create", "Circle")).strip()
    old, middle, new = (ok(haven(vault, "space", "post", sid, t)).strip() for t in "abc")
    ok(haven(vault, "space", "reply", sid, middle[:8], "a reply"))
    ok(haven(vault, "space", "pin", sid, old[:8]))
    proc = haven(vault, "space", "read", sid, "--threads", "1", "--json")
    assert [p["id"] for p in json.loads(ok(proc))] == [old, new]  # pinned first
    assert "--all" in proc.stderr
    two = json.loads(ok(haven(vault, "space", "read", sid, "--threads", "2", "--json")))
    assert [p["id"] for p in two] == [old, middle, new]
    assert [len(p["replies"]) for p in two] == [0, 1, 0]
    every = json.loads(ok(haven(vault, "space", "read", sid, "--all", "--json")))
    assert every == json.loads(ok(haven(vault, "space", "read", sid, "--json")))  # < 50
    fails(haven(vault, "space", "read", sid, "--threads", "0"), 2, "--threads")


def test_members_show_what_haven_says_of_a_name(vault: Path, tmp_path: Path) -> None:
    """An impostor named with a Cyrillic А beside the owner Ari, and one claiming a role: the
    CLI marks them as the app does, with each key's fingerprint and the role from the log."""
    owner = new_session_at(vault)
    space_id = owner.spaces.create_space("Circle", display_name="Ari")
    impostor = new_session(tmp_path / "impostor", "\u0410ri")
    join(owner, impostor, space_id, "\u0410ri")
    claimant = new_session(tmp_path / "claimant", "Sam (moderator)")
    join(owner, claimant, space_id, "Sam (moderator)")
    for s in (owner, impostor, claimant):
        s.lock()
    members = {
        m["name"]: m
        for m in json.loads(ok(haven(vault, "space", "members", space_id.hex(), "--json")))
    }
    assert members["Ari"]["lookalike"] and members["\u0410ri"]["lookalike"]
    assert members["Ari"]["fingerprint"] != members["\u0410ri"]["fingerprint"]
    claim = members["Sam (moderator)"]
    assert claim["role"] == "member" and claim["role_word"] and not claim["lookalike"]
    lines = ok(haven(vault, "space", "members", space_id.hex())).splitlines()
    ari = next(line for line in lines if " Ari " in line)
    assert "owner" in ari and "looks like another member's" in ari
    assert f"key: {members['Ari']['fingerprint']}" in ari
    sam = next(line for line in lines if "Sam" in line)
    assert "uses a role word" in sam and "looks like" not in sam


def test_thread_pages_with_before_and_after(vault: Path) -> None:
    """`space read` shows each thread's newest replies and says where older ones are;
    `space thread` pages through them by reply id, both ways."""
    from haven.core.eventlog import Draft
    from haven.core.spaces import events as ev

    owner = new_session_at(vault)
    space_id = owner.spaces.create_space("Circle", display_name="Ari")
    root = owner.spaces.post(space_id, "a long thread")
    drafts = [
        Draft(ev.POST, ev.post_to_content(ev.post_content("", f"reply {i}", "", root)))
        for i in range(105)
    ]
    ids = [e.id.hex() for e in owner.log.append_many(space_id, drafts)]
    owner.lock()
    sid = space_id.hex()

    [thread] = json.loads(ok(haven(vault, "space", "read", sid, "--json")))
    assert [r["id"] for r in thread["replies"]] == ids[-100:] and thread["older_replies"]
    assert f"older replies: haven space thread SPACE {root.hex()[:12]}" in ok(
        haven(vault, "space", "read", sid)
    )
    page = json.loads(ok(haven(vault, "space", "thread", sid, root.hex()[:8], "--json")))
    assert (page["post"]["id"], page["older"], page["newer"]) == (root.hex(), True, False)
    assert [r["id"] for r in page["replies"]] == ids[-100:]
    text = ok(haven(vault, "space", "thread", sid, root.hex()[:8], "--replies", "3"))
    assert f"--before {ids[-3][:12]}" in text and "reply 104" in text and "reply 101" not in text
    older = ok(haven(vault, "space", "thread", sid, root.hex(), "--before", ids[-3][:12]))
    assert "reply 2\n" in older and "reply 101\n" in older and "reply 102" not in older
    assert f"--before {ids[2][:12]}" in older and f"--after {ids[-4][:12]}" in older
    newer = json.loads(
        ok(haven(vault, "space", "thread", sid, root.hex(), "--after", ids[1], "--json"))
    )
    assert [r["id"] for r in newer["replies"]] == ids[2:102] and newer["older"]
    fails(haven(vault, "space", "thread", sid, root.hex(), "--replies", "0"), 2, "--replies")
    fails(haven(vault, "space", "thread", sid, root.hex(), "--before", root.hex()), 9, "no reply")
