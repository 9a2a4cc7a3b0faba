"""The bundle's entry point: the same `haven` command as the installed one (haven.__main__).
PyInstaller needs a script, not a module path, to start from."""

import sys

from haven.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
