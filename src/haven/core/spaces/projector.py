"""Keeps the space tables in step with the ordered log.

An event that sorts after everything applied so far is applied at once. One that sorts
before (a late arrival) marks the space dirty; once the transaction commits, the space's
projection is recomputed from the whole ordered log, so every device ends in the same state
whatever order events arrived in. Reads recompute first if a space is still dirty.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from haven.core.envelope import Event
from haven.core.eventlog import EventLog
from haven.core.spaces import events as ev
from haven.core.spaces import finality
from haven.core.spaces.dm import rules as dm_rules
from haven.core.spaces.fundraisers import rules as fundraisers
from haven.core.spaces.rules import (
    Handler,
    attachments,
    channels,
    details,
    device_keys,
    gatherings,
    invites,
    keys,
    membership,
    moderation,
    posts,
    relays,
    settings,
)
from haven.errors import InvalidInput
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.groups import GroupRow
from haven.store.vault import Connection, Vault, is_storage_failure

log = logging.getLogger(__name__)


class SpaceProjector:
    type_prefix = ev.PREFIX

    def __init__(self, vault: Vault, on_changed: Callable[[bytes], None] | None = None) -> None:
        self._vault = vault
        self._on_changed = on_changed
        self._stale: set[bytes] = set()
        self._touched: set[bytes] = set()
        #: Spaces a sync round left stale: recomputed and announced at EventLog.settle.
        self._deferred: set[bytes] = set()
        self._deferred_lock = threading.Lock()
        self._log: EventLog | None = None

    # ----------------------------------------------------------------- Projector protocol

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        group = groups_db.get_group(conn, event.space_id)
        if group is None:
            return
        groups_db.ensure_state(conn, group.space_id)
        state = groups_db.get_state(conn, group.space_id)
        assert state is not None
        if not state.dirty and (event.lamport, event.id) > (
            state.applied_lamport,
            state.applied_id,
        ):
            # The newest event: no removal or leave can exclude it (its author, if removed
            # or gone, is not active; if re-added, it follows the re-add); a device drop
            # can, if its chain is not listed: then recompute. A removal, leave or drop may
            # exclude events applied before it, outside its cut, or void one: recompute.
            if finality.dropped_chain(conn, group.space_id, event):
                valid = False
                self._mark_stale(conn, group.space_id, log)
            else:
                valid = step(conn, group, event)
            if event.type in finality.CUTTING and finality.needs_recompute(
                conn, group.space_id, event, valid
            ):
                self._mark_stale(conn, group.space_id, log)
        else:
            self._mark_stale(conn, group.space_id, log)
        self._touched.add(group.space_id)
        self._schedule(log)

    def _mark_stale(self, conn: Connection, space_id: bytes, log: EventLog) -> None:
        """The space needs a recompute: after this commit, or — in a sync round's ingest —
        at the round's `settle` (the vault's dirty flag makes a read recompute meanwhile)."""
        groups_db.set_dirty(conn, space_id, True)
        if log.settling_later:
            with self._deferred_lock:
                self._deferred.add(space_id)
        else:
            self._stale.add(space_id)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        if groups_db.get_group(conn, space_id) is not None:
            groups_db.clear_projection(conn, space_id)
            relays.clear_space_relays(conn, space_id)

    # ----------------------------------------------------------------- recomputing

    def recompute(self, conn: Connection, space_id: bytes, log: EventLog) -> int:
        """Rebuild the space's projection from its ordered log; returns events replayed.

        Replays until the removals found valid exclude exactly what the replay excluded
        (a bounded fixed point, core/spaces/finality.py); usually one replay."""
        group = groups_db.get_group(conn, space_id)
        if group is None:
            return 0
        stored = list(lt.events_in_order(conn, space_id, ev.PREFIX))
        candidates = finality.Candidates(stored, lambda s: log.open_stored(conn, s))
        exclusions = finality.NO_EXCLUSIONS
        n = 0
        for _ in range(finality.MAX_PASSES):
            counted = self._replay(conn, group, stored, log, candidates, exclusions)
            n += len(stored)
            found = candidates.finality(counted) if candidates.targets else exclusions
            if candidates.settled(exclusions, found, counted):
                break
            exclusions = found
        groups_db.set_dirty(conn, space_id, False)
        # A disappearing post this recompute stored for the first time starts its clock
        # now: the commit's listener (Disappearing.after_commit) ran before a recompute that
        # a sync round left for its end (EventLog.settle), and found no timer to start.
        settings_db.start_timers(conn, log.now_ms())
        return n

    def _replay(
        self,
        conn: Connection,
        group: GroupRow,
        stored: list[lt.StoredEvent],
        log: EventLog,
        candidates: finality.Candidates,
        exclusions: finality.Finality,
    ) -> set[bytes]:
        """One replay from an empty projection; returns the ids of the events that counted
        among those the fixed point watches."""
        groups_db.clear_projection(conn, group.space_id)
        relays.clear_space_relays(conn, group.space_id)
        counted: set[bytes] = set()
        for s in stored:
            if step(conn, group, log.open_stored(conn, s), exclusions) and candidates.relevant(s):
                counted.add(s.id)
        return counted

    def ensure_fresh(self, space_id: bytes, log: EventLog) -> None:
        with self._vault.read() as conn:
            state = groups_db.get_state(conn, space_id)
            if state is None or not state.dirty:
                return
        with self._vault.transaction() as conn:
            state = groups_db.get_state(conn, space_id)
            if state is not None and state.dirty:
                self.recompute(conn, space_id, log)  # a late deletion erases here
                log.checkpoint_if_erased(conn)

    def _schedule(self, log: EventLog) -> None:
        # One callback per event: the first to run does the work, the rest find nothing.
        # (A flag saying "already scheduled" would stick if the transaction rolled back.)
        self._log = log
        self._vault.after_commit(self._flush)

    def _flush(self) -> None:
        stale, self._stale = self._stale, set()
        touched, self._touched = self._touched, set()
        with self._deferred_lock:
            touched -= self._deferred  # announced when the round settles
        self._refresh(stale, touched)

    def settle(self, log_: EventLog) -> None:
        """The end of a sync round: recompute and announce the spaces it left stale."""
        self._log = log_
        with self._deferred_lock:
            deferred, self._deferred = self._deferred, set()
        self._refresh(deferred, deferred)

    def catch_up(self, conn: Connection, space_id: bytes, log_: EventLog) -> bool:
        """Inside a round's ingest: recompute a space the round left stale now (a rotation
        it brought may give the key the next event needs). False if it is not stale."""
        with self._deferred_lock:
            if space_id not in self._deferred:
                return False
        state = groups_db.get_state(conn, space_id)
        if state is None or not state.dirty:
            return False
        self.recompute(conn, space_id, log_)
        return True

    def _refresh(self, stale: set[bytes], touched: set[bytes]) -> None:
        try:
            if self._log is not None:
                for space_id in sorted(stale):
                    self.ensure_fresh(space_id, self._log)
            if self._on_changed is not None:
                for space_id in sorted(touched):
                    self._on_changed(space_id)
        except Exception:  # the commit already happened; reads recompute if still dirty
            log.exception("updating a space after a commit failed")


# ----------------------------------------------------------------- the rules, one event


def step(
    conn: Connection,
    group: GroupRow,
    event: Event,
    exclusions: finality.Finality = finality.NO_EXCLUSIONS,
) -> bool:
    """Apply one event in log order if it is valid; returns whether it was. An event a
    valid removal excludes (its author removed, the event outside the removal's cut) is
    invalid whatever its type and clock."""
    stored_row = membership_db.get_member(conn, group.space_id, event.author)
    author = exclusions.capped(event, stored_row)  # a demotion's cut may lower its rank
    handler = _HANDLERS.get(event.type)
    valid = False
    if handler is not None:
        try:
            if exclusions.excludes_event(event):
                posts.erase_only(conn, group, event)
            elif not dm_rules.allowed(conn, group, event):
                valid = False
            else:
                valid = handler(conn, group, event, author)
                if valid and event.type in invites.DEPARTURES:
                    invites.void_departed(conn, group.space_id, event.created_ms)
        except Exception as exc:
            # Content a peer shaped wrongly: invalid on every device alike, never fatal to
            # the batch it came in (which would stall sync for everyone) nor to a recompute.
            # Only the vault failing (full, damaged, locked) is not the event's doing.
            if is_storage_failure(exc):
                raise
            if not isinstance(exc, InvalidInput):
                log.info("a space event failed its rule: %s", type(exc).__name__)
            valid = False
    groups_db.set_applied(conn, group.space_id, event.lamport, event.id)
    return valid


_HANDLERS: dict[str, Handler] = {
    **details.HANDLERS,
    **membership.HANDLERS,
    **keys.HANDLERS,
    **posts.HANDLERS,
    **moderation.HANDLERS,
    **relays.HANDLERS,
    **invites.HANDLERS,
    **attachments.HANDLERS,
    **settings.HANDLERS,
    **gatherings.HANDLERS,
    **fundraisers.HANDLERS,
    **device_keys.HANDLERS,
    **dm_rules.HANDLERS,
    **channels.HANDLERS,
}
