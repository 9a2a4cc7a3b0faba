"""Haven's icon for the window and the task bar, from the PNGs rendered from
resources/icons/haven.svg (packaging/icons/render.py). PNGs, not the SVG, so no image-format
plugin is needed; a missing file gives an empty icon (the platform's default), never an error.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from haven.core.resource_files import resource_dir

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource_dir("icons")
    if folder is None:
        return icon
    for size in SIZES:
        path = folder / f"haven-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
