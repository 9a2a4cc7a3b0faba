"""Disappearing posts in log order (docs/PROTOCOL.md §5.8).

A post may carry `disappear` (seconds, 1 hour … 4 weeks) in the part of its content a
redaction keeps. Where the space's admins set a timer (`space.settings`), a post without one,
or with a longer one, is invalid at that point of the log. A valid post with a timer is
given one on this device (`space_post_timers`); its clock starts when this device stores it,
never from a time a peer wrote. When it runs out (core/spaces/disappearing.py) the post, its
edits and its attachments' chunks are erased in place, each carrying the EXPIRED marker
instead of a redaction's proof: their own signed core holds the timer, which is what lets
any replica take them in that form. An edit or chunk that arrives after its post expired
here is erased as it is stored."""

from __future__ import annotations

from haven.core.envelope import Event, open_event
from haven.core.redaction import EXPIRED, erase_stored
from haven.core.spaces import disappearing_timer as timer
from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store import log_table as lt
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


def expire_late(conn: Connection, e: Event, post_state: str | None) -> None:
    """An edit or chunk of a post that already disappeared here: erase it as it is stored."""
    if post_state == "expired" and not e.redacted and timer.valid(e.content.get("disappear")):
        stored = lt.get_event(conn, e.id)
        if stored is not None:
            erase_expired(conn, stored)


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
