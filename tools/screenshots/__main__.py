"""Every screenshot for the docs: `python -m tools.screenshots [DIR]` (default docs/screenshots).

Runs the app's pages, the Spaces section and the per-space sync status lines, in English and
Arabic, offscreen, with throwaway vaults; syncs and linking stay on 127.0.0.1."""

from __future__ import annotations

import sys

from tools.screenshots import app_pages, plans, spaces, sync_status


def main(argv: list[str] | None = None) -> int:
    for script in (app_pages, spaces, plans, sync_status):
        script.main(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
