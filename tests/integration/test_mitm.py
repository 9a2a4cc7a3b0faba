"""A real TCP proxy on 127.0.0.1 between client and server that tampers with frames.

Nothing on the wire says where a frame ends, so the proxy is given the layout (the padding
set to zero, the message sizes known): the best case for an attacker, who could otherwise
only guess from timing. Client → server units: 0 key, 1 mark, 2 stream header, 3 hello,
4 offers, then one frame per message and the FINAL. Server → client: 0 key, 1 stream
header, 2 hello, 3 answers, then messages. Every attack must end the channel with a
SyncError, deliver nothing out of order, and never hang.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

import pytest

from haven.core.space_secrets import SpaceSecret, secret_for
from haven.errors import SyncError
from haven.sync import Channel, ChannelClosed, ChannelError, connect, handshake, serve
from haven.sync.framing import FRAME_OVERHEAD

HOST = "127.0.0.1"
T = TypeVar("T")
#: (direction, frame index, frame with its length prefix) -> frames to forward instead.
Policy = Callable[[str, int, bytes], list[bytes]]
MESSAGES = [f"message {i}".encode() * (i + 1) for i in range(5)]
REPLIES = [b"got all", b"goodbye"]
HELLO = 2  # one version, no padding
OFFERS, ANSWERS = 1024, 256  # an offer list of 8 and an answer of 1, padded
#: The size of each unit the proxy reads, in order, in each direction.
LAYOUT = {
    "c2s": [32, 16, 24, HELLO + FRAME_OVERHEAD, OFFERS + FRAME_OVERHEAD]
    + [len(m) + FRAME_OVERHEAD for m in MESSAGES]
    + [FRAME_OVERHEAD],
    "s2c": [32, 24, HELLO + FRAME_OVERHEAD, ANSWERS + FRAME_OVERHEAD]
    + [len(m) + FRAME_OVERHEAD for m in REPLIES]
    + [FRAME_OVERHEAD],
}
FIRST_DATA = {"c2s": 5, "s2c": 4}  # index of the first data frame in each direction


@pytest.fixture(autouse=True)
def no_padding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(handshake, "pad_length", lambda limit: 0)


def run(coro: Coroutine[Any, Any, T], limit: float = 15.0) -> T:
    async def bounded() -> T:
        async with asyncio.timeout(limit):
            return await coro

    return asyncio.run(bounded())


def flip(direction: str, index: int, position: int = -1) -> Policy:
    def policy(d: str, i: int, frame: bytes) -> list[bytes]:
        if (d, i) != (direction, index):
            return [frame]
        bad = bytearray(frame)
        bad[position] ^= 0x01
        return [bytes(bad)]

    return policy


def replay(direction: str, index: int) -> Policy:
    def policy(d: str, i: int, frame: bytes) -> list[bytes]:
        return [frame, frame] if (d, i) == (direction, index) else [frame]

    return policy


def drop(direction: str, index: int) -> Policy:
    def policy(d: str, i: int, frame: bytes) -> list[bytes]:
        return [] if (d, i) == (direction, index) else [frame]

    return policy


def swap(direction: str, index: int) -> Policy:
    """Hold frame `index` back and send it after the next one."""
    held: list[bytes] = []

    def policy(d: str, i: int, frame: bytes) -> list[bytes]:
        if (d, i) == (direction, index):
            held.append(frame)
            return []
        if (d, i) == (direction, index + 1):
            return [frame, *held]
        return [frame]

    return policy


class FrameProxy:
    """Forwards whole frames between a client and the real server, through `policy`."""

    def __init__(self, target_port: int, policy: Policy) -> None:
        self.target_port = target_port
        self.policy = policy
        self.port = 0
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, HOST, 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        """Stop listening; wait (bounded) for the pumps, which end when both sides close."""
        assert self._server is not None
        self._server.close()
        if self._tasks:
            _, pending = await asyncio.wait(self._tasks, timeout=5)
            for task in pending:
                task.cancel()
            assert not pending, "a proxied connection never ended"
        await self._server.wait_closed()

    async def _handle(self, c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        s_reader, s_writer = await asyncio.open_connection(HOST, self.target_port)
        await asyncio.gather(
            self._pump(c_reader, s_writer, "c2s"), self._pump(s_reader, c_writer, "s2c")
        )

    async def _pump(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, direction: str
    ) -> None:
        try:
            for index, size in enumerate(LAYOUT[direction]):
                frame = await reader.readexactly(size)
                for out in self.policy(direction, index, frame):
                    writer.write(out)
                await writer.drain()
            while data := await reader.read(65536):  # nothing is expected after the FINAL
                writer.write(data)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


class Outcome:
    def __init__(self) -> None:
        self.server_got: list[bytes] = []
        self.server_error: BaseException | None = None
        self.client_got: list[bytes] = []
        self.client_error: BaseException | None = None
        self.handler_calls = 0


def attack(policy: Policy) -> Outcome:
    s: SpaceSecret = secret_for(os.urandom(16), 0, os.urandom(32))
    outcome = Outcome()
    handler_done = asyncio.Event()

    async def handler(channel: Channel) -> None:
        outcome.handler_calls += 1
        try:
            async for message in channel:
                outcome.server_got.append(message)
                if len(outcome.server_got) == len(MESSAGES):
                    for reply in REPLIES:
                        await channel.send(reply)
        except SyncError as exc:
            outcome.server_error = exc
        finally:
            handler_done.set()

    async def main() -> None:
        async with await serve(HOST, 0, lambda: [s], handler) as server:
            proxy = FrameProxy(server.port, policy)
            await proxy.start()
            try:
                channel = await connect(
                    HOST, proxy.port, [s], handshake_timeout=10, idle_timeout=10
                )
                for m in MESSAGES:
                    await channel.send(m)
                while True:
                    outcome.client_got.append(await channel.recv())
                    if len(outcome.client_got) == 2:
                        await channel.close()
                        break
            except ChannelClosed:
                pass
            except SyncError as exc:
                outcome.client_error = exc
            if outcome.handler_calls:
                await handler_done.wait()
            await proxy.close()

    run(main())
    return outcome


def test_the_untouched_proxy_passes_everything() -> None:
    outcome = attack(lambda _d, _i, frame: [frame])
    assert outcome.server_got == MESSAGES and outcome.server_error is None
    assert outcome.client_got == REPLIES and outcome.client_error is None


@pytest.mark.parametrize(
    "policy",
    [
        pytest.param(flip("c2s", FIRST_DATA["c2s"] + 2), id="flip-byte"),
        pytest.param(flip("c2s", FIRST_DATA["c2s"] + 2, position=4), id="flip-first-byte"),
        pytest.param(replay("c2s", FIRST_DATA["c2s"] + 1), id="replay"),
        pytest.param(drop("c2s", FIRST_DATA["c2s"] + 2), id="drop"),
        pytest.param(swap("c2s", FIRST_DATA["c2s"] + 2), id="reorder"),
    ],
)
def test_attacks_on_client_frames_end_the_channel_in_order(policy: Policy) -> None:
    outcome = attack(policy)
    assert isinstance(outcome.server_error, ChannelError)
    # Only the untouched prefix was delivered, in order; nothing after the attack.
    assert outcome.server_got == MESSAGES[: len(outcome.server_got)]
    assert len(outcome.server_got) == 2
    assert isinstance(outcome.client_error, SyncError) and outcome.client_got == []


@pytest.mark.parametrize(
    "policy, delivered",
    [
        pytest.param(flip("s2c", FIRST_DATA["s2c"]), [], id="flip-byte"),
        pytest.param(replay("s2c", FIRST_DATA["s2c"]), [b"got all"], id="replay"),
        pytest.param(drop("s2c", FIRST_DATA["s2c"]), [], id="drop"),
        pytest.param(swap("s2c", FIRST_DATA["s2c"]), [], id="reorder"),
    ],
)
def test_attacks_on_server_frames_end_the_channel_for_the_client(
    policy: Policy, delivered: list[bytes]
) -> None:
    outcome = attack(policy)
    assert outcome.server_got == MESSAGES
    assert isinstance(outcome.client_error, ChannelError)
    assert "failed authentication" in str(outcome.client_error)
    assert outcome.client_got == delivered  # only the untouched prefix, never out of order
    # The server sees the client abort: a truncated stream, not a clean close.
    assert isinstance(outcome.server_error, ChannelError)


def test_dropping_the_final_frame_is_seen_as_truncation() -> None:
    final_index = FIRST_DATA["c2s"] + len(MESSAGES)
    outcome = attack(drop("c2s", final_index))
    assert outcome.server_got == MESSAGES
    assert isinstance(outcome.server_error, ChannelError)
    assert "truncated" in str(outcome.server_error)


@pytest.mark.parametrize(
    "direction, index", [("c2s", i) for i in range(5)] + [("s2c", i) for i in range(4)]
)
@pytest.mark.parametrize("position", [0, 12])
def test_tampering_with_the_handshake_fails_it(direction: str, index: int, position: int) -> None:
    """Keys, mark, headers, hellos, offers, answers: any flipped bit ends the handshake (a
    broken mark by the handshake timeout, the rest at once)."""
    outcome = attack(flip(direction, index, position))
    assert isinstance(outcome.client_error, SyncError)
    assert outcome.server_got == [] and outcome.client_got == []
