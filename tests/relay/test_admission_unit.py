"""Admission rules with a hand-driven clock: address and mailbox caps, the price of a new
mailbox, storage shares and the global connection budget."""

from __future__ import annotations

import os

from haven.relay.admission import (
    AddressGate,
    ClaimDifficulty,
    MailboxGate,
    StorageShare,
    claim_ok,
    connection_budget,
    connection_worst_case,
    solve_claim,
)
from haven.relay.mailbox import Delivery, Limits


def test_address_gate_caps_open_and_unauthenticated_connections_per_address() -> None:
    gate = AddressGate(Limits(connections_per_address=3, unauthenticated_per_address=2))
    for _ in range(2):
        assert gate.refusal("a", 0.0) is None
        gate.enter("a")
    assert gate.refusal("a", 0.0) == "unauthenticated_per_address"
    assert gate.refusal("b", 0.0) is None  # another address is not affected
    gate.authenticated("a")
    assert gate.refusal("a", 0.0) is None
    gate.enter("a")
    gate.authenticated("a")
    assert gate.refusal("a", 0.0) == "connections_per_address"
    gate.leave("a", authenticated=True)
    assert gate.refusal("a", 0.0) is None
    gate.leave("a", authenticated=True)
    gate.leave("a", authenticated=False)  # the one still unauthenticated
    assert gate.open == {} and gate.unauthenticated == {}


def test_address_gate_limits_how_fast_one_address_opens_connections() -> None:
    gate = AddressGate(Limits(connections_per_minute_per_address=60))  # burst 10
    refusals = [gate.refusal("a", 0.0) for _ in range(12)]
    assert refusals[:10] == [None] * 10 and refusals[10:] == ["connection_rate"] * 2
    assert gate.refusal("b", 0.0) is None
    assert gate.refusal("a", 1.0) is None  # one a second comes back


def test_mailbox_gate() -> None:
    gate = MailboxGate(2)
    assert gate.try_enter(b"m") and gate.try_enter(b"m") and not gate.try_enter(b"m")
    assert gate.try_enter(b"n")
    gate.leave(b"m")
    assert gate.try_enter(b"m")


def test_a_claim_proof_is_bound_to_its_mailbox_and_difficulty() -> None:
    mailbox = os.urandom(32)
    nonce = solve_claim(mailbox, 16)
    assert claim_ok(mailbox, nonce, 16)
    assert not claim_ok(os.urandom(32), nonce, 16)  # another mailbox: 1 in 65,536 to pass
    assert claim_ok(mailbox, nonce, 8)  # a harder proof passes an easier check
    assert not claim_ok(mailbox, solve_claim(mailbox, 2), 26)  # 1 in 2**24 to pass
    assert not claim_ok(mailbox, nonce[:8], 1)


def test_difficulty_is_one_for_everybody_and_rises_with_new_mailboxes() -> None:
    limits = Limits(claim_pow_bits=10, claim_pow_bits_max=14, new_mailboxes_per_hour=100)
    difficulty = ClaimDifficulty(limits)
    assert difficulty.bits(0.0) == 10
    for _ in range(100):
        difficulty.record(0.0)
    assert difficulty.bits(0.0) == 10  # at the target: no rise
    for _ in range(100):
        difficulty.record(0.0)
    assert difficulty.bits(0.0) == 11  # twice the target: one bit more
    for _ in range(10_000):
        difficulty.record(10.0)
    assert difficulty.bits(10.0) == 14  # capped
    assert difficulty.bits(3600.0 + 400.0) == 10  # an hour later it has fallen back


def test_storage_share_keeps_one_address_to_its_part_of_the_cap() -> None:
    limits = Limits(storage_max_bytes=1000, storage_share_per_address=0.1, expiry_seconds=100)
    share = StorageShare(limits)
    assert share.take("a", 100, 0.0)
    assert not share.take("a", 1, 0.0)
    assert share.take("b", 100, 0.0)
    assert not share.take("a", 51, 50.0)  # half the window later, half the share is free again
    assert share.take("a", 50, 50.0)
    assert not share.take("a", 1, 50.0)


def test_the_connection_cap_fits_memory_and_file_descriptors() -> None:
    limits = Limits(max_connections=5000, connection_memory_bytes=100 * 1024 * 1024)
    per = connection_worst_case(limits, 256 * 1024, 64 * 1024)
    assert 500 * 1024 < per < 2 * 1024 * 1024
    by_memory = connection_budget(limits, per, nofile=100_000)
    assert by_memory.reason == "memory"
    assert by_memory.max_connections == 100 * 1024 * 1024 // per
    by_fds = connection_budget(limits, per, nofile=80)
    assert by_fds == type(by_fds)(16, "file descriptors")
    roomy = Limits(max_connections=10, connection_memory_bytes=10**10)
    assert connection_budget(roomy, per, 100_000).reason == "configured"


def test_a_live_subscription_that_sees_a_gap_falls_back_to_paging() -> None:
    delivery = Delivery(after=0, queue_max_bytes=10_000)
    assert delivery.on_page([(1, 10)], more=False, head=1)
    assert delivery.on_commit(2, 10)
    assert not delivery.on_commit(4, 10)  # 3 was committed by another relay process
    assert not delivery.live and delivery.last == 2
