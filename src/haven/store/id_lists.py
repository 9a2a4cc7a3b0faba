"""Reading rows for a page's ids in one statement: `WHERE key IN (?,?,…)`, each id a seek on
the key, split only past what one SQLite statement may bind (a feed page holds far fewer)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

#: Ids bound in one statement. SQLite (≥ 3.32) binds up to 32,766 values; a page of the feed
#: holds at most its threads and THREAD_PAGE replies of each (a few thousand).
PER_STATEMENT = 10_000


def batches(ids: Sequence[bytes]) -> Iterator[tuple[str, list[bytes]]]:
    """("?,?,…", ids) for each statement the ids need: one for any page the app reads."""
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), PER_STATEMENT):
        chunk = unique[start : start + PER_STATEMENT]
        yield ",".join("?" * len(chunk)), chunk
