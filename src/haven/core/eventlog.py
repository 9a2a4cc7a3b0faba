"""The append-only event log and the projections rebuilt from it.

Everything a person writes becomes an event here (core/envelope.py). Events from peers go
through `ingest`, which checks every one before anything is applied: encoding, decryption
with the space's epoch key, signature, authorship, and per-(author, device) sequence
continuity. Listeners hear about new events only after the transaction has committed.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from haven.core import redaction, verifier
from haven.core.clock import Clock, now_ms
from haven.core.envelope import (
    SIGN_DOMAIN,
    VERSION_3,
    ZERO_ID,
    Event,
    Header,
    content_key,
    open_event,
    open_unverified,
    read_header,
    seal_event,
)
from haven.crypto.signing import SigningKeyPair
from haven.errors import InvalidEvent, NotFound
from haven.store import devices_table as dt
from haven.store import identity_tables as ids
from haven.store import log_table as lt
from haven.store.spaces import device_keys as space_device_keys
from haven.store.vault import Connection, Vault, is_storage_failure

log = logging.getLogger(__name__)

#: Early arrivals held per space before further ones are refused (a flood guard).
MAX_HELD_PER_SPACE = 50_000

#: How far one event may move its author's chain clock (Lamport) ahead of the chain's
#: previous event (or of 0, for a chain's first event). Honest clocks rise by one per event a
#: device has seen, so no honest space comes near it; without it one event at the top of the
#: clock's range (2**63 - 1) left no clock for anyone's next event, and the space could not
#: be written in again on any replica that took it. With it, reaching the top takes about
#: 2**31 events of one chain (docs/PROTOCOL.md §1).
MAX_CLOCK_STEP = 2**32


def next_clock(seen: int, own: int) -> int:
    """This device's next Lamport clock: one above every event it holds (`seen`), but no
    further than a step above its own chain's last event (`own`), so peers accept it even
    after someone leapt ahead. Always above `own`, since `seen >= own`."""
    return min(seen + 1, own + MAX_CLOCK_STEP)


#: Stale projections a round may recompute early, per space, to find an epoch key a rotation
#: in the same round brings (EventLog._catch_up); the rest wait for the round's `settle`.
MAX_CATCH_UPS = 4

#: Reasons kept per ingest result (all rejections are counted; a flood of junk keeps only
#: the first reasons, for the log and the report).
MAX_REASONS_KEPT = 64
#: An envelope ready to open: itself, its parsed header, header bytes, ciphertext, content key.
_OpenJob = tuple[bytes, Header, bytes, bytes, bytes]


class KeyRing:
    """Content keys of epochs, each read from the vault once and kept for one sync round (or
    one ingest), so opening a batch needs no database while another batch is committed. A
    key that is missing is never remembered: it may arrive with the next batch. Dropped with
    the round; `EventLog.key_ring()` makes one."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._keys: dict[tuple[bytes, int], bytes] = {}

    def content_key(self, space_id: bytes, epoch: int) -> bytes | None:
        slot = (space_id, epoch)
        key = self._keys.get(slot)
        if key is None:
            with self._vault.read_nowait() as conn:
                epoch_key = ids.get_epoch_key(conn, space_id, epoch)
            if epoch_key is None:
                return None
            key = self._keys[slot] = content_key(epoch_key)
        return key


Slot = Event | InvalidEvent | Header


class OpenedBatch:
    """Envelopes after every check that needs no log state (encoding, decryption,
    signature): per envelope the event, why it failed, or just its header when its epoch
    key was not known yet (it may arrive earlier in the same transaction, which then tries
    again). Signatures may still be with the verifier process: `opened` waits for them."""

    def __init__(
        self,
        envelopes: tuple[bytes, ...],
        jobs: Sequence[_OpenJob | InvalidEvent | Header],
        *,
        share: bool,
    ) -> None:
        """Decrypt each job here, and hand all the signatures to the verifier together:
        with `share` this thread checks half of them and waits for the rest; without, they
        are checked while this thread goes on (`opened` collects the answer)."""
        self.envelopes = envelopes
        slots: list[Slot] = []
        unchecked: list[tuple[int, Event, bytes]] = []  # (slot, event, its signature)
        for job in jobs:
            if not isinstance(job, tuple):
                slots.append(job)
                continue
            try:
                event, signature = open_unverified(*job)
            except InvalidEvent as exc:
                slots.append(exc)
                continue
            if signature is not None:  # None: a redacted old event (its redaction vouches)
                unchecked.append((len(slots), event, signature))
            slots.append(event)
        checks = [
            (event.header.signing_key, SIGN_DOMAIN, event.id, sig) for _, event, sig in unchecked
        ]
        self._slots = slots
        self._unchecked = [slot for slot, _, _ in unchecked]
        self._pending: verifier.Pending | None
        if share:
            self._pending = None
            self._settle(verifier.verify_many(checks, share=True))
        else:
            self._pending = verifier.verify_later(checks)

    @property
    def opened(self) -> tuple[Slot, ...]:
        """Each envelope's outcome, signatures checked."""
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._settle(pending.result())
        return tuple(self._slots)

    def headers(self) -> list[Header]:
        """The header of every envelope that parsed, without waiting for signatures (they
        are authenticated by the space key already, not yet by their author)."""
        return [
            s.header if isinstance(s, Event) else s
            for s in self._slots
            if not isinstance(s, InvalidEvent)
        ]

    def _settle(self, verdicts: list[bool]) -> None:
        for slot, good in zip(self._unchecked, verdicts, strict=True):
            if not good:
                self._slots[slot] = InvalidEvent("event signature does not verify")


class _Batch:
    """What stays true for one ingest transaction: space rows, the chain tips seen or
    written, and which spaces have early arrivals waiting (most batches have none, which
    saves two statements per event)."""

    def __init__(self, careful: bool = False, settle_later: bool = False) -> None:
        self.careful = careful  # one savepoint per event (see EventLog.ingest_opened)
        self.settle_later = settle_later  # recomputes wait for EventLog.settle
        self._spaces: dict[bytes, ids.SpaceRow | None] = {}
        self._held_checked: set[bytes] = set()
        self.held_spaces: set[bytes] = set()
        self._tips: dict[tuple[bytes, bytes, bytes], lt.ChainTip] = {}
        self.memo: Memo = {}
        self.own_chains: dict[bytes, tuple[bytes, bytes]] = {}  # space -> (persona, device)
        #: Chains whose held events may now count (a device certificate arrived).
        self.unblocked: list[tuple[bytes, bytes, bytes]] = []

    def space(self, conn: Connection, space_id: bytes) -> ids.SpaceRow | None:
        if space_id not in self._spaces:
            self._spaces[space_id] = ids.get_space(conn, space_id)
        return self._spaces[space_id]

    def may_hold(self, conn: Connection, space_id: bytes) -> bool:
        if space_id not in self._held_checked:
            self._held_checked.add(space_id)
            if lt.count_held(conn, space_id):
                self.held_spaces.add(space_id)
        return space_id in self.held_spaces

    def tip(self, conn: Connection, header: Header) -> lt.ChainTip:
        chain = (header.space_id, header.author, header.device)
        tip = self._tips.get(chain)
        if tip is None:
            tip = self._tips[chain] = lt.chain_tip_with_clock(conn, *chain)
        return tip

    def appended(self, event: Event) -> None:
        self._tips[(event.space_id, event.author, event.device)] = lt.ChainTip(
            event.seq, event.id, event.lamport
        )

    def forget(self) -> None:
        """The log or the devices changed outside this batch's own appends (see
        EventLog.log_changed)."""
        self._tips.clear()
        self.memo.clear()

    @contextlib.contextmanager
    def guard(self, conn: Connection) -> Iterator[None]:
        """Around one event: in the careful pass its own savepoint; in the fast pass, an
        unexpected failure (not the vault's) becomes _EventFault, which starts the careful
        pass."""
        if self.careful:
            with _event_savepoint(conn, self):
                yield
            return
        try:
            yield
        except InvalidEvent:
            raise
        except Exception as exc:
            if is_storage_failure(exc):
                raise
            raise _EventFault() from exc


class Projector(Protocol):
    """Keeps some tables in step with the log. `apply` runs inside the log's transaction."""

    type_prefix: str

    def apply(self, conn: Connection, event: Event, log: EventLog) -> None: ...

    def clear(self, conn: Connection, space_id: bytes) -> None: ...


#: Lookups an authorizer may keep for the rest of one transaction, event after event. Emptied
#: when a projector changes the log or the devices (EventLog.log_changed).
Memo = dict[Any, Any]


class Authorizer(Protocol):
    """Decides whether `event`'s author was entitled to write it at its point in the log.
    An authoriser may also have `waits(conn, space, event, memo) -> bool`: for an event it
    does not allow yet but may later (its signing key's certificate has not arrived), which
    is then held like an early arrival instead of being refused; and `knows(type) -> bool`:
    whether this version has a rule for an event type it lets in (one it does not know is
    counted in `IngestResult.unknown`)."""

    def allows(self, conn: Connection, space: ids.SpaceRow, event: Event, memo: Memo) -> bool: ...


class OwnPersonaOnly:
    """A private space (the journal): only the persona that owns it, on any of its devices."""

    def allows(self, conn: Connection, space: ids.SpaceRow, event: Event, memo: Memo) -> bool:
        return event.author == space.persona_id


@dataclass
class IngestResult:
    accepted: list[Event] = field(default_factory=list)
    duplicates: int = 0
    held: int = 0
    rejected: list[str] = field(default_factory=list)  # reasons, the first MAX_REASONS_KEPT
    rejected_count: int = 0
    equivocations: int = 0
    #: Accepted events of a type this version has no rule for (a newer version's feature):
    #: stored and passed on to peers, applied by nothing (docs/PROTOCOL.md §5.2).
    unknown: int = 0
    #: Events of this device's own chains that arrived from elsewhere: another copy of this
    #: vault (an older backup, a copied folder) wrote them. They are taken in (this copy
    #: catches up), and the caller warns: two live copies of one device fork its chains.
    own_from_elsewhere: int = 0

    def reject(self, reason: str) -> None:
        self.rejected_count += 1
        if len(self.rejected) < MAX_REASONS_KEPT:
            self.rejected.append(reason)
            log.info("rejected an event: %s", reason)


class _Waiting(InvalidEvent):
    """The authoriser does not allow the event yet but may later: hold it. (An InvalidEvent,
    so that an event's savepoint lets it through as a check's answer, not a fault.)"""

    def __init__(self, *, uncertified: bool = False) -> None:
        super().__init__("the event's signing key is not certified yet")
        #: Held because its signing key is not certified yet (else: only for a gap).
        self.uncertified = uncertified


class _EventFault(Exception):
    """An event made checking or projecting it fail in a way no check foresaw (a bug, or a
    value a projector could not store): the batch is run again, one savepoint per event, so
    that this event alone is rejected."""


@contextlib.contextmanager
def _event_savepoint(conn: Connection, batch: _Batch) -> Iterator[None]:
    """One event's writes: kept if it is accepted or rejected by a check (a rejection may
    record something, e.g. an equivocation), undone if it fails unexpectedly — which then
    rejects it as "could not be applied". A failure of the vault itself is not the event's
    fault and ends the whole transaction."""
    lt.savepoint(conn, "haven_event")
    try:
        yield
    except InvalidEvent:
        lt.release(conn, "haven_event")
        raise
    except Exception as exc:
        if is_storage_failure(exc):
            raise
        lt.rollback_to(conn, "haven_event")
        lt.release(conn, "haven_event")
        batch.forget()  # lookups made inside the undone writes may be stale
        log.warning("an event could not be applied: %s", type(exc).__name__)
        raise InvalidEvent(f"event could not be applied ({type(exc).__name__})") from exc
    else:
        lt.release(conn, "haven_event")


@dataclass(frozen=True)
class Draft:
    type: str
    content: dict[str, Any]
    target: bytes | None = None
    #: Target the first event written in the same batch (an attachment's chunks, their post).
    target_first: bool = False


Listener = Callable[[Sequence[Event]], None]


class EventLog:
    def __init__(
        self, vault: Vault, device_for: Callable[[bytes], bytes], clock: Clock = now_ms
    ) -> None:
        """`device_for(persona_id)` gives the device id to write under as that persona."""
        self._vault = vault
        self._device_for = device_for
        self._clock = clock
        self._projectors: list[Projector] = []
        self._authorizers: dict[str, Authorizer] = {"journal": OwnPersonaOnly()}
        self._redaction_rules: dict[str, redaction.RedactionRule] = {}
        self._erasable: frozenset[str] = frozenset()
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()
        self._current: _Batch | None = None  # the ingest transaction in progress
        #: Projections are being rebuilt from the log (a projector must not change the log).
        self.replaying = False
        self._signers: dict[bytes, SigningKeyPair] = {}  # seed -> its expanded key pair
        #: Recomputes brought forward for missing epoch keys, per space, since `settle`.
        self._catch_ups: dict[bytes, int] = {}

    # ----------------------------------------------------------------- wiring

    def register_projector(self, projector: Projector) -> None:
        self._projectors.append(projector)

    def register_authorizer(self, space_kind: str, authorizer: Authorizer) -> None:
        self._authorizers[space_kind] = authorizer

    def register_redaction_rule(self, space_kind: str, rule: redaction.RedactionRule) -> None:
        self._redaction_rules[space_kind] = rule
        self._erasable = self._erasable | rule.erasable

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with each committed batch of new events; returns an unsubscribe."""
        with self._listeners_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._listeners_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    # ----------------------------------------------------------------- writing

    def append(
        self, space_id: bytes, event_type: str, content: dict[str, Any], target: bytes | None = None
    ) -> Event:
        return self.append_many(space_id, [Draft(event_type, content, target)])[0]

    def append_many(self, space_id: bytes, drafts: Iterable[Draft]) -> list[Event]:
        """Sign, encrypt, store and project our own events, all in one transaction."""
        written: list[Event] = []
        with self._vault.transaction() as conn:
            self.log_changed()  # a projector may write while an ingest is in progress
            space = self._space(conn, space_id)
            epoch_key = ids.get_epoch_key(conn, space_id, space.current_epoch)
            if epoch_key is None:
                raise NotFound("no key for this space's current epoch")
            device = self._device_for(space.persona_id)
            keys, device_keys = self._signing_keys(conn, space, device)
            tip = lt.chain_tip_with_clock(conn, space_id, space.persona_id, device)
            seq, prev, lamport = tip.seq, tip.id, tip.lamport
            seen = lt.max_lamport(conn, space_id)
            for draft in drafts:
                seq, lamport = seq + 1, next_clock(seen, lamport)
                seen = max(seen, lamport)
                header = Header(
                    space_id,
                    space.current_epoch,
                    space.persona_id,
                    device,
                    seq,
                    lamport,
                    prev or ZERO_ID,
                    *((VERSION_3, device_keys.public) if device_keys else ()),
                )
                content = dict(draft.content)
                if draft.target is not None:
                    content["target"] = draft.target
                elif draft.target_first and written:
                    content["target"] = written[0].id
                signer = device_keys or keys
                event = seal_event(header, draft.type, self._clock(), content, signer, epoch_key)
                self._store_and_project(conn, event)
                written.append(event)
                prev = event.id
            self._vault.after_commit(lambda: self._notify(written))
            self.checkpoint_if_erased(conn)
        return written

    # ----------------------------------------------------------------- receiving

    def ingest(self, untrusted_envelopes: Iterable[bytes]) -> IngestResult:
        """Check and apply events from a peer, in one transaction. Never raises for a bad
        event: each is counted as rejected with its reason and the rest go on."""
        return self.ingest_opened([self.open_envelopes(list(untrusted_envelopes))])[0]

    def key_ring(self) -> KeyRing:
        return KeyRing(self._vault)

    def open_envelopes(
        self,
        untrusted_envelopes: Sequence[bytes],
        keys: KeyRing | None = None,
        *,
        parallel: bool = True,
    ) -> OpenedBatch:
        """Parse, decrypt and verify a batch: the costly part of ingesting, and none of it
        depends on the log's state, so it may run on another thread while an earlier batch
        is committed (sync/engine.py does). Long runs of signatures are checked in the
        verifier process (core/verifier.py). With `parallel` this thread checks half of them
        meanwhile and returns a settled batch: right when no other thread is busy. Without,
        it returns at once and `opened` waits for the verifier: right in the engine's
        pipeline, where the thread committing batches wants the core."""
        envelopes = tuple(untrusted_envelopes)
        ring = keys or self.key_ring()
        jobs: list[_OpenJob | InvalidEvent | Header] = []
        unknown: set[tuple[bytes, int]] = set()  # asked once per batch, not once per event
        for untrusted in envelopes:
            try:
                header, header_bytes, ciphertext = read_header(untrusted)
            except InvalidEvent as exc:
                jobs.append(exc)
                continue
            slot = (header.space_id, header.epoch)
            key = None if slot in unknown else ring.content_key(*slot)
            if key is None:
                unknown.add(slot)
            jobs.append(
                header if key is None else (untrusted, header, header_bytes, ciphertext, key)
            )
        return OpenedBatch(envelopes, jobs, share=parallel)

    def ingest_opened(
        self, batches: Sequence[OpenedBatch], *, settle_later: bool = False
    ) -> list[IngestResult]:
        """Apply opened batches in one transaction, in order, with a result for each.
        Everything that depends on the log's state — authorship, sequence, the clock — is
        checked here, event by event.

        With `settle_later` (a sync round, a relay sync: many transactions in a row, whose
        batch boundaries the peer chooses) a projection that this transaction leaves to be
        recomputed (a late arrival, a removal that cuts off what was applied) is recomputed,
        and its change announced, at the next `settle()` instead of after this commit: a
        peer who sends one backdated event per batch costs one recompute per round, not one
        per event (docs/PROTOCOL.md §5.3, "Cost"). Until then the space is marked stale in
        the vault, so a read recomputes it first: nothing stale is ever shown."""
        # Collect the signature verdicts first: waiting for the verifier must not hold the
        # vault (the UI reads it meanwhile).
        settled = [(opened.envelopes, opened.opened) for opened in batches]
        with self._vault.transaction() as conn:
            # Fast path: no savepoint per event. If an event fails in a way no check
            # foresaw, undo the lot and go again carefully, so that it costs only itself.
            lt.savepoint(conn, "haven_ingest")
            try:
                results = self._ingest_settled(conn, settled, False, settle_later)
            except _EventFault:
                lt.rollback_to(conn, "haven_ingest")
                results = self._ingest_settled(conn, settled, True, settle_later)
            lt.release(conn, "haven_ingest")
            accepted = [e for r in results for e in r.accepted]
            if accepted:
                self._vault.after_commit(lambda: self._notify(accepted))
            self.checkpoint_if_erased(conn)
        return results

    def now_ms(self) -> int:
        """This device's clock, as the log stamps what it writes (never a peer's)."""
        return self._clock()

    def checkpoint_if_erased(self, conn: Connection) -> None:
        """Within a transaction: if it erased words, a TRUNCATE checkpoint once it commits,
        so neither the database file's old page images nor the -wal file's frames keep them
        (core/redaction.py `erased`; docs/PROTOCOL.md, "Redaction"). Every transaction that
        may erase calls it: appending, ingesting, and a projection's recompute."""
        if redaction.erased(conn):
            self._vault.after_commit(self._checkpoint)

    def _checkpoint(self) -> None:
        with self._vault.read() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def settle(self) -> None:
        """Recompute what ingests with `settle_later` left stale, and announce it (the end
        of a sync round). Safe to call at any time; does nothing when nothing waits."""
        self._catch_ups.clear()
        for projector in self._projectors:
            settle = getattr(projector, "settle", None)
            if settle is not None:
                settle(self)

    @property
    def settling_later(self) -> bool:
        """Whether the ingest in progress leaves recomputes for `settle` (projectors ask)."""
        return self._current is not None and self._current.settle_later

    def _ingest_settled(
        self,
        conn: Connection,
        settled: list[tuple[tuple[bytes, ...], tuple[Slot, ...]]],
        careful: bool,
        settle_later: bool,
    ) -> list[IngestResult]:
        results: list[IngestResult] = []
        batch = self._current = _Batch(careful, settle_later)
        try:
            for envelopes, slots in settled:
                result = IngestResult()
                for untrusted, pre in zip(envelopes, slots, strict=True):
                    try:
                        with batch.guard(conn):
                            self._ingest_one(conn, batch, untrusted, pre, result)
                    except InvalidEvent as exc:
                        result.reject(str(exc))
                results.append(result)
        finally:
            self._current = None
        return results

    def expect_incoming(self, events: int) -> None:
        """A sync round is about to bring about this many events: start what checking
        them will need (the verifier process takes ~0.1 s to start) before they arrive."""
        if events >= verifier.WARM_UP_EVENTS:
            verifier.warm_up()

    def unblocked(self, space_id: bytes, author: bytes, device: bytes) -> None:
        """A projector learnt that the chain's held events may now count (a device's
        certificate arrived): the ingest in progress releases them."""
        if self._current is not None:
            self._current.unblocked.append((space_id, author, device))

    def log_changed(self) -> None:
        """A projector removed or wrote events, or changed who may write (linking and
        unlinking devices do): what the ingest in progress remembered is stale."""
        if self._current is not None:
            self._current.forget()

    def _ingest_one(
        self,
        conn: Connection,
        batch: _Batch,
        untrusted: bytes,
        pre: Event | InvalidEvent | Header,
        result: IngestResult,
    ) -> None:
        if isinstance(pre, InvalidEvent):
            raise pre
        opened, header = (pre, pre.header) if isinstance(pre, Event) else (None, pre)
        space = batch.space(conn, header.space_id)
        if space is None:
            raise InvalidEvent("event for a space this vault does not hold")
        tip = batch.tip(conn, header)
        if header.seq <= tip.seq:
            self._already_numbered(
                conn, batch, space, opened or self._open(conn, untrusted), result
            )
            return
        candidate = opened or self._open(conn, untrusted)
        try:
            event = self._authorise(conn, batch, space, candidate)
            if header.seq > tip.seq + 1:  # authenticated first: strangers cannot fill the table
                raise _Waiting()
        except _Waiting as waiting:
            if lt.count_held(conn, header.space_id) >= MAX_HELD_PER_SPACE:
                raise InvalidEvent("too many events waiting for a gap to fill") from None
            rule = self._redaction_rules.get(space.kind)
            lt.hold_event(
                conn,
                header.space_id,
                header.author,
                header.device,
                header.seq,
                redaction.held_form(conn, candidate, untrusted, rule),
                waiting=waiting.uncertified,
            )
            batch.held_spaces.add(header.space_id)
            result.held += 1
            return
        if event.redacted:
            self._justify(conn, space, event)
        self._append_checked(conn, event, tip)
        self._accepted(batch, space, event, result)
        if batch.may_hold(conn, header.space_id):
            lt.drop_held_through(conn, event.space_id, event.author, event.device, event.seq)
            self._release_held(conn, batch, space, event, result)
        while batch.unblocked:  # chains whose device was certified meanwhile
            space_id, author, device = batch.unblocked.pop()
            chain_tip = batch.tip(conn, Header(space_id, 0, author, device, 1, 1, ZERO_ID))
            if batch.may_hold(conn, space_id):
                unblocked_space = batch.space(conn, space_id)
                if unblocked_space is not None:
                    self._release_held(
                        conn, batch, unblocked_space, (author, device, chain_tip), result
                    )

    def _already_numbered(
        self,
        conn: Connection,
        batch: _Batch,
        space: ids.SpaceRow,
        event: Event,
        result: IngestResult,
    ) -> None:
        """An event at a chain position this log already holds: the same event (by id) is a
        duplicate; another one, from someone allowed to write there, is a fork (recorded,
        bounded) — or signed by the very key that signed the one held there, when that key's
        certificate has not arrived here yet."""
        header = event.header
        existing = lt.event_at(conn, header.space_id, header.author, header.device, header.seq)
        if existing is not None and existing.id == event.id:
            result.duplicates += 1
            return
        try:
            self._authorise(conn, batch, space, event)
        except _Waiting:
            held_by = read_header(existing.envelope)[0].signing_key if existing else None
            if held_by != header.signing_key:
                raise InvalidEvent("the author may not write this event in this space") from None
        kept = existing.id if existing else b""
        if lt.record_equivocation(
            conn,
            header.space_id,
            header.author,
            header.device,
            header.seq,
            kept,
            event.id,
            self._clock(),
        ):
            result.equivocations += 1
        raise InvalidEvent("equivocation: a different event already has this sequence")

    def _release_held(
        self,
        conn: Connection,
        batch: _Batch,
        space: ids.SpaceRow,
        after: Event | tuple[bytes, bytes, lt.ChainTip],
        result: IngestResult,
    ) -> None:
        """Append the held events that follow `after` (an event just appended, or a chain's
        tip) on its chain, in order, while they count."""
        if isinstance(after, Event):
            author, device = after.author, after.device
            tip = lt.ChainTip(after.seq, after.id, after.lamport)
        else:
            author, device, tip = after
        while True:
            nxt = lt.take_held(conn, space.space_id, author, device, tip.seq + 1)
            if nxt is None:
                break
            try:
                with batch.guard(conn):
                    following = self._authorise(conn, batch, space, self._open(conn, nxt))
                    if following.redacted:
                        self._justify(conn, space, following)
                    self._append_checked(conn, following, tip)
            except _Waiting:  # still not certified: back where it was
                lt.hold_event(conn, space.space_id, author, device, tip.seq + 1, nxt, waiting=True)
                break
            except InvalidEvent as exc:
                result.reject(str(exc))
                break
            self._accepted(batch, space, following, result)
            tip = lt.ChainTip(following.seq, following.id, following.lamport)

    def _accepted(
        self, batch: _Batch, space: ids.SpaceRow, event: Event, result: IngestResult
    ) -> None:
        batch.appended(event)
        result.accepted.append(event)
        if not self._knows(space, event.type):
            result.unknown += 1
        own = batch.own_chains.get(space.space_id)
        if own is None:
            own = batch.own_chains[space.space_id] = (
                space.persona_id,
                self._device_for(space.persona_id),
            )
        if (event.author, event.device) == own:
            result.own_from_elsewhere += 1

    def _open(self, conn: Connection, untrusted: bytes) -> Event:
        header, _, _ = read_header(untrusted)
        epoch_key = ids.get_epoch_key(conn, header.space_id, header.epoch)
        if epoch_key is None and self._catch_up(conn, header.space_id):
            epoch_key = ids.get_epoch_key(conn, header.space_id, header.epoch)
        if epoch_key is None:
            raise InvalidEvent("event from an epoch whose key this vault does not hold")
        return open_event(untrusted, epoch_key)

    def _catch_up(self, conn: Connection, space_id: bytes) -> bool:
        """In a round whose recomputes wait for `settle`: an event under an epoch whose
        key is missing may need a rotation this round brought but has not applied yet (the
        space is stale). Recompute it now, at most MAX_CATCH_UPS times per space and round
        (a peer naming made-up epochs cannot buy more). Returns whether it recomputed."""
        if not self.settling_later or self._catch_ups.get(space_id, 0) >= MAX_CATCH_UPS:
            return False
        for projector in self._projectors:
            catch_up = getattr(projector, "catch_up", None)
            if catch_up is not None and catch_up(conn, space_id, self):
                self._catch_ups[space_id] = self._catch_ups.get(space_id, 0) + 1
                self.log_changed()
                return True
        return False

    def _authorise(
        self, conn: Connection, batch: _Batch, space: ids.SpaceRow, event: Event
    ) -> Event:
        authorizer = self._authorizers.get(space.kind)
        if authorizer is None:
            raise InvalidEvent("the author may not write this event in this space")
        if event.header.signer is not None and not hasattr(authorizer, "waits"):
            # Only spaces whose authoriser knows device certificates take device-signed events.
            raise InvalidEvent("the author may not write this event in this space")
        if not authorizer.allows(conn, space, event, batch.memo):
            waits = getattr(authorizer, "waits", None)
            if waits is not None and waits(conn, space, event, batch.memo):
                raise _Waiting(uncertified=True)
            raise InvalidEvent("the author may not write this event in this space")
        return event

    def _justify(self, conn: Connection, space: ids.SpaceRow, event: Event) -> None:
        rule = self._redaction_rules.get(space.kind)
        newer = not self._knows(space, event.type)
        redaction.justify(conn, space, event, rule, newer_type=newer)

    def _knows(self, space: ids.SpaceRow, event_type: str) -> bool:
        """False for a type the space kind's authoriser lets in but has no rule for."""
        knows = getattr(self._authorizers.get(space.kind), "knows", None)
        return knows is None or bool(knows(event_type))

    def _append_checked(self, conn: Connection, event: Event, tip: lt.ChainTip) -> None:
        if event.header.prev != (tip.id or ZERO_ID):
            raise InvalidEvent("event does not follow its author's previous event")
        if tip.id is not None and event.lamport <= tip.lamport:
            raise InvalidEvent("event's clock does not move forward")
        if event.lamport > tip.lamport + MAX_CLOCK_STEP:
            raise InvalidEvent("event's clock leaps too far ahead of its author's previous event")
        self._store_and_project(conn, event)

    def _store_and_project(self, conn: Connection, event: Event) -> None:
        target = event.content.get("target")
        lt.insert_event(
            conn,
            lt.StoredEvent(
                event.id,
                event.space_id,
                event.author,
                event.device,
                event.seq,
                event.lamport,
                event.header.epoch,
                event.type,
                target if isinstance(target, bytes) else None,
                event.created_ms,
                event.envelope,
            ),
        )
        if event.redacted:
            lt.mark_redacted(conn, event.id)
        for projector in self._projectors:
            if event.type.startswith(projector.type_prefix):
                projector.apply(conn, event, self)
        if event.type in self._erasable:
            redaction.erase_late(conn, event, self._erasable)

    # ----------------------------------------------------------------- reading

    def open_stored(self, conn: Connection, stored: lt.StoredEvent) -> Event:
        """Decrypt an event from our own log (verified when it was stored)."""
        key = ids.get_epoch_key(conn, stored.space_id, stored.epoch)
        if key is None:
            raise NotFound("no key for that event's epoch")
        return open_event(stored.envelope, key, verify=False)

    def chain_tips(self, space_id: bytes) -> dict[tuple[bytes, bytes], int]:
        with self._vault.read() as conn:
            return lt.chain_tips(conn, space_id)

    def chain_heads(self, space_id: bytes) -> dict[tuple[bytes, bytes], tuple[int, bytes]]:
        """Per chain, the highest contiguous seq and its event's id (sync's tips). Like
        `fork_evidence` and `envelopes_after`, what a sync round sends: read without waiting
        for another thread's transaction (`Vault.read_nowait`), so a round is served while
        a large space recomputes."""
        with self._vault.read_nowait() as conn:
            return lt.chain_heads(conn, space_id)

    def fork_evidence(
        self, space_id: bytes, remote: dict[tuple[bytes, bytes], tuple[int, bytes]]
    ) -> list[bytes]:
        """Given a peer's chain heads: for each chain where we hold an event at the peer's
        head seq with a different id, our envelope at that seq — two events signed with one
        number, i.e. a fork. Sent to the peer, it makes both sides record it. A zero head
        means "not stated" and is not checked.

        The side holding the longer branch cannot see the fork that way (the peer's head
        is below its own, on the peer's branch, which it does not hold): so for each fork
        this log has recorded, where the peer's chain reaches past ours, our event at the
        fork's seq goes too — a duplicate if the peer is on our branch, the proof that
        makes it record the fork if it is on the other (docs/PROTOCOL.md §3.2). At most one
        per recorded fork (bounded: one per chain, 256 per space)."""
        out: list[bytes] = []
        with self._vault.read_nowait() as conn:
            ours = lt.chain_heads(conn, space_id)
            for (author, device), (seq, head) in sorted(remote.items()):
                mine = ours.get((author, device))
                if mine is None or mine[0] < seq or head == ZERO_ID or mine == (seq, head):
                    continue
                stored = lt.event_at(conn, space_id, author, device, seq)
                if stored is not None and stored.id != head:
                    out.append(stored.envelope)
            for author, device, seq in lt.list_equivocations(conn, space_id):
                mine = ours.get((author, device))
                theirs = remote.get((author, device))
                if mine is None or theirs is None or not seq <= mine[0] < theirs[0]:
                    continue
                stored = lt.event_at(conn, space_id, author, device, seq)
                if stored is not None:
                    out.append(stored.envelope)
        return out

    def envelopes_after(
        self, space_id: bytes, remote_tips: dict[tuple[bytes, bytes], int], limit: int
    ) -> list[bytes]:
        """Up to `limit` envelopes the remote side lacks, given its chain tips; each chain in
        sequence order so the receiver never has to hold them."""
        out: list[bytes] = []
        with self._vault.read_nowait() as conn:
            for (author, device), seq in sorted(lt.chain_tips(conn, space_id).items()):
                have = remote_tips.get((author, device), 0)
                if seq <= have:
                    continue
                for ev in lt.chain_after(conn, space_id, author, device, have, limit - len(out)):
                    out.append(ev.envelope)
                if len(out) >= limit:
                    break
        return out

    def count(self, space_id: bytes | None = None) -> int:
        with self._vault.read() as conn:
            return lt.count_events(conn, space_id)

    def equivocations(self, space_id: bytes) -> list[tuple[bytes, bytes, int]]:
        with self._vault.read() as conn:
            return lt.list_equivocations(conn, space_id)

    def rebuild_projections(self, space_id: bytes) -> int:
        """Drop every projection of a space and replay the log into it. Returns the number
        of events replayed."""
        n = 0
        replaying, self.replaying = self.replaying, True
        try:
            with self._vault.transaction() as conn:
                for projector in self._projectors:
                    projector.clear(conn, space_id)
                for stored in list(lt.events_in_order(conn, space_id)):
                    event = self.open_stored(conn, stored)
                    for projector in self._projectors:
                        if event.type.startswith(projector.type_prefix):
                            projector.apply(conn, event, self)
                    n += 1
                self.checkpoint_if_erased(conn)
        finally:
            self.replaying = replaying
        return n

    # ----------------------------------------------------------------- helpers

    def _space(self, conn: Connection, space_id: bytes) -> ids.SpaceRow:
        space = ids.get_space(conn, space_id)
        if space is None:
            raise NotFound("unknown space")
        return space

    def _signing_keys(
        self, conn: Connection, space: ids.SpaceRow, device: bytes
    ) -> tuple[SigningKeyPair, SigningKeyPair | None]:
        """The persona's key pair, and this device's own key pair once it has one — in a
        group space, once the space holds its certificate (core/spaces/device_keys.py) —
        which then signs instead (version 3). Each expanded once per session."""
        row = ids.get_persona(conn, space.persona_id)
        if row is None:
            raise NotFound("unknown persona")
        seed = dt.get_sign_seed(conn, device)
        own = self._pair(seed) if seed is not None else None
        if own is not None and space.kind != "journal":
            certified = space_device_keys.certified_keys(conn, space.space_id, space.persona_id)
            if certified.get(device) != own.public:
                own = None
        return self._pair(row.sign_seed), own

    def _pair(self, seed: bytes) -> SigningKeyPair:
        pair = self._signers.get(seed)
        if pair is None:
            pair = self._signers[seed] = SigningKeyPair.from_seed(seed)
        return pair

    def _notify(self, events: Sequence[Event]) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(events)
            except Exception:  # a broken listener must not break the log
                log.exception("event listener failed")
