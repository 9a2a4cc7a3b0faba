"""What the journal list and a space's feed share when they paint a row: three lines of text
in a padded cell, the item's own background and selection, small and normal fonts, and the
alignments that mirror themselves in right-to-left layouts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

PAD = 8
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class RowFrame:
    rect: QRect  # the padded area to draw text in
    palette: QPalette
    text_role: QPalette.ColorRole  # the text colour for this row (selected or not)
    selected: bool
    base: QFont
    small: QFont
    line: int  # height of one line of the base font
    rtl: bool
    lead: Qt.AlignmentFlag
    trail: Qt.AlignmentFlag

    def line_rect(self, n: int) -> QRect:
        """The rect of text line `n` (0, 1, 2)."""
        return QRect(
            self.rect.left(), self.rect.top() + n * (self.line + 2), self.rect.width(), self.line
        )


class ThreeLineDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(240, 3 * line + 2 * PAD + 4)

    def begin_row(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> RowFrame:
        """Paint the item's background and selection, save the painter (the caller restores
        it) and let each text run in its own direction (English in an Arabic UI too)."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        base = QFont(opt.font)
        small = QFont(base)
        small.setPointSizeF(max(1.0, base.pointSizeF() * 0.9))
        painter.save()
        painter.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        return RowFrame(
            rect=opt.rect.adjusted(PAD, PAD, -PAD, -PAD),
            palette=QPalette(opt.palette),  # a copy: opt (and its members) die on return
            text_role=(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text),
            selected=selected,
            base=base,
            small=small,
            line=QFontMetrics(base).height(),
            rtl=rtl,
            lead=Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft,
            trail=Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight,
        )


def forget_painted_rows(window: QWidget) -> None:
    """On lock: make every item view's delegate let go of the last row it painted.

    Qt's QStyledItemDelegate keeps the role data it fetched for the last row (a private
    cache of QVariants, filled by initStyleOption), so the title of the last entry or post
    drawn outlives the model being emptied — the one copy of journal text the after-lock
    memory test still found. Fetching the roles of a blank row overwrites that cache."""
    blank = QStandardItemModel(1, 1)
    for view in window.findChildren(QAbstractItemView):
        delegate = view.itemDelegate()
        if isinstance(delegate, QStyledItemDelegate):
            delegate.initStyleOption(QStyleOptionViewItem(), blank.index(0, 0))
