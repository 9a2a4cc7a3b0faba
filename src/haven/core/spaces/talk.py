"""Talking in a space: posts, replies, reactions, pins, moderation, reports, and what each
reader keeps for themselves (mute words, blocks, the unread marker)."""

from __future__ import annotations

from collections import Counter, defaultdict

from haven.core.eventlog import Draft
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import keys
from haven.core.spaces.base import SpaceBase
from haven.core.spaces.model import REACTIONS, FeedPost, ModAction, Report, Role
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import spaces_tables as st
from haven.store.spaces_tables import PostRow
from haven.store.vault import Connection

MAX_MUTE_WORDS = 200


class TalkMixin(SpaceBase):
    # ----------------------------------------------------------------- writing

    def post(self, space_id: bytes, body: str, title: str = "", cw: str = "") -> bytes:
        content = ev.post_content(title, body, cw)
        self._require(space_id, ev.POST, "only members can post")
        return self._append(space_id, ev.POST, ev.post_to_content(content)).id

    def reply(self, space_id: bytes, parent_id: bytes, body: str, cw: str = "") -> bytes:
        content = ev.post_content("", body, cw, parent_id)
        self._require(space_id, ev.POST, "only members can reply")
        self._visible_post(space_id, parent_id)
        return self._append(space_id, ev.POST, ev.post_to_content(content)).id

    def edit_post(
        self,
        space_id: bytes,
        post_id: bytes,
        *,
        body: str | None = None,
        title: str | None = None,
        cw: str | None = None,
    ) -> None:
        me = self._require(space_id, ev.EDIT, "only members can edit")
        post = self._visible_post(space_id, post_id)
        if post.author != me.member_pk:
            raise InvalidInput("you can edit only your own posts")
        content = ev.post_content(
            post.title if title is None else title,
            post.body if body is None else body,
            post.cw if cw is None else cw,
        )
        self._append(space_id, ev.EDIT, ev.post_to_content(content), target=post_id)

    def delete_post(self, space_id: bytes, post_id: bytes) -> None:
        me = self._require(space_id, ev.DELETE, "only members can delete")
        if self._visible_post(space_id, post_id).author != me.member_pk:
            raise InvalidInput("you can delete only your own posts; moderators remove others'")
        self._append(space_id, ev.DELETE, {}, target=post_id)

    def react(self, space_id: bytes, post_id: bytes, kind: str, on: bool = True) -> None:
        kind = ev.clean_reaction(kind)
        self._require(space_id, ev.REACT, "only members can react")
        self._visible_post(space_id, post_id)
        self._append(space_id, ev.REACT, {"kind": kind, "on": on}, target=post_id)

    def unreact(self, space_id: bytes, post_id: bytes, kind: str) -> None:
        self.react(space_id, post_id, kind, on=False)

    def pin(self, space_id: bytes, post_id: bytes, pinned: bool = True) -> None:
        self._require(space_id, ev.PIN, "only moderators can pin posts")
        self._visible_post(space_id, post_id)
        self._append(space_id, ev.PIN, {"pinned": pinned}, target=post_id)

    def moderate(self, space_id: bytes, post_id: bytes, reason: str) -> None:
        reason = ev.clean_text(reason, ev.MAX_REASON, "a reason", required=True)
        self._require(space_id, ev.MODERATE, "only moderators can remove posts")
        self._visible_post(space_id, post_id)
        self._append(space_id, ev.MODERATE, {"reason": reason}, target=post_id)

    def report(self, space_id: bytes, post_id: bytes, reason: str) -> bytes:
        """Seal the report to every moderator device; other members see only that a report
        was made (not about what)."""
        reason = ev.clean_text(reason, ev.MAX_REASON, "a reason", required=True)
        self._require(space_id, ev.REPORT, "only members can report")
        self._visible_post(space_id, post_id)
        with self._vault.read() as conn:
            mods = st.active_box_keys(
                conn, space_id, [r.value for r in Role if r.rank >= Role.MODERATOR.rank]
            )
        sealed = [[pk, keys.seal_report(pk, space_id, post_id, reason)] for pk in sorted(mods)]
        return self._append_many(space_id, [Draft(ev.REPORT, {"reports": sealed})])[0].id

    def _visible_post(self, space_id: bytes, post_id: bytes) -> PostRow:
        with self._fresh(space_id) as conn:
            post = st.get_post(conn, post_id)
        if post is None or post.space_id != space_id:
            raise NotFound("no post with that id in this space")
        if post.state != "visible":
            raise InvalidInput("that post was deleted or removed")
        return post

    # ----------------------------------------------------------------- reading

    def read_feed(
        self, space_id: bytes, include_hidden: bool = False, limit: int | None = None
    ) -> list[FeedPost]:
        """Threads in order (pinned first), each with its replies, reaction counts and the
        author's current name and colour. Posts hidden by this reader's mute words or
        blocks are left out unless `include_hidden`. With `limit`, only the newest `limit`
        threads (and the pinned ones) are read — what a feed shows when it opens."""
        with self._fresh(space_id) as conn:
            group = self._group(conn, space_id)
            me = self._me(conn, space_id)
            members = {m.member_pk: m for m in st.list_members(conn, space_id)}
            if limit is None:
                posts = st.list_posts(conn, space_id)
                reactions = st.reactions(conn, space_id)
            else:
                posts = st.list_thread_page(conn, space_id, limit)
                reactions = st.reactions_for(conn, [p.post_id for p in posts])
            counts: dict[bytes, Counter[str]] = defaultdict(Counter)
            mine: dict[bytes, list[str]] = defaultdict(list)
            for post_id, member, kind in reactions:
                counts[post_id][kind] += 1
                if me is not None and member == me.member_pk:
                    mine[post_id].append(kind)
            blocked = st.blocked(conn, space_id)
        mute = [w for w in group.mute_words.split("\n") if w]

        def build(p: PostRow, replies: tuple[FeedPost, ...] = ()) -> FeedPost:
            author = members.get(p.author)
            hidden = ""
            if p.author in blocked:
                hidden = "blocked"
            elif mute and any(w in f"{p.title}\n{p.body}\n{p.cw}".casefold() for w in mute):
                hidden = "muted"
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
                p.state,
                p.removed_reason,
                {k: counts[p.post_id][k] for k in REACTIONS if counts[p.post_id][k]},
                tuple(sorted(mine[p.post_id])),
                replies,
                hidden,
            )

        children: dict[bytes, list[FeedPost]] = defaultdict(list)
        for p in posts:
            if p.parent_id is not None:
                reply = build(p)
                if include_hidden or not reply.hidden_reason:
                    children[p.parent_id].append(reply)
        roots = [build(p, tuple(children[p.post_id])) for p in posts if p.parent_id is None]
        roots = [r for r in roots if include_hidden or not r.hidden_reason]
        return sorted(roots, key=lambda r: not r.pinned)  # stable: log order otherwise

    def unread(self, space_id: bytes) -> int:
        with self._fresh(space_id) as conn:
            group = self._group(conn, space_id)
            space = ids.get_space(conn, space_id)
            assert space is not None
            return st.count_unread(conn, space_id, space.persona_id, group.read_lamport)

    def mark_read(self, space_id: bytes) -> None:
        with self._vault.transaction() as conn:
            self._group(conn, space_id)
            st.set_read_lamport(conn, space_id, st.max_post_lamport(conn, space_id))

    def set_mute_words(self, space_id: bytes, words: list[str]) -> None:
        cleaned = sorted({" ".join(w.split()).casefold() for w in words} - {""})
        if len(cleaned) > MAX_MUTE_WORDS:
            raise InvalidInput(f"at most {MAX_MUTE_WORDS} mute words")
        with self._vault.transaction() as conn:
            self._group(conn, space_id)
            st.set_mute_words(conn, space_id, "\n".join(cleaned))

    def mute_words(self, space_id: bytes) -> list[str]:
        with self._vault.read() as conn:
            return [w for w in self._group(conn, space_id).mute_words.split("\n") if w]

    def block(self, space_id: bytes, member_pk: bytes, blocked: bool = True) -> None:
        with self._vault.transaction() as conn:
            self._group(conn, space_id)
            if st.get_member(conn, space_id, member_pk) is None:
                raise NotFound("no member with that id in this space")
            st.set_block(conn, space_id, member_pk, blocked)

    # ----------------------------------------------------------------- moderators only

    def _require_moderator(self, conn: Connection, space_id: bytes) -> None:
        role = au.role_of(self._me(conn, space_id))
        if role is None or role.rank < Role.MODERATOR.rank:
            raise InvalidInput("only moderators can see this")

    def reports(self, space_id: bytes) -> list[Report]:
        with self._fresh(space_id) as conn:
            self._require_moderator(conn, space_id)
            names = {m.member_pk: m.display_name for m in st.list_members(conn, space_id)}
            rows = st.list_reports(conn, space_id)
        return [
            Report(rid, who, names.get(who, "?"), target, reason, ms)
            for rid, who, target, reason, ms in rows
        ]

    def moderation_log(self, space_id: bytes) -> list[ModAction]:
        with self._fresh(space_id) as conn:
            self._require_moderator(conn, space_id)
            names = {m.member_pk: m.display_name for m in st.list_members(conn, space_id)}
            rows = st.list_modlog(conn, space_id)
        return [
            ModAction(eid, actor, names.get(actor, "?"), action, subject, detail, ms)
            for eid, actor, action, subject, detail, ms in rows
        ]
