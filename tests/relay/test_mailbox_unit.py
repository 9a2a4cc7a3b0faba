"""The relay's pure rules with a hand-driven clock."""

from __future__ import annotations

import pytest

from haven.relay.mailbox import (
    ConnectionGate,
    Delivery,
    KeyedRateLimiter,
    Limits,
    TokenBucket,
    fetch_page_limit,
    quota_allows,
    rate_key,
    size_error,
)


def test_token_bucket_bursts_then_refills_with_time() -> None:
    bucket = TokenBucket(per_minute=60, now=100.0, burst=3)
    assert [bucket.take(100.0) for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = bucket.take(100.0)
    assert wait == pytest.approx(1.0)  # one token per second
    assert bucket.take(100.5) == pytest.approx(0.5)
    assert bucket.take(101.0) == 0.0
    assert bucket.take(1000.0) == 0.0  # refills, but never beyond the burst
    assert bucket.take(1000.0) == 0.0 and bucket.take(1000.0) == 0.0
    assert bucket.take(1000.0) > 0


def test_token_bucket_ignores_a_clock_going_backwards() -> None:
    bucket = TokenBucket(per_minute=60, now=50.0, burst=1)
    assert bucket.take(50.0) == 0.0
    assert bucket.take(10.0) > 0


def test_keyed_limiter_separates_addresses_and_forgets_idle_ones() -> None:
    limiter = KeyedRateLimiter(per_minute=6)  # burst 1
    assert limiter.take("a", 0.0) == 0.0
    assert limiter.take("a", 0.0) > 0
    assert limiter.take("b", 0.0) == 0.0
    assert len(limiter) == 2
    assert limiter.prune(5.0) == 0  # not yet refilled
    assert limiter.prune(20.0) == 2 and len(limiter) == 0


def test_keyed_limiter_bounds_its_memory() -> None:
    limiter = KeyedRateLimiter(per_minute=60, max_keys=10)
    for i in range(10):
        limiter.take(f"k{i}", 0.0)
    limiter.take("new", 60.0)  # table full: idle buckets are dropped first
    assert len(limiter) == 1


def test_connection_gate() -> None:
    gate = ConnectionGate(2)
    assert gate.try_enter() and gate.try_enter()
    assert not gate.try_enter()
    gate.leave()
    assert gate.try_enter()
    for _ in range(3):
        gate.leave()
    assert gate.open == 0


def test_size_quota_and_page_rules() -> None:
    limits = Limits(
        blob_max_bytes=100,
        mailbox_max_bytes=250,
        fetch_page_max_blobs=10,
        fetch_page_max_bytes=1000,
    )
    assert size_error(100, limits) is None
    assert size_error(101, limits) is not None and size_error(0, limits) is not None
    assert quota_allows(150, 100, limits) and not quota_allows(151, 100, limits)
    assert fetch_page_limit(0, limits) == 1 and fetch_page_limit(500, limits) == 10


@pytest.mark.parametrize(
    "bad",
    [
        {"blob_max_bytes": 0},
        {"expiry_seconds": -1},
        {"fetch_page_max_bytes": 10, "blob_max_bytes": 100},
    ],
)
def test_limits_refuse_nonsense(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Limits(**bad)  # type: ignore[arg-type]


def test_delivery_catches_up_then_goes_live() -> None:
    d = Delivery(after=3, queue_max_bytes=400)
    assert not d.on_commit(9, 10)  # not live yet: the pager will find it
    assert not d.on_page([(4, 10), (5, 10)], more=True, head=9)
    assert not d.on_page([(6, 10), (9, 10)], more=False, head=10)  # 10 committed meanwhile
    assert d.on_page([(10, 10)], more=False, head=10)
    assert d.live and d.last == 10 and d.queued_bytes == 50
    assert d.on_commit(11, 10) and d.last == 11
    assert not d.on_commit(11, 10)  # never twice


def test_delivery_falls_back_to_catch_up_when_a_reader_is_slow() -> None:
    d = Delivery(after=0, queue_max_bytes=250)
    assert d.on_page([], more=False, head=0)
    assert d.on_commit(1, 100) and d.on_commit(2, 100)
    assert not d.may_page()
    assert not d.on_commit(3, 100)  # would exceed 250 bytes: drop to catch-up after 2
    assert not d.live and d.last == 2
    d.on_sent(100)
    assert d.may_page()
    d.on_sent(100)
    assert d.queued_bytes == 0
    assert d.on_page([(3, 100)], more=False, head=3)


def test_delivery_always_takes_one_blob_even_if_larger_than_the_queue() -> None:
    d = Delivery(after=0, queue_max_bytes=10)
    d.on_page([], more=False, head=0)
    assert d.on_commit(1, 1000)
    assert not d.on_commit(2, 1)


def test_rate_key_groups_ipv6_by_64_and_unwraps_mapped_ipv4() -> None:
    assert rate_key("203.0.113.7") == "203.0.113.7"
    assert (
        rate_key("2001:db8:1:2:aaaa::1") == rate_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    )
    assert rate_key("2001:db8:1:3::1") != rate_key("2001:db8:1:2::1")
    assert rate_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert rate_key("fe80::1%eth0") == "fe80::/64"
    assert rate_key("not an address") == "not an address"
