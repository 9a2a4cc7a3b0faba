"""Every contrast figure of one rendered page: its text, checkbox indicators, disabled buttons
and focus rings (measured by tools/screenshots/contrast.py from a grab of the window).

tests/ui/test_theme_contrast.py holds every page in every theme to these figures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

from haven.ui.theme_colours import contrast_ratio
from tools.screenshots.contrast import (
    NON_TEXT_MIN,
    Reading,
    background_and_ink,
    colours,
    describe,
    pixel,
    rect_in,
    ring_reading,
    text_reading,
    window_image,
)

#: A disabled button's label must differ from an enabled one's by this much (its text then
#: reads as dimmed, not as another enabled button). Not a WCAG figure: WCAG exempts disabled
#: controls; the issue asked that they stop looking enabled.
DISABLED_APART = 2.0


def settle(app: QApplication) -> None:
    for _ in range(5):  # palette and style-sheet changes arrive as events
        app.processEvents()
        app.sendPostedEvents()


def _shown(window: QWidget, kind: type) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(kind)
        if w.isVisible() and w.window() is window and not w.visibleRegion().isEmpty()
    ]


def _inner(widgets: list[QWidget]) -> list[QWidget]:
    """Leaves out the parts Qt builds inside composite widgets (a spin box's line edit)."""
    return [w for w in widgets if not isinstance(w.parent(), QAbstractSpinBox | QComboBox)]


def text_readings(window: QWidget) -> list[Reading]:
    image = window_image(window)
    found: list[Reading] = []
    for widget in _shown(window, QLabel) + _shown(window, QAbstractButton):
        if widget.isEnabled() and widget.text().strip():  # type: ignore[attr-defined]
            reading = text_reading(image, window, widget, "text")
            if reading is not None:
                found.append(reading)
    for edit in _inner(_shown(window, QLineEdit)):
        if edit.isEnabled() and (edit.text() or edit.placeholderText()):
            reading = text_reading(image, window, edit, "field text", inset=3)
            if reading is not None:
                found.append(reading)
    return found


def indicator_readings(window: QWidget) -> list[Reading]:
    """The outline of each checkbox indicator against the page, sampled in the middle of
    each of its four edges (1 px in from the outside)."""
    image = window_image(window)
    found = []
    for box in _shown(window, QCheckBox):
        assert isinstance(box, QCheckBox)
        option = QStyleOptionButton()
        box.initStyleOption(option)
        rect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        rect.translate(box.mapTo(window, rect.topLeft()) - rect.topLeft())
        page = colours(image, rect_in(window, box)).most_common(1)[0][0]
        cx, cy = rect.center().x(), rect.center().y()
        edges = [
            (rect.left() + 1, cy),
            (rect.right() - 1, cy),
            (cx, rect.top() + 1),
            (cx, rect.bottom() - 1),
        ]
        worst = min((pixel(image, x, y) for x, y in edges), key=lambda c: contrast_ratio(c, page))
        what = "checkbox indicator" + ("" if box.isEnabled() else " (disabled)")
        found.append(
            Reading(what, describe(box), contrast_ratio(worst, page), NON_TEXT_MIN, (worst, page))
        )
    return found


def disabled_readings(window: QWidget) -> list[Reading]:
    """Each disabled button's text against its own background (still readable, 3:1) and
    against an enabled button's text on the same page (visibly dimmer)."""
    image = window_image(window)
    buttons = [b for b in _shown(window, QPushButton) if b.text().strip()]  # type: ignore[attr-defined]
    enabled_inks = []
    for button in buttons:
        if button.isEnabled():
            found = background_and_ink(colours(image, rect_in(window, button)))
            if found is not None:
                enabled_inks.append(found[1])
    readings = []
    for button in buttons:
        if button.isEnabled():
            continue
        found = background_and_ink(colours(image, rect_in(window, button)))
        if found is None:
            continue
        background, ink = found
        name = describe(button)
        readings.append(
            Reading(
                "disabled text",
                name,
                contrast_ratio(ink, background),
                NON_TEXT_MIN,
                (ink, background),
            )
        )
        for enabled in enabled_inks[:1]:
            readings.append(
                Reading(
                    "disabled vs enabled text",
                    name,
                    contrast_ratio(ink, enabled),
                    DISABLED_APART,
                    (ink, enabled),
                )
            )
    return readings


_FOCUSABLE = (QLineEdit, QPushButton, QCheckBox, QComboBox, QAbstractSpinBox, QAbstractItemView)


def focus_readings(window: QWidget, app: QApplication) -> list[Reading]:
    """Focus moves to the first shown, enabled widget of each kind in turn."""
    readings = []
    for kind in _FOCUSABLE:
        candidates = [
            w for w in _inner(_shown(window, kind)) if w.isEnabled() and w.focusPolicy() != 0
        ]
        if candidates:
            readings += focus_ring(window, candidates[0], app)
    return readings


def focus_ring(window: QWidget, widget: QWidget, app: QApplication) -> list[Reading]:
    """The pixels that change when `widget` takes focus are its focus ring. A list takes it
    with nothing selected, the case that used to show none."""
    if isinstance(widget, QAbstractItemView):
        widget.clearSelection()
        widget.setCurrentIndex(QModelIndex())
    window.setFocus()
    widget.clearFocus()
    settle(app)
    before = window_image(window)
    widget.setFocus()
    settle(app)
    focused = QApplication.focusWidget()
    if focused is None or not (focused is widget or widget.isAncestorOf(focused)):
        return [Reading("focus (not taken)", describe(widget), 0.0, 1.0, ((0, 0, 0),) * 2)]
    after = window_image(window)
    page = colours(before, before.rect()).most_common(1)[0][0]
    rect = rect_in(window, widget)
    inside = colours(before, rect).most_common(1)[0][0]
    return ring_reading(before, after, rect, inside, page, describe(widget))


def page_readings(window: QWidget, app: QApplication) -> list[Reading]:
    settle(app)
    return (
        text_readings(window)
        + indicator_readings(window)
        + disabled_readings(window)
        + focus_readings(window, app)
    )


def failures(readings: list[Reading]) -> list[str]:
    return [str(r) for r in readings if not r.passes]


def theme_readings(
    window: QWidget, app: QApplication, pages: list[tuple[str, Callable[[], None]]]
) -> dict[str, list[Reading]]:
    """Each page shown in turn (by its callable), and its figures."""
    found = {}
    for name, show in pages:
        show()
        found[name] = page_readings(window, app)
    return found
