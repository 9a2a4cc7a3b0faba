"""A real `haven-relay` started with a given command line (the packaging tests' helper):
the port it reports on 127.0.0.1, and a stop that checks it ended without a traceback."""

from __future__ import annotations

import re
import selectors
import subprocess
import sys
from pathlib import Path

RELAY_COMMAND = Path(sys.executable).with_name("haven-relay")


class Relay:
    def __init__(self, args: list[str]) -> None:
        self.proc = subprocess.Popen(
            [str(RELAY_COMMAND), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert self.proc.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(self.proc.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=30):
            self.stop()
            raise AssertionError("the relay printed nothing")
        line = self.proc.stdout.readline().decode()
        match = re.search(r"listening on wss?://127\.0\.0\.1:(\d+)/", line)
        if match is None:
            self.stop()
            raise AssertionError(f"the relay did not start: {line!r}")
        self.port = int(match.group(1))

    def stop(self) -> int:
        self.proc.terminate()
        _out, err = self.proc.communicate(timeout=30)
        assert b"Traceback" not in err, err
        return self.proc.returncode
