"""Who may erase what in a group space (docs/PROTOCOL.md, "Redaction").

A post's author deleting it, or a moderator removing it, erases the post and its edits
from the log of every replica that applies that deletion (`rules/posts.delete`,
`rules/moderation.moderate` call `core/redaction.erase`). A post that arrives already
redacted carries the redaction that erased it; the log takes it only if this rule says
that redaction may erase it — so a plain member cannot hand out emptied copies of other
people's posts.
"""

from __future__ import annotations

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.core.spaces.sealed import Welcome
from haven.store import identity_tables as ids
from haven.store import invites_table as it
from haven.store.spaces import membership as membership_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

#: A post and its edits carry words, its attachments' chunks their bytes; a redaction of the
#: post erases all of them.
ERASABLE = frozenset({ev.POST, ev.EDIT, ev.CHUNK})
#: A fundraiser or campaign carries words (its title, what it is for, where to give or act),
#: its updates theirs, its pledges and received marks sealed amounts: a moderator's removal
#: erases all of them (core/spaces/fundraisers/rules.py `remove`).
CAUSE_ERASABLE = frozenset(
    {ev.FUNDRAISER, ev.FUNDRAISER_UPDATE, ev.PLEDGE, ev.RECEIVED, ev.CAMPAIGN, ev.CAMPAIGN_UPDATE}
)


class PostRedaction:
    erasable = ERASABLE | CAUSE_ERASABLE

    def may_expire(self, event: Event) -> bool:
        return timer.may_expire(event)

    def valid_timer(self, value: object) -> bool:
        """Whether a timer (of an event of a newer type, taken expired) is one that holds."""
        return timer.valid(value)

    def expired_here(self, conn: Connection, event: Event) -> bool:
        """An edit, chunk or reply that carries a timer, of a post that expired here: it
        goes with its post (and waits erased if it is held for a gap)."""
        refs = (event.content.get("target"), event.content.get("parent"))
        return timer.may_expire(event) and any(
            isinstance(r, bytes) and settings_db.is_expired(conn, r) for r in refs
        )

    def may_erase(
        self, conn: Connection, space: ids.SpaceRow, target: Event, redaction: Event
    ) -> bool:
        if target.type in CAUSE_ERASABLE and redaction.type != ev.MODERATE:
            return False  # only a moderator's removal erases a fundraiser or campaign
        return erases(conn, space.space_id, target.author, redaction)


def erases(conn: Connection, space_id: bytes, post_author: bytes, redaction: Event) -> bool:
    """Whether `redaction` erases a post by `post_author` (and its edits): the author's own
    deletion, or a removal by someone who has held the moderator role or above at some point
    of the log applied so far. This is what a redacted copy arriving from a peer must show;
    when this replica erases is `erases_at_once` and, for other moderators' removals, the
    settled sweep (rules/moderation.py `erase_settled`)."""
    if redaction.type == ev.DELETE:
        return redaction.author == post_author
    if redaction.type != ev.MODERATE:
        return False
    member = membership_db.get_member(conn, space_id, redaction.author)
    return au.may(member, ev.MODERATE) or membership_db.has_moderated(
        conn, space_id, redaction.author
    )


def erases_at_once(redaction: Event, author: MemberRow | None) -> bool:
    """The author's own deletion and the owner's removal erase as they are applied; a
    removal by any other moderator hides the post at once and erases it only once settled
    (rules/moderation.py `erase_settled`; docs/PROTOCOL.md §1.7, "Settled before erased"):
    a demotion that arrives later may yet show it never counted."""
    if redaction.type == ev.DELETE:
        return True
    return author is not None and author.role == Role.OWNER.value


def scrub_welcomes(conn: Connection, space_id: bytes, replaced: dict[bytes, bytes]) -> None:
    """Welcomes approved but not yet collected hold the log as it was when they were made:
    put the redacted forms in place of what was just erased, so the joiner never gets it."""
    if not replaced:
        return
    for request_id, stored in it.waiting_welcomes(conn, space_id):
        welcome = Welcome.decode(stored)
        envelopes = tuple(replaced.get(e, e) for e in welcome.envelopes)
        if envelopes != welcome.envelopes:
            fresh = Welcome(
                welcome.space_id,
                welcome.owner_pk,
                welcome.add_event_id,
                welcome.sealed_keys,
                envelopes,
            )
            it.replace_welcome(conn, request_id, fresh.encode())
