"""The build hook shared by Haven's three distributions (see packaging/README.md).

Each pyproject lists, under `[tool.hatch.build.targets.wheel.hooks.custom.copy]`, which files
of the one source tree its wheel carries. They are copied into real wheels only: an editable
install (what `make` sets up) puts `src/` on the path instead, so the tree's own `haven`
package — and `resources/` beside it — are what runs, never a stale copy in site-packages.
"""

from __future__ import annotations

import os
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CopyFromTree(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return
        for source, target in self.config.get("copy", {}).items():
            path = os.path.normpath(os.path.join(self.root, source))
            if not os.path.exists(path):
                raise FileNotFoundError(f"{path} (listed in {self.root}/pyproject.toml)")
            build_data["force_include"][path] = target
