"""`haven` with no sub-command: check the platform, then open the window."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from haven.control.instance import InstanceClaim, claim_instance
from haven.control.server import ControlServer
from haven.core import paths
from haven.errors import AlreadyOpen
from haven.ui.platform_check import check_platform

#: Makes the runner for commands sent to this window (haven.cli.remote, passed in by
#: haven.__main__: the UI does not import the CLI).
CommandsFactory = Callable[[Path, Callable[[], Any]], Any]


def _parse(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="haven")
    parser.add_argument("--data-dir", metavar="DIR")
    parsed, _unknown = parser.parse_known_args(args)
    return parsed


def _quit_on_interrupt(app: object) -> None:
    """Ctrl+C in the terminal locks and quits. Qt's loop does not return to Python on its
    own, so a cheap timer lets Python's signal handler run now and then."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)

    def interrupted(_signum: int, _frame: object) -> None:
        app.quit()

    signal.signal(signal.SIGINT, interrupted)
    signal.signal(signal.SIGTERM, interrupted)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(300)


def start_control(
    claim: InstanceClaim | None, data_dir: Path, bridge: Any, commands: CommandsFactory | None
) -> ControlServer | None:
    """Answer `haven` commands on this data folder with the bridge's session (while it is
    unlocked; a locked window says so to the caller)."""
    if claim is None or commands is None:
        return None  # a claim without a channel is held until the process ends
    server = ControlServer(claim, commands(data_dir, lambda: bridge.session))
    server.start()
    return server


def refuse_second_window(app: Any) -> int:
    """Another window or `haven serve` has this data folder: say so, before any passphrase."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    print(f"haven: error: {AlreadyOpen()}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("App", "Already open"),
        QCoreApplication.translate(
            "App",
            "Haven is already open on this computer for this data folder, in another window "
            "or as `haven serve`. Use that one, or close it first.",
        ),
    )
    box.setObjectName("alreadyOpen")
    box.setAccessibleName(QCoreApplication.translate("App", "Already open"))
    box.exec()
    return int(AlreadyOpen.exit_code)


def run_app(args: list[str], commands: CommandsFactory | None = None) -> int:
    code = check_platform()
    if code is not None:
        return code
    options = _parse(args)
    logging.basicConfig(level=logging.WARNING, format="haven: %(message)s")

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from haven.ui.app_icon import app_icon
    from haven.ui.bridge import SessionBridge
    from haven.ui.discreet import app_names, name_application
    from haven.ui.error_guard import ErrorGuard
    from haven.ui.main_window import HavenWindow
    from haven.ui.settings import AppSettings
    from haven.ui.translations import chosen_locale, install_translations

    settings = AppSettings()  # an explicit file, whatever the application's name
    # Discreet mode also hides the name from the window manager (X11 WM_CLASS, Wayland
    # app id): named here before the first window, kept in step by ui/discreet.py when the
    # setting changes. The process name itself stays `haven`.
    app = QApplication.instance() or QApplication([app_names(settings.discreet)[0]])
    name_application(app, settings.discreet)
    if not settings.discreet:  # discreet mode shows no Haven icon either
        QGuiApplication.setWindowIcon(app_icon())
    _quit_on_interrupt(app)
    # Choosing a language (or opening a restored vault) restarts the window, not the
    # process: the vault locks, the data folder's claim is given up, a new window is built.
    opened: list[Path] = []  # a restored vault opened from the window: its folder
    while True:
        install_translations(chosen_locale(settings.language))
        data_dir = (
            opened[-1]
            if opened
            else paths.data_dir(_folder(options.data_dir, settings.vault_folder))
        )
        try:
            claim = claim_instance(data_dir)  # before the unlock screen asks for a passphrase
        except AlreadyOpen:
            return refuse_second_window(app)
        bridge = SessionBridge(data_dir)
        control = start_control(claim, data_dir, bridge, commands)
        window = HavenWindow(bridge, settings)
        guard = ErrorGuard(partial(_same, window))
        guard.install()
        restart = [False]

        def restart_requested(flag: list[bool] = restart) -> None:
            flag[0] = True
            app.quit()

        window.restartRequested.connect(restart_requested)

        def open_folder(folder: object, flag: list[bool] = restart) -> None:
            if isinstance(folder, Path):
                opened.append(folder)
                flag[0] = True
                app.quit()

        window.openFolderRequested.connect(open_folder)
        # Quick exit: after hiding and locking, end the process so nothing stays in memory.
        window.quickExited.connect(app.quit)
        window.show()
        try:
            code = int(app.exec())
        finally:
            bridge.wait_for_workers()
            if control is not None:
                control.close()  # first: no command starts against a vault being locked
            window.lock()  # saves an unsaved draft into the vault, then locks
            bridge.shutdown()
            guard.uninstall()
            if control is None and claim is not None:
                claim.release()  # the next window claims the folder again (a restart)
        if not restart[0]:
            return code
        window.close()
        window.deleteLater()


def _same(window: Any) -> Any:
    return window


def _folder(given: str | None, chosen_in_app: str) -> str | None:
    """`--data-dir`, then HAVEN_DATA_DIR (paths.data_dir reads it), then the folder chosen
    in the app (a restored vault), then the platform's default."""
    if given or os.environ.get("HAVEN_DATA_DIR"):
        return given
    return chosen_in_app or None
