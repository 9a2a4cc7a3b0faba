"""Paints one post in a feed: author and date, the headline (title, first line, the content
warning of a collapsed post, or a moderator's tombstone), then replies and reaction counts.
Each text runs in its own direction, and the row mirrors itself right-to-left."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from haven.core.spaces.model import FeedPost
from haven.ui.spaces.models import OpenedRole, PostRole, byline, footer, headline, is_collapsed

_PAD = 8
_SWATCH = 10
_Index = QModelIndex | QPersistentModelIndex


class PostDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(240, 3 * line + 2 * _PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        post = index.data(PostRole)
        if not isinstance(post, FeedPost):
            return
        opened = bool(index.data(OpenedRole))
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        base = QFont(opt.font)
        line = QFontMetrics(base).height()
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        lead = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        vcenter = Qt.AlignmentFlag.AlignVCenter

        painter.save()
        painter.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        small = QFont(base)
        small.setPointSizeF(max(1.0, base.pointSizeF() * 0.9))
        # The author's colour as a small square at the leading edge.
        swatch_x = rect.right() - _SWATCH if rtl else rect.left()
        colour = QColor(post.author_colour) if post.author_colour else QColor()
        if colour.isValid():
            painter.fillRect(
                QRect(swatch_x, rect.top() + (line - _SWATCH) // 2, _SWATCH, _SWATCH), colour
            )
        first = rect.adjusted(0 if rtl else _SWATCH + 6, 0, -(_SWATCH + 6) if rtl else 0, 0)
        first.setHeight(line)
        painter.setFont(small)
        painter.setPen(palette.color(text_role))
        painter.drawText(
            first,
            lead | vcenter,
            QFontMetrics(small).elidedText(
                byline(post), Qt.TextElideMode.ElideRight, first.width()
            ),
        )

        # A warning or a tombstone is set apart by weight and colour, not italics (which
        # many Arabic fonts lack).
        special = post.state != "visible" or is_collapsed(post, opened)
        head = QFont(base)
        head.setBold(not special)
        painter.setFont(head)
        if special and not selected:
            painter.setPen(palette.color(QPalette.ColorRole.Link))
        second = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        painter.drawText(
            second,
            lead | vcenter,
            QFontMetrics(head).elidedText(
                headline(post, opened), Qt.TextElideMode.ElideRight, rect.width()
            ),
        )

        tail = footer(post, opened)
        if tail:
            painter.setFont(small)
            role = text_role if selected else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
            third = QRect(rect.left(), rect.top() + 2 * line + 4, rect.width(), line)
            painter.drawText(
                third,
                lead | vcenter,
                QFontMetrics(small).elidedText(tail, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()
