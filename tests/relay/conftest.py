from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.relay.support import RelayProcess


@pytest.fixture
def relay(tmp_path: Path) -> Iterator[RelayProcess]:
    proc = RelayProcess(tmp_path)
    yield proc
    proc.stop()
