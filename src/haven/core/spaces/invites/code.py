"""Invite codes: what an admin reads aloud, pastes or shows as a QR code so that someone can
ask to join a space (docs/PROTOCOL.md, "Invites and joining").

A code carries the inviter's address (host:port of their `haven serve`), an expiry time and a
256-bit secret. The secret is the only thing that opens a channel to the inviter; the channel
is not a PAKE, so the secret must stay high-entropy and is never shortened. Two forms encode the
same bytes:

- words: one word of the fixed 256-word list (`haven.core.wordlist`) per byte, then two check
  words (BLAKE2b of the payload), so a mistyped or swapped word is detected;
- compact: `hvi1-` and base32 of the payload and a 4-byte check, for pasting and QR codes.

Payload (version 1): version u8 | expires u32 (Unix seconds) | port u16 | host | secret[32],
where host is `4` + 4 bytes (IPv4), `6` + 16 bytes (IPv6) or `0` + length u8 + ASCII name.
"""

from __future__ import annotations

import base64
import ipaddress
import re
import struct
import time
from dataclasses import dataclass

from haven.core.wordlist import WORDS
from haven.crypto.hashing import blake2b_256
from haven.errors import InvalidInput

COMPACT_PREFIX = "hvi1"
CODE_VERSION = 1
SECRET_BYTES = 32
WORD_CHECK_BYTES = 2
COMPACT_CHECK_BYTES = 4
_CHECK_PERSON = b"haven-invite-chk"
_INDEX = {w: i for i, w in enumerate(WORDS)}
_HOSTNAME = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$")


class CodeError(InvalidInput):
    """An invite code that is mistyped, malformed or expired (exit code 2)."""


def _check(payload: bytes, size: int) -> bytes:
    return blake2b_256(payload, person=_CHECK_PERSON)[:size]


def _pack_host(host: str) -> bytes:
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not _HOSTNAME.match(host):
            raise InvalidInput("give the address as HOST:PORT, e.g. 192.168.1.20:7654") from None
        name = host.encode("ascii")
        return b"\x00" + bytes([len(name)]) + name
    return (b"\x04" if ip.version == 4 else b"\x06") + ip.packed


def _unpack_host(data: bytes) -> tuple[str, bytes]:
    if not data:
        raise CodeError("the invite code is incomplete")
    kind, rest = data[0], data[1:]
    if kind == 4 and len(rest) >= 4:
        return str(ipaddress.IPv4Address(rest[:4])), rest[4:]
    if kind == 6 and len(rest) >= 16:
        return str(ipaddress.IPv6Address(rest[:16])), rest[16:]
    if kind == 0 and rest and len(rest) > rest[0]:
        try:
            name = rest[1 : 1 + rest[0]].decode("ascii")
        except UnicodeDecodeError:
            raise CodeError("the invite code is malformed") from None
        if _HOSTNAME.match(name):
            return name, rest[1 + rest[0] :]
    raise CodeError("the invite code is malformed")


@dataclass(frozen=True, repr=False)
class InviteCode:
    host: str
    port: int
    secret: bytes
    expires_s: int

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise InvalidInput("an invite secret is 32 bytes")
        if not 0 < self.port < 65536:
            raise InvalidInput("a port is a number from 1 to 65535")
        if not 0 <= self.expires_s < 2**32:
            raise InvalidInput("an expiry time is out of range")
        _pack_host(self.host)

    def __repr__(self) -> str:  # the secret never appears in a repr, log line or traceback
        return f"InviteCode({self.host}:{self.port}, expires {self.expires_s})"

    def payload(self) -> bytes:
        return (
            struct.pack(">BIH", CODE_VERSION, self.expires_s, self.port)
            + _pack_host(self.host)
            + self.secret
        )

    def encode_words(self) -> str:
        """Words separated by single spaces (the UI may wrap or group them)."""
        data = self.payload()
        return " ".join(WORDS[b] for b in data + _check(data, WORD_CHECK_BYTES))

    def encode_compact(self) -> str:
        return compact_text(COMPACT_PREFIX, self.payload())

    def expired(self, now_s: float | None = None) -> bool:
        return (time.time() if now_s is None else now_s) >= self.expires_s

    @classmethod
    def decode(
        cls, untrusted: str, now_s: float | None = None, *, allow_expired: bool = False
    ) -> InviteCode:
        """Either form. Raises CodeError with a one-line reason a person can act on."""
        text = untrusted.strip().lower()
        if not text:
            raise CodeError("the invite code is empty")
        squashed = "".join(text.split()).replace("-", "")
        if squashed.startswith(COMPACT_PREFIX):
            data = _decode_compact(squashed[len(COMPACT_PREFIX) :])
            if compact_text(COMPACT_PREFIX, data).replace("-", "") != squashed:
                # the last letter's unused bits: a typo there would otherwise go unnoticed
                raise CodeError("the invite code is mistyped or incomplete; check it and retry")
        else:
            data = _decode_words(text)
        code = _parse(data)
        if not allow_expired and code.expired(now_s):
            raise CodeError("the invite code has expired; ask for a new one")
        return code


def _decode_compact(body: str) -> bytes:
    try:
        raw = base64.b32decode(body.upper() + "=" * (-len(body) % 8))
    except ValueError:
        raise CodeError("the invite code is mistyped (it has letters a code never has)") from None
    data, check = raw[:-COMPACT_CHECK_BYTES], raw[-COMPACT_CHECK_BYTES:]
    if len(raw) <= COMPACT_CHECK_BYTES or _check(data, COMPACT_CHECK_BYTES) != check:
        raise CodeError("the invite code is mistyped or incomplete; check it and retry")
    return data


def _decode_words(text: str) -> bytes:
    words = [w for w in re.split(r"[\s,.;:-]+", text) if w]
    unknown = [w for w in words if w not in _INDEX]
    if unknown:
        raise CodeError(
            f"the invite code has a word that is not in Haven's list: "
            f"{unknown[0][:20]!r}; check its spelling"
        )
    raw = bytes(_INDEX[w] for w in words)
    data, check = raw[:-WORD_CHECK_BYTES], raw[-WORD_CHECK_BYTES:]
    if len(raw) <= WORD_CHECK_BYTES or _check(data, WORD_CHECK_BYTES) != check:
        raise CodeError(
            "the invite code is mistyped, incomplete or has words out of order; "
            "check every word and retry"
        )
    return data


def _parse(data: bytes) -> InviteCode:
    if len(data) < 7:
        raise CodeError("the invite code is incomplete")
    version, expires, port = struct.unpack(">BIH", data[:7])
    if version != CODE_VERSION:
        raise CodeError("the invite code comes from an incompatible Haven version")
    host, rest = _unpack_host(data[7:])
    if len(rest) != SECRET_BYTES or port == 0:
        raise CodeError("the invite code is malformed")
    return InviteCode(host, port, rest, expires)


def parse_duration(text: str) -> int:
    """'30m', '2h', '7d' (or plain seconds '90s') -> seconds; at most 30 days."""
    match = re.fullmatch(r"\s*(\d{1,6})\s*([smhd])\s*", text.lower())
    if not match:
        raise InvalidInput("give a duration like 30m, 2h or 7d")
    seconds = int(match.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    if not 60 <= seconds <= 30 * 86400:
        raise InvalidInput("an invite lasts from 1 minute to 30 days")
    return seconds


def parse_address(text: str) -> tuple[str, int]:
    """HOST:PORT or [IPv6]:PORT, as `haven serve` prints it."""
    host, sep, port_text = text.strip().rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not host or not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise InvalidInput("give the address as HOST:PORT, e.g. 192.168.1.20:7654")
    _pack_host(host)
    return host, int(port_text)


def compact_text(prefix: str, data: bytes) -> str:
    """`prefix-` and base32 of the payload and its check, in groups of five."""
    text = base64.b32encode(data + _check(data, COMPACT_CHECK_BYTES)).decode("ascii")
    text = text.rstrip("=").lower()
    return "-".join([prefix, *(text[i : i + 5] for i in range(0, len(text), 5))])


#: The compact form's decoding, shared with relay-route codes (relay_code.py).
decode_compact = _decode_compact
