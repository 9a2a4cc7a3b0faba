"""What every spaces feature shares: the vault, the log, this device's identity, a fresh read
of a space, and the check that this device's persona may do something before an event is
written. Each feature (posts, moderation, membership, keys, joining, details) holds one
`SpaceContext`; none inherits from another."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from haven.core.clock import Clock
from haven.core.envelope import Event
from haven.core.eventlog import Draft, EventLog
from haven.core.identity import Identity
from haven.core.spaces import authority as au
from haven.errors import InvalidInput, NotFound
from haven.store import identity_tables as ids
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection, Vault


class SpaceContext:
    def __init__(
        self,
        vault: Vault,
        log: EventLog,
        identity: Identity,
        clock: Clock,
        ensure_fresh: Callable[[bytes], None],
    ) -> None:
        self.vault = vault
        self.log = log
        self.identity = identity
        self.clock = clock
        self._ensure_fresh = ensure_fresh
        #: Called with the space before each write (SpaceService sets it).
        self.before_writing: Callable[[bytes], None] | None = None

    # ----------------------------------------------------------------- access

    @contextmanager
    def fresh(self, space_id: bytes) -> Iterator[Connection]:
        """A read of a space whose projection is up to date."""
        self._ensure_fresh(space_id)
        with self.vault.read() as conn:
            yield conn

    def refresh(self, space_id: bytes) -> None:
        """Bring a space's projection up to date (before a read across spaces)."""
        self._ensure_fresh(space_id)

    def group(self, conn: Connection, space_id: bytes) -> GroupRow:
        group = groups_db.get_group(conn, space_id)
        if group is None:
            raise NotFound("no group space with that id")
        return group

    def me(self, conn: Connection, space_id: bytes) -> MemberRow | None:
        space = ids.get_space(conn, space_id)
        return membership_db.get_member(conn, space_id, space.persona_id) if space else None

    def require(self, space_id: bytes, event_type: str, message: str) -> MemberRow:
        """This persona's member row, if it may write `event_type` now; else a clear error."""
        with self.fresh(space_id) as conn:
            self.group(conn, space_id)
            me = self.me(conn, space_id)
        if not au.is_active(me):
            raise InvalidInput("you are not a member of this space any more")
        if not au.may(me, event_type):
            raise InvalidInput(message)
        assert me is not None
        return me

    def append(
        self, space_id: bytes, event_type: str, content: dict[str, Any], target: bytes | None = None
    ) -> Event:
        return self.append_many(space_id, [Draft(event_type, content, target)])[0]

    def append_many(self, space_id: bytes, drafts: Sequence[Draft]) -> list[Event]:
        """Write this device's events; the first time it writes in a space, it certifies
        its own signing key there first (core/spaces/device_keys.py)."""
        self.prepare_write(space_id)
        return self.log.append_many(space_id, drafts)

    def prepare_write(self, space_id: bytes) -> None:
        """What must be written before this device's next event (its key's certificate):
        for a caller that reads its chain's tip before it appends (a cut)."""
        if self.before_writing is not None:
            self.before_writing(space_id)
