"""The rules for posting, one event at a time, in log order: posts, replies (threads are
one level deep), edits and deletes by the author, and reactions. Each returns whether the
event was valid; an invalid one changes nothing (docs/PROTOCOL.md, "Group spaces")."""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.redaction import EXPIRED, erase
from haven.core.spaces import authority as au
from haven.core.spaces import events as ev
from haven.core.spaces.redaction import ERASABLE, erases, erases_at_once, scrub_welcomes
from haven.core.spaces.rules import Handler, attachments, causes, channels, disappearing
from haven.store.spaces import attachments as attachments_db
from haven.store.spaces import channels as channels_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import posts as posts_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.spaces.posts import PostRow
from haven.store.vault import Connection


def post(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    # A redacted post keeps only its place in its thread; the deletion or removal that
    # erased it comes later in the order and tombstones it.
    post = erased_post(e.content) if e.redacted else ev.parse_post(e.content)
    if post is None or not au.may(author, ev.POST):
        return False
    seconds = disappearing.post_timer(conn, g, e)  # InvalidInput: invalid
    parent_id, channel, extras = None, None, None
    if post.parent is not None:
        parent = posts_db.get_post(conn, post.parent)
        if parent is None:
            # A message in a channel: its parent is the channel (rules/channels.py).
            channel = channels_db.get_channel(conn, post.parent)
            if channel is None or channel.space_id != g.space_id:
                return False
            if not channels.may_post(channel, author):
                return False
            extras = channels.message_extras(conn, g, channel, e.content)
            parent_id = channel.channel_id
        elif parent.space_id != g.space_id or _in_channel(conn, parent):
            return False  # a channel's messages are answered by quoting, inside the channel
        else:
            parent_id = parent.parent_id or parent.post_id  # threads are one level deep
    posts_db.insert_post(
        conn,
        PostRow(
            e.id,
            g.space_id,
            e.author,
            parent_id,
            post.title,
            post.body,
            post.cw,
            e.created_ms,
            None,
            e.lamport,
            0,
            "deleted" if e.redaction == EXPIRED else "visible",
            "",
        ),
    )
    if channel is not None:
        channels.record_message(conn, g, e, channel, extras)
    disappearing.record(conn, g, e, seconds)
    if e.redaction == EXPIRED:
        settings_db.mark_expired(conn, g.space_id, e.id)
    if not e.redacted:
        attachments.record_files(conn, g, e)
    disappearing.expire_late_reply(conn, g, e, parent_id)
    return True


def _in_channel(conn: Connection, parent: PostRow) -> bool:
    return (
        parent.parent_id is not None and channels_db.get_channel(conn, parent.parent_id) is not None
    )


def erased_post(content: dict[str, object]) -> ev.PostContent | None:
    parent = content.get("parent")
    if parent is not None and not (isinstance(parent, bytes) and len(parent) == 32):
        return None
    return ev.PostContent("", "", "", parent)


def target_post(conn: Connection, g: GroupRow, e: Event) -> PostRow | None:
    target = ev.target_of(e.content)
    post = posts_db.get_post(conn, target) if target else None
    if post is None or post.space_id != g.space_id or post.state != "visible":
        return None
    return post


def erasable_post(conn: Connection, g: GroupRow, e: Event) -> PostRow | None:
    """The post `e` names if its words may still be in the log: shown, or removed by a
    moderator whose removal has not erased it yet (its author's deletion or the owner's
    removal erases it then, at once)."""
    target = ev.target_of(e.content)
    post = posts_db.get_post(conn, target) if target else None
    if post is None or post.space_id != g.space_id or post.state not in ("visible", "removed"):
        return None
    return post


def edit(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    target = ev.target_of(e.content)
    stored = posts_db.get_post(conn, target) if target else None
    if stored is not None and stored.space_id == g.space_id:
        disappearing.expire_late(conn, e, stored.post_id)
    post, new = target_post(conn, g, e), ev.parse_post(e.content)
    if post is None or new is None or post.author != e.author or not au.may(author, ev.EDIT):
        return False
    posts_db.edit_post(conn, post.post_id, new.title, new.body, new.cw, e.created_ms)
    return True


def delete(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = erasable_post(conn, g, e)
    if post is None:
        return False
    erase_post(conn, g, post, e)
    if post.state != "visible" or post.author != e.author or not au.may(author, ev.DELETE):
        return False
    posts_db.tombstone_post(conn, post.post_id, "deleted", "")
    return True


def erase_post(conn: Connection, g: GroupRow, post: PostRow, e: Event) -> None:
    """Erase the post's words from the log and this projection if `e` may (see
    spaces/redaction.py: a little less than what makes `e` valid)."""
    if erases(conn, g.space_id, post.author, e):
        scrub_welcomes(conn, g.space_id, erase(conn, post.post_id, e, ERASABLE))
        posts_db.erase_text(conn, post.post_id)
        attachments_db.drop_of_post(conn, post.post_id)


def erase_only(conn: Connection, g: GroupRow, e: Event) -> None:
    """A deletion or moderation that counts for nothing (finality excludes it: its author
    was removed or left, and it lies outside the cut) still erases if it is one that erases
    at once — its author's own deletion, the owner's removal — since a replica that applied
    it before the removal arrived has already erased, and every replica must. Any other
    moderator's removal erases only once it is settled and still counts, so an excluded
    one erases nothing (docs/PROTOCOL.md §1.7, "Settled before erased")."""
    if e.type in (ev.DELETE, ev.MODERATE):
        author = membership_db.get_member(conn, g.space_id, e.author)
        if not erases_at_once(e, author):
            return
        post = erasable_post(conn, g, e)
        if post is not None:
            erase_post(conn, g, post, e)
        elif e.type == ev.MODERATE:
            causes.erase_cause(conn, g, e)  # a fundraiser or campaign (§5.10)


def react(conn: Connection, g: GroupRow, e: Event, author: MemberRow | None) -> bool:
    post = target_post(conn, g, e)
    kind = ev.clean_reaction(e.content.get("kind"))
    if post is None or not au.may(author, ev.REACT):
        return False
    posts_db.set_reaction(conn, post, e.author, kind, e.content.get("on") is not False)
    return True


HANDLERS: dict[str, Handler] = {ev.POST: post, ev.EDIT: edit, ev.DELETE: delete, ev.REACT: react}
