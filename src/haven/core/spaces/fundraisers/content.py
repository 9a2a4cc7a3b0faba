"""What fundraiser and campaign events carry, and the checks on it (docs/PROTOCOL.md,
"Fundraisers and campaigns"). Content comes from peers: each `parse_*` returns None for
anything malformed; the `clean_*` functions raise InvalidInput for what this device writes.

A pledge's amount never appears in its event: it is sealed to each organiser device with
`sealed.seal_detail`, as 8 fixed bytes, so the sealed boxes are the same length whatever
the amount (a member can see their length, and a shorter encoding of small numbers would
tell them roughly how much)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from haven.core.spaces import events as ev
from haven.core.spaces.fundraisers import money
from haven.errors import InvalidInput

PLEDGE_DOMAIN = b"haven/pledge/v1"
RECEIVED_DOMAIN = b"haven/pledge-received/v1"
AMOUNT_BYTES = 8
MAX_TITLE = 200
MAX_TEXT = 4_000
MAX_UPDATE = 4_000
#: A tally covers at most this many pledges (one per member; spaces are far smaller).
MAX_COVERS = 5_000
KINDS = ("petition", "letter", "show-up", "other")


def clean_date(value: object, what: str) -> str:
    """'' or a calendar date, YYYY-MM-DD (a day, not an instant: no zone to get wrong)."""
    if value in ("", None):
        return ""
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidInput(f"{what} is a date like 2027-03-31")
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InvalidInput(f"{what} is a date like 2027-03-31") from None


@dataclass(frozen=True)
class FundraiserContent:
    title: str
    purpose: str
    give: str
    goal: int
    currency: str
    deadline: str

    def to_content(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "for": self.purpose,
            "give": self.give,
            "goal": self.goal,
            "currency": self.currency,
            "deadline": self.deadline,
        }


def clean_fundraiser(
    title: object, purpose: object, give: object, goal: object, currency: object, deadline: object
) -> FundraiserContent:
    if not money.valid_amount(goal):
        raise InvalidInput("a goal is a whole number of minor units above 0, within the cap")
    assert isinstance(goal, int)
    return FundraiserContent(
        ev.clean_text(title, MAX_TITLE, "a title", required=True),
        ev.clean_text(purpose, MAX_TEXT, "what it is for", multiline=True, required=True),
        ev.clean_text(give, MAX_TEXT, "where to give", multiline=True, required=True),
        goal,
        money.clean_currency(currency),
        clean_date(deadline, "a deadline"),
    )


def parse_fundraiser(content: dict[str, Any]) -> FundraiserContent | None:
    try:
        return clean_fundraiser(
            content.get("title"),
            content.get("for"),
            content.get("give"),
            content.get("goal"),
            content.get("currency"),
            content.get("deadline", ""),
        )
    except InvalidInput:
        return None


def clean_update(text: object) -> str:
    return ev.clean_text(text, MAX_UPDATE, "an update", multiline=True, required=True)


def amount_bytes(amount: int) -> bytes:
    return amount.to_bytes(AMOUNT_BYTES, "big")


def amount_of(untrusted: object) -> int | None:
    """The amount in a pledge's opened detail, if well formed and within bounds (0 is a
    withdrawn pledge)."""
    if not (isinstance(untrusted, bytes) and len(untrusted) == AMOUNT_BYTES):
        return None
    amount = int.from_bytes(untrusted, "big")
    return amount if money.valid_amount(amount, zero=True) else None


@dataclass(frozen=True)
class Tally:
    total: int
    received: int
    supporters: int
    covers: tuple[bytes, ...]


def parse_tally(content: dict[str, Any]) -> Tally | None:
    """A tally whose numbers are possible at all: 0 ≤ received ≤ total ≤ covers × the cap,
    supporters ≤ covers, distinct 32-byte pledge ids. (Whether it covers exactly the current
    pledges is checked against the log, in rules.py.)"""
    total, received = content.get("total"), content.get("received")
    supporters, covers = content.get("supporters"), content.get("covers")
    if not (
        isinstance(covers, list)
        and len(covers) <= MAX_COVERS
        and all(isinstance(c, bytes) and len(c) == 32 for c in covers)
        and len(set(covers)) == len(covers)
        and type(total) is int
        and type(received) is int
        and type(supporters) is int
        and 0 <= received <= total <= min(len(covers) * money.MAX_AMOUNT, money.MAX_TOTAL)
        and 0 <= supporters <= len(covers)
    ):
        return None
    return Tally(total, received, supporters, tuple(covers))


@dataclass(frozen=True)
class CampaignContent:
    title: str
    kind: str
    action: str
    place: str
    date: str

    def to_content(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "action": self.action,
            "where": self.place,
            "date": self.date,
        }


def clean_campaign(
    title: object, kind: object, action: object, place: object, date: object
) -> CampaignContent:
    if kind not in KINDS:
        raise InvalidInput("a campaign's kind is one of: " + ", ".join(KINDS))
    assert isinstance(kind, str)
    return CampaignContent(
        ev.clean_text(title, MAX_TITLE, "a title", required=True),
        kind,
        ev.clean_text(action, MAX_TEXT, "the action", multiline=True, required=True),
        ev.clean_text(place, MAX_TEXT, "where to act", multiline=True),
        clean_date(date, "a date"),
    )


def parse_campaign(content: dict[str, Any]) -> CampaignContent | None:
    try:
        return clean_campaign(
            content.get("title"),
            content.get("kind"),
            content.get("action"),
            content.get("where", ""),
            content.get("date", ""),
        )
    except InvalidInput:
        return None
