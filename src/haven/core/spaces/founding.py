"""A member's *founding* devices in a group space: the order among a member's devices that a
stolen device cannot claim (docs/PROTOCOL.md §5.11, "Founding devices").

Every device of a member holds the member's persona key, and any certified one may revoke
another, so between two of them nothing the member itself writes tells the person's device
from a thief's: a certificate's Lamport clock is chosen by its writer, and a thief can root
a fresh device at any time. What the thief cannot write is somebody else's event:

- the **owner's** founding device is the one whose chain holds the space's genesis — the
  first event of the space, stored before anything else on every replica (the creator
  writes it; a joiner takes it from the welcome), and the only genesis any replica takes
  (`only_genesis`: a second one, backdated or not, is refused at the gate);
- another **member's** founding devices are the ones an admin named in a
  `space.member.add` of that member (the joining device: the admin copies it from the
  join request). The member cannot write an add of itself.

A revocation by a device that is not founding neither revokes a founding device nor voids
the persona-signed history of its chain up to its anchor (core/spaces/device_keys.py), and
the member's own leave or drop written on such a device spares the founding chain
(finality.py): the thief holding a later device cannot erase the person's history, the
genesis included, and the person's own revocation from the founding device stands
wherever the thief's arrived first. The price: a thief holding the founding device cannot
be revoked from the person's later devices (PROTOCOL §5.11, "Limits").
"""

from __future__ import annotations

from haven.core.envelope import DEVICE_ID_BYTES, Event, open_event
from haven.core.spaces import events as ev
from haven.crypto.errors import CryptoError
from haven.errors import HavenError
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import groups as groups_db
from haven.store.spaces import moderation as moderation_db
from haven.store.vault import Connection


def genesis(conn: Connection, space_id: bytes, owner: bytes) -> lt.StoredEvent | None:
    """The space's genesis as this replica stored it (there is at most one; it opens the
    owner's chain: `only_genesis`). None for anyone but the owner."""
    return lt.first_of_chain(conn, space_id, owner, ev.GENESIS)


def only_genesis(conn: Connection, space_id: bytes, owner: bytes, event: Event) -> bool:
    """Whether a genesis may be stored: it opens its chain (seq 1, as the creator writes
    it), and the space holds no other. The owner's persona key — which a stolen owner's
    device holds — could otherwise write a second genesis, backdated to sort first, naming
    its own device and name."""
    stored = genesis(conn, space_id, owner)
    return event.seq == 1 and (stored is None or stored.id == event.id)


def founding_devices(conn: Connection, space_id: bytes, member: bytes) -> frozenset[bytes]:
    """The member's founding devices in the space (see the module's docstring); empty
    while the genesis or the add has not arrived."""
    group = groups_db.get_group(conn, space_id)
    if group is None:
        return frozenset()
    if member == group.owner_pk:
        first = genesis(conn, space_id, member)
        mine = first is not None and first.author == member
        return frozenset({first.device}) if first is not None and mine else frozenset()
    found: set[bytes] = set()
    # The adds that counted where they stand (by an admin then): an admin who later leaves
    # or is removed does not take their adds' founding devices away.
    valid = moderation_db.valid_adds(conn, space_id, member)
    for stored in lt.events_in_order(conn, space_id, ev.ADD):
        if stored.author == member or stored.id not in valid:
            continue
        content = _content(conn, stored)
        if content.get("member") != member:
            continue
        listed = content.get("devices")
        for entry in listed if isinstance(listed, list) else ():
            device = entry[0] if isinstance(entry, list) and entry else None
            if isinstance(device, bytes) and len(device) == DEVICE_ID_BYTES:
                found.add(device)
    return frozenset(found)


def _content(conn: Connection, stored: lt.StoredEvent) -> dict[str, object]:
    key = ids.get_epoch_key(conn, stored.space_id, stored.epoch)
    if key is None:
        return {}
    try:  # verified when it was stored
        return open_event(stored.envelope, key, verify=False).content
    except (CryptoError, HavenError, ValueError, TypeError):
        return {}
