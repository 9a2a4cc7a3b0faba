"""The rules for attachments, in log order (docs/PROTOCOL.md, "Attachments").

A valid post's `files` are recorded one by one: a malformed entry is skipped, one over the
space's size limit at that point of the log is recorded as refused (shown, never fetched
into view) — the limit a peer's client claims to have checked is not trusted. A chunk is
taken only from the post's own author, for an attachment that was accepted, at a place not
yet filled, with exactly the length the attachment's size gives that place (or full, with
zeros after the attachment's end: padding, attachments/spec.py). Anything else
changes nothing and harms no other attachment. `space.settings` (admins, rules/settings.py)
sets the limit."""

from __future__ import annotations

from haven.core.attachments import spec
from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.rules import Handler, disappearing
from haven.store.spaces import attachments as attachments_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.attachments import AttachmentRow
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection


def limit_of(conn: Connection, space_id: bytes) -> int:
    return settings_db.attach_limit(conn, space_id) or spec.DEFAULT_LIMIT


def record_files(conn: Connection, g: GroupRow, e: Event) -> None:
    """Called by the post rule for a valid, unredacted post."""
    limit = limit_of(conn, g.space_id)
    for index, file in enumerate(spec.parse_files(e.content.get("files"))):
        if file is None:
            continue
        attachments_db.insert_attachment(
            conn,
            AttachmentRow(
                spec.attachment_id(e.id, index),
                g.space_id,
                e.id,
                index,
                file.name,
                file.mime,
                file.size,
                file.digest,
                file.width,
                file.height,
                file.alt,
                file.chunks,
                "ok" if file.size <= limit else "refused",
            ),
        )


def chunk(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    target = ev.target_of(e.content)
    part = None if e.redacted else spec.parse_chunk(e.content)
    post = posts_db.get_post(conn, target) if target else None
    if post is not None and post.space_id == g.space_id:
        disappearing.expire_late(conn, e, post.post_id)
    if (
        part is None
        or post is None
        or post.space_id != g.space_id
        or post.state != "visible"
        or post.author != e.author
        or not au.may(author, ev.CHUNK)
    ):
        return False
    row = attachments_db.get_attachment(conn, spec.attachment_id(post.post_id, part.attachment))
    if (
        row is None
        or row.state != "ok"
        or part.index >= row.chunks
        or spec.chunk_part(row.size, part.index, part.data) is None
    ):
        return False
    return attachments_db.add_chunk(conn, row.attachment_id, part.index, g.space_id, e.id)


HANDLERS: dict[str, Handler] = {ev.CHUNK: chunk}
