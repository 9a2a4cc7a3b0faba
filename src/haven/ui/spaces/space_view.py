"""One space, in tabs: the feed (threads, the thread being read, a composer), channels,
members, moderation (moderators only) and "About & you".

Everything is read in one worker task per refresh (a `Snapshot`); results of an older
refresh or of another space are dropped. Every write runs in a worker too, and the view
re-reads the space when it is done. Nothing here names a post in the window title."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from haven.core.clock import now_ms
from haven.core.spaces.model import (
    FeedPost,
    Role,
    ThreadPage,
)
from haven.core.spaces.name_marks import mark_members
from haven.core.spaces.service import SpaceService
from haven.ui import peer_text
from haven.ui.bridge import SessionBridge
from haven.ui.space_status import FadingStatus, SpaceStatusLabel
from haven.ui.spaces import wording
from haven.ui.spaces.cause_actions import wire_causes
from haven.ui.spaces.causes_tab import CausesTab
from haven.ui.spaces.channel_actions import ChannelActions
from haven.ui.spaces.channel_tab import ChannelTab
from haven.ui.spaces.dialogs import ReasonDialog
from haven.ui.spaces.disappear_notice import DisappearNotice
from haven.ui.spaces.events_tab import EventsTab
from haven.ui.spaces.feed_tab import FeedTab
from haven.ui.spaces.invite_dialog import InviteDialog
from haven.ui.spaces.invite_route import InviteMaker
from haven.ui.spaces.me_tab import MeTab
from haven.ui.spaces.members_tab import MembersTab
from haven.ui.spaces.moderation_tab import ModerationTab
from haven.ui.spaces.own_actions import SpaceActions
from haven.ui.spaces.reason_asks import ReasonAsks
from haven.ui.spaces.snapshot import Snapshot, read_snapshot
from haven.ui.spaces.space_admission import SpaceAdmission
from haven.ui.spaces.space_events import SpaceEvents
from haven.ui.spaces.space_header import SpaceHeader
from haven.ui.spaces.space_media import SpaceMedia
from haven.ui.spaces.space_writes import SpaceWrites

#: Hosts that name no network address: an invite may carry them (same-computer tests).
#: Threads read when a space opens; "Show older posts" doubles it.
FIRST_THREADS = 200
#: Join requests arrive without an event in the log, so an admin's open Members tab asks
#: for them this often.
REQUESTS_POLL_MS = 2_000


class SpaceView(QWidget):
    #: Something changed that the space list shows (unread counts, names).
    changed = Signal()

    def __init__(self, bridge: SessionBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.space_id: bytes | None = None
        self.snapshot: Snapshot | None = None
        self._ticket = 0
        # The reader's moves between pages of a thread: a page read again for a refresh
        # never lands over a move asked for meanwhile (it would pull the reader back).
        self._moves, self._move_pending = 0, False
        self._limit = FIRST_THREADS
        self.header = SpaceHeader()
        self.title = self.header.title
        self.sync_line = SpaceStatusLabel(bridge)
        self.disappear_notice = DisappearNotice()
        self.status = FadingStatus()
        self.status.setObjectName("spaceStatus")
        self.feed = FeedTab()
        self.channels = ChannelTab()
        self.members = MembersTab()
        self.events = EventsTab(lambda: now_ms() // 1000)
        self.moderation = ModerationTab()
        self.me = MeTab()
        self.causes = CausesTab()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Space sections"))
        self.tabs.addTab(self.feed, self.tr("&Feed"))
        self.tabs.addTab(self.channels, self.tr("&Channels"))
        self.tabs.addTab(self.members, self.tr("Mem&bers"))
        self.tabs.addTab(self.events, self.tr("&Events"))
        self.tabs.addTab(self.moderation, self.tr("Mo&deration"))
        self.tabs.addTab(self.causes, self.tr("Fundraisers and ca&mpaigns"))
        self.tabs.addTab(self.me, self.tr("&About and you"))
        # Seven sections: at the default width (and in longer languages) the labels shorten
        # with "…" rather than hiding the last tabs behind scroll arrows; each keeps its
        # whole name as a tooltip.
        bar = self.tabs.tabBar()
        bar.setUsesScrollButtons(False)
        bar.setElideMode(Qt.TextElideMode.ElideRight)
        for index in range(self.tabs.count()):
            self.tabs.setTabToolTip(index, self.tabs.tabText(index).replace("&", ""))
        self.tabs.currentChanged.connect(lambda _i: self.status.clear())
        pages = (self.feed, self.channels, self.members, self.events, self.moderation)
        for tab in (*pages, self.causes, self.me):  # not Fusion's lighter pane (2.9:1 boxes)
            tab.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.sync_line)
        layout.addWidget(self.disappear_notice)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        thread = self.feed.thread_view
        self.media = SpaceMedia(
            bridge,
            self._spaces,
            lambda: self.space_id,
            self._reload_if,
            lambda: self.snapshot.feed if self.snapshot is not None else (),
        )
        self.media.on_failure(lambda exc: self.status.setText(wording.failure_text(exc)))
        for composer in (self.feed.composer, thread.composer):
            composer.attachments.set_preparer(bridge.run, self.media.prepare_file)
        thread.attachments.set_source(self.media.source())
        self.feed.composer.submitted.connect(self._post)
        self.feed.olderRequested.connect(self._show_older)
        thread.replyRequested.connect(self._reply)
        thread.olderRequested.connect(lambda root, reply: self._thread_page(root, (True, reply)))
        thread.newerRequested.connect(lambda root, reply: self._thread_page(root, (False, reply)))
        self.asks = ReasonAsks(self, self.act)
        self.writes = SpaceWrites(self, thread, self.members, self.me, self.act)
        thread.reportRequested.connect(self.asks.report)
        thread.removeRequested.connect(self.asks.remove_post)
        self.members.removeRequested.connect(self.asks.remove_member)
        self.moderation.removeRequested.connect(self.asks.remove_post)
        self.moderation.openRequested.connect(self.open_post)
        wire_causes(self.causes, self.act)
        self.event_actions = SpaceEvents(
            self,
            self.events,
            bridge,
            self._spaces,
            lambda: self.space_id,
            lambda work, ok_text: self.act(work, ok_text),
            self.status.setText,
        )
        self.channel_actions = ChannelActions(
            self,
            self.channels,
            bridge,
            self._spaces,
            lambda: self.space_id,
            self._is_admin,
            self.act,
            self.status.setText,
        )
        self.channel_actions.changed.connect(self.changed)
        self.me.media.settingsRequested.connect(self.media.save_settings)
        self.admission = SpaceAdmission(
            self,
            bridge,
            lambda: self.space_id,
            lambda: self.snapshot,
            self.members,
            self._is_admin,
            self.act,
            self.status.setText,
        )
        self.header.inviteRequested.connect(self.admission.open_invite)
        # edit/delete/pin, leave, hand over, warnings
        self.own = SpaceActions(
            self,
            thread,
            self.me,
            self.act,
            lambda: self.snapshot,
            self.status.setText,
            lambda: self.show_space(None),
        )
        layout.insertWidget(layout.indexOf(self.tabs), self.own.notice)  # above the tabs
        self._poll = QTimer(self)
        self._poll.setInterval(REQUESTS_POLL_MS)
        self._poll.timeout.connect(self.admission.poll_requests)
        self._poll.timeout.connect(self.media.tick)
        self._poll.start()
        self.show_space(None)

    # ---------------------------------------------------------------- loading

    def _spaces(self) -> SpaceService | None:
        session = self.bridge.session
        return session.spaces if session is not None else None

    def show_space(self, space_id: bytes | None) -> None:
        if space_id != self.space_id:
            self._reset(space_id)
        self.tabs.setEnabled(space_id is not None)
        if space_id is not None:
            self.reload()

    def reload(self) -> None:
        session, space_id = self.bridge.session, self.space_id
        if session is None or space_id is None:
            return
        self._ticket += 1
        ticket, limit = self._ticket, self._limit

        def done(snapshot: Snapshot) -> None:
            if ticket == self._ticket and space_id == self.space_id:
                self._show_snapshot(snapshot)

        def failed(exc: BaseException) -> None:
            if ticket == self._ticket and space_id == self.space_id:
                self.status.setText(wording.failure_text(exc))

        self.bridge.run(lambda: read_snapshot(session, space_id, limit), done, failed)

    def _show_snapshot(self, snap: Snapshot) -> None:
        first = self.snapshot is None
        self.snapshot = snap
        info = snap.info
        me = next((m for m in snap.members if m.member_pk == info.my_persona), None)
        self.title.setText(peer_text.one_line(info.name, peer_text.SPACE_NAME_CHARS))
        self.title.setAccessibleName(self.title.text())
        self.header.show_role(info.my_role)
        moderator = info.my_role is not None and info.my_role.rank >= Role.MODERATOR.rank
        marks = mark_members(snap.members)
        self.feed.model.set_marks(marks)
        self.feed.show_feed(snap.feed, snap.more, moderator, info.my_role is not None)
        self.members.show_members(snap.members, info.my_persona, info.my_role, marks)
        self.members.requests.show_requests(snap.requests)
        self.tabs.setTabVisible(self.tabs.indexOf(self.moderation), moderator)
        posts = {**self._post_index(snap.feed), **snap.reported}
        self.moderation.show_queue(snap.reports, snap.modlog, posts)
        self.me.show_space(info, me, snap.mute_words, refresh_fields=first)
        self.disappear_notice.show_timer(snap.disappear_s)
        admin = info.my_role is not None and info.my_role.rank >= Role.ADMIN.rank
        self.me.media.show_settings(snap.attach_limit, snap.disappear_s, admin, fresh=first)
        self.events.set_can_create(admin)
        self.causes.show_causes(snap.fundraisers, snap.campaigns, snap.pledges, moderator)
        self.own.show_snapshot(snap)
        self.event_actions.load()
        self.channel_actions.load()
        self._mark_read(info.space_id)
        thread = self.feed.thread_view
        if thread.root_id is not None and thread.page_anchor is not None:
            self._thread_page(thread.root_id, thread.page_anchor, moved=False)  # read again

    def _thread_page(self, root: bytes, anchor: tuple[bool, bytes], moved: bool = True) -> None:
        """Older (anchor (True, reply)) or newer (False, reply) replies of a thread, a page
        read in a worker (core's read_thread: the cost follows the page)."""
        spaces, space_id, ticket = self._spaces(), self.space_id, self._ticket
        if spaces is None or space_id is None:
            return
        if moved:
            self._moves += 1
            self._move_pending = True
        elif self._move_pending:  # the reader's move brings a fresh page anyway
            return
        move = self._moves
        older, reply = anchor

        def read() -> ThreadPage:
            if older:
                return spaces.read_thread(space_id, root, before=reply)
            return spaces.read_thread(space_id, root, after=reply)

        def settled() -> bool:
            """Whether this read still answers the reader's latest move."""
            if move != self._moves:
                return False
            if moved:
                self._move_pending = False
            return ticket == self._ticket and space_id == self.space_id

        def done(page: ThreadPage) -> None:
            if settled() and (moved or not self._move_pending):
                self.feed.show_thread_page(page, anchor, moved)

        def failed(exc: BaseException) -> None:
            if settled():
                self.status.setText(wording.failure_text(exc))

        self.bridge.run(read, done, failed)

    @staticmethod
    def _post_index(feed: list[FeedPost]) -> dict[bytes, FeedPost]:
        index = {}
        for root in feed:
            index[root.post_id] = root
            index.update({r.post_id: r for r in root.replies})
        return index

    def _mark_read(self, space_id: bytes) -> None:
        spaces = self._spaces()
        if spaces is not None and self.isVisible():
            self.bridge.run(
                lambda: spaces.mark_read(space_id), lambda _r: self.changed.emit(), lambda _e: None
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.snapshot is not None:  # what was unread is read once the space is shown
            self._mark_read(self.snapshot.info.space_id)

    def _show_older(self) -> None:
        self._limit *= 2
        self.reload()

    def open_post(self, post_id: bytes) -> None:
        """Show a post (from the moderators' queue) in its thread: from the feed when it
        holds it, else the page of the thread that does, read in a worker."""
        self.tabs.setCurrentWidget(self.feed)
        spaces, space_id, ticket = self._spaces(), self.space_id, self._ticket
        if self.feed.select_post(post_id) or spaces is None or space_id is None:
            return
        self._moves += 1  # a move too: no refresh's re-read lands over it
        self._move_pending = True
        move = self._moves

        def settled() -> bool:
            if move != self._moves:
                return False
            self._move_pending = False
            return ticket == self._ticket and space_id == self.space_id

        def done(found: tuple[ThreadPage, bytes | None, bytes]) -> None:
            if settled():
                self.feed.open_page(*found, post_id)

        def failed(exc: BaseException) -> None:
            if settled():
                self.status.setText(wording.failure_text(exc))

        self.bridge.run(lambda: spaces.thread_page_holding(space_id, post_id), done, failed)

    def clear(self) -> None:
        """On lock: forget every post, name and opened warning; close any dialog."""
        self._ticket += 1
        if self.asks.dialog is not None:
            self.asks.dialog.reject()
        self.asks.dialog = None
        self.admission.close_dialogs()
        self._reset(None)
        self.tabs.setEnabled(False)

    def _reset(self, space_id: bytes | None) -> None:
        """Forget what the view shows (another space was chosen, or the vault locked)."""
        self._ticket += 1
        self.space_id = space_id
        self.sync_line.set_space(space_id)
        self.snapshot = None
        self._limit = FIRST_THREADS
        self.feed.clear(forget_opened=True)
        self.members.clear()
        self.events.show_events([])
        self.channels.clear()
        self.members.requests.show_requests([])
        self.moderation.clear()
        self.causes.clear()
        self.me.clear()
        self.own.clear()
        self.status.clear()
        self.title.setText("" if space_id is not None else self.tr("No space chosen"))
        self.header.show_role(None)
        self.tabs.setCurrentIndex(0)

    # ---------------------------------------------------------------- writing

    def act(
        self,
        work: Callable[[SpaceService, bytes], Any],
        ok_text: str,
        on_done: Callable[[], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run one write in a worker; say `ok_text` when done and re-read the space."""
        spaces, space_id = self._spaces(), self.space_id
        if spaces is None or space_id is None:
            return

        def done(_result: object) -> None:
            if on_done is not None:
                on_done()
            self.status.setText(ok_text)
            if space_id == self.space_id:
                self.reload()
            self.changed.emit()

        def failed(exc: BaseException) -> None:
            self.status.setText(wording.failure_text(exc))

        self.bridge.run(lambda: work(spaces, space_id), done, on_failed or failed)

    def _post(self, title: str, body: str, cw: str) -> None:
        composer = self.feed.composer
        files = composer.attachments.files()
        self.act(
            lambda s, sid: s.post(sid, body, title, cw, files), self.tr("Posted."), composer.clear
        )

    def _reply(self, parent_id: bytes, body: str, cw: str) -> None:
        composer = self.feed.thread_view.composer
        files = composer.attachments.files()

        def replied() -> None:
            composer.clear()
            self.feed.thread_view.show_newest()  # the reply is among the newest

        self.act(
            lambda s, sid: s.reply(sid, parent_id, body, cw, files), self.tr("Replied."), replied
        )

    def _reload_if(self, space_id: bytes) -> None:
        if space_id == self.space_id:
            self.reload()

    def _is_admin(self) -> bool:
        role = self.snapshot.info.my_role if self.snapshot is not None else None
        return role is not None and role.rank >= Role.ADMIN.rank

    # ---------------------------------------------------------------- the dialogs open now

    @property
    def dialog(self) -> ReasonDialog | None:
        return self.asks.dialog

    @property
    def invite_dialog(self) -> InviteDialog | None:
        return self.admission.invite_dialog

    @property
    def invite_maker(self) -> InviteMaker | None:
        return self.admission.invite_maker

    def open_invite(self) -> None:
        self.admission.open_invite()

    def _ask_remove_member(self, member_pk: bytes, untrusted_name: str) -> None:
        self.asks.remove_member(member_pk, untrusted_name)
