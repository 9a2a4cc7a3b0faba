"""Haven's palette: a few named colours per theme, chosen to pass WCAG 2.2 AA.

Calm and warm: a warm paper white and a plum accent in Light, a deep aubergine with lavender
and amber in Dark, pure black with white, yellow and cyan in High contrast. Every pair the
app draws text with reaches 4.5:1 and every control boundary, checkbox and focus ring 3:1
(tests/unit/test_theme_colours.py checks the numbers; tests/ui/test_theme_contrast.py
measures the same from rendered pages). The stylesheet (ui/stylesheet.py) and the Qt
palette (ui/appearance.py) take every colour from here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeColours:
    name: str
    window: str  # page background
    base: str  # fields and lists
    alternate: str  # alternate rows, cards
    button: str  # enabled push buttons
    button_hover: str
    text: str  # body text on any of the backgrounds above
    muted: str  # secondary text (hints, dates), still 4.5:1
    accent: str  # selection, checked boxes, pressed buttons
    on_accent: str  # text on the accent
    border: str  # field, button and checkbox outlines (3:1 against window and base)
    focus: str  # the focus ring (3:1 against window and base), unlike the border
    disabled_text: str  # dimmer than text, still readable
    disabled_border: str  # drawn dashed (so never mistaken for enabled), still 3:1
    error: str
    link: str


LIGHT = ThemeColours(
    name="light",
    window="#f8f4ee",
    base="#ffffff",
    alternate="#f1ebe2",
    button="#ece4f3",
    button_hover="#e2d6ee",
    text="#2a2430",
    muted="#5c5264",
    accent="#6b4a9e",
    on_accent="#ffffff",
    border="#857a8c",
    focus="#0f6b66",
    disabled_text="#7a7280",
    disabled_border="#857a8c",
    error="#a3261c",
    link="#5a3b8c",
)

DARK = ThemeColours(
    name="dark",
    window="#1e1a22",
    base="#29242e",
    alternate="#322c38",
    button="#3a3342",
    button_hover="#463e50",
    text="#f1ebf3",
    muted="#c9bfcf",
    accent="#cdb3ff",
    on_accent="#1e1a22",
    border="#968b9e",
    focus="#f4c15d",
    disabled_text="#8f8696",
    disabled_border="#857b8c",
    error="#ffb3a8",
    link="#d6c2ff",
)

HIGH_CONTRAST = ThemeColours(
    name="high_contrast",
    window="#000000",
    base="#000000",
    alternate="#1a1a1a",
    button="#000000",
    button_hover="#1a1a1a",
    text="#ffffff",
    muted="#ffffff",
    accent="#ffff00",
    on_accent="#000000",
    border="#ffffff",
    focus="#00ffff",
    disabled_text="#a6a6a6",
    disabled_border="#a6a6a6",
    error="#ffff00",
    link="#00ffff",
)


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.2's relative luminance of an sRGB colour (0-255 channels)."""

    def channel(value: int) -> float:
        c = value / 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)
