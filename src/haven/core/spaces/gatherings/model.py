"""What the events API hands to the CLI and the UI: small frozen records."""

from __future__ import annotations

from dataclasses import dataclass

from haven.core.spaces.gatherings.details import Details


@dataclass(frozen=True)
class Counts:
    """Organisers see every figure; other members only `responses` (how many members
    answered, which the log shows them anyway), or nothing if the organisers hide it."""

    responses: int
    going: int | None = None  # places taken, a +1 counting as one more
    maybe: int | None = None
    no: int | None = None
    waiting: int | None = None  # said "going" but have no place (full, or not approved)


@dataclass(frozen=True)
class Gathering:
    gathering_id: bytes
    space_id: bytes
    details: Details
    organisers: tuple[tuple[bytes, str], ...]  # (member key, display name)
    cancelled: bool
    i_organise: bool
    place: str | None  # only once this device could open it
    my_answer: str | None
    my_plus_one: bool
    my_approved: bool
    counts: Counts | None


@dataclass(frozen=True)
class Attendee:
    member_pk: bytes
    name: str
    answer: str
    note: str
    plus_one: bool
    approved: bool
    has_place: bool
    active: bool
