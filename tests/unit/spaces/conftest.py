"""Fixtures shared by the group-space device key tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from haven.core.session import Session
from tests.device_thief import link
from tests.helpers import new_session
from tests.space_helpers import join, sync


def journal_sync(src: Session, dst: Session) -> None:
    journal = dst.journal.space_id
    dst.log.ingest(src.log.envelopes_after(journal, dst.log.chain_tips(journal), 10**6))


@pytest.fixture
def desk_laptop_bea(tmp_path: Path) -> Iterator[tuple[Session, Session, Session, bytes]]:
    """Ari's desk and linked laptop; a space Ari made on the desk under the primary persona
    (which the link bundle gave the laptop too), with Bea in it."""
    desk = new_session(tmp_path / "desk", "Ari")
    laptop = link(desk, tmp_path / "laptop", "laptop")
    journal_sync(laptop, desk)
    primary = desk.identity.primary().persona_id
    space = desk.spaces.create_space("Circle", display_name="Ari", persona_id=primary)
    bea = new_session(tmp_path / "bea", "Bea")
    join(desk, bea, space, "Bea")
    sync(space, desk, bea)
    yield desk, laptop, bea, space
    for s in (desk, laptop, bea):
        if s.is_open:
            s.lock()
