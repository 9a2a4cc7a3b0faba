"""The rules for keeping a space kind, one event at a time, in log order: pins, moderators
removing posts, and reports (each kept only by the moderator devices it was sealed to); and
`modlog`, the moderation log every admin action writes to."""

from __future__ import annotations

from haven.core.envelope import Event, open_event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.redaction import erases_at_once
from haven.core.spaces.rules import Handler, causes
from haven.core.spaces.rules.posts import erasable_post, erase_post, target_post
from haven.core.spaces.sealed import open_report
from haven.crypto.sealing import BoxKeyPair
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from haven.store.spaces import moderation as moderation_db
from haven.store.spaces import pending_erasures as pending_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def modlog(
    conn: Connection, event: Event, action: str, subject: bytes | None, detail: str = ""
) -> None:
    moderation_db.insert_modlog(
        conn,
        event.id,
        event.space_id,
        event.lamport,
        event.author,
        action,
        subject,
        detail,
        event.created_ms,
    )


def pin(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = target_post(conn, g, e)
    if post is None or not au.may(author, ev.PIN):
        return False
    pinned = e.content.get("pinned") is not False
    posts_db.set_pinned(conn, post.post_id, pinned)
    modlog(conn, e, "pin" if pinned else "unpin", post.post_id)
    return True


def moderate(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    """A removal hides the post at once if it is valid. The owner's erases its words at
    once too; any other moderator's only once it is settled (`erase_settled`), so that a
    demotion arriving later, whose cut leaves this removal out, finds the words still there
    and the post comes back (docs/PROTOCOL.md §1.7, "Settled before erased")."""
    reason = ev.clean_text(e.content.get("reason", ""), ev.MAX_REASON, "a reason")
    held = erasable_post(conn, g, e)  # shown, or hidden by a removal still waiting
    if held is None:
        # A fundraiser or campaign: hidden, and erased at once or once settled (§5.10).
        kind = causes.remove(conn, g, e, author)
        if kind is not None:
            modlog(conn, e, f"remove-{kind}", ev.target_of(e.content), reason)
        return kind is not None
    at_once = erases_at_once(e, author)
    if at_once:
        erase_post(conn, g, held, e)
    post = target_post(conn, g, e)
    if post is None or not au.may(author, ev.MODERATE):
        return False
    posts_db.tombstone_post(conn, post.post_id, "removed", reason)
    modlog(conn, e, "remove-post", post.post_id, reason)
    if not at_once and not lt.is_redacted(conn, post.post_id):
        pending_db.hold(conn, g.space_id, e.id, post.post_id)
    return True


#: How long a moderator's removal waits, by this device's clock from when it first saw it,
#: before it erases the post's words: the time a demotion that leaves the removal out has to
#: arrive and bring the post back.
GRACE_MS = 24 * 3600 * 1000


def erase_settled(conn: Connection, now_ms: int, limit: int) -> int:
    """Start the grace period of removals seen since the last sweep (this device's clock),
    and erase the posts of those whose grace period is over and which still count (in the
    moderation log: no demotion or removal has left them out). Returns how many rows were
    settled; a space waiting for a recompute is left for the next sweep."""
    pending_db.start(conn, now_ms)
    settled = 0
    for space_id, redaction_id in pending_db.due(conn, now_ms - GRACE_MS, limit):
        state = groups_db.get_state(conn, space_id)
        group = groups_db.get_group(conn, space_id)
        if group is None or state is None or state.dirty:
            continue
        settled += 1
        pending_db.drop(conn, redaction_id)
        stored = lt.get_event(conn, redaction_id)
        key = ids.get_epoch_key(conn, space_id, stored.epoch) if stored is not None else None
        if stored is None or key is None or not moderation_db.counts(conn, redaction_id):
            continue  # it counts for nothing now: the words stay
        removal = open_event(stored.envelope, key, verify=False)  # verified when stored
        post = erasable_post(conn, group, removal)
        if post is not None:
            erase_post(conn, group, post, removal)
        else:
            causes.erase_cause(conn, group, removal)  # a fundraiser or campaign (§5.10)
    return settled


def report(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    sealed = ev.clean_sealed(e.content.get("reports"))
    if not au.may(author, ev.REPORT):
        return False
    box = BoxKeyPair(g.box_secret, g.box_public)
    for recipient, blob in sealed:
        if recipient == box.public:
            opened = open_report(box, blob, g.space_id)
            if opened is not None:
                moderation_db.insert_report(
                    conn, e.id, g.space_id, e.author, opened[0], opened[1], e.created_ms
                )
    return True


HANDLERS: dict[str, Handler] = {ev.PIN: pin, ev.MODERATE: moderate, ev.REPORT: report}
