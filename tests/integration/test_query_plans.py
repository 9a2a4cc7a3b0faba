"""Every query a screen or a CLI listing runs is bounded by its page (issue 18).

The statements are not listed here by hand: the test records what the vault's connection
executes while the real screen and listing paths run (the space view's snapshot, the
journal page's loads, the CLI's listings through the same services), then asks SQLite for
each one's plan. A statement on a content table (one that grows with posts, entries,
reports or log actions) passes if it stops at a LIMIT without sorting in a temporary
B-tree, or if every read of a content table is a seek on a key narrower than the whole
space (a post, a thread, an entry) or on an index that is small by construction. A SCAN
of a content table without a LIMIT, a read of "every post of this space", or a sort of
such rows fails. So a new unbounded query added to one of these paths is caught without
anyone remembering to add it here."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Iterator

import pytest

from haven.core.attachments.spec import FileSpec, PreparedFile, digest
from haven.core.journal import COUNT_CAP, EntryFilter, JournalDraft
from haven.core.session import Session
from haven.crypto.sealing import BoxKeyPair
from haven.crypto.signing import SigningKeyPair
from haven.store.vault import Connection
from haven.ui.spaces.snapshot import read_snapshot
from tests.helpers import new_session
from tests.helpers import statements as traced_statements

#: Tables whose size follows something other than the posts, entries, reports and log
#: actions people accumulate (reading all of one is fine), with the reason. Every other
#: table is a content table.
SMALL_TABLES = {
    "meta": "a handful of settings",
    "personas": "one row per persona of this person",
    "spaces": "one row per space this vault holds",
    "group_spaces": "one row per group space",
    "space_state": "one row per group space",
    "space_settings": "one row per group space",
    "space_blocks": "members this person blocked",
    "space_pending_joins": "this person's unanswered join requests",
    "space_outgoing_joins": "this person's unanswered join requests",
    "space_admission": "one row per space this person administers",
    "space_invites": "invites the admins of this person's spaces made (direct and relay "
    "invites are space events since issue 11: an admin's own choice, not anyone's)",
    "space_invite_recipients": "admin devices each invite of a space was sealed to",
    "space_invite_revocations": "invites revoked in a space",
    "space_join_requests": "requests to those invites: at most 50 waiting per invite "
    "(invites/host.MAX_REQUESTS_PER_INVITE) and at most 200 admitted (MAX_USES)",
    "space_members": "one row per member: the members screen lists them all",
    "space_member_devices": "one row per member device",
    "space_epoch_recipients": "one row per member device and key rotation",
    "epoch_keys": "one row per key rotation",
    "space_epoch_commitments": "one row per key rotation",
    "space_key_conflicts": "one row per rotation or share by an admin that sealed this "
    "device a wrong key (a warning each)",
    "equivocations": "one row per forked sequence number (a warning each)",
    "space_moderators": "one row per member who has been a moderator or above",
    "journal_tag_counts": "one row per distinct tag",
    "journal_totals": "one row",
    "device_keys": "this device's keys",
    "linked_devices": "this person's linked devices",
    "device_sign_keys": "one signing key per device of this person",
    "device_certs": "one certificate per device of this person (issue 10, device keys)",
    "device_revocations": "one row per unlink",
    "device_revocation_cuts": "one row per journal chain an unlink names: this person's devices",
    "space_device_certs": "one row per member device that certified its key in a space",
    "space_device_revocations": "one row per revocation a member wrote of its own devices",
    "space_device_revocation_cuts": "one row per chain a revocation names: a member's devices",
    "relay_lists": "one row per space",
    "relay_acked": "one row per relay and space",
    "relay_cursors": "one row per relay and mailbox",
    "relay_erase_progress": "one row per relay and space",
    "sync_status": "one row per space",
    "search_scratch": "temp: the one word being tokenized (store/journal_search.py)",
    "search_scratch_terms": "temp: that word's tokens",
    "space_pledges": "one row per member and fundraiser (a member's pledge is replaced)",
    "space_pledges_received": "one row per member and fundraiser, on organisers' devices",
    "space_campaign_done": "one row per member and campaign",
    "space_dms": "one row per direct conversation of this person (each is a space of its own)",
    "space_channels": "one row per channel an admin made",
    "space_channel_reads": "one row per channel this reader opened or muted",
}
#: Tables that grow with what people write: every read of them must stop at a page.
CONTENT_TABLES = {
    "events", "held_events", "space_posts", "space_reactions", "space_reports",
    "space_modlog", "journal_entries", "journal_tags", "journal_tombstones", "journal_fts",
    "redacted_events", "redactions", "relay_erase_queue", "space_attachments",
    "space_attachment_chunks", "space_post_timers", "space_expired_posts",
    "space_gatherings", "space_gathering_rsvps", "space_gathering_times",
    "space_fundraisers", "space_campaigns", "space_cause_updates",
    "space_dm_offers", "space_dm_offers_tried", "space_cause_states",
    "space_channel_extras", "space_channel_mentions", "space_pending_erasures",
}  # fmt: skip
#: Partial indexes that hold few rows of a space however large it grows.
SMALL_INDEXES = {"space_posts_pinned": "pinned threads"}
_TEMP_BTREE = re.compile(r"USE TEMP B-TREE FOR (?:.*ORDER BY|GROUP BY|DISTINCT)")
_ACCESS = re.compile(
    r"^(SCAN|SEARCH) (?:temp\.|main\.)?(\w+)(?: VIRTUAL TABLE INDEX (\S*)| USING (?:COVERING )?"
    r"(?:INDEX (\w+)|INTEGER PRIMARY KEY|PRIMARY KEY)(?: \((.*)\))?)?"
)
_SOURCES = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!ON\b|WHERE\b)(\w+))?", re.I)
_MIN_MAX = re.compile(r"SELECT (?:min|max)\(\w+\) FROM \w+ WHERE [^()]*$", re.I)
_FRESH = itertools.count()
_SKIP = ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "INSERT", "UPDATE")


def _plan(conn: Connection, sql: str) -> list[str]:
    """The plan as the schema is now (a cached EXPLAIN statement keeps its old plan, so
    each call's text is new)."""
    try:
        return [str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql} /* {next(_FRESH)} */")]
    except Exception as exc:
        raise AssertionError(sql) from exc


#: Keys that can hold as many rows as a space: a thread (a hostile member can flood one
#: with replies) must be read a page at a time, like the space. A thread's key in
#: space_posts_replies is (space_id, root_lamport, parent_id) since schema 17.
_WIDE_KEYS = ("space_id", "parent_id", "root_lamport")


def _keyed(constraint: str, index: str | None) -> bool:
    """A seek narrower than a whole space: an equality on something other than a space or
    a thread (a post, an entry), or a small partial index."""
    if index in SMALL_INDEXES:
        return True
    terms = [t.strip() for t in constraint.split(" AND ")]
    return any(t.endswith("=?") and not t.startswith(_WIDE_KEYS) for t in terms)


def problems(conn: Connection, sql: str) -> list[str]:
    """The steps of `sql`'s plan that read an unbounded number of content rows."""
    aliases: dict[str, str] = {}
    for table, alias in _SOURCES.findall(sql):
        aliases[table] = table
        if alias:
            aliases[alias] = table
    plan = _plan(conn, sql)
    sorts = any(_TEMP_BTREE.search(step) for step in plan)
    limited = re.search(r"\bLIMIT\s+\d", sql, re.I) is not None
    # A lone min() or max() searched in an index reads one entry of it.
    min_max = _MIN_MAX.match(sql) is not None
    found = []
    if re.search(r"\bOFFSET\s+[1-9]", sql, re.I):
        found.append("OFFSET: every row it skips is read")
    for step in plan:
        access = _ACCESS.match(step)
        if access is None or step.startswith(("SCAN (subquery", "SCAN CONSTANT ROW")):
            continue
        if step.endswith("-ROW VALUES CLAUSE"):  # the caller's own keys (a page of posts)
            continue
        kind, name, virtual, index, constraint = access.groups()
        if aliases.get(name, name) in SMALL_TABLES:
            continue
        if virtual is not None:  # FTS5 and its vocabulary: bounded if something constrains it
            if virtual in ("0:", "0") or sorts or not limited:
                found.append(step)
            continue
        if min_max and kind == "SEARCH" and " INDEX " in step:
            continue
        if limited and not sorts and (kind == "SEARCH" or " INDEX " in step):
            continue  # read in index order, stops at the page
        if kind == "SEARCH" and _keyed(constraint or "", index) and not sorts:
            continue
        found.append(step)
    if found and sorts:  # say why: the rows were sorted before the LIMIT
        found += [step for step in plan if _TEMP_BTREE.search(step)]
    return found


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    s = new_session(tmp_path_factory.mktemp("plans") / "vault")
    spaces = s.spaces
    sid = spaces.create_space("Circle", "a circle")
    members = [SigningKeyPair.generate().public for _ in range(6)]
    for i, member in enumerate(members):
        spaces.make_add_member(sid, member, BoxKeyPair.generate().public, f"M{i}")
    roots = [spaces.post(sid, f"thread {i} harbour", title=f"t{i}") for i in range(12)]
    for i in range(20):
        spaces.reply(sid, roots[i % len(roots)], f"reply {i} lantern")
    spaces.pin(sid, roots[0])
    # A disappearing post with an attachment (issue 15): the feed reads the page's timers,
    # erased posts and attachments (store/id_lists.py).
    data = b"minutes of the meeting " * 2000
    notes = PreparedFile(FileSpec("notes.txt", "text/plain", len(data), digest(data)), data)
    spaces.post(sid, "for a day", files=[notes], disappear=86400)
    spaces.react(sid, roots[-1], "sending-care")
    spaces.report(sid, roots[3], "off topic")
    # What later sessions added to these screens: erased posts (a deletion and a
    # moderator's removal, schema 10), invites made here and through a relay, a removal
    # with its cut (core/spaces/finality.py), mute words the feed's marker counts.
    spaces.delete_post(sid, roots[4])
    spaces.moderate(sid, roots[5], "off topic")
    s.invites.create(sid, "127.0.0.1", 7000)
    s.invites.relay_host.create(sid, "wss://relay.example.org/", 2, 3600)
    spaces.remove_member(sid, members[0], reason="test")
    spaces.set_mute_words(sid, ["lantern"])
    spaces.dms.send(spaces.dms.open(sid, members[1]), "a private word")  # issue 15
    general = spaces.channels.create(sid, "general")
    spaces.channels.create(sid, "news", announce=True)
    said = [spaces.channels.send(sid, general, f"chat {i} @M1") for i in range(30)]
    spaces.channels.send(sid, general, "answer", quote=said[3])
    spaces.delete_post(sid, said[5])
    start = int(time.time()) + 3600  # events for the Upcoming view (the real clock)
    for i in range(8):
        spaces.gatherings.create(
            sid,
            {"kind": "online", "title": f"e{i}", "start": start + i * 60, "end": None,
             "tz": "UTC", "repeat": "weekly", "repeat_count": 3},
        )  # fmt: skip
    s.journal.add_many(
        [
            JournalDraft(f"entry {i} family harbour", tags=(f"t{i % 4}",), mood=1 + i % 5)
            for i in range(120)
        ]
    )
    s.journal.delete(s.journal.list(EntryFilter(), 1)[0].entry_id)  # erased (schema 10)
    yield s
    s.lock()


def _recorded(s: Session, run: Callable[[], object]) -> list[str]:
    return [
        q
        for q in dict.fromkeys(traced_statements(s.vault._conn, run))
        if not q.lstrip().upper().startswith(_SKIP)
        and not q.startswith("--")  # what FTS5 runs inside its own tables
    ]


def _space_screens(s: Session) -> None:
    sid = s.spaces.list_spaces()[0].space_id  # the space list, with unread counts
    read_snapshot(s, sid, 50)  # what the space view loads when it opens
    s.spaces.read_feed(sid, limit=100)  # "show more"
    post = s.spaces.read_feed(sid, limit=1)[0].post_id
    s.spaces.resolve_post(sid, post.hex()[:8])
    thread = max(s.spaces.read_feed(sid, limit=50), key=lambda p: len(p.replies))
    page = s.spaces.read_thread(sid, thread.post_id, limit=2)  # the thread view, newest
    s.spaces.read_thread(sid, thread.post_id, before=page.replies[-1].post_id, limit=1)
    s.spaces.read_thread(sid, thread.post_id, after=page.replies[0].post_id, limit=1)
    s.spaces.members(sid, include_former=True)
    s.spaces.mark_read(sid)  # the view marks what it showed as read


def _listings(s: Session) -> None:
    """The CLI's listings and the screens' lists added since issue 18 was first checked:
    invites (direct and relay), join requests, reports, the moderation log, warnings, former
    members, a thread's pages."""
    sid = s.spaces.list_spaces()[0].space_id
    for inactive in (False, True):
        s.invites.invites(sid, include_inactive=inactive)
        s.invites.requests(sid, include_decided=inactive)
    s.spaces.reports(sid)
    s.spaces.moderation_log(sid)
    s.spaces.warnings(sid)
    s.spaces.space_info(sid)
    s.spaces.members(sid, include_former=True)
    s.spaces.mute_words(sid)
    s.spaces.read_feed(sid, include_hidden=True, limit=50)  # the mute marker counts these
    s.spaces.gatherings.upcoming(limit=5)  # the Upcoming view across spaces (schema 21)
    s.spaces.dms.list_dms()  # the Messages section and its sidebar badge (unread counts)


def _channel_screens(s: Session) -> None:
    """The Channels tab: the list with unread and mention counts, a channel's newest page
    and the one before it, the marker moved, a mute."""
    sid = s.spaces.list_spaces()[0].space_id
    channels = s.spaces.channels.list_channels(sid, include_archived=True)
    general = next(c.channel_id for c in channels if c.name == "general")
    page = s.spaces.channels.read(sid, general, limit=10)
    s.spaces.channels.read(sid, general, before=page.messages[0].post.post_id, limit=10)
    s.spaces.channels.resolve(sid, "#general")
    s.spaces.channels.mark_read(sid, general)
    s.spaces.channels.set_muted(sid, general, True)


def _journal_screens(s: Session) -> None:
    j = s.journal
    j.tags()
    for flt in (
        EntryFilter(),
        EntryFilter(mood=3),
        EntryFilter(tags=("t1",)),
        EntryFilter(text="family"),
        EntryFilter(text="fa"),  # left to FTS5's own prefix expansion
        EntryFilter(text="harbour", tags=("t2",)),
    ):
        first = j.list(flt, 25, 0)
        j.count(flt, None if flt == EntryFilter() else COUNT_CAP)
        j.list(flt, 25, 25, first[-1].entry_id if first else None)
    j.search("famil")
    j.resolve_id(j.list(EntryFilter(), 1)[0].entry_id.hex()[:8])


@pytest.mark.parametrize("screens", [_space_screens, _listings, _channel_screens, _journal_screens])
def test_every_screen_query_is_bounded_by_its_page(
    vault: Session, screens: Callable[[Session], None]
) -> None:
    statements = _recorded(vault, lambda: screens(vault))
    assert len(statements) > 10  # the recording saw the screens' reads
    with vault.vault.read() as conn:
        bad = {q: p for q in statements if (p := problems(conn, q))}
    assert not bad, "\n\n".join(f"{q}\n  -> {p}" for q, p in bad.items())


def test_every_table_is_classified(vault: Session) -> None:
    """A new table must be named small (with a reason) or content (checked) here."""
    with vault.vault.read() as conn:
        tables = {
            str(r[0])
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not str(r[0]).startswith(("sqlite_", "journal_fts_"))
        }
    assert tables == set(SMALL_TABLES) - {"search_scratch", "search_scratch_terms"} | CONTENT_TABLES
    assert not set(SMALL_TABLES) & CONTENT_TABLES


def test_the_check_catches_a_missing_index(vault: Session) -> None:
    """Break indexes on purpose: the queries they served must be reported (each is what
    schema 0007 fixed)."""
    recorded = _recorded(vault, lambda: _space_screens(vault))
    recorded += _recorded(vault, lambda: _journal_screens(vault))
    pinned = next(q for q in recorded if "pinned = 1" in q)
    unread = next(q for q in recorded if "lamport >" in q and "count(*)" in q)
    thread = next(q for q in recorded if "root_lamport" in q and "LIMIT" in q)
    times = next(q for q in _recorded(vault, lambda: _listings(vault)) if "start_s" in q)
    with vault.vault.transaction() as conn:
        assert not problems(conn, pinned) and not problems(conn, unread)
        assert not problems(conn, thread) and not problems(conn, times)
        conn.execute("SAVEPOINT broken")
        conn.execute("DROP INDEX space_posts_pinned")
        conn.execute("DROP INDEX space_posts_unread")
        conn.execute("DROP INDEX space_posts_by_order")
        conn.execute("DROP INDEX space_posts_roots")
        conn.execute("DROP INDEX space_posts_replies")
        assert problems(conn, pinned), _plan(conn, pinned)
        assert problems(conn, thread), _plan(conn, thread)
        assert problems(conn, unread), _plan(conn, unread)
        conn.execute("DROP INDEX space_gathering_times_in_order")
        assert problems(conn, times), _plan(conn, times)
        conn.execute("ROLLBACK TO broken")
        conn.execute("RELEASE broken")
    # And the statements the old code ran are reported on today's schema.
    with vault.vault.read() as conn:
        for old in (
            "SELECT post_id FROM space_posts WHERE space_id = x'00' AND parent_id IS NULL"
            " AND pinned = 0",
            "SELECT post_id FROM space_posts WHERE space_id = x'00' AND hex(post_id) LIKE 'AB%'",
            "SELECT count(*) FROM journal_entries",
            "SELECT tag, count(*) FROM journal_tags GROUP BY tag ORDER BY count(*) DESC, tag",
            "SELECT rowid FROM journal_fts WHERE journal_fts MATCH 'a' ORDER BY rank",
            "SELECT rowid FROM journal_entries ORDER BY created_ms DESC LIMIT 5 OFFSET 5",
            "SELECT rowid FROM journal_entries ORDER BY updated_ms DESC LIMIT 5",
            "SELECT max(lamport) FROM space_posts WHERE author = x'00'",
            # A whole thread, as the feed read each one before schema 13.
            "SELECT post_id FROM space_posts WHERE parent_id IN (x'00', x'01')",
            "SELECT post_id FROM space_posts WHERE parent_id = x'00' ORDER BY lamport, post_id",
            # A whole thread by its key in today's index (schema 17), and reactions by post
            # id alone (before schema 17).
            "SELECT post_id FROM space_posts WHERE (space_id, root_lamport, parent_id)"
            " = (x'00', 1, x'00') ORDER BY lamport, post_id",
            "SELECT member_pk FROM space_reactions WHERE post_id IN (x'00', x'01')",
        ):
            assert problems(conn, old), old
