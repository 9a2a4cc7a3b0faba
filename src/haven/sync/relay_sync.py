"""Sync through relays: push this device's waiting events, pull what others left.

What a relay holds must tell it nothing, not even an envelope's cleartext header (it names
the author's key and a device id, which would let a relay link memberships). So each
envelope is padded and sealed again before it leaves (XChaCha20-Poly1305, `haven.crypto`)
under a mailbox content key derived from the space's epoch key. There is one mailbox per
(space, epoch): its address and its auth key come from the epoch key too (relay/protocol.py),
so after a key rotation new events go to a new mailbox that removed members cannot read, and
members read every epoch mailbox they hold a key for. One connection per mailbox.

Delivery is at least once: the outbox (core/relays.py) moves forward only on the relay's
acknowledgement, a cursor only in the transaction that ingested what it covers, and the log
drops duplicates. Gaps (a relay that lost blobs) show up as held events and are filled by any
other relay or peer that has them.
"""

from __future__ import annotations

import asyncio
import ssl as ssl_module
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from haven.core.relays import Erasable, Pending
from haven.core.session import Session
from haven.relay.client import RelayClient, RelayError
from haven.relay.protocol import erase_verifier
from haven.sync.relay_blobs import MAX_BLOB_BYTES as MAX_BLOB_BYTES  # re-exported
from haven.sync.relay_blobs import (
    erase_token,
    legacy_erase_token,
    mailbox_id,
    open_blob,
    seal_blob,
)
from haven.sync.relay_window import AppendWindow, PageReader, settle_future, within

PUSH_BATCH = 256
FETCH_PAGE = 256
#: Rounds of "a new epoch key arrived, read its mailbox too" per space and sync.
MAX_EPOCH_ROUNDS = 8
#: Pages read from one mailbox in one round, at most (a relay cannot keep a round going).
MAX_PAGES_PER_ROUND = 4096
#: How long in all, and at most each time, to wait when a relay says "slow down".
MAX_RATE_WAIT_S = 120.0
MAX_RETRY_WAIT_MS = 10_000


@dataclass
class SpaceRelayReport:
    space_id: bytes
    sent: int = 0
    received: int = 0  # new events accepted into the log
    duplicates: int = 0
    rejected: int = 0  # blobs that did not open, and events the log refused
    held: int = 0  # events waiting for a gap to fill, after this sync
    erased: int = 0  # blobs of redacted events the relay erased at our request
    waiting: int = 0  # own events this relay has not acknowledged, after this sync
    own_from_elsewhere: int = 0  # this device's own events, written by another copy of it
    unknown: int = 0  # events of a type only a newer version knows (kept, not applied)
    error: str | None = None


@dataclass
class RelayReport:
    relay: str
    spaces: list[SpaceRelayReport] = field(default_factory=list)
    error: str | None = None  # set when the relay could not be used at all

    @property
    def reached(self) -> bool:
        return self.error is None


#: Errors that mean nothing can be done with a relay this round: its other spaces are not tried.
UNUSABLE = frozenset({"unreachable", "timeout", "proxy_unreachable", "needs_proxy"})


class Mailboxes:
    """The open connections of one space's sync, one per epoch, opened on first use."""

    def __init__(
        self, url: str, ssl: ssl_module.SSLContext | None, timeout: float, *, proxy: str | None
    ) -> None:
        self._url, self._ssl, self.timeout, self._proxy = url, ssl, timeout, proxy
        self._open: dict[int, RelayClient] = {}

    async def get(self, epoch: int, epoch_key: bytes) -> RelayClient:
        if epoch not in self._open:
            self._open[epoch] = await RelayClient.connect(
                self._url, epoch_key, ssl=self._ssl, timeout=self.timeout, proxy=self._proxy
            )
        return self._open[epoch]

    async def close(self) -> None:
        for client in self._open.values():
            await client.close()
        self._open.clear()


async def async_sync_relay(
    session: Session,
    relay: str,
    space_ids: list[bytes],
    *,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = 10.0,
) -> RelayReport:
    """One round with one relay for the given spaces: pull every epoch mailbox, push, pull
    again what others appended meanwhile.
    A relay that cannot be reached ends the round for it (error set); a failure part-way
    keeps everything acknowledged or ingested so far."""
    report = RelayReport(relay)
    proxy = await proxy_of(session)
    for space_id in space_ids:
        space_report = SpaceRelayReport(space_id)
        report.spaces.append(space_report)
        mailboxes = Mailboxes(relay, ssl, timeout, proxy=proxy)
        try:
            await _push_and_pull(session, relay, space_id, mailboxes, space_report)
        except RelayError as exc:
            space_report.error = exc.code
            if exc.code in UNUSABLE and space_report is report.spaces[0]:
                report.error = exc.code  # nothing done yet: don't try its other spaces
        finally:
            await mailboxes.close()
            space_report.waiting = await asyncio.to_thread(session.relays.waiting, space_id, relay)
            space_report.held = await asyncio.to_thread(session.relays.held, space_id)
        if report.error is not None:
            break
    done = [s.space_id for s in report.spaces if s.error is None]
    if done:
        await asyncio.to_thread(session.relays.record_sync, done, "relay")
    return report


async def _push_and_pull(
    session: Session, relay: str, space_id: bytes, mailboxes: Mailboxes, report: SpaceRelayReport
) -> None:
    """Pull, push, and pull what came meanwhile. Slow down when the relay asks (retry_ms);
    everything acknowledged is kept, so a retry re-sends only what is still waiting."""
    deadline = asyncio.get_running_loop().time() + MAX_RATE_WAIT_S
    own: dict[int, set[int]] = {}
    while True:
        try:
            # Read first, so that the blobs this push appends come just after the cursor and
            # the read after it skips them (only what others appended meanwhile comes down).
            await _pull_all(session, relay, space_id, mailboxes, report, own)
            await push_waiting(session, relay, space_id, mailboxes, report, own)
            if own:
                await _pull_all(session, relay, space_id, mailboxes, report, own)
            await erase_redacted(session, relay, space_id, mailboxes, report)
            return
        except RelayError as exc:
            wait = min(max(exc.retry_ms, 250), MAX_RETRY_WAIT_MS) / 1000
            if exc.code != "rate_limited" or asyncio.get_running_loop().time() + wait > deadline:
                raise
            await asyncio.sleep(wait)


async def proxy_of(session: Session) -> str | None:
    """The proxy this vault's relay connections go through (core/relay_proxy.py), or None."""
    return await asyncio.to_thread(session.proxy.url)


async def push_waiting(
    session: Session,
    relay: str,
    space_id: bytes,
    mailboxes: Mailboxes,
    report: SpaceRelayReport,
    own: dict[int, set[int]] | None = None,
) -> None:
    """Upload waiting events in sequence order through a window of appends in flight
    (relay_window.py); the outbox moves forward over the acknowledged prefix only. The
    cursors the relay gave this device's blobs are added to `own` (by epoch), so the pull
    that follows need not fetch them back."""
    keys = await asyncio.to_thread(session.relays.epoch_keys, space_id)
    erase_key = await asyncio.to_thread(session.relays.erase_key, space_id)
    window = AppendWindow(mailboxes.timeout)
    queued: deque[Pending] = deque()
    sent = acked = saved = 0
    more = True
    try:
        while True:
            if not queued and more:
                if acked > saved:  # progress kept as it goes, not only at the end
                    await asyncio.to_thread(session.relays.mark_acked, relay, space_id, acked)
                    saved = acked
                batch = await asyncio.to_thread(
                    session.relays.pending, relay, space_id, PUSH_BATCH, sent
                )
                queued.extend(batch)
                more = len(batch) == PUSH_BATCH
            while queued and window.has_room:
                item = queued.popleft()
                key = keys.get(item.epoch)
                if key is None:  # cannot happen for our own events; never skip one silently
                    raise RelayError("no_key", "no key for an event's epoch")
                client = await mailboxes.get(item.epoch, key)
                vf = erase_verifier(erase_token(erase_key, item.event_id))
                await window.send(client, item.seq, item.epoch, seal_blob(key, item.envelope), vf)
                sent = item.seq
            if not window:
                return
            acked, epoch, ack = await window.next_ack()
            report.sent += 1
            if own is not None:
                own.setdefault(epoch, set()).add(ack.cursor)
    finally:
        window.forget()
        if acked > saved:
            await asyncio.to_thread(session.relays.mark_acked, relay, space_id, acked)


async def erase_redacted(
    session: Session, relay: str, space_id: bytes, mailboxes: Mailboxes, report: SpaceRelayReport
) -> None:
    """Ask the relay to erase the blob of each of this person's own redacted events of the
    space it has not been asked about yet (a post they deleted, or one a moderator removed:
    the author's device erases it when it applies the removal), leaving the redacted form
    (sealed like any blob) at its cursor, so a member who reads the mailbox later gets the
    event's chain without its words. Other members' events are not ours to erase: the
    relay would refuse, for want of their author's token."""
    keys = await asyncio.to_thread(session.relays.epoch_keys, space_id)
    erase_key = await asyncio.to_thread(session.relays.erase_key, space_id)
    while True:
        batch = await asyncio.to_thread(session.relays.unerased, relay, space_id, PUSH_BATCH)
        asked: list[tuple[Erasable, bytes, asyncio.Future[Any]]] = []
        retried: list[tuple[Erasable, bytes, asyncio.Future[Any]]] = []
        done: set[int] = set()
        older_relay = False
        try:
            for item in batch:
                key = keys.get(item.epoch)
                if key is None:  # cannot happen for own events; nothing to ask if it did
                    done.add(item.seq)
                    continue
                client = await mailboxes.get(item.epoch, key)
                if not client.can_erase:  # an older relay: asked again once it is upgraded
                    older_relay = True
                    break
                stub = seal_blob(key, item.envelope)
                token = erase_token(erase_key, item.event_id)
                asked.append((item, stub, await client.send_erase(token, stub)))
            for item, stub, future in asked:
                count = (await within(future, mailboxes.timeout)).count
                report.erased += count
                if count:
                    done.add(item.seq)
                    continue
                # Perhaps uploaded before blobs carried the author's token: try the old one.
                key = keys[item.epoch]
                client = await mailboxes.get(item.epoch, key)
                legacy = legacy_erase_token(key, item.event_id)
                retried.append((item, stub, await client.send_erase(legacy, stub)))
            for item, _, future in retried:
                report.erased += (await within(future, mailboxes.timeout)).count
                done.add(item.seq)
        finally:
            answered = 0
            for item in batch:  # progress moves over the answered prefix only
                if item.seq not in done:
                    break
                answered = item.seq
            if answered:
                await asyncio.to_thread(session.relays.mark_erased, relay, space_id, answered)
            _forget([(i, f) for i, _, f in asked + retried])
        if older_relay or len(batch) < PUSH_BATCH:
            return


def _forget(requests: list[tuple[Any, asyncio.Future[Any]]]) -> None:
    """After a failure part-way: nothing left pending, no exception left unread."""
    for _, future in requests:
        settle_future(future)


async def _pull_all(
    session: Session,
    relay: str,
    space_id: bytes,
    mailboxes: Mailboxes,
    report: SpaceRelayReport,
    own: dict[int, set[int]],
) -> None:
    """Read every epoch mailbox after its saved cursor; an epoch key learned on the way
    (a rotation) adds its mailbox to the round."""
    done: set[int] = set()
    for _ in range(MAX_EPOCH_ROUNDS):
        keys = await asyncio.to_thread(session.relays.epoch_keys, space_id)
        todo = sorted(set(keys) - done)
        if not todo:
            return
        for epoch in todo:
            client = await mailboxes.get(epoch, keys[epoch])
            try:
                await _pull(
                    session, relay, client, keys[epoch], report, mailboxes.timeout, own.get(epoch)
                )
            finally:
                # Once per mailbox, not per page (the relay chooses the pages): what the
                # pages left stale is recomputed, and a rotation among them gives its key.
                await asyncio.to_thread(session.relays.settle)
            done.add(epoch)


async def _pull(
    session: Session,
    relay: str,
    client: RelayClient,
    epoch_key: bytes,
    report: SpaceRelayReport,
    timeout: float,
    own: set[int] | None = None,
) -> None:
    """Fetch pages ahead while ingesting those already here (relay_window.PageReader); the
    cursor first skips the run of this device's own blobs just after it (`own`: cursors the
    relay acknowledged this round), which are in the log already."""
    mailbox = mailbox_id(epoch_key)
    after = await asyncio.to_thread(session.relays.cursor, relay, mailbox)
    skipped = after
    while own and skipped + 1 in own:
        skipped += 1
    if skipped > after:
        await asyncio.to_thread(session.relays.skip_own, relay, mailbox, skipped)
        after = skipped
    async with PageReader(client, after, timeout, MAX_PAGES_PER_ROUND, FETCH_PAGE) as pages:
        while (batch := await pages.next_batch()) is not None:
            blobs, cursor = batch
            await asyncio.to_thread(
                ingest_blobs,
                session,
                relay,
                mailbox,
                epoch_key,
                blobs,
                max(after, cursor),
                report,
                settle_later=True,
            )


def ingest_blobs(
    session: Session,
    relay: str,
    mailbox: bytes,
    epoch_key: bytes,
    untrusted_blobs: list[bytes],
    cursor: int,
    report: SpaceRelayReport,
    *,
    settle_later: bool = False,
) -> None:
    """Open and ingest one page; the cursor moves in the same transaction as the events
    (`session.relays.ingest_page`). With `settle_later` (a round's pull) recomputes wait
    for `session.relays.settle()`."""
    envelopes = []
    for untrusted in untrusted_blobs:
        envelope = open_blob(epoch_key, untrusted)
        if envelope is None:
            report.rejected += 1
        else:
            envelopes.append(envelope)
    result = session.relays.ingest_page(
        relay, mailbox, envelopes, cursor, settle_later=settle_later
    )
    report.received += len(result.accepted)
    report.duplicates += result.duplicates
    report.rejected += result.rejected_count
    report.own_from_elsewhere += result.own_from_elsewhere
    report.unknown += result.unknown


def sync_relays(
    session: Session,
    only: str | None = None,
    *,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = 10.0,
) -> list[RelayReport]:
    """Every relay of every space (or only `only`), one after another; then, once more,
    the spaces the first pass brought (a direct conversation offered in one of them)."""

    def targets(done: set[bytes]) -> dict[str, list[bytes]]:
        out: dict[str, list[bytes]] = {}
        for space_id in session.relays.spaces_using(only):
            if space_id in done:
                continue
            for url in session.relays.urls(space_id) if only is None else [only]:
                out.setdefault(url, []).append(space_id)
        return out

    async def run(by_url: dict[str, list[bytes]]) -> list[RelayReport]:
        return [
            await async_sync_relay(session, url, spaces, ssl=ssl, timeout=timeout)
            for url, spaces in by_url.items()
        ]

    first = targets(set())
    reports = asyncio.run(run(first))
    new = targets({s for spaces in first.values() for s in spaces})
    return reports + asyncio.run(run(new)) if new else reports
