"""Theme, text size and layout direction, applied to the whole application.

Every theme is Haven's own: the Fusion style, a Qt palette and one style sheet
(ui/stylesheet.py), all from the theme's colours (ui/theme_colours.py). "System" picks Light
or Dark by the desktop's colour scheme, so it passes the same contrast checks.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from haven.ui.settings import Theme
from haven.ui.stylesheet import build_stylesheet
from haven.ui.theme_colours import DARK, HIGH_CONTRAST, LIGHT, ThemeColours

_BASE: dict[str, float] = {}
_CURRENT: dict[str, object] = {"theme": Theme.SYSTEM, "percent": 100}


def _base_point_size(app: QApplication) -> float:
    if "point_size" not in _BASE:
        size = app.font().pointSizeF()
        _BASE["point_size"] = size if size > 0 else 10.0
    return _BASE["point_size"]


def colours_for(theme: Theme) -> ThemeColours:
    if theme is Theme.SYSTEM:
        scheme = QGuiApplication.styleHints().colorScheme()
        return DARK if scheme == Qt.ColorScheme.Dark else LIGHT
    return {Theme.LIGHT: LIGHT, Theme.DARK: DARK, Theme.HIGH_CONTRAST: HIGH_CONTRAST}[theme]


def build_palette(c: ThemeColours) -> QPalette:
    R = QPalette.ColorRole
    palette = QPalette()
    for role, colour in (
        (R.Window, c.window),
        (R.WindowText, c.text),
        (R.Base, c.base),
        (R.AlternateBase, c.alternate),
        (R.Text, c.text),
        (R.Button, c.button),
        (R.ButtonText, c.text),
        (R.BrightText, c.error),
        (R.Highlight, c.accent),
        (R.HighlightedText, c.on_accent),
        (R.ToolTipBase, c.base),
        (R.ToolTipText, c.text),
        (R.PlaceholderText, c.muted),
        (R.Link, c.link),
        (R.LinkVisited, c.link),
        (R.Mid, c.border),
        (R.Dark, c.border),
    ):
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (R.WindowText, R.Text, R.ButtonText, R.PlaceholderText):
        palette.setColor(disabled, role, QColor(c.disabled_text))
    palette.setColor(disabled, R.Button, QColor(c.window))
    palette.setColor(disabled, R.Base, QColor(c.window))
    return palette


def _apply(app: QApplication) -> None:
    theme = _CURRENT["theme"]
    percent = _CURRENT["percent"]
    assert isinstance(theme, Theme) and isinstance(percent, int)
    colours = colours_for(theme)
    point_size = _base_point_size(app) * percent / 100.0
    # Style, palette and font first: widgets polished by the style sheet keep the palette
    # that was current when the sheet was applied.
    app.setStyleSheet("")
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(build_palette(colours))
    font = QFont(app.font())
    font.setPointSizeF(point_size)
    app.setFont(font)
    app.setStyleSheet(build_stylesheet(colours, point_size))


def apply_appearance(app: QApplication, theme: Theme, percent: int) -> None:
    _base_point_size(app)
    _CURRENT["theme"] = theme
    _CURRENT["percent"] = percent
    _apply(app)


def apply_theme(app: QApplication, theme: Theme) -> None:
    apply_appearance(app, theme, int(_CURRENT["percent"]))  # type: ignore[call-overload]


def apply_font_scale(app: QApplication, percent: int) -> None:
    apply_appearance(app, _CURRENT["theme"], percent)  # type: ignore[arg-type]


def mark_heading(label: QWidget, level: int = 1) -> None:
    """A page title (1), section heading (2) or sub-heading (3): sized by the style sheet from
    the current text size, so it grows and shrinks with it."""
    label.setProperty("heading", str(level))
    label.style().unpolish(label)
    label.style().polish(label)


def mark_muted(label: QWidget) -> None:
    """Secondary text (hints, counts) in the theme's muted colour, still 4.5:1."""
    label.setProperty("muted", "true")
    label.style().unpolish(label)
    label.style().polish(label)


def apply_layout_direction(locale: QLocale) -> Qt.LayoutDirection:
    direction = (
        Qt.LayoutDirection.RightToLeft
        if locale.textDirection() == Qt.LayoutDirection.RightToLeft
        else Qt.LayoutDirection.LeftToRight
    )
    QGuiApplication.setLayoutDirection(direction)
    return direction
