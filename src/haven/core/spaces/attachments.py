"""Attachments of posts: preparing files to attach (pictures re-encoded without their
metadata first), the space's size limit, and reading an attachment back — complete and
matching its digest, or refused alone (docs/PROTOCOL.md, "Attachments"). The rules that
record them in log order are in `rules/attachments.py`."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from haven.core.attachments import images, spec
from haven.core.attachments.names import safe_filename
from haven.core.attachments.spec import AttachmentInfo, AttachmentRefused, FileSpec, PreparedFile
from haven.core.envelope import open_event
from haven.core.spaces import events as ev
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.lookup import parse_hex_prefix, pick_one
from haven.core.spaces.rules.disappearing import due_here
from haven.errors import InvalidEvent, InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import attachments as attachments_db
from haven.store.spaces import settings as settings_db
from haven.store.spaces.attachments import AttachmentRow
from haven.store.vault import Connection

#: A picture may be larger before cleaning than the limit allows after it.
INPUT_FACTOR = 4


class Attachments:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    # ----------------------------------------------------------------- the limit

    def limit(self, space_id: bytes) -> int:
        with self._ctx.fresh(space_id) as conn:
            self._ctx.group(conn, space_id)
            return settings_db.attach_limit(conn, space_id) or spec.DEFAULT_LIMIT

    def set_limit(self, space_id: bytes, limit: int) -> None:
        if not spec.MIN_LIMIT <= limit <= spec.MAX_LIMIT:
            raise InvalidInput(
                f"the attachment limit is between {spec.size_text(spec.MIN_LIMIT)}"
                f" and {spec.size_text(spec.MAX_LIMIT)}"
            )
        self._ctx.require(space_id, ev.SETTINGS, "only admins change the space's settings")
        self._ctx.append(space_id, ev.SETTINGS, {"attach_limit": limit})

    # ----------------------------------------------------------------- attaching

    def prepare(self, space_id: bytes, path: Path, alt: str = "") -> PreparedFile:
        """Read a file to attach; a picture is re-encoded without its metadata. Raises
        InvalidInput with a clear message for a file too large, unreadable or refused."""
        limit = self.limit(space_id)
        cap = limit * INPUT_FACTOR
        try:
            with open(path, "rb") as f:
                data = f.read(cap + 1)
        except OSError as exc:
            raise AttachmentRefused(
                "unreadable", f"cannot read {path.name}: {exc.strerror or 'error'}"
            ) from None
        return self.prepare_bytes(limit, path.name, data, alt)

    def prepare_bytes(self, limit: int, name: str, data: bytes, alt: str = "") -> PreparedFile:
        if not data:
            raise AttachmentRefused("empty", f"{name} is empty")
        alt = spec.clean_alt(alt)
        removed: tuple[str, ...] = ()
        width = height = 0
        mime = "application/octet-stream"
        if images.is_picture(data):
            picture = images.clean(data)
            data, mime, removed = picture.data, picture.mime, picture.removed
            width, height = picture.width, picture.height
            stem = name.rsplit(".", 1)[0] if "." in name else name
            name = stem + (".jpg" if mime == "image/jpeg" else ".png")
        if len(data) > limit:
            raise AttachmentRefused(
                "too-large",
                f"{name} is {spec.size_text(len(data))}; this space takes attachments"
                f" up to {spec.size_text(limit)}",
            )
        name = safe_filename(name)
        file = FileSpec(name, mime, len(data), spec.digest(data), width, height, alt)
        return PreparedFile(file, data, removed)

    # ----------------------------------------------------------------- reading

    def resolve(self, text: str) -> bytes:
        prefix = parse_hex_prefix(text, "attachment")
        with self._ctx.vault.read() as conn:
            return pick_one(attachments_db.find_attachment(conn, prefix), "attachment")

    def info(self, attachment_id: bytes) -> AttachmentInfo:
        with self._ctx.vault.read() as conn:
            return _info(conn, self._row(conn, attachment_id))

    def read(self, attachment_id: bytes) -> tuple[AttachmentInfo, bytes]:
        """The attachment's bytes, checked: every chunk present, the digest its post gave.
        Each chunk is opened once (the check reads what is returned)."""
        info, parts = self._parts(attachment_id)
        return info, b"".join(parts)

    def preview(self, attachment_id: bytes, max_side: int | None = None) -> bytes:
        """A PNG made here from an attached picture (see images.render)."""
        info, data = self.read(attachment_id)
        if not info.is_image:
            raise InvalidInput("this attachment is not a picture")
        return images.render(data, max_side)

    def save(self, attachment_id: bytes, dest: Path) -> Path:
        """Write a plaintext copy where the person chose: into `dest` under the attachment's
        name made safe, if `dest` is a folder; else as `dest`. Never overwrites. Written
        chunk by chunk as each is opened and checked (memory holds one chunk, each chunk is
        decrypted once); a copy found damaged at the end, or cut short by an erasure or a
        full disk, is removed: no half or unmatched copy is left behind."""
        info, parts = self._parts(attachment_id)
        path = dest / safe_filename(info.name) if dest.is_dir() else dest
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise AttachmentRefused(
                "exists", f"{path} exists already; choose another name"
            ) from None
        except OSError as exc:
            raise AttachmentRefused(
                "unwritable", f"cannot write {path}: {exc.strerror or 'error'}"
            ) from None
        try:
            with os.fdopen(fd, "wb") as f:
                for part in parts:
                    f.write(part)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path

    def _parts(self, attachment_id: bytes) -> tuple[AttachmentInfo, Iterator[bytes]]:
        """The attachment's state, and — when every chunk arrived — its chunks, each opened
        as it is read (one read transaction per chunk: an erasure may come between) and
        checked against the post's size and digest after the last (`_checked`)."""
        with self._ctx.vault.read() as conn:
            row = self._row(conn, attachment_id)
            info = _info(conn, row)
            places = attachments_db.chunk_events(conn, attachment_id)
        if info.state == "refused":
            raise AttachmentRefused("refused", "this attachment is larger than the space allows")
        if info.state != "ok":
            raise AttachmentRefused(
                "incomplete",
                f"this attachment has not fully arrived yet ({info.received} of"
                f" {info.chunks} parts); sync and try again",
            )

        def parts() -> Iterator[bytes]:
            for index, event_id in places:
                with self._ctx.vault.read() as conn:
                    part = _chunk_bytes(conn, row, index, event_id)
                yield part

        return info, _checked(parts(), row)

    def _row(self, conn: Connection, attachment_id: bytes) -> AttachmentRow:
        """The attachment, unless its post disappeared — erased, or due and waiting for the
        sweep (a read never erases: disappearing.py): either way it is gone."""
        row = attachments_db.get_attachment(conn, attachment_id)
        if row is None or due_here(conn, row.post_id, self._ctx.clock()):
            raise NotFound("no attachment with that id")
        return row


def _checked(parts: Iterator[bytes], row: AttachmentRow) -> Iterator[bytes]:
    """The chunks as they come, hashed on the way; AttachmentRefused after the last one if
    they are not the size and digest the post gave (the caller drops what it took)."""
    hasher = hashlib.blake2b(digest_size=spec.DIGEST_BYTES)
    size = 0
    for part in parts:
        hasher.update(part)
        size += len(part)
        yield part
    if size != row.size or hasher.digest() != row.digest:
        raise AttachmentRefused(
            "damaged", "this attachment is damaged (it does not match its post)"
        )


def attachments_of(conn: Connection, post_ids: list[bytes]) -> dict[bytes, list[AttachmentInfo]]:
    """The attachments of these posts, by post (for the feed)."""
    out: dict[bytes, list[AttachmentInfo]] = {}
    for row, received in attachments_db.of_posts(conn, post_ids):
        out.setdefault(row.post_id, []).append(_info_of(row, received))
    return out


def _info(conn: Connection, row: AttachmentRow) -> AttachmentInfo:
    return _info_of(row, attachments_db.count_chunks(conn, row.attachment_id))


def _info_of(row: AttachmentRow, received: int) -> AttachmentInfo:
    state = row.state if row.state != "ok" or received == row.chunks else "incomplete"
    return AttachmentInfo(
        row.attachment_id,
        row.post_id,
        row.name,
        row.mime,
        row.size,
        row.width,
        row.height,
        row.alt,
        state,
        received,
        row.chunks,
    )


def _chunk_bytes(conn: Connection, row: AttachmentRow, index: int, event_id: bytes) -> bytes:
    stored = lt.get_event(conn, event_id)
    key = ids.get_epoch_key(conn, row.space_id, stored.epoch) if stored else None
    if stored is None or key is None or lt.is_redacted(conn, event_id):
        raise AttachmentRefused("damaged", "this attachment is damaged (a part is missing)")
    try:
        event = open_event(stored.envelope, key, verify=False)  # verified when stored
    except InvalidEvent:
        raise AttachmentRefused(
            "damaged", "this attachment is damaged (a part does not open)"
        ) from None
    part = spec.parse_chunk(event.content)
    own = spec.chunk_part(row.size, index, part.data) if part and part.index == index else None
    if own is None:
        raise AttachmentRefused("damaged", "this attachment is damaged (a part is the wrong size)")
    return own  # the padding stripped
