"""The feed: threads newest first (pinned on top) on one side, with the composer under
them; the chosen thread on the other. Enter on a thread moves to it.

Posts hidden by the reader's mute words do not vanish without a trace: a line says how many
("3 posts hidden by your mute words — show") and shows them on request, for this visit to the
space. Posts of a member the reader blocked stay hidden (blocking is about a person, and the
Members tab undoes it)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QSplitter, QVBoxLayout, QWidget

from haven.core.spaces.model import FeedPost, ThreadPage
from haven.ui.spaces.composer import Composer
from haven.ui.spaces.models import FeedModel
from haven.ui.spaces.post_delegate import PostDelegate
from haven.ui.spaces.thread_view import ThreadView


def chosen_visible(posts: Sequence[FeedPost], show_muted: bool) -> tuple[list[FeedPost], int]:
    """The threads to list, and how many posts (threads or replies) mute words hide."""
    muted = 0

    def keep(post: FeedPost) -> bool:
        nonlocal muted
        if post.hidden_reason == "blocked":
            return False
        if post.hidden_reason == "muted":
            muted += 1
            return show_muted
        return True

    shown = []
    for root in posts:
        replies = tuple(r for r in root.replies if keep(r))
        if keep(root):
            shown.append(dataclasses.replace(root, replies=replies))
    return shown, muted


class FeedTab(QWidget):
    olderRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FeedModel(self)
        thread_model = FeedModel(self)
        self.model.share_opened(thread_model)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(PostDelegate(self.list))
        self.list.setUniformItemSizes(True)
        # Rows elide to the column's width: a sideways scroll bar would only hide their ends.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Threads"))
        self.list.setAccessibleDescription(
            self.tr("Pinned first, then newest first; press Enter to read one")
        )
        self.empty = QLabel(self.tr("No posts yet. Write the first one below."))
        self.empty.setWordWrap(True)
        self.muted_button = QPushButton()
        self.muted_button.setFlat(True)
        self.muted_button.setObjectName("mutedMarker")
        self.muted_button.setAccessibleName(self.tr("Posts hidden by your mute words"))
        self.muted_button.setVisible(False)
        self.show_muted = False
        self._posts: Sequence[FeedPost] = ()
        self._shown_with = (False, False, False)  # more, moderator, member
        # A thread older than the feed's, opened from a report: shown with no row current
        # until the reader chooses one (a refresh keeps it).
        self._alone: bytes | None = None
        self.older_button = QPushButton(self.tr("Show &older posts"))
        self.older_button.setAccessibleName(self.tr("Show older posts"))
        self.composer = Composer()
        self.thread_view = ThreadView(thread_model)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.muted_button)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)
        left_layout.addWidget(self.older_button)
        left_layout.addWidget(self.composer)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.thread_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setTabOrder(self.list, self.older_button)
        self.setTabOrder(self.older_button, self.composer.title)

        self.list.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.list.activated.connect(lambda _i: self._enter_thread())
        self.older_button.clicked.connect(self.olderRequested)
        self.muted_button.clicked.connect(self._toggle_muted)
        self.model.dataChanged.connect(lambda *_: self._sync_opened())
        thread_model.dataChanged.connect(lambda *_: self.list.viewport().update())
        self.clear()

    def show_feed(
        self, posts: Sequence[FeedPost], more: bool, moderator: bool, member: bool
    ) -> None:
        self._posts, self._shown_with = posts, (more, moderator, member)
        posts, muted = chosen_visible(posts, self.show_muted)
        self._show_muted_marker(muted)
        current = self.current_thread()
        keep = current.post_id if current is not None else None
        self.model.set_posts(posts)
        self.empty.setVisible(not posts)
        self.older_button.setVisible(more)
        self.composer.setEnabled(member)
        self.thread_view.set_moderator(moderator)
        row = self.model.row_of(keep if keep is not None else self._alone or b"")
        if row < 0 and self._alone is not None:
            return  # the thread shown alone stays (its page is read again by the view)
        if row < 0 and posts:
            row = 0
        if row >= 0:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_current()

    def _show_muted_marker(self, muted: int) -> None:
        if self.show_muted:
            text = self.tr("Showing %Ln post(s) your mute words hide — hide them", "", muted)
        else:
            text = self.tr("%Ln post(s) hidden by your mute words — show", "", muted)
        self.muted_button.setText(text)
        self.muted_button.setAccessibleName(text)
        self.muted_button.setVisible(muted > 0)

    def _toggle_muted(self) -> None:
        self.show_muted = not self.show_muted
        self.show_feed(self._posts, *self._shown_with)
        self.muted_button.setFocus()

    def clear(self, forget_opened: bool = True) -> None:
        self.model.clear(forget_opened)
        self.thread_view.model.clear(False)
        self.thread_view.show_thread(None)
        self.composer.clear()
        self.thread_view.composer.clear()
        self.empty.setVisible(False)
        self.older_button.setVisible(False)
        self.muted_button.setVisible(False)
        self._alone = None
        if forget_opened:
            self.show_muted = False
            self._posts = ()

    def current_thread(self) -> FeedPost | None:
        index = self.list.currentIndex()
        return self.model.post(index.row()) if index.isValid() else None

    def select_post(self, post_id: bytes) -> bool:
        """Show the thread holding `post_id` (a first post or a reply of the page the feed
        holds) with it current; False when the feed does not hold it (see `open_page`)."""
        for row in range(self.model.rowCount()):
            root = self.model.post(row)
            if root is None:
                continue
            ids = [root.post_id, *(r.post_id for r in root.replies)]
            if post_id in ids:
                self.list.setCurrentIndex(self.model.index(row))
                self.thread_view.show_newest()
                self.thread_view.select_row(ids.index(post_id))
                self.thread_view.posts.setFocus()
                return True
        return False

    def open_page(
        self, page: ThreadPage, later: bytes | None, after: bytes, post_id: bytes
    ) -> None:
        """Show a page of a thread read to find `post_id` (a reply older than the feed's
        page, or in a thread older than the threads loaded), with that post current. The
        page ends before the reply `later` (None: the newest page) and starts after the
        post `after`, so a refresh reads it again from there: the newest page of a thread
        the feed does not hold is read again after `after` (the feed's copy is not there
        to bring its reactions up to date)."""
        row = self.model.row_of(page.root.post_id)
        view = self.thread_view
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        else:  # a thread older than the feed's: shown on its own until the reader moves
            self._alone = page.root.post_id
            self.list.setCurrentIndex(QModelIndex())
            view.show_thread(page.root)
        if later is None and row >= 0:  # the newest page: the one the feed holds
            view.show_newest()
            view.select_row(view.model.row_of(post_id))
        else:
            anchor = (True, later) if later is not None else (False, after)
            view.show_page(self._visible(page), anchor, moved=False, select=post_id)
        view.posts.setFocus()

    def show_thread_page(self, page: ThreadPage, anchor: tuple[bool, bytes], moved: bool) -> None:
        """A page of older or newer replies of the thread being read, hidden ones chosen
        as in the feed."""
        self.thread_view.show_page(self._visible(page), anchor, moved)

    def _visible(self, page: ThreadPage) -> ThreadPage:
        hide = {"blocked"} if self.show_muted else {"blocked", "muted"}
        replies = tuple(r for r in page.replies if r.hidden_reason not in hide)
        return dataclasses.replace(page, replies=replies)

    def _show_current(self) -> None:
        current = self.current_thread()
        if current is not None:
            self._alone = None  # the reader chose a thread of the list
        elif self._alone is not None:
            return
        self.thread_view.show_thread(current)

    def _sync_opened(self) -> None:
        self.thread_view.posts.viewport().update()
        self._show_current()

    def _enter_thread(self) -> None:
        post = self.thread_view.current_post()
        if post is not None and self.thread_view.show_button.isVisible():
            self.thread_view.show_button.setFocus()
        else:
            self.thread_view.body.setFocus()
