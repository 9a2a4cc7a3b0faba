"""Finding a space, a member or a post from what a person typed: an exact name, or a hex
prefix of the id of at least four digits (the CLI's way of naming things)."""

from __future__ import annotations

from collections.abc import Sequence

from haven.core.spaces.context import SpaceContext
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces import posts as posts_db

MIN_PREFIX = 4


def parse_hex_prefix(text: str, what: str) -> str:
    text = text.strip().lower()
    try:
        bytes.fromhex(text if len(text) % 2 == 0 else text + "0")
    except ValueError:
        raise InvalidInput(f"{what} id is written in hexadecimal") from None
    if len(text) < MIN_PREFIX:
        raise InvalidInput(f"give at least {MIN_PREFIX} characters of the {what} id")
    return text


def pick_one(found: Sequence[bytes], what: str) -> bytes:
    if not found:
        raise NotFound(f"no {what} with that id")
    if len(set(found)) > 1:
        raise InvalidInput(f"that matches more than one {what}; give more of the id")
    return found[0]


class SpaceLookup:
    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx

    def resolve_space(self, text: str) -> bytes:
        """A space id (hex, or a prefix of at least 4 digits) or a space's exact name."""
        with self._ctx.vault.read() as conn:
            groups = [ids.get_space(conn, sid) for sid in groups_db.group_ids(conn)]
        named = [g.space_id for g in groups if g is not None and g.name == text.strip()]
        if len(named) == 1:
            return named[0]
        prefix = parse_hex_prefix(text, "space")
        return pick_one(
            [g.space_id for g in groups if g is not None and g.space_id.hex().startswith(prefix)],
            "space",
        )

    def resolve_member(self, space_id: bytes, text: str) -> bytes:
        """A member's key (hex prefix) or their exact display name, if only one has it."""
        with self._ctx.fresh(space_id) as conn:
            members = membership_db.list_members(conn, space_id)
        named = [m.member_pk for m in members if m.display_name == text.strip()]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise InvalidInput("more than one member has that name; give their id")
        prefix = parse_hex_prefix(text, "member")
        return pick_one(
            [m.member_pk for m in members if m.member_pk.hex().startswith(prefix)], "member"
        )

    def resolve_post(self, space_id: bytes, text: str) -> bytes:
        prefix = parse_hex_prefix(text, "post")
        with self._ctx.fresh(space_id) as conn:
            return pick_one(posts_db.find_post_ids(conn, space_id, prefix), "post")
