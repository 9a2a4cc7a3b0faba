"""Relay-route invite codes: the relay that holds the invite's mailbox and the invite's secret
(or what it is made from), nothing else — no address of any member, no expiry (the signed
offer says it), no commitment of its own (docs/PROTOCOL.md, "Invites through a relay").

    hvr2.<relay>.<56 letters>        e.g. hvr2.relay.example.org.k3v9…  (79 characters)
    hvr3.<relay>.<40 letters>        made for a while by earlier versions: still read

`<relay>` is the relay's canonical URL (relay_urls.py) written short: `relay.example.org`
for `wss://relay.example.org/`, the whole URL otherwise (`ws://127.0.0.1:7000`, or one with
a port or a path: `wss://relay.example.org:8443/v1`; read in lower case, so a relay whose
path has capitals cannot be named). `hvr2.` letters are lower-case base32 of
`secret[32] || check[3]`: the secret is the whole 256-bit commitment to the invite's host
keys (invite_keys.code_secret) and `check = BLAKE2b-256(url || secret,
person="haven-invite-chk")[:3]`. Every new invite gets one: 62 characters plus the relay's
name, so within 80 for a name of up to 18 characters; base32 is the densest alphabet that is
case-free, typeable and in the QR alphanumeric set, and 256 bits need 52 of its letters, the
other 4 carry the check. `hvr3.` letters are base32 of `prefix[22] || check[3]`, the first
176 bits of the commitment, the secret `BLAKE2b-256(prefix, person="haven-inv-code3")` and
`check = BLAKE2b-256(url || prefix, person="haven-invite-ch3")[:3]`: shorter, but short of
the 256 bits the design asks for, so no invite is made with one any more; codes already
handed out are read for the rest of their invite's life (at most 30 days).
Both fill their letters exactly (35 and 25 bytes), so there are no unused bits where a typo
could hide, and a typo anywhere (letters or relay) is caught except with probability 2⁻²⁴.
Either way the secret commits to the invite's host keys, so another holder of the code cannot
pose as the host. Every character is in the QR alphanumeric set once upper-cased
(`qr_text`), so the code fits a version 4 QR code at the lowest density.
"""

from __future__ import annotations

import base64
import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from haven.core.relay_urls import check_relay_url
from haven.core.spaces.invite_keys import CODE_PREFIX_BYTES, secret_of_prefix
from haven.core.spaces.invites.code import CodeError
from haven.crypto.hashing import blake2b_256
from haven.errors import InvalidInput

#: What every new invite's code starts with: the whole 256-bit secret.
RELAY_PREFIX = "hvr2"
#: Codes carrying 176 bits, made by earlier releases: read, never made.
PREFIX_176 = "hvr3"
SECRET_BYTES = 32
CHECK_BYTES = 3
LETTERS = (SECRET_BYTES + CHECK_BYTES) * 8 // 5  # 56
LETTERS_176 = (CODE_PREFIX_BYTES + CHECK_BYTES) * 8 // 5  # 40
_CHECK_PERSON = {RELAY_PREFIX: b"haven-invite-chk", PREFIX_176: b"haven-invite-ch3"}


def is_relay_code(text: str) -> bool:
    return "".join(text.split()).lower().startswith((RELAY_PREFIX + ".", PREFIX_176 + "."))


def _check(url: str, carried: bytes, version: str = RELAY_PREFIX) -> bytes:
    person = _CHECK_PERSON[version]
    return blake2b_256(url.encode("ascii") + carried, person=person)[:CHECK_BYTES]


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
    #: What an older `hvr3.` code carries (the secret is made from it); None for `hvr2.`.
    prefix: bytes | None = None

    @classmethod
    def from_prefix(cls, relay_url: str, prefix: bytes) -> RelayInviteCode:
        return cls(relay_url, secret_of_prefix(prefix), prefix)

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise InvalidInput("an invite secret is 32 bytes")
        if self.prefix is not None and (
            len(self.prefix) != CODE_PREFIX_BYTES or secret_of_prefix(self.prefix) != self.secret
        ):
            raise InvalidInput("an invite code's secret is made from what it carries")
        if check_relay_url(self.relay_url) != self.relay_url:
            raise InvalidInput("a relay invite names a relay by its canonical address")
        if self.relay_url != self.relay_url.lower():  # codes are read in any case
            raise InvalidInput("a relay invite needs a relay address in lower case")

    def __repr__(self) -> str:  # the secret never appears in a repr, log line or traceback
        return f"RelayInviteCode({self.relay_url})"

    def encode_compact(self) -> str:
        version, carried = (
            (RELAY_PREFIX, self.secret) if self.prefix is None else (PREFIX_176, self.prefix)
        )
        letters = base64.b32encode(carried + _check(self.relay_url, carried, version))
        return f"{version}.{_short_relay(self.relay_url)}.{letters.decode().lower()}"

    def qr_text(self) -> str:
        """The same code in upper case: QR alphanumeric mode, the least dense."""
        return self.encode_compact().upper()

    @classmethod
    def decode(cls, untrusted: str) -> RelayInviteCode:
        """Raises CodeError with a one-line reason a person can act on."""
        text = "".join(untrusted.split())
        if not is_relay_code(text):
            raise CodeError("that is not a relay invite code")
        version = text[: len(RELAY_PREFIX)].lower()
        relay, _, letters = text[len(RELAY_PREFIX) + 1 :].lower().rpartition(".")
        expected = LETTERS if version == RELAY_PREFIX else LETTERS_176
        if len(letters) != expected or not relay:
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
        carried, check = raw[:-CHECK_BYTES], raw[-CHECK_BYTES:]
        if not hmac.compare_digest(_check(url, carried, version), check):
            raise CodeError("the invite code is mistyped or incomplete; check it and retry")
        if version == PREFIX_176:
            return cls.from_prefix(url, carried)
        return cls(url, carried)
