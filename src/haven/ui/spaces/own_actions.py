"""What a member does to their own things in a space: edit or delete their posts, pin a
thread (moderators), hand the space over (owner), leave it (optionally wiping it from this
computer); and the space's warnings (forks seen in its log, mismatched keys, invites void
because an admin left) as a notice above the tabs.

Kept apart from `space_view` so that view stays about loading and showing. It is handed
only what it uses: the thread view and "About & you" tab whose requests it answers, the
view's `act` (one worker task per write; the view re-reads the space when it is done), the
snapshot on show, a line to say things on, and a way to forget a space wiped here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from haven.core.spaces.model import FeedPost, Member, Role, SpaceWarning, Status
from haven.core.spaces.service import SpaceService
from haven.errors import InvalidInput
from haven.ui import peer_text
from haven.ui.spaces import wording
from haven.ui.spaces.me_tab import MeTab
from haven.ui.spaces.post_dialogs import ConfirmDialog, EditPostDialog, HandOverDialog
from haven.ui.spaces.snapshot import Snapshot
from haven.ui.spaces.thread_view import ThreadView

#: One write: called in a worker with the spaces service and the space's id.
Write = Callable[[SpaceService, bytes], Any]
#: The view's way to run a write: (write, text when done, then, on failure).
Act = Callable[
    [Write, str, Callable[[], None] | None, Callable[[BaseException], None] | None], None
]


def hand_over_candidates(members: list[Member], me: bytes) -> list[Member]:
    return [m for m in members if m.status is Status.ACTIVE and m.member_pk != me]


class SpaceActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        thread: ThreadView,
        me: MeTab,
        act: Act,
        snapshot: Callable[[], Snapshot | None],
        say: Callable[[str], None],
        forget_space: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._thread = thread
        self._act = act
        self._snapshot = snapshot
        self._say = say
        self._forget_space = forget_space
        self.dialog: QDialog | None = None
        self.notice = QLabel()
        self.notice.setObjectName("spaceWarnings")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.notice.setAccessibleName(self.tr("Warnings about this space"))
        self.notice.setStyleSheet("QLabel { border: 1px solid #b45309; padding: 6px; }")
        self.notice.setVisible(False)  # the view places it (above the tabs)
        thread.editRequested.connect(self._ask_edit)
        thread.deleteRequested.connect(self._ask_delete)
        thread.pinRequested.connect(self._pin)
        me.leaveRequested.connect(self._ask_leave)
        me.handOverRequested.connect(self._ask_hand_over)

    # ---------------------------------------------------------------- showing

    def show_snapshot(self, snap: Snapshot) -> None:
        info = snap.info
        self._thread.set_me(info.my_persona if info.my_role is not None else None)
        self.show_warnings(snap.warnings)

    def show_warnings(self, warnings: Sequence[SpaceWarning]) -> None:
        forks = sorted({peer_text.name(w.member_name) for w in warnings if w.kind == "fork"})
        keys = sorted({peer_text.name(w.member_name) for w in warnings if w.kind == "key"})
        texts = []
        if forks:
            texts.append(
                self.tr(
                    "Warning: a device of %1 sent two different versions of the same message. "
                    "It may be a restored backup or a bug, or someone holding their key may be "
                    "showing different things to different people. Check with them in person."
                ).replace("%1", ", ".join(forks))
            )
        if keys:
            texts.append(
                self.tr(
                    "Warning: %1 sent this computer a space key that does not match the key "
                    "announced to the group, so it was not used. Someone holding their key may "
                    "be trying to read the space. Check with them in person."
                ).replace("%1", ", ".join(keys))
            )
        if any(w.kind == "invites" for w in warnings):
            texts.append(
                self.tr(
                    "Some invite codes of this space stopped working because an admin who "
                    "held them was removed or stepped down. Share new codes with the people "
                    "you invited."
                )
            )
        if not texts:
            self.notice.clear()
            self.notice.setAccessibleDescription("")
            self.notice.setVisible(False)
            return
        self.notice.setText("\n".join(texts))
        # A label's name and description are all a screen reader says of it: the warnings
        # themselves go in the description.
        self.notice.setAccessibleDescription(" ".join(texts))
        self.notice.setVisible(True)

    def clear(self) -> None:
        """On lock or another space: close any dialog (it may hold a post's text)."""
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = None
        self.notice.clear()
        self.notice.setAccessibleDescription("")
        self.notice.setVisible(False)

    # ---------------------------------------------------------------- writing

    def _write(
        self,
        work: Callable[[SpaceService, bytes], Any],
        ok_text: str,
        refused_text: str,
        on_done: Callable[[], None] | None = None,
    ) -> None:
        """The view's `_act`, but a refusal by the core's rules (InvalidInput) is said in
        words for this action; other failures are worded as everywhere in spaces."""

        def guarded(spaces: SpaceService, space_id: bytes) -> Any:
            try:
                return work(spaces, space_id)
            except InvalidInput as exc:
                raise _Refused() from exc

        def failed(exc: BaseException) -> None:
            self._say(refused_text if isinstance(exc, _Refused) else wording.failure_text(exc))

        self._act(guarded, ok_text, on_done, failed)

    # ---------------------------------------------------------------- dialogs

    def _open(self, dialog: QDialog, then: Callable[[], None]) -> None:
        """Open `dialog` window-modal; if accepted, call `then()` (in the UI thread, so the
        dialog's values are read before it goes)."""
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                then()
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def _post(self, post_id: bytes) -> FeedPost | None:
        model = self._thread.model
        return model.post(model.row_of(post_id))

    def _own_post_refused(self) -> str:
        return self.tr(
            "Not changed: you can edit or delete only your own posts, and only while they "
            "are still shown (not deleted or removed by a moderator)."
        )

    def _ask_edit(self, post_id: bytes) -> None:
        post = self._post(post_id)
        if post is None:
            return
        reply = post.post_id != self._thread.root_id
        dialog = EditPostDialog(post, reply, self._parent)

        def save() -> None:
            title, body, cw = dialog.value()
            self._write(
                lambda s, sid: s.edit_post(
                    sid, post_id, body=body, title=None if reply else title, cw=cw
                ),
                self.tr("Saved your changes."),
                self._own_post_refused(),
            )

        self._open(dialog, save)

    def _ask_delete(self, post_id: bytes) -> None:
        dialog = ConfirmDialog(
            self.tr("Delete your post"),
            self.tr(
                "Delete this post for everyone in the space? Its place shows “Deleted by its "
                "author”. Others' devices that already synced it delete it when they next sync."
            ),
            self.tr("&Delete"),
            self.tr("Delete the post"),
            parent=self._parent,
        )
        self._open(
            dialog,
            lambda: self._write(
                lambda s, sid: s.delete_post(sid, post_id),
                self.tr("Post deleted."),
                self._own_post_refused(),
            ),
        )

    def _pin(self, post_id: bytes, pinned: bool) -> None:
        self._write(
            lambda s, sid: s.pin(sid, post_id, pinned),
            self.tr("Pinned to the top of the feed.") if pinned else self.tr("Unpinned."),
            self.tr(
                "Not pinned: only moderators, admins and the owner pin threads, and only "
                "threads still shown. Nothing was changed."
            ),
        )

    def _ask_hand_over(self) -> None:
        snap = self._snapshot()
        if snap is None:
            return
        dialog = HandOverDialog(
            hand_over_candidates(snap.members, snap.info.my_persona), self._parent
        )

        def hand_over() -> None:
            member = dialog.value()
            if member is not None:
                self._write(
                    lambda s, sid: s.transfer_ownership(sid, member),
                    self.tr("Ownership handed over. You are now an admin."),
                    self.tr(
                        "Not handed over: only the owner can hand a space over, and only to "
                        "a member who is still active in it. Nothing was changed."
                    ),
                )

        self._open(dialog, hand_over)

    def _ask_leave(self) -> None:
        snap = self._snapshot()
        if snap is None:
            return
        owner = snap.info.my_role is Role.OWNER
        text = self.tr(
            "Leave “%1”? You stop receiving new posts, and the others see that you left. "
            "To come back you need a new invite."
        ).replace("%1", peer_text.space_name(snap.info.name))
        if owner:
            text += " " + self.tr(
                "You are its owner: ownership passes to the highest-ranked member who "
                "joined first, unless you hand it over first."
            )
        dialog = ConfirmDialog(
            self.tr("Leave this space"),
            text,
            self.tr("&Leave"),
            self.tr("Leave the space"),
            self.tr("Also &delete everything of this space from this computer"),
            self.tr("Also delete everything of this space from this computer"),
            parent=self._parent,
        )
        self._open(dialog, lambda: self._leave(dialog.option_checked()))

    def _leave(self, wipe: bool) -> None:
        snap = self._snapshot()
        name = peer_text.space_name(snap.info.name) if snap is not None else ""

        def forget() -> None:
            if wipe:  # nothing of the space is left to show; the list drops it
                self._forget_space()

        self._write(
            lambda s, sid: s.leave(sid, wipe=wipe),
            self.tr("You left “%1” and its data was deleted from this computer.").replace(
                "%1", name
            )
            if wipe
            else self.tr("You left “%1”.").replace("%1", name),
            self.tr("You could not leave: you are not an active member of this space."),
            forget,
        )


class _Refused(Exception):
    """The core refused a write by its rules (carried from the worker to the UI thread)."""
