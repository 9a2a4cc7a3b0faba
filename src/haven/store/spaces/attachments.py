"""SQL for attachments (schema/0016_attachments.sql): what each post lists, which event holds
each chunk. The bytes are never here:
they stay in the log's chunk events, so a redaction that erases those erases them."""

from __future__ import annotations

from dataclasses import dataclass

from haven.store import id_lists, id_prefix
from haven.store.vault import Connection


@dataclass(frozen=True)
class AttachmentRow:
    attachment_id: bytes
    space_id: bytes
    post_id: bytes
    idx: int
    name: str
    mime: str
    size: int
    digest: bytes
    width: int
    height: int
    alt: str
    chunks: int
    state: str


_COLS = (
    "attachment_id, space_id, post_id, idx, name, mime, size, digest, width, height, alt,"
    " chunks, state"
)


def insert_attachment(conn: Connection, a: AttachmentRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_attachments ({_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            a.attachment_id,
            a.space_id,
            a.post_id,
            a.idx,
            a.name,
            a.mime,
            a.size,
            a.digest,
            a.width,
            a.height,
            a.alt,
            a.chunks,
            a.state,
        ),
    )


def get_attachment(conn: Connection, attachment_id: bytes) -> AttachmentRow | None:
    row = conn.execute(
        f"SELECT {_COLS} FROM space_attachments WHERE attachment_id = ?", (attachment_id,)
    ).fetchone()
    return AttachmentRow(*row) if row else None


def find_attachment(conn: Connection, hex_prefix: str) -> list[bytes]:
    """Attachment ids (of any space) whose hex form starts with `hex_prefix` (a few)."""
    where, args = id_prefix.range_sql("attachment_id", hex_prefix)
    return [
        r[0]
        for r in conn.execute(
            f"SELECT attachment_id FROM space_attachments WHERE {where}"
            " ORDER BY attachment_id LIMIT ?",
            (*args, id_prefix.MATCHES),
        )
    ]


def of_posts(conn: Connection, post_ids: list[bytes]) -> list[tuple[AttachmentRow, int]]:
    """These posts' attachments, each with how many of its chunks arrived, in each post's
    order: one statement for a page of posts, a seek per post (id_lists)."""
    cols = ", ".join(f"a.{c.strip()}" for c in _COLS.split(","))
    out: list[tuple[AttachmentRow, int]] = []
    for marks, ids in id_lists.batches(post_ids):
        out += [
            (AttachmentRow(*r[:-1]), int(r[-1]))
            for r in conn.execute(
                f"SELECT {cols}, (SELECT count(*) FROM space_attachment_chunks c"
                " WHERE c.attachment_id = a.attachment_id)"
                f" FROM space_attachments a WHERE a.post_id IN ({marks})",
                ids,
            )
        ]
    return sorted(out, key=lambda found: (found[0].post_id, found[0].idx))


def drop_of_post(conn: Connection, post_id: bytes) -> None:
    """A deleted or removed post's attachments: gone from the projection with their chunks
    (the chunk events themselves are erased by the redaction)."""
    conn.execute(
        "DELETE FROM space_attachment_chunks WHERE attachment_id IN"
        " (SELECT attachment_id FROM space_attachments WHERE post_id = ?)",
        (post_id,),
    )
    conn.execute("DELETE FROM space_attachments WHERE post_id = ?", (post_id,))


def add_chunk(
    conn: Connection, attachment_id: bytes, idx: int, space_id: bytes, event_id: bytes
) -> bool:
    """Record where chunk `idx` is; False if that place was taken already."""
    cur = conn.execute(
        "INSERT OR IGNORE INTO space_attachment_chunks (attachment_id, idx, space_id, event_id)"
        " VALUES (?,?,?,?)",
        (attachment_id, idx, space_id, event_id),
    )
    return cur.rowcount == 1


def chunk_events(conn: Connection, attachment_id: bytes) -> list[tuple[int, bytes]]:
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT idx, event_id FROM space_attachment_chunks WHERE attachment_id = ?"
            " ORDER BY idx",
            (attachment_id,),
        )
    ]


def count_chunks(conn: Connection, attachment_id: bytes) -> int:
    row = conn.execute(
        "SELECT count(*) FROM space_attachment_chunks WHERE attachment_id = ?", (attachment_id,)
    ).fetchone()
    return int(row[0])
