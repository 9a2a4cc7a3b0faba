"""Paints one journal entry in the list: date and mood on the first line, the title or first
line of text in bold, then the tags. Mirrors itself in right-to-left layouts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from haven.ui import messages
from haven.ui.journal.list_model import DateRole, HeadlineRole, MoodRole, TagsRole
from haven.ui.row_delegate import Index, ThreeLineDelegate
from haven.ui.user_text import lead_for


class EntryDelegate(ThreeLineDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = self.begin_row(painter, option, index)
        vcenter = Qt.AlignmentFlag.AlignVCenter
        painter.setFont(row.small)
        painter.setPen(row.palette.color(row.text_role))
        first = row.line_rect(0)
        painter.drawText(first, row.lead | vcenter, str(index.data(DateRole) or ""))
        painter.drawText(first, row.trail | vcenter, messages.mood_text(index.data(MoodRole)))

        bold = QFont(row.base)
        bold.setBold(True)
        painter.setFont(bold)
        title = QFontMetrics(bold).elidedText(
            str(index.data(HeadlineRole) or ""), Qt.TextElideMode.ElideRight, row.rect.width()
        )
        painter.drawText(row.line_rect(1), lead_for(title, row.rtl) | vcenter, title)

        tags = index.data(TagsRole) or ()
        if tags:
            painter.setFont(row.small)
            role = row.text_role if row.selected else QPalette.ColorRole.Link
            painter.setPen(row.palette.color(role))
            text = QFontMetrics(row.small).elidedText(
                " ".join("#" + t for t in tags), Qt.TextElideMode.ElideRight, row.rect.width()
            )
            painter.drawText(row.line_rect(2), row.lead | vcenter, text)
        painter.restore()
