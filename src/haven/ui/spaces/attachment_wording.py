"""What the app says about attachments, in the person's language: sizes, what cleaning a
picture removed, and why a file could not be attached or opened (the core's reasons,
`AttachmentRefused.reason`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haven.core.attachments.spec import AttachmentInfo, AttachmentRefused
from haven.ui import peer_text
from haven.ui.spaces import wording

_CTX = "Attachments"


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return _t("%1 KiB").replace("%1", str(max(1, round(size / 1024))))
    return _t("%1 MiB").replace("%1", f"{size / (1024 * 1024):.1f}")


def removed_text(items: tuple[str, ...]) -> str:
    names = {
        "EXIF": _t("camera details (EXIF)"),
        "GPS location": _t("GPS location"),
        "XMP": _t("XMP"),
        "IPTC": _t("IPTC"),
        "colour profile": _t("colour profile"),
        "comment": _t("comment"),
        "text": _t("text notes"),
        "thumbnail": _t("hidden thumbnail"),
    }
    return ", ".join(names.get(item, item) for item in items)


def failure_text(exc: BaseException) -> str:
    """Why a file could not be attached, shown, or saved; nothing was changed."""
    if not isinstance(exc, AttachmentRefused):
        return wording.failure_text(exc)
    texts = {
        "too-large": _t("That file is larger than this space allows; nothing was attached."),
        "too-many-pixels": _t("That picture is too large to open safely; nothing was attached."),
        "damaged": _t("That picture or file is damaged and could not be read."),
        "animated": _t("Animated pictures cannot be attached yet."),
        "format": _t(
            "Haven attaches pictures as JPEG, PNG, WebP or GIF only, so that it can remove "
            "their hidden details. Convert this one first."
        ),
        "unreadable": _t("That file could not be read."),
        "empty": _t("That file is empty."),
        "incomplete": _t("This attachment has not fully arrived yet. Try again after syncing."),
        "refused": _t("This attachment is larger than the space allows, so it was not kept."),
        "exists": _t("A file with that name is already there; choose another name."),
        "unwritable": _t("The copy could not be written there; choose another folder."),
    }
    return texts.get(exc.reason, wording.failure_text(exc))


def accessible_label(a: AttachmentInfo) -> str:
    """What a screen reader says for an attachment: a picture's description (or that it has
    none, and its name), a file's name and size."""
    if a.is_image:
        if a.alt:
            return _t("Picture: %1").replace("%1", peer_text.line(a.alt))
        return _t("Picture with no description: %1").replace("%1", peer_text.line(a.name))
    return _t("File: %1, %2").replace("%1", peer_text.line(a.name)).replace("%2", size_text(a.size))
