"""A relay blob: an envelope padded and sealed under its epoch mailbox's content key, and
the erase tokens that let its author (alone) have it erased (docs/PROTOCOL.md §6)."""

from __future__ import annotations

from haven.core.envelope import MAX_ENVELOPE_BYTES
from haven.crypto import aead, padding
from haven.crypto.errors import CryptoError
from haven.crypto.hashing import blake2b_256
from haven.crypto.subkeys import derive_subkey
from haven.relay.protocol import MailboxCredentials

BLOB_KEY_CONTEXT = b"hvmbxenc"
ERASE_KEY_CONTEXT = b"hvmbxera"
ERASE_TOKEN_PERSON = b"hvrelay-erase-tk"
BLOB_AD = b"haven/relay-blob/v1"
#: Largest blob worth decrypting: a padded envelope of the largest size, plus the AEAD.
MAX_BLOB_BYTES = padding.bucket_for(MAX_ENVELOPE_BYTES) + aead.NONCE_BYTES + aead.TAG_BYTES


def blob_key(epoch_key: bytes) -> bytes:
    return derive_subkey(epoch_key, BLOB_KEY_CONTEXT)


def erase_token(erase_key: bytes, event_id: bytes) -> bytes:
    """What erases an event's blob from a relay: keyed BLAKE2b of the event id under the
    author's erase key (`session.relays.erase_key`), so only the author's devices can make
    it — not the other members, who hold the epoch key (the relay stores only
    `erase_verifier(token)`, and cannot tell who asks)."""
    return blake2b_256(event_id, person=ERASE_TOKEN_PERSON, key=erase_key)


def legacy_erase_token(epoch_key: bytes, event_id: bytes) -> bytes:
    """The token blobs uploaded before vault schema 20 were appended with:
    derived from the epoch key, so any member could make it. Only asked for this device's
    own events, after the author's token erased nothing (such blobs expire with the relay's
    `expiry_seconds`)."""
    return erase_token(derive_subkey(epoch_key, ERASE_KEY_CONTEXT), event_id)


def mailbox_id(epoch_key: bytes) -> bytes:
    return MailboxCredentials.from_space_key(epoch_key).mailbox_id


def seal_blob(epoch_key: bytes, envelope: bytes) -> bytes:
    return aead.encrypt(blob_key(epoch_key), padding.pad(envelope), BLOB_AD)


def open_blob(epoch_key: bytes, untrusted_blob: bytes) -> bytes | None:
    """The envelope inside, or None if the blob is not one of this mailbox's."""
    if len(untrusted_blob) > MAX_BLOB_BYTES:
        return None
    try:
        return padding.unpad(aead.decrypt(blob_key(epoch_key), untrusted_blob, BLOB_AD))
    except (CryptoError, ValueError):
        return None
