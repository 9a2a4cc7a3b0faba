"""Where Haven's data files (translations, prompts, offline help) are, however it was installed.

They live once, in `resources/` at the top of the source tree (icons too). A wheel and the
PyInstaller bundle carry a copy in `haven/resources/` next to the code; a source checkout (and the
editable install `make` sets up) reads the tree's own folder. No symlink is involved, so a
checkout on a file system without symlinks builds the same wheel (packaging/README.md).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]  # .../haven


def resource_dir(kind: str) -> Path | None:
    """The folder holding `kind` ("prompts", "translations", "icons"), or None if this
    installation lacks it (the caller turns that into a clear error)."""
    for base in (_PACKAGE / "resources", _PACKAGE.parents[1] / "resources"):
        candidate = base / kind
        if candidate.is_dir():
            return candidate
    return None
