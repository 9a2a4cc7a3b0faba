"""Short spoken codes over a relay (docs/PROTOCOL.md, "Short codes"): both people online at
once, meeting in the relay mailbox named by the code's number and the day (UTC). The host
waits with its SPAKE2 message; the guest answers with its own; the host sends the full code
(a relay invite code, or a device-pairing code when linking) sealed under the agreed key;
the guest confirms. One guess per run.
"""

from __future__ import annotations

import asyncio
import ssl as ssl_module
import time
from collections.abc import Callable

from haven.core.spaces.invites.relay_code import RelayInviteCode
from haven.core.spaces.invites.short_code import (
    PakeSide,
    ShortCode,
    ShortCodeError,
    nameplate_key,
)
from haven.relay.client import RelayClient
from haven.sync.relay_sync import within

DAY_S = 86400
POLL_S = 0.2
TIMEOUT = 10.0
#: How long the guest waits for the host's answer once it has sent its own message.
ANSWER_WAIT_S = 30.0


async def _read(client: RelayClient, timeout: float) -> list[bytes]:
    return [blob for _, blob in await within(client.fetch_all(), timeout)]


async def _poll(
    client: RelayClient, ready: Callable[[list[bytes]], bool], until: float, timeout: float
) -> list[bytes] | None:
    """Read the mailbox until `ready` says so (→ its blobs) or `until` passes (→ None)."""
    loop = asyncio.get_running_loop()
    while True:
        blobs = await _read(client, timeout)
        if ready(blobs):
            return blobs
        if loop.time() >= until:
            return None
        await asyncio.sleep(POLL_S)


def today() -> int:
    return int(time.time()) // DAY_S


async def async_host(
    code: RelayInviteCode,
    show: Callable[[ShortCode], None],
    *,
    wait_s: float,
    proxy: str | None,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> str:
    """Offer `code` under a fresh short code until someone answers or `wait_s` passes.
    → "delivered", "wrong code" or "nobody came". `proxy`: the vault's (session.proxy)."""
    return await async_host_text(
        code.relay_url,
        code.encode_compact(),
        show,
        wait_s=wait_s,
        proxy=proxy,
        ssl=ssl,
        timeout=timeout,
    )


async def async_host_text(
    relay_url: str,
    text: str,
    show: Callable[[ShortCode], None],
    *,
    wait_s: float,
    proxy: str | None,
    purpose: str = "invite",
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> str:
    """Hand `text` (an invite code, a device-pairing code) to whoever types the short code
    shown, for `purpose`. → "delivered", "wrong code" or "nobody came"."""
    loop = asyncio.get_running_loop()
    for _ in range(20):  # a number whose mailbox is empty today
        short = ShortCode.new()
        key = nameplate_key(relay_url, short.nameplate, today(), purpose)
        client = await RelayClient.connect(relay_url, key, ssl=ssl, timeout=timeout, proxy=proxy)
        if not await _read(client, timeout):
            break
        await client.close()
    else:
        raise ShortCodeError("no free short code on this relay right now; try again later")
    async with client:
        side = PakeSide(short, host=True, purpose=purpose)
        await within(client.append(side.first_blob()), timeout)
        show(short)
        if await _poll(client, side.take_peer, loop.time() + wait_s, timeout) is None:
            return "nobody came"
        await within(client.append(side.payload_blob(text)), timeout)
        blobs = await _poll(
            client,
            lambda b: side.confirmed(b) is not None,
            loop.time() + ANSWER_WAIT_S,
            timeout,
        )
        if blobs is None:
            return "nobody came"
        return "delivered" if side.confirmed(blobs) else "wrong code"


async def async_guest(
    short: ShortCode,
    relay_url: str,
    *,
    proxy: str | None,
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> RelayInviteCode:
    """The relay code the host offers under `short`; ShortCodeError if nobody waits with it
    or it does not match (the host then stops: ask for a new code)."""
    return RelayInviteCode.decode(
        await async_guest_text(short, relay_url, proxy=proxy, ssl=ssl, timeout=timeout)
    )


async def async_guest_text(
    short: ShortCode,
    relay_url: str,
    *,
    proxy: str | None,
    purpose: str = "invite",
    ssl: ssl_module.SSLContext | None = None,
    timeout: float = TIMEOUT,
) -> str:
    """The text the host hands over under `short` for `purpose`; ShortCodeError as above."""
    loop = asyncio.get_running_loop()
    for day in (today(), today() - 1):  # the host may have started just before midnight UTC
        key = nameplate_key(relay_url, short.nameplate, day, purpose)
        opened = RelayClient.connect(relay_url, key, ssl=ssl, timeout=timeout, proxy=proxy)
        async with await opened as client:
            side = PakeSide(short, host=False, purpose=purpose)
            waiting = await _read(client, timeout)
            if not side.take_peer(waiting):
                continue
            if side.already_tried(waiting):
                raise ShortCodeError("that code was already used once; ask for a new one")
            await within(client.append(side.first_blob()), timeout)
            blobs = await _poll(
                client,
                side.open_payload_ready,
                loop.time() + ANSWER_WAIT_S,
                timeout,
            )
            if blobs is None:
                raise ShortCodeError(
                    "nobody answered with that code (it may have been used or timed out); "
                    "ask for a new one"
                )
            try:
                text = side.open_payload(blobs)
            finally:  # right or wrong, the host hears back and stops waiting
                await within(client.append(side.confirm_blob()), timeout)
            assert text is not None
            return text
    raise ShortCodeError(
        "nobody is waiting with that code on this relay; check the number and the relay, "
        "or ask them to make a new one"
    )
