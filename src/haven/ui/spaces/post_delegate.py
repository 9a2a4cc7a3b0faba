"""Paints one post in a feed: author and date, the headline (title, first line, the content
warning of a collapsed post, or a moderator's tombstone), then replies and reaction counts.
Each text runs in its own direction, and the row mirrors itself right-to-left."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from haven.core.spaces.model import FeedPost
from haven.ui.row_delegate import Index, ThreeLineDelegate
from haven.ui.spaces.models import (
    FeedModel,
    OpenedRole,
    PostRole,
    author_fingerprint,
    byline,
    footer,
    headline,
    is_collapsed,
)
from haven.ui.user_text import lead_for

_SWATCH = 10


class PostDelegate(ThreeLineDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        post = index.data(PostRole)
        if not isinstance(post, FeedPost):
            return
        opened = bool(index.data(OpenedRole))
        row = self.begin_row(painter, option, index)
        rect, line, rtl, vcenter = row.rect, row.line, row.rtl, Qt.AlignmentFlag.AlignVCenter
        model = index.model()
        marks = model.marks(post.author) if isinstance(model, FeedModel) else None
        # The colour of the author's key fingerprint (never a colour the author chose) as a
        # small square at the leading edge.
        swatch_x = rect.right() - _SWATCH if rtl else rect.left()
        colour = QColor(author_fingerprint(post, marks).colour)
        if colour.isValid():
            painter.fillRect(
                QRect(swatch_x, rect.top() + (line - _SWATCH) // 2, _SWATCH, _SWATCH), colour
            )
        first = rect.adjusted(0 if rtl else _SWATCH + 6, 0, -(_SWATCH + 6) if rtl else 0, 0)
        first.setHeight(line)
        painter.setFont(row.small)
        painter.setPen(row.palette.color(row.text_role))
        painter.drawText(
            first,
            row.lead | vcenter,
            QFontMetrics(row.small).elidedText(
                byline(post, marks), Qt.TextElideMode.ElideRight, first.width()
            ),
        )

        # A warning or a tombstone is set apart by weight and colour, not italics (which
        # many Arabic fonts lack).
        special = post.state != "visible" or is_collapsed(post, opened)
        head = QFont(row.base)
        head.setBold(not special)
        painter.setFont(head)
        if special and not row.selected:
            painter.setPen(row.palette.color(QPalette.ColorRole.Link))
        shown = headline(post, opened)
        painter.drawText(
            row.line_rect(1),
            lead_for(shown, rtl) | vcenter,
            QFontMetrics(head).elidedText(shown, Qt.TextElideMode.ElideRight, rect.width()),
        )

        tail = footer(post, opened)
        if tail:
            painter.setFont(row.small)
            role = row.text_role if row.selected else QPalette.ColorRole.PlaceholderText
            painter.setPen(row.palette.color(role))
            painter.drawText(
                row.line_rect(2),
                row.lead | vcenter,
                QFontMetrics(row.small).elidedText(tail, Qt.TextElideMode.ElideRight, rect.width()),
            )
        painter.restore()
