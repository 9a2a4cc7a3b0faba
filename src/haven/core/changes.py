"""Typed change events, published after the transaction commits (Briar's event bus).

Whoever shows something (a page of the app, a status line) subscribes to `session.changes`
and hears small frozen records saying what changed — `JournalChanged(entry_ids)`,
`PostsChanged(space, post_ids)`, `MembersChanged(space)` … — so it refreshes only what it
shows, instead of re-reading everything after any event in any space. The records carry ids
only, never content or keys. Which log event means which change is decided here, in the
core, from the event types the features define: nothing above the core names an event type.

Listeners run in the writer's thread (a UI worker, the sync loop's workers) after the
commit, like EventLog's: they must only hand the records on (the UI's bridge re-emits them
as a Qt signal, queued into the UI thread).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from haven.core import devices, journal, profile, relays
from haven.core.envelope import Event
from haven.core.eventlog import EventLog
from haven.core.spaces import events as ev

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Change:
    """Something in one space changed (the journal is a space too)."""

    space_id: bytes


@dataclass(frozen=True)
class JournalChanged(Change):
    """Journal entries were written, edited or deleted (here or by a linked device)."""

    entry_ids: tuple[bytes, ...]


@dataclass(frozen=True)
class DevicesChanged(Change):
    """A device was linked, unlinked, or the journal's key rotated after an unlink."""


@dataclass(frozen=True)
class ProfileChanged(Change):
    """The persona's name or pronouns changed (here or on a linked device)."""


@dataclass(frozen=True)
class RelaysChanged(Change):
    """A space's (or the journal's) relay list changed."""


@dataclass(frozen=True)
class SpaceDetailsChanged(Change):
    """A space was created or joined, or its name, description, topics or guidelines
    changed."""


@dataclass(frozen=True)
class MembersChanged(Change):
    """Members, roles, profiles, devices or ownership of a space changed."""


@dataclass(frozen=True)
class PostsChanged(Change):
    """Posts of a space were written, replied to, edited, deleted, reacted to, pinned or
    removed by a moderator; `post_ids` are the posts (or the posts targeted)."""

    post_ids: tuple[bytes, ...]


@dataclass(frozen=True)
class ModerationChanged(Change):
    """A report reached the moderators, or the moderation log grew."""


@dataclass(frozen=True)
class CausesChanged(Change):
    """A fundraiser or campaign of a space was started, pledged to, tallied, updated, or
    someone said "I did this"."""


@dataclass(frozen=True)
class KeysChanged(Change):
    """The epoch keys this device holds for a space may have changed (a new space, a
    rotation, a share, someone left or was removed, a device unlinked): what LAN discovery
    announces must be derived again."""


ChangeListener = Callable[[Sequence[Change]], None]

_DETAILS = frozenset({ev.GENESIS, ev.INFO})
_MEMBERS = frozenset(
    {ev.GENESIS, ev.ADD, ev.ROLE, ev.REMOVE, ev.LEAVE, ev.PROFILE, ev.DEVICES, ev.TRANSFER}
)
_POSTS = frozenset({ev.POST, ev.EDIT, ev.DELETE, ev.PIN, ev.MODERATE, ev.REACT})
#: What the moderators' queue shows: reports, and the moderation log (every rule that
#: calls `modlog`).
_MODERATION = frozenset(
    {ev.INFO, ev.ADD, ev.ROLE, ev.REMOVE, ev.LEAVE, ev.DEVICES, ev.TRANSFER, ev.ROTATE}
    | {ev.PIN, ev.MODERATE, ev.REPORT}
)
_KEYS = frozenset(
    {ev.GENESIS, ev.ROTATE, ev.SHARE, ev.LEAVE, ev.REMOVE, devices.ROTATE, devices.UNLINK}
)
_CAUSES = frozenset(
    {
        ev.FUNDRAISER,
        ev.FUNDRAISER_UPDATE,
        ev.PLEDGE,
        ev.RECEIVED,
        ev.TALLY,
        ev.CAMPAIGN,
        ev.CAMPAIGN_DONE,
        ev.CAMPAIGN_UPDATE,
        ev.FUNDRAISER_CLOSE,
        ev.CAMPAIGN_CLOSE,
    }
)
_RELAYS = frozenset({relays.JOURNAL_RELAYS, relays.SPACE_RELAYS})


def _target(event: Event) -> bytes:
    target = event.content.get("target") if isinstance(event.content, dict) else None
    return target if isinstance(target, bytes) else event.id


def changes_of(events: Iterable[Event]) -> list[Change]:
    """The changes a committed batch of events makes, merged per space and kind, in the
    order each kind first appears."""
    found: dict[tuple[type[Change], bytes], list[bytes]] = {}

    def add(kind: type[Change], space_id: bytes, item: bytes | None = None) -> None:
        items = found.setdefault((kind, space_id), [])
        if item is not None and item not in items:
            items.append(item)

    for event in events:
        t, space_id = event.type, event.space_id
        if t in (journal.CREATE, journal.EDIT, journal.DELETE):
            add(JournalChanged, space_id, _target(event))
        if t.startswith("journal.device."):
            add(DevicesChanged, space_id)
        if t == profile.PROFILE:
            add(ProfileChanged, space_id)
        if t in _RELAYS:
            add(RelaysChanged, space_id)
        if t in _DETAILS:
            add(SpaceDetailsChanged, space_id)
        if t in _MEMBERS:
            add(MembersChanged, space_id)
        if t in _POSTS:
            add(PostsChanged, space_id, _target(event))
        if t in _MODERATION:
            add(ModerationChanged, space_id)
        if t in _KEYS:
            add(KeysChanged, space_id)
        if t in _CAUSES:
            add(CausesChanged, space_id)
    out: list[Change] = []
    for (kind, space_id), items in found.items():
        if kind is JournalChanged:
            out.append(JournalChanged(space_id, tuple(items)))
        elif kind is PostsChanged:
            out.append(PostsChanged(space_id, tuple(items)))
        else:
            out.append(kind(space_id))
    return out


class ChangeBus:
    """`session.changes`: subscribe to typed changes; published after each commit."""

    def __init__(self, log_: EventLog) -> None:
        self._listeners: list[ChangeListener] = []
        self._lock = threading.Lock()
        log_.subscribe(self._on_events)

    def subscribe(self, listener: ChangeListener) -> Callable[[], None]:
        """Call `listener` with the changes of each committed batch; returns an
        unsubscribe."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _on_events(self, events: Sequence[Event]) -> None:
        changes = changes_of(events)
        if not changes:
            return
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception:  # one broken listener must not keep the others uninformed
                log.exception("a change listener failed")
