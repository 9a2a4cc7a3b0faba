"""Admission on the real relay process: claiming a mailbox, per-address and per-mailbox caps,
frames over rate dropped unread and the connection closed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from websockets.asyncio.client import connect

from haven.relay import protocol
from haven.relay.admission import claim_ok, solve_claim
from haven.relay.client import RelayClient, RelayError
from tests.relay.support import RelayProcess, metric, run, write_config


def test_a_new_mailbox_must_be_claimed_with_proof_of_work(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", claim_pow_bits=12))
    key = os.urandom(32)
    creds = protocol.MailboxCredentials.from_space_key(key)

    async def scenario() -> None:
        async with connect(relay.url, compression=None) as ws:
            challenge = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            assert isinstance(challenge, protocol.Challenge)
            await ws.send(protocol.encode(creds.answer(challenge.challenge, os.urandom(16))))
            welcome = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
            assert welcome == protocol.Welcome(head=0, claim_bits=12)

            async def ask(message: protocol.ClientMessage) -> protocol.ServerMessage:
                await ws.send(protocol.encode(message))
                return protocol.decode_server(await ws.recv())  # type: ignore[arg-type]

            refused = await ask(protocol.Append(id=1, blob=b"x"))
            assert isinstance(refused, protocol.Error) and refused.code == "claim_required"
            weak = _weak_proof(creds.mailbox_id, 2, 12)
            assert await ask(protocol.Claim(id=2, nonce=weak)) == protocol.Claimed(2, 12)
            other = solve_claim(os.urandom(32), 12)  # a proof for another mailbox
            assert await ask(protocol.Claim(id=3, nonce=other)) == protocol.Claimed(3, 12)
            good = solve_claim(creds.mailbox_id, 12)
            assert await ask(protocol.Claim(id=4, nonce=good)) == protocol.Claimed(4, 0)
            acks = await ask(protocol.Append(id=5, blob=b"x"))
            assert isinstance(acks, protocol.Acks) and acks.acks[0].cursor == 1
        async with await RelayClient.connect(relay.url, key) as again:
            assert again.claim_bits == 0  # paid once

    try:
        run(scenario())
        assert metric(relay.http, "haven_relay_claims_total") == 1
        assert metric(relay.http, "haven_relay_refused_total", reason="claim_insufficient") == 2
    finally:
        relay.stop()


def _weak_proof(mailbox: bytes, bits: int, short_of: int) -> bytes:
    """A proof of `bits` that is not one of `short_of` bits."""
    for n in range(1 << 20):
        nonce = n.to_bytes(16, "little")
        if claim_ok(mailbox, nonce, bits) and not claim_ok(mailbox, nonce, short_of):
            return nonce
    raise AssertionError("no weak proof found")


def test_new_mailboxes_per_hour_are_capped_per_address(tmp_path: Path) -> None:
    relay = RelayProcess(
        tmp_path,
        write_config(tmp_path / "r.toml", claim_pow_bits=4, new_mailboxes_per_hour_per_address=12),
    )

    async def create(source: str) -> str:
        async with await RelayClient.connect(relay.url, os.urandom(32), local_address=source) as c:
            try:
                await c.append(b"hello")
                return "ok"
            except RelayError as exc:
                return exc.code

    async def scenario() -> None:
        here = [await create("127.0.0.1") for _ in range(4)]
        assert here == ["ok", "ok", "rate_limited", "rate_limited"]  # a burst of 12 / 6
        assert await create("127.0.0.2") == "ok"  # another address is not affected

    try:
        run(scenario())
    finally:
        relay.stop()


def test_connections_per_mailbox_are_capped(tmp_path: Path) -> None:
    relay = RelayProcess(tmp_path, write_config(tmp_path / "r.toml", connections_per_mailbox=2))
    key = os.urandom(32)

    async def scenario() -> None:
        first = await RelayClient.connect(relay.url, key)
        second = await RelayClient.connect(relay.url, key)
        with pytest.raises(RelayError) as err:
            await RelayClient.connect(relay.url, key)
        assert err.value.code == "busy"
        async with await RelayClient.connect(relay.url, os.urandom(32)):
            pass  # another mailbox is not affected
        await first.close()
        async with await RelayClient.connect(relay.url, key):
            pass
        await second.close()

    try:
        run(scenario())
    finally:
        relay.stop()


def test_frames_over_the_mailbox_rate_are_dropped_unread_then_the_connection_closed(
    tmp_path: Path,
) -> None:
    relay = RelayProcess(
        tmp_path,
        write_config(
            tmp_path / "r.toml",
            claim_pow_bits=4,
            frames_per_minute_per_mailbox=600,  # a burst of 100, then 10 a second
            violations_before_close=20,
        ),
    )
    key = os.urandom(32)

    async def scenario() -> None:
        async with await RelayClient.connect(relay.url, key) as c:
            await c.claim()
            # Valid requests, far over the rate: those over it are dropped unread.
            for i in range(300):
                fetch = protocol.Fetch(id=10_000 + i, after=10**9, limit=1)
                await c.ws.send(protocol.encode(fetch))
            with pytest.raises(RelayError) as err:
                await c.next_push(20)
            assert err.value.code == "rate_limited"
            assert c.ws.close_code == 1008
        # A neighbour's mailbox is untouched by that.
        async with await RelayClient.connect(relay.url, os.urandom(32)) as neighbour:
            assert (await neighbour.append(b"fine")).cursor == 1

    try:
        run(scenario())
        assert metric(relay.http, "haven_relay_dropped_frames_total") == 20
        # Only the allowance was read and answered: the burst of 100, then one frame per
        # refill between drops (the relay reads nothing while a sender is over its rate).
        assert metric(relay.http, "haven_relay_fetch_seconds_count") <= 100 + 20
    finally:
        relay.stop()
