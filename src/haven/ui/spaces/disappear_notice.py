"""What a space with disappearing posts says at its top: how long posts last, counted on
each device from when it received them, and plainly what that cannot prevent."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as T
from PySide6.QtWidgets import QLabel, QWidget

from haven.ui import appearance


def duration_text(seconds: int) -> str:
    """'90 minutes', '1 hour', '3 days', '2 weeks' (the largest unit that divides it: a
    timer may be set in minutes, so an hour that does not divide it is not rounded)."""
    if seconds % 3600:
        return T.translate("Disappearing", "%n minute(s)", "", max(1, seconds // 60))
    if seconds % (7 * 86400) == 0:
        return T.translate("Disappearing", "%n week(s)", "", seconds // (7 * 86400))
    if seconds % 86400 == 0:
        return T.translate("Disappearing", "%n day(s)", "", seconds // 86400)
    return T.translate("Disappearing", "%n hour(s)", "", seconds // 3600)


class DisappearNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("disappearNotice")
        appearance.mark_muted(self)
        self.show_timer(0)

    def show_timer(self, seconds: int) -> None:
        self.setVisible(bool(seconds))
        if not seconds:
            self.clear()
            return
        self.setText(
            T.translate(
                "Disappearing",
                "Posts here disappear %1 after each device receives them, from every device "
                "that follows the rules. Haven cannot stop anyone from taking a screenshot, "
                "copying the words or using a modified app to keep them.",
            ).replace("%1", duration_text(seconds))
        )
