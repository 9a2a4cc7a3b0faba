"""Relay frames: encoding, strict decoding and the mailbox authorisation scheme (sans-IO).

Every WebSocket message is one binary frame holding a canonical msgpack map with a version
`v` and a type `t` (see docs/PROTOCOL.md, "The relay"). Decoding is strict: exactly the
fields of the type, of the right kinds, and the bytes must re-encode identically. Values
decoded from the network are `untrusted_*` until checked here.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

import msgpack

from haven.crypto import signing
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.subkeys import derive_subkey

VERSION = 1
MAILBOX_ID_BYTES = 32
CHALLENGE_BYTES = 32
CLIENT_NONCE_BYTES = 16
CLAIM_NONCE_BYTES = 16
AUTH_DOMAIN = b"haven/relay-auth/v1"
MAILBOX_ID_PERSON = b"hvrelay-mbox-id"
ERASE_TOKEN_BYTES = 32
#: Offered by clients in the WebSocket handshake; a relay that selects it takes `vf` in
#: appends and answers `erase` (older relays select nothing: a client then sends neither).
ERASE_SUBPROTOCOL = "erase.1"
#: The relay keeps H(token) beside a blob; whoever shows the token may erase that blob.
ERASE_VERIFIER_PERSON = b"hvrelay-erase-vf"
SIGNING_SEED_CONTEXT = b"hvmbxsig"
MAX_INT = 2**63 - 1
#: Largest frame any side decodes (a fetch page is capped well below this).
MAX_FRAME_BYTES = 4 * 1024 * 1024


class ProtocolError(Exception):
    """A frame is malformed; `code` is the error code sent back to the peer."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


# --- messages -------------------------------------------------------------------------


@dataclass(frozen=True)
class Challenge:  # relay -> client, first frame of every connection
    challenge: bytes
    blob_max: int


@dataclass(frozen=True)
class Auth:  # client -> relay
    mailbox: bytes
    key: bytes
    nonce: bytes
    sig: bytes


@dataclass(frozen=True)
class Welcome:  # relay -> client after a valid Auth
    head: int
    claim_bits: int  # 0: the mailbox exists; else the proof of work that creates it now


@dataclass(frozen=True)
class Claim:  # client -> relay: create the mailbox (see admission.claim_ok)
    id: int
    nonce: bytes


@dataclass(frozen=True)
class Claimed:
    """The answer to a Claim: bits 0 means the mailbox exists now; otherwise the difficulty
    rose meanwhile, and a proof of `bits` is needed."""

    id: int
    bits: int


@dataclass(frozen=True)
class Append:
    id: int
    blob: bytes
    #: Optional: `erase_verifier(token)`; an `Erase` showing `token` may erase this blob.
    vf: bytes = b""


@dataclass(frozen=True)
class Appended:
    """The answer to one Append: its cursor, and whether the mailbox already held the blob."""

    id: int
    cursor: int
    dup: bool


@dataclass(frozen=True)
class Acks:
    """Appends now durable. One frame answers every append of a connection that the same
    group commit made durable, so acknowledgements cost one frame per commit, not per blob."""

    acks: list[Appended]


@dataclass(frozen=True)
class Erase:
    """Erase the mailbox's blobs appended with `erase_verifier(token)`, keeping `blob` (a
    redacted copy; empty for none) at the first one's cursor (docs/PROTOCOL.md §6.5)."""

    id: int
    token: bytes
    blob: bytes


@dataclass(frozen=True)
class Erased:
    id: int
    count: int  # blobs erased; 0 if the mailbox held none with that verifier


@dataclass(frozen=True)
class Fetch:
    id: int
    after: int
    limit: int


@dataclass(frozen=True)
class Blobs:
    id: int
    items: list[tuple[int, bytes]]
    more: bool
    head: int


@dataclass(frozen=True)
class Subscribe:
    id: int
    after: int


@dataclass(frozen=True)
class Subscribed:
    id: int
    head: int


@dataclass(frozen=True)
class Push:
    cursor: int
    blob: bytes


@dataclass(frozen=True)
class Error:
    id: int
    code: str
    message: str
    retry_ms: int = 0


#: Request id 0 means "not about a request" (e.g. an error about the connection itself).
NO_REQUEST = 0

ClientMessage = Auth | Append | Fetch | Subscribe | Claim | Erase
ServerMessage = Challenge | Welcome | Acks | Blobs | Subscribed | Push | Error | Claimed | Erased

_TYPE_NAMES: dict[type, str] = {
    Challenge: "challenge",
    Auth: "auth",
    Welcome: "welcome",
    Append: "append",
    Acks: "acks",
    Fetch: "fetch",
    Blobs: "blobs",
    Subscribe: "subscribe",
    Subscribed: "subscribed",
    Push: "push",
    Error: "error",
    Claim: "claim",
    Claimed: "claimed",
    Erase: "erase",
    Erased: "erased",
}
_CLIENT_TYPES = {
    n: c for c, n in _TYPE_NAMES.items() if c in (Auth, Append, Fetch, Subscribe, Claim, Erase)
}
_SERVER_TYPES = {n: c for c, n in _TYPE_NAMES.items() if n not in _CLIENT_TYPES}

#: Field name -> kind; kinds are checked by `_check`.
_FIELD_KINDS: dict[type, dict[str, str]] = {
    Challenge: {"challenge": f"bytes{CHALLENGE_BYTES}", "blob_max": "uint"},
    Auth: {
        "mailbox": f"bytes{MAILBOX_ID_BYTES}",
        "key": f"bytes{signing.PUBLIC_KEY_BYTES}",
        "nonce": f"bytes{CLIENT_NONCE_BYTES}",
        "sig": f"bytes{signing.SIGNATURE_BYTES}",
    },
    Welcome: {"head": "uint", "claim_bits": "uint"},
    Claim: {"id": "uint", "nonce": f"bytes{CLAIM_NONCE_BYTES}"},
    Claimed: {"id": "uint", "bits": "uint"},
    Append: {"id": "uint", "blob": "bytes", "vf": f"bytes{ERASE_TOKEN_BYTES}"},
    Erase: {"id": "uint", "token": f"bytes{ERASE_TOKEN_BYTES}", "blob": "bytes"},
    Erased: {"id": "uint", "count": "uint"},
    Acks: {"acks": "acks"},
    Fetch: {"id": "uint", "after": "uint", "limit": "uint"},
    Blobs: {"id": "uint", "items": "items", "more": "bool", "head": "uint"},
    Subscribe: {"id": "uint", "after": "uint"},
    Subscribed: {"id": "uint", "head": "uint"},
    Push: {"cursor": "uint", "blob": "bytes"},
    Error: {"id": "uint", "code": "str", "message": "str", "retry_ms": "uint"},
}


#: Fields a frame may leave out (older clients append without a verifier); an encoder leaves
#: them out when empty, so a frame has one canonical form.
_OPTIONAL: dict[type, frozenset[str]] = {Append: frozenset({"vf"})}
_KEYS = {cls: frozenset({"v", "t", *kinds}) for cls, kinds in _FIELD_KINDS.items()}
_SHORT_KEYS = {cls: _KEYS[cls] - names for cls, names in _OPTIONAL.items()}
_FIELD_NAMES = {cls: tuple(f.name for f in fields(cls)) for cls in _FIELD_KINDS}


_packers = threading.local()  # a Packer is not thread-safe; reusing one is cheaper than packb


def _packb(obj: Any) -> bytes:
    try:
        packer = _packers.packer
    except AttributeError:
        packer = _packers.packer = msgpack.Packer(use_bin_type=True)
    return packer.pack(obj)


def encode(message: ClientMessage | ServerMessage) -> bytes:
    cls = type(message)
    body: dict[str, Any] = {"v": VERSION, "t": _TYPE_NAMES[cls]}
    for name in _FIELD_NAMES[cls]:
        value = getattr(message, name)
        if name == "items":
            value = [list(i) for i in value]
        elif name == "acks":
            value = [[a.id, a.cursor, a.dup] for a in value]
        elif not value and name in _OPTIONAL.get(cls, ()):
            continue
        body[name] = value
    return _packb(body)


def encode_acks(acks: list[tuple[int, int, bool]]) -> bytes:
    """`encode(Acks(...))` from (id, cursor, dup) triples, without an object per append: the
    relay answers every append with one of these."""
    return _packb({"v": VERSION, "t": "acks", "acks": acks})


def decode_client(data: bytes) -> ClientMessage:
    """Decode a frame a client sent; raise ProtocolError for anything but a valid frame."""
    message = _decode(data, _CLIENT_TYPES)
    assert isinstance(message, Auth | Append | Fetch | Subscribe | Claim | Erase)
    return message


def decode_server(data: bytes) -> ServerMessage:
    message = _decode(data, _SERVER_TYPES)
    assert isinstance(
        message, Challenge | Welcome | Acks | Blobs | Subscribed | Push | Error | Claimed | Erased
    )
    return message


def _decode(data: bytes, types: Mapping[str, type]) -> Any:
    if not isinstance(data, bytes):
        raise ProtocolError("malformed", "frames must be binary")
    if len(data) > MAX_FRAME_BYTES:
        raise ProtocolError("too_large", "frame too large")
    try:
        untrusted = msgpack.unpackb(data, raw=False, strict_map_key=True, use_list=True)
    except Exception as exc:  # msgpack raises several unrelated exception types
        raise ProtocolError("malformed", "frame is not msgpack") from exc
    if type(untrusted) is not dict:
        raise ProtocolError("malformed", "frame is not a map")
    version = untrusted.get("v")
    if version != VERSION or type(version) is not int:  # True == 1, but is not a version
        raise ProtocolError("unsupported_version", f"this relay speaks version {VERSION}")
    cls = types.get(untrusted.get("t"))  # type: ignore[arg-type]
    if cls is None:
        raise ProtocolError("malformed", "unknown frame type")
    keys = untrusted.keys()
    if keys != _KEYS[cls] and keys != _SHORT_KEYS.get(cls):
        raise ProtocolError("malformed", "unexpected or missing fields")
    # One checker per field, chosen once at import (this runs for every append).
    values = [check(untrusted[name]) if name in untrusted else b"" for name, check in _CHECKS[cls]]
    if _packb(untrusted) != data:
        raise ProtocolError("malformed", "frame is not canonically encoded")
    return cls(*values)


def _wrong(name: str, what: str = "type") -> ProtocolError:
    return ProtocolError("malformed", f"field {name!r} has the wrong {what}")


def _checker(name: str, kind: str) -> Callable[[Any], Any]:
    """The function that checks field `name` of kind `kind` and returns its value."""
    if kind == "uint":

        def check(value: Any) -> Any:
            if type(value) is int and 0 <= value <= MAX_INT:  # bool is not accepted
                return value
            raise _wrong(name)

    elif kind == "bytes":

        def check(value: Any) -> Any:
            if type(value) is bytes:
                return value
            raise _wrong(name)

    elif kind.startswith("bytes"):
        length = int(kind[5:])

        def check(value: Any) -> Any:
            if type(value) is not bytes:
                raise _wrong(name)
            if len(value) != length:
                raise _wrong(name, "length")
            return value

    elif kind == "bool":

        def check(value: Any) -> Any:
            if type(value) is bool:
                return value
            raise _wrong(name)

    elif kind == "str":

        def check(value: Any) -> Any:
            if type(value) is str and len(value) <= 1000:
                return value
            raise _wrong(name)

    elif kind == "items":

        def check(value: Any) -> Any:
            if type(value) is list and all(
                type(i) is list
                and len(i) == 2
                and type(i[0]) is int
                and 0 <= i[0] <= MAX_INT
                and type(i[1]) is bytes
                for i in value
            ):
                return [(i[0], i[1]) for i in value]
            raise _wrong(name)

    else:
        assert kind == "acks", kind

        def check(value: Any) -> Any:
            if (
                type(value) is list
                and value
                and all(
                    type(i) is list
                    and len(i) == 3
                    and type(i[0]) is int
                    and type(i[1]) is int
                    and 0 <= i[0] <= MAX_INT
                    and 0 <= i[1] <= MAX_INT
                    and type(i[2]) is bool
                    for i in value
                )
            ):
                return [Appended(id=i[0], cursor=i[1], dup=i[2]) for i in value]
            raise _wrong(name)

    return check


_CHECKS: dict[type, tuple[tuple[str, Callable[[Any], Any]], ...]] = {
    cls: tuple((name, _checker(name, kind)) for name, kind in kinds.items())
    for cls, kinds in _FIELD_KINDS.items()
}


# --- mailbox authorisation ------------------------------------------------------------


@dataclass(frozen=True, repr=False)
class MailboxCredentials:
    """What a client derives from a space key to use one relay mailbox. Never sent whole."""

    mailbox_id: bytes
    signer: signing.SigningKeyPair

    @classmethod
    def from_space_key(cls, space_key: bytes) -> MailboxCredentials:
        signer = signing.SigningKeyPair.from_seed(derive_subkey(space_key, SIGNING_SEED_CONTEXT))
        return cls(mailbox_id=mailbox_id_for(signer.public), signer=signer)

    def answer(self, challenge: bytes, nonce: bytes) -> Auth:
        sig = self.signer.sign(AUTH_DOMAIN, challenge + self.mailbox_id + nonce)
        return Auth(mailbox=self.mailbox_id, key=self.signer.public, nonce=nonce, sig=sig)

    def __repr__(self) -> str:
        return "MailboxCredentials(…)"


def mailbox_id_for(verify_key: bytes) -> bytes:
    """Self-certifying: the id is the hash of the key that may use it, so it can't be squatted."""
    return blake2b_256(verify_key, person=MAILBOX_ID_PERSON)


def erase_verifier(token: bytes) -> bytes:
    """What the relay stores beside a blob: a hash of the token that may erase it, so that
    reading the database (or the append) never gives the power to erase."""
    return blake2b_256(token, person=ERASE_VERIFIER_PERSON)


def verify_auth(challenge: bytes, untrusted: Auth) -> bytes:
    """Return the mailbox id `untrusted` proves access to, or raise ProtocolError."""
    if mailbox_id_for(untrusted.key) != untrusted.mailbox:
        raise ProtocolError("unauthorized", "the key does not belong to this mailbox")
    try:
        signing.verify(
            untrusted.key,
            AUTH_DOMAIN,
            challenge + untrusted.mailbox + untrusted.nonce,
            untrusted.sig,
        )
    except CryptoError as exc:
        raise ProtocolError("unauthorized", "bad signature") from exc
    return untrusted.mailbox
