"""What the fundraisers and campaigns tab asks for, as writes: each runs in a worker through
SpaceView.act (which says what happened and re-reads the space); a refusal (a bad amount,
not an organiser) is shown as the core's failure text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from haven.core.spaces.fundraisers import money
from haven.ui import peer_text
from haven.ui.spaces.cause_dialogs import NewCampaignDialog, NewFundraiserDialog
from haven.ui.spaces.causes_tab import CausesTab
from haven.ui.spaces.dialogs import ReasonDialog

Act = Callable[..., None]


def wire_causes(causes: CausesTab, act: Act) -> None:
    """Each request of the tab as one write in a worker (SpaceView.act: it says `ok_text`
    and re-reads the space); a refusal (a bad amount, not an organiser) is shown as the
    core's message."""

    def pledge(fid: bytes, typed: str, currency: str) -> None:
        act(
            lambda s, sid: s.fundraisers.pledge(sid, fid, money.parse_amount(typed, currency)),
            QCoreApplication.translate("CausesTab", "Pledged. Only the organisers see how much."),
            causes.amount.clear,
        )

    def update(fid: bytes, text: str) -> None:
        act(
            lambda s, sid: s.fundraisers.update(sid, fid, text),
            QCoreApplication.translate("CausesTab", "Update posted."),
            causes.update_text.clear,
        )

    def start_fundraiser() -> None:
        dialog = causes.dialog = NewFundraiserDialog(causes)

        def done() -> None:
            c = dialog.checked
            if c is not None:
                act(
                    lambda s, sid: s.fundraisers.create(
                        sid, c.title, c.purpose, c.give, c.goal, c.currency, c.deadline
                    ),
                    QCoreApplication.translate("CausesTab", "Fundraiser started."),
                )

        dialog.accepted.connect(done)
        dialog.open()

    def start_campaign() -> None:
        dialog = causes.dialog = NewCampaignDialog(causes)

        def done() -> None:
            c = dialog.checked
            if c is not None:
                act(
                    lambda s, sid: s.campaigns.create(
                        sid, c.title, c.kind, c.action, c.place, c.date
                    ),
                    QCoreApplication.translate("CausesTab", "Campaign started."),
                )

        dialog.accepted.connect(done)
        dialog.open()

    def service(s: Any, kind: str) -> Any:
        return s.fundraisers if kind == "fundraiser" else s.campaigns

    def close(kind: str, cause_id: bytes) -> None:
        act(
            lambda s, sid: service(s, kind).close(sid, cause_id),
            QCoreApplication.translate("CausesTab", "Closed."),
        )

    def remove(kind: str, cause_id: bytes, title: str) -> None:
        dialog = ReasonDialog(
            QCoreApplication.translate("CausesTab", "Remove and erase"),
            QCoreApplication.translate(
                "CausesTab",
                "Remove “%1”? It is hidden at once. Its text, updates and pledges are erased "
                "on every device a day after it gets the removal (at once if you own the "
                "space). Your reason goes in the moderation log.",
            ).replace("%1", peer_text.line(title)),
            QCoreApplication.translate("CausesTab", "&Remove"),
            QCoreApplication.translate("CausesTab", "Remove and erase it"),
            parent=causes,
        )
        causes.dialog = dialog

        def done() -> None:
            reason = dialog.value()
            act(
                lambda s, sid: service(s, kind).remove(sid, cause_id, reason),
                QCoreApplication.translate(
                    "CausesTab", "Removed. Its text is erased as the others sync."
                ),
            )

        dialog.accepted.connect(done)
        dialog.open()

    causes.closeRequested.connect(close)
    causes.removeRequested.connect(remove)
    causes.startFundraiserRequested.connect(start_fundraiser)
    causes.startCampaignRequested.connect(start_campaign)
    causes.pledgeRequested.connect(pledge)
    causes.updateRequested.connect(update)
    causes.withdrawRequested.connect(
        lambda fid: act(
            lambda s, sid: s.fundraisers.withdraw(sid, fid),
            QCoreApplication.translate("CausesTab", "Pledge withdrawn."),
        )
    )
    causes.receivedRequested.connect(
        lambda fid, member_pk: act(
            lambda s, sid: s.fundraisers.mark_received(sid, fid, member_pk),
            QCoreApplication.translate("CausesTab", "Marked received."),
        )
    )
    causes.doneRequested.connect(
        lambda cid: act(
            lambda s, sid: s.campaigns.done(sid, cid),
            QCoreApplication.translate("CausesTab", "Counted. Thank you."),
        )
    )
