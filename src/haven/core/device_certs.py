"""Per-device signing keys: certificates, revocations and the rule every journal event is
checked against (docs/PROTOCOL.md §4.5, "Device keys").

Each linked device signs its journal events with its own Ed25519 key (version 3 envelopes,
core/envelope.py). A `journal.device.cert` event binds a device id to its key. Only two
kinds count: a *root* certificate, signed by the persona key, on the certified device's own
chain (a new vault's first device, or a vault from before device keys certifying itself the
first time it is opened); and an *issued* certificate, signed by an already certified
device's key, on that issuer's chain (linking). Either way the certified device proves it
holds the key (`proof`, a signature by the new key over persona, device id and key).

A `journal.device.unlink` carries a *cut*: for every journal chain the unlinking device
held, the last sequence number it had seen. From then on, on every replica:
- an event of the revoked device outside the cut does not count, whatever key signed it;
- an event signed by the persona key (not a device key) outside the cut does not count —
  an unlink retires the persona key, so a stolen device that still holds it cannot sign a
  root certificate for a fresh device id, nor anything else;
- a certificate is an event of its issuer's chain, so one issued by a revoked device after
  its cut does not count either, and the device it names stays uncertified.
The cut is what the unlinking device had *seen*, so these rules need no clock: a backdated
Lamport clock changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgpack

from haven.core.envelope import DEVICE_ID_BYTES, Event, Header, packb, unpackb
from haven.crypto import signing
from haven.crypto.errors import CryptoError
from haven.errors import InvalidInput
from haven.store import devices_table as dt
from haven.store import log_table as lt
from haven.store.vault import Connection

CERT = "journal.device.cert"
UNLINK = "journal.device.unlink"
PROOF_DOMAIN = b"haven/device-key/v1"
#: Chains an unlink's cut may name (a persona has a handful of devices).
MAX_CUT = 256

#: Events held per space (journal or group) for devices whose certificate has not arrived.
MAX_HELD_UNCERTIFIED = 1_000

OK, WAIT, NO = "ok", "wait", "no"


def _proof_message(device_id: bytes, device_key: bytes) -> bytes:
    return packb([device_id, device_key])


@dataclass(frozen=True)
class DeviceRequest:
    """What a device that wants to be certified sends: its id, its public key, and its
    signature over both (proof that it holds the key; made before it knows the persona,
    when a new device asks to be linked)."""

    device_id: bytes
    device_key: bytes
    proof: bytes

    @classmethod
    def make(cls, device_id: bytes, keys: signing.SigningKeyPair) -> DeviceRequest:
        proof = keys.sign(PROOF_DOMAIN, _proof_message(device_id, keys.public))
        return cls(device_id, keys.public, proof)

    def encode(self) -> bytes:
        return packb([1, self.device_id, self.device_key, self.proof])

    @classmethod
    def decode(cls, untrusted: bytes) -> DeviceRequest:
        try:
            version, device_id, key, proof = unpackb(untrusted)
        except (ValueError, TypeError, msgpack.UnpackException) as exc:
            raise InvalidInput("the other device sent a malformed device key") from exc
        request = cls(device_id, key, proof)
        if version != 1 or not request.well_formed():
            raise InvalidInput("the other device sent a malformed device key")
        return request

    def well_formed(self) -> bool:
        return (
            isinstance(self.device_id, bytes)
            and len(self.device_id) == DEVICE_ID_BYTES
            and isinstance(self.device_key, bytes)
            and len(self.device_key) == signing.PUBLIC_KEY_BYTES
            and isinstance(self.proof, bytes)
            and len(self.proof) == signing.SIGNATURE_BYTES
        )

    def verify(self) -> None:
        """Raise InvalidInput unless the proof is the key's own signature."""
        try:
            signing.verify(
                self.device_key,
                PROOF_DOMAIN,
                _proof_message(self.device_id, self.device_key),
                self.proof,
            )
        except CryptoError as exc:
            raise InvalidInput("the other device's key proof does not verify") from exc

    def content(self) -> dict[str, Any]:
        return {"device_id": self.device_id, "device_key": self.device_key, "proof": self.proof}


def parse_cert(event: Event) -> dt.CertRow | None:
    """The certificate a `journal.device.cert` event makes, or None if it makes none: a
    malformed one, a proof that does not verify, or a persona-signed certificate of
    another device (the persona key certifies only the device it is written on)."""
    c = event.content
    request = DeviceRequest(c.get("device_id"), c.get("device_key"), c.get("proof"))  # type: ignore[arg-type]
    if not request.well_formed():
        return None
    try:
        request.verify()
    except InvalidInput:
        return None
    root = event.header.signer is None
    if root and request.device_id != event.device:
        return None
    return dt.CertRow(request.device_id, request.device_key, event.id, event.device, root)


def parse_cut(untrusted: object) -> dict[bytes, int] | None:
    """An unlink's cut: [[device, seq], …] → {device: seq}; None if malformed."""
    if not isinstance(untrusted, list) or len(untrusted) > MAX_CUT:
        return None
    cut: dict[bytes, int] = {}
    for entry in untrusted:
        if not (isinstance(entry, list) and len(entry) == 2):
            return None
        device, seq = entry
        if not (
            isinstance(device, bytes)
            and len(device) == DEVICE_ID_BYTES
            and type(seq) is int
            and 0 <= seq < 2**63
            and device not in cut
        ):
            return None
        cut[device] = seq
    return cut


def cut_content(heads: dict[bytes, int]) -> list[list[Any]]:
    """The cut an unlink written now carries: every chain this vault holds, longest
    first, at most MAX_CUT."""
    ordered = sorted(heads.items(), key=lambda item: (-item[1], item[0]))
    return [[device, seq] for device, seq in ordered[:MAX_CUT]]


def cut_now(conn: Connection, space_id: bytes, persona: bytes) -> list[list[Any]]:
    """The cut an unlink or a revocation written now carries: every chain of the persona
    this vault holds in the space (the journal's, or a group space's)."""
    tips = lt.chain_tips(conn, space_id).items()
    return cut_content({device: seq for (author, device), seq in tips if author == persona})


#: Where a device without a certificate stands among devices (after every certified one).
_UNCERTIFIED = (2**63, b"")


class DeviceRules:
    """The certified keys and the revocations in force, read once per ingest transaction
    (or after a device change), and the verdict on one journal event.

    Two devices that unlink each other (a stolen laptop racing its owner) would each be
    outside the other's cut, and each replica would keep the unlink it applied first. So
    of two mutual unlinks one is **void**, on every replica alike: one whose cut holds the
    other (its device had already seen itself unlinked), else — concurrent — the one by the
    device certified later (`standing`: its certificate's place in the log), the way mutual
    removals in a group space are decided (docs/PROTOCOL.md §4.5, "Mutual unlinks")."""

    def __init__(
        self,
        keys: dict[bytes, bytes | None],
        revocations: list[dt.RevocationRow],
        places: dict[bytes, dt.CertPlace] | None = None,
    ) -> None:
        self.keys = keys
        self.places = places or {}
        self.standing = {device: place.standing for device, place in self.places.items()}
        self.all_revocations = revocations
        # One that would uncertify its own writer takes no part in a mutual unlink either
        # (else the person's answer, having seen it, would lose as a retaliation).
        defeated = _self_defeating(revocations, self.places)
        standing = [r for r in revocations if r.event_id not in defeated]
        void = _void_unlinks(standing, self.standing)
        self.revocations = [r for r in standing if r.event_id not in void]

    @classmethod
    def load(cls, conn: Connection) -> DeviceRules:
        return cls(dt.certified_keys(conn), dt.revocations(conn), dt.cert_places(conn))

    def with_unlink(self, event: Event) -> DeviceRules | None:
        """The rules as they would be with this unlink applied (None if it is malformed):
        an unlink by a device another unlink revoked still counts if it voids that one."""
        target, cut = event.content.get("target"), parse_cut(event.content.get("cut"))
        if not isinstance(target, bytes) or cut is None:
            return None
        row = dt.RevocationRow(event.id, target, event.device, event.seq, cut)
        return DeviceRules(self.keys, [*self.all_revocations, row], self.places)

    def verdict(self, header: Header) -> str:
        """OK: the event counts. NO: it never will (a revoked device outside its cut, the
        retired persona key, a key that is not the device's). WAIT: signed by a device key
        whose certificate has not arrived yet — hold it."""
        device, seq = header.device, header.seq
        if header.signer is None:  # the persona key: retired by every unlink's cut
            if any(seq > r.cut.get(device, 0) for r in self.revocations):
                return NO
            return OK
        if device not in self.keys:
            return WAIT
        if self.keys[device] != header.signer:
            return NO
        if any(r.target == device and seq > r.cut.get(device, 0) for r in self.revocations):
            return NO
        return OK

    def start(self, device: bytes) -> int:
        """Where a chain may first fail `verdict`: after the lowest cut naming it (from
        the start for a device not certified, or before any unlink)."""
        cuts = [r.cut.get(device, 0) for r in self.revocations]
        return 0 if device not in self.keys or not cuts else min(cuts)

    def revoked(self, device: bytes) -> bool:
        return any(r.target == device for r in self.revocations)


def _self_defeating(
    revocations: list[dt.RevocationRow], places: dict[bytes, dt.CertPlace]
) -> set[bytes]:
    """Unlinks whose own cut leaves out their writer's certificate: applied, they would
    uncertify the device that wrote them (a root certificate is persona-signed, so outside
    the cut it is retired; an issued one is an event of the issuer's chain, cut off when the
    issuer is the target). An honest unlink's cut holds it — its device held its own
    certificate when it wrote it — so these are a still-linked thief's, whose empty cut
    would otherwise remove, on every replica that took it first, everything the persona key
    signed and the target's whole chain, before removing itself (`enforce_cuts`)."""
    void = set()
    for r in revocations:
        place = places.get(r.device)
        if place is None:
            continue  # its writer is not certified: it counts for nothing anyway
        root = place.chain == r.device
        if (root or place.chain == r.target) and place.seq > r.cut.get(place.chain, 0):
            void.add(r.event_id)
    return void


def _void_unlinks(
    revocations: list[dt.RevocationRow], standing: dict[bytes, tuple[int, bytes]]
) -> set[bytes]:
    """The unlinks that lose a mutual unlink (see DeviceRules)."""
    void: set[bytes] = set()
    for r1 in revocations:
        for r2 in revocations:
            if r1.target != r2.device or r2.target != r1.device or r1 is r2:
                continue
            saw_it = r1.cut.get(r2.device, 0) >= r2.seq  # r1 written after seeing r2
            was_seen = r2.cut.get(r1.device, 0) >= r1.seq
            junior = (standing.get(r1.device, _UNCERTIFIED), r1.device) > (
                standing.get(r2.device, _UNCERTIFIED),
                r2.device,
            )
            if (saw_it and not was_seen) or (not saw_it and not was_seen and junior):
                void.add(r1.event_id)
    return void
