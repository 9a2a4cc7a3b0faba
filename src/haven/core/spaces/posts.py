"""Posting in a space: posts, replies, edits, deletes and reactions, and reading the feed
(threads, reaction counts, the unread marker). The rules that apply each of these events in
log order are in `rules/posts.py`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain
from typing import Any

from haven.core.attachments import spec
from haven.core.attachments.spec import PreparedFile
from haven.core.eventlog import Draft
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces import events as ev
from haven.core.spaces.attachments import attachments_of
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.model import REACTIONS, FeedPost, ThreadPage
from haven.core.spaces.rules.disappearing import due_here
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store.spaces import channels as channels_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import moderation as moderation_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.posts import PostRow
from haven.store.vault import Connection

#: Unread posts are counted up to here and no further, so a space nobody opened for a year
#: costs what a busy afternoon does (the count reads the newest unread posts' index only).
UNREAD_COUNTED = 999
#: Replies per page of a thread: what the feed holds of each thread and what the thread
#: view and `space thread` read at a time (older and newer pages on request).
THREAD_PAGE = 100
MAX_THREAD_PAGE = 1000


class Posts:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    # ----------------------------------------------------------------- writing

    def post(
        self,
        space_id: bytes,
        body: str,
        title: str = "",
        cw: str = "",
        files: Sequence[PreparedFile] = (),
        disappear: int | None = None,
    ) -> bytes:
        content = ev.post_content(title, body, cw)
        self._ctx.require(space_id, ev.POST, "only members can post")
        return self._write(space_id, ev.post_to_content(content), files, disappear)

    def reply(
        self,
        space_id: bytes,
        parent_id: bytes,
        body: str,
        cw: str = "",
        files: Sequence[PreparedFile] = (),
        disappear: int | None = None,
    ) -> bytes:
        content = ev.post_content("", body, cw, parent_id)
        self._ctx.require(space_id, ev.POST, "only members can reply")
        parent = self.visible_post(space_id, parent_id)
        with self._ctx.fresh(space_id) as conn:
            if parent.parent_id is not None and channels_db.get_channel(conn, parent.parent_id):
                raise InvalidInput("answer a channel message by quoting it in the channel")
            thread = settings_db.timer_of(conn, parent.parent_id or parent.post_id)
        # A reply to a disappearing post disappears with it (rules/disappearing.expire).
        at_most = thread[0] if thread is not None else None
        return self._write(space_id, ev.post_to_content(content), files, disappear, at_most)

    def _write(
        self,
        space_id: bytes,
        content: dict[str, Any],
        files: Sequence[PreparedFile],
        disappear: int | None,
        at_most: int | None = None,
    ) -> bytes:
        """The post, then its attachments' chunks, in one transaction (attachments/spec.py),
        all carrying the post's disappearing timer if it has one (the space's, or shorter;
        a reply's at most its thread's)."""
        with self._ctx.fresh(space_id) as conn:
            seconds = timer.effective(settings_db.disappear_s(conn, space_id), disappear)
        if at_most is not None:
            seconds = min(seconds or at_most, at_most)
        extra = {"disappear": seconds} if seconds else {}
        content.update(extra)
        if not files:
            return self._ctx.append(space_id, ev.POST, content).id
        if len(files) > spec.MAX_FILES:
            raise InvalidInput(f"a post has at most {spec.MAX_FILES} attachments")
        content["files"] = spec.files_content(files)
        drafts = chain([Draft(ev.POST, content)], spec.chunk_drafts(files, ev.CHUNK, extra))
        return self._ctx.append_many(space_id, list(drafts))[0].id

    def edit_post(
        self,
        space_id: bytes,
        post_id: bytes,
        *,
        body: str | None = None,
        title: str | None = None,
        cw: str | None = None,
    ) -> None:
        me = self._ctx.require(space_id, ev.EDIT, "only members can edit")
        post = self.visible_post(space_id, post_id)
        if post.author != me.member_pk:
            raise InvalidInput("you can edit only your own posts")
        content = ev.post_content(
            post.title if title is None else title,
            post.body if body is None else body,
            post.cw if cw is None else cw,
        )
        edit = ev.post_to_content(content)
        with self._ctx.fresh(space_id) as conn:
            found = settings_db.timer_of(conn, post_id)
        if found is not None:
            edit["disappear"] = found[0]  # an edit disappears with its post
        self._ctx.append(space_id, ev.EDIT, edit, target=post_id)

    def delete_post(self, space_id: bytes, post_id: bytes) -> None:
        me = self._ctx.require(space_id, ev.DELETE, "only members can delete")
        if self.visible_post(space_id, post_id).author != me.member_pk:
            raise InvalidInput("you can delete only your own posts; moderators remove others'")
        self._ctx.append(space_id, ev.DELETE, {}, target=post_id)

    def react(self, space_id: bytes, post_id: bytes, kind: str, on: bool = True) -> None:
        kind = ev.clean_reaction(kind)
        self._ctx.require(space_id, ev.REACT, "only members can react")
        self.visible_post(space_id, post_id)
        self._ctx.append(space_id, ev.REACT, {"kind": kind, "on": on}, target=post_id)

    def unreact(self, space_id: bytes, post_id: bytes, kind: str) -> None:
        self.react(space_id, post_id, kind, on=False)

    def visible_post(self, space_id: bytes, post_id: bytes) -> PostRow:
        with self._ctx.fresh(space_id) as conn:
            post = posts_db.get_post(conn, post_id)
            gone = due_here(conn, post_id, self._ctx.clock())
        if post is None or post.space_id != space_id:
            raise NotFound("no post with that id in this space")
        if post.state != "visible" or gone:
            raise InvalidInput("that post was deleted or removed, or it disappeared")
        return post

    # ----------------------------------------------------------------- reading

    def read_feed(
        self, space_id: bytes, include_hidden: bool = False, limit: int | None = None
    ) -> list[FeedPost]:
        """Threads in order (pinned first), each with its replies, reaction counts and the
        author's current name and colour. Posts hidden by this reader's mute words or
        blocks are left out unless `include_hidden`. With `limit`, only the newest `limit`
        threads (and the pinned ones), each with its newest THREAD_PAGE replies, are read —
        what a feed shows when it opens (`read_thread` pages through the rest)."""
        older: set[bytes] = set()
        with self._ctx.fresh(space_id) as conn:
            if limit is None:
                posts = posts_db.list_posts(conn, space_id)
                reactions = posts_db.reactions(conn, space_id)
            else:
                posts, older = posts_db.list_thread_page(conn, space_id, limit, THREAD_PAGE)
                reactions = posts_db.reactions_for(conn, posts)
            build = _Builder(self._ctx, conn, space_id, reactions, posts)
        children: dict[bytes, list[FeedPost]] = defaultdict(list)
        for p in posts:
            if p.parent_id is not None:
                reply = build(p)
                if include_hidden or not reply.hidden_reason:
                    children[p.parent_id].append(reply)
        roots = [
            build(p, tuple(children[p.post_id]), p.post_id in older)
            for p in posts
            if p.parent_id is None
        ]
        roots = [r for r in roots if include_hidden or not r.hidden_reason]
        return sorted(roots, key=lambda r: not r.pinned)  # stable: log order otherwise

    def read_thread(
        self,
        space_id: bytes,
        root_id: bytes,
        *,
        before: bytes | None = None,
        after: bytes | None = None,
        limit: int = THREAD_PAGE,
    ) -> ThreadPage:
        """One page of a thread: its newest `limit` replies, or those just before the reply
        `before`, or just after the reply `after` (ids of replies of this thread, e.g. the
        first or last of the page shown; `after` the first post itself: from its first
        reply). Hidden replies are marked, not left out. The cost
        follows `limit`, not the thread: a thread of a million replies opens as fast as one
        of ten."""
        if not 1 <= limit <= MAX_THREAD_PAGE:
            raise InvalidInput(f"a thread page holds 1 to {MAX_THREAD_PAGE} replies")
        if before is not None and after is not None:
            raise InvalidInput("page before a reply or after one, not both")
        with self._ctx.fresh(space_id) as conn:
            root = posts_db.get_post(conn, root_id)
            if root is None or root.space_id != space_id or root.parent_id is not None:
                raise NotFound("no thread with that id in this space")
            cursor = None
            if after == root_id:  # from the thread's first reply: whatever its clock says
                cursor = (-(2**63), b"")
            elif (edge := before if before is not None else after) is not None:
                cursor = posts_db.reply_key(conn, root_id, edge)
                if cursor is None:
                    raise NotFound("no reply with that id in this thread")
            rows, more = posts_db.replies_page(
                conn,
                root_id,
                limit,
                before=cursor if after is None else None,
                after=cursor if after is not None else None,
            )
            reactions = posts_db.reactions_for(conn, [root, *rows])
            build = _Builder(self._ctx, conn, space_id, reactions, [root, *rows])
            replies = tuple(build(r) for r in rows)
        if after is not None:
            return ThreadPage(build(root), replies, older=after != root_id, newer=more)
        return ThreadPage(build(root), replies, older=more, newer=before is not None)

    def posts_by_id(self, space_id: bytes, post_ids: Sequence[bytes]) -> dict[bytes, FeedPost]:
        """Posts of this space by id, as the reader sees them (e.g. the reported ones the
        feed's pages do not hold, for the moderators' queue); ids of no post of this space
        are left out."""
        with self._ctx.fresh(space_id) as conn:
            rows = [posts_db.get_post(conn, post_id) for post_id in dict.fromkeys(post_ids)]
            found = [r for r in rows if r is not None and r.space_id == space_id]
            reactions = posts_db.reactions_for(conn, found)
            build = _Builder(self._ctx, conn, space_id, reactions, found)
            return {r.post_id: build(r) for r in found}

    def place_of(self, space_id: bytes, post_id: bytes) -> tuple[bytes, bytes | None]:
        """Where a post sits, to open it from elsewhere (a report): its thread's first post,
        and the reply just after it (None for the newest reply or a first post). The page of
        replies before that one ends with the post."""
        with self._ctx.fresh(space_id) as conn:
            row = posts_db.get_post(conn, post_id)
            if row is None or row.space_id != space_id:
                raise NotFound("no post with that id in this space")
            if row.parent_id is None:
                return row.post_id, None
            later, _ = posts_db.replies_page(
                conn, row.parent_id, 1, after=(row.lamport, row.post_id)
            )
            return row.parent_id, later[0].post_id if later else None

    def reply_before(self, space_id: bytes, root_id: bytes, reply_id: bytes) -> bytes:
        """The reply just before `reply_id` in its thread, or the thread's first post when
        it is the first reply: reading replies after it gives the page that starts there."""
        with self._ctx.fresh(space_id) as conn:
            key = posts_db.reply_key(conn, root_id, reply_id)
            if key is None:
                raise NotFound("no reply with that id in this thread")
            earlier, _ = posts_db.replies_page(conn, root_id, 1, before=key)
        return earlier[0].post_id if earlier else root_id

    def unread(self, space_id: bytes) -> int:
        with self._ctx.fresh(space_id) as conn:
            group = self._ctx.group(conn, space_id)
            space = ids.get_space(conn, space_id)
            assert space is not None
            # A post whose time is up is not waiting to be read; the check costs a lookup per
            # post counted, so only while the sweep has something left to erase (one seek).
            now = self._ctx.clock()
            return posts_db.count_unread(
                conn,
                space_id,
                space.persona_id,
                group.read_lamport,
                UNREAD_COUNTED,
                now if settings_db.due(conn, now, 1) else None,
            )

    def mark_read(self, space_id: bytes) -> None:
        with self._ctx.vault.transaction() as conn:
            self._ctx.group(conn, space_id)
            posts_db.set_read_lamport(conn, space_id, posts_db.max_post_lamport(conn, space_id))


class _Builder:
    """Turns post rows into what the reader sees: the author's current name and colour,
    reaction counts (and the reader's own) and why the reader hides it, if they do."""

    def __init__(
        self,
        ctx: SpaceContext,
        conn: Connection,
        space_id: bytes,
        reactions: list[tuple[bytes, bytes, str]],
        rows: list[PostRow],
    ) -> None:
        group = ctx.group(conn, space_id)
        self.deadlines = settings_db.deadlines(conn, [p.post_id for p in rows])
        now = ctx.clock()
        #: Posts whose time is up here that the sweep has not erased yet: shown exactly as
        #: the sweep will leave them, so a read never writes (disappearing.py) and nothing
        #: outlives its timer while the sweep waits for its turn.
        self.due = {post_id for post_id, deadline in self.deadlines.items() if deadline <= now}
        self.due |= {
            p.post_id for p in rows if p.parent_id in self.due and p.post_id in self.deadlines
        }
        self.files = attachments_of(
            conn, [p.post_id for p in rows if p.state == "visible" and p.post_id not in self.due]
        )
        self.gone = settings_db.expired_among(
            conn, [p.post_id for p in rows if p.state == "deleted"]
        )
        me = ctx.me(conn, space_id)
        self.members = {m.member_pk: m for m in membership_db.list_members(conn, space_id)}
        self.blocked = moderation_db.blocked(conn, space_id)
        self.mute = [w for w in group.mute_words.split("\n") if w]
        self.counts: dict[bytes, Counter[str]] = defaultdict(Counter)
        self.mine: dict[bytes, list[str]] = defaultdict(list)
        for post_id, member, kind in reactions:
            self.counts[post_id][kind] += 1
            if me is not None and member == me.member_pk:
                self.mine[post_id].append(kind)

    def __call__(
        self, p: PostRow, replies: tuple[FeedPost, ...] = (), older_replies: bool = False
    ) -> FeedPost:
        due = p.post_id in self.due
        if due:
            p = replace(p, title="", body="", cw="", pinned=0, state="deleted", removed_reason="")
        author = self.members.get(p.author)
        hidden = ""
        if p.author in self.blocked:
            hidden = "blocked"
        elif self.mute and any(w in f"{p.title}\n{p.body}\n{p.cw}".casefold() for w in self.mute):
            hidden = "muted"
        counts = Counter() if due else self.counts[p.post_id]
        return FeedPost(
            p.post_id,
            p.author,
            author.display_name if author else "?",
            author.colour if author else "",
            p.title,
            p.body,
            p.cw,
            p.created_ms,
            p.edited_ms,
            bool(p.pinned),
            "expired" if due or p.post_id in self.gone else p.state,
            p.removed_reason,
            {k: counts[k] for k in REACTIONS if counts[k]},
            () if due else tuple(sorted(self.mine[p.post_id])),
            replies,
            hidden,
            older_replies,
            tuple(self.files.get(p.post_id, ())),
            None if due else self.deadlines.get(p.post_id),
        )
