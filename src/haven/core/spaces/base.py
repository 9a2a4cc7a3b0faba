"""What both halves of the spaces service share: the vault, the log, id resolution and the
check that this device's persona may do something before an event is written."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from haven.core.clock import Clock
from haven.core.envelope import Event
from haven.core.eventlog import Draft, EventLog
from haven.core.identity import Identity
from haven.core.spaces import authority as au
from haven.core.spaces.projector import SpaceProjector
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store import spaces_tables as st
from haven.store.spaces_tables import GroupRow, MemberRow
from haven.store.vault import Connection, Vault

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


class SpaceBase:
    def __init__(
        self,
        vault: Vault,
        log: EventLog,
        identity: Identity,
        clock: Clock,
        on_changed: Callable[[bytes], None] | None = None,
    ) -> None:
        self._vault = vault
        self._log = log
        self._identity = identity
        self._clock = clock
        self.projector = SpaceProjector(vault, on_changed)

    # ----------------------------------------------------------------- access

    @contextmanager
    def _fresh(self, space_id: bytes) -> Iterator[Connection]:
        """A read of a space whose projection is up to date."""
        self.projector.ensure_fresh(space_id, self._log)
        with self._vault.read() as conn:
            yield conn

    def _group(self, conn: Connection, space_id: bytes) -> GroupRow:
        group = st.get_group(conn, space_id)
        if group is None:
            raise NotFound("no group space with that id")
        return group

    def _me(self, conn: Connection, space_id: bytes) -> MemberRow | None:
        space = ids.get_space(conn, space_id)
        return st.get_member(conn, space_id, space.persona_id) if space else None

    def _require(self, space_id: bytes, event_type: str, message: str) -> MemberRow:
        """This persona's member row, if it may write `event_type` now; else a clear error."""
        with self._fresh(space_id) as conn:
            self._group(conn, space_id)
            me = self._me(conn, space_id)
        if not au.is_active(me):
            raise InvalidInput("you are not a member of this space any more")
        if not au.may(me, event_type):
            raise InvalidInput(message)
        assert me is not None
        return me

    def _append(
        self, space_id: bytes, event_type: str, content: dict[str, Any], target: bytes | None = None
    ) -> Event:
        return self._log.append(space_id, event_type, content, target)

    def _append_many(self, space_id: bytes, drafts: Sequence[Draft]) -> list[Event]:
        return self._log.append_many(space_id, drafts)

    # ----------------------------------------------------------------- ids

    def resolve_space(self, text: str) -> bytes:
        """A space id (hex, or a prefix of at least 4 digits) or a space's exact name."""
        with self._vault.read() as conn:
            groups = [ids.get_space(conn, sid) for sid in st.group_ids(conn)]
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
        with self._fresh(space_id) as conn:
            members = st.list_members(conn, space_id)
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
        with self._fresh(space_id) as conn:
            return pick_one(st.find_post_ids(conn, space_id, prefix), "post")
