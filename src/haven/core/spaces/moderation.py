"""Keeping a space kind: pins, moderators removing posts, reports sealed to the moderators,
the moderation log, and what each reader keeps for themselves (mute words, blocks). The rules
that apply these events in log order are in `rules/moderation.py`."""

from __future__ import annotations

from haven.core.eventlog import Draft
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces import sealed
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.model import ModAction, Report, Role
from haven.core.spaces.posts import Posts
from haven.errors import InvalidInput, NotFound
from haven.store.spaces import membership as membership_db
from haven.store.spaces import moderation as moderation_db
from haven.store.vault import Connection

MAX_MUTE_WORDS = 200
#: The reports and moderation-log screens (and CLI listings) show this many, the newest.
LOG_PAGE = 500


class Moderation:
    def __init__(self, ctx: SpaceContext, posts: Posts) -> None:
        self._ctx = ctx
        self._posts = posts

    # ----------------------------------------------------------------- moderators and members

    def pin(self, space_id: bytes, post_id: bytes, pinned: bool = True) -> None:
        self._ctx.require(space_id, ev.PIN, "only moderators can pin posts")
        self._posts.visible_post(space_id, post_id)
        self._ctx.append(space_id, ev.PIN, {"pinned": pinned}, target=post_id)

    def moderate(self, space_id: bytes, post_id: bytes, reason: str) -> None:
        reason = ev.clean_text(reason, ev.MAX_REASON, "a reason", required=True)
        self._ctx.require(space_id, ev.MODERATE, "only moderators can remove posts")
        self._posts.visible_post(space_id, post_id)
        self._ctx.append(space_id, ev.MODERATE, {"reason": reason}, target=post_id)

    def report(self, space_id: bytes, post_id: bytes, reason: str) -> bytes:
        """Seal the report to every moderator device; other members see only that a report
        was made (not about what)."""
        reason = ev.clean_text(reason, ev.MAX_REASON, "a reason", required=True)
        self._ctx.require(space_id, ev.REPORT, "only members can report")
        self._posts.visible_post(space_id, post_id)
        with self._ctx.vault.read() as conn:
            mods = membership_db.active_box_keys(
                conn, space_id, [r.value for r in Role if r.rank >= Role.MODERATOR.rank]
            )
        reports = [[pk, sealed.seal_report(pk, space_id, post_id, reason)] for pk in sorted(mods)]
        return self._ctx.append_many(space_id, [Draft(ev.REPORT, {"reports": reports})])[0].id

    # ----------------------------------------------------------------- each reader's own

    def set_mute_words(self, space_id: bytes, words: list[str]) -> None:
        cleaned = sorted({" ".join(w.split()).casefold() for w in words} - {""})
        if len(cleaned) > MAX_MUTE_WORDS:
            raise InvalidInput(f"at most {MAX_MUTE_WORDS} mute words")
        with self._ctx.vault.transaction() as conn:
            self._ctx.group(conn, space_id)
            moderation_db.set_mute_words(conn, space_id, "\n".join(cleaned))

    def mute_words(self, space_id: bytes) -> list[str]:
        with self._ctx.vault.read() as conn:
            return [w for w in self._ctx.group(conn, space_id).mute_words.split("\n") if w]

    def block(self, space_id: bytes, member_pk: bytes, blocked: bool = True) -> None:
        with self._ctx.vault.transaction() as conn:
            self._ctx.group(conn, space_id)
            if membership_db.get_member(conn, space_id, member_pk) is None:
                raise NotFound("no member with that id in this space")
            moderation_db.set_block(conn, space_id, member_pk, blocked)

    # ----------------------------------------------------------------- moderators only

    def _require_moderator(self, conn: Connection, space_id: bytes) -> None:
        role = au.role_of(self._ctx.me(conn, space_id))
        if role is None or role.rank < Role.MODERATOR.rank:
            raise InvalidInput("only moderators can see this")

    def reports(self, space_id: bytes, limit: int = LOG_PAGE) -> list[Report]:
        """The newest `limit` reports, oldest of them first."""
        with self._ctx.fresh(space_id) as conn:
            self._require_moderator(conn, space_id)
            names = {
                m.member_pk: m.display_name for m in membership_db.list_members(conn, space_id)
            }
            rows = moderation_db.list_reports(conn, space_id, limit)
        return [
            Report(rid, who, names.get(who, "?"), target, reason, ms)
            for rid, who, target, reason, ms in rows
        ]

    def moderation_log(self, space_id: bytes, limit: int = LOG_PAGE) -> list[ModAction]:
        """The newest `limit` moderation actions, in log order."""
        with self._ctx.fresh(space_id) as conn:
            self._require_moderator(conn, space_id)
            names = {
                m.member_pk: m.display_name for m in membership_db.list_members(conn, space_id)
            }
            rows = moderation_db.list_modlog(conn, space_id, limit)
        return [
            ModAction(eid, actor, names.get(actor, "?"), action, subject, detail, ms)
            for eid, actor, action, subject, detail, ms in rows
        ]
