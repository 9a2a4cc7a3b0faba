"""The invite flow of a group space: the host's and the guest's roles (see service.py)."""

from haven.core.spaces.invites.code import CodeError, InviteCode, parse_address, parse_duration
from haven.core.spaces.invites.service import InviteService
from haven.core.spaces.invites.wire import (
    Answer,
    InviteInfo,
    PublicInfo,
    RequestInfo,
    channel_secret,
    invite_id_of,
)

__all__ = [
    "Answer",
    "CodeError",
    "InviteCode",
    "InviteInfo",
    "InviteService",
    "PublicInfo",
    "RequestInfo",
    "channel_secret",
    "invite_id_of",
    "parse_address",
    "parse_duration",
]
