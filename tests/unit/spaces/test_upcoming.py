"""The Upcoming view across spaces (core/spaces/gatherings/upcoming.py): the next occurrences
of every space's events, soonest first; one under way included, one over left out; a repeat
listed once per occurrence; a cancelled one marked; the spaces a person was removed from left
out; paging through the index when many rows are passed over."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haven.core.spaces.gatherings import upcoming as up
from haven.store import migrations
from tests.helpers import as_older_schema
from tests.space_helpers import HOUR_MS, T0, clocked_circle, sync

NOW = T0 // 1000
H = HOUR_MS // 1000
DAY = 86_400


def _event(title: str, start: int, end: int | None, **extra: Any) -> dict[str, Any]:
    return {"kind": "online", "title": title, "start": start, "end": end, "tz": "Asia/Beirut",
            **extra}  # fmt: skip


def test_upcoming_across_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (ari, bea), _, circle = clocked_circle(tmp_path, ["ari", "bea"])
    sync(circle, ari, bea)
    other = ari.spaces.create_space("Elsewhere", display_name="Ari")
    g = ari.spaces.gatherings
    g.create(circle, _event("Over", NOW - 3 * H, NOW - H))
    under_way = g.create(other, _event("Under way", NOW - H, NOW + H))
    weekly = g.create(circle, _event("Weekly", NOW + 2 * H, None, repeat="weekly",
                                     repeat_count=3))  # fmt: skip
    called_off = g.create(other, _event("Called off", NOW + 3 * H, NOW + 4 * H))
    g.cancel(other, called_off)
    later = g.create(circle, _event("Later", NOW + 8 * 86400, NOW + 8 * 86400 + H))

    seen = g.upcoming(now_s=NOW)
    assert [(o.gathering.details.title, o.start) for o in seen] == [
        ("Under way", NOW - H),
        ("Weekly", NOW + 2 * H),
        ("Called off", NOW + 3 * H),
        ("Weekly", NOW + 2 * H + 7 * 86400),
        ("Later", NOW + 8 * 86400),
        ("Weekly", NOW + 2 * H + 14 * 86400),
    ]
    assert seen[0].gathering.gathering_id == under_way and seen[0].end == NOW + H
    assert seen[1].end == NOW + 3 * H  # no end: an hour, as details.next_occurrence
    assert [o.gathering.cancelled for o in seen] == [False, False, True, False, False, False]
    assert {o.gathering.space_id for o in seen} == {circle, other}
    assert [o.start for o in g.upcoming(limit=2, now_s=NOW)] == [NOW - H, NOW + 2 * H]

    # Paging through the index: rows passed over (occurrences over) do not end the list.
    monkeypatch.setattr(up, "_PAGE", 1)
    assert g.upcoming(now_s=NOW) == seen
    assert [o.start for o in g.upcoming(now_s=NOW + 10 * 86400)] == [NOW + 2 * H + 14 * 86400]

    # A vault from schema 20 (events, no times yet): migrating recomputes its spaces.
    with ari.vault.transaction() as conn:
        conn.execute("DELETE FROM space_gathering_times")
    with ari.vault.read() as conn:
        as_older_schema(conn, 20)
        assert migrations.migrate(conn) == migrations.latest_version()
    monkeypatch.setattr(up, "_PAGE", 200)
    assert g.upcoming(now_s=NOW) == seen

    # An edit moves the event's times in the index (the old ones go).
    g.edit(circle, later, {"start": NOW + 30 * DAY, "end": NOW + 30 * DAY + H})
    moved = g.upcoming(now_s=NOW)
    assert [o.start for o in moved if o.gathering.gathering_id == later] == [NOW + 30 * DAY]
    assert moved[-1].gathering.gathering_id == later

    # A member sees the events of her spaces only, and none once removed.
    sync(circle, ari, bea)
    assert [o.gathering.gathering_id for o in bea.spaces.gatherings.upcoming(now_s=NOW)] == [
        weekly,
        weekly,
        weekly,
        later,
    ]
    bea_pk = next(m.member_pk for m in ari.spaces.members(circle) if m.display_name == "Bea")
    ari.spaces.remove_member(circle, bea_pk)
    sync(circle, ari, bea)
    assert bea.spaces.gatherings.upcoming(now_s=NOW) == []
    assert bea.spaces.gatherings.upcoming_view(now_s=NOW).not_member == frozenset({circle})
