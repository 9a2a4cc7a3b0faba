"""The projection rules of a group space, one module per feature (the same names as the
services one level up): each module applies its events in log order and exports `HANDLERS`,
which the projector merges into one table."""

from __future__ import annotations

from collections.abc import Callable

from haven.core.envelope import Event
from haven.store.spaces.groups import GroupRow
from haven.store.spaces.membership import MemberRow
from haven.store.vault import Connection

#: One rule: apply the event if valid (returns whether it was); never raises on bad content
#: except the errors `projector.step` turns into "invalid".
Handler = Callable[[Connection, GroupRow, Event, "MemberRow | None"], bool]
