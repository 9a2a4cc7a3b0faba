"""What the app says about attachments, in the person's language: sizes, what cleaning a
picture removed, and why a file could not be attached or opened (the core's reasons,
`AttachmentRefused.reason`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as T

from haven.core.attachments.spec import AttachmentInfo, AttachmentRefused
from haven.ui import peer_text
from haven.ui.spaces import wording


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return T.translate("Attachments", "%1 KiB").replace("%1", str(max(1, round(size / 1024))))
    return T.translate("Attachments", "%1 MiB").replace("%1", f"{size / (1024 * 1024):.1f}")


def removed_text(items: tuple[str, ...]) -> str:
    names = {
        "EXIF": T.translate("Attachments", "camera details (EXIF)"),
        "GPS location": T.translate("Attachments", "GPS location"),
        "XMP": T.translate("Attachments", "XMP"),
        "IPTC": T.translate("Attachments", "IPTC"),
        "colour profile": T.translate("Attachments", "colour profile"),
        "comment": T.translate("Attachments", "comment"),
        "text": T.translate("Attachments", "text notes"),
        "thumbnail": T.translate("Attachments", "hidden thumbnail"),
    }
    return ", ".join(names.get(item, item) for item in items)


def failure_text(exc: BaseException) -> str:
    """Why a file could not be attached, shown, or saved; nothing was changed."""
    if not isinstance(exc, AttachmentRefused):
        return wording.failure_text(exc)
    texts = {
        "too-large": T.translate(
            "Attachments", "That file is larger than this space allows; nothing was attached."
        ),
        "too-many-pixels": T.translate(
            "Attachments", "That picture is too large to open safely; nothing was attached."
        ),
        "damaged": T.translate(
            "Attachments", "That picture or file is damaged and could not be read."
        ),
        "animated": T.translate("Attachments", "Animated pictures cannot be attached yet."),
        "format": T.translate(
            "Attachments",
            "Haven attaches pictures as JPEG, PNG, WebP or GIF only, so that it can remove "
            "their hidden details. Convert this one first.",
        ),
        "unreadable": T.translate("Attachments", "That file could not be read."),
        "empty": T.translate("Attachments", "That file is empty."),
        "incomplete": T.translate(
            "Attachments", "This attachment has not fully arrived yet. Try again after syncing."
        ),
        "refused": T.translate(
            "Attachments", "This attachment is larger than the space allows, so it was not kept."
        ),
        "exists": T.translate(
            "Attachments", "A file with that name is already there; choose another name."
        ),
        "unwritable": T.translate(
            "Attachments", "The copy could not be written there; choose another folder."
        ),
    }
    return texts.get(exc.reason, wording.failure_text(exc))


def accessible_label(a: AttachmentInfo) -> str:
    """What a screen reader says for an attachment: a picture's description (or that it has
    none, and its name), a file's name and size."""
    if a.is_image:
        if a.alt:
            return T.translate("Attachments", "Picture: %1").replace("%1", peer_text.line(a.alt))
        return T.translate("Attachments", "Picture with no description: %1").replace(
            "%1", peer_text.line(a.name)
        )
    return (
        T.translate("Attachments", "File: %1, %2")
        .replace("%1", peer_text.line(a.name))
        .replace("%2", size_text(a.size))
    )
