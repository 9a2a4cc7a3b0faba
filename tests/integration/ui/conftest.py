"""Qt app tests that open real sockets on 127.0.0.1 (sync, invites, linking): the same
window fixtures as tests/ui (tests/ui/window_fixtures.py), and a real `haven-relay`."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.relay_sync_support import Relay
from tests.ui.window_fixtures import app_settings, make_window  # noqa: F401  (fixtures)


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[Relay]:
    """A `haven-relay` subprocess on 127.0.0.1, stopped after the test."""
    r = Relay(tmp_path / "relay")
    yield r
    r.stop()
