"""The events that end a member's (or a device's) right to write and carry a cut — a
removal, a leave, a device list that drops devices — read into one shape for
core/spaces/finality.py (docs/PROTOCOL.md §5.3, "Removal finality", "Leaving and dropped
devices")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from haven.core.envelope import Event
from haven.core.spaces import events as ev
from haven.errors import InvalidInput

#: (Lamport clock, event id): the log's total order.
Key = tuple[int, bytes]


@dataclass(frozen=True)
class Removal:
    """A removal, leave or device drop with a cut. `only`: a drop's dropped devices."""

    event_id: bytes
    key: Key
    author: bytes
    device: bytes
    seq: int
    member: bytes
    cut: tuple[ev.CutEntry, ...]
    only: frozenset[bytes] | None = None

    @classmethod
    def of(
        cls,
        event: Event,
        member: bytes,
        cut: tuple[ev.CutEntry, ...],
        only: frozenset[bytes] | None = None,
    ) -> Removal:
        key = (event.lamport, event.id)
        return cls(event.id, key, event.author, event.device, event.seq, member, cut, only)


def parse_removal(event: Event) -> Removal | None:
    try:
        member = ev.clean_pk(event.content.get("member"))
        cut = ev.clean_cut(event.content.get("cut"))
    except InvalidInput:
        return None
    if cut is None:
        return None
    return Removal.of(event, member, cut)


def _parse_leave(event: Event) -> Removal | None:
    """A leave's cut is its author's own chains; the leave itself is always inside it."""
    try:
        cut = ev.clean_cut(event.content.get("cut"))
    except InvalidInput:
        return None
    if cut is None:
        return None
    own = ev.CutEntry(event.device, event.seq, event.id)
    entries = (*(c for c in cut if c.device != event.device), own)
    return Removal.of(event, event.author, entries)


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
}


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
