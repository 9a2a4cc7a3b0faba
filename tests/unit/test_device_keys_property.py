"""Property: whatever order and batches a replica receives them in — the honest devices'
events, the unlink of a stolen laptop, and the laptop's best moves after it (its own
entries, a certificate for a new device, a persona-rooted device) — every replica ends
with the same journal, and nothing the laptop wrote outside the unlink's cut shows."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.core.session import Session
from tests.device_thief import Thief
from tests.helpers import new_session
from tests.unit.test_device_keys import bodies, link, sync

STOLEN = "stolen"


def _scenario(root: Path) -> tuple[list[Session], list[bytes], set[str]]:
    """desk, phone and tablet (honest) and the laptop, stolen and unlinked by the desk; the
    envelopes every replica should end up judging, and the entries that should show."""
    desk = new_session(root / "desk")
    phone = link(desk, root / "phone", "phone")
    tablet = link(desk, root / "tablet", "tablet")
    laptop = link(desk, root / "laptop", "laptop")
    laptop.journal.add("the laptop before it was stolen")
    sync(desk, phone, tablet, laptop)
    desk.devices.unlink(laptop.identity.device_id)
    desk.journal.add("the desk after the unlink")
    phone.journal.add("the phone, not yet told")
    thief = Thief.of(laptop)
    fresh, fresh_key = thief.fresh()
    rooted, rooted_key = thief.fresh(persona_signed=True)
    moves = [
        thief.entry(f"{STOLEN} on its own chain"),
        thief.certify(thief.own, fresh.device, fresh_key),
        thief.entry(f"{STOLEN} as a new device", fresh),
        thief.certify(rooted, rooted.device, rooted_key),
    ]
    rooted.key = rooted_key
    moves.append(thief.entry(f"{STOLEN} as a rooted device", rooted))
    laptop.lock()
    space = desk.journal.space_id
    honest = [e for s in (desk, phone) for e in s.log.envelopes_after(space, {}, 10**6)]
    expected = {
        "the laptop before it was stolen",
        "the desk after the unlink",
        "the phone, not yet told",
    }
    return [desk, phone, tablet], honest + moves, expected


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.integers(0, 2**32 - 1), st.integers(1, 6))
def test_every_replica_agrees_and_shows_nothing_outside_the_cut(seed: int, batches: int) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as root:
        replicas, envelopes, expected = _scenario(Path(root))
        try:
            for replica in replicas[1:]:  # the phone and the tablet, in random batches
                order = envelopes[:]
                rng.shuffle(order)
                cuts = sorted(rng.sample(range(1, len(order)), min(batches, len(order) - 1)))
                for start, end in zip([0, *cuts], [*cuts, len(order)], strict=True):
                    replica.log.ingest(order[start:end])
            for _ in range(2):  # everything again, as later syncs would offer it
                for replica in replicas:
                    order = envelopes[:]
                    rng.shuffle(order)
                    replica.log.ingest(order)
            sync(*replicas)
            shown = [set(bodies(r)) for r in replicas]
            assert shown[0] == shown[1] == shown[2] == expected
            space = replicas[0].journal.space_id
            heads = [r.log.chain_heads(space) for r in replicas]
            assert heads[0] == heads[1] == heads[2]
        finally:
            for replica in replicas:
                replica.lock()
