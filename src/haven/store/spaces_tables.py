"""SQL for group spaces: local settings and secrets, and the projections of the space log
(schema/0002_spaces.sql)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from haven.store import id_prefix
from haven.store.vault import Connection

_PROJECTION_TABLES = (
    "space_members",
    "space_member_devices",
    "space_epoch_recipients",
    "space_posts",
    "space_reports",
    "space_modlog",
    "space_state",
)


@dataclass(frozen=True, repr=False)
class GroupRow:
    space_id: bytes
    owner_pk: bytes
    box_secret: bytes
    box_public: bytes
    colour: str
    read_lamport: int
    mute_words: str
    joined_ms: int

    def __repr__(self) -> str:  # never print the secret
        return f"GroupRow({self.space_id.hex()})"


@dataclass(frozen=True)
class StateRow:
    space_id: bytes
    name: str
    description: str
    topics: str
    guidelines: str
    genesis_id: bytes | None
    inforce_epoch: int
    applied_lamport: int
    applied_id: bytes
    dirty: int


@dataclass(frozen=True)
class MemberRow:
    member_pk: bytes
    role: str
    status: str
    display_name: str
    pronouns: str
    colour: str
    since_lamport: int


@dataclass(frozen=True)
class PostRow:
    post_id: bytes
    space_id: bytes
    author: bytes
    parent_id: bytes | None
    title: str
    body: str
    cw: str
    created_ms: int
    edited_ms: int | None
    lamport: int
    pinned: int
    state: str
    removed_reason: str


# ----------------------------------------------------------------- local


def insert_group(conn: Connection, row: GroupRow) -> None:
    conn.execute(
        "INSERT INTO group_spaces (space_id, owner_pk, box_secret, box_public, colour,"
        " read_lamport, mute_words, joined_ms) VALUES (?,?,?,?,?,?,?,?)",
        (
            row.space_id,
            row.owner_pk,
            row.box_secret,
            row.box_public,
            row.colour,
            row.read_lamport,
            row.mute_words,
            row.joined_ms,
        ),
    )


def get_group(conn: Connection, space_id: bytes) -> GroupRow | None:
    row = conn.execute(
        "SELECT space_id, owner_pk, box_secret, box_public, colour, read_lamport, mute_words,"
        " joined_ms FROM group_spaces WHERE space_id = ?",
        (space_id,),
    ).fetchone()
    return GroupRow(*row) if row else None


def group_ids(conn: Connection) -> list[bytes]:
    return [r[0] for r in conn.execute("SELECT space_id FROM group_spaces ORDER BY joined_ms")]


def set_read_lamport(conn: Connection, space_id: bytes, lamport: int) -> None:
    conn.execute(
        "UPDATE group_spaces SET read_lamport = max(read_lamport, ?) WHERE space_id = ?",
        (lamport, space_id),
    )


def set_mute_words(conn: Connection, space_id: bytes, words: str) -> None:
    conn.execute("UPDATE group_spaces SET mute_words = ? WHERE space_id = ?", (words, space_id))


def set_colour(conn: Connection, space_id: bytes, colour: str) -> None:
    conn.execute("UPDATE group_spaces SET colour = ? WHERE space_id = ?", (colour, space_id))


def insert_pending(
    conn: Connection,
    persona_pk: bytes,
    box_secret: bytes,
    box_public: bytes,
    colour: str,
    now_ms: int,
) -> None:
    conn.execute(
        "INSERT INTO space_pending_joins (persona_pk, box_secret, box_public, colour,"
        " created_ms) VALUES (?,?,?,?,?)",
        (persona_pk, box_secret, box_public, colour, now_ms),
    )


def get_pending_by_box(conn: Connection, box_public: bytes) -> tuple[bytes, bytes, str] | None:
    """(persona_pk, box_secret, colour) of the pending join request with this box key."""
    row = conn.execute(
        "SELECT persona_pk, box_secret, colour FROM space_pending_joins WHERE box_public = ?",
        (box_public,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else None


def get_pending_box(conn: Connection, persona_pk: bytes) -> tuple[bytes, bytes] | None:
    """(box_secret, box_public) of the pending join request made as this persona."""
    row = conn.execute(
        "SELECT box_secret, box_public FROM space_pending_joins WHERE persona_pk = ?",
        (persona_pk,),
    ).fetchone()
    return (row[0], row[1]) if row else None


def pending_box_keys(conn: Connection) -> list[tuple[bytes, bytes]]:
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT box_secret, box_public FROM space_pending_joins ORDER BY created_ms"
        )
    ]


def delete_pending(conn: Connection, persona_pk: bytes) -> None:
    conn.execute("DELETE FROM space_pending_joins WHERE persona_pk = ?", (persona_pk,))


def set_block(conn: Connection, space_id: bytes, member_pk: bytes, blocked: bool) -> None:
    if blocked:
        conn.execute(
            "INSERT OR IGNORE INTO space_blocks (space_id, member_pk) VALUES (?,?)",
            (space_id, member_pk),
        )
    else:
        conn.execute(
            "DELETE FROM space_blocks WHERE space_id = ? AND member_pk = ?", (space_id, member_pk)
        )


def blocked(conn: Connection, space_id: bytes) -> set[bytes]:
    return {
        r[0]
        for r in conn.execute("SELECT member_pk FROM space_blocks WHERE space_id = ?", (space_id,))
    }


def wipe_space(conn: Connection, space_id: bytes, persona_pk: bytes | None) -> None:
    """Forget a space entirely: its log, keys, projections, settings (and its own persona)."""
    for table in ("events", "held_events", "equivocations"):
        conn.execute(f"DELETE FROM {table} WHERE space_id = ?", (space_id,))
    conn.execute(
        "DELETE FROM space_reactions WHERE post_id IN"
        " (SELECT post_id FROM space_posts WHERE space_id = ?)",
        (space_id,),
    )
    conn.execute("DELETE FROM spaces WHERE space_id = ?", (space_id,))  # cascades
    if persona_pk is not None:
        still_used = conn.execute(
            "SELECT 1 FROM spaces WHERE persona_id = ?", (persona_pk,)
        ).fetchone()
        is_primary = conn.execute("SELECT 1 FROM meta WHERE value = ?", (persona_pk,)).fetchone()
        if not still_used and not is_primary:
            conn.execute("DELETE FROM personas WHERE persona_id = ?", (persona_pk,))


# ----------------------------------------------------------------- projection: space


def clear_projection(conn: Connection, space_id: bytes) -> None:
    conn.execute(
        "DELETE FROM space_reactions WHERE post_id IN"
        " (SELECT post_id FROM space_posts WHERE space_id = ?)",
        (space_id,),
    )
    for table in _PROJECTION_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE space_id = ?", (space_id,))
    conn.execute("INSERT INTO space_state (space_id) VALUES (?)", (space_id,))


def ensure_state(conn: Connection, space_id: bytes) -> None:
    conn.execute("INSERT OR IGNORE INTO space_state (space_id) VALUES (?)", (space_id,))


def get_state(conn: Connection, space_id: bytes) -> StateRow | None:
    row = conn.execute(
        "SELECT space_id, name, description, topics, guidelines, genesis_id, inforce_epoch,"
        " applied_lamport, applied_id, dirty FROM space_state WHERE space_id = ?",
        (space_id,),
    ).fetchone()
    return StateRow(*row) if row else None


def set_info(
    conn: Connection,
    space_id: bytes,
    name: str,
    description: str,
    topics: Iterable[str],
    guidelines: str,
) -> None:
    conn.execute(
        "UPDATE space_state SET name = ?, description = ?, topics = ?, guidelines = ?"
        " WHERE space_id = ?",
        (name, description, "\n".join(topics), guidelines, space_id),
    )
    conn.execute("UPDATE spaces SET name = ? WHERE space_id = ?", (name, space_id))


def set_genesis(conn: Connection, space_id: bytes, genesis_id: bytes, epoch: int) -> None:
    conn.execute(
        "UPDATE space_state SET genesis_id = ?, inforce_epoch = ? WHERE space_id = ?",
        (genesis_id, epoch, space_id),
    )


def set_inforce_epoch(conn: Connection, space_id: bytes, epoch: int) -> None:
    conn.execute("UPDATE space_state SET inforce_epoch = ? WHERE space_id = ?", (epoch, space_id))


def set_applied(conn: Connection, space_id: bytes, lamport: int, event_id: bytes) -> None:
    conn.execute(
        "UPDATE space_state SET applied_lamport = ?, applied_id = ? WHERE space_id = ?",
        (lamport, event_id, space_id),
    )


def set_dirty(conn: Connection, space_id: bytes, dirty: bool) -> None:
    conn.execute("UPDATE space_state SET dirty = ? WHERE space_id = ?", (int(dirty), space_id))


# ----------------------------------------------------------------- projection: members

_MEMBER_COLS = "member_pk, role, status, display_name, pronouns, colour, since_lamport"


def get_member(conn: Connection, space_id: bytes, member_pk: bytes) -> MemberRow | None:
    row = conn.execute(
        f"SELECT {_MEMBER_COLS} FROM space_members WHERE space_id = ? AND member_pk = ?",
        (space_id, member_pk),
    ).fetchone()
    return MemberRow(*row) if row else None


def put_member(conn: Connection, space_id: bytes, m: MemberRow) -> None:
    conn.execute(
        f"INSERT INTO space_members (space_id, {_MEMBER_COLS}) VALUES (?,?,?,?,?,?,?,?)"
        " ON CONFLICT (space_id, member_pk) DO UPDATE SET role = excluded.role,"
        " status = excluded.status, display_name = excluded.display_name,"
        " pronouns = excluded.pronouns, colour = excluded.colour,"
        " since_lamport = excluded.since_lamport",
        (
            space_id,
            m.member_pk,
            m.role,
            m.status,
            m.display_name,
            m.pronouns,
            m.colour,
            m.since_lamport,
        ),
    )


def list_members(conn: Connection, space_id: bytes, status: str | None = None) -> list[MemberRow]:
    sql = f"SELECT {_MEMBER_COLS} FROM space_members WHERE space_id = ?"
    args: tuple[object, ...] = (space_id,)
    if status is not None:
        sql, args = sql + " AND status = ?", (space_id, status)
    return [MemberRow(*r) for r in conn.execute(sql + " ORDER BY since_lamport, member_pk", args)]


def put_devices(
    conn: Connection, space_id: bytes, member_pk: bytes, devices: Iterable[tuple[bytes, bytes]]
) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO space_member_devices (space_id, member_pk, device_id, box_pk)"
        " VALUES (?,?,?,?)",
        [(space_id, member_pk, d, b) for d, b in devices],
    )


def delete_devices(conn: Connection, space_id: bytes, member_pk: bytes) -> None:
    conn.execute(
        "DELETE FROM space_member_devices WHERE space_id = ? AND member_pk = ?",
        (space_id, member_pk),
    )


def member_devices(
    conn: Connection, space_id: bytes, member_pk: bytes
) -> list[tuple[bytes, bytes]]:
    return [
        (r[0], r[1])
        for r in conn.execute(
            "SELECT device_id, box_pk FROM space_member_devices"
            " WHERE space_id = ? AND member_pk = ? ORDER BY device_id",
            (space_id, member_pk),
        )
    ]


def active_box_keys(
    conn: Connection, space_id: bytes, min_rank_roles: Iterable[str] | None = None
) -> set[bytes]:
    sql = (
        "SELECT d.box_pk FROM space_member_devices d JOIN space_members m"
        " ON m.space_id = d.space_id AND m.member_pk = d.member_pk"
        " WHERE d.space_id = ? AND m.status = 'active'"
    )
    args: list[object] = [space_id]
    if min_rank_roles is not None:
        roles = list(min_rank_roles)
        sql += " AND m.role IN (" + ",".join("?" * len(roles)) + ")"
        args += roles
    return {r[0] for r in conn.execute(sql, args)}


def member_box_keys(conn: Connection, space_id: bytes, member_pk: bytes) -> set[bytes]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT box_pk FROM space_member_devices WHERE space_id = ? AND member_pk = ?",
            (space_id, member_pk),
        )
    }


def add_recipients(
    conn: Connection, space_id: bytes, epoch: int, box_keys: Iterable[bytes]
) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO space_epoch_recipients (space_id, epoch, box_pk) VALUES (?,?,?)",
        [(space_id, epoch, pk) for pk in box_keys],
    )


def epochs_held(conn: Connection, space_id: bytes, box_pk: bytes) -> list[int]:
    """Epochs whose key was delivered to this device key."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT epoch FROM space_epoch_recipients"
            " WHERE space_id = ? AND box_pk = ? ORDER BY epoch",
            (space_id, box_pk),
        )
    ]


def recipients(conn: Connection, space_id: bytes, epoch: int) -> set[bytes]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT box_pk FROM space_epoch_recipients WHERE space_id = ? AND epoch = ?",
            (space_id, epoch),
        )
    }


# ----------------------------------------------------------------- projection: posts

_POST_COLS = (
    "post_id, space_id, author, parent_id, title, body, cw, created_ms, edited_ms,"
    " lamport, pinned, state, removed_reason"
)


def insert_post(conn: Connection, p: PostRow) -> None:
    conn.execute(
        f"INSERT OR IGNORE INTO space_posts ({_POST_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            p.post_id,
            p.space_id,
            p.author,
            p.parent_id,
            p.title,
            p.body,
            p.cw,
            p.created_ms,
            p.edited_ms,
            p.lamport,
            p.pinned,
            p.state,
            p.removed_reason,
        ),
    )


def get_post(conn: Connection, post_id: bytes) -> PostRow | None:
    row = conn.execute(
        f"SELECT {_POST_COLS} FROM space_posts WHERE post_id = ?", (post_id,)
    ).fetchone()
    return PostRow(*row) if row else None


def edit_post(
    conn: Connection, post_id: bytes, title: str, body: str, cw: str, edited_ms: int
) -> None:
    conn.execute(
        "UPDATE space_posts SET title = ?, body = ?, cw = ?, edited_ms = ? WHERE post_id = ?",
        (title, body, cw, edited_ms, post_id),
    )


def tombstone_post(conn: Connection, post_id: bytes, state: str, reason: str) -> None:
    """Drop the text for good; keep the row so the thread keeps its shape."""
    conn.execute(
        "UPDATE space_posts SET title = '', body = '', cw = '', state = ?,"
        " removed_reason = ?, pinned = 0 WHERE post_id = ?",
        (state, reason, post_id),
    )
    conn.execute("DELETE FROM space_reactions WHERE post_id = ?", (post_id,))


def set_pinned(conn: Connection, post_id: bytes, pinned: bool) -> None:
    conn.execute("UPDATE space_posts SET pinned = ? WHERE post_id = ?", (int(pinned), post_id))


def list_posts(conn: Connection, space_id: bytes) -> list[PostRow]:
    return [
        PostRow(*r)
        for r in conn.execute(
            f"SELECT {_POST_COLS} FROM space_posts WHERE space_id = ? ORDER BY lamport, post_id",
            (space_id,),
        )
    ]


def list_thread_page(conn: Connection, space_id: bytes, limit: int) -> list[PostRow]:
    """The newest `limit` threads (root posts) plus every pinned one, and all their replies:
    what a feed shows first, without reading the whole space. Each query is a range of one
    index (schema/0007_bounded_reads.sql): roots, pinned roots, the replies of each root."""
    roots = [
        PostRow(*r)
        for r in conn.execute(
            f"SELECT {_POST_COLS} FROM space_posts WHERE space_id = ? AND parent_id IS NULL"
            " ORDER BY lamport DESC, post_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]
    seen = {r.post_id for r in roots}
    roots += [p for p in list_pinned(conn, space_id) if p.post_id not in seen]
    rows = roots + list_replies(conn, [r.post_id for r in roots])
    rows.sort(key=lambda p: (p.lamport, p.post_id))
    return rows


def list_replies(conn: Connection, root_ids: list[bytes]) -> list[PostRow]:
    """Every reply to these threads (a seek per thread in space_posts_by_parent)."""
    rows: list[PostRow] = []
    for start in range(0, len(root_ids), 500):
        chunk = root_ids[start : start + 500]
        rows += [
            PostRow(*r)
            for r in conn.execute(
                f"SELECT {_POST_COLS} FROM space_posts WHERE parent_id IN"
                f" ({','.join('?' * len(chunk))})",
                chunk,
            )
        ]
    return rows


def list_pinned(conn: Connection, space_id: bytes) -> list[PostRow]:
    """Pinned threads (root posts), in log order."""
    return [
        PostRow(*r)
        for r in conn.execute(
            f"SELECT {_POST_COLS} FROM space_posts WHERE space_id = ? AND parent_id IS NULL"
            " AND pinned = 1 ORDER BY lamport, post_id",
            (space_id,),
        )
    ]


def reactions_for(conn: Connection, post_ids: list[bytes]) -> list[tuple[bytes, bytes, str]]:
    out: list[tuple[bytes, bytes, str]] = []
    for start in range(0, len(post_ids), 500):
        chunk = post_ids[start : start + 500]
        out += [
            (r[0], r[1], r[2])
            for r in conn.execute(
                "SELECT post_id, member_pk, kind FROM space_reactions WHERE post_id IN"
                f" ({','.join('?' * len(chunk))})",
                chunk,
            )
        ]
    return out


def find_post_ids(conn: Connection, space_id: bytes, hex_prefix: str) -> list[bytes]:
    """Up to a few posts of this space whose id starts with `hex_prefix`."""
    where, args = id_prefix.range_sql("post_id", hex_prefix)
    return [
        bytes(r[0])
        for r in conn.execute(
            f"SELECT post_id FROM space_posts WHERE {where} AND +space_id = ? LIMIT ?",
            (*args, space_id, id_prefix.MATCHES),
        )
    ]


def count_unread(
    conn: Connection, space_id: bytes, me: bytes, after_lamport: int, cap: int = -1
) -> int:
    """Visible posts by others after `after_lamport`, counting at most `cap` of them (-1: no
    cap). Read from the covering index space_posts_unread, newest first."""
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM space_posts WHERE space_id = ? AND lamport > ?"
            " AND author != ? AND state = 'visible' ORDER BY lamport DESC LIMIT ?)",
            (space_id, after_lamport, me, cap),
        ).fetchone()[0]
    )


def max_post_lamport(conn: Connection, space_id: bytes) -> int:
    row = conn.execute(
        "SELECT max(lamport) FROM space_posts WHERE space_id = ?", (space_id,)
    ).fetchone()
    return int(row[0] or 0)


def set_reaction(conn: Connection, post_id: bytes, member_pk: bytes, kind: str, on: bool) -> None:
    if on:
        conn.execute(
            "INSERT OR IGNORE INTO space_reactions (post_id, member_pk, kind) VALUES (?,?,?)",
            (post_id, member_pk, kind),
        )
    else:
        conn.execute(
            "DELETE FROM space_reactions WHERE post_id = ? AND member_pk = ? AND kind = ?",
            (post_id, member_pk, kind),
        )


def reactions(conn: Connection, space_id: bytes) -> list[tuple[bytes, bytes, str]]:
    return [
        (r[0], r[1], r[2])
        for r in conn.execute(
            "SELECT r.post_id, r.member_pk, r.kind FROM space_reactions r JOIN space_posts p"
            " ON p.post_id = r.post_id WHERE p.space_id = ?",
            (space_id,),
        )
    ]


# ----------------------------------------------------------------- projection: moderation


def insert_report(
    conn: Connection,
    report_id: bytes,
    space_id: bytes,
    reporter: bytes,
    target_id: bytes,
    reason: str,
    created_ms: int,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_reports (report_id, space_id, reporter, target_id,"
        " reason, created_ms) VALUES (?,?,?,?,?,?)",
        (report_id, space_id, reporter, target_id, reason, created_ms),
    )


def list_reports(
    conn: Connection, space_id: bytes, limit: int = -1
) -> list[tuple[bytes, bytes, bytes, str, int]]:
    """The newest `limit` reports (-1: all), oldest of them first."""
    rows = [
        tuple(r)
        for r in conn.execute(
            "SELECT report_id, reporter, target_id, reason, created_ms FROM space_reports"
            " WHERE space_id = ? ORDER BY created_ms DESC, report_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]
    return rows[::-1]


def insert_modlog(
    conn: Connection,
    event_id: bytes,
    space_id: bytes,
    lamport: int,
    actor: bytes,
    action: str,
    subject: bytes | None,
    detail: str,
    created_ms: int,
) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO space_modlog (event_id, space_id, lamport, actor, action,"
        " subject, detail, created_ms) VALUES (?,?,?,?,?,?,?,?)",
        (event_id, space_id, lamport, actor, action, subject, detail, created_ms),
    )


def list_modlog(
    conn: Connection, space_id: bytes, limit: int = -1
) -> list[tuple[bytes, bytes, str, bytes | None, str, int]]:
    """The newest `limit` moderation actions (-1: all), in log order."""
    rows = [
        tuple(r)
        for r in conn.execute(
            "SELECT event_id, actor, action, subject, detail, created_ms FROM space_modlog"
            " WHERE space_id = ? ORDER BY lamport DESC, event_id DESC LIMIT ?",
            (space_id, limit),
        )
    ]
    return rows[::-1]
