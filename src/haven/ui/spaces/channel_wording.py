"""Translated wording for channels: a channel's row in the list (its name, kind, unread and
mention counts, mute), a quoted message, and a mention as the app states it — the member's
current name, then the app's own fingerprint and role for the key the message names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haven.core.spaces.channels import ChannelInfo, Mention
from haven.core.spaces.name_marks import fingerprint
from haven.ui import peer_text
from haven.ui.spaces import wording

# Written out as T.translate("Channels", "…") so that pyside6-lupdate finds every string.
T = QCoreApplication


def channel_row(c: ChannelInfo) -> str:
    # The name is a member's (an admin's) text: isolated, so an Arabic name keeps its place.
    parts = ["#" + peer_text.isolate(peer_text.one_line(c.name, 40))]
    if c.kind == "announce":
        parts.append(T.translate("Channels", "announcements"))
    if c.archived:
        parts.append(T.translate("Channels", "archived"))
    if c.muted:
        parts.append(T.translate("Channels", "muted"))
    elif c.unread:
        parts.append(T.translate("Channels", "%Ln unread", None, c.unread))
    if c.mentions_me:
        parts.append(T.translate("Channels", "mentions of you: %Ln", None, c.mentions_me))
    return " · ".join(parts)


def quote_line(quote: tuple[bytes, str, str]) -> str:
    _id, name, words = quote
    if not words:
        return T.translate("Channels", "Quoting a message that is gone")
    return (
        T.translate("Channels", "Quoting %1: %2")
        .replace("%1", peer_text.name(name))
        .replace("%2", peer_text.one_line(words, 140))
    )


def mention_line(m: Mention) -> str:
    return (
        T.translate("Channels", "Mentions %1 (%2, %3)")
        .replace("%1", peer_text.name(m.name))
        .replace("%2", wording.fingerprint_text(fingerprint(m.member_pk)))
        .replace("%3", wording.role_label(m.role))
    )
