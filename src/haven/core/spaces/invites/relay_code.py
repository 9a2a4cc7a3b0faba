"""Relay-route invite codes: the relay that holds the invite's mailbox, an expiry and a
256-bit secret, and no address of any member (docs/PROTOCOL.md, "Invites through a relay").

Compact form only: `hvr1-` and base32 of the payload and a 4-byte check, in groups of five,
for pasting, messaging and QR codes. Payload (version 2): version u8 | expires u32 (Unix
seconds) | url length u8 | relay URL (ASCII, canonical) | secret[32] | host[16], where `host`
commits to the inviting device's keys (relay_wire.host_commitment), so that another holder
of the code cannot pose as the host.
"""

from __future__ import annotations

import struct
import time
from dataclasses import dataclass

from haven.core.relay_urls import check_relay_url
from haven.core.spaces.invites.code import CodeError, compact_text, decode_compact
from haven.errors import InvalidInput

RELAY_PREFIX = "hvr1"
RELAY_CODE_VERSION = 2
SECRET_BYTES = 32
COMMIT_BYTES = 16
_HEAD = struct.Struct(">BIB")


def is_relay_code(text: str) -> bool:
    return "".join(text.split()).lower().replace("-", "").startswith(RELAY_PREFIX)


@dataclass(frozen=True, repr=False)
class RelayInviteCode:
    relay_url: str
    secret: bytes
    expires_s: int
    host_commit: bytes

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES or len(self.host_commit) != COMMIT_BYTES:
            raise InvalidInput("an invite secret is 32 bytes and its host commitment 16")
        if not 0 <= self.expires_s < 2**32:
            raise InvalidInput("an expiry time is out of range")
        if len(self.relay_url.encode("ascii")) > 255:
            raise InvalidInput("that relay address is too long for an invite code")

    def __repr__(self) -> str:  # the secret never appears in a repr, log line or traceback
        return f"RelayInviteCode({self.relay_url}, expires {self.expires_s})"

    def payload(self) -> bytes:
        url = self.relay_url.encode("ascii")
        head = _HEAD.pack(RELAY_CODE_VERSION, self.expires_s, len(url))
        return head + url + self.secret + self.host_commit

    def encode_compact(self) -> str:
        return compact_text(RELAY_PREFIX, self.payload())

    def expired(self, now_s: float | None = None) -> bool:
        return (time.time() if now_s is None else now_s) >= self.expires_s

    @classmethod
    def decode(
        cls, untrusted: str, now_s: float | None = None, *, allow_expired: bool = False
    ) -> RelayInviteCode:
        """Raises CodeError with a one-line reason a person can act on."""
        squashed = "".join(untrusted.split()).lower().replace("-", "")
        if not squashed.startswith(RELAY_PREFIX):
            raise CodeError("that is not a relay invite code")
        data = decode_compact(squashed[len(RELAY_PREFIX) :])
        if compact_text(RELAY_PREFIX, data).replace("-", "") != squashed:
            # the last letter's unused bits: a typo there would otherwise go unnoticed
            raise CodeError("the invite code is mistyped or incomplete; check it and retry")
        if len(data) < _HEAD.size:
            raise CodeError("the invite code is incomplete")
        version, expires, url_len = _HEAD.unpack_from(data)
        if version != RELAY_CODE_VERSION:
            raise CodeError("the invite code comes from an incompatible Haven version")
        if len(data) != _HEAD.size + url_len + SECRET_BYTES + COMMIT_BYTES:
            raise CodeError("the invite code is malformed")
        try:
            url = check_relay_url(data[_HEAD.size : _HEAD.size + url_len].decode("ascii"))
        except (UnicodeDecodeError, InvalidInput):
            raise CodeError("the invite code names a relay address Haven cannot use") from None
        keys = data[_HEAD.size + url_len :]
        code = cls(url, keys[:SECRET_BYTES], expires, keys[SECRET_BYTES:])
        if not allow_expired and code.expired(now_s):
            raise CodeError("the invite code has expired; ask for a new one")
        return code
