"""Paints one journal entry in the list: date and mood on the first line, the title or first
line of text in bold, then the tags. Mirrors itself in right-to-left layouts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from haven.ui import messages
from haven.ui.journal.list_model import DateRole, HeadlineRole, MoodRole, TagsRole

_PAD = 8
_Index = QModelIndex | QPersistentModelIndex


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = QFontMetrics(option.font).height()
        return QSize(240, 3 * line + 2 * _PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
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
        base_font = QFont(opt.font)
        line = QFontMetrics(base_font).height()
        rtl = opt.direction == Qt.LayoutDirection.RightToLeft
        lead = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        trail = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
        vcenter = Qt.AlignmentFlag.AlignVCenter

        painter.save()
        # Each text runs in its own direction (English in an Arabic UI and vice versa).
        painter.setLayoutDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        small = QFont(base_font)
        small.setPointSizeF(max(1.0, base_font.pointSizeF() * 0.9))
        painter.setFont(small)
        painter.setPen(palette.color(text_role))
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(first, lead | vcenter, str(index.data(DateRole) or ""))
        painter.drawText(first, trail | vcenter, messages.mood_text(index.data(MoodRole)))

        bold = QFont(base_font)
        bold.setBold(True)
        painter.setFont(bold)
        second = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        title = QFontMetrics(bold).elidedText(
            str(index.data(HeadlineRole) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(second, lead | vcenter, title)

        tags = index.data(TagsRole) or ()
        if tags:
            painter.setFont(small)
            color = palette.color(text_role if selected else QPalette.ColorRole.Link)
            painter.setPen(color)
            third = QRect(rect.left(), rect.top() + 2 * line + 4, rect.width(), line)
            text = QFontMetrics(small).elidedText(
                " ".join("#" + t for t in tags), Qt.TextElideMode.ElideRight, rect.width()
            )
            painter.drawText(third, lead | vcenter, text)
        painter.restore()
