"""Screenshots of the plans a person makes across spaces, for the docs: the Upcoming section
and its "Export my events…" warning, a space's fundraisers as an organiser sees them (who
pledged what, "Mark received"), and the journal's "Share to a space…" dialog:
`python -m tools.screenshots.plans [DIR] [--themes …] [--languages …]`.

One throwaway vault in a temporary folder (deleted afterwards); nothing leaves it."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from haven.core import session as core_session
from haven.core.session import Session
from haven.core.spaces.gatherings.details import local_to_utc
from tools.screenshots.common import (
    DEMO_PASSPHRASE,
    demo_settings,
    fresh_passphrase,
    render_all,
    screenshot_app,
    shoot,
    wait,
)
from tools.screenshots.spaces import demo_text

PLANS: dict[str, dict[str, str]] = {
    "en": {
        "picnic": "Picnic in the park",
        "film": "Film night",
        "rent": "Rent for Sam",
        "for": "Sam's deposit for a safe flat",
        "give": "Ask Bea for the account details",
        "entry": ("A good week", "Went to the circle for the first time. Everyone was kind."),
    },
    "ar": {
        "picnic": "نزهة في الحديقة",
        "film": "ليلة سينما",
        "rent": "إيجار سام",
        "for": "تأمين شقة آمنة لسام",
        "give": "اسألوا بيا عن تفاصيل الحساب",
        "entry": ("أسبوع جيد", "ذهبت إلى الدائرة لأول مرة. كان الجميع لطفاء."),
    },
    "fa": {
        "picnic": "پیک‌نیک در پارک",
        "film": "شب فیلم",
        "rent": "اجارهٔ سام",
        "for": "ودیعهٔ یک خانهٔ امن برای سام",
        "give": "جزئیات حساب را از بیتا بپرسید",
        "entry": ("هفتهٔ خوب", "برای اولین بار به حلقه رفتم. همه مهربان بودند."),
    },
}


def _event(title: str, start: str) -> dict[str, object]:
    at = local_to_utc(start, "Europe/London")
    return {"kind": "online", "title": title, "start": at, "end": at + 7200, "tz": "Europe/London"}


def demo_plans(me: Session, language: str) -> bytes:
    """A space with two events (going to one), a fundraiser with a pledge, a journal entry."""
    text, plans = demo_text(language), PLANS.get(language, PLANS["en"])
    sid = me.spaces.create_space(str(text["space"]), display_name=str(text["me"]))
    picnic = me.spaces.gatherings.create(sid, _event(plans["picnic"], "2031-06-14T13:00"))
    me.spaces.gatherings.create(sid, _event(plans["film"], "2031-06-20T19:30"))
    me.spaces.gatherings.rsvp(sid, picnic, "going")
    fid = me.spaces.fundraisers.create(sid, plans["rent"], plans["for"], plans["give"], 80_000,
                                       "EUR", "2031-07-01")  # fmt: skip
    me.spaces.fundraisers.pledge(sid, fid, 5_000)
    title, body = plans["entry"]
    me.journal.add(body, title, 4, ("circle",))
    return sid


def _settle(app: Any) -> None:
    for _ in range(5):
        app.processEvents()
        app.sendPostedEvents()


def render(out_dir: Path, language: str = "en", theme: str = "light") -> list[Path]:
    from haven.ui.bridge import SessionBridge
    from haven.ui.main_window import HavenWindow

    app, suffix = screenshot_app(language, theme)
    written: list[Path] = []

    def snap(widget: Any, name: str) -> None:
        _settle(app)
        path = out_dir / f"{name}{suffix}.png"
        shoot(widget, path)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="haven-shots-") as tmp:
        folder = Path(tmp)
        me = core_session.create(folder / "vault", DEMO_PASSPHRASE, "Robin")
        sid = demo_plans(me, language)
        me.lock()
        bridge = SessionBridge(folder / "vault")
        window = HavenWindow(bridge, demo_settings(folder, theme))
        window.show()
        bridge.unlock(fresh_passphrase())
        wait(app, lambda: window.current_page() is window.home)

        window.home.show_section("upcoming")
        page = window.upcoming_page
        wait(app, lambda: page.list.count() == 2)
        snap(window, "upcoming")
        page.export.start()
        box = page.export.box
        wait(app, lambda: box is not None and box.isVisible())
        snap(box, "upcoming_export")
        box.reject()

        window.home.show_section("spaces")
        view = window.spaces_page.view
        wait(app, lambda: view.snapshot is not None and view.space_id == sid)
        causes = view.causes
        view.tabs.setCurrentWidget(causes)
        wait(app, lambda: causes.pledges_model.rowCount() == 1)
        causes.pledges.setCurrentIndex(causes.pledges_model.index(0, 0))
        snap(window, "spaces_fundraisers")

        window.home.show_section("journal")
        journal = window.journal_page
        wait(app, lambda: journal.model.rowCount() == 1)
        journal.list.setCurrentIndex(journal.model.index(0))
        wait(app, lambda: journal.editor.entry_id is not None)
        journal.open_share(journal.editor.entry_id)
        share = journal.share_dialog
        wait(app, lambda: share is not None and share.post_button.isEnabled())
        share.adjustSize()
        snap(share, "journal_share")
        share.reject()

        bridge.wait_for_workers()
        window.close()
        bridge.shutdown()
        window.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    return render_all(render, argv)


if __name__ == "__main__":
    sys.exit(main())
