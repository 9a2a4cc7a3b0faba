"""What a post says about its attachments, and how their bytes travel.

A post lists its attachments in its content (`files`: name, type, size, BLAKE2b-256 digest,
pixel size for images, alt text); the bytes follow as `space.attachment.chunk` events by the
same author, in the same transaction, each targeting the post: `{"a": attachment index,
"i": chunk index, "data": bytes}`. Chunks are small enough that an event (padded to its
16 KiB bucket) fits a relay's default 64 KiB blob after the relay's own padding, so every
transport carries them as it carries any event. The receiver derives the number of chunks
and each one's length from the size; it never takes a peer's count.

**Padding** (`"pad": 1` in the file's entry; docs/PROTOCOL.md §5.7): the number of chunks
is rounded up with Padmé (Nikitin, Barman, Lueks, Underwood, Hubaux, Ford: "Reducing
Metadata Leakage from Encrypted Files and Communication with PURBs", PETS 2019), and every
chunk is full — the bytes after the attachment's end are zeros, and any other byte there
makes the chunk invalid. Whoever sees only the events' lengths (a relay, a LAN observer)
learns the Padmé class of the chunk count, not the size to within a chunk."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from haven.core.attachments.names import MAX_NAME, clean_name
from haven.core.eventlog import Draft
from haven.errors import InvalidInput

#: Bytes of attachment per chunk event (see the module docstring; tests/unit check the fit).
CHUNK_BYTES = 15 * 1024
#: The size limit of one attachment, unless the space's admins chose another.
DEFAULT_LIMIT = 10 * 1024 * 1024
MIN_LIMIT = 64 * 1024
#: No space may ask devices to carry more than this per attachment: an attachment is held
#: in memory while it is prepared, checked and shown.
MAX_LIMIT = 64 * 1024 * 1024
MAX_FILES = 8
MAX_ALT = 1_000
MAX_MIME = 64
DIGEST_BYTES = 32
_ID_PERSON = b"haven-attach-id"


class AttachmentRefused(InvalidInput):
    """A file that cannot be attached, or an attachment that cannot be read, with a reason
    the app words in the person's language: too-large (the space's limit), too-many-pixels,
    damaged, animated, format (a picture Haven cannot clean), unreadable, empty,
    incomplete, refused (over the limit when it was posted), exists and unwritable (saving)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class FileSpec:
    name: str
    mime: str
    size: int
    digest: bytes
    width: int = 0
    height: int = 0
    alt: str = ""
    #: Chunks padded to a Padmé class (every attachment posted since; older ones are not).
    padded: bool = True

    @property
    def chunks(self) -> int:
        return padme(chunk_count(self.size)) if self.padded else chunk_count(self.size)


@dataclass(frozen=True)
class PreparedFile:
    """An attachment ready to post: its cleaned bytes and what cleaning removed."""

    spec: FileSpec
    data: bytes
    removed: tuple[str, ...] = ()


def size_text(size: int) -> str:
    """ "512 KiB", "9.8 MiB": how sizes are said to people."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KiB"
    return f"{size / (1024 * 1024):.1f} MiB"


def digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


def chunk_count(size: int) -> int:
    return -(-size // CHUNK_BYTES)


def chunk_length(size: int, index: int) -> int:
    """How many of the attachment's own bytes place `index` holds (0: a padding chunk)."""
    return max(0, min(CHUNK_BYTES, size - index * CHUNK_BYTES))


def padme(n: int) -> int:
    """Padmé: `n` rounded up so that only its top ⌊log₂ ⌊log₂ n⌋⌋ + 1 bits can be nonzero
    (at most ~12 % more; leaks O(log log n) bits instead of O(log n))."""
    if n < 2:
        return n
    e = n.bit_length() - 1  # ⌊log₂ n⌋
    mask = (1 << (e - e.bit_length())) - 1  # e.bit_length() is ⌊log₂ e⌋ + 1
    return (n + mask) & ~mask


def chunk_part(size: int, index: int, data: bytes) -> bytes | None:
    """The attachment's own bytes in the chunk at place `index`: the chunk is exactly that
    many bytes, or a full chunk whose bytes after them are all zero (padding). None for
    anything else — a wrong length, or padding that is not zeros."""
    own = chunk_length(size, index)
    if len(data) == own and own > 0:
        return data
    if len(data) == CHUNK_BYTES and not any(memoryview(data)[own:]):
        return data[:own]
    return None


def attachment_id(post_id: bytes, index: int) -> bytes:
    return hashlib.blake2b(post_id + bytes([index]), digest_size=32, person=_ID_PERSON).digest()


def clean_alt(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput("a description must be text")
    alt = " ".join(value.split())
    if len(alt) > MAX_ALT:
        raise InvalidInput(f"a description has at most {MAX_ALT} characters")
    return alt


def parse_file(value: object) -> FileSpec | None:
    """One entry of a post's `files`, or None if it is malformed (a peer's)."""
    if not isinstance(value, dict):
        return None
    name, mime, size, dig = (
        value.get("name"),
        value.get("mime"),
        value.get("size"),
        value.get("digest"),
    )
    w, h, alt = value.get("w", 0), value.get("h", 0), value.get("alt", "")
    pad = value.get("pad", 0)
    if not (
        type(pad) is int
        and pad in (0, 1)
        and isinstance(name, str)
        and isinstance(mime, str)
        and 0 < len(mime) <= MAX_MIME
        and type(size) is int
        and 0 < size <= MAX_LIMIT
        and isinstance(dig, bytes)
        and len(dig) == DIGEST_BYTES
        and type(w) is int
        and type(h) is int
        and 0 <= w <= 1 << 16
        and 0 <= h <= 1 << 16
        and isinstance(alt, str)
        and len(alt) <= MAX_ALT
    ):
        return None
    return FileSpec(
        clean_name(name) or "attachment", clean_name(mime), size, dig, w, h, alt, pad == 1
    )


def parse_files(value: object) -> list[FileSpec | None]:
    """A post's `files`: each entry parsed alone (a malformed one is None, the rest stand)."""
    if not isinstance(value, list):
        return []
    return [parse_file(v) for v in value[:MAX_FILES]]


def files_content(files: Sequence[PreparedFile]) -> list[dict[str, Any]]:
    out = []
    for f in files:
        s = f.spec
        entry: dict[str, Any] = {"name": s.name[:MAX_NAME], "mime": s.mime, "size": s.size}
        entry["digest"] = s.digest
        if s.width and s.height:
            entry["w"], entry["h"] = s.width, s.height
        if s.alt:
            entry["alt"] = s.alt
        if s.padded:
            entry["pad"] = 1
        out.append(entry)
    return out


def chunk_drafts(
    files: Sequence[PreparedFile], event_type: str, extra: dict[str, Any] | None = None
) -> Iterator[Draft]:
    """The chunk events of `files`, each targeting the post written first in the batch
    (`extra`: what every chunk carries besides, e.g. the post's disappearing timer)."""
    for a, f in enumerate(files):
        for i in range(f.spec.chunks):
            data = f.data[i * CHUNK_BYTES : (i + 1) * CHUNK_BYTES]
            if f.spec.padded:
                data = data.ljust(CHUNK_BYTES, b"\0")
            content = {**(extra or {}), "a": a, "i": i, "data": data}
            yield Draft(event_type, content, target_first=True)


@dataclass(frozen=True)
class Chunk:
    attachment: int
    index: int
    data: bytes


def parse_chunk(content: dict[str, Any]) -> Chunk | None:
    a, i, data = content.get("a"), content.get("i"), content.get("data")
    if not (
        type(a) is int
        and 0 <= a < MAX_FILES
        and type(i) is int
        and 0 <= i < padme(chunk_count(MAX_LIMIT))
        and isinstance(data, bytes)
        and 0 < len(data) <= CHUNK_BYTES
    ):
        return None
    return Chunk(a, i, data)


@dataclass(frozen=True)
class AttachmentInfo:
    """An attachment as the feed shows it."""

    attachment_id: bytes
    post_id: bytes
    name: str
    mime: str
    size: int
    width: int
    height: int
    alt: str
    #: "ok" (every chunk is here), "incomplete" (some have not arrived yet) or "refused"
    #: (larger than the space's limit, or not the size its post said)
    state: str
    received: int
    chunks: int

    @property
    def is_image(self) -> bool:
        return self.mime in ("image/jpeg", "image/png")
