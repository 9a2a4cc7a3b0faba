"""Screenshots of the per-space sync status lines for the docs:
`python -m tools.screenshots.sync_status [DIR]` writes sync_status_journal(_ar).png and
sync_status_space(_ar).png.

Throwaway vaults in a temporary folder (deleted afterwards), and real syncs on 127.0.0.1
only: a linked "laptop" syncs the journal with the app's port (a direct connection), the app
syncs the circle with a member's engine the way LAN discovery would ask it to, and the
journal then lists a relay on this computer that is not running, so what waits to go out
to it shows. Nothing is announced on the network."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from haven.core import session as core_session
from haven.core.journal import JournalDraft
from haven.core.linking import create_linked, make_bundle
from haven.sync.engine import SyncEngine
from tools.screenshots.common import (
    DEMO_ENTRIES,
    DEMO_PASSPHRASE,
    demo_settings,
    fresh_passphrase,
    render_all,
    screenshot_app,
    shoot,
    wait,
)
from tools.screenshots.spaces import demo_circle, demo_text

LAPTOP_ENTRY = {
    "en": "Written on the train, on my laptop.",
    "ar": "كتبتها في القطار على حاسوبي.",
    "fa": "در قطار، روی لپ‌تاپم نوشتم.",
}


#: A relay on this computer that is not running (port 9, "discard", is never served here):
#: the UI opens no sockets, so it cannot ask the system for a free port.
DOWN_RELAY = "ws://127.0.0.1:9/"


def render(out_dir: Path, language: str = "en", theme: str = "light") -> list[Path]:
    from haven.ui.bridge import SessionBridge
    from haven.ui.main_window import HavenWindow

    app, suffix = screenshot_app(language, theme)
    text = demo_text(language)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="haven-shots-") as tmp:
        folder = Path(tmp)
        me = core_session.create(folder / "vault", DEMO_PASSPHRASE, str(text["me"]))
        me.journal.add_many([JournalDraft(b, t, m, tags) for t, b, m, tags in DEMO_ENTRIES])
        space_id = demo_circle(me, folder, text)
        laptop = create_linked(folder / "laptop", DEMO_PASSPHRASE, make_bundle(me))
        laptop.journal.add(LAPTOP_ENTRY.get(language, LAPTOP_ENTRY["en"]))
        me.lock()
        bea = core_session.unlock(folder / "bea", DEMO_PASSPHRASE)
        engines = [SyncEngine(laptop), SyncEngine(bea)]
        for engine in engines:
            engine.start()
        bea_port = engines[1].serve("127.0.0.1", 0)

        settings = demo_settings(folder, theme)
        bridge = SessionBridge(folder / "vault")
        window = HavenWindow(bridge, settings)
        window.show()
        bridge.unlock(fresh_passphrase())
        wait(app, lambda: window.current_page() is window.home)
        session = bridge.session
        assert session is not None
        journal = session.journal.space_id
        engines[0].sync_with("127.0.0.1", bridge.background.serving_port).result(30)
        # The app syncs with Bea the way LAN discovery would ask it to.
        supervisor = bridge.background.supervisor
        assert supervisor is not None
        supervisor.sync_with("127.0.0.1", bea_port, "lan").result(30)
        bridge.run(lambda: session.relays.set_relays(journal, [DOWN_RELAY]), lambda _r: None)
        page = window.journal_page
        wait(app, lambda: "·" in page.sync_line.text())
        wait(app, lambda: page.model.rowCount() == len(DEMO_ENTRIES) + 1, 20)
        page.list.setCurrentIndex(page.model.index(0))
        path = out_dir / f"sync_status_journal{suffix}.png"
        shoot(window, path)
        written.append(path)

        window.home.show_section("spaces")
        view = window.spaces_page.view
        wait(app, lambda: view.space_id == space_id and view.snapshot is not None)
        wait(app, lambda: session.relays.sync_status(space_id).transport == "lan")
        wait(app, lambda: bool(view.sync_line.status and view.sync_line.status.transport))
        path = out_dir / f"sync_status_space{suffix}.png"
        shoot(window, path)
        written.append(path)

        bridge.wait_for_workers()
        window.close()
        bridge.shutdown()
        window.deleteLater()
        for engine in engines:
            engine.stop()
        laptop.lock()
        bea.lock()
    return written


def main(argv: list[str] | None = None) -> int:
    return render_all(render, argv)


if __name__ == "__main__":
    sys.exit(main())
