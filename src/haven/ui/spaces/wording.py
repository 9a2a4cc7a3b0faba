"""Translated wording for spaces: reaction and role names, and a sentence for each failure.

Core errors carry English for logs and the CLI; here every case is worded for the UI and an
exception's own text is never shown."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale

from haven.core.spaces.model import Role
from haven.core.spaces.name_marks import Fingerprint, NameMarks, fingerprint_words
from haven.errors import HavenError, InvalidInput, NotFound
from haven.sync import invites as direct_invites
from haven.sync import relay_invites
from haven.ui import messages
from haven.ui.dates import moment_text
from haven.ui.translations import ui_language

log = logging.getLogger(__name__)

# Written out as T.translate("Spaces", "…") so that pyside6-lupdate finds every string.
T = QCoreApplication


def reaction_label(kind: str) -> str:
    labels = {
        "sending-care": T.translate("Spaces", "Sending care"),
        "me-too": T.translate("Spaces", "Me too"),
        "proud-of-you": T.translate("Spaces", "Proud of you"),
        "not-alone": T.translate("Spaces", "You are not alone"),
        "thank-you": T.translate("Spaces", "Thank you"),
    }
    return labels.get(kind, kind)


def role_label(role: Role | None) -> str:
    if role is Role.OWNER:
        return T.translate("Spaces", "Owner")
    if role is Role.ADMIN:
        return T.translate("Spaces", "Admin")
    if role is Role.MODERATOR:
        return T.translate("Spaces", "Moderator")
    if role is Role.MEMBER:
        return T.translate("Spaces", "Member")
    return T.translate("Spaces", "Not a member")


def badge(role: Role | None) -> str:
    """The role shown next to a name: only roles above member (from the authority rules)."""
    return role_label(role) if role is not None and role.rank > Role.MEMBER.rank else ""


def fingerprint_text(print_: Fingerprint) -> str:
    """The fingerprint's two words in the UI's language, or — with no word list for it —
    its two numbers in the language's digits (never English words in another language)."""
    first, second = print_.indices
    words = fingerprint_words(ui_language())
    if words is not None:
        return f"{words[first]} {words[second]}"
    locale = QLocale(ui_language())
    return f"{locale.toString(first)}-{locale.toString(second)}"


def name_warnings(marks: NameMarks) -> list[str]:
    """What the app warns about a name, in words (for lists, bylines and screen readers)."""
    out = []
    if marks.lookalike:
        out.append(T.translate("Spaces", "⚠ name looks like another member's"))
    if marks.role_word:
        out.append(T.translate("Spaces", "⚠ name uses a role word"))
    return out


def modlog_action(action: str) -> str:
    labels = {
        "add": T.translate("Spaces", "added a member"),
        "remove": T.translate("Spaces", "removed a member"),
        "ban": T.translate("Spaces", "banned a member"),
        "role": T.translate("Spaces", "changed a role"),
        "owner": T.translate("Spaces", "changed the owner"),
        "devices": T.translate("Spaces", "changed a member's devices"),
        "rotate": T.translate("Spaces", "renewed the space key"),
        "edit-info": T.translate("Spaces", "edited the space's details"),
        "pin": T.translate("Spaces", "pinned a post"),
        "unpin": T.translate("Spaces", "unpinned a post"),
        "remove-post": T.translate("Spaces", "removed a post"),
        "remove-fundraiser": T.translate("Spaces", "removed a fundraiser"),
        "remove-campaign": T.translate("Spaces", "removed a campaign"),
    }
    return labels.get(action, action)


def when(ms: int) -> str:
    return moment_text(ms)


def failure_text(exc: BaseException) -> str:
    """Why an action in a space did not happen; nothing was changed in every case."""
    if isinstance(exc, NotFound):
        return T.translate("Spaces", "That post or member is no longer there; nothing was changed.")
    if isinstance(exc, InvalidInput):
        return T.translate(
            "Spaces",
            "That could not be done: check what you typed, and that "
            "your role in this space allows it. Nothing was changed.",
        )
    if not isinstance(exc, HavenError):  # a bug: its type (never its text) goes to the log
        log.warning("a spaces action failed: %s", type(exc).__name__)
    return messages.error_text(exc)


def invite_void_text() -> str:
    """An invite that stopped because an admin who made or held it is no longer one."""
    return T.translate(
        "Spaces",
        "This invite stopped working because an admin who made or held it is no longer an "
        "admin of the space. This is not about you: ask an admin of the space for a new "
        "invite. Nothing was kept.",
    )


def invite_refusal_text(exc: BaseException) -> str | None:
    """Why a code cannot be used, in the guest's language (never the inviter's text); None
    for an error that is not a refusal."""
    if isinstance(exc, (relay_invites.InviteVoid, direct_invites.AdmitterLeft)):
        return invite_void_text()
    if isinstance(exc, direct_invites.InviteRefused):  # the join dialog's, as translated
        return T.translate(
            "JoinDialog",
            "This invite is no longer valid: it expired, was used up or was "
            "withdrawn. Ask for a new one. Nothing was kept.",
        )
    return None
