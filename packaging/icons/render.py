"""Render Haven's icon (resources/icons/haven.svg) to the PNG sizes desktops and installers
want: `python packaging/icons/render.py` (Qt's SVG renderer, from PySide6 — no other tool).

The PNGs are committed (resources/icons/haven-<N>.png) so running Haven needs nothing but
Qt; re-run this after changing the SVG. It also writes packaging/icons/haven.ico (Windows:
the executables and the installer) and haven.icns (the macOS app), with Qt's own writers;
those are for building only, so they stay out of resources/ and the wheel.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ICONS = HERE.parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(
    svg: Path, out_dir: Path, sizes: tuple[int, ...] = SIZES, build_dir: Path = HERE
) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        targets = [(out_dir / f"haven-{size}.png", "PNG")]
        if size == 256:
            targets.append((build_dir / "haven.ico", "ICO"))
        if size == 512:
            targets.append((build_dir / "haven.icns", "ICNS"))
        for path, kind in targets:
            if not image.save(str(path), kind):
                raise SystemExit(f"could not write {path}")
            written.append(path)
    return written


if __name__ == "__main__":
    for path in render(ICONS / "haven.svg", ICONS):
        print(path)
    sys.exit(0)
