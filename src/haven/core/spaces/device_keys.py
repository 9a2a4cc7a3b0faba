"""Per-device signing keys in group spaces (docs/PROTOCOL.md §5.11).

The journal's rule (core/device_certs.py, PROTOCOL §4.5), applied to each member of each
group space: a member's device signs its events in a space with its own Ed25519 key
(version 3 envelopes), certified for that member by a `space.device.cert` event of the
same format as the journal's `journal.device.cert` — a *root* certificate signed by the
member's space persona key on the certified device's own chain, or one *issued* by an
already certified device of the same member on its own chain. Every member reads the
certificates, so every member can check every event: the gate (`SpaceAuthorizer`) takes a
device-signed event only if its key is the one certified for its author and device, holds
it while the certificate has not arrived, and refuses it if another key is certified.

A member revokes one of its own devices with `space.device.revoke`: `device` and a `cut`
([[device, seq], …], what the revoking device held of each of the member's chains). From
then on the revoked device's events outside the cut do not count, nor does anything the
member's *persona* key signs outside it (the revocation retires the persona key, which a
stolen device still holds): the thief can neither write on its chain, nor root a fresh
device, nor certify one. No clock is involved. Revocations that arrive after events they
cut off were accepted remove those events (`enforce`), as unlinks do in the journal. Only a
certified device revokes (a revocation the persona key signs counts for nothing), and after
a chain's root certificate nothing the persona key signs on that chain counts. Between a
member's devices, a *founding* one (founding.py) is senior: a revocation written by a later
device does not revoke it, nor void its chain's persona-signed history up to its anchor;
what remains is in PROTOCOL §5.11, "Limits".

The first time a device writes in a space with this version, it certifies its own key
there (`SpaceDeviceKeys.ensure_certified`); events written before stay valid history. An
unlink in the journal drops and revokes the unlinked device in every group space where this
person is active, under any of their personas (`device_join.drop_everywhere`), except where
it is a founding device and the unlinking one is not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from haven.core import device_certs as dc
from haven.core.devices import enforce_cuts
from haven.core.envelope import Event, Header
from haven.core.eventlog import Memo
from haven.core.spaces import events as ev
from haven.core.spaces import founding
from haven.store import log_table as lt
from haven.store.spaces import device_keys as sdk
from haven.store.spaces import groups as groups_db
from haven.store.vault import Connection

if TYPE_CHECKING:
    from haven.core.eventlog import EventLog

OK, WAIT, NO = dc.OK, dc.WAIT, dc.NO


class SpaceDeviceRules:
    """One member's certificates and revocations in one space, and the verdict on one of
    its events."""

    def __init__(
        self,
        certs: dict[bytes, sdk.CertRow],
        revocations: list[sdk.RevocationRow],
        founding: dict[bytes, int] | None = None,
    ) -> None:
        self.certs = certs
        #: Founding device -> the last seq of its chain no later device's revocation
        #: reaches (founding.py; `anchors`).
        self.founding = founding or {}
        # A device that is not founding does not revoke a founding one (founding.py); and
        # a revocation whose cut leaves out its writer's own root certificate would
        # uncertify its writer: void, as in the journal (device_certs._self_defeating).
        self.revocations = [
            r
            for r in revocations
            if (r.writer in self.founding or r.target not in self.founding)
            and not self._defeats_itself(r)
        ]

    def _defeats_itself(self, revocation: sdk.RevocationRow) -> bool:
        cert = self.certs.get(revocation.writer)
        root = cert.root_seq if cert is not None else None
        return root is not None and root > revocation.cut.get(revocation.writer, 0)

    def _cut(self, revocation: sdk.RevocationRow, device: bytes) -> int:
        """A revocation's cut on a chain — raised, on a founding device's chain, to its
        anchor unless a founding device wrote it: a stolen later device cannot void the
        person's history there (the genesis included) with a cut that leaves it out."""
        cut = revocation.cut.get(device, 0)
        if revocation.writer in self.founding or device not in self.founding:
            return cut
        return max(cut, self.founding[device])

    def start(self, device: bytes) -> int:
        """Where a chain may first fail `verdict`: after the lowest cut naming it (from the
        start for a device not certified, or before any revocation). Below every cut only
        a persona signature after the chain's root could fail, and none was ever accepted:
        the root comes first on the same chain."""
        cuts = [self._cut(r, device) for r in self.revocations]
        return 0 if device not in self.certs or not cuts else min(cuts)

    def verdict(self, header: Header) -> str:
        """OK: the event's signature counts for its author. WAIT: signed by a device key
        whose certificate has not arrived. NO: another key is certified for the device; the
        device is revoked at this point of its chain; the persona key signed it after the
        chain's root certificate, or outside a revocation's cut."""
        device, seq, revocations = header.device, header.seq, self.revocations
        cert = self.certs.get(device)
        if header.signer is None:  # the persona key
            if cert is not None and cert.root_seq is not None and seq > cert.root_seq:
                return NO  # after its root certificate a chain signs with its own key
            return NO if any(seq > self._cut(r, device) for r in revocations) else OK
        if cert is None:
            return WAIT
        if cert.device_key != header.signer:
            return NO
        if any(r.target == device and seq > r.cut.get(device, 0) for r in revocations):
            return NO
        return OK


def rules(conn: Connection, memo: Memo, space_id: bytes, author: bytes) -> SpaceDeviceRules:
    """A member's rules in a space (cached in the ingest's memo, which the projector
    empties when they change)."""
    slot = ("space_device_rules", space_id, author)
    found = memo.get(slot)
    if found is None:
        found = memo[slot] = load_rules(conn, space_id, author)
    assert isinstance(found, SpaceDeviceRules)
    return found


def load_rules(conn: Connection, space_id: bytes, author: bytes) -> SpaceDeviceRules:
    revocations, certs = sdk.revocations(conn, space_id, author), sdk.certs(conn, space_id, author)
    anchors = anchors_of(conn, space_id, author, certs) if revocations else {}
    return SpaceDeviceRules(certs, revocations, anchors)


def anchors_of(
    conn: Connection, space_id: bytes, author: bytes, certs: dict[bytes, sdk.CertRow]
) -> dict[bytes, int]:
    """Each founding device of a member, and how far up its chain no later device's
    revocation reaches: to its root certificate (the persona key signs nothing after it
    there, so that is all its persona-signed history); for an owner's device that has not
    rooted yet, to the genesis; else nowhere (0) — such a chain's persona-signed history is
    then as exposed as before founding devices, and a revocation by a later device still
    stops a thief from continuing it with the persona key."""
    first = founding.genesis(conn, space_id, author)
    anchors = {}
    for device in founding.founding_devices(conn, space_id, author):
        cert = certs.get(device)
        if cert is not None and cert.root_seq is not None:
            anchors[device] = cert.root_seq
        elif first is not None and (first.author, first.device) == (author, device):
            anchors[device] = first.seq
        else:
            anchors[device] = 0
    return anchors


def verdict(conn: Connection, event: Event, memo: Memo) -> str:
    """The verdict of the event's author's rules on it (SpaceDeviceRules.verdict)."""
    found = rules(conn, memo, event.space_id, event.author)
    if event.type == ev.DEVICE_REVOKE and event.header.signer is None:
        return NO  # only a certified device revokes: never the persona key
    return found.verdict(event.header)


def may_hold(conn: Connection, event: Event, memo: Memo) -> bool:
    """Whether an event waiting for its device's certificate may be held: fewer than
    dc.MAX_HELD_UNCERTIFIED such events in the space (beyond, it is refused and offered again
    by the next sync: a member writing for devices it never certifies fills this budget,
    not the room honest early arrivals are held in)."""
    return (
        verdict(conn, event, memo) == WAIT
        and lt.count_held_waiting(conn, event.space_id) < dc.MAX_HELD_UNCERTIFIED
    )


class SpaceDeviceProjector:
    """Certificates and revocations of every member of every group space."""

    type_prefix = "space.device."

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None:
        if groups_db.get_group(conn, event.space_id) is None:
            return
        if event.type == ev.DEVICE_CERT:
            cert = dc.parse_cert(event)
            if cert is not None and cert.device_key is not None:
                log.log_changed()
                root_seq = event.seq if cert.root else None
                row = sdk.CertRow(cert.device_id, cert.device_key, event.id, root_seq)
                sdk.add_cert(conn, event.space_id, event.author, row)
                log.unblocked(event.space_id, event.author, cert.device_id)
        elif event.type == ev.DEVICE_REVOKE:
            target, cut = event.content.get("device"), dc.parse_cut(event.content.get("cut"))
            if (
                isinstance(target, bytes)
                and len(target) == len(event.device)
                and cut is not None
                and event.header.signer is not None
            ):
                log.log_changed()
                revocation_ = sdk.RevocationRow(event.id, event.device, target, cut)
                sdk.add_revocation(conn, event.space_id, event.author, revocation_)
                if not log.replaying:
                    enforce(conn, event.space_id, event.author, log)

    def clear(self, conn: Connection, space_id: bytes) -> None:
        if groups_db.get_group(conn, space_id) is not None:
            sdk.clear(conn, space_id)


def enforce(conn: Connection, space_id: bytes, author: bytes, log: EventLog) -> int:
    """Remove from the space's log every event of `author` that its revocations say does
    not count (accepted before the revocation arrived), each chain from its first such
    event on, and rebuild the projections; returns how many were removed. A certificate
    removed so leaves its device uncertified, and that device's events go in the next
    pass (the journal's `enforce_cuts`, with this member's rules)."""
    return enforce_cuts(
        conn,
        space_id,
        author,
        log,
        lambda: load_rules(conn, space_id, author),
        ev.DEVICE_CERT,
    )
