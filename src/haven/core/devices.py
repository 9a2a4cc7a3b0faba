"""Linked devices: one persona on several computers, sharing the private journal.

Each device has its own device id and X25519 box key. A device announces itself with a
`journal.device.link` event (written by the device itself, once it holds the persona key);
`journal.device.unlink` removes one, and is followed by `journal.device.rotate`, which moves
the journal to a new epoch whose key is sealed to every remaining device's box key, so the
unlinked device cannot read what is written afterwards (docs/PROTOCOL.md §4).

Each device also signs with its own key, certified by `journal.device.cert`; an unlink
carries a cut and revokes the device's key (core/device_certs.py, docs/PROTOCOL.md §4.5).
"""

from __future__ import annotations

import builtins
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from haven.core import device_certs as dc
from haven.core.envelope import Event, Header, packb, read_header, unpackb
from haven.core.eventlog import Draft, Memo, OwnPersonaOnly
from haven.core.journal import is_journal_space
from haven.crypto import sealing
from haven.crypto.errors import CryptoError
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput, NotFound
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.vault import Connection, Vault

if TYPE_CHECKING:
    from haven.core.eventlog import EventLog

LINK = "journal.device.link"
UNLINK = dc.UNLINK
#: Journal epochs a rotation picks from (at random: see DeviceService.unlink).
JOURNAL_EPOCHS = 2**62
#: Vault meta: [Lamport clock, id] of the rotation whose key is the journal's key in force.
_ROTATED_AT = "journal_rotated_at"
CERT = dc.CERT
ROTATE = "journal.device.rotate"
MAX_LABEL_CHARS = 40


@dataclass(frozen=True)
class DeviceInfo:
    device_id: bytes
    label: str
    linked_ms: int
    this_device: bool
    unlinked: bool


def validate_label(label: str) -> str:
    label = " ".join(label.split())
    if len(label) > MAX_LABEL_CHARS:
        raise InvalidInput(f"a device name has at most {MAX_LABEL_CHARS} characters")
    return label


def new_device_keys(conn: Connection, device_id: bytes) -> sealing.BoxKeyPair:
    keys = sealing.BoxKeyPair.generate()
    dt.put_device_keys(conn, device_id, keys.secret, keys.public)
    return keys


def _sealed_key_plaintext(space_id: bytes, epoch: int, device_id: bytes, key: bytes) -> bytes:
    return packb(["haven/epoch-key/v1", space_id, epoch, device_id, key])


class JournalAuthorizer(OwnPersonaOnly):
    """Only the owning persona, signed by a certified key of the writing device that is not
    revoked at the event's place in its chain, or by the persona key while no unlink's cut
    has retired it (core/device_certs.py); never from a device after an unlink from before
    cuts (by clock)."""

    def allows(self, conn: Connection, space: ids.SpaceRow, event: Event, memo: Memo) -> bool:
        if not super().allows(conn, space, event, memo):
            return False
        slot = ("unlinked_lamport", event.device)
        if slot not in memo:  # DevicesProjector empties the memo when devices change
            device = dt.get_device(conn, event.device)
            memo[slot] = device.unlinked_lamport if device else None
        unlinked: int | None = memo[slot]
        if unlinked is not None and event.lamport >= unlinked:
            return False
        rules = _rules(conn, memo)
        if rules.verdict(event.header) == dc.OK:
            return True
        if event.type != UNLINK:
            return False
        # A device revoked by an unlink of its own unlink target may still unlink it: the
        # one of the two mutual unlinks that stands does, on every replica alike.
        with_it = rules.with_unlink(event)
        return with_it is not None and with_it.verdict(event.header) == dc.OK

    def waits(self, conn: Connection, space: ids.SpaceRow, event: Event, memo: Memo) -> bool:
        """Whether the event may yet count: signed by a device key whose certificate has
        not arrived (it is held until it does) — while fewer than MAX_HELD_UNCERTIFIED such
        events are held. Beyond, it is refused and offered again by the next sync: an
        unlinked device writing for devices that will never be certified fills this budget,
        not the room that honest early arrivals are held in."""
        return (
            event.author == space.persona_id
            and _rules(conn, memo).verdict(event.header) == dc.WAIT
            and lt.count_held_waiting(conn, space.space_id) < dc.MAX_HELD_UNCERTIFIED
        )


def _rules(conn: Connection, memo: Memo) -> dc.DeviceRules:
    rules = memo.get("device_rules")
    if rules is None:
        rules = memo["device_rules"] = dc.DeviceRules.load(conn)
    assert isinstance(rules, dc.DeviceRules)
    return rules


#: Passes of removing what an unlink cut off (each may uncertify devices whose certificate
#: was cut off, whose events the next pass removes).
MAX_ENFORCE_PASSES = 4


class CutRules(Protocol):
    """What `enforce_cuts` asks: the verdict on an event, and where a chain may start to
    fail it (core/device_certs.DeviceRules; group spaces: core/spaces/device_keys.py)."""

    def verdict(self, header: Header) -> str: ...

    def start(self, device: bytes) -> int: ...


def enforce_cuts(
    conn: Connection,
    space_id: bytes,
    persona: bytes,
    log: EventLog,
    load: Callable[[], CutRules] | None = None,
    cert_type: str = CERT,
) -> int:
    """Remove from the log every journal event the revocations in force say does not count
    (events accepted before the unlink arrived), each chain from its first such event on,
    and rebuild the projections; returns how many were removed. A certificate removed so
    leaves its device uncertified: that device's events go in the next pass. (An event
    merely waiting for a certificate that has not arrived yet stays.) A removed event that
    a peer offers again is refused, or held if its device may still be certified."""
    total = 0
    orphaned: set[bytes] = set()  # devices whose certificate was removed
    for _ in range(MAX_ENFORCE_PASSES):
        rules: CutRules = load() if load is not None else dc.DeviceRules.load(conn)
        removed = 0
        for device in dt.chain_devices(conn, space_id, persona):
            start = rules.start(device)
            for _, seq, envelope in dt.chain_events(conn, space_id, persona, device, start):
                verdict = rules.verdict(read_header(envelope)[0])
                if verdict == dc.NO or (verdict == dc.WAIT and device in orphaned):
                    orphaned |= _certified_in(conn, log, space_id, persona, device, seq, cert_type)
                    removed += dt.delete_chain_from(conn, space_id, persona, device, seq)
                    break
        if not removed:
            break
        total += removed
        log.log_changed()
        log.rebuild_projections(space_id)
    return total


def _certified_in(
    conn: Connection,
    log: EventLog,
    space_id: bytes,
    persona: bytes,
    device: bytes,
    seq: int,
    cert_type: str,
) -> set[bytes]:
    """The devices that certificates on a chain from `seq` on certify."""
    found = set()
    for stored in lt.chain_after(conn, space_id, persona, device, seq - 1, 10**9):
        if stored.type == cert_type:
            cert = dc.parse_cert(log.open_stored(conn, stored))
            if cert is not None:
                found.add(cert.device_id)
    return found


class DevicesProjector:
    type_prefix = "journal.device."

    def __init__(self, device_id: bytes) -> None:
        self._device_id = device_id

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        c = event.content
        if event.type == LINK:
            if event.device != c.get("device_id"):
                return  # a device announces only itself
            box = c.get("box_public")
            if isinstance(box, bytes) and len(box) == 32:
                log.log_changed()
                dt.upsert_device(
                    conn,
                    dt.DeviceRow(
                        event.device,
                        box,
                        str(c.get("label") or "")[:MAX_LABEL_CHARS],
                        event.created_ms,
                        None,
                    ),
                )
        elif event.type == CERT:
            cert = dc.parse_cert(event)
            if cert is not None:
                log.log_changed()
                dt.add_cert(conn, cert)
                log.unblocked(event.space_id, event.author, cert.device_id)
        elif event.type == UNLINK and "cut" in c:
            target, cut = c.get("target"), dc.parse_cut(c.get("cut"))
            if isinstance(target, bytes) and cut is not None:
                log.log_changed()
                dt.add_revocation(conn, event.id, target, event.device, event.seq, cut)
                if not log.replaying:
                    enforce_cuts(conn, event.space_id, event.author, log)
        elif event.type == UNLINK:  # from before cuts: by clock
            target = c.get("target")
            if isinstance(target, bytes) and dt.get_device(conn, target) is not None:
                log.log_changed()
                dt.mark_unlinked(conn, target, event.lamport)
                removed = dt.delete_events_after(
                    conn, event.space_id, event.author, target, event.lamport
                )
                if removed:  # events it wrote after its unlink were accepted earlier: undo
                    log.log_changed()
                    log.rebuild_projections(event.space_id)
        elif event.type == ROTATE:
            self._install_rotated_key(conn, event)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        if is_journal_space(conn, space_id):
            dt.clear_devices(conn)
            dt.clear_certs(conn)
            ids.set_meta(conn, _ROTATED_AT, b"")  # the replay finds the last rotation again

    def _install_rotated_key(self, conn: Connection, event: Event) -> None:
        epoch, sealed_keys = event.content.get("epoch"), event.content.get("keys")
        if type(epoch) is not int or not isinstance(sealed_keys, dict):
            return
        sealed = sealed_keys.get(self._device_id.hex())
        mine = dt.get_device_keys(conn, self._device_id)
        if not isinstance(sealed, bytes) or mine is None:
            return  # not addressed to this device (e.g. it is the one unlinked)
        try:
            opened = unpackb(sealing.open_sealed(sealing.BoxKeyPair(*mine), sealed))
            label, space_id, for_epoch, device_id, key = opened
        except (CryptoError, ValueError, TypeError):
            return
        if (
            (label, space_id, for_epoch, device_id)
            != ("haven/epoch-key/v1", event.space_id, epoch, self._device_id)
            or not isinstance(key, bytes)
            or len(key) != 32
        ):
            return
        ids.put_epoch_key(conn, space_id, epoch, key)
        # The key in force is the last rotation's in the log's order (not the largest
        # number: the numbers are random, so two concurrent unlinks' rotations never share
        # one; when one of them is void, a rebuild replays only the other's).
        newest = ids.get_meta(conn, _ROTATED_AT)
        at = packb([event.lamport, event.id])
        if not newest or list(unpackb(newest)) < [event.lamport, event.id]:
            ids.set_meta(conn, _ROTATED_AT, at)
            ids.set_current_epoch(conn, space_id, epoch)


class DeviceService:
    def __init__(self, vault: Vault, log: EventLog, journal_space: bytes, device_id: bytes) -> None:
        self._vault = vault
        self._log = log
        self._space = journal_space
        self.device_id = device_id
        #: Called with an unlinked device's id, in the unlink's transaction (Session sets it:
        #: the revocation in every group space the linked devices share).
        self.after_unlink: Callable[[bytes], object] | None = None

    def ensure_device_key(self) -> None:
        """Give this device its own signing key if it has none yet (a new vault, or one
        from before device keys), certified by a root certificate the persona key signs on
        this device's chain — the last event the persona key signs here."""
        with self._vault.transaction() as conn:
            if dt.get_device_keys(conn, self.device_id) is None:
                new_device_keys(conn, self.device_id)
            if dt.get_sign_seed(conn, self.device_id) is not None:
                return
            keys = SigningKeyPair.generate()
            request = dc.DeviceRequest.make(self.device_id, keys)
            self._log.append(self._space, CERT, request.content())  # persona-signed
            dt.put_sign_seed(conn, self.device_id, keys.seed)  # from now on, this key

    def certify(self, untrusted_request: bytes) -> dc.DeviceRequest:
        """Certify a new device's key (linking): checks its proof, then writes the
        certificate on this device's chain, signed by this device's key."""
        request = dc.DeviceRequest.decode(untrusted_request)
        request.verify()
        with self._vault.transaction() as conn:
            if dt.get_cert(conn, request.device_id) is not None:
                raise InvalidInput("that device id is taken; link again")
            self._log.append(self._space, CERT, request.content())
        return request

    def announce_this_device(self, label: str) -> None:
        """Write this device's link event (at creation, or once linked)."""
        label = validate_label(label)
        with self._vault.transaction() as conn:
            keys = dt.get_device_keys(conn, self.device_id)
            public = keys[1] if keys else new_device_keys(conn, self.device_id).public
            self._log.append(
                self._space,
                LINK,
                {"device_id": self.device_id, "box_public": public, "label": label},
            )

    def rename_this_device(self, label: str) -> None:
        """Give this device a new name: a new link event for it, which changes only its
        label (`upsert_device`), so its linked devices learn the name when they sync."""
        self.announce_this_device(label)

    def list(self) -> list[DeviceInfo]:
        with self._vault.read() as conn:
            rows = dt.list_devices(conn)
            rules = dc.DeviceRules.load(conn)
        return [
            DeviceInfo(
                r.device_id,
                r.label,
                r.linked_ms,
                r.device_id == self.device_id,
                r.unlinked_lamport is not None or rules.revoked(r.device_id),
            )
            for r in rows
        ]

    def without_key(self, besides: bytes | None = None) -> builtins.list[DeviceInfo]:
        """Linked devices (not this one, not `besides`, not unlinked) whose own key this
        device has not seen certified: they have not synced here since they were updated to
        device keys. An unlink written now would leave them out (their certificate would be
        outside its cut), so they would have to be linked again."""
        with self._vault.read() as conn:
            keyed = dt.certified_keys(conn)
        return [
            d
            for d in self.list()
            if not (d.this_device or d.unlinked or d.device_id == besides)
            and d.device_id not in keyed
        ]

    def resolve(self, text: str) -> bytes:
        text = text.strip().lower()
        matches = [d.device_id for d in self.list() if d.device_id.hex().startswith(text)]
        if not text or not matches:
            raise NotFound("no linked device with that id")
        if len(matches) > 1:
            raise InvalidInput("that id matches more than one device; give more of it")
        return matches[0]

    def unlink(self, device_id: bytes) -> int:
        """Unlink a device and rotate the journal key; returns the new epoch."""
        if device_id == self.device_id:
            raise InvalidInput("this device cannot unlink itself; unlink it from another one")
        with self._vault.transaction() as conn:
            target = dt.get_device(conn, device_id)
            if target is None:
                raise NotFound("no linked device with that id")
            if target.unlinked_lamport is not None or dc.DeviceRules.load(conn).revoked(device_id):
                raise InvalidInput("that device is already unlinked")
            space = ids.get_space(conn, self._space)
            assert space is not None
            cut = dc.cut_now(conn, self._space, space.persona_id)
            self._log.append(self._space, UNLINK, {"cut": cut}, target=device_id)
            rules = dc.DeviceRules.load(conn)
            # A random number: a concurrent unlink's rotation (the other device unlinking
            # this one) must not claim the same epoch with another key.
            epoch, key = 1 + secrets.randbelow(JOURNAL_EPOCHS), os.urandom(32)
            sealed: dict[str, Any] = {
                d.device_id.hex(): sealing.seal(
                    d.box_public, _sealed_key_plaintext(self._space, epoch, d.device_id, key)
                )
                for d in dt.list_devices(conn)
                if d.unlinked_lamport is None and not rules.revoked(d.device_id)
            }
            # Sealed under the old epoch: remaining devices read it, the unlinked one learns
            # only that a rotation happened.
            self._log.append_many(self._space, [Draft(ROTATE, {"epoch": epoch, "keys": sealed})])
            ids.put_epoch_key(conn, self._space, epoch, key)
            ids.set_current_epoch(conn, self._space, epoch)
            if self.after_unlink is not None:  # revoke it in the group spaces too, at once
                self.after_unlink(device_id)
        return epoch
