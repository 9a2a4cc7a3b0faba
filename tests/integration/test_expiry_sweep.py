"""The sync supervisor (the app's and `haven serve`'s background) erases disappearing posts
whose time is up on its own, with no post arriving and nobody reading: the vault does not
keep them past their deadline while Haven runs headless (clock injected)."""

from __future__ import annotations

import time
from pathlib import Path

from haven.core import session as core_session
from haven.sync.supervisor import SupervisorOptions, SyncSupervisor
from tests.canary_scan import vault_holding
from tests.helpers import PASSPHRASE
from tests.space_helpers import HOUR_MS, T0, Clock

CANARY = "Qzserveforget"


def test_the_supervisor_sweeps_without_being_asked(tmp_path: Path) -> None:
    clock = Clock()
    ari = core_session.create(tmp_path / "ari", PASSPHRASE, "Ari", clock=clock)
    options = SupervisorOptions(
        host="127.0.0.1", lan=False, relays=False, invites=False, expiry_interval_s=0.1
    )
    supervisor = SyncSupervisor(ari, options)
    try:
        space = ari.spaces.create_space("Circle", display_name="Ari")
        ari.spaces.post(space, f"I am {CANARY}", disappear=3600)
        supervisor.start()
        clock.now = T0 + HOUR_MS
        deadline = time.monotonic() + 30
        while vault_holding(ari, space, CANARY) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert vault_holding(ari, space, CANARY) == []
    finally:
        supervisor.stop()
        ari.lock()


def test_what_disappeared_while_haven_was_closed_goes_as_the_vault_opens(tmp_path: Path) -> None:
    """Reads never write, so a CLI that only reads would never erase: unlocking does."""
    clock = Clock()
    ari = core_session.create(tmp_path / "ari", PASSPHRASE, "Ari", clock=clock)
    space = ari.spaces.create_space("Circle", display_name="Ari")
    ari.spaces.post(space, f"I am {CANARY}", disappear=3600)
    ari.lock()
    clock.now = T0 + HOUR_MS  # its time ran out while Haven was closed
    ari = core_session.unlock(tmp_path / "ari", PASSPHRASE, clock=clock)
    try:
        assert vault_holding(ari, space, CANARY) == []
    finally:
        ari.lock()
