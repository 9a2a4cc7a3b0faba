"""Removal finality: which events of a removed member still count.

A removal names a *cut*: for each device chain of the removed member that the remover's log
held, the last event it had seen ([device, seq, event id]). An event of that member counts
only if it lies inside the cut (the remover had seen it: its chain position is at or below
the cut's, on the chain the cut names) — whatever its Lamport clock. This is what the
clock could not give: a removed member can write an event with any clock below its removal,
but not one the remover had already seen. (docs/PROTOCOL.md, "Removal finality".)

The rule applies to the member's events ordered after the add the removal ended and before
the member's next valid add (a re-add opens a new window; events after it count again by
the ordinary rules). Which removals and adds are valid depends on which events count (a
removed admin's add of a puppet outside the cut is not), so the projector computes it as a
bounded fixed point: replay with the exclusions of the removals found valid by the previous
replay, until a replay confirms them. The first replay excludes nothing (the clock-only
result); when its valid removals exclude nothing it counted, that replay is already final,
which is the usual case (an honest removal's cut covers everything the member wrote).
Every step is a function of the stored events alone, so every replica reaches the same
state whatever order the events came in.

A removal without a cut (written before cuts existed) excludes nothing: it keeps the old
meaning, "everything ordered before the removal".

Two other events end a member's (or one device's) right to write, and carry a cut the same
way: a leave names the leaving member's own chains (its own position on its own chain is
always inside), and a `space.member.devices` that drops devices names the dropped devices'
chains; events of a dropped chain outside the cut count for nothing until a later valid
event lists that device again (or the member is re-added). Leaves and drops without a cut
keep the old meaning too. (docs/PROTOCOL.md, "Leaving and dropped devices".)

A demotion (a role change below admin) and a handover of ownership end a *rank* the same
way: the member's events outside the cut, ordered between the change that gave the rank and
the demotion, are judged with the lower rank (`Finality.capped`, used by the projector's
`step`); the rest of the fixed point is the removals'. (docs/PROTOCOL.md, "Demotion
finality".)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from haven.core.envelope import Event
from haven.core.spaces import authority as au
from haven.core.spaces import cutting_events as ce
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role, Status
from haven.store import log_table as lt
from haven.store.spaces import membership as membership_db
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

#: (Lamport clock, event id): the log's total order.
Key = ce.Key

#: Event types that may carry a cut (core/spaces/cutting_events.py).
CUTTING = frozenset(ce.PARSERS)

#: Replays a recompute may run before it keeps the last one (each is a full replay; two
#: suffice for one backdating removed member, three for mutual removals with backdating).
MAX_PASSES = 4


@dataclass(frozen=True)
class Window:
    """Where one valid removal (or leave, or device drop) excludes its member's events:
    ordered after `start` (the add it ended) and before `end` (the member's next add; for a
    drop, also the next event listing the device again), unless inside `cut` (device -> the
    last seq its author had seen on that chain). `only`: the chains it applies to (a drop's
    dropped devices); None: every chain of the member. A demotion's window (`cap` set) runs
    from the change that gave the rank to the demotion, and caps the rank instead."""

    start: Key | None
    end: Key | None
    cut: dict[bytes, int]
    only: frozenset[bytes] | None = None
    #: Chains it never reaches: a member's founding devices, when the member's own leave
    #: or drop was written on a device that is not founding (a stolen later device).
    spared: frozenset[bytes] = frozenset()
    cap: Role | None = None

    def excludes(self, device: bytes, seq: int, key: Key) -> bool:
        if self.only is not None and device not in self.only:
            return False
        if device in self.spared:
            return False
        if self.start is not None and key <= self.start:
            return False
        if self.end is not None and key >= self.end:
            return False
        return seq > self.cut.get(device, 0)


class Finality:
    """The exclusions of a set of valid removals, and the removals that lose a mutual
    removal (`void`)."""

    def __init__(
        self,
        windows: dict[bytes, list[Window]] | None = None,
        void: frozenset[bytes] = frozenset(),
    ) -> None:
        self._windows = windows or {}
        self._void = void

    def excludes(self, author: bytes, device: bytes, seq: int, key: Key) -> bool:
        if key[1] in self._void:
            return True
        windows = self._windows.get(author, ())
        return any(w.cap is None and w.excludes(device, seq, key) for w in windows)

    def excludes_event(self, event: Event) -> bool:
        if event.author in self._windows or event.id in self._void:
            return self.excludes(event.author, event.device, event.seq, (event.lamport, event.id))
        return False

    def cap(self, author: bytes, device: bytes, seq: int, key: Key) -> Role | None:
        """The lowest rank a valid demotion leaves this event (None: not capped)."""
        windows = self._windows.get(author, ())
        caps = [w.cap for w in windows if w.cap is not None and w.excludes(device, seq, key)]
        return min(caps, key=lambda r: r.rank, default=None)

    def capped(self, event: Event, author: MemberRow | None) -> MemberRow | None:
        """The author's row as the rules must judge this event: with its rank lowered to
        the cap of a valid demotion whose cut leaves the event out."""
        if author is None or event.author not in self._windows:
            return author
        cap = self.cap(event.author, event.device, event.seq, (event.lamport, event.id))
        if cap is None or Role(author.role).rank <= cap.rank:
            return author
        return replace(author, role=cap.value)


NO_EXCLUSIONS = Finality()


class Candidates:
    """Every well-formed removal with a cut in a space's log, the adds of the members they
    name, and those members' chain positions: what a recompute needs to turn a set of valid
    removals and adds into exclusions."""

    def __init__(
        self, stored: list[lt.StoredEvent], open_event: Callable[[lt.StoredEvent], Event]
    ) -> None:
        self._removals: list[ce.Removal] = []  # removals, leaves and drops
        for s in stored:
            if s.type in ce.PARSERS:
                removal = ce.PARSERS[s.type](open_event(s))
                if removal is not None:
                    self._removals.append(removal)
        self.targets = frozenset(r.member for r in self._removals)
        by_pair: dict[tuple[bytes, bytes], list[ce.Removal]] = {}
        removals = [r for r in self._removals if r.only is None and r.author != r.member]
        # (demotions pair too; a handover's author is its member: see ce.Handovers)
        for r in removals:
            by_pair.setdefault((r.author, r.member), []).append(r)
        # Each direction of a pair is written by a different author, so a hostile author's
        # many removals pair only with the few its targets wrote of it.
        self._mutual = [
            (r1, r2) for r1 in removals for r2 in by_pair.get((r1.member, r1.author), ())
        ]
        self._handovers = ce.Handovers(self._removals)
        self._adds: dict[bytes, list[tuple[Key, bytes]]] = {}
        #: member -> the adds, role changes and handovers naming it (start a demotion's window).
        self._grants: dict[bytes, list[tuple[Key, bytes]]] = {}
        #: (member, device) -> the adds and device lists naming that device (ends a drop).
        self._listings: dict[tuple[bytes, bytes], list[tuple[Key, bytes]]] = {}
        self._chains: dict[tuple[bytes, bytes, int], bytes] = {}
        self._relevant: list[lt.StoredEvent] = []
        #: The add (by id) and the devices it names; the genesis's author and device.
        self._add_devices: dict[bytes, tuple[bytes, ...]] = {}
        genesis = next((s for s in stored if s.type == ev.GENESIS), None)
        self._genesis = (genesis.author, genesis.device) if genesis is not None else None
        if not self.targets:
            self.membership_ids: frozenset[bytes] = frozenset()
            return
        for s in stored:
            if s.author in self.targets:
                self._chains[(s.author, s.device, s.seq)] = s.id
                self._relevant.append(s)
            if s.type in (ev.ROLE, ev.TRANSFER):
                named = ce.named_member(open_event(s))
                if named in self.targets:
                    self._grants.setdefault(named, []).append(((s.lamport, s.id), s.id))
            if s.type in (ev.ADD, ev.DEVICES):
                member, listed = ce.listed(open_event(s))
                if member not in self.targets:
                    continue
                if s.type == ev.ADD:
                    self._adds.setdefault(member, []).append(((s.lamport, s.id), s.id))
                    self._grants.setdefault(member, []).append(((s.lamport, s.id), s.id))
                    self._add_devices[s.id] = listed
                for device in listed:
                    if (s.author, s.device) == (member, device):
                        continue  # a dropped chain cannot list itself back
                    self._listings.setdefault((member, device), []).append(
                        ((s.lamport, s.id), s.id)
                    )
        self.membership_ids = frozenset(
            [r.event_id for r in self._removals]
            + [i for adds in self._adds.values() for _, i in adds]
            + [i for lists in self._listings.values() for _, i in lists]
            + [i for grants in self._grants.values() for _, i in grants]
        )

    def relevant(self, stored: lt.StoredEvent) -> bool:
        """Whether a replay must note if this event counted (for the fixed point)."""
        return stored.author in self.targets or stored.id in self.membership_ids

    def finality(self, counted: set[bytes]) -> Finality:
        """The exclusions of the removals in `counted` (with the adds in `counted`)."""
        void = self._void(counted)
        windows: dict[bytes, list[Window]] = {}
        for r in self._removals:
            if r.event_id not in counted or r.event_id in void:
                continue
            if r.cap is not None:  # a demotion: from the change that gave the rank to it
                grants = [k for k, i in self._grants.get(r.member, ()) if i in counted]
                since = max((k for k in grants if k < r.key), default=None)
                spared = self._spared(r, counted)  # a self-demotion from a later device
                window = Window(since, r.key, self._cut(r), spared=spared, cap=r.cap)
                windows.setdefault(r.member, []).append(window)
                continue
            adds = [k for k, i in self._adds.get(r.member, ()) if i in counted]
            start = max((k for k in adds if k < r.key), default=None)
            for device in sorted(r.only) if r.only is not None else [None]:
                ends = adds
                if device is not None:  # a drop also ends when the device is listed again
                    listings = self._listings.get((r.member, device), ())
                    ends = adds + [k for k, i in listings if i in counted]
                end = min((k for k in ends if k > r.key), default=None)
                only = None if device is None else frozenset([device])
                window = Window(start, end, self._cut(r), only, self._spared(r, counted))
                windows.setdefault(r.member, []).append(window)
        return Finality(windows, void)

    def _spared(self, r: ce.Removal, counted: set[bytes]) -> frozenset[bytes]:
        """The member's founding devices (core/spaces/founding.py: the owner's genesis
        chain; the devices a counted add names) when the member's own leave, drop,
        self-demotion or handover was written on another device: a stolen later device,
        still holding the persona key, must not void the founding device's history — the
        genesis included — with a cut that leaves it out. An admin's removal or drop
        spares nothing."""
        if r.author != r.member:
            return frozenset()
        if self._genesis is not None and self._genesis[0] == r.member:
            founding = frozenset([self._genesis[1]])
        else:
            adds = [i for _, i in self._adds.get(r.member, ()) if i in counted]
            founding = frozenset(d for i in adds for d in self._add_devices.get(i, ()))
        return frozenset() if r.device in founding else founding

    def _void(self, counted: set[bytes]) -> frozenset[bytes]:
        """The losers of mutual removals (X removes or demotes Y, Y removes or demotes X).
        The clock cannot decide them: a removed (demoted) admin can always backdate "remove
        the remover" below its removal.
        A removal whose cut holds the other one was written by someone who had seen
        themselves removed: it is void. Two that are concurrent (neither cut holds the
        other): the one by the admin added later is void, the longer-standing admin's
        stands — the adds are history the removed admin cannot rewrite."""
        void = set()
        for r1, r2 in self._mutual:
            retaliation = self._holds(r1, r2)
            concurrent = not retaliation and not self._holds(r2, r1)
            junior = self._standing(r1.author, counted) > self._standing(r2.author, counted)
            if retaliation or (concurrent and junior):
                void.add(r1.event_id)
        for r in self._removals:
            grants = [k for k, i in self._grants.get(r.member, ()) if i in counted]
            since = max((k for k in grants if k < r.key), default=None)
            if self._handovers.after_another(r, self._cut(r), since):
                void.add(r.event_id)
        return frozenset(void)

    def _holds(self, r: ce.Removal, other: ce.Removal) -> bool:
        """Whether `r`'s cut holds `other` (its author had seen it)."""
        return self._cut(r).get(other.device, 0) >= other.seq

    def _standing(self, member: bytes, counted: set[bytes]) -> tuple[Key, bytes]:
        """When a member was first validly added (never added: a founder), then its key."""
        adds = [k for k, i in self._adds.get(member, ()) if i in counted]
        return min(adds, default=(-1, b"")), member

    def _cut(self, r: ce.Removal) -> dict[bytes, int]:
        """device -> last counted seq. A chain this replica holds differently at the cut's
        position (its author forked it) counts none of its events: which of the two
        branches the remover saw below the fork cannot be told here."""
        cut = {}
        for entry in r.cut:
            held = self._chains.get((r.member, entry.device, entry.seq))
            cut[entry.device] = entry.seq if held in (None, entry.event_id) else 0
        return cut

    def affected(self, finality: Finality) -> set[tuple[bytes, str]]:
        """The events `finality` excludes ("") or caps (the rank), with how."""
        out = set()
        for s in self._relevant:
            key = (s.lamport, s.id)
            if finality.excludes(s.author, s.device, s.seq, key):
                out.add((s.id, ""))
            else:
                cap = finality.cap(s.author, s.device, s.seq, key)
                if cap is not None:
                    out.add((s.id, cap.value))
        return out

    def settled(self, before: Finality, after: Finality, counted: set[bytes]) -> bool:
        """Whether replaying with `after` would give exactly the replay that ran with
        `before` (and so counted `counted`): nothing it counted becomes excluded or capped,
        and nothing it excluded or capped becomes allowed (which might then count)."""
        if before is after:
            return True
        was, now = self.affected(before), self.affected(after)
        return not (was - now) and not ({i for i, _ in now - was} & counted)


def needs_recompute(conn: Connection, space_id: bytes, removal: Event, valid: bool) -> bool:
    """After a removal (leave, device drop, demotion) was applied as the newest event. Valid:
    whether the log holds events of the removed member (dropped chain) outside its cut,
    applied before it (they arrived first, ordered below it), that a recompute must now
    exclude — never for the remover's own removal, whose cut is its log. An invalid
    removal whose author had been removed: whether it may void that removal (mutual
    removals are decided by standing, not order)."""
    if not valid:
        return _may_count_in_a_replay(conn, space_id, removal)
    parser = ce.PARSERS.get(removal.type)
    parsed = parser(removal) if parser is not None else None
    if parsed is None:
        return False
    cut = {c.device: c for c in parsed.cut}
    for device, seq, _ in membership_db.member_chain_ends(conn, space_id, parsed.member):
        if parsed.only is not None and device not in parsed.only:
            continue
        entry = cut.get(device)
        if entry is None or seq > entry.seq:
            return True
        held = lt.event_at(conn, space_id, parsed.member, device, entry.seq)
        if held is not None and held.id != entry.event_id:
            return True
    return False


def _may_count_in_a_replay(conn: Connection, space_id: bytes, removal: Event) -> bool:
    """An invalid removal or leave applied as the newest event: whether a replay from the
    start could find it valid — then only a recompute gives the state every replica
    reaches. The fixed point's passes do not all see the same membership: a member whom a
    voided removal took out in the first pass is active again in the next, and a removal
    of that member (invalid now: the member already left) is valid there and adds its
    window (tests/unit/spaces/test_finality_replays.py). So: a removal
    whose author may remove, of a member not active now; a removal by a removed author
    (mutual removals are decided by standing, not order); a leave by a member not active
    now; a removal or demotion by a demoted admin (a mutual demotion may void the one that
    demoted it). A plain member's forged removal is never valid in any replay."""
    if removal.type not in (ev.REMOVE, ev.LEAVE, ev.ROLE):
        return False
    author = membership_db.get_member(conn, space_id, removal.author)
    if author is None:
        return False
    if removal.type == ev.LEAVE:
        return author.status != Status.ACTIVE
    if author.status in (Status.REMOVED, Status.BANNED):
        return True
    if author.status == Status.ACTIVE and not au.may(author, removal.type):
        return membership_db.has_moderated(conn, space_id, author.member_pk)
    if removal.type != ev.REMOVE:
        return False
    parsed = ce.parse_removal(removal)
    if parsed is None or author.status != Status.ACTIVE:
        return False
    target = membership_db.get_member(conn, space_id, parsed.member)
    return target is not None and target.status != Status.ACTIVE and au.may(author, ev.REMOVE)


def cut_for(conn: Connection, space_id: bytes, member_pk: bytes) -> list[ev.CutEntry]:
    """The cut a removal of `member_pk` written now carries: the end of each of the
    member's chains in this vault's log, the longest first, at most MAX_CUT."""
    ends = membership_db.member_chain_ends(conn, space_id, member_pk)
    return [ev.CutEntry(d, s, i) for d, s, i in ends[: ev.MAX_CUT]]


def dropped_chain(conn: Connection, space_id: bytes, event: Event) -> bool:
    """Whether an event applied as the newest may lie on a chain a device drop cut off:
    its author is an active member whose device list does not name its device. (Only then
    can a drop exclude the newest event; the recompute decides.)"""
    if event.type == ev.GENESIS:
        return False
    author = membership_db.get_member(conn, space_id, event.author)
    if author is None or author.status != Status.ACTIVE:
        return False
    listed = membership_db.member_devices(conn, space_id, event.author)
    return event.device not in {d for d, _ in listed}


def drop_cut(
    conn: Connection, space_id: bytes, member_pk: bytes, device: bytes
) -> list[ev.CutEntry]:
    """The cut a device list dropping `device` carries: that chain's end in this vault's
    log (seq 0 when it holds nothing of it)."""
    for d, s, i in membership_db.member_chain_ends(conn, space_id, member_pk):
        if d == device:
            return [ev.CutEntry(d, s, i)]
    return [ev.CutEntry(device, 0, bytes(ev.KEY_BYTES))]
