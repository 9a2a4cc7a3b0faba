"""A hostile member's toolkit: events crafted by hand with whatever keys a member holds.

`Hostile.of(session, space_id)` takes a member's (or removed member's) persona signing seed,
device id and every epoch key out of that member's vault, and from then on writes envelopes
the way an attacker would — bypassing the service's checks and the log's own writer:

- `event`: any type and content, with any header field chosen (seq, Lamport clock, prev,
  epoch, device, created_ms), signed with the member's key — on the member device's own
  chain with that device's certified key (PROTOCOL §5.11), elsewhere with the persona key;
- `forge`: an event only someone else may write (an admin action from a plain member);
- `backdate`: the next event of the chain with a Lamport clock far below the present;
- `equivocate`: two different events with the same sequence number;
- `preempt_share`: a `space.epoch.share` of an epoch key the attacker chose, sealed to
  members' box keys, to be delivered before the real rotation;
- `poison`: an envelope that decrypts and verifies but carries out-of-range integers, wrong
  types or huge lengths (see POISONS);
- `emptied_copy`: someone else's event in its redacted form, vouched for by a "redaction"
  the attacker wrote (to suppress a post without the right to remove it).

Envelopes are returned as bytes, to be fed to `log.ingest`, a sync round, or a relay. The
toolkit keeps its own idea of the chain (seq, prev, clock); `commit=False` crafts without
moving it. Shared by the tests of every defence against insiders; nothing here is imported
by the application.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from haven.core import envelope as env
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.core.spaces.sealed import seal_epoch_key_to_all
from haven.crypto import aead, padding, signing
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import device_keys as space_device_keys


def raw_envelope(
    header_fields: list[Any],
    body: list[Any] | bytes,
    seed: bytes,
    epoch_key: bytes,
    *,
    signature: bytes | None = None,
) -> bytes:
    """An envelope built field by field, with no range check at all: header_fields is the
    header array (version first) and body the body array (or its bytes)."""
    header_bytes = env.packb(header_fields)
    body_bytes = body if isinstance(body, bytes) else env.packb(body)
    eid = env.event_id(header_bytes, body_bytes)
    sig = signature if signature is not None else signing.sign(seed, env.SIGN_DOMAIN, eid)
    inner = padding.pad(env.packb([body_bytes, sig]))
    ciphertext = aead.encrypt(env.content_key(epoch_key), inner, env.AD_DOMAIN + header_bytes)
    return env.packb([header_bytes, ciphertext])


def raw_event(
    header_fields: list[Any],
    event_type: str,
    created_ms: int,
    content: dict[str, Any],
    seed: bytes,
    epoch_key: bytes,
) -> tuple[bytes, bytes]:
    """A current-version (redactable) envelope built by hand, with no range check: its id
    and the envelope."""
    header_bytes = env.packb(header_fields)
    kept = {k: content[k] for k in env.KEPT_KEYS if k in content}
    rest = {k: v for k, v in content.items() if k not in kept}
    rest_bytes = env.packb([os.urandom(env.REST_SALT_BYTES), rest])
    core_bytes = env.packb([event_type, created_ms, kept, env.rest_hash(rest_bytes)])
    eid = env.event_id(header_bytes, core_bytes)
    sig = signing.sign(seed, env.SIGN_DOMAIN, eid)
    inner = padding.pad(env.packb([core_bytes, sig, rest_bytes]))
    ciphertext = aead.encrypt(env.content_key(epoch_key), inner, env.AD_DOMAIN + header_bytes)
    return eid, env.packb([header_bytes, ciphertext])


@dataclass
class Hostile:
    """One member's keys in an attacker's hands, and where its chain stands."""

    space_id: bytes
    seed: bytes
    device: bytes
    epoch_keys: dict[int, bytes]
    epoch: int
    seq: int = 0
    prev: bytes = env.ZERO_ID
    lamport: int = 0  # the largest clock seen in the space
    tip_lamport: int = 0  # the clock of the chain's own last event
    created_ms: int = 1_700_000_000_000
    written: list[bytes] = field(default_factory=list)
    #: The member device's own signing key in the space (PROTOCOL §5.11), if certified
    #: there, and that device's id: its chain is signed with it, as the device would.
    device_seed: bytes | None = None
    keyed_device: bytes | None = None

    @classmethod
    def of(cls, session: Session, space_id: bytes) -> Hostile:
        """Everything `session`'s member holds for `space_id`, and its chain's tip."""
        with session.vault.read() as conn:
            space = ids.get_space(conn, space_id)
            assert space is not None, "the member does not hold this space"
            persona = ids.get_persona(conn, space.persona_id)
            assert persona is not None
            keys = ids.epoch_keys(conn, space_id)
            device = session.identity.device_id_for(space.persona_id)
            tip = lt.chain_tip_with_clock(conn, space_id, space.persona_id, device)
            clock = lt.max_lamport(conn, space_id)
            seed = dt.get_sign_seed(conn, device)
            certified = space_device_keys.certified_keys(conn, space_id, space.persona_id)
        if (
            seed is not None
            and certified.get(device) != signing.SigningKeyPair.from_seed(seed).public
        ):
            seed = None
        return cls(
            space_id,
            persona.sign_seed,
            device,
            keys,
            space.current_epoch,
            tip.seq,
            tip.id or env.ZERO_ID,
            max(clock, tip.lamport),
            tip.lamport,
            device_seed=seed,
            keyed_device=device if seed is not None else None,
        )

    @property
    def author(self) -> bytes:
        return signing.SigningKeyPair.from_seed(self.seed).public

    def fresh_chain(self) -> Hostile:
        """The same member writing from a new device id: a new, empty chain (so each
        crafted event can be judged on its own, not as the successor of a rejected one)."""
        return replace(
            self,
            device=os.urandom(env.DEVICE_ID_BYTES),
            seq=0,
            prev=env.ZERO_ID,
            tip_lamport=0,
            written=[],
        )

    def learn(self, session: Session) -> None:
        """Pick up epoch keys the member's vault has received since (e.g. by sync)."""
        with session.vault.read() as conn:
            self.epoch_keys.update(ids.epoch_keys(conn, self.space_id))
            self.lamport = max(self.lamport, lt.max_lamport(conn, self.space_id))

    # ----------------------------------------------------------------- crafting

    def event(
        self,
        event_type: str,
        content: dict[str, Any],
        *,
        seq: int | None = None,
        lamport: int | None = None,
        prev: bytes | None = None,
        epoch: int | None = None,
        device: bytes | None = None,
        created_ms: int | None = None,
        commit: bool = True,
    ) -> bytes:
        """The chain's next event (or one with any header field chosen), signed and sealed
        under `epoch` (default: the member's current epoch)."""
        seq = self.seq + 1 if seq is None else seq
        lamport = self.lamport + 1 if lamport is None else lamport
        prev = self.prev if prev is None else prev
        epoch = self.epoch if epoch is None else epoch
        chain = self.device if device is None else device
        header = [
            env.VERSION,
            self.space_id,
            epoch,
            self.author,
            chain,
            seq,
            lamport,
            prev,
        ]
        seed = self.seed
        if self.device_seed is not None and chain == self.keyed_device:
            header[0] = env.VERSION_3
            header.append(signing.SigningKeyPair.from_seed(self.device_seed).public)
            seed = self.device_seed
        created = self.created_ms + seq if created_ms is None else created_ms
        eid, envelope = raw_event(
            header, event_type, created, content, seed, self.epoch_keys[epoch]
        )
        if commit:
            self.seq, self.lamport = seq, max(self.lamport, lamport)
            self.tip_lamport = lamport
            self.prev = eid
            self.written.append(envelope)
        return envelope

    def forge(self, event_type: str, content: dict[str, Any], **header: Any) -> bytes:
        """An event the member has no right to write (e.g. an admin action), well signed:
        only the rules can refuse it."""
        return self.event(event_type, content, **header)

    def backdate(
        self, event_type: str, content: dict[str, Any], lamport: int = 1, **header: Any
    ) -> bytes:
        """The chain's next event with a Lamport clock as low as the chain allows (one above
        its own previous event), or `lamport` if that is higher."""
        floor = self.tip_lamport + 1
        return self.event(event_type, content, lamport=max(lamport, floor), **header)

    def equivocate(
        self, event_type: str, content_a: dict[str, Any], content_b: dict[str, Any]
    ) -> tuple[bytes, bytes]:
        """Two different events with the same sequence number (and prev); the chain then
        continues from the first."""
        second = self.event(event_type, content_b, commit=False)
        first = self.event(event_type, content_a)
        return first, second

    def preempt_share(
        self,
        epoch: int,
        key: bytes,
        recipients: list[bytes],
        *,
        under: int | None = None,
        **header: Any,
    ) -> bytes:
        """A `space.epoch.share` of `key` for `epoch`, sealed to `recipients` (box public
        keys), as a removed member would write it after reading a rotation it cannot open;
        encrypted under epoch `under` (default: the member's current epoch)."""
        keys = seal_epoch_key_to_all(recipients, self.space_id, epoch, key)
        return self.event(ev.SHARE, {"epoch": epoch, "keys": keys}, epoch=under, **header)

    def emptied_copy(self, envelope: bytes, redaction: bytes) -> bytes:
        """`envelope` (any event the member holds) redacted, carrying the proof of
        `redaction` (an envelope of the member's, e.g. a forged removal of that event)."""
        proof_epoch = env.read_header(redaction)[0].epoch
        proof = env.redaction_proof(redaction, self.epoch_keys[proof_epoch])
        epoch = env.read_header(envelope)[0].epoch
        return env.redacted_envelope(envelope, self.epoch_keys[epoch], proof)

    def poison(self, kind: str, *, commit: bool = False) -> bytes:
        """An envelope that decrypts and whose signature verifies, but whose values are out
        of range or of the wrong type: one of POISONS."""
        return POISONS[kind](self, commit)


def _header_poison(field_index: int, value: Any) -> Callable[[Hostile, bool], bytes]:
    def make(h: Hostile, commit: bool) -> bytes:
        header = [
            env.VERSION_1,  # the old body layout: what these poisons were written against
            h.space_id,
            h.epoch,
            h.author,
            h.device,
            h.seq + 1,
            h.lamport + 1,
            h.prev,
        ]
        header[field_index] = value
        return raw_envelope(header, [ev.POST, 1, {"body": "x"}], h.seed, h.epoch_keys[h.epoch])

    return make


def _body_poison(body: list[Any] | bytes) -> Callable[[Hostile, bool], bytes]:
    def make(h: Hostile, commit: bool) -> bytes:
        header = [
            env.VERSION_1,  # the old body layout: what these poisons were written against
            h.space_id,
            h.epoch,
            h.author,
            h.device,
            h.seq + 1,
            h.lamport + 1,
            h.prev,
        ]
        envelope = raw_envelope(header, body, h.seed, h.epoch_keys[h.epoch])
        if commit:
            h.seq, h.lamport = h.seq + 1, h.lamport + 1
            h.tip_lamport = h.lamport
            h.prev = env.event_id(
                env.packb(header), body if isinstance(body, bytes) else env.packb(body)
            )
            h.written.append(envelope)
        return envelope

    return make


def _content(event_type: str, content: dict[str, Any]) -> Callable[[Hostile, bool], bytes]:
    return _body_poison([event_type, 1_700_000_000_000, content])


U64_MAX = 2**64 - 1
I64_MIN = -(2**63)

#: Every kind of poison `Hostile.poison` makes. Each decrypts with the epoch key and carries
#: a good signature: only range and type checks can stop it.
POISONS: dict[str, Callable[[Hostile, bool], bytes]] = {
    "created_ms_u64_max": _body_poison([ev.POST, U64_MAX, {"body": "x"}]),
    "created_ms_negative": _body_poison([ev.POST, I64_MIN, {"body": "x"}]),
    "created_ms_float": _body_poison([ev.POST, 1.5, {"body": "x"}]),
    "type_not_text": _body_poison([b"space.post", 1, {"body": "x"}]),
    "type_too_long": _body_poison(["space." + "p" * 500, 1, {"body": "x"}]),
    "content_not_a_map": _body_poison([ev.POST, 1, ["body", "x"]]),
    "body_not_msgpack": _body_poison(b"\xc1\xc1\xc1"),
    "body_extra_field": _body_poison([ev.POST, 1, {"body": "x"}, 4]),
    "content_ext_type": _body_poison(b"\x93\xaaspace.post\x01\x81\xa4body\xd6\xff\x00\x00\x00\x01"),
    "content_int_keys": _body_poison(b"\x93\xaaspace.post\x01\x81\x01\xa1x"),
    "seq_u64_max": _header_poison(5, U64_MAX),
    "lamport_u64_max": _header_poison(6, U64_MAX),
    "epoch_negative": _header_poison(2, -1),
    "version_3": _header_poison(0, 3),
    "rotate_epoch_u64_max": _content(ev.ROTATE, {"epoch": U64_MAX, "keys": []}),
    "share_epoch_negative": _content(ev.SHARE, {"epoch": -5, "keys": []}),
    "add_key_epoch_u64_max": _content(
        ev.ADD,
        {
            "member": bytes(32),
            "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
            "devices": [[bytes(16), bytes(32)]],
            "key_epoch": U64_MAX,
        },
    ),
    "post_huge_body": _content(ev.POST, {"title": "", "body": "x" * 900_000, "cw": ""}),
    "post_title_int": _content(ev.POST, {"title": U64_MAX, "body": "x", "cw": ""}),
    "post_parent_int": _content(ev.POST, {"body": "x", "parent": U64_MAX}),
    "reaction_on_int": _content(ev.REACT, {"target": bytes(32), "kind": "me-too", "on": U64_MAX}),
    "pin_pinned_int": _content(ev.PIN, {"target": bytes(32), "pinned": U64_MAX}),
    "target_int": _content(ev.DELETE, {"target": U64_MAX}),
    "remove_ban_int": _content(ev.REMOVE, {"member": bytes(32), "ban": U64_MAX, "reason": 7}),
    "relays_nested": _content(ev.RELAYS, {"relays": [[[[[[["ws://127.0.0.1/"]]]]]]]}),
    "deep_nesting": _body_poison(b"\x93\xaaspace.post\x01\x81\xa4body" + b"\x91" * 2000 + b"\xc0"),
    "profile_u64": _content(
        ev.PROFILE, {"profile": {"name": U64_MAX, "pronouns": [], "colour": 5}}
    ),
    "journal_create_u64": _content(
        "journal.entry.create", {"title": U64_MAX, "body": b"x", "mood": U64_MAX, "tags": 7}
    ),
    "journal_relays_u64": _content("journal.relays", {"relays": U64_MAX}),
}
