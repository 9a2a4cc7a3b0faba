"""Item models for spaces: the list of spaces with unread counts, and a feed of posts.

A feed is one list model over `FeedPost` records read in a worker, so a space with
thousands of posts is one view painting the rows on screen, not thousands of widgets.
Which content warnings the reader opened is kept here, in memory only (dropped on lock).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from haven.core.spaces.model import REACTIONS, FeedPost, SpaceSummary
from haven.core.spaces.name_marks import Fingerprint, NameMarks, fingerprint
from haven.ui import peer_text
from haven.ui.dates import number_text
from haven.ui.spaces import wording
from haven.ui.spaces.markdown import preview

T = QCoreApplication
_Index = QModelIndex | QPersistentModelIndex

PostRole = Qt.ItemDataRole.UserRole + 1
OpenedRole = Qt.ItemDataRole.UserRole + 2
SummaryRole = Qt.ItemDataRole.UserRole + 3


def reactions_text(post: FeedPost) -> str:
    """Counts in the fixed order of REACTIONS: never sorted by how many."""
    return " · ".join(
        f"{wording.reaction_label(k)} {post.reactions[k]}"
        for k in REACTIONS
        if post.reactions.get(k)
    )


def is_collapsed(post: FeedPost, opened: bool) -> bool:
    return bool(post.cw) and post.state == "visible" and not opened


def headline(post: FeedPost, opened: bool) -> str:
    """What a row says about the post itself (never the text of a collapsed post)."""
    if post.state == "removed":
        reason = peer_text.line(post.removed_reason) or T.translate("Spaces", "no reason given")
        return T.translate("Spaces", "Removed by a moderator: %1").replace("%1", reason)
    if post.state == "deleted":
        return T.translate("Spaces", "Deleted by its author")
    if post.state == "expired":
        return T.translate("Spaces", "Disappeared: its timer ran out")
    if is_collapsed(post, opened):
        return T.translate("Spaces", "Content warning: %1").replace("%1", peer_text.line(post.cw))
    return peer_text.one_line(post.title) or preview(post.body)


def byline(post: FeedPost, marks: NameMarks | None = None) -> str:
    """Author, then what the app says about them (role badge, key fingerprint, warnings),
    then when: everything after the name is the app's, never the author's."""
    parts = [peer_text.name(post.author_name)]
    if marks is not None:
        parts += [wording.badge(marks.role), *wording.name_warnings(marks)]
    parts = [p for p in parts if p]
    parts += [
        wording.fingerprint_text(author_fingerprint(post, marks)),
        wording.when(post.created_ms),
    ]
    if post.pinned:
        parts.append(T.translate("Spaces", "pinned"))
    if post.edited_ms is not None and post.state == "visible":
        parts.append(T.translate("Spaces", "edited"))
    if post.disappears_ms is not None and post.state == "visible":
        parts.append(
            T.translate("Spaces", "disappears %1").replace("%1", wording.when(post.disappears_ms))
        )
    return " · ".join(parts)


def author_fingerprint(post: FeedPost, marks: NameMarks | None) -> Fingerprint:
    return marks.fingerprint if marks is not None else fingerprint(post.author)


def footer(post: FeedPost, opened: bool) -> str:
    parts = []
    if is_collapsed(post, opened):
        parts.append(T.translate("Spaces", "Hidden until you open it"))
    elif post.state == "visible" and post.cw:
        parts.append(
            T.translate("Spaces", "Content warning: %1").replace("%1", peer_text.line(post.cw))
        )
    if post.older_replies:  # the feed holds a page of each thread's replies, not a count
        parts.append(T.translate("Spaces", "More than %Ln replies", "", len(post.replies)))
    elif post.replies:
        parts.append(T.translate("Spaces", "%Ln replies", "", len(post.replies)))
    if post.state == "visible" and post.reactions:
        parts.append(reactions_text(post))
    return " · ".join(parts)


class FeedModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._posts: list[FeedPost] = []
        self._opened: set[bytes] = set()
        self._marks: dict[bytes, NameMarks] = {}

    def set_marks(self, marks: dict[bytes, NameMarks]) -> None:
        """What the app says about each author (kept in place: a thread model shares it)."""
        self._marks.clear()
        self._marks.update(marks)
        if self._posts:
            self.dataChanged.emit(self.index(0), self.index(len(self._posts) - 1))

    def marks(self, author: bytes) -> NameMarks | None:
        return self._marks.get(author)

    def set_posts(self, posts: Sequence[FeedPost]) -> None:
        self.beginResetModel()
        self._posts = list(posts)
        self.endResetModel()

    def clear(self, forget_opened: bool = True) -> None:
        self.set_posts([])
        if forget_opened:
            self._opened.clear()

    def post(self, row: int) -> FeedPost | None:
        return self._posts[row] if 0 <= row < len(self._posts) else None

    def row_of(self, post_id: bytes) -> int:
        return next((r for r, p in enumerate(self._posts) if p.post_id == post_id), -1)

    def is_opened(self, post_id: bytes) -> bool:
        return post_id in self._opened

    def set_opened(self, post_id: bytes, opened: bool = True) -> None:
        (self._opened.add if opened else self._opened.discard)(post_id)
        row = self.row_of(post_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))

    def share_opened(self, other: FeedModel) -> None:
        """Use one set of opened warnings and author marks for two models (feed and thread)."""
        other._opened = self._opened
        other._marks = self._marks

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        post = self.post(index.row()) if index.isValid() else None
        if post is None:
            return None
        opened = post.post_id in self._opened
        if role == Qt.ItemDataRole.DisplayRole:
            return headline(post, opened)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                p
                for p in (
                    byline(post, self.marks(post.author)),
                    headline(post, opened),
                    footer(post, opened),
                )
                if p
            )
        if role == PostRole:
            return post
        if role == OpenedRole:
            return opened
        return None


class SpaceListModel(QAbstractListModel):
    """Spaces by name, each with its unread count."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._spaces: list[SpaceSummary] = []

    def set_spaces(self, spaces: Sequence[SpaceSummary]) -> None:
        ordered = sorted(spaces, key=lambda s: (s.name.casefold(), s.space_id))
        if [s.space_id for s in ordered] == [s.space_id for s in self._spaces]:
            self._spaces = ordered  # same rows: keep the selection, repaint the counts
            if ordered:
                self.dataChanged.emit(self.index(0), self.index(len(ordered) - 1))
            return
        self.beginResetModel()
        self._spaces = ordered
        self.endResetModel()

    def summary(self, row: int) -> SpaceSummary | None:
        return self._spaces[row] if 0 <= row < len(self._spaces) else None

    def row_of(self, space_id: bytes) -> int:
        return next((r for r, s in enumerate(self._spaces) if s.space_id == space_id), -1)

    def total_unread(self) -> int:
        return sum(s.unread for s in self._spaces)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spaces)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        space = self.summary(index.row()) if index.isValid() else None
        if space is None:
            return None
        name = peer_text.space_name(space.name)
        if space.my_role is None:  # left (or removed): kept here until its data is wiped
            name = f"{name} · {wording.role_label(None)}"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name}  ({number_text(space.unread)})" if space.unread else name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            unread = T.translate("Spaces", "%Ln unread", "", space.unread)
            return f"{name}, {unread}"
        if role == SummaryRole:
            return space
        if role == Qt.ItemDataRole.FontRole and space.unread:
            font = QFont()
            font.setBold(True)
            return font
        return None
