"""Translated sentences for linking problems, and the QR image of a pairing code."""

from __future__ import annotations

import io

import segno
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPixmap

from haven.sync.link_runner import LinkProblem, ProblemKind

T = QCoreApplication


def problem_text(problem: object) -> str:
    """A sentence a person can act on. Nothing was changed in every case."""
    kind = problem.kind if isinstance(problem, LinkProblem) else ProblemKind.OTHER
    if kind is ProblemKind.NOT_A_CODE:
        return T.translate("Linking", "That is not a Haven pairing code. It starts with “hvn1-”.")
    if kind is ProblemKind.MISTYPED:
        return T.translate(
            "Linking",
            "The code is mistyped or incomplete. Check it against the other screen and try again.",
        )
    if kind is ProblemKind.EXPIRED:
        return T.translate(
            "Linking",
            "This code has expired or was already used. Make a new one on your other device.",
        )
    if kind is ProblemKind.UNREACHABLE:
        return T.translate(
            "Linking",
            "Haven cannot reach your other device. Both need to be on the same "
            "network, with Haven open on the Devices page.",
        )
    if kind is ProblemKind.REJECTED_HERE:
        return T.translate(
            "Linking", "Linking stopped because the words did not match. Nothing was shared."
        )
    if kind is ProblemKind.REJECTED_THERE:
        return T.translate(
            "Linking", "Your other device said the words did not match. Nothing was shared."
        )
    if kind is ProblemKind.DISCONNECTED:
        return T.translate(
            "Linking",
            "The other device went away before linking finished. Nothing was shared; try again.",
        )
    if kind is ProblemKind.VAULT_EXISTS:
        return T.translate("Linking", "This computer already has a vault; nothing was changed.")
    if kind is ProblemKind.SHORT_WRONG:
        return T.translate(
            "Linking",
            "The short code did not match, so linking stopped and nothing was shared. "
            "Make a new code on your other device.",
        )
    if kind is ProblemKind.SHORT_NOBODY:
        return T.translate(
            "Linking",
            "Nobody is waiting with that short code on that relay. Check the number, the "
            "words and the relay, or make a new code on your other device.",
        )
    if kind is ProblemKind.NO_RELAY:
        return T.translate(
            "Linking",
            "A short code needs the relay shown next to it, like relay.example.org. "
            "Type it in the Relay field.",
        )
    if kind is ProblemKind.RELAY_UNREACHABLE:
        return T.translate(
            "Linking",
            "Haven cannot reach that relay. Check its name and your connection, or use the "
            "long code instead.",
        )
    if kind is ProblemKind.CANCELLED:
        return T.translate("Linking", "Linking was cancelled. Nothing was shared.")
    return T.translate("Linking", "Linking did not work; nothing was changed. Try again.")


def qr_pixmap(text: str, scale: int = 5) -> QPixmap:
    """The code as a QR image, made in memory: it is never written to disk."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=3)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
