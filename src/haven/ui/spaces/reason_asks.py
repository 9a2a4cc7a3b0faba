"""The space view's questions that need a reason before a write: reporting a post, a
moderator removing one, an admin removing (or banning) a member. One dialog at a time;
the answer is read in the UI thread, then written through the view's `act`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QWidget

from haven.ui import peer_text
from haven.ui.spaces.dialogs import ReasonDialog

# The strings keep the space view's translation context (they were its own).
T = QCoreApplication
Act = Callable[..., None]


class ReasonAsks(QObject):
    def __init__(self, view: QWidget, act: Act) -> None:
        super().__init__(view)
        self._view, self.act = view, act
        self.dialog: ReasonDialog | None = None

    def ask(self, dialog: ReasonDialog, then: Callable[[str, bool], None]) -> None:
        """Open `dialog`; if accepted, `then(reason, ban)` with values read here, in the UI
        thread (the dialog is gone by the time a worker runs)."""
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result == ReasonDialog.DialogCode.Accepted:
                then(dialog.value(), dialog.ban.isChecked())
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()

    def report(self, post_id: bytes) -> None:
        dialog = ReasonDialog(
            T.translate("SpaceView", "Report a post"),
            T.translate(
                "SpaceView", "Tell the moderators what is wrong. Only they can read your report."
            ),
            T.translate("SpaceView", "&Report"),
            T.translate("SpaceView", "Send the report"),
            parent=self._view,
        )
        self.ask(
            dialog,
            lambda reason, _ban: self.act(
                lambda s, sid: s.report(sid, post_id, reason),
                T.translate("SpaceView", "Reported to the moderators."),
            ),
        )

    def remove_post(self, post_id: bytes) -> None:
        dialog = ReasonDialog(
            T.translate("SpaceView", "Remove a post"),
            T.translate(
                "SpaceView", "Members will see that a moderator removed it, and this reason."
            ),
            T.translate("SpaceView", "Re&move"),
            T.translate("SpaceView", "Remove the post"),
            parent=self._view,
        )
        self.ask(
            dialog,
            lambda reason, _ban: self.act(
                lambda s, sid: s.moderate(sid, post_id, reason),
                T.translate("SpaceView", "Post removed."),
            ),
        )

    def remove_member(self, member_pk: bytes, untrusted_name: str) -> None:
        name = peer_text.name(untrusted_name)
        dialog = ReasonDialog(
            T.translate("SpaceView", "Remove a member"),
            T.translate(
                "SpaceView",
                "Remove %1 from this space? They keep what they already read, but "
                "nothing new: the space gets a new key.",
            ).replace("%1", name),
            T.translate("SpaceView", "Re&move"),
            T.translate("SpaceView", "Remove the member"),
            required=False,
            ban_option=True,
            parent=self._view,
        )
        self.ask(
            dialog,
            lambda reason, ban: self.act(
                lambda s, sid: s.remove_member(sid, member_pk, ban, reason),
                T.translate("SpaceView", "%1 was removed.").replace("%1", name),
            ),
        )
