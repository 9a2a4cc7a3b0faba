"""Where Haven keeps its data: `--data-dir`, else HAVEN_DATA_DIR, else the platform's
user data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Haven"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    if override:
        return Path(override).expanduser()
    env = os.environ.get("HAVEN_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs  # here: every `haven` command starts with this module

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
