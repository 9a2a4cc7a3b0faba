"""Issue 4's figures: a support circle of 200 members and 100,000 posts."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.stats import median, peak_rss_mib, table, verdict
from haven.core import session
from haven.core.eventlog import Draft
from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.crypto.sealing import BoxKeyPair
from haven.crypto.signing import SigningKeyPair
from haven.sync.engine import SyncEngine

TITLE = "Group spaces (issue 4)"
PASSPHRASE = "benchmark passphrase with several words 7"
MEMBERS = 200
BATCH = 1000
TEXT = (
    "today I talked with my family about who I am and it went better than I feared "
    "thank you all for listening this circle means so much to me"
)
WORDS = TEXT.split()


def _session(folder: Path, name: str) -> Session:
    # The KDF is measured in the journal section; the marker lets the test switch through.
    os.environ.update(HAVEN_INSECURE_TEST_KDF="1", HAVEN_TEST_SUITE="1")
    try:
        return session.create(folder, PASSPHRASE, name, check_strength=False)
    finally:
        del os.environ["HAVEN_INSECURE_TEST_KDF"], os.environ["HAVEN_TEST_SUITE"]


def _post_drafts(n: int, rng: random.Random, roots: list[bytes]) -> list[Draft]:
    drafts = []
    for _ in range(n):
        body = " ".join(rng.choices(WORDS, k=rng.randint(10, 60)))
        parent = rng.choice(roots) if roots and rng.random() < 0.6 else None
        content = ev.post_to_content(ev.post_content("", body, "", parent))
        drafts.append(Draft(ev.POST, content))
    return drafts


def run(quick: bool) -> str:
    n_posts = 5_000 if quick else 100_000
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as tmp:
        root = Path(tmp)
        owner = _session(root / "owner", "Owner")
        space = owner.spaces.create_space("Support circle", "A bench circle")
        members = []
        for i in range(MEMBERS - 1):
            persona, box = SigningKeyPair.generate(), BoxKeyPair.generate()
            owner.spaces.make_add_member(space, persona.public, box.public, f"Member {i}")
            members.append(persona.public)

        # The joiner whose full-history sync is measured, added before the posts.
        joiner = _session(root / "joiner", "Joiner")
        request = joiner.spaces.prepare_join("Joiner")
        welcome = owner.spaces.make_add_member(
            space, request.persona_pk, request.box_pk, "Joiner", device_id=request.device_id
        )
        joiner.spaces.accept_welcome(welcome)

        t0 = time.perf_counter()
        roots: list[bytes] = []
        for start in range(0, n_posts, BATCH):
            events = owner.log.append_many(  # the batch path the services use
                space, _post_drafts(min(BATCH, n_posts - start), rng, roots[-200:])
            )
            roots += [e.id for e in events if "parent" not in e.content]
        write_s = time.perf_counter() - t0

        feed_ms, page_ms = [], []
        for _ in range(5):
            t0 = time.perf_counter()
            owner.spaces.read_feed(space, limit=50)
            page_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        full = owner.spaces.read_feed(space)
        feed_ms.append((time.perf_counter() - t0) * 1000)

        t0 = time.perf_counter()
        replayed = owner.log.rebuild_projections(space)
        rebuild_s = time.perf_counter() - t0

        rotations = []
        for victim in members[:3]:
            t0 = time.perf_counter()
            owner.spaces.remove_member(space, victim)
            rotations.append(time.perf_counter() - t0)

        joiner.lock()
        owner_rss = peak_rss_mib()
        engine = SyncEngine(owner)
        engine.start()
        port = engine.serve("127.0.0.1", 0)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.spaces_member",
                str(root / "joiner"),
                PASSPHRASE,
                str(port),
                space.hex(),
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).resolve().parent.parent,
        )
        if done.returncode != 0:
            raise RuntimeError(f"the member's process failed:\n{done.stderr[-3000:]}")
        member = json.loads(done.stdout)
        engine.stop()
        total = owner.log.count(space)
        owner.lock()

    page, rotation = median(page_ms), median(rotations)
    rows = [
        ["posts written per second (one author, batches of 1,000)", n_posts / write_s, "", ""],
        [
            "feed open: newest 50 threads with replies and reactions (ms)",
            page,
            "≤ 200",
            verdict(page <= 200),
        ],
        [f"whole feed, all {len(full):,} threads (ms)", feed_ms[0], "", ""],
        [f"rebuild projections from {replayed:,} events (s)", rebuild_s, "", ""],
        [
            f"remove a member: rotate the key for {MEMBERS - 2} members (s)",
            rotation,
            "≤ 1",
            verdict(rotation <= 1),
        ],
        [
            f"new member's full-history sync: {member['events']:,} of {total:,} events, "
            f"{member['rounds']} round(s) (s)",
            member["sync_s"],
            "",
            "",
        ],
        ["… events per second", member["events"] / member["sync_s"], "", ""],
        [
            "new member's feed open after sync: newest 50 threads + members (ms)",
            member["feed_ms"],
            "≤ 200",
            verdict(member["feed_ms"] <= 200),
        ],
        [
            "peak RSS of the member's process: unlock, full sync, feed (MiB)",
            member["rss_mib"],
            "≤ 300",
            verdict(member["rss_mib"] <= 300),
        ],
        [
            "peak RSS of the owner's process: wrote everything, read the whole feed (MiB)",
            owner_rss,
            "",
            "",
        ],
    ]
    return (
        f"## {TITLE}\n\n"
        f"One space with {MEMBERS} members (the owner, {MEMBERS - 2} added members and one "
        f"joiner with its own vault) and {n_posts:,} posts (10–60 words, 60 % replies), "
        "written by the owner through the service's batch path. The joiner then syncs the "
        "whole history from the owner over the real channel on 127.0.0.1, in a process of its "
        "own (as a member's app would), and opens the feed there. Vaults use the test KDF; "
        "unlocking is measured in the journal section.\n\n"
        + table(["measure", "value", "target", ""], rows)
    )
