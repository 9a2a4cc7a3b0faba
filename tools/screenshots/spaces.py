"""Screenshots of the Spaces section for the docs: `python -m tools.screenshots.spaces [DIR]`.

Three throwaway vaults in a temporary folder (deleted afterwards) make a small support
circle — the window's person owns it, two others join through the core's join request and
welcome — and their events are carried between the vaults in memory, as sync would."""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path
from typing import Any

from haven.core import session as core_session
from haven.core.attachments.spec import DEFAULT_LIMIT
from haven.core.session import Session
from haven.core.spaces.model import COLOURS
from tools.screenshots.common import (
    DEMO_PASSPHRASE,
    demo_settings,
    fresh_passphrase,
    render_all,
    screenshot_app,
    shoot,
    wait,
)

TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "me": "Robin",
        "space": "Tuesday circle",
        "bea": "Bea",
        "cai": "Cai",
        "about": "A weekly support circle",
        "rules": "Be kind. What is said here stays here.",
        "p1": (
            "Told my parents",
            "I finally told my parents on Sunday. Mum cried, Dad went "
            "quiet.\n\nToday he sent me a **really kind** message. Still shaking.",
        ),
        "r1": "So proud of you. Take it one day at a time.",
        "cw": "family conflict",
        "p2": ("", "My brother keeps using my old name on purpose. How do you all deal with that?"),
        "p3": (
            "Meetup on Friday",
            "Tea at the usual place, 7pm:\n\n- bring a snack\n- newcomers welcome",
        ),
        "ad": "Buy cheap followers now",
        "alt": "A hand-painted rainbow banner on a kitchen table",
        "reason": "advertising is not allowed",
        "report": "spam",
    },
    "ar": {
        "me": "ريم",
        "space": "دائرة الثلاثاء",
        "bea": "بيا",
        "cai": "كاي",
        "about": "دائرة دعم أسبوعية",
        "rules": "كن لطيفًا. ما يقال هنا يبقى هنا.",
        "p1": (
            "أخبرت والديّ",
            "أخبرت والديّ أخيرًا يوم الأحد. بكت أمي وصمت أبي.\n\nاليوم أرسل لي رسالة **لطيفة جدًا**.",
        ),
        "r1": "فخورة بك جدًا. خطوة بخطوة.",
        "cw": "خلاف عائلي",
        "p2": ("", "أخي يستخدم اسمي القديم عن قصد. كيف تتعاملون مع ذلك؟"),
        "p3": (
            "لقاء يوم الجمعة",
            "شاي في المكان المعتاد، السابعة مساءً:\n\n- أحضروا "
            "وجبة خفيفة\n- القادمون الجدد مرحب بهم",
        ),
        "ad": "اشترِ متابعين رخيصين الآن",
        "alt": "لافتة قوس قزح مرسومة باليد على طاولة المطبخ",
        "reason": "الإعلانات غير مسموحة",
        "report": "رسائل مزعجة",
    },
    "fa": {
        "me": "رها",
        "space": "حلقهٔ سه‌شنبه",
        "bea": "بیتا",
        "cai": "کیان",
        "about": "یک حلقهٔ حمایتی هفتگی",
        "rules": "مهربان باشید. آنچه اینجا گفته می‌شود همین‌جا می‌ماند.",
        "p1": (
            "به پدر و مادرم گفتم",
            "بالاخره یکشنبه به پدر و مادرم گفتم. مادرم گریه کرد و پدرم ساکت شد."
            "\n\nامروز برایم یک پیام **خیلی مهربان** فرستاد.",
        ),
        "r1": "خیلی به تو افتخار می‌کنم. قدم به قدم.",
        "cw": "اختلاف خانوادگی",
        "p2": ("", "برادرم عمداً اسم قبلی‌ام را به کار می‌برد. شما چطور با این کنار می‌آیید؟"),
        "p3": (
            "دیدار روز جمعه",
            "چای در همان جای همیشگی، ساعت ۷ عصر:\n\n- یک خوراکی بیاورید\n- تازه‌واردها خوش آمدند",
        ),
        "ad": "همین حالا دنبال‌کنندهٔ ارزان بخرید",
        "alt": "پرچم رنگین‌کمانی دست‌کشیده روی میز آشپزخانه",
        "reason": "تبلیغات مجاز نیست",
        "report": "هرزنامه",
    },
}


def demo_text(language: str) -> dict[str, Any]:
    """The demo circle in `language`, English for a language without demo text."""
    return TEXT.get(language, TEXT["en"])


def _banner() -> bytes:
    """A small rainbow banner, drawn here (a picture to attach in the demo)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (480, 300), (250, 246, 240))
    draw = ImageDraw.Draw(img)
    stripes = [
        (228, 3, 3),
        (255, 140, 0),
        (255, 237, 0),
        (0, 128, 38),
        (36, 64, 142),
        (115, 41, 130),
    ]
    for i, colour in enumerate(stripes):
        draw.rectangle([40, 40 + i * 36, 440, 76 + i * 36], fill=colour)
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _carry(src: Session, dst: Session, space_id: bytes) -> None:
    for _ in range(5):
        envelopes = src.log.envelopes_after(space_id, dst.log.chain_tips(space_id), 100_000)
        if not envelopes or not dst.log.ingest(envelopes).accepted:
            return


def _join(admin: Session, joiner: Session, space_id: bytes, name: str, colour: str) -> bytes:
    request = joiner.spaces.prepare_join(name, colour=colour)
    welcome = admin.spaces.make_add_member(
        space_id,
        request.persona_pk,
        request.box_pk,
        name,
        request.profile.pronouns,
        request.profile.colour,
        device_id=request.device_id,
    )
    joiner.spaces.accept_welcome(welcome)
    return request.persona_pk


def demo_circle(me: Session, folder: Path, text: dict[str, Any]) -> bytes:
    """The circle as the window's person sees it after a week of talk."""
    bea = core_session.create(folder / "bea", DEMO_PASSPHRASE, str(text["bea"]))
    cai = core_session.create(folder / "cai", DEMO_PASSPHRASE, str(text["cai"]))
    sid = me.spaces.create_space(
        str(text["space"]),
        str(text["about"]),
        ["coming out"],
        str(text["rules"]),
        display_name=str(text["me"]),
        colour=COLOURS[0],
    )
    bea_pk = _join(me, bea, sid, str(text["bea"]), COLOURS[1])
    _join(me, cai, sid, str(text["cai"]), COLOURS[2])
    me.spaces.set_role(sid, bea_pk, "moderator")
    for other in (bea, cai):
        _carry(me, other, sid)
    title, body = text["p1"]
    banner = bea.spaces.attachments.prepare_bytes(
        DEFAULT_LIMIT, "banner.png", _banner(), str(text["alt"])
    )
    first = bea.spaces.post(sid, body, title, files=[banner])
    _carry(bea, cai, sid)
    cai.spaces.reply(sid, first, str(text["r1"]))
    cai.spaces.react(sid, first, "proud-of-you")
    title, body = text["p2"]
    cai.spaces.post(sid, body, title, cw=str(text["cw"]))
    ad = cai.spaces.post(sid, str(text["ad"]))
    for other in (bea, cai):
        _carry(other, me, sid)
    me.spaces.react(sid, first, "proud-of-you")
    me.spaces.react(sid, first, "sending-care")
    me.spaces.report(sid, ad, str(text["report"]))
    _carry(me, bea, sid)
    bea.spaces.moderate(sid, ad, str(text["reason"]))
    title, body = text["p3"]
    bea.spaces.post(sid, body, title)
    _carry(bea, me, sid)
    bea.lock()
    cai.lock()
    return sid


def _row_with_cw(feed: Any) -> int:
    return next(
        r
        for r in range(feed.model.rowCount())
        if feed.model.post(r).cw and feed.model.post(r).state == "visible"
    )


def _show_members(view: Any, name: str) -> None:
    view.tabs.setCurrentWidget(view.members)
    view.members.select_name(name)


def _shoot_dialogs(app: Any, window: Any, out_dir: Path, suffix: str) -> list[Path]:
    """The invite dialog, and the join dialog showing the guidelines of that invite (looked
    up from this same window over 127.0.0.1, so nothing is joined)."""
    from haven.ui.spaces.invite_route import InviteRouteDialog

    page, view = window.spaces_page, window.spaces_page.view
    # The question a space with a relay asks first (the demo space has none: shown alone).
    route = InviteRouteDialog(window)
    route.adjustSize()
    route_png = out_dir / f"spaces_invite_route{suffix}.png"
    shoot(route, route_png)
    route.deleteLater()
    wait(app, lambda: window.bridge.background.serving_port != 0)
    view.tabs.setCurrentWidget(view.members)
    view.open_invite()
    wait(app, lambda: view.invite_dialog is not None)
    invite = view.invite_dialog
    invite.adjustSize()
    code = invite.compact.text()
    paths = [out_dir / f"spaces_invite{suffix}.png", out_dir / f"spaces_join{suffix}.png"]
    shoot(invite, paths[0])
    invite.reject()
    page.open_join_dialog()
    join = page.join_dialog
    join.code_edit.setText(code)
    join.look_up()
    wait(app, lambda: join.info is not None)
    join.accept_box.setChecked(True)
    join.adjustSize()
    shoot(join, paths[1])
    join.reject()
    return [route_png, *paths]


def render(out_dir: Path, language: str = "en", theme: str = "light") -> list[Path]:
    from haven.ui.bridge import SessionBridge
    from haven.ui.main_window import HavenWindow

    app, suffix = screenshot_app(language, theme)
    text = demo_text(language)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="haven-shots-") as tmp:
        folder = Path(tmp)
        me = core_session.create(folder / "vault", DEMO_PASSPHRASE, str(text["me"]))
        demo_circle(me, folder, text)
        me.lock()
        settings = demo_settings(folder, theme)
        bridge = SessionBridge(folder / "vault")
        window = HavenWindow(bridge, settings)
        window.show()
        bridge.unlock(fresh_passphrase())
        wait(app, lambda: window.current_page() is window.home)
        window.home.show_section("spaces")
        page = window.spaces_page
        view = page.view
        wait(app, lambda: view.snapshot is not None and view.feed.model.rowCount() == 4)
        feed = view.feed
        feed.list.setCurrentIndex(feed.model.index(feed.model.rowCount() - 1))
        thread = feed.thread_view
        wait(app, lambda: bool(thread.attachments.buttons))
        wait(app, lambda: not thread.attachments.buttons[0].icon().isNull())
        for name, prepare in (
            ("feed", lambda: None),
            ("cw", lambda: feed.list.setCurrentIndex(feed.model.index(_row_with_cw(feed)))),
            ("moderation", lambda: view.tabs.setCurrentWidget(view.moderation)),
            ("members", lambda: _show_members(view, str(text["bea"]))),
            ("about", lambda: view.tabs.setCurrentWidget(view.me)),
        ):
            prepare()
            for _ in range(5):
                app.processEvents()
            path = out_dir / f"spaces_{name}{suffix}.png"
            shoot(window, path)
            written.append(path)
        written += _shoot_dialogs(app, window, out_dir, suffix)
        bridge.wait_for_workers()
        window.close()
        bridge.shutdown()
        window.deleteLater()
    return written


def main(argv: list[str] | None = None) -> int:
    return render_all(render, argv)


if __name__ == "__main__":
    sys.exit(main())
