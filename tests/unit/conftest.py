"""The `group` fixture for tests of group spaces (helpers in tests/space_helpers.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.space_helpers import Group, certify, join, make_session


@pytest.fixture
def group(tmp_path: Path) -> Iterator[Group]:
    """Ari owns "Circle"; Bea is an admin; Cai is a member. All synced."""
    owner, bea, cai = (make_session(tmp_path, n) for n in ("ari", "bea", "cai"))
    space_id = owner.spaces.create_space(
        "Circle", "a support circle", ["coming out"], display_name="Ari"
    )
    pk = {
        "ari": owner.spaces.space_info(space_id).my_persona,
        "bea": join(owner, bea, space_id, "Bea"),
        "cai": join(owner, cai, space_id, "Cai"),
    }
    owner.spaces.set_role(space_id, pk["bea"], "admin")
    g = Group(space_id, owner, bea, cai, pk)
    certify(space_id, bea, cai)
    g.sync()
    yield g
    for s in g.all():
        s.lock()
