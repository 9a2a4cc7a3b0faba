"""Relay-route invite codes: the relay that holds the invite's mailbox and a 256-bit secret,
nothing else — no address of any member, no expiry (the signed offer says it), no commitment
of its own (docs/PROTOCOL.md, "Invites through a relay").

    hvr2.<relay>.<56 letters>        e.g. hvr2.relay.example.org.k3v9…  (79 characters)

`<relay>` is the relay's canonical URL (relay_urls.py) written short: `relay.example.org`
for `wss://relay.example.org/`, the whole URL otherwise (`ws://127.0.0.1:7000`, or one with
a port or a path: `wss://relay.example.org:8443/v1`; read in lower case, so a relay whose
path has capitals cannot be named). The letters are lower-case base32 of
`secret[32] || check[3]`, `check = BLAKE2b-256(url || secret, person="haven-invite-chk")`:
35 bytes fill 56 letters exactly, so there are no unused bits where a typo could hide, and a
typo anywhere (letters or relay) is caught except with probability 2⁻²⁴. The secret is
itself the commitment to the invite's host keys (invite_keys.code_secret), so another holder
of the code cannot pose as the host. Every character is in the QR alphanumeric set once
upper-cased (`qr_text`), so the code fits a version 4 QR code at the lowest density.
"""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from haven.core.relay_urls import check_relay_url
from haven.core.spaces.invites.code import CodeError
from haven.crypto.hashing import blake2b_256
from haven.errors import InvalidInput

RELAY_PREFIX = "hvr2"
SECRET_BYTES = 32
CHECK_BYTES = 3
LETTERS = (SECRET_BYTES + CHECK_BYTES) * 8 // 5  # 56


def is_relay_code(text: str) -> bool:
    return "".join(text.split()).lower().startswith(RELAY_PREFIX + ".")


def _check(url: str, secret: bytes) -> bytes:
    return blake2b_256(url.encode("ascii") + secret, person=b"haven-invite-chk")[:CHECK_BYTES]


def expand_relay(untrusted: str) -> str:
    """A relay as a person or a code names it — `relay.example.org` for
    `wss://relay.example.org/`, or a whole URL — as its canonical URL (InvalidInput if it
    cannot be one)."""
    return check_relay_url(untrusted if "://" in untrusted else f"wss://{untrusted}/")


def short_relay(url: str) -> str:
    """The shortest way to name a relay that `expand_relay` reads back."""
    return _short_relay(url)


def _short_relay(url: str) -> str:
    """wss://HOST/ → HOST; any other canonical URL without its bare trailing slash."""
    parts = urlsplit(url)
    if parts.path == "/" and parts.scheme == "wss" and parts.port is None:
        return parts.netloc
    return url[:-1] if parts.path == "/" else url


@dataclass(frozen=True, repr=False)
class RelayInviteCode:
    relay_url: str
    secret: bytes

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise InvalidInput("an invite secret is 32 bytes")
        if check_relay_url(self.relay_url) != self.relay_url:
            raise InvalidInput("a relay invite names a relay by its canonical address")
        if self.relay_url != self.relay_url.lower():  # codes are read in any case
            raise InvalidInput("a relay invite needs a relay address in lower case")

    def __repr__(self) -> str:  # the secret never appears in a repr, log line or traceback
        return f"RelayInviteCode({self.relay_url})"

    def encode_compact(self) -> str:
        letters = base64.b32encode(self.secret + _check(self.relay_url, self.secret))
        return f"{RELAY_PREFIX}.{_short_relay(self.relay_url)}.{letters.decode().lower()}"

    def qr_text(self) -> str:
        """The same code in upper case: QR alphanumeric mode, the least dense."""
        return self.encode_compact().upper()

    @classmethod
    def decode(cls, untrusted: str) -> RelayInviteCode:
        """Raises CodeError with a one-line reason a person can act on."""
        text = "".join(untrusted.split())
        if not is_relay_code(text):
            raise CodeError("that is not a relay invite code")
        relay, _, letters = text[len(RELAY_PREFIX) + 1 :].lower().rpartition(".")
        if len(letters) != LETTERS or not relay:
            raise CodeError("the invite code is incomplete; check it and retry")
        try:
            raw = base64.b32decode(letters.upper())
        except ValueError:
            raise CodeError(
                "the invite code is mistyped (it has letters a code never has)"
            ) from None
        try:
            url = expand_relay(relay)
        except InvalidInput:
            raise CodeError("the invite code names a relay address Haven cannot use") from None
        secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
        if not hmac.compare_digest(_check(url, secret), check):
            raise CodeError("the invite code is mistyped or incomplete; check it and retry")
        return cls(url, secret)
