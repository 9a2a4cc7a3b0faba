"""Theme, font scale and layout direction, applied to the whole application."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from haven.ui.settings import Theme

_BASE: dict[str, object] = {}


def _remember_defaults(app: QApplication) -> None:
    if "palette" not in _BASE:
        _BASE["palette"] = QPalette(app.palette())
        _BASE["point_size"] = app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10.0
        _BASE["style"] = app.style().name()


def _palette(colors: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    return palette


R = QPalette.ColorRole
_LIGHT = {
    R.Window: "#f6f4f8",
    R.WindowText: "#1d1b20",
    R.Base: "#ffffff",
    R.AlternateBase: "#efeaf4",
    R.Text: "#1d1b20",
    R.Button: "#e9e3f0",
    R.ButtonText: "#1d1b20",
    R.Highlight: "#6b4fa3",
    R.HighlightedText: "#ffffff",
    R.ToolTipBase: "#ffffff",
    R.ToolTipText: "#1d1b20",
    R.PlaceholderText: "#6d6775",
    R.Link: "#5a3d94",
    R.Mid: "#c9c2d2",
}
_DARK = {
    R.Window: "#1f1d24",
    R.WindowText: "#ece6f0",
    R.Base: "#2a2730",
    R.AlternateBase: "#332f3a",
    R.Text: "#ece6f0",
    R.Button: "#35313c",
    R.ButtonText: "#ece6f0",
    R.Highlight: "#b69df8",
    R.HighlightedText: "#1d1b20",
    R.ToolTipBase: "#35313c",
    R.ToolTipText: "#ece6f0",
    R.PlaceholderText: "#a59fae",
    R.Link: "#cdb9ff",
    R.Mid: "#4a4552",
}
_HIGH_CONTRAST = {
    R.Window: "#000000",
    R.WindowText: "#ffffff",
    R.Base: "#000000",
    R.AlternateBase: "#1a1a1a",
    R.Text: "#ffffff",
    R.Button: "#000000",
    R.ButtonText: "#ffffff",
    R.Highlight: "#ffff00",
    R.HighlightedText: "#000000",
    R.ToolTipBase: "#000000",
    R.ToolTipText: "#ffffff",
    R.PlaceholderText: "#d0d0d0",
    R.Link: "#00ffff",
    R.Mid: "#ffffff",
}


_ERROR = "QLabel#errorMessage {{ color: {}; font-weight: bold; }}"
_STYLE_SHEETS = {
    Theme.SYSTEM: _ERROR.format("#b3261e"),
    Theme.LIGHT: _ERROR.format("#b3261e"),
    Theme.DARK: _ERROR.format("#ffb4ab"),
    # Fusion derives frame colours from the window colour, which is black here: draw
    # every field and button with a white border so each one stands out.
    Theme.HIGH_CONTRAST: _ERROR.format("#ffff00")
    + (
        " QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QListView, QPushButton,"
        ' QFrame[frameShape="6"] { border: 2px solid #ffffff; }'
        " QPushButton { padding: 4px 10px; }"
        " *:focus { border-color: #ffff00; }"
        " QListWidget::item:selected { background: #ffff00; color: #000000; }"
    ),
}


def apply_theme(app: QApplication, theme: Theme) -> None:
    _remember_defaults(app)
    # Style and palette first: widgets polished by the style sheet keep the palette that
    # was current when the sheet was applied.
    app.setStyleSheet("")
    if theme is Theme.SYSTEM:
        app.setStyle(str(_BASE["style"]))
        app.setPalette(_BASE["palette"])  # type: ignore[arg-type]
    else:
        fusion = QStyleFactory.create("Fusion")
        if fusion is not None:
            app.setStyle(fusion)
        colors = {Theme.LIGHT: _LIGHT, Theme.DARK: _DARK, Theme.HIGH_CONTRAST: _HIGH_CONTRAST}
        app.setPalette(_palette(colors[theme]))
    app.setStyleSheet(_STYLE_SHEETS[theme])


def apply_font_scale(app: QApplication, percent: int) -> None:
    _remember_defaults(app)
    font = QFont(app.font())
    font.setPointSizeF(float(_BASE["point_size"]) * percent / 100.0)  # type: ignore[arg-type]
    app.setFont(font)


def apply_layout_direction(locale: QLocale) -> Qt.LayoutDirection:
    direction = (
        Qt.LayoutDirection.RightToLeft
        if locale.textDirection() == Qt.LayoutDirection.RightToLeft
        else Qt.LayoutDirection.LeftToRight
    )
    QGuiApplication.setLayoutDirection(direction)
    return direction
