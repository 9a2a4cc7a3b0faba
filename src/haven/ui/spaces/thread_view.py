"""One thread: the post being read (rendered safely), its content warning, reactions and the
moderator's actions, the thread's posts as a list, and a reply box.

The list holds the thread's first post and a page of its replies (the newest, from the
feed); "Show older replies" and "Show newer replies" ask for the page before or after the
one shown, so a thread of any length costs one page. Whichever post is current is the one
shown, reacted to, reported or removed. A post with a content warning shows only the
warning until the reader presses "Show post"."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, QUrl, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from haven.core.spaces.model import FeedPost, ThreadPage
from haven.ui import peer_text
from haven.ui.spaces.attachment_strip import AttachmentStrip
from haven.ui.spaces.composer import Composer
from haven.ui.spaces.markdown import render
from haven.ui.spaces.models import FeedModel, byline, headline, is_collapsed
from haven.ui.spaces.post_delegate import PostDelegate
from haven.ui.spaces.reactions import ReactionsBar


class SafeBrowser(QTextBrowser):
    """Shows rendered post text; loads nothing and follows no link, whatever it holds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.loads: list[str] = []  # what anything asked to load (tests assert it stays empty)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        self.loads.append(name.toString() if isinstance(name, QUrl) else str(name))
        return None


class ThreadView(QWidget):
    #: post id, kind, on
    reactRequested = Signal(bytes, str, bool)
    #: parent id, body, content warning
    replyRequested = Signal(bytes, str, str)
    reportRequested = Signal(bytes)
    removeRequested = Signal(bytes)
    #: Your own post: edit it, or delete it (the view asks first).
    editRequested = Signal(bytes)
    deleteRequested = Signal(bytes)
    #: post id, pinned (moderators and above)
    pinRequested = Signal(bytes, bool)
    #: thread's first post id, the reply the page ends before / starts after
    olderRequested = Signal(bytes, bytes)
    newerRequested = Signal(bytes, bytes)

    def __init__(self, model: FeedModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.root_id: bytes | None = None
        self._root: FeedPost | None = None
        self._feed_root: FeedPost | None = None  # as the feed holds it: its newest replies
        self._page: ThreadPage | None = None  # a page other than the feed's newest one
        #: how that page was asked for: older or newer than which reply (to read it again)
        self.page_anchor: tuple[bool, bytes] | None = None
        self._me: bytes | None = None
        self._moderator = False
        self.heading = peer_text.plain_label()
        self.heading.setWordWrap(True)
        self.cw_label = peer_text.plain_label()
        self.cw_label.setWordWrap(True)
        self.cw_label.setObjectName("contentWarning")
        self.show_button = QPushButton(self.tr("Show p&ost"))
        self.show_button.setAccessibleName(self.tr("Show the post behind the content warning"))
        self.body = SafeBrowser()
        self.body.setAccessibleName(self.tr("Post"))
        self.attachments = AttachmentStrip()
        self.reactions = ReactionsBar()
        self.report_button = QPushButton(self.tr("Repor&t…"))
        self.report_button.setAccessibleName(self.tr("Report this post to the moderators"))
        self.remove_button = QPushButton(self.tr("Re&move post…"))
        self.remove_button.setAccessibleName(self.tr("Remove this post as a moderator"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit your post"))
        self.delete_button = QPushButton(self.tr("Dele&te…"))
        self.delete_button.setAccessibleName(self.tr("Delete your post"))
        self.pin_button = QPushButton(self.tr("P&in"))
        self.pin_button.setAccessibleName(self.tr("Pin this thread to the top"))
        self.posts = QListView()
        self.posts.setModel(model)
        self.posts.setItemDelegate(PostDelegate(self.posts))
        self.posts.setAccessibleName(self.tr("Posts in this thread"))
        self.posts.setAccessibleDescription(self.tr("The first post, then the replies"))
        self.older_button = QPushButton(self.tr("Show older rep&lies"))
        self.older_button.setAccessibleName(self.tr("Show older replies"))
        self.newer_button = QPushButton(self.tr("Show ne&wer replies"))
        self.newer_button.setAccessibleName(self.tr("Show newer replies"))
        self.composer = Composer(reply=True)

        cw_row = QHBoxLayout()
        cw_row.addWidget(self.cw_label, 1)
        cw_row.addWidget(self.show_button)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.pin_button)
        actions.addWidget(self.report_button)
        actions.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(cw_row)
        layout.addWidget(self.body, 3)
        layout.addWidget(self.attachments)
        layout.addWidget(self.reactions)
        layout.addLayout(actions)
        layout.addWidget(self.older_button)
        layout.addWidget(self.posts, 2)
        layout.addWidget(self.newer_button)
        layout.addWidget(self.composer)
        self.setTabOrder(self.show_button, self.body)
        self.setTabOrder(self.body, self.reactions.buttons["sending-care"])
        # The page buttons sit where they act: older replies above the list, newer below.
        self.setTabOrder(self.older_button, self.posts)
        self.setTabOrder(self.posts, self.newer_button)

        self.show_button.clicked.connect(self.toggle_opened)
        self.posts.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.posts.activated.connect(lambda _i: self.toggle_opened())
        self.reactions.toggled.connect(self._react)
        self.report_button.clicked.connect(lambda: self._emit_for_current(self.reportRequested))
        self.remove_button.clicked.connect(lambda: self._emit_for_current(self.removeRequested))
        self.edit_button.clicked.connect(lambda: self._emit_for_current(self.editRequested))
        self.delete_button.clicked.connect(lambda: self._emit_for_current(self.deleteRequested))
        self.pin_button.clicked.connect(self._toggle_pin)
        self.older_button.clicked.connect(self._ask_older)
        self.newer_button.clicked.connect(self._ask_newer)
        self.composer.submitted.connect(self._reply)
        model.modelReset.connect(self._show_current)
        model.dataChanged.connect(lambda *_: self._show_current())
        self.set_moderator(False)
        self.show_thread(None)

    # ---------------------------------------------------------------- showing

    def set_moderator(self, moderator: bool) -> None:
        self._moderator = moderator
        self._show_own_actions(self.current_post())

    def set_me(self, member_pk: bytes | None) -> None:
        """Whose posts are "yours" (None once you left): only those get Edit and Delete."""
        self._me = member_pk
        self._show_own_actions(self.current_post())

    def _show_own_actions(self, post: FeedPost | None) -> None:
        """Your own post: Edit and Delete. Someone else's: Report, and Remove for moderators
        (nobody reports or removes their own post). Pin: moderators, on the thread's root."""
        visible = post is not None and post.state == "visible"
        mine = post is not None and self._me is not None and post.author == self._me
        own = visible and mine
        self.edit_button.setVisible(own)
        self.delete_button.setVisible(own)
        self.report_button.setVisible(not mine)
        self.remove_button.setVisible(self._moderator and not mine)
        root = visible and post is not None and post.post_id == self.root_id
        self.pin_button.setVisible(self._moderator and root)
        pinned = post is not None and post.pinned
        self.pin_button.setText(self.tr("Unpi&n") if pinned else self.tr("P&in"))
        self.pin_button.setAccessibleName(
            self.tr("Unpin this thread") if pinned else self.tr("Pin this thread to the top")
        )

    def show_thread(self, root: FeedPost | None) -> None:
        """Show a thread (or nothing) with the replies the feed holds (its newest page);
        keeps the reader's place, and the page they went to, when it is the same thread."""
        same = root is not None and root.post_id == self.root_id
        current = self.current_post()
        keep = current.post_id if same and current is not None else None
        if not same:
            self._page = self.page_anchor = None
        self.root_id = root.post_id if root is not None else None
        self._root = self._feed_root = root
        self._show_posts(keep)
        self.composer.setEnabled(root is not None and root.state == "visible")

    def show_page(
        self,
        page: ThreadPage,
        anchor: tuple[bool, bytes] | None,
        moved: bool,
        select: bytes | None = None,
    ) -> None:
        """Show a page of the thread being read: the replies older (`anchor` (True, id)) or
        newer (False, id) than a reply (None: the newest page, not read again). When the
        reader `moved` there, the reply next to those shown before is current (the last
        one of an older page, the first of a newer page); a page read again after a change
        keeps the reader's place; `select` makes that post current. A page of another
        thread (the reader moved on), or a page read again that the reader has left
        meanwhile, is dropped."""
        if page.root.post_id != self.root_id:
            return
        if not moved and select is None and anchor != self.page_anchor:
            return
        current = self.current_post()
        self._page, self.page_anchor = page, anchor
        self._root = page.root
        replies = page.replies
        if select is not None:
            keep: bytes | None = select
        elif moved and anchor is not None:
            keep = replies[-1 if anchor[0] else 0].post_id if replies else None
        else:
            keep = current.post_id if current is not None else None
        self._show_posts(keep)
        if moved:
            self.posts.setFocus()

    def show_newest(self) -> None:
        """Back to the feed's page of the thread (after the reader replied: their reply is
        among the newest)."""
        self._page = self.page_anchor = None
        self._root = self._feed_root
        self._show_posts(None)

    def _show_posts(self, keep: bytes | None) -> None:
        root = self._root
        if root is None:
            self.model.set_posts([])
        elif self._page is not None:
            self.model.set_posts([root, *self._page.replies])
        else:
            self.model.set_posts([root, *root.replies])
        page = self._page
        self.older_button.setVisible(
            root is not None and (page.older if page is not None else root.older_replies)
        )
        self.newer_button.setVisible(root is not None and page is not None and page.newer)
        row = self.model.row_of(keep) if keep is not None else 0
        if self.model.rowCount():
            self.posts.setCurrentIndex(self.model.index(max(row, 0)))
        self._show_current()

    def _shown_replies(self) -> tuple[FeedPost, ...]:
        if self._page is not None:
            return self._page.replies
        return self._root.replies if self._root is not None else ()

    def _ask_older(self) -> None:
        replies = self._shown_replies()
        if self.root_id is not None and replies:
            self.olderRequested.emit(self.root_id, replies[0].post_id)

    def _ask_newer(self) -> None:
        replies = self._shown_replies()
        if self.root_id is not None and replies:
            self.newerRequested.emit(self.root_id, replies[-1].post_id)

    def current_post(self) -> FeedPost | None:
        index = self.posts.currentIndex()
        return self.model.post(index.row() if index.isValid() else 0)

    def toggle_opened(self) -> None:
        post = self.current_post()
        if post is not None and post.cw:
            self.model.set_opened(post.post_id, not self.model.is_opened(post.post_id))
            if self.model.is_opened(post.post_id):
                self.body.setFocus()

    def _show_current(self) -> None:
        post = self.current_post()
        if post is None:
            self.heading.clear()
            self.cw_label.clear()
            self.show_button.setVisible(False)
            self.body.clear()
            self.reactions.show_post(None)
            self.attachments.show_post(None)
            self.report_button.setEnabled(False)
            self.remove_button.setEnabled(False)
            self._show_own_actions(None)
            return
        opened = self.model.is_opened(post.post_id)
        collapsed = is_collapsed(post, opened)
        self.heading.setText(byline(post, self.model.marks(post.author)))
        has_cw = bool(post.cw) and post.state == "visible"
        self.cw_label.setVisible(has_cw)
        self.cw_label.setText(self.tr("Content warning: %1").replace("%1", peer_text.line(post.cw)))
        self.show_button.setVisible(has_cw)
        self.show_button.setText(self.tr("Hide p&ost") if opened else self.tr("Show p&ost"))
        if post.state != "visible":
            self.body.setHtml(f"<p><b>{_escape(headline(post, opened))}</b></p>")
        elif collapsed:
            self.body.setHtml(
                "<p>"
                + _escape(
                    self.tr(
                        "This post is hidden behind a content warning. Press “Show post” to read "
                        "it."
                    )
                )
                + "</p>"
            )
        else:
            title = f"<p><b>{_escape(peer_text.one_line(post.title))}</b></p>" if post.title else ""
            self.body.setHtml(title + render(post.body))
        self.reactions.show_post(post if not collapsed else None)
        self.attachments.show_post(post if not collapsed and post.state == "visible" else None)
        visible = post.state == "visible"
        self.report_button.setEnabled(visible)
        self.remove_button.setEnabled(visible)
        self._show_own_actions(post)

    # ---------------------------------------------------------------- actions

    def _react(self, kind: str, on: bool) -> None:
        post = self.current_post()
        if post is not None:
            self.reactRequested.emit(post.post_id, kind, on)

    def _reply(self, _title: str, body: str, cw: str) -> None:
        if self.root_id is not None:
            self.replyRequested.emit(self.root_id, body, cw)

    def _toggle_pin(self) -> None:
        post = self.current_post()
        if post is not None:
            self.pinRequested.emit(post.post_id, not post.pinned)

    def _emit_for_current(self, signal: SignalInstance) -> None:
        post = self.current_post()
        if post is not None:
            signal.emit(post.post_id)

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.posts.setCurrentIndex(self.model.index(row))

    def current_row(self) -> int:
        index: QModelIndex = self.posts.currentIndex()
        return index.row() if index.isValid() else -1


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
