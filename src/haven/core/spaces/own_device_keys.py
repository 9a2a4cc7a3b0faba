"""This device's own signing key in each group space: certifying it before it first writes
there, and revoking another device of this person's in one space or in every space the
person's linked devices share (the rules: core/spaces/device_keys.py, PROTOCOL §5.11)."""

from __future__ import annotations

from typing import Any

from haven.core import device_certs as dc
from haven.core.spaces import events as ev
from haven.core.spaces import founding
from haven.core.spaces.context import SpaceContext
from haven.core.spaces.model import Status
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput, NotFound
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import device_keys as sdk
from haven.store.spaces import membership as membership_db
from haven.store.vault import Connection


class SpaceDeviceKeys:
    """This device's key in each group space: certifying it, and revoking a device of this
    person's in a space or in every space they share with their linked devices."""

    def __init__(self, ctx: SpaceContext) -> None:
        self._ctx = ctx
        self._certified: set[bytes] = set()  # spaces where this device's key is certified

    def ensure_certified(self, space_id: bytes) -> None:
        """Before this device writes in a group space: if its key there is not certified
        yet, certify it with a root certificate (signed by the space persona, the last
        event the persona key signs here); it signs with its own key from then on."""
        if space_id in self._certified:
            return
        vault, log = self._ctx.vault, self._ctx.log
        with vault.transaction() as conn:
            space = ids.get_space(conn, space_id)
            if space is None or space.kind != "group" or not _has_genesis(conn, space_id):
                return
            device = self._ctx.identity.device_id_for(space.persona_id)
            seed = dt.get_sign_seed(conn, device)
            keys = SigningKeyPair.from_seed(seed) if seed else SigningKeyPair.generate()
            certs = sdk.certified_keys(conn, space_id, space.persona_id)
            if device not in certs:  # (a conflicting certificate is not mended by another)
                log.append(space_id, ev.DEVICE_CERT, dc.DeviceRequest.make(device, keys).content())
                if seed is None:
                    dt.put_sign_seed(conn, device, keys.seed)
        self._certified.add(space_id)

    def revoke(self, space_id: bytes, device: bytes) -> None:
        """Revoke one of this person's devices in a space: its key, and the persona key,
        count for nothing outside the cut of what this device holds of their chains."""
        self._ctx.prepare_write(space_id)  # inside the cut
        with self._ctx.vault.transaction() as conn:
            space = ids.get_space(conn, space_id)
            if space is None or space.kind != "group":
                raise NotFound("no group space with that id")
            mine = self._ctx.identity.device_id_for(space.persona_id)
            if device == mine:
                raise InvalidInput("this device cannot revoke itself; do it from another one")
            if not may_revoke(conn, space, mine, device):
                raise InvalidInput(
                    "this device cannot revoke the device this space was made or joined"
                    " with; an admin can remove that device from the space"
                )
            self._ctx.log.append(space_id, ev.DEVICE_REVOKE, revocation(conn, space, device))

    def kept_by_founding(self, journal_device: bytes) -> list[str]:
        """The names of the spaces an unlink of `journal_device` written here would not
        revoke it in: it is the device the space was made or joined with, and this one is
        not (core/spaces/founding.py). There an admin must drop it or remove the member."""
        return [s.name for s in self._shared_spaces(journal_device)[1]]

    def _shared_spaces(
        self, journal_device: bytes
    ) -> tuple[list[ids.SpaceRow], list[ids.SpaceRow]]:
        """Group spaces under the primary persona where it is still active: those where
        this device may revoke `journal_device`, and those where it may not."""
        primary = self._ctx.identity.primary().persona_id
        mine = self._ctx.identity.device_id_for(primary)
        may: list[ids.SpaceRow] = []
        may_not: list[ids.SpaceRow] = []
        with self._ctx.vault.read() as conn:
            for s in ids.list_spaces(conn, "group"):
                if s.persona_id == primary and _active(
                    membership_db.get_member(conn, s.space_id, primary)
                ):
                    (may if may_revoke(conn, s, mine, journal_device) else may_not).append(s)
        return may, may_not


def revocation(conn: Connection, space: ids.SpaceRow, device: bytes) -> dict[str, Any]:
    """A revocation's content: the device and the cut over this persona's chains here."""
    return {"device": device, "cut": dc.cut_now(conn, space.space_id, space.persona_id)}


def may_revoke(conn: Connection, space: ids.SpaceRow, mine: bytes, device: bytes) -> bool:
    """Whether a revocation of `device` written by this device would be in force: not of a
    founding device from one that is not (core/spaces/founding.py)."""
    founding_ = founding.founding_devices(conn, space.space_id, space.persona_id)
    return mine in founding_ or device not in founding_


def _has_genesis(conn: Connection, space_id: bytes) -> bool:
    """Whether the space's log holds anything (a new space's genesis comes first)."""
    return lt.max_lamport(conn, space_id) > 0


def _active(member: membership_db.MemberRow | None) -> bool:
    return member is not None and member.status == Status.ACTIVE.value
