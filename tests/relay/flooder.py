"""A hostile client for the abuse tests, run as its own process so that its CPU is not the
test's: it claims one mailbox, then sends appends at RATE frames a second for SECONDS,
reconnecting whenever the relay closes it. Prints the frames it sent.

    python -m tests.relay.flooder URL RATE SECONDS SOURCE_ADDRESS
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidHandshake, WebSocketException

from haven.relay import protocol
from haven.relay.client import RelayClient, RelayError


async def _discard(ws: ClientConnection) -> None:
    with contextlib.suppress(WebSocketException):
        async for _ in ws:
            pass


async def flood(url: str, rate: int, seconds: float, source: str) -> int:
    key = os.urandom(32)
    async with await RelayClient.connect(url, key, local_address=source) as first:
        await first.claim()
    creds = protocol.MailboxCredentials.from_space_key(key)
    deadline = time.monotonic() + seconds
    per_tick, sent = max(1, rate // 100), 0
    pad = os.urandom(1000)
    while time.monotonic() < deadline:
        try:
            async with connect(url, compression=None, local_addr=(source, 0)) as ws:
                challenge = protocol.decode_server(await ws.recv())  # type: ignore[arg-type]
                assert isinstance(challenge, protocol.Challenge)
                await ws.send(protocol.encode(creds.answer(challenge.challenge, os.urandom(16))))
                await ws.recv()
                reader = asyncio.create_task(_discard(ws))
                while time.monotonic() < deadline and not reader.done():
                    tick = time.monotonic()
                    for _ in range(per_tick):
                        sent += 1
                        blob = sent.to_bytes(8, "big") + pad
                        await ws.send(protocol.encode(protocol.Append(id=sent, blob=blob)))
                    await asyncio.sleep(max(0.0, 0.01 - (time.monotonic() - tick)))
                reader.cancel()
        except (WebSocketException, InvalidHandshake, OSError, RelayError):
            await asyncio.sleep(0.05)
    return sent


if __name__ == "__main__":
    url, rate, seconds, source = sys.argv[1:5]
    print(asyncio.run(flood(url, int(rate), float(seconds), source)), flush=True)
