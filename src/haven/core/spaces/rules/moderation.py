"""The rules for keeping a space kind, one event at a time, in log order: pins, moderators
removing posts, and reports (each kept only by the moderator devices it was sealed to); and
`modlog`, the moderation log every admin action writes to."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler, causes
from haven.core.spaces.rules.posts import erase_post, target_post
from haven.core.spaces.sealed import open_report
from haven.crypto.sealing import BoxKeyPair
from haven.store.spaces import moderation as moderation_db
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
    post = target_post(conn, g, e)
    reason = ev.clean_text(e.content.get("reason", ""), ev.MAX_REASON, "a reason")
    if post is None:
        # A fundraiser or campaign: erased and removed the same way (§5.10).
        kind = causes.remove(conn, g, e, author)
        if kind is not None:
            modlog(conn, e, f"remove-{kind}", ev.target_of(e.content), reason)
        return kind is not None
    erase_post(conn, g, post, e)
    if not au.may(author, ev.MODERATE):
        return False
    posts_db.tombstone_post(conn, post.post_id, "removed", reason)
    modlog(conn, e, "remove-post", post.post_id, reason)
    return True


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
