"""Fixtures shared by the integration tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from tests.space_helpers import Clock, clocked_circle


@pytest.fixture
def clocked_trio(tmp_path: Path) -> Iterator[tuple[list[Session], list[Clock], bytes]]:
    """Ari (the owner), Bea and Dan, each with a clock the test moves, in the space "Circle"
    (added, not synced yet); locked afterwards."""
    people, clocks, space = clocked_circle(tmp_path, ("ari", "bea", "dan"))
    yield people, clocks, space
    for s in people:
        s.lock()
