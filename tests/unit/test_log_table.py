"""SQL of the event log that other tests reach only through small logs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.session import Session
from haven.store import log_table as lt
from haven.store.vault import Connection
from tests.helpers import new_session

SPACES = (b"\x01" * 16, b"\x02" * 16, b"\x03" * 16)
# Few distinct bytes, so chains share authors, devices share prefixes, and order matters.
authors = st.sampled_from([bytes([a]) * 32 for a in (0, 1, 7, 255)])
devices = st.sampled_from([bytes([d]) * 16 for d in (0, 3, 9, 255)])
chains = st.dictionaries(
    st.tuples(st.sampled_from(SPACES), authors, devices), st.integers(1, 5), max_size=12
)


def _store(conn: Connection, layout: dict[tuple[bytes, bytes, bytes], int]) -> None:
    conn.execute("DELETE FROM events WHERE length(space_id) = 16 AND space_id IN (?,?,?)", SPACES)
    n = 0
    for (space, author, device), length in layout.items():
        for seq in range(1, length + 1):
            n += 1
            event_id = n.to_bytes(4, "big") + space[:1] + author[:1] + device[:1] + bytes(25)
            conn.execute(
                "INSERT INTO events (id, space_id, author, device, seq, lamport, epoch, type,"
                " target, created_ms, envelope) VALUES (?,?,?,?,?,?,0,'t',NULL,0,x'00')",
                (event_id, space, author, device, seq, n),
            )


def _grouped(conn: Connection, space: bytes) -> dict[tuple[bytes, bytes], int]:
    rows = conn.execute(
        "SELECT author, device, max(seq) FROM events WHERE space_id = ? GROUP BY author, device",
        (space,),
    )
    return {(bytes(a), bytes(d)): int(s) for a, d, s in rows}


def test_chain_tips_finds_every_chain(tmp_path: Path) -> None:
    s: Session = new_session(tmp_path / "v")

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(chains)
    def check(layout: dict[tuple[bytes, bytes, bytes], int]) -> None:
        with s.vault.transaction() as conn:
            _store(conn, layout)
            for space in SPACES:
                expected = {(a, d): n for (sp, a, d), n in layout.items() if sp == space}
                assert lt.chain_tips(conn, space) == expected == _grouped(conn, space)

    try:
        check()
    finally:
        s.lock()
