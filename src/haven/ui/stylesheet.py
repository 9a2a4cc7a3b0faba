"""The one style sheet of the app, filled in with a theme's colours (ui/theme_colours.py) and
the current text size.

What the Fusion style alone got wrong, and this sheet draws instead: checkbox and radio
indicators with an outline of 3:1 (Dark's were ~1.1:1, High contrast drew none); disabled
buttons and fields flat and dashed, so they never look enabled; a 2 px focus ring in its own
colour on every control, lists included (an unselected list with focus showed nothing).
Headings and the empty-state glyphs are sized here in points derived from the text size, so
they grow with it (widgets that copied the font at start did not).
"""

from __future__ import annotations

from string import Template

from haven.core.resource_files import resource_dir
from haven.ui.theme_colours import ThemeColours

#: The type scale, relative to the body text: page titles, section headings, empty-state glyphs.
HEADING_SCALE = {"1": 1.6, "2": 1.3, "3": 1.1}
GLYPH_SCALE = 4.5
#: Linking's verification words and short code, read aloud and typed: larger than the text.
WORDS_SCALE = 1.5

_SHEET = Template(
    """
QLabel#errorMessage { color: $error; font-weight: bold; }
QLabel[heading="1"] { font-size: ${h1}pt; font-weight: 600; }
QLabel[heading="2"] { font-size: ${h2}pt; font-weight: 600; }
QLabel[heading="3"] { font-size: ${h3}pt; font-weight: 600; }
QLabel[muted="true"] { color: $muted; }
QLabel#emptyStateGlyph { font-size: ${glyph}pt; color: $accent; }
QLabel#verificationWords, QLabel#shortCode { font-size: ${words}pt; font-weight: 600; }
QToolTip { background: $base; color: $text; border: 1px solid $border; }

QPushButton, QToolButton {
    background: $button; color: $text; border: 1px solid $border; border-radius: 6px;
    padding: 5px 12px;
}
QToolButton { padding: 3px 6px; }
QPushButton:hover, QToolButton:hover { background: $button_hover; }
QPushButton:pressed, QPushButton:checked, QToolButton:pressed, QToolButton:checked {
    background: $accent; color: $on_accent; border: 1px solid $accent;
}
QPushButton:focus { border: 2px solid $focus; padding: 4px 11px; }
QToolButton:focus { border: 2px solid $focus; padding: 2px 5px; }
QPushButton:disabled, QToolButton:disabled {
    background: $window; color: $disabled_text; border: 1px dashed $disabled_border;
}

QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QListView, QTreeView,
QTableView {
    background: $base; border: 1px solid $border; border-radius: 4px; padding: 2px;
    selection-background-color: $accent; selection-color: $on_accent;
}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,
QAbstractSpinBox:focus, QListView:focus, QTreeView:focus, QTableView:focus {
    border: 2px solid $focus; padding: 1px;
}
QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QComboBox:disabled,
QAbstractSpinBox:disabled, QListView:disabled {
    background: $window; border: 1px dashed $disabled_border;
}
QLineEdit { padding: 3px 4px; }
QLineEdit:focus { padding: 2px 3px; }
QComboBox { padding: 3px 6px; }
QComboBox:focus { padding: 2px 5px; }
QComboBox::drop-down { border: none; width: 18px; }
QComboBox::down-arrow, QAbstractSpinBox::down-arrow {
    image: url("$arrow_down"); width: 10px; height: 6px;
}
QAbstractSpinBox::up-arrow { image: url("$arrow_up"); width: 10px; height: 6px; }
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {
    border: none; width: 16px; background: transparent;
}
QComboBox QAbstractItemView { border: 1px solid $border; }
QAbstractItemView::item:selected { background: $accent; color: $on_accent; }

QGroupBox {
    border: 1px solid $border; border-radius: 6px; margin-top: ${group_top}px; padding-top: 4px;
}
QGroupBox::title {
    subcontrol-origin: margin; subcontrol-position: top left; left: 8px; padding: 0 4px;
}

QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 4px; padding: 1px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid $focus; }
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {
    width: 14px; height: 14px; border: 2px solid $border; background: $base; border-radius: 4px;
}
QRadioButton::indicator { border-radius: 9px; }
QCheckBox::indicator:checked, QGroupBox::indicator:checked {
    background: $accent; border-color: $accent; image: url("$check");
}
QRadioButton::indicator:checked {
    background: qradialgradient(cx:0.5, cy:0.5, radius:0.5, fx:0.5, fy:0.5,
        stop:0 $accent, stop:0.55 $accent, stop:0.6 $base, stop:1 $base);
}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {
    background: $window; border: 2px dashed $disabled_border;
}
QCheckBox:disabled, QRadioButton:disabled { color: $disabled_text; }
"""
)


def theme_image(kind: str, colours: ThemeColours) -> str:
    """resources/icons/theme/<kind>-<theme>.svg: the tick of a checked box, the arrows."""
    folder = resource_dir("icons")
    if folder is None:
        return ""  # a checked box is still filled with the accent, just without the tick
    return (folder / "theme" / f"{kind}-{colours.name}.svg").as_posix()


def build_stylesheet(colours: ThemeColours, point_size: float) -> str:
    sizes = {f"h{level}": f"{point_size * scale:.1f}" for level, scale in HEADING_SCALE.items()}
    return _SHEET.substitute(
        vars(colours),
        check=theme_image("check", colours),
        arrow_down=theme_image("arrow-down", colours),
        arrow_up=theme_image("arrow-up", colours),
        glyph=f"{point_size * GLYPH_SCALE:.1f}",
        words=f"{point_size * WORDS_SCALE:.1f}",
        group_top=round(point_size * 2),  # room for the title above the frame
        **sizes,
    )
