"""A newly linked device joins its person's group spaces, and an unlinked one leaves them
(docs/PROTOCOL.md §4, "Group spaces in the link bundle").

While linking, the existing device, for each group space where its persona is an active
member: makes an X25519 device key for the new device, announces the new device in the
space (a `space.member.devices` event of its own member listing the new device's id and
box key, so every member's device seals later rotations to it and an admin's device shares
the key in force with it), and puts in the link bundle what the new device needs to read
and write there: the space persona's signing seed, the device key's secret, the space's
epoch keys and its owner. The bundle travels only inside the linking channel (encrypted,
authenticated by the compared words). The new device certifies its own signing key in each
space (a root certificate) before it first writes there, as any device does. A direct
conversation (core/spaces/dm/) is carried like any group space, with its `space_dms` record
(installed before any of its events arrive, so the conversation's rules apply to them).

After an unlink, the existing device drops the unlinked device from its member's device
list in every such space — under the primary persona or a space's own persona — with the
chain's cut and a revocation of its key; an admin's device rotates the key at once, and
otherwise an admin's device rotates it when it heals (the dropped device holds the key in
force).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from haven.core import device_certs as dc
from haven.core.identity import Identity, derived_device_id
from haven.core.spaces import events as ev
from haven.core.spaces.model import Status
from haven.core.spaces.own_device_keys import may_revoke
from haven.core.spaces.sealed import epoch_key_pairs
from haven.crypto.sealing import BoxKeyPair
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidInput
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store.spaces import dms as dms_db
from haven.store.spaces import groups as groups_db
from haven.store.spaces import membership as membership_db
from haven.store.spaces.groups import GroupRow
from haven.store.vault import Connection, Vault

if TYPE_CHECKING:
    from haven.core.eventlog import EventLog
    from haven.core.spaces.service import SpaceService

#: Group spaces a link bundle carries at most (spaces before conversations, each by id; the
#: rest are not joined by the new device — see PROTOCOL §4).
MAX_LINK_SPACES = 32
#: Epoch keys a bundle carries per space at most; a space with more carries only the key
#: this device writes under (its older history stays unreadable on the new device).
MAX_SPACE_KEYS = 256
#: So a bundle stays under the linking channel's 1 MiB message: 32 × 256 × ~40 B of keys
#: (~330 KiB) beside the journal's (at most ~400 KiB). A direct conversation's grant has a
#: 13th field: its `space_dms` record (PROTOCOL §4, §5.12).
_FIELDS = 12


@dataclass(frozen=True)
class DmRecord:
    """What makes a carried group space a direct conversation on the new device."""

    parent_id: bytes
    opener: bytes
    partner: bytes
    genesis_id: bytes

    def encode(self) -> list[object]:
        return [self.parent_id, self.opener, self.partner, self.genesis_id]

    @classmethod
    def decode(cls, untrusted: object) -> DmRecord | None:
        if not (isinstance(untrusted, list) and len(untrusted) == 4):
            return None
        parent, opener, partner, genesis = untrusted
        if not (
            _bytes(parent, 16)
            and _bytes(opener, 32)
            and _bytes(partner, 32)
            and _bytes(genesis, 32)
            and opener != partner
        ):
            return None
        return cls(parent, opener, partner, genesis)


@dataclass(frozen=True, repr=False)
class SpaceGrant:
    """What a new device needs to take part in one group space as its person."""

    space_id: bytes
    persona_seed: bytes
    display_name: str
    pronouns: str
    persona_created_ms: int
    space_name: str
    owner_pk: bytes
    colour: str
    box_secret: bytes
    sign_seed: bytes  # empty under the primary persona (the device's journal key)
    current_epoch: int
    epoch_keys: dict[int, bytes]
    dm: DmRecord | None = None

    def __repr__(self) -> str:
        return "SpaceGrant(…)"

    def encode(self) -> list[object]:
        return [
            self.space_id,
            self.persona_seed,
            self.display_name,
            self.pronouns,
            self.persona_created_ms,
            self.space_name,
            self.owner_pk,
            self.colour,
            self.box_secret,
            self.sign_seed,
            self.current_epoch,
            [[e, k] for e, k in sorted(self.epoch_keys.items())],
            *([self.dm.encode()] if self.dm is not None else []),
        ]

    @classmethod
    def decode(cls, untrusted: object) -> SpaceGrant:
        bad = InvalidInput("the other device sent a malformed link bundle")
        if not (isinstance(untrusted, list) and len(untrusted) in (_FIELDS, _FIELDS + 1)):
            raise bad
        (space, seed, name, pronouns, created, sname, owner, colour, box, sign, epoch, keys) = (
            untrusted[:_FIELDS]
        )
        dm = DmRecord.decode(untrusted[_FIELDS]) if len(untrusted) > _FIELDS else None
        if len(untrusted) > _FIELDS and (dm is None or dm.parent_id == space):
            raise bad
        if not (isinstance(keys, list) and 1 <= len(keys) <= MAX_SPACE_KEYS):
            raise bad
        epoch_keys = epoch_key_pairs(keys)
        if epoch_keys is None:
            raise bad
        if not (
            _bytes(space, 16)
            and _bytes(seed, 32)
            and _bytes(owner, 32)
            and _bytes(box, 32)
            and (sign == b"" or _bytes(sign, 32))
            and all(isinstance(x, str) and len(x) <= 1000 for x in (name, pronouns, sname, colour))
            and type(created) is int
            and 0 <= created < 2**63
            and type(epoch) is int
            and epoch in epoch_keys
        ):
            raise bad
        return cls(
            space, seed, name, pronouns, created, sname, owner, colour, box, sign, epoch,
            epoch_keys, dm,
        )  # fmt: skip


def _bytes(value: object, n: int) -> bool:
    return isinstance(value, bytes) and len(value) == n


def member_spaces(conn: Connection) -> list[ids.SpaceRow]:
    """The group spaces a link carries: where this device's persona there is an active
    member (a removed, banned or departed member's link brings its new device into none of
    them), and direct conversations (a grant carries their `space_dms` record) after the
    spaces, so conversations never push a space out of the bundle's 32."""
    dms = dms_db.dm_ids(conn)
    order = sorted(member_spaces_all(conn), key=lambda s: (s.space_id in dms, s.space_id))
    return order[:MAX_LINK_SPACES]


def member_spaces_all(conn: Connection) -> list[ids.SpaceRow]:
    """Every group space where this device's persona is active (an unlink reaches all)."""
    return [
        s
        for s in ids.list_spaces(conn, "group")
        if _active(membership_db.get_member(conn, s.space_id, s.persona_id))
    ]


def grant(conn: Connection, space: ids.SpaceRow, box: BoxKeyPair, seed: bytes) -> SpaceGrant:
    """One space's grant for a new device whose device key there is `box` and signing key
    `seed` (empty: its journal key)."""
    persona = ids.get_persona(conn, space.persona_id)
    group = groups_db.get_group(conn, space.space_id)
    assert persona is not None and group is not None
    keys = ids.epoch_keys(conn, space.space_id)
    if len(keys) > MAX_SPACE_KEYS:
        keys = {space.current_epoch: keys[space.current_epoch]}
    dm = dms_db.get_dm(conn, space.space_id)
    record = DmRecord(dm.parent_id, dm.opener, dm.partner, dm.genesis_id) if dm else None
    return SpaceGrant(
        space.space_id,
        persona.sign_seed,
        persona.display_name,
        persona.pronouns,
        persona.created_ms,
        space.name,
        group.owner_pk,
        group.colour,
        box.secret,
        seed,
        space.current_epoch,
        keys,
        record,
    )


def device_in(identity: Identity, space: ids.SpaceRow, journal_device: bytes) -> bytes:
    """The id a device of this person's (journal id `journal_device`) writes under in a
    space: the journal id under the primary persona, a derived one under a space's own."""
    primary = identity.primary().persona_id
    if space.persona_id == primary:
        return journal_device
    return derived_device_id(space.persona_id, journal_device)


def announce(
    vault: Vault,
    log: EventLog,
    spaces: SpaceService,
    identity: Identity,
    request: dc.DeviceRequest,
) -> list[SpaceGrant]:
    """Existing device side: in each group space where this persona is active, announce
    the new device (journal id and key: `request`, already verified) with a device key made
    for it, and certify its signing key there on this device's own chain (an *issued*
    certificate: after a revocation in the space, the persona key no longer roots one).
    Under the primary persona its key is the one in `request` (its journal key, as for
    this device); under a space's own persona a fresh one, whose seed the grant carries (one
    key across spaces would link their personas). Returns the grants."""
    with vault.read() as conn:
        rows = member_spaces(conn)
    grants = []
    # One signing key per persona: a conversation shares its shared space's persona, so the
    # new device's id there is the same and so is its key (nothing more is linked).
    issued: dict[bytes, tuple[dc.DeviceRequest, bytes]] = {}
    for space in rows:
        box, device = BoxKeyPair.generate(), device_in(identity, space, request.device_id)
        try:  # (this device's own key is certified first)
            spaces.add_device(space.space_id, device, box.public)
        except InvalidInput:  # a member lists at most 16 devices: that space is left out
            continue
        if device == request.device_id:
            cert, seed = request, b""
        elif device in issued:
            cert, seed = issued[device]
        else:
            keys = SigningKeyPair.generate()
            cert, seed = dc.DeviceRequest.make(device, keys), keys.seed
            issued[device] = cert, seed
        log.append(space.space_id, ev.DEVICE_CERT, cert.content())
        with vault.read() as conn:
            grants.append(grant(conn, space, box, seed))
    return grants


def drop_everywhere(
    vault: Vault, spaces: SpaceService, identity: Identity, journal_device: bytes
) -> list[bytes]:
    """After an unlink: in every group space where this persona is active, drop the unlinked
    device from this member's devices (its chain cut, its key revoked, the key rotated by an
    admin's device) — or, where it was never listed but the spaces share the primary
    persona, revoke its key there. Returns the spaces it reached."""
    with vault.read() as conn:
        rows = member_spaces_all(conn)
    primary = identity.primary().persona_id
    reached = []
    for space in rows:
        device = device_in(identity, space, journal_device)
        with vault.read() as conn:
            row = ids.get_space(conn, space.space_id)
            mine = identity.device_id_for(space.persona_id)
            # Not where it is the device the space was made or joined with and this one is
            # not: such a revocation would revoke nothing (core/spaces/founding.py).
            if row is None or mine is None or not may_revoke(conn, row, mine, device):
                continue
        listed = dict(spaces.devices(space.space_id, space.persona_id))
        if device in listed and len(listed) > 1:
            spaces.remove_device(space.space_id, space.persona_id, device)
        elif device in listed or space.persona_id == primary:
            # The last device listed (another device's drop of this one counted here): its
            # key is revoked, which needs no other device in the list.
            spaces.device_keys.revoke(space.space_id, device)
        else:
            continue
        reached.append(space.space_id)
    return reached


def install(
    vault: Vault, grants: list[SpaceGrant], primary: bytes, device: bytes, joined_ms: int
) -> None:
    """New device side (journal id `device`, primary persona `primary`): the spaces of the
    bundle, their personas, keys, this device's device key and signing key in each; their
    logs, with the certificate of that key, arrive by sync."""
    with vault.transaction() as conn:
        for g in grants:
            persona_id = _public(g.persona_seed)
            if (persona_id == primary) != (g.sign_seed == b""):
                raise InvalidInput("the other device sent a malformed link bundle")
            if g.sign_seed:
                _put_seed(conn, derived_device_id(persona_id, device), g.sign_seed)
            box = BoxKeyPair.from_secret(g.box_secret)
            persona = ids.PersonaRow(
                persona_id,
                g.persona_seed,
                g.display_name,
                g.pronouns,
                g.persona_created_ms,
            )
            if ids.get_persona(conn, persona.persona_id) is None:
                ids.insert_persona(conn, persona)
            row = ids.SpaceRow(
                g.space_id, "group", persona.persona_id, g.space_name, g.current_epoch, joined_ms
            )
            ids.insert_space(conn, row)
            for epoch, key in g.epoch_keys.items():
                ids.put_epoch_key(conn, g.space_id, epoch, key)
            groups_db.insert_group(
                conn,
                GroupRow(
                    g.space_id, g.owner_pk, box.secret, box.public, g.colour, 0, "", joined_ms
                ),
            )
            if g.dm is not None:  # before any of its events: the conversation's rules apply
                _install_dm(conn, g.space_id, g.dm, persona_id, g.owner_pk, joined_ms)


def _put_seed(conn: Connection, device: bytes, seed: bytes) -> None:
    """A persona's signing key on this device (the same in each space under the persona)."""
    held = dt.get_sign_seed(conn, device)
    if held is None:
        dt.put_sign_seed(conn, device, seed)
    elif held != seed:
        raise InvalidInput("the other device sent a malformed link bundle")


def _install_dm(
    conn: Connection, space_id: bytes, dm: DmRecord, persona: bytes, owner: bytes, now: int
) -> None:
    """The `space_dms` record of a carried conversation: one of this persona's, opened by
    the space's owner."""
    if persona not in (dm.opener, dm.partner) or dm.opener != owner:
        raise InvalidInput("the other device sent a malformed link bundle")
    dms_db.insert_dm(
        conn, dms_db.DmRow(space_id, dm.parent_id, dm.opener, dm.partner, dm.genesis_id, now)
    )


def _public(seed: bytes) -> bytes:
    return SigningKeyPair.from_seed(seed).public


def _active(member: membership_db.MemberRow | None) -> bool:
    return member is not None and member.status == Status.ACTIVE.value
