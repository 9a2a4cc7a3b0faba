"""Screenshots of the Devices pages for the docs (called from app_pages.py).

Linking runs for real between throwaway vaults, over 127.0.0.1 only, so the pictures show
what a person sees: a second device in the list, a code with its QR image and the words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from haven.core.session import Session
from haven.sync.link_runner import LinkAccept, LinkOffer, LinkProblem, parse_code
from haven.ui.main_window import HavenWindow

Wait = Callable[[object, Callable[[], bool]], None]
Shoot = Callable[[object, Path], None]
DEMO_CODE = "hvn1-gaydc-mjqgy-ytana-a4t3n-ojsgq-zlomf-yha4z"
#: The short code and relay the pictures show (no relay runs for the screenshots: the dialog
#: is shown in the state it reaches once the relay holds the short code).
DEMO_SHORT = "7-apron-marble"
DEMO_RELAY = "wss://relay.example.org/"


def short_path(path: Path) -> Path:
    """link_ar.png → link_short_ar.png: the page with a short code typed."""
    return path.with_name(path.name.replace("link", "link_short", 1))


def shoot_link_page(
    app: object, window: HavenWindow, path: Path, shoot: Shoot, passphrase: str
) -> None:
    """First run: the "Link to my other device" page, filled in."""
    window.show_link_page()
    page = window.link_page
    page.code.setText(DEMO_CODE)
    page.device_name.setText("laptop")
    page.passphrase.setText(passphrase)
    page.confirm.setText(passphrase)
    shoot(window, path)
    page.code.setText(DEMO_SHORT)  # the short code: the relay field shows
    page.relay.setText("relay.example.org")
    shoot(window, short_path(path))
    page.reset()
    window.show_start_page()


def _link_second_device(
    session: Session, folder: Path, passphrase: str, label: str, wait: Wait, app: object
) -> None:
    """A real link of a throwaway vault, both people answering yes at once."""
    done = threading.Event()
    results: list[object] = []
    accept: list[LinkAccept] = []

    def finished(result: object) -> None:
        results.append(result)
        done.set()

    def on_code(code: str, _expires: int) -> None:
        runner = LinkAccept(
            parse_code(code),
            folder,
            passphrase,
            label=label,
            on_words=lambda _w: runner.answer(True),
            on_done=finished,
            on_failed=finished,
        )
        accept.append(runner)
        runner.start()

    offer = LinkOffer(
        session,
        listen_host="127.0.0.1",
        advertise_host="127.0.0.1",
        on_code=on_code,
        on_words=lambda _w: offer.answer(True),
        on_done=lambda _label: None,
        on_failed=lambda _p: None,
    )
    offer.start()
    wait(app, done.is_set)
    offer.join(30.0)
    for result in results:
        if isinstance(result, Session):
            result.lock()
        elif isinstance(result, LinkProblem):
            raise RuntimeError(f"demo linking failed: {result.kind.value}")


def shoot_devices(
    app: object,
    window: HavenWindow,
    tmp: Path,
    out_dir: Path,
    suffix: str,
    wait: Wait,
    shoot: Shoot,
    passphrase: str,
) -> list[Path]:
    session = window.bridge.session
    assert session is not None
    language = suffix.split("_")[1] if suffix.startswith("_") else "en"
    laptop = {"ar": "الحاسوب المحمول", "fa": "لپ‌تاپ"}.get(language, "Robin’s laptop")
    _link_second_device(session, tmp / "laptop", passphrase, laptop, wait, app)
    page = window.devices_page
    window.home.show_section("devices")
    page.refresh()
    wait(app, lambda: page.list.count() == 2)
    page.list.setCurrentRow(1)
    devices_png = out_dir / f"devices{suffix}.png"
    shoot(window, devices_png)
    page.ask_unlink()  # the question before an unlink (answered "keep it linked")
    wait(app, lambda: page.confirm_box is not None and page.confirm_box.isVisible())
    box = page.confirm_box
    assert box is not None
    unlink_png = out_dir / f"devices_unlink{suffix}.png"
    shoot(box, unlink_png)
    box.reject()
    wait(app, lambda: page.confirm_box is None)

    # The dialog, once a new device has connected and both screens show the words.
    page.open_link_dialog()
    dialog = page.link_dialog
    assert dialog is not None
    wait(app, lambda: dialog.code.text().startswith("hvn1-"))
    dialog.relay = DEMO_RELAY
    dialog.short_button.setVisible(True)
    dialog._on_short(DEMO_SHORT)
    dialog.adjustSize()
    short_png = out_dir / f"link_dialog_short{suffix}.png"
    shoot(dialog, short_png)
    asked = threading.Event()
    failed = threading.Event()
    other = LinkAccept(
        parse_code(dialog.code.text()),
        tmp / "phone",
        passphrase,
        on_words=lambda _w: asked.set(),
        on_done=lambda s: s.lock(),
        on_failed=lambda _p: failed.set(),
    )
    other.start()
    wait(app, lambda: asked.is_set() and dialog.match_button.isVisible())
    dialog.adjustSize()
    dialog_png = out_dir / f"link_dialog{suffix}.png"
    shoot(dialog, dialog_png)
    dialog.reject()  # cancels: nothing is linked
    other.cancel()
    wait(app, failed.is_set)
    other.join(10.0)
    wait(app, lambda: page.link_dialog is None)
    return [devices_png, unlink_png, short_png, dialog_png]
