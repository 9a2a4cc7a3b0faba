"""Disappearing posts (docs/PROTOCOL.md §5.8): the space's timer (admins), and this device's
sweep that erases posts whose timer ran out — text, edits and attachments, from the log and
the projection, on every replica by its own clock.

Each device counts from when IT stored the post (`space_post_timers`, started just after the
commit that stored it), never from a time a peer wrote, so a backdated or future-dated post
neither vanishes at once nor lingers: it lasts its timer (at most four weeks) from arrival.
Reading never writes: a post whose time is up is shown as the sweep will leave it (no words,
attachments or reactions: posts.py `_Builder`), and refused to replies, reactions, edits and
attachment reads, from the moment its deadline passes. The sweep that erases it is this
module's alone and runs on its own schedule: after every commit that stored a post (which
starts its clock), as the vault opens (core/session.py), and once a minute from the sync
supervisor (the app and `haven serve`). A shown space only asks `past_time` to read again.

The same sweep settles moderators' removals: one by a moderator who is not the owner erases
the post's words only a grace period after this device first saw it, if it still counts
(rules/moderation.py `erase_settled`; docs/PROTOCOL.md §1.7, "Settled before erased")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from haven.core.envelope import Event
from haven.core.spaces import disappearing_timer as timer
from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.rules.disappearing import erase_held_of, expire
from haven.core.spaces.rules.moderation import erase_settled
from haven.store.spaces import settings as settings_db

#: Posts erased per transaction of a sweep (a sweep after a long time away takes several).
SWEEP_BATCH = 200


class Disappearing:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    def timer(self, space_id: bytes) -> int:
        """The space's timer in seconds (0: posts stay)."""
        with self._ctx.fresh(space_id) as conn:
            self._ctx.group(conn, space_id)
            return settings_db.disappear_s(conn, space_id)

    def set_timer(self, space_id: bytes, seconds: int) -> None:
        if seconds:
            timer.clean(seconds)
        self._ctx.require(space_id, ev.SETTINGS, "only admins change the space's settings")
        self._ctx.append(space_id, ev.SETTINGS, {"disappear": seconds})

    def timer_for_new_post(self, space_id: bytes, requested_s: int | None) -> int | None:
        return timer.effective(self.timer(space_id), requested_s)

    def past_time(self, deadlines_ms: Iterable[int | None]) -> bool:
        """Whether any of these deadlines (posts' `disappears_ms`) has passed by this
        device's clock: a view showing them reads them again (they now read as gone)."""
        now = self._ctx.clock()
        return any(d is not None and d <= now for d in deadlines_ms)

    # ----------------------------------------------------------------- the sweep

    def after_commit(self, events: Sequence[Event]) -> None:
        """EventLog listener: a post or a removal was stored, so start its clock now (a
        removal's grace period before it erases: rules/moderation.py `erase_settled`)."""
        if any(e.type in (ev.POST, ev.MODERATE) for e in events):
            self.sweep()

    def sweep(self) -> int:
        """Start the clocks of posts stored since, and erase every post whose time is up.
        Returns how many disappeared."""
        gone = 0
        while True:
            with self._ctx.vault.transaction() as conn:
                now = self._ctx.clock()
                settings_db.start_timers(conn, now)
                due = settings_db.due(conn, now, SWEEP_BATCH)
                thread: dict[bytes, set[bytes]] = {}
                for space_id, post_id in due:
                    thread.setdefault(space_id, set()).update(expire(conn, space_id, post_id))
                for space_id, posts in thread.items():
                    erase_held_of(conn, space_id, posts)
                settled = erase_settled(conn, now, SWEEP_BATCH)
                self._ctx.log.checkpoint_if_erased(conn)
            gone += len(due)
            if len(due) < SWEEP_BATCH and settled < SWEEP_BATCH:
                return gone
