"""A writer killed with SIGKILL at an arbitrary moment loses nothing it acknowledged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from haven.core import session
from tests.helpers import PASSPHRASE, new_session

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from haven.core import session
    s = session.unlock(Path(sys.argv[1]), sys.argv[2])
    i = 0
    while True:
        entry = s.journal.add(f"entry number {i}")
        print(entry.hex(), flush=True)   # acknowledged only after the commit returned
        i += 1
    """
)


def test_sigkill_mid_write_keeps_every_acknowledged_entry(data_dir: Path) -> None:
    new_session(data_dir).lock()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE],
        stdout=subprocess.PIPE,
        env=os.environ.copy(),
        text=True,
    )
    assert proc.stdout is not None
    acknowledged = []
    for line in proc.stdout:
        acknowledged.append(bytes.fromhex(line.strip()))
        if len(acknowledged) >= 40:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    acknowledged += [bytes.fromhex(x) for x in proc.stdout.read().split()]

    s = session.unlock(data_dir, PASSPHRASE)
    stored = {e.entry_id for e in s.journal.list()}
    assert set(acknowledged) <= stored
    assert len(stored) - len(acknowledged) <= 1  # at most the one in flight
    assert s.journal.rebuild() == s.log.count()
    s.lock()
