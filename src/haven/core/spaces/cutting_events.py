"""The events that end a member's (or a device's) right to write and carry a cut — a
removal, a leave, a device list that drops devices — or end a rank — a demotion, a handover
of ownership — read into one shape for core/spaces/finality.py (docs/PROTOCOL.md §5.3,
"Removal finality", "Leaving and dropped devices", "Demotion finality")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from haven.core.envelope import Event
from haven.core.spaces import events as ev
from haven.core.spaces.model import Role
from haven.errors import InvalidInput

#: (Lamport clock, event id): the log's total order.
Key = tuple[int, bytes]


@dataclass(frozen=True)
class Removal:
    """A removal, leave, device drop or demotion with a cut. `only`: a drop's dropped
    devices. `cap`: a demotion's new rank, which the member's events outside the cut keep
    (None: they count for nothing)."""

    event_id: bytes
    key: Key
    author: bytes
    device: bytes
    seq: int
    member: bytes
    cut: tuple[ev.CutEntry, ...]
    only: frozenset[bytes] | None = None
    cap: Role | None = None

    @classmethod
    def of(
        cls,
        event: Event,
        member: bytes,
        cut: tuple[ev.CutEntry, ...],
        only: frozenset[bytes] | None = None,
        cap: Role | None = None,
    ) -> Removal:
        key = (event.lamport, event.id)
        return cls(event.id, key, event.author, event.device, event.seq, member, cut, only, cap)


def parse_removal(event: Event) -> Removal | None:
    try:
        member = ev.clean_pk(event.content.get("member"))
        cut = ev.clean_cut(event.content.get("cut"))
    except InvalidInput:
        return None
    if cut is None:
        return None
    return Removal.of(event, member, cut)


def _with_own(event: Event, cut: tuple[ev.CutEntry, ...]) -> tuple[ev.CutEntry, ...]:
    """An author's cut of its own chains: its own position replaces any entry for its own
    chain, so the event itself is always inside."""
    own = ev.CutEntry(event.device, event.seq, event.id)
    return (*(c for c in cut if c.device != event.device), own)


def _own_cut(event: Event) -> tuple[ev.CutEntry, ...] | None:
    """The cut of an event that ends its author's own right or rank (a leave, a handover):
    its author's own chains, the event itself inside. None: none, or malformed."""
    try:
        cut = ev.clean_cut(event.content.get("cut"))
    except InvalidInput:
        return None
    return None if cut is None else _with_own(event, cut)


def _parse_leave(event: Event) -> Removal | None:
    """A leave's cut is its author's own chains; the leave itself is always inside it."""
    cut = _own_cut(event)
    return None if cut is None else Removal.of(event, event.author, cut)


def _parse_demotion(event: Event) -> Removal | None:
    """A role change to a rank below admin, with a cut of the member's chains (an admin
    demoting itself: its own position is inside). A change to admin caps nothing: only the
    owner ranks above it, and the owner's role never changes this way."""
    try:
        member = ev.clean_pk(event.content.get("member"))
        new = ev.clean_role(event.content.get("role"))
        cut = ev.clean_cut(event.content.get("cut"))
    except InvalidInput:
        return None
    if cut is None or new.rank >= Role.ADMIN.rank:
        return None
    if member == event.author:
        cut = _with_own(event, cut)
    return Removal.of(event, member, cut, cap=new)


def _parse_transfer(event: Event) -> Removal | None:
    """A handover of ownership: its author becomes admin; its cut is its own chains."""
    cut = _own_cut(event)
    return None if cut is None else Removal.of(event, event.author, cut, cap=Role.ADMIN)


def _parse_drop(event: Event) -> Removal | None:
    """A device list that drops devices: its cut names the dropped chains (entries for
    devices it still lists are ignored)."""
    try:
        member, devices = listed(event)
        cut = ev.clean_cut(event.content.get("cut"), empty_chains=True)
    except InvalidInput:
        return None
    if member is None or cut is None:
        return None
    dropped = frozenset(c.device for c in cut) - frozenset(devices)
    if not dropped:
        return None
    entries = tuple(c for c in cut if c.device in dropped and c.device != event.device)
    if event.device in dropped and event.author == member:  # dropping the device it is on:
        entries += (ev.CutEntry(event.device, event.seq, event.id),)  # the drop is inside
    return Removal.of(event, member, entries, dropped)


PARSERS: dict[str, Callable[[Event], Removal | None]] = {
    ev.REMOVE: parse_removal,
    ev.LEAVE: _parse_leave,
    ev.DEVICES: _parse_drop,
    ev.ROLE: _parse_demotion,
    ev.TRANSFER: _parse_transfer,
    ev.DM_BLOCK: parse_removal,  # a block in a direct conversation bans the other side
}


class Handovers:
    """Each owner's handovers of ownership, by chain: a handover whose cut holds another
    by the same owner was written by a device that had seen the owner hand the space over
    already (one backdated below it would otherwise sort first and win), and is void. Two
    that do not hold each other (two devices of the owner racing) are left to the log
    order."""

    def __init__(self, removals: list[Removal]) -> None:
        #: author -> device -> that author's handovers on the device: (seq, event id, key).
        self._by: dict[bytes, dict[bytes, list[tuple[int, bytes, Key]]]] = {}
        for r in removals:
            if self._is_handover(r):
                chains = self._by.setdefault(r.author, {})
                chains.setdefault(r.device, []).append((r.seq, r.event_id, r.key))
        for chains in self._by.values():
            for handovers in chains.values():
                handovers.sort()

    @staticmethod
    def _is_handover(r: Removal) -> bool:
        return r.cap is Role.ADMIN and r.author == r.member

    def after_another(self, r: Removal, cut: dict[bytes, int], since: Key | None) -> bool:
        """Whether `r` is a handover whose `cut` (device -> seq) holds another one by the
        same owner ordered after `since` (the change that last made them owner): an owner
        who handed the space over and got it back may hand it over again. (The other one
        need not have counted: a backdated handover sorted first makes it fail.)"""
        if not self._is_handover(r):
            return False
        chains = self._by.get(r.author, {})
        for device, seq in cut.items():
            if any(
                s <= seq and i != r.event_id and (since is None or k > since)
                for s, i, k in chains.get(device, [])
            ):
                return True
        return False


def named_member(event: Event) -> bytes | None:
    """The member a role change or handover names."""
    try:
        return ev.clean_pk(event.content.get("member"))
    except InvalidInput:
        return None


def listed(event: Event) -> tuple[bytes | None, tuple[bytes, ...]]:
    """The member an add or device list names, and the devices it lists."""
    try:
        member = ev.clean_pk(event.content.get("member"))
    except InvalidInput:
        return None, ()
    try:
        devices = ev.clean_devices(event.content.get("devices"))
    except InvalidInput:
        return member, ()
    return member, tuple(d for d, _ in devices)
