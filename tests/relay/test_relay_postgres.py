"""Two real relay processes on one real PostgreSQL database: one community, two front doors."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from haven.relay.client import RelayClient
from tests.relay.support import RelayProcess, run, seal, unseal, write_config


def test_a_subscriber_on_one_instance_gets_what_another_instance_stored(
    tmp_path: Path, pg_url: str
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    fast = write_config(
        tmp_path / "r.toml", claim_pow_bits=8, frames_per_minute_per_mailbox=600_000
    )
    a = RelayProcess(tmp_path / "a", fast, db=pg_url)
    b = RelayProcess(tmp_path / "b", fast, db=pg_url)
    key = os.urandom(32)

    async def scenario() -> None:
        async with (
            await RelayClient.connect(a.url, key) as reader,
            await RelayClient.connect(b.url, key) as writer_b,
        ):
            await reader.subscribe(after=0)
            first = await writer_b.append(seal(key, "posted through B"))
            cursor, blob = await reader.next_push(10)
            assert (cursor, unseal(key, blob)) == (first.cursor, "posted through B")
            # Both instances append at once: cursors stay one sequence, and the subscriber on
            # A sees every blob once, in order, whichever instance stored it.
            async with await RelayClient.connect(a.url, key) as writer_a:
                await asyncio.gather(
                    writer_a.append_many([seal(key, f"a{i}") for i in range(40)]),
                    writer_b.append_many([seal(key, f"b{i}") for i in range(40)]),
                )
            got = [await reader.next_push(10) for _ in range(80)]
            assert [c for c, _ in got] == list(range(2, 82))
            assert sorted(unseal(key, b) for _, b in got) == sorted(
                [f"a{i}" for i in range(40)] + [f"b{i}" for i in range(40)]
            )
            # A replay through the other instance is recognised as a duplicate.
            again = await writer_b.append(got[0][1])
            assert again.dup and again.cursor == 2

    try:
        run(scenario(), timeout=90)
    finally:
        a.stop()
        b.stop()
