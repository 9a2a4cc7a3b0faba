"""The channel over real TCP on 127.0.0.1 (random ports), with real vaults where it matters."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest

from haven.core import session as sessions
from haven.core.space_secrets import SpaceSecret, secret_for
from haven.errors import SyncError, VaultLocked
from haven.store import identity_tables as ids
from haven.sync import (
    Channel,
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    HandshakeError,
    NoSharedSpaces,
    connect,
    handshake,
    serve,
)
from haven.sync.framing import FRAME_OVERHEAD, SEALED_LENGTH_BYTES
from haven.sync.handshake import Handshake, Role, space_tag
from tests.helpers import PASSPHRASE, new_session

HOST = "127.0.0.1"
T = TypeVar("T")


def run(coro: Coroutine[Any, Any, T], limit: float = 15.0) -> T:
    async def bounded() -> T:
        async with asyncio.timeout(limit):
            return await coro

    return asyncio.run(bounded())


def space(epoch: int = 0) -> SpaceSecret:
    return secret_for(os.urandom(16), epoch, os.urandom(32))


def echo_handler(seen: list[bytes]) -> Callable[[Channel], Awaitable[None]]:
    async def handle(channel: Channel) -> None:
        async for message in channel:
            seen.append(message)
            await channel.send(message[::-1])

    return handle


def test_connect_serve_and_exchange_messages_both_ways() -> None:
    s = space()
    seen: list[bytes] = []

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [space(), s], echo_handler(seen)) as server:
            assert server.port > 0
            channel = await connect(HOST, server.port, [s, space()])
            assert channel.shared_spaces == (s,) and len(channel.transcript_hash) == 32
            payloads = [os.urandom(n) for n in (1, 300, 65_536, 1024 * 1024)] + [b""]
            for p in payloads:
                await channel.send(p)
            for p in payloads:
                assert await channel.recv() == p[::-1]
            await channel.close()
            await channel.close()  # idempotent
            with pytest.raises(ChannelClosed):
                await channel.send(b"after close")
        assert seen == payloads

    run(main())


def test_the_server_sees_a_clean_close_and_the_client_sees_the_handler_finish() -> None:
    s = space()
    outcome: list[str] = []

    async def handler(channel: Channel) -> None:
        try:
            await channel.recv()
        except ChannelClosed:
            outcome.append("clean")
        await channel.send(b"")  # the server's FINAL follows when the handler returns

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [s], handler) as server:
            channel = await connect(HOST, server.port, [s])
            await channel.close()
            other = await connect(HOST, server.port, [s])
            await other.send(b"bye")
            # The handler returned after one message; the client sees the clean end.
            with pytest.raises(ChannelClosed):
                await other.recv()
                await other.recv()
        assert outcome == ["clean"]

    run(main())


def test_spaces_from_real_vaults_are_found(tmp_path: Path) -> None:
    alice = new_session(tmp_path / "alice", name="Alice")
    bob = new_session(tmp_path / "bob", name="Bob")
    sid, k0, k1 = os.urandom(16), os.urandom(32), os.urandom(32)
    for who, keys in ((alice, {0: k0, 1: k1}), (bob, {0: k0})):
        with who.vault.transaction() as conn:
            ids.insert_space(
                conn,
                ids.SpaceRow(
                    sid, "group", who.identity.primary().persona_id, "circle", max(keys), 1
                ),
            )
            for epoch, key in keys.items():
                ids.put_epoch_key(conn, sid, epoch, key)
    mine = alice.secrets.offered()
    assert [(x.space_id, x.epoch) for x in mine if x.space_id == sid] == [(sid, 1), (sid, 0)]
    assert len(alice.secrets.offered(kind="journal")) == 1

    async def main() -> tuple[SpaceSecret, ...]:
        async with (
            await serve(HOST, 0, lambda: bob.secrets.offered(), echo_handler([])) as srv,
            await connect(HOST, srv.port, mine) as channel,
        ):
            return channel.shared_spaces

    shared = run(main())
    assert [(x.space_id, x.epoch) for x in shared] == [(sid, 0)]  # the journals differ
    alice.lock()
    bob.lock()
    assert sessions.unlock(tmp_path / "bob", PASSPHRASE).is_open


def test_no_shared_space_raises_on_connect_and_never_reaches_the_handler() -> None:
    calls: list[Channel] = []

    async def handler(channel: Channel) -> None:
        calls.append(channel)

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [space()], handler) as server:
            with pytest.raises(NoSharedSpaces):
                await connect(HOST, server.port, [space()])
            channel = await connect(HOST, server.port, [space()], require_shared=False)
            assert channel.shared_spaces == ()
            with pytest.raises(ChannelClosed):
                await channel.recv()  # the server closed cleanly after the handshake

    run(main())
    assert calls == []


def test_idle_timeout_ends_a_silent_channel(caplog: pytest.LogCaptureFixture) -> None:
    s = space()
    server_saw: list[BaseException] = []

    async def handler(channel: Channel) -> None:
        try:
            await channel.recv()
        except SyncError as exc:
            server_saw.append(exc)

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [s], handler, idle_timeout=0.2) as server:
            channel = await connect(HOST, server.port, [s], idle_timeout=30)
            # The client stays silent; the server gives up and aborts the connection.
            with pytest.raises(ChannelError, match=r"truncated|lost"):
                await channel.recv()
        async with await serve(HOST, 0, lambda: [s], handler, idle_timeout=30) as server:
            # Now the server is the patient one and the client gives up.
            client_idle = await connect(HOST, server.port, [s], idle_timeout=0.2)
            with pytest.raises(ChannelTimeout):
                await client_idle.recv()
            assert client_idle.closed

    with caplog.at_level(logging.INFO, logger="haven.sync"):
        run(main())
    assert any(isinstance(e, ChannelTimeout) for e in server_saw)
    assert "no data from the peer" in caplog.text


def test_a_peer_that_vanishes_mid_handshake(caplog: pytest.LogCaptureFixture) -> None:
    s = space()
    calls: list[Channel] = []

    async def handler(channel: Channel) -> None:
        calls.append(channel)

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [s], handler) as server:
            _, writer = await asyncio.open_connection(HOST, server.port)
            writer.write(Handshake(Role.INITIATOR, [s]).start()[:20])  # half a hello
            await writer.drain()
            writer.close()
            await writer.wait_closed()
            # The server is unharmed: a real peer still connects.
            async with await connect(HOST, server.port, [s]) as channel:
                assert channel.shared_spaces == (s,)

    with caplog.at_level(logging.INFO, logger="haven.sync"):
        run(main())
    assert "closed the connection during the handshake" in caplog.text
    assert len(calls) == 1


def test_connect_fails_cleanly_when_the_server_vanishes_or_stalls() -> None:
    async def main() -> None:
        async def hang_up(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            w.close()

        stalled: list[asyncio.StreamWriter] = []

        async def stall(_r: asyncio.StreamReader, w: asyncio.StreamWriter) -> None:
            stalled.append(w)

        for callback, error, limit in (
            (hang_up, HandshakeError, 10.0),
            (stall, ChannelTimeout, 0.3),
        ):
            server = await asyncio.start_server(callback, HOST, 0)
            port = server.sockets[0].getsockname()[1]
            with pytest.raises(error):
                await connect(HOST, port, [space()], handshake_timeout=limit)
            for w in stalled:
                w.close()
            server.close()
            await server.wait_closed()
        # Nobody listening: a clear error, not a hang.
        probe = await asyncio.start_server(hang_up, HOST, 0)
        free_port = probe.sockets[0].getsockname()[1]
        probe.close()
        await probe.wait_closed()
        with pytest.raises(ChannelError, match="could not connect"):
            await connect(HOST, free_port, [space()])

    run(main())


def test_a_stranger_receives_only_the_handshake(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stranger holding none of the server's keys gets the responder's key, its stream
    header, its encrypted hello, one padded encrypted answer that says nothing and a clean
    FINAL: the same bytes (in size, with the random padding set to zero for the comparison)
    whether the server holds no space or many."""
    monkeypatch.setattr(handshake, "pad_length", lambda limit: 0)
    secrets_held = [space() for _ in range(5)]
    calls: list[Channel] = []

    async def handler(channel: Channel) -> None:
        calls.append(channel)

    async def stranger_view(held: list[SpaceSecret]) -> tuple[bytes, Handshake]:
        async with await serve(HOST, 0, lambda: held, handler) as server:
            reader, writer = await asyncio.open_connection(HOST, server.port)
            stranger = Handshake(Role.INITIATOR, [space(), space()])
            writer.write(stranger.start())
            received = b""
            while not stranger.done:
                data = await reader.read(65536)
                assert data, "the server closed before the handshake finished"
                received += data
                out = stranger.receive(data)
                writer.write(out)
                await writer.drain()
            while data := await reader.read(65536):
                received += data
            writer.close()
            await writer.wait_closed()
        return received, stranger

    everything, stranger = run(stranger_view(secrets_held))
    nothing_held, _ = run(stranger_view([]))
    assert calls == []
    assert len(everything) == len(nothing_held)
    hello = 2  # one version, no padding
    answer = 256  # an empty answer, padded to the smallest bucket
    final = SEALED_LENGTH_BYTES + 17
    assert len(everything) == 32 + 24 + hello + FRAME_OVERHEAD + answer + FRAME_OVERHEAD + final
    assert stranger.result.shared == ()
    with pytest.raises(ChannelClosed):  # only the FINAL was left after the answer
        stranger.result.channel.next_message()
    h = stranger.transcript_hash
    for s in secrets_held:
        assert s.space_id not in everything and s.auth_key not in everything
        assert space_tag(s, h) not in everything


def test_the_server_refuses_connections_beyond_its_limit() -> None:
    s = space()
    release = asyncio.Event()

    async def handler(channel: Channel) -> None:
        await release.wait()

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [s], handler, max_connections=1) as server:
            first = await connect(HOST, server.port, [s])
            with pytest.raises(HandshakeError):
                await connect(HOST, server.port, [s])
            release.set()
            with pytest.raises(ChannelClosed):
                await first.recv()
            assert server.connections in (0, 1)

    run(main())


def test_closing_the_server_ends_its_channels() -> None:
    s = space()
    started = asyncio.Event()

    async def handler(channel: Channel) -> None:
        started.set()
        await channel.recv()

    async def main() -> None:
        server = await serve(HOST, 0, lambda: [s], handler)
        channel = await connect(HOST, server.port, [s])
        await started.wait()
        await server.close()
        with pytest.raises(SyncError):
            await channel.recv()
        assert server.connections == 0

    run(main())


def test_an_async_secrets_provider_is_awaited() -> None:
    s = space()

    async def provider() -> list[SpaceSecret]:
        return [s]

    async def main() -> tuple[SpaceSecret, ...]:
        async with (
            await serve(HOST, 0, provider, echo_handler([])) as server,
            await connect(HOST, server.port, [s]) as channel,
        ):
            return channel.shared_spaces

    assert run(main()) == (s,)


def test_a_failing_secrets_provider_refuses_the_peer_and_keeps_serving(
    caplog: pytest.LogCaptureFixture,
) -> None:
    s = space()
    locked = [True]

    def provider() -> list[SpaceSecret]:
        if locked[0]:
            raise VaultLocked()
        return [s]

    async def main() -> tuple[SpaceSecret, ...]:
        async with await serve(HOST, 0, provider, echo_handler([])) as server:
            with pytest.raises(HandshakeError):
                await connect(HOST, server.port, [s])
            locked[0] = False
            async with await connect(HOST, server.port, [s]) as channel:
                return channel.shared_spaces

    with caplog.at_level(logging.INFO, logger="haven.sync"):
        assert run(main()) == (s,)
    assert "VaultLocked" in caplog.text
