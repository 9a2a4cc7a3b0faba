"""WCAG contrast measured from rendered pixels, not from the palette: what a person sees.

Each figure comes from a grab of the real window (offscreen): the background of a widget is
its most common colour, its ink the colour most unlike the background (see
background_and_ink). A widget of one text colour is measured exactly; in a list of rows only
its strongest colour is, so the lists' item colours are checked through the palette
(tests/unit/test_theme_colours.py). Used by tests/ui/test_theme_contrast.py through
contrast_pages.py.
"""

from __future__ import annotations

import struct
from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from haven.ui.theme_colours import contrast_ratio

RGB = tuple[int, int, int]

#: WCAG 2.2 AA: text 4.5:1 (1.4.3); control boundaries, states and focus indicators 3:1 (1.4.11).
TEXT_MIN = 4.5
NON_TEXT_MIN = 3.0


@dataclass(frozen=True)
class Reading:
    """One measurement: what was measured, where, and the figure."""

    what: str
    widget: str
    ratio: float
    minimum: float
    colours: tuple[RGB, RGB]

    @property
    def passes(self) -> bool:
        return self.ratio >= self.minimum

    def __str__(self) -> str:
        fg, bg = ("#{:02x}{:02x}{:02x}".format(*c) for c in self.colours)
        return f"{self.what} {self.widget}: {self.ratio:.2f}:1 ({fg} on {bg}, needs {self.minimum})"


def window_image(window: QWidget) -> QImage:
    return window.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def rect_in(window: QWidget, widget: QWidget, margin: int = 0) -> QRect:
    top_left = widget.mapTo(window, QPoint(0, 0))
    rect = QRect(top_left, widget.size()).adjusted(-margin, -margin, margin, margin)
    return rect.intersected(QRect(QPoint(0, 0), window.size()))


def colours(image: QImage, rect: QRect) -> Counter[RGB]:
    """How often each colour occurs in `rect` of an RGB32 image."""
    counts: Counter[int] = Counter()
    data = bytes(image.constBits())  # type: ignore[call-overload]
    stride = image.bytesPerLine()
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * stride + rect.left() * 4
        row = data[start : start + rect.width() * 4]
        counts.update(v for (v,) in struct.iter_unpack("<I", row))
    return Counter({_rgb(v): n for v, n in counts.items()})


def pixel(image: QImage, x: int, y: int) -> RGB:
    return _rgb(image.pixel(x, y))


def _rgb(value: int) -> RGB:
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def background_and_ink(counts: Counter[RGB]) -> tuple[RGB, RGB] | None:
    """The most common colour, and the colour most unlike it that covers at least two pixels.
    Text is anti-aliased (no hinting offscreen), so its edges blend ink into the background:
    every blend has less contrast than the ink itself, which shows in the stems' full-coverage
    pixels. None if nothing is drawn."""
    if not counts:
        return None
    background = counts.most_common(1)[0][0]
    inks = [c for c, n in counts.items() if c != background and n >= 2]
    if not inks:
        return None
    return background, max(inks, key=lambda c: contrast_ratio(c, background))


def text_reading(
    image: QImage, window: QWidget, widget: QWidget, what: str, inset: int = 0
) -> Reading | None:
    """`inset` leaves out a field's border, so only its text (or placeholder) is measured."""
    found = background_and_ink(colours(image, rect_in(window, widget, -inset)))
    if found is None:
        return None
    background, ink = found
    return Reading(
        what, describe(widget), contrast_ratio(ink, background), TEXT_MIN, (ink, background)
    )


def describe(widget: QWidget) -> str:
    name = widget.accessibleName() or widget.objectName()
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} {name or text[:30]!r}"


def ring_reading(
    unfocused: QImage, focused: QImage, rect: QRect, inside: RGB, outside: RGB, widget: str
) -> list[Reading]:
    """The focus ring: the pixels that changed when the widget took focus. Its colour must
    stand 3:1 against the colours next to it (the page and the control's own fill), and it
    must be about 2 px thick (changed pixels at least 1.6 × the perimeter)."""
    before = bytes(unfocused.constBits())  # type: ignore[call-overload]
    after = bytes(focused.constBits())  # type: ignore[call-overload]
    stride = focused.bytesPerLine()
    changed: Counter[RGB] = Counter()
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * stride + rect.left() * 4
        end = start + rect.width() * 4
        for x in range(start, end, 4):
            if before[x : x + 4] != after[x : x + 4]:
                changed[_rgb(struct.unpack_from("<I", after, x)[0])] += 1
    perimeter = 2 * (rect.width() + rect.height())
    total = sum(changed.values())
    if not changed:
        return [Reading("focus ring (none drawn)", widget, 1.0, NON_TEXT_MIN, (outside, outside))]
    ring = changed.most_common(1)[0][0]
    thickness = total / perimeter if perimeter else 0.0
    return [
        Reading(
            "focus ring vs page",
            widget,
            contrast_ratio(ring, outside),
            NON_TEXT_MIN,
            (ring, outside),
        ),
        Reading(
            "focus ring vs fill", widget, contrast_ratio(ring, inside), NON_TEXT_MIN, (ring, inside)
        ),
        # Not a ratio: the ring's width in px, held to "at least 1.6" by the same check.
        Reading("focus ring width (px)", widget, thickness, 1.6, (ring, outside)),
    ]
