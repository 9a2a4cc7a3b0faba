"""`haven attachment …` and the attaching options of `space post` / `space reply`: files
and pictures on posts. A picture is re-encoded without its metadata before it is encrypted;
`save` writes a plaintext copy only where the person says."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from haven.cli import output
from haven.cli.context import Context
from haven.core.attachments.spec import AttachmentInfo, PreparedFile, size_text
from haven.core.spaces import SpaceService
from haven.errors import InvalidInput

SHORT = 12
_UNITS = {"k": 1024, "kib": 1024, "m": 1024**2, "mib": 1024**2}


def register(subparsers: Any) -> None:
    att = subparsers.add_parser("attachment", help="files and pictures attached to posts")
    sub = att.add_subparsers(dest="attachment_command", metavar="ACTION", required=True)
    save = sub.add_parser(
        "save",
        help="write a plaintext copy of an attachment",
        description="Writes the attachment, decrypted, to DEST (a folder: under the "
        "attachment's name, made safe). The copy is outside the encrypted vault: "
        "anyone who can read that folder can read it. Never overwrites a file.",
    )
    save.add_argument("id", help="the attachment id (or its start), from `space read`")
    save.add_argument("dest", help="a folder, or the new file's path")
    save.set_defaults(handler=cmd_save)


def add_attach_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--attach",
        action="append",
        default=[],
        metavar="FILE",
        help="attach a file or picture (repeatable); pictures lose their metadata",
    )
    parser.add_argument(
        "--alt",
        action="append",
        default=[],
        metavar="TEXT",
        help="a description of the attached picture, for screen readers (in --attach order)",
    )


def prepare(spaces: SpaceService, space_id: bytes, args: argparse.Namespace) -> list[PreparedFile]:
    if len(args.alt) > len(args.attach):
        raise InvalidInput("there are more --alt descriptions than --attach files")
    files = []
    for i, name in enumerate(args.attach):
        alt = args.alt[i] if i < len(args.alt) else ""
        prepared = spaces.attachments.prepare(space_id, Path(name).expanduser(), alt)
        if prepared.removed:
            print(
                f"Removed from {output.clean(prepared.spec.name)}: {', '.join(prepared.removed)}",
                file=sys.stderr,
            )
        files.append(prepared)
    return files


def parse_size(text: str) -> int:
    """'10MiB', '512k', '65536' → bytes."""
    raw = text.strip().lower().replace(" ", "")
    digits = raw.rstrip("kmib")
    unit = raw[len(digits) :]
    if not digits.isdigit() or (unit and unit not in _UNITS):
        raise InvalidInput("a size is a number with an optional unit: 512KiB, 10MiB")
    return int(digits) * _UNITS.get(unit, 1)


def describe(a: AttachmentInfo) -> str:
    kind = "picture" if a.is_image else "file"
    dims = f", {a.width}×{a.height}" if a.width and a.height else ""
    state = {
        "ok": "",
        "incomplete": f", {a.received} of {a.chunks} parts here",
        "refused": ", over the space's limit: refused",
    }.get(a.state, "")
    alt = f" — {output.clean(a.alt)}" if a.alt else ""
    return (
        f"[{kind} {output.clean(a.name)}, {size_text(a.size)}{dims}{state};"
        f" id {a.attachment_id.hex()[:SHORT]}]{alt}"
    )


def as_dict(a: AttachmentInfo) -> dict[str, Any]:
    return {
        "id": a.attachment_id.hex(),
        "name": a.name,
        "mime": a.mime,
        "size": a.size,
        "width": a.width,
        "height": a.height,
        "alt": a.alt,
        "state": a.state,
        "received": a.received,
        "chunks": a.chunks,
    }


def cmd_save(args: argparse.Namespace, ctx: Context) -> int:
    attachments = ctx.open().spaces.attachments
    path = attachments.save(attachments.resolve(args.id), Path(args.dest).expanduser())
    print(f"Saved to {path} — outside the encrypted vault.", file=sys.stderr)
    print(path)
    return 0
