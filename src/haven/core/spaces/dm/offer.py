"""What an offer of a direct conversation carries, sealed (crypto_box_seal) to each of the
partner's devices in the space both share: the new space's id, its genesis, the two
personas and the genesis epoch's key — bound, as every sealed detail is (core/spaces/
sealed.py), to its purpose, the shared space and the recipient device's key.

The offer event lists no recipient: its boxes are padded to a multiple of OFFER_SLOTS with
boxes sealed to throwaway keys, which nobody can tell from real ones (docs/THREAT_MODEL.md,
"Direct messages")."""

from __future__ import annotations

from dataclasses import dataclass

from haven.core.spaces import sealed
from haven.core.spaces.dm.rules import OFFER_SLOTS
from haven.crypto.sealing import BoxKeyPair

OFFER_DOMAIN = b"haven/dm-offer/v1"


@dataclass(frozen=True, repr=False)
class Offer:
    dm_id: bytes
    genesis_id: bytes
    opener: bytes
    partner: bytes
    epoch: int
    key: bytes

    def __repr__(self) -> str:  # never print the key
        return f"Offer({self.dm_id.hex()})"


def seal_offer(recipients: list[bytes], parent_id: bytes, offer: Offer) -> list[bytes]:
    """One box per recipient device, then throwaway boxes up to a multiple of OFFER_SLOTS."""
    fields = [offer.dm_id, offer.genesis_id, offer.opener, offer.partner, offer.epoch, offer.key]
    boxes = [sealed.seal_detail(pk, OFFER_DOMAIN, parent_id, fields) for pk in recipients]
    while not boxes or len(boxes) % OFFER_SLOTS:
        decoy = BoxKeyPair.generate().public
        boxes.append(sealed.seal_detail(decoy, OFFER_DOMAIN, parent_id, fields))
    return boxes


def open_offer(box: BoxKeyPair, boxes: list[bytes], parent_id: bytes) -> Offer | None:
    """The offer sealed to this device, or None: none of the boxes is for it, or the one
    that is is bound to another space or shaped wrongly."""
    for blob in boxes:
        fields = sealed.open_detail(box, blob, OFFER_DOMAIN, parent_id, 6)
        if fields is None:
            continue
        dm_id, genesis_id, opener, partner, epoch, key = fields
        if not (
            isinstance(dm_id, bytes)
            and len(dm_id) == 16
            and isinstance(genesis_id, bytes)
            and len(genesis_id) == 32
            and isinstance(opener, bytes)
            and len(opener) == 32
            and isinstance(partner, bytes)
            and len(partner) == 32
            and type(epoch) is int
            and 0 < epoch < 2**63
            and isinstance(key, bytes)
            and len(key) == sealed.EPOCH_KEY_BYTES
        ):
            return None
        return Offer(dm_id, genesis_id, opener, partner, epoch, key)
    return None
