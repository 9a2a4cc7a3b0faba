"""SQL for a space's chat channels (schema/0023_channels.sql): the channels themselves, what
a message carries beyond a post's words (its quote, its mentions), and this reader's marker
and mute per channel. A channel's messages are rows of space_posts whose parent is the
channel; their pages are read with posts.replies_page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haven.store.vault import Connection


@dataclass(frozen=True)
class ChannelRow:
    channel_id: bytes
    space_id: bytes
    lamport: int
    name: str
    kind: str  # chat | announce
    archived: bool


_COLS = "channel_id, space_id, lamport, name, kind, archived"
#: A channel by its id: its create event gives its key (as posts.py finds a post).
_BY_ID = "(space_id, lamport, channel_id) = (SELECT space_id, lamport, id FROM events WHERE id = ?)"


def _row(r: Any) -> ChannelRow:
    return ChannelRow(bytes(r[0]), bytes(r[1]), int(r[2]), str(r[3]), str(r[4]), bool(r[5]))


def insert_channel(conn: Connection, row: ChannelRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_channels ({_COLS}) VALUES (?,?,?,?,?,?)",
        (row.channel_id, row.space_id, row.lamport, row.name, row.kind, int(row.archived)),
    )


def get_channel(conn: Connection, channel_id: bytes) -> ChannelRow | None:
    row = conn.execute(
        f"SELECT {_COLS} FROM space_channels WHERE {_BY_ID}", (channel_id,)
    ).fetchone()
    return _row(row) if row else None


def by_name(conn: Connection, space_id: bytes, name: str) -> ChannelRow | None:
    row = conn.execute(
        f"SELECT {_COLS} FROM space_channels WHERE space_id = ? AND name = ?", (space_id, name)
    ).fetchone()
    return _row(row) if row else None


def list_channels(conn: Connection, space_id: bytes) -> list[ChannelRow]:
    return [
        _row(r)
        for r in conn.execute(
            f"SELECT {_COLS} FROM space_channels WHERE space_id = ? ORDER BY lamport, channel_id",
            (space_id,),
        )
    ]


def rename(conn: Connection, channel_id: bytes, name: str) -> None:
    conn.execute(f"UPDATE space_channels SET name = ? WHERE {_BY_ID}", (name, channel_id))


def set_archived(conn: Connection, channel_id: bytes, archived: bool) -> None:
    conn.execute(
        f"UPDATE space_channels SET archived = ? WHERE {_BY_ID}", (int(archived), channel_id)
    )


# ----------------------------------------------------------------- messages


def mark_message(
    conn: Connection,
    space_id: bytes,
    lamport: int,
    post_id: bytes,
    channel_id: bytes,
    quote_id: bytes | None,
    mentions: tuple[bytes, ...],
) -> None:
    """The post just inserted is a message of `channel_id`: out of the feed's unread count,
    with its quote and mentions."""
    conn.execute(
        "UPDATE space_posts SET channel = 1 WHERE space_id = ? AND lamport = ? AND post_id = ?",
        (space_id, lamport, post_id),
    )
    if quote_id is None and not mentions:
        return
    conn.execute(
        "INSERT OR REPLACE INTO space_channel_extras"
        " (space_id, post_lamport, post_id, quote_id, mentions) VALUES (?,?,?,?,?)",
        (space_id, lamport, post_id, quote_id, b"".join(mentions)),
    )
    for member in mentions:
        conn.execute(
            "INSERT OR IGNORE INTO space_channel_mentions"
            " (space_id, member_pk, channel_id, post_lamport, post_id) VALUES (?,?,?,?,?)",
            (space_id, member, channel_id, lamport, post_id),
        )


def extras_for(
    conn: Connection, space_id: bytes, keys: list[tuple[int, bytes]]
) -> dict[bytes, tuple[bytes | None, tuple[bytes, ...]]]:
    """Quote and mentions of these messages ((lamport, id) each): one seek per message."""
    out: dict[bytes, tuple[bytes | None, tuple[bytes, ...]]] = {}
    for start in range(0, len(keys), 300):
        chunk = keys[start : start + 300]
        args = [v for lamport, post_id in chunk for v in (space_id, lamport, post_id)]
        for post_id, quote, mentions in conn.execute(
            "SELECT post_id, quote_id, mentions FROM space_channel_extras"
            " WHERE (space_id, post_lamport, post_id) IN"
            f" (VALUES {','.join(['(?,?,?)'] * len(chunk))})",
            args,
        ):
            m = bytes(mentions)
            out[bytes(post_id)] = (
                bytes(quote) if quote is not None else None,
                tuple(m[i : i + 32] for i in range(0, len(m), 32)),
            )
    return out


def count_unread(
    conn: Connection, space_id: bytes, channel_id: bytes, me: bytes, after: int, cap: int
) -> int:
    """Visible messages by others after `after`, at most `cap`: a range of the covering
    index space_posts_channel_unread from the channel's newest end."""
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM space_posts WHERE (space_id, root_lamport,"
            " parent_id) = (SELECT space_id, lamport, id FROM events WHERE id = ?)"
            " AND lamport > ? AND author != ? AND state = 'visible' AND channel = 1"
            " ORDER BY lamport DESC LIMIT ?)",
            (channel_id, after, me, cap),
        ).fetchone()[0]
    )


def count_mentions(
    conn: Connection, space_id: bytes, channel_id: bytes, me: bytes, after: int, cap: int
) -> int:
    """Messages after `after` that mention `me`, at most `cap`: a range of the key."""
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM space_channel_mentions WHERE space_id = ?"
            " AND member_pk = ? AND channel_id = ? AND post_lamport > ? LIMIT ?)",
            (space_id, me, channel_id, after, cap),
        ).fetchone()[0]
    )


def newest_lamport(conn: Connection, channel_id: bytes) -> int:
    row = conn.execute(
        "SELECT lamport FROM space_posts WHERE (space_id, root_lamport, parent_id) ="
        " (SELECT space_id, lamport, id FROM events WHERE id = ?) ORDER BY lamport DESC LIMIT 1",
        (channel_id,),
    ).fetchone()
    return int(row[0]) if row else 0


# ----------------------------------------------------------------- this reader's (local)


def reader_state(conn: Connection, space_id: bytes) -> dict[bytes, tuple[int, bool]]:
    """channel id → (read marker, muted), for the channels this reader touched."""
    return {
        bytes(r[0]): (int(r[1]), bool(r[2]))
        for r in conn.execute(
            "SELECT channel_id, read_lamport, muted FROM space_channel_reads WHERE space_id = ?",
            (space_id,),
        )
    }


def set_read(conn: Connection, space_id: bytes, channel_id: bytes, lamport: int) -> None:
    conn.execute(
        "INSERT INTO space_channel_reads (space_id, channel_id, read_lamport) VALUES (?,?,?)"
        " ON CONFLICT (space_id, channel_id)"
        " DO UPDATE SET read_lamport = max(read_lamport, excluded.read_lamport)",
        (space_id, channel_id, lamport),
    )


def set_muted(conn: Connection, space_id: bytes, channel_id: bytes, muted: bool) -> None:
    conn.execute(
        "INSERT INTO space_channel_reads (space_id, channel_id, muted) VALUES (?,?,?)"
        " ON CONFLICT (space_id, channel_id) DO UPDATE SET muted = excluded.muted",
        (space_id, channel_id, int(muted)),
    )
