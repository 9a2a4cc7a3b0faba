"""Sync: the authenticated encrypted channel, reconciliation and transports.

The channel's public API (see docs/PROTOCOL.md, "The channel"):

    channel = await connect("127.0.0.1", port, secrets)        # -> Channel
    server = await serve("127.0.0.1", 0, provider, on_channel)  # server.port
    await channel.send(b"..."); await channel.recv(); await channel.close()
    channel.shared_spaces, channel.transcript_hash, verification_words(h)
"""

from __future__ import annotations

from haven.core.space_secrets import PAIRING_SPACE_ID, SpaceSecret, pairing_secret
from haven.sync.channel import ChannelClosed, SecretChannel
from haven.sync.framing import MAX_PAYLOAD, ChannelError, FramingError
from haven.sync.handshake import Handshake, HandshakeError, Role, verification_words
from haven.sync.tcp import (
    Channel,
    ChannelTimeout,
    NoSharedSpaces,
    Server,
    connect,
    serve,
)

__all__ = [
    "MAX_PAYLOAD",
    "PAIRING_SPACE_ID",
    "Channel",
    "ChannelClosed",
    "ChannelError",
    "ChannelTimeout",
    "FramingError",
    "Handshake",
    "HandshakeError",
    "NoSharedSpaces",
    "Role",
    "SecretChannel",
    "Server",
    "SpaceSecret",
    "connect",
    "pairing_secret",
    "serve",
    "verification_words",
]
