"""Erasing what a valid deletion or moderation removed (docs/PROTOCOL.md, "Redaction").

An erased event keeps its row in the log, with an envelope that holds only what the chain
and signature checks need (core/envelope.py `redacted_envelope`) and the redaction that
erased it, so every replica that syncs from this one receives the redacted form and can
check that someone allowed to erase it did. The projections drop the words themselves
(`space_posts`, the journal and its search index). Called inside the transaction that
applies the redaction, by the rules that decide it was valid.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Protocol

from haven.core.envelope import (
    Event,
    open_event,
    open_redaction_proof,
    read_header,
    redacted_envelope,
    redaction_proof,
)
from haven.errors import InvalidEvent
from haven.store import connection as vault_connection
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.vault import Connection


def erased(conn: Connection) -> bool:
    """Whether the transaction open on `conn` erased anything (and forget it). The log then
    checkpoints the write-ahead log once it commits: until a checkpoint, the database file
    keeps the page images from before the erase, and the -wal file the frames that wrote
    the words in the first place (both encrypted, but readable with the vault's key —
    someone who forces the passphrase out of a person must not recover what they erased).
    `secure_delete` zeroes the old bytes only in the page images written from now on."""
    return vault_connection.take_erased(conn)


def note_erased(conn: Connection) -> None:
    """The transaction open on `conn` erased words outside the log (a projection's copy of
    something this device may no longer hold): checkpoint as after a redaction."""
    vault_connection.note_erased(conn)


#: The proof an event erased by its own timer carries instead of a redaction's (a
#: disappearing post, its edits and attachments: core/spaces/disappearing.py). Its kept core
#: holds the timer, signed by its author, which is all a receiver needs to take it.
EXPIRED = b"haven/expired/v1"


class RedactionRule(Protocol):
    """Which events of a space kind a redaction erases, and who may erase them: the same
    authority that makes the deletion or moderation valid (docs/PROTOCOL.md, "Redaction").
    Registered per space kind with `EventLog.register_redaction_rule`."""

    erasable: frozenset[str]

    def may_erase(
        self, conn: Connection, space: ids.SpaceRow, target: Event, redaction: Event
    ) -> bool: ...


def justify(
    conn: Connection,
    space: ids.SpaceRow,
    event: Event,
    rule: RedactionRule | None,
    *,
    newer_type: bool = False,
) -> None:
    """A redacted event is taken only with a redaction that may erase it: signed, of this
    space, naming it (or, for an edit, the post or entry it edits), and allowed by the space
    kind's rule. A member who hands over an emptied copy of someone else's post without such
    a redaction has it refused (the full copy comes another time). Raises InvalidEvent.

    An event of a type this version does not know (`newer_type`: a newer version may make
    it erasable) is taken redacted on the same proof — its author's deletion, a moderator's
    removal, or its own signed timer — without asking whether the type is erasable: refusing
    it would stall its author's chain here for good, since no replica that erased it can
    send the full event again (docs/PROTOCOL.md §5.2, "Types from newer versions")."""
    if rule is None or event.redaction is None:
        raise InvalidEvent("a redacted event that nothing may erase")
    if not newer_type and event.type not in rule.erasable:
        raise InvalidEvent("a redacted event that nothing may erase")
    if event.redaction == EXPIRED:
        may_expire = getattr(rule, "may_expire", None)
        valid_timer = getattr(rule, "valid_timer", None)
        timed = (
            newer_type and valid_timer is not None and valid_timer(event.content.get("disappear"))
        )
        if not timed and (may_expire is None or not may_expire(event)):
            raise InvalidEvent("an expired event that was not set to disappear")
        return
    eraser = open_redaction_proof(event.redaction)
    target = eraser.content.get("target")
    if not (
        eraser.space_id == event.space_id
        and isinstance(target, bytes)
        and target in (event.id, event.content.get("target"))
        and rule.may_erase(conn, space, event, eraser)
    ):
        raise InvalidEvent("a redacted event without a redaction that may erase it")


def erase(
    conn: Connection, target_id: bytes, redaction: Event, erasable: Collection[str]
) -> dict[bytes, bytes]:
    """Erase `target_id` and every event that acts on it whose type is in `erasable` (its
    edits), and remember the redaction for copies and edits that arrive later. Returns each
    replaced envelope's redacted form, by the envelope it replaced (for copies held
    elsewhere in the vault: a welcome not yet collected)."""
    lt.record_redaction(conn, target_id, redaction.space_id, redaction.id)
    victims = [lt.get_event(conn, target_id), *lt.events_targeting(conn, target_id)]
    proof = b""
    replaced: dict[bytes, bytes] = {}
    for stored in victims:
        if (
            stored is not None
            and stored.type in erasable
            and not lt.is_redacted(conn, stored.id)
            and stored.space_id == redaction.space_id
        ):
            proof = proof or redaction_proof(
                redaction.envelope, _key(conn, redaction.space_id, redaction.header.epoch)
            )
            replaced[stored.envelope] = erase_stored(conn, stored, proof)
    _erase_held(conn, target_id, redaction, erasable)
    return replaced


def _erase_held(
    conn: Connection, target_id: bytes, redaction: Event, erasable: Collection[str]
) -> None:
    """Early arrivals waiting for a gap to fill are envelopes too: an edit of the erased
    post (or the post itself) held there is redacted in place, and taken later as such."""
    proof = b""

    def redaction_proof_once() -> bytes:
        nonlocal proof
        proof = proof or redaction_proof(
            redaction.envelope, _key(conn, redaction.space_id, redaction.header.epoch)
        )
        return proof

    def erased_here(event: Event) -> bool:
        return event.type in erasable and target_id in (event.id, event.content.get("target"))

    erase_held(conn, redaction.space_id, erased_here, redaction_proof_once)


def erase_held(
    conn: Connection,
    space_id: bytes,
    matches: Callable[[Event], bool],
    proof: Callable[[], bytes],
) -> int:
    """Redact in place every held early arrival of the space that `matches` (opened, not
    redacted yet), with the proof `proof()` gives; they are taken later in that form.
    Returns how many were erased."""
    if not lt.count_held(conn, space_id):
        return 0
    erased_n = 0
    for author, device, seq, envelope in lt.held_in_space(conn, space_id):
        header = read_header(envelope)[0]
        key = ids.get_epoch_key(conn, header.space_id, header.epoch)
        if key is None:
            continue
        event = open_event(envelope, key, verify=False)  # authenticated when it was held
        if event.redacted or not matches(event):
            continue
        held = redacted_envelope(envelope, key, proof())
        lt.replace_held(conn, space_id, author, device, seq, held)
        vault_connection.note_erased(conn)
        erased_n += 1
    return erased_n


def erase_late(conn: Connection, event: Event, erasable: Collection[str]) -> bool:
    """An event just stored that a redaction already covers (an edit of an erased post, a
    journal entry's copy that arrives after its deletion): erase it too."""
    if event.redacted or event.type not in erasable:
        return False
    proof = _covering_proof(conn, event)
    stored = lt.get_event(conn, event.id) if proof is not None else None
    if proof is None or stored is None:
        return False
    erase_stored(conn, stored, proof)
    return True


def held_form(conn: Connection, event: Event, envelope: bytes, rule: RedactionRule | None) -> bytes:
    """The form an early arrival waits in for its gap to fill: already erased if a redaction
    covers it (an edit of a deleted post) or the space kind's rule says the post it belongs
    to expired here (`expired_here`), so its words are never written to the vault — they
    would be erased the moment it is taken. Otherwise `envelope` itself."""
    if rule is None or event.redacted or event.type not in rule.erasable:
        return envelope
    proof = _covering_proof(conn, event)
    if proof is None:
        expired_here = getattr(rule, "expired_here", None)
        if expired_here is None or not expired_here(conn, event):
            return envelope
        proof = EXPIRED
    return redacted_envelope(envelope, _key(conn, event.space_id, event.header.epoch), proof)


def _covering_proof(conn: Connection, event: Event) -> bytes | None:
    """The proof of the redaction that already erased this event or what it edits, if any."""
    target = event.content.get("target")
    redaction_id = lt.redaction_of(conn, event.id) or (
        lt.redaction_of(conn, target) if isinstance(target, bytes) else None
    )
    if redaction_id is None:
        return None  # the usual case: two index lookups, nothing read
    redaction = lt.get_event(conn, redaction_id)
    if redaction is None or redaction.space_id != event.space_id:
        return None
    return redaction_proof(redaction.envelope, _key(conn, redaction.space_id, redaction.epoch))


def erase_stored(conn: Connection, stored: lt.StoredEvent, proof: bytes) -> bytes:
    key = _key(conn, stored.space_id, stored.epoch)
    envelope = redacted_envelope(stored.envelope, key, proof)
    lt.replace_with_redacted(conn, stored.id, envelope)
    vault_connection.note_erased(conn)
    return envelope


def _key(conn: Connection, space_id: bytes, epoch: int) -> bytes:
    key = ids.get_epoch_key(conn, space_id, epoch)
    if key is None:  # both events are in our log, so we held their keys (never deleted)
        raise RuntimeError("an epoch key of an event in the log is missing")
    return key
