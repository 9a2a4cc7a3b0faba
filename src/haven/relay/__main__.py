"""`python -m haven.relay` is the same as the `haven-relay` command."""

from __future__ import annotations

import sys

from haven.relay.cli import main

if __name__ == "__main__":
    sys.exit(main())
