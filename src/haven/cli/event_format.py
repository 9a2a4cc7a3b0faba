"""What `haven event` commands share: the time at which places are revealed, times in the
reader's zone, an event as JSON (cmd_event.py, event_upcoming.py)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from haven.core.clock import now_ms
from haven.core.export import write_private_file
from haven.core.session import Session
from haven.core.spaces.gatherings.details import in_zone, next_occurrence
from haven.core.spaces.gatherings.model import Gathering
from haven.errors import InvalidInput

#: For the test suite only (with HAVEN_TEST_SUITE=1): the time, in UTC milliseconds, at which
#: this process reveals places, instead of the clock.
TEST_NOW_ENV = "HAVEN_TEST_NOW_MS"


def now_for_reveal() -> int:
    raw = os.environ.get(TEST_NOW_ENV)
    if raw is not None and os.environ.get("HAVEN_TEST_SUITE") == "1":
        return int(raw)
    return now_ms()


def reveal_due(session: Session) -> int:
    """Reveal the places whose time has come, where this device organises."""
    return session.spaces.gatherings.publish_due(now_for_reveal())


def next_when(g: Gathering, now_s: int) -> tuple[int, int | None] | None:
    """The occurrence of `g` that has not ended by `now_s` (a repeating event's next one, not
    its first date); None when every one is over."""
    return next_occurrence(g.details, now_s)


def shown_when(g: Gathering, now_s: int) -> tuple[int, int | None]:
    """When to say `g` happens: its next occurrence, or its first if all are over."""
    return next_when(g, now_s) or (g.details.start, g.details.end)


def local_when(utc_s: int | None, tz: str | None) -> str:
    if utc_s is None:
        return ""
    moment = in_zone(utc_s, tz) if tz else datetime.fromtimestamp(utc_s, UTC).astimezone()
    return moment.strftime("%a %d %b %Y %H:%M %Z")


def _iso(utc_s: int | None) -> str | None:
    return None if utc_s is None else datetime.fromtimestamp(utc_s, UTC).isoformat()


def event_dict(g: Gathering, in_tz: str | None, now_s: int | None = None) -> dict[str, Any]:
    """`start`/`end` are the event's first occurrence; `next_start`/`next_end` the one that
    has not ended yet (null when all are over), and `start_local` that one in the reader's
    zone (the first, once all are over)."""
    d = g.details
    now = now_for_reveal() // 1000 if now_s is None else now_s
    coming = next_when(g, now)
    shown = coming or (d.start, d.end)
    out: dict[str, Any] = {
        "id": g.gathering_id.hex(),
        "title": d.title,
        "kind": d.kind,
        "description": d.description,
        "start": _iso(d.start),
        "end": _iso(d.end),
        "next_start": _iso(coming[0]) if coming else None,
        "next_end": _iso(coming[1]) if coming else None,
        "tz": d.tz,
        "start_local": local_when(shown[0], in_tz),
        "repeat": d.repeat or None,
        "repeat_count": d.repeat_count or None,
        "capacity": d.capacity or None,
        "approval": d.approval,
        "cancelled": g.cancelled,
        "organisers": [{"id": pk.hex(), "name": n} for pk, n in g.organisers],
        "i_organise": g.i_organise,
        "place_hidden": d.has_place and g.place is None,
        "reveal_at": _iso(d.reveal_at),
        "my_answer": g.my_answer,
        "my_plus_one": g.my_plus_one,
        "my_approved": g.my_approved,
        "counts": None
        if g.counts is None
        else {k: v for k, v in vars(g.counts).items() if v is not None},
    }
    if g.place is not None:
        out["location"] = g.place
    return out


def write_new_file(path: str, data: bytes) -> Path:
    """Write `data` to a new file only this user may read (it may hold an event's place),
    never over an existing one; a clear error otherwise."""
    dest = Path(path).expanduser()
    try:
        write_private_file(dest, data)
    except FileExistsError:
        raise InvalidInput(f"{dest} already exists; choose a new file name") from None
    except OSError as exc:
        raise InvalidInput(f"could not write {dest}: {exc.strerror}") from None
    return dest
