"""Disappearing posts in log order (docs/PROTOCOL.md §5.8).

A post may carry `disappear` (seconds, 1 hour … 4 weeks) in the part of its content a
redaction keeps. Where the space's admins set a timer (`space.settings`), a post without one,
or with a longer one, is invalid at that point of the log. A valid post with a timer is
given one on this device (`space_post_timers`); its clock starts when this device stores it,
never from a time a peer wrote. When it runs out (core/spaces/disappearing.py) the post, its
edits and its attachments' chunks are erased in place, each carrying the EXPIRED marker
instead of a redaction's proof: their own signed core holds the timer, which is what lets
any replica take them in that form. Replies that carry a timer go with their thread, and
early arrivals held for a gap that belong to it are erased where they wait. An edit, chunk
or reply that arrives after its post expired here is erased as it is stored."""

from __future__ import annotations

from haven.core.envelope import Event, open_event
from haven.core.redaction import EXPIRED, erase_held, erase_stored
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces import events as ev
from haven.core.spaces.redaction import ERASABLE, scrub_welcomes
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import attachments as attachments_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.groups import GroupRow
from haven.store.vault import Connection


def post_timer(conn: Connection, g: GroupRow, e: Event) -> int | None:
    """The post's timer; InvalidInput (the post is invalid) for a malformed one, or for
    none or a longer one than the space's timer at this point of the log."""
    seconds = timer.clean(e.content.get("disappear"))
    space_s = settings_db.disappear_s(conn, g.space_id)
    if space_s and (seconds is None or seconds > space_s):
        raise InvalidInput("a post without this space's disappearing timer")
    return seconds


def record(conn: Connection, g: GroupRow, e: Event, seconds: int | None) -> None:
    if seconds is not None and not e.redacted:
        settings_db.add_timer(conn, g.space_id, e.id, seconds)


def due_here(conn: Connection, post_id: bytes, now_ms: int) -> bool:
    """Whether a post's time is up on this device — its own, or its thread's for a reply that
    carries a timer — whether or not the sweep has erased it yet. Reads treat it as gone."""
    if settings_db.is_due(conn, post_id, now_ms):
        return True
    found = settings_db.timer_of(conn, post_id)
    if found is None or found[1] is None:  # no timer, or its clock not started: as reads see it
        return False
    post = posts_db.get_post(conn, post_id)
    return bool(post and post.parent_id and settings_db.is_due(conn, post.parent_id, now_ms))


def expire_late(conn: Connection, e: Event, post_id: bytes) -> None:
    """An edit or chunk of a post that already disappeared here: erase it as it is stored."""
    if (
        settings_db.is_expired(conn, post_id)
        and not e.redacted
        and timer.valid(e.content.get("disappear"))
    ):
        stored = lt.get_event(conn, e.id)
        if stored is not None:
            erase_expired(conn, stored)


def expire_late_reply(conn: Connection, g: GroupRow, e: Event, root_id: bytes | None) -> None:
    """A reply that arrives after its thread disappeared here goes with it, as it is stored,
    if its own core carries a timer (an honest reply to a disappearing post always does)."""
    if (
        root_id is not None
        and not e.redacted
        and timer.valid(e.content.get("disappear"))
        and settings_db.is_expired(conn, root_id)
    ):
        # Its edits and chunks come after it in its author's chain: none can be held behind
        # a gap yet, and each is erased as it is stored (`expire_late`).
        expire(conn, g.space_id, e.id)


def expire(conn: Connection, space_id: bytes, post_id: bytes) -> set[bytes]:
    """Erase a post whose timer ran out here, with its thread: every event of it that carries
    the timer (the post, its edits, its attachments' chunks), the replies to it that carry a
    timer (and theirs), its words and attachments in the projection, its reactions, and the
    copies waiting in welcomes not yet collected. Returns the ids of the posts that went, for
    `erase_held_of` (once per sweep and space: it opens every held event of the space).
    Reactions carry no words: held or late ones count for nothing, since their post is no
    longer visible."""
    post = posts_db.get_post(conn, post_id)
    thread = [post_id]
    if post is not None and post.parent_id is None:
        replies = posts_db.list_replies(conn, [post_id])
        thread += [r.post_id for r in replies if settings_db.timer_of(conn, r.post_id)]
    replaced: dict[bytes, bytes] = {}
    for one in thread:
        for stored in [lt.get_event(conn, one), *lt.events_targeting(conn, one)]:
            if stored is not None and stored.type in ERASABLE and stored.space_id == space_id:
                envelope = erase_expired(conn, stored)
                if envelope is not None:
                    replaced[stored.envelope] = envelope
        row = posts_db.get_post(conn, one)
        if row is not None and row.state == "visible":
            posts_db.tombstone_post(conn, one, "deleted", "")
            settings_db.mark_expired(conn, space_id, one)
        attachments_db.drop_of_post(conn, one)
        settings_db.drop_timer(conn, one)
    scrub_welcomes(conn, space_id, replaced)
    return set(thread)


def erase_held_of(conn: Connection, space_id: bytes, gone: set[bytes]) -> None:
    """Early arrivals held for a gap in their author's chain that belong to these expired
    posts — edits, chunks, replies that carry a timer — are erased where they wait, and
    taken later in that form. One pass over the space's held events (at most
    eventlog.MAX_HELD_PER_SPACE), however many posts went, in chain order: a held reply
    comes before its own held edits and chunks, which are by its author, later in its chain."""
    gone = set(gone)

    def belongs(event: Event) -> bool:
        refs = (event.content.get("target"), event.content.get("parent"))
        if not (
            event.type in ERASABLE
            and timer.valid(event.content.get("disappear"))
            and any(r in gone for r in refs)
        ):
            return False
        if event.type == ev.POST:
            gone.add(event.id)  # a held reply: its edits and chunks go too
        return True

    if gone:
        erase_held(conn, space_id, belongs, lambda: EXPIRED)


def erase_expired(conn: Connection, stored: lt.StoredEvent) -> bytes | None:
    """Erase one event of an expired post, if its own core carries a timer; returns the new
    envelope (None if nothing was erased)."""
    if lt.is_redacted(conn, stored.id):
        return None
    key = ids.get_epoch_key(conn, stored.space_id, stored.epoch)
    if key is None:
        return None
    event = open_event(stored.envelope, key, verify=False)  # verified when stored
    if not timer.valid(event.content.get("disappear")):
        return None  # the author left it out: this event does not vanish (THREAT_MODEL)
    return erase_stored(conn, stored, EXPIRED)  # marks the transaction for a checkpoint
