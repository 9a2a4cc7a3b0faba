"""Property: one Byzantine member (tests/hostile.py) backdates, renames, adds a puppet,
writes from fresh chains and replays its events around its removal, while honest replicas
receive every event in their own random order and batches. They converge to the same
members, roles and feed, and no event of the removed member outside the removal's cut
counts anywhere (core/spaces/finality.py)."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from haven.core.session import Session
from haven.core.spaces import events as ev
from haven.store import log_table as lt
from tests.hostile import Hostile
from tests.space_helpers import deliver, join, make_session, sync
from tests.unit.spaces.test_removal_finality import state

MOVES = ("post", "rename", "puppet", "fresh", "replay", "remove-remover")

scenario = hs.fixed_dictionaries(
    {
        "cai_admin": hs.booleans(),
        "remover": hs.sampled_from(["ari", "bea"]),
        "seen": hs.integers(0, 2),  # Cai's honest posts the remover had seen
        "unseen": hs.integers(0, 2),  # and those it had not
        "moves": hs.lists(hs.tuples(hs.sampled_from(MOVES), hs.integers(-3, 3)), max_size=6),
        "seed": hs.integers(0, 2**32 - 1),
    }
)


def everything(sessions: tuple[Session, ...], sid: bytes) -> list[bytes]:
    seen: dict[bytes, None] = {}
    for s in sessions:
        for e in s.log.envelopes_after(sid, {}, 100_000):
            seen.setdefault(e)
    return list(seen)


def scatter(s: Session, sid: bytes, envelopes: list[bytes], rng: random.Random) -> None:
    """Every envelope, in a random order and random batches, again and again until a round
    takes nothing new (an event under a key this replica lacks waits for a later round)."""
    for _ in range(12):
        order = envelopes[:]
        rng.shuffle(order)
        accepted = 0
        while order:
            n = rng.randint(1, 8)
            accepted += len(s.log.ingest(order[:n]).accepted)
            order = order[n:]
        if not accepted:
            return
    raise AssertionError("delivery did not settle")


def byzantine(h: Hostile, move: str, shift: int, removal: int, who: dict[str, Any]) -> list[bytes]:
    """Cai's crafted events for one move, with clocks around its removal's."""
    lamport = removal + shift
    if move == "post":
        return [h.backdate(ev.POST, {"title": "", "body": f"crafted {shift}", "cw": ""}, lamport)]
    if move == "rename":
        profile = {"name": "Ari (owner)", "pronouns": "", "colour": ""}
        return [h.backdate(ev.PROFILE, {"profile": profile}, lamport)]
    if move == "puppet":
        content = {
            "member": os.urandom(32),
            "profile": {"name": "Puppet", "pronouns": "", "colour": ""},
            "devices": [[os.urandom(16), os.urandom(32)]],
            "key_epoch": h.epoch,
        }
        return [h.backdate(ev.ADD, content, lamport)]
    if move == "fresh":
        fresh = h.fresh_chain()
        return [
            fresh.event(
                ev.POST, {"title": "", "body": "crafted fresh", "cw": ""}, lamport=max(1, lamport)
            )
        ]
    if move == "replay":
        return list(h.written)
    content = {"member": who["pk"][who["remover"]], "ban": False, "reason": "", "cut": []}
    return [h.backdate(ev.REMOVE, content, lamport)]


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(scenario)
def test_honest_replicas_converge_and_show_nothing_outside_the_cut(plan: dict[str, Any]) -> None:
    rng = random.Random(plan["seed"])
    with tempfile.TemporaryDirectory(prefix="haven-finality-") as tmp:
        root = Path(tmp)
        ari, bea, cai, dee, eve = (
            make_session(root, n) for n in ("ari", "bea", "cai", "dee", "eve")
        )
        sid = ari.spaces.create_space("Circle", display_name="Ari")
        pk = {"ari": ari.spaces.space_info(sid).my_persona}
        for name, s in (("bea", bea), ("cai", cai), ("dee", dee), ("eve", eve)):
            pk[name] = join(ari, s, sid, name.capitalize())
        ari.spaces.set_role(sid, pk["bea"], "admin")
        if plan["cai_admin"]:
            ari.spaces.set_role(sid, pk["cai"], "admin")
        sync(sid, ari, bea, cai, dee, eve)
        remover = ari if plan["remover"] == "ari" else bea
        for i in range(plan["seen"]):
            cai.spaces.post(sid, f"seen {i}")
        deliver(cai, remover, sid)
        for i in range(plan["unseen"]):
            cai.spaces.post(sid, f"unseen {i}")
        hostile = Hostile.of(cai, sid)
        remover.spaces.remove_member(sid, pk["cai"])
        with remover.vault.read() as conn:
            removal = [e.lamport for e in lt.events_in_order(conn, sid) if e.type == ev.REMOVE][-1]
        crafted: list[bytes] = []
        who = {"pk": pk, "remover": plan["remover"]}
        for move, shift in plan["moves"]:
            crafted += byzantine(hostile, move, shift, removal, who)
        cai.log.ingest(crafted)
        envelopes = everything((ari, bea, cai), sid)
        for s in (ari, bea, dee, eve):
            scatter(s, sid, envelopes, rng)
        views = [state(s, sid) for s in (ari, bea, dee, eve)]
        assert views[0] == views[1] == views[2] == views[3]
        members, feed = views[0]
        assert all(name not in ("Puppet", "Ari (owner)") for *_, name in members)
        assert pk["cai"] in {m for m, _, status, _ in members if status == "removed"}
        bodies = {body for _, _, body, _ in feed}
        assert not {b for b in bodies if b.startswith(("crafted", "unseen"))}
        assert {f"seen {i}" for i in range(plan["seen"])} <= bodies
        for s in (ari, bea, cai, dee, eve):
            s.lock()
