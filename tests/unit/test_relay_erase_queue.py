"""What a device asks relays to erase (issue 12): only its own redacted events, each relay
once, found by one seek past that relay's progress mark rather than by reading every
redacted event of the vault on each call (the live syncer asks after every wake-up)."""

from __future__ import annotations

import os
from collections.abc import Callable

from haven.core.session import Session
from haven.sync.relay_sync import erase_token, legacy_erase_token
from tests.helpers import vm_steps
from tests.space_helpers import Group

R1, R2 = "ws://127.0.0.1:7001/", "ws://127.0.0.1:7002/"


def queued(group: Group, who: str, relay: str = R1) -> list[bytes]:
    session = {"ari": group.owner, "bea": group.bea, "cai": group.cai}[who]
    return [e.event_id for e in session.relays.unerased(relay, group.space_id)]


def test_only_own_redacted_events_are_queued_and_each_relay_moves_on(group: Group) -> None:
    space, ari, cai = group.space_id, group.owner, group.cai
    mine = [cai.spaces.post(space, f"post {i}") for i in range(3)]
    group.sync()
    cai.spaces.delete_post(space, mine[0])
    ari.spaces.moderate(space, mine[1], "off topic")  # a moderator removes Cai's post
    group.sync()
    # Cai's device asks for both (it applied the moderation too); Ari's and Bea's cannot
    # make Cai's tokens, so they ask for nothing.
    assert sorted(queued(group, "cai")) == sorted(mine[:2])
    assert queued(group, "ari") == queued(group, "bea") == []
    entries = cai.relays.unerased(R1, space)
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert all(e.envelope for e in entries)

    cai.relays.mark_erased(R1, space, entries[0].seq)
    assert queued(group, "cai") == [entries[1].event_id]
    assert sorted(queued(group, "cai", R2)) == sorted(mine[:2])  # each relay on its own
    cai.relays.mark_erased(R1, space, entries[1].seq)
    cai.relays.mark_erased(R1, space, entries[0].seq)  # never moves back
    assert queued(group, "cai") == []
    cai.spaces.delete_post(space, mine[2])
    assert queued(group, "cai") == [mine[2]]


def test_tokens_are_the_authors_alone(group: Group) -> None:
    """Every member's erase key differs (it comes from the persona's signing seed), and the
    author's token is not the one any epoch-key holder can make."""
    space = group.space_id
    keys = {s.relays.erase_key(space) for s in group.all()}
    assert len(keys) == 3
    event = b"\x01" * 32
    epoch_key = max(group.cai.relays.epoch_keys(space).items())[1]
    cai_key = group.cai.relays.erase_key(space)
    author = erase_token(cai_key, event)
    assert author not in {erase_token(k, event) for k in keys - {cai_key}}
    assert author != legacy_erase_token(epoch_key, event)
    assert group.cai.relays.erase_key(space) == group.cai.relays.erase_key(space)


def _steps(session: Session, run: Callable[[], object]) -> int:
    return vm_steps(session.vault._conn, run)


def test_finding_what_to_erase_reads_only_what_is_new(group: Group) -> None:
    """The sync asks after every wake-up; the work must not grow with the erasures already
    done. 400 entries marked done cost the query no more than 1 (the query it replaced
    read every redacted event of the vault each time). Seen failing with the queue's
    index dropped."""
    cai, space = group.cai, group.space_id
    post = cai.spaces.post(space, "soon gone")
    cai.spaces.delete_post(space, post)
    [entry] = cai.relays.unerased(R1, space)
    cai.relays.mark_erased(R1, space, entry.seq)
    few = _steps(cai, lambda: cai.relays.unerased(R1, space))
    with cai.vault.transaction() as conn:  # 400 more done (the queue holds what it holds)
        conn.executemany(
            "INSERT INTO relay_erase_queue (space_id, event_id) VALUES (?, ?)",
            [(space, os.urandom(32)) for _ in range(400)],
        )
        done = conn.execute("SELECT max(seq) FROM relay_erase_queue").fetchone()[0]
    cai.relays.mark_erased(R1, space, int(done))
    assert cai.relays.unerased(R1, space) == []
    many = _steps(cai, lambda: cai.relays.unerased(R1, space))
    assert many <= few + 20, (few, many)
