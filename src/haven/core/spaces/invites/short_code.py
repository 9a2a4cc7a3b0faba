"""Short spoken invite codes ("7-purple-sausages", magic-wormhole style) for two people who
are online at the same time (docs/PROTOCOL.md, "Short codes").

The short code does not replace the relay-route code: it carries it. Both sides run SPAKE2
(the `spake2` package, as magic-wormhole does) with the short code as the password, through a
relay mailbox named by the code's number and the day; with the key they agree on, the host
sends the full `hvr2.` code and the guest confirms. An eavesdropper, the relay, or someone
who guesses wrong learns nothing that lets them test guesses offline: each run allows one
online guess (the host stops after the first answer, right or wrong).

Sans-IO: `ShortCode` parses and formats; `PakeSide` turns the other side's blobs into its own.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass

from spake2 import SPAKE2_A, SPAKE2_B
from spake2.spake2 import SPAKEError

from haven.core.envelope import packb, unpackb
from haven.core.wordlist import WORDS
from haven.crypto import aead
from haven.crypto.errors import CryptoError
from haven.crypto.subkeys import derive_subkey
from haven.errors import InvalidInput

MAX_NAMEPLATE = 999
WORD_COUNT = 2
LABEL = "haven/invite-pake/v1"
_ID = LABEL.encode()
_WORD_INDEX = {w: i for i, w in enumerate(WORDS)}
_SHAPE = re.compile(r"^\s*(\d{1,3})((?:[\s-]+[a-z]+){" + str(WORD_COUNT) + r"})\s*$")


class ShortCodeError(InvalidInput):
    """A short code that is mistyped, or that did not match the other side's."""


def looks_short(text: str) -> bool:
    return _SHAPE.match(text.lower()) is not None


@dataclass(frozen=True, repr=False)
class ShortCode:
    nameplate: int
    words: tuple[str, ...]

    @classmethod
    def new(cls) -> ShortCode:
        number = 1 + secrets.randbelow(MAX_NAMEPLATE)
        return cls(number, tuple(secrets.choice(WORDS) for _ in range(WORD_COUNT)))

    @classmethod
    def parse(cls, untrusted: str) -> ShortCode:
        match = _SHAPE.match(untrusted.lower())
        if match is None:
            raise ShortCodeError(
                f"a short code is a number and {WORD_COUNT} words, like 7-purple-sausages"
            )
        words = tuple(w for w in re.split(r"[\s-]+", match.group(2)) if w)
        unknown = [w for w in words if w not in _WORD_INDEX]
        if unknown:
            raise ShortCodeError(f"{unknown[0][:20]!r} is not a word Haven's codes use")
        number = int(match.group(1))
        if not 1 <= number <= MAX_NAMEPLATE:
            raise ShortCodeError(f"a short code starts with a number from 1 to {MAX_NAMEPLATE}")
        return cls(number, words)

    @property
    def text(self) -> str:
        return "-".join([str(self.nameplate), *self.words])

    def __repr__(self) -> str:  # the words are the secret
        return f"ShortCode({self.nameplate}-…)"


#: What a short code hands over, and the SPAKE2 identities of its two sides for each: a
#: code made to link a device meets and matches only a device asking to be linked.
PURPOSES = {
    "invite": (b"haven-host", b"haven-guest"),
    "link": (b"haven-link-host", b"haven-link-guest"),
}


def nameplate_key(relay_url: str, nameplate: int, day: int, purpose: str = "invite") -> bytes:
    """The mailbox both sides meet in: anyone can derive it (it is public by design)."""
    tail = "" if purpose == "invite" else f"|{purpose}"
    data = f"{relay_url}|{nameplate}|{day}{tail}".encode()
    return hashlib.blake2b(data, digest_size=32, person=b"haven-nameplate1").digest()


class PakeSide:
    """One side of the exchange. Blobs: [LABEL, "host" | "guest", side, SPAKE2 message], then
    [LABEL, "payload", side, AEAD(code text)] from the host and [LABEL, "confirm", side,
    AEAD("ok")] from the guest, their keys from the SPAKE2 key with crypto_kdf. `side` is a
    random id per run, so a side never mistakes its own blob (or an old run's) for the peer's.
    """

    def __init__(self, code: ShortCode, host: bool, purpose: str = "invite") -> None:
        self.host = host
        self.side = os.urandom(16)
        spake = SPAKE2_A if host else SPAKE2_B
        id_a, id_b = PURPOSES[purpose]
        self._spake = spake(code.text.encode(), idA=id_a, idB=id_b)
        self._outbound = self._spake.start()
        self._key: bytes | None = None
        self.peer: bytes | None = None

    def first_blob(self) -> bytes:
        return packb([LABEL, "host" if self.host else "guest", self.side, self._outbound])

    def _messages(self, untrusted_blobs: list[bytes], kind: str) -> list[tuple[bytes, bytes]]:
        out = []
        for blob in untrusted_blobs:
            try:
                fields = unpackb(blob)
            except (ValueError, TypeError):
                continue
            if (
                isinstance(fields, list)
                and len(fields) == 4
                and fields[0] == LABEL
                and fields[1] == kind
                and isinstance(fields[2], bytes)
                and isinstance(fields[3], bytes)
                and fields[2] != self.side
            ):
                out.append((fields[2], fields[3]))
        return out

    def take_peer(self, untrusted_blobs: list[bytes]) -> bool:
        """Finish SPAKE2 with the other role's first message: one attempt only. The guest
        takes the last host message (the one waiting now, not an earlier run's)."""
        if self._key is not None:
            return True
        found = self._messages(untrusted_blobs, "guest" if self.host else "host")
        if not found:
            return False
        self.peer, message = found[0] if self.host else found[-1]
        try:
            self._key = self._spake.finish(message)
        except (SPAKEError, ValueError):
            self._key = os.urandom(32)  # a malformed message: nothing will open
        return True

    def already_tried(self, untrusted_blobs: list[bytes]) -> bool:
        """Guest: someone answered this host already (it takes only the first answer)."""
        return bool(self._messages(untrusted_blobs, "guest"))

    def _sealed(self, label: str) -> bytes:
        assert self._key is not None
        return derive_subkey(self._key[:32], label.encode())

    def payload_blob(self, relay_code_text: str) -> bytes:
        sealed = aead.encrypt(self._sealed("hvpkpayl"), relay_code_text.encode(), _ID)
        return packb([LABEL, "payload", self.side, sealed])

    def open_payload_ready(self, untrusted_blobs: list[bytes]) -> bool:
        return any(s == self.peer for s, _ in self._messages(untrusted_blobs, "payload"))

    def open_payload(self, untrusted_blobs: list[bytes]) -> str | None:
        """The host's payload (the relay code text); ShortCodeError if it does not open."""
        found = [m for s, m in self._messages(untrusted_blobs, "payload") if s == self.peer]
        if not found:
            return None
        try:
            return aead.decrypt(self._sealed("hvpkpayl"), found[0], _ID).decode("ascii")
        except (CryptoError, UnicodeDecodeError):
            raise ShortCodeError("the code did not match; ask for a new one") from None

    def confirm_blob(self) -> bytes:
        sealed = aead.encrypt(self._sealed("hvpkconf"), b"ok", _ID)
        return packb([LABEL, "confirm", self.side, sealed])

    def confirmed(self, untrusted_blobs: list[bytes]) -> bool | None:
        """Host: True if the guest opened the payload, False if its confirmation is wrong
        (a wrong code), None if it has not answered yet."""
        found = [m for s, m in self._messages(untrusted_blobs, "confirm") if s == self.peer]
        if not found:
            return None
        try:
            return aead.decrypt(self._sealed("hvpkconf"), found[0], _ID) == b"ok"
        except CryptoError:
            return False
