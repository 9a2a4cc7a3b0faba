"""Property: three replicas of one journal, random writes, edits and deletes, random pairwise
syncs over a link that drops, duplicates and reorders messages, events gossiped out of
order, and hostile batches (forged, tampered, replayed, equivocating events). After a final
clean full round every replica shows the same journal and holds the same chain tips, and no
hostile event ever shows up anywhere."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core import journal as jn
from haven.core.envelope import ZERO_ID, Header, read_header, seal_event
from haven.core.session import Session
from haven.crypto.signing import SigningKeyPair
from haven.sync import messages as m
from haven.sync.reconcile import Reconciler, SpaceReport
from tests.sync_helpers import (
    LossyLink,
    device_seed,
    epoch_key,
    journal_state,
    make_replicas,
    persona_seed,
    run_round,
    sync_pair,
)

MARKER = "HOSTILE"
replica = st.integers(0, 2)
seed = st.integers(0, 2**32 - 1)
words = st.sampled_from(["pride", "family", "rain", "ok", "tired", "hopeful", "قلق", "σήμερα"])
ops = st.one_of(
    st.tuples(
        st.just("write"),
        replica,
        st.lists(words, min_size=1, max_size=4),
        st.one_of(st.none(), st.integers(1, 5)),
        st.lists(words, max_size=2),
    ),
    st.tuples(
        st.just("edit"),
        replica,
        st.integers(0, 1000),
        words,
        st.one_of(st.none(), st.integers(1, 5)),
    ),
    st.tuples(st.just("delete"), replica, st.integers(0, 1000)),
    st.tuples(st.just("sync"), replica, replica, seed),
    st.tuples(st.just("gossip"), replica, replica, seed),
    st.tuples(
        st.just("attack"),
        st.sampled_from(["forged", "stranger", "tampered", "replayed", "equivocation"]),
        replica,
        seed,
    ),
)


def _hostile_batch(target: Session, envelopes: list[bytes]) -> SpaceReport:
    """Deliver `envelopes` to `target` as a peer speaking the protocol would."""
    space = target.journal.space_id
    machine = Reconciler(target.log, [space])
    machine.start()
    machine.receive(m.encode(m.Batch(space, 0, tuple(envelopes))))
    return machine.report().spaces[0]


def _craft(kind: str, target: Session, rng: random.Random) -> tuple[list[bytes], bool]:
    """Hostile envelopes of `kind` for `target`, and whether an equivocation must be seen."""
    space, key = target.journal.space_id, epoch_key(target)
    owner = target.identity.primary().persona_id
    # Unique each time, so every equivocation is a new one.
    body = f"{MARKER} {os.urandom(8).hex()}"
    content: dict[str, Any] = {"title": "", "body": body, "mood": None, "tags": []}
    fresh = Header(space, 0, owner, os.urandom(16), 1, 10**6, ZERO_ID)
    if kind == "forged":  # claims the owner, signed by someone else
        ev = seal_event(fresh, jn.CREATE, 1, content, SigningKeyPair.generate().seed, key)
        return [ev.envelope], False
    if kind == "stranger":  # honestly signed by a key that does not own the journal
        stranger = SigningKeyPair.generate()
        header = Header(space, 0, stranger.public, os.urandom(16), 1, 1, ZERO_ID)
        return [seal_event(header, jn.CREATE, 1, content, stranger.seed, key).envelope], False
    if kind == "tampered":
        good = bytearray(
            seal_event(fresh, jn.CREATE, 1, content, persona_seed(target), key).envelope
        )
        good[-1 - rng.randrange(16)] ^= 1 << rng.randrange(8)
        return [bytes(good)], False
    existing = target.log.envelopes_after(space, {}, 10_000)
    if not existing:
        return [], False
    victim = rng.choice(existing)
    if kind == "replayed":
        return [victim], False
    header, _, _ = read_header(victim)  # equivocation: same chain position, other content
    # With the key that signs that chain: the persona's, or the device's own (this replica's
    # own chain). Another device's chain signed with the persona key is a bad signature,
    # not a fork: the persona key does not sign for a device that has its own.
    signer = SigningKeyPair.from_seed(persona_seed(target))
    if header.signer is not None and header.device == target.identity.device_id:
        signer = SigningKeyPair.from_seed(device_seed(target))
    forked = seal_event(header, jn.CREATE, 1, content, signer, key)
    # Fork records are bounded: one per chain, so only the chain's first fork is recorded.
    seen = {(a, d) for a, d, _ in target.log.equivocations(space)}
    valid = signer.public == header.signing_key
    return [forked.envelope], valid and (header.author, header.device) not in seen


def _gossip(src: Session, dst: Session, rng: random.Random) -> None:
    """Some of src's events straight into dst, shuffled: exercises held early arrivals."""
    envelopes = src.log.envelopes_after(
        src.journal.space_id, dst.log.chain_tips(dst.journal.space_id), 10_000
    )
    if envelopes:
        picked = rng.sample(envelopes, k=rng.randint(1, len(envelopes)))
        dst.log.ingest(picked)


def _no_hostile_content(replicas: list[Session]) -> None:
    for s in replicas:
        assert all(MARKER not in e.body for e in s.journal.list())


def _apply(op: tuple[Any, ...], replicas: list[Session]) -> None:
    """Run one operation, checking what a hostile batch did on the spot."""
    kind = op[0]
    if kind == "write":
        _, i, body, mood, tags = op
        replicas[i].journal.add(" ".join(body), mood=mood, tags=tags)
    elif kind in ("edit", "delete"):
        s = replicas[op[1]]
        entries = s.journal.list()
        if entries:
            target = entries[op[2] % len(entries)].entry_id
            if kind == "edit":
                s.journal.edit(target, body=str(op[3]), mood=op[4])
            else:
                s.journal.delete(target)
    elif kind == "sync":
        _, i, j, sd = op
        if i != j:
            link = LossyLink(random.Random(sd))
            space = replicas[0].journal.space_id
            run_round(
                Reconciler(replicas[i].log, [space], max_batch_events=4),
                Reconciler(replicas[j].log, [space], max_batch_events=4),
                link=link,
                swap=link.swap,
            )
    elif kind == "gossip":
        _, i, j, sd = op
        if i != j:
            _gossip(replicas[i], replicas[j], random.Random(sd))
    else:
        _, attack, i, sd = op
        target = replicas[i]
        envelopes, equivocates = _craft(str(attack), target, random.Random(sd))
        if envelopes:
            before = journal_state(target)
            report = _hostile_batch(target, envelopes)
            assert report.accepted == 0 and journal_state(target) == before
            if attack == "replayed":
                assert report.duplicates == 1
            else:
                assert report.rejected == 1
            assert report.equivocations == int(equivocates)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(ops, min_size=3, max_size=40))
def test_replicas_converge_and_hostile_events_never_show(script: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as root:
        replicas = make_replicas(Path(root), 3)
        try:
            for op in script:
                _apply(op, replicas)
                _no_hostile_content(replicas)
            a, b, c = replicas
            for x, y in ((a, b), (b, c), (c, a), (a, b)):
                sync_pair(x, y)
            space = a.journal.space_id
            assert journal_state(a) == journal_state(b) == journal_state(c)
            tips = [s.log.chain_tips(space) for s in replicas]
            assert tips[0] == tips[1] == tips[2]
            _no_hostile_content(replicas)
            # A projection rebuilt from the log matches what sync built incrementally.
            state = journal_state(a)
            a.journal.rebuild()
            assert journal_state(a) == state
        finally:
            for s in replicas:
                s.lock()
