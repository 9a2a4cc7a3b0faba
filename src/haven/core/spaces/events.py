"""Event types of a group space and the validation of their content.

Content comes from peers, so every reader here is defensive: a malformed event parses to
None and has no effect (docs/PROTOCOL.md, "Group spaces"). The same validators check what
this device writes, raising InvalidInput with a clear message instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from haven.core.envelope import DEVICE_ID_BYTES
from haven.core.identity import validate_name, validate_pronouns
from haven.core.spaces.model import REACTIONS, Profile, Role
from haven.errors import InvalidInput

PREFIX = "space."
GENESIS = "space.genesis"
INFO = "space.info"
ADD = "space.member.add"
ROLE = "space.member.role"
REMOVE = "space.member.remove"
LEAVE = "space.member.leave"
PROFILE = "space.member.profile"
DEVICES = "space.member.devices"
TRANSFER = "space.owner.transfer"
ROTATE = "space.epoch.rotate"
SHARE = "space.epoch.share"
POST = "space.post"
EDIT = "space.post.edit"
DELETE = "space.post.delete"
PIN = "space.post.pin"
MODERATE = "space.post.moderate"
REACT = "space.reaction"
REPORT = "space.report"
RELAYS = "space.relays"  # rule in core/relays.py
#: Relay invites shared by the space's admin devices (rules/invites.py).
INVITE = "space.invite"
INVITE_REVOKE = "space.invite.revoke"
INVITE_ANSWER = "space.invite.answer"
#: Attachments (rules/attachments.py): a chunk of a post's attachment, and the space's
#: settings admins choose (the attachment size limit).
CHUNK = "space.attachment.chunk"
SETTINGS = "space.settings"
#: Community events ("gatherings": this module already names the log's events), in
#: core/spaces/gatherings/ and rules/gatherings.py.
GATHERING = "space.gathering"
GATHERING_EDIT = "space.gathering.edit"
GATHERING_CANCEL = "space.gathering.cancel"
GATHERING_RSVP = "space.gathering.rsvp"
GATHERING_APPROVE = "space.gathering.approve"
GATHERING_PLACE = "space.gathering.place"
#: Fundraisers and campaigns (core/spaces/fundraisers/): a fundraiser, its organisers'
#: updates, tallies and received marks, members' pledges; a campaign, "I did this", updates.
FUNDRAISER = "space.fundraiser"
FUNDRAISER_UPDATE = "space.fundraiser.update"
PLEDGE = "space.fundraiser.pledge"
RECEIVED = "space.fundraiser.received"
TALLY = "space.fundraiser.tally"
CAMPAIGN = "space.campaign"
CAMPAIGN_DONE = "space.campaign.done"
CAMPAIGN_UPDATE = "space.campaign.update"
#: An organiser ends a fundraiser or campaign: no more pledges or "I did this" (§5.10).
FUNDRAISER_CLOSE = "space.fundraiser.close"
CAMPAIGN_CLOSE = "space.campaign.close"
#: Device keys (core/spaces/device_keys.py): a member's certificate for one of its devices'
#: signing keys, and its revocation of one of its devices.
DEVICE_CERT = "space.device.cert"
DEVICE_REVOKE = "space.device.revoke"
#: Direct messages (core/spaces/dm/): an offer of a two-person space, sealed to the partner's
#: devices in the space both share; a block inside that two-person space.
DM_OFFER = "space.dm.offer"
DM_BLOCK = "space.dm.block"
#: Channels (core/spaces/channels/): admins create, rename and archive them; a message in a
#: channel is a POST whose `parent` is the channel's create event (rules/channels.py).
CHANNEL_CREATE = "space.channel.create"
CHANNEL_RENAME = "space.channel.rename"
CHANNEL_ARCHIVE = "space.channel.archive"

KNOWN_TYPES = frozenset(
    {
        GENESIS,
        INFO,
        ADD,
        ROLE,
        REMOVE,
        LEAVE,
        PROFILE,
        DEVICES,
        TRANSFER,
        ROTATE,
        SHARE,
        POST,
        EDIT,
        DELETE,
        PIN,
        MODERATE,
        REACT,
        REPORT,
        RELAYS,
        INVITE,
        INVITE_REVOKE,
        INVITE_ANSWER,
        CHUNK,
        SETTINGS,
        GATHERING,
        GATHERING_EDIT,
        GATHERING_CANCEL,
        GATHERING_RSVP,
        GATHERING_APPROVE,
        GATHERING_PLACE,
        FUNDRAISER,
        FUNDRAISER_UPDATE,
        PLEDGE,
        RECEIVED,
        TALLY,
        CAMPAIGN,
        CAMPAIGN_DONE,
        CAMPAIGN_UPDATE,
        FUNDRAISER_CLOSE,
        CAMPAIGN_CLOSE,
        DEVICE_CERT,
        DEVICE_REVOKE,
        DM_OFFER,
        DM_BLOCK,
        CHANNEL_CREATE,
        CHANNEL_RENAME,
        CHANNEL_ARCHIVE,
    }
)

MAX_SPACE_NAME = 80
MAX_DESCRIPTION = 2_000
MAX_GUIDELINES = 10_000
MAX_TOPICS = 8
MAX_TOPIC_CHARS = 40
MAX_TITLE = 200
MAX_BODY = 40_000
MAX_CW = 200
MAX_REASON = 1_000
MAX_DEVICES = 16
MAX_SEALED = 1_000
#: Device chains a removal's cut names at most (a member has at most MAX_DEVICES devices at a
#: time; old and dropped devices' chains fill the rest, the longest first).
MAX_CUT = 2 * MAX_DEVICES
KEY_BYTES = 32
_COLOUR_CHARS = frozenset("0123456789abcdef")


def clean_text(
    value: object, limit: int, what: str, *, multiline: bool = False, required: bool = False
) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text")
    text = value.strip() if multiline else " ".join(value.split())
    if required and not text:
        raise InvalidInput(f"{what} cannot be empty")
    if len(text) > limit:
        raise InvalidInput(f"{what} has at most {limit} characters")
    return text


def clean_topics(topics: Iterable[object]) -> tuple[str, ...]:
    if isinstance(topics, str | bytes | dict):
        raise InvalidInput("topics are a list")
    out: list[str] = []
    for raw in topics:
        topic = clean_text(raw, MAX_TOPIC_CHARS, "a topic").casefold()
        if topic and topic not in out:
            out.append(topic)
    if len(out) > MAX_TOPICS:
        raise InvalidInput(f"a space has at most {MAX_TOPICS} topics")
    return tuple(out)


def clean_colour(value: object) -> str:
    if value in ("", None):
        return ""
    if not (
        isinstance(value, str)
        and len(value) == 7
        and value[0] == "#"
        and set(value[1:].lower()) <= _COLOUR_CHARS
    ):
        raise InvalidInput("a colour is written #rrggbb")
    return value.lower()


def clean_profile(value: object) -> Profile:
    if not isinstance(value, dict):
        raise InvalidInput("a profile must be a map")
    name, pronouns = value.get("name", ""), value.get("pronouns", "")
    if not isinstance(name, str) or not isinstance(pronouns, str):
        raise InvalidInput("a name and pronouns are text")
    return Profile(
        validate_name(name), validate_pronouns(pronouns), clean_colour(value.get("colour", ""))
    )


def profile_content(profile: Profile) -> dict[str, str]:
    return {"name": profile.display_name, "pronouns": profile.pronouns, "colour": profile.colour}


def clean_devices(value: object) -> tuple[tuple[bytes, bytes], ...]:
    """[[device_id(16 B), box_pk(32 B)], ...], at least one."""
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_DEVICES:
        raise InvalidInput("a member lists 1 to 16 devices")
    out = []
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], bytes)
            and len(item[0]) == DEVICE_ID_BYTES
            and isinstance(item[1], bytes)
            and len(item[1]) == KEY_BYTES
        ):
            raise InvalidInput("malformed device entry")
        out.append((item[0], item[1]))
    return tuple(out)


def clean_pk(value: object) -> bytes:
    if not (isinstance(value, bytes) and len(value) == KEY_BYTES):
        raise InvalidInput("malformed member key")
    return value


def clean_role(value: object) -> Role:
    try:
        role = Role(str(value)) if isinstance(value, str) else Role("")
    except ValueError:
        raise InvalidInput("a role is one of: admin, moderator, member") from None
    if role is Role.OWNER:
        raise InvalidInput("ownership is transferred, not assigned as a role")
    return role


def clean_reaction(value: object) -> str:
    if value not in REACTIONS:
        raise InvalidInput("a reaction is one of: " + ", ".join(REACTIONS))
    return str(value)


def clean_sealed(value: object) -> tuple[tuple[bytes, bytes], ...]:
    """[[recipient box_pk, sealed box], ...]"""
    if not isinstance(value, list) or len(value) > MAX_SEALED:
        raise InvalidInput("malformed sealed key list")
    out = []
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], bytes)
            and len(item[0]) == KEY_BYTES
            and isinstance(item[1], bytes)
        ):
            raise InvalidInput("malformed sealed key entry")
        out.append((item[0], item[1]))
    return tuple(out)


def clean_commitment(value: object) -> bytes | None:
    """A rotation's (or the genesis's) commitment to its epoch key; None when absent (a
    space made before commitments existed)."""
    if value is None:
        return None
    if not isinstance(value, bytes) or len(value) != KEY_BYTES:
        raise InvalidInput("malformed key commitment")
    return value


@dataclass(frozen=True)
class CutEntry:
    """The last event of one device chain of a removed member that the remover held."""

    device: bytes
    seq: int
    event_id: bytes


def clean_cut(value: object, empty_chains: bool = False) -> tuple[CutEntry, ...] | None:
    """A removal's (or leave's) cut: [[device, seq, event id], ...], one entry per device
    chain, at most MAX_CUT. None when absent (written before cuts existed). A device drop's
    cut may name a chain its author holds nothing of (`empty_chains`: seq 0)."""
    low = 0 if empty_chains else 1
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > MAX_CUT:
        raise InvalidInput("malformed removal cut")
    out: dict[bytes, CutEntry] = {}
    for item in value:
        if not (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], bytes)
            and len(item[0]) == DEVICE_ID_BYTES
            and type(item[1]) is int
            and low <= item[1] < 2**63
            and isinstance(item[2], bytes)
            and len(item[2]) == KEY_BYTES
            and item[0] not in out
        ):
            raise InvalidInput("malformed removal cut entry")
        out[item[0]] = CutEntry(item[0], item[1], item[2])
    return tuple(out.values())


def cut_content(entries: Iterable[CutEntry]) -> list[list[Any]]:
    return [[c.device, c.seq, c.event_id] for c in entries]


def clean_epoch(value: object) -> int:
    if type(value) is not int or not 0 < value < 2**63:
        raise InvalidInput("malformed epoch")
    return value


@dataclass(frozen=True)
class PostContent:
    title: str
    body: str
    cw: str
    parent: bytes | None


def post_content(title: object, body: object, cw: object, parent: object = None) -> PostContent:
    checked = PostContent(
        clean_text(title, MAX_TITLE, "a title"),
        clean_text(body, MAX_BODY, "a post", multiline=True, required=True),
        clean_text(cw, MAX_CW, "a content warning"),
        None,
    )
    if parent is None:
        return checked
    if not (isinstance(parent, bytes) and len(parent) == 32):
        raise InvalidInput("malformed reply target")
    return PostContent(checked.title, checked.body, checked.cw, parent)


def post_to_content(post: PostContent) -> dict[str, Any]:
    out: dict[str, Any] = {"title": post.title, "body": post.body, "cw": post.cw}
    if post.parent is not None:
        out["parent"] = post.parent
    return out


def parse_post(content: dict[str, Any]) -> PostContent | None:
    try:
        return post_content(
            content.get("title", ""),
            content.get("body"),
            content.get("cw", ""),
            content.get("parent"),
        )
    except InvalidInput:
        return None


def target_of(content: dict[str, Any]) -> bytes | None:
    target = content.get("target")
    return target if isinstance(target, bytes) and len(target) == 32 else None
