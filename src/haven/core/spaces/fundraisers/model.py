"""What the fundraiser and campaign API hands to the CLI and the UI: small frozen records.
Amounts are integers in the currency's minor units; peers' text is plain text to show as
such (never a link to open)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CauseUpdate:
    event_id: bytes
    author: bytes
    author_name: str
    text: str
    created_ms: int


@dataclass(frozen=True)
class Fundraiser:
    fundraiser_id: bytes
    title: str
    purpose: str
    give: str
    goal: int
    currency: str
    deadline: str
    creator: bytes
    creator_name: str
    #: The newest valid tally an organiser published (0 before the first).
    total: int
    received: int
    supporters: int
    tallied: bool
    #: Members with a current pledge (members see that someone pledged, not how much),
    #: and how many of those pledges the tally does not cover yet.
    pledgers: int
    pending: int
    #: On an organiser's device: True when the tally differs from the pledges this device
    #: opened, None when it cannot tell (and on every member's device).
    mismatch: bool | None
    you_organise: bool
    #: Your own current pledge (sealed to your devices too); None if you have none.
    your_pledge: int | None
    updates: tuple[CauseUpdate, ...]
    #: Its organisers closed it: no more pledges (§5.10).
    closed: bool = False


@dataclass(frozen=True)
class Pledge:
    """One member's current pledge, as an organiser's device sees it."""

    member_pk: bytes
    member_name: str
    #: None: this device was not among the pledge's recipients (or it was malformed).
    amount: int | None
    received: bool
    counted: bool


@dataclass(frozen=True)
class Campaign:
    campaign_id: bytes
    title: str
    kind: str
    action: str
    place: str
    date: str
    creator: bytes
    creator_name: str
    done_count: int
    you_did: bool
    you_organise: bool
    updates: tuple[CauseUpdate, ...]
    #: Its organisers closed it: no more "I did this" (§5.10).
    closed: bool = False
