"""The palette's own figures (WCAG 2.2 AA) for the pairs the renders cannot single out: the
colours drawn inside lists (dates, tags, selected rows), which the pixel test measures only
as a whole (tests/ui/test_theme_contrast.py)."""

from __future__ import annotations

import pytest

from haven.ui.theme_colours import (
    DARK,
    HIGH_CONTRAST,
    LIGHT,
    ThemeColours,
    contrast_ratio,
    hex_rgb,
)

THEMES = (LIGHT, DARK, HIGH_CONTRAST)


def ratio(a: str, b: str) -> float:
    return contrast_ratio(hex_rgb(a), hex_rgb(b))


def test_the_formula_matches_wcag() -> None:
    assert ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert ratio("#123456", "#123456") == pytest.approx(1.0)


@pytest.mark.parametrize("c", THEMES, ids=lambda c: c.name)
def test_text_reaches_4_5_on_every_background(c: ThemeColours) -> None:
    for ink in (c.text, c.muted, c.error, c.link):
        for ground in (c.window, c.base, c.alternate, c.button, c.button_hover):
            assert ratio(ink, ground) >= 4.5, (c.name, ink, ground)
    assert ratio(c.on_accent, c.accent) >= 4.5


@pytest.mark.parametrize("c", THEMES, ids=lambda c: c.name)
def test_controls_and_focus_reach_3_on_the_page_and_in_fields(c: ThemeColours) -> None:
    for mark in (c.border, c.focus, c.accent, c.disabled_border, c.disabled_text):
        for ground in (c.window, c.base):
            assert ratio(mark, ground) >= 3.0, (c.name, mark, ground)


@pytest.mark.parametrize("c", THEMES, ids=lambda c: c.name)
def test_disabled_text_is_visibly_dimmer_than_enabled(c: ThemeColours) -> None:
    assert ratio(c.text, c.disabled_text) >= 2.0
