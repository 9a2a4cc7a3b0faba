"""Relay addresses: the one canonical spelling of a relay URL, and the relay list an event
carries (`journal.relays` and `space.relays`), checked the same way for both."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from haven.errors import InvalidInput

MAX_RELAYS = 8
MAX_URL_CHARS = 200
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost"})
#: A Tor v3 onion service name (56 base32 characters); older (v2) names no longer work.
_ONION = re.compile(r"(?:[a-z0-9-]+\.)*[a-z2-7]{56}\.onion")


def is_onion(host: str) -> bool:
    """Whether `host` names a Tor onion service (reachable only through a Tor proxy)."""
    return host.lower().rstrip(".").endswith(".onion")


def check_relay_url(text: object) -> str:
    """A relay URL in one canonical spelling: wss://HOST[:PORT]/PATH, or ws:// to this
    computer only (plain WebSocket would show every blob and mailbox id to the network) or
    to a Tor v3 onion service (its name is its key: Tor authenticates and encrypts the way
    there, and a `.onion` relay is reached only through the proxy, core/relay_proxy.py)."""
    if not isinstance(text, str) or not text.strip() or len(text.strip()) > MAX_URL_CHARS:
        raise InvalidInput(
            f"a relay address is a ws:// or wss:// URL of at most {MAX_URL_CHARS} characters"
        )
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise InvalidInput("that relay address is not a valid URL") from None
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in ("ws", "wss") or not host or parts.username or parts.password:
        raise InvalidInput("a relay address looks like wss://relay.example.org/")
    if parts.query or parts.fragment or any(c.isspace() for c in text.strip()):
        raise InvalidInput("a relay address has no query, fragment or spaces")
    if is_onion(host) and not _ONION.fullmatch(host):
        raise InvalidInput("that is not a Tor v3 onion address (56 letters and digits)")
    if scheme == "ws" and host not in LOCAL_HOSTS and not is_onion(host):
        raise InvalidInput(
            "plain ws:// is only allowed to 127.0.0.1, localhost or a .onion relay; "
            "use wss:// for any other relay"
        )
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}{f':{port}' if port is not None else ''}{parts.path or '/'}"


def parse_relays(content: dict[str, Any]) -> list[str] | None:
    """The list an event carries, or None if it is malformed (then it changes nothing)."""
    urls = content.get("relays")
    if not isinstance(urls, list) or len(urls) > MAX_RELAYS:
        return None
    try:
        checked = [check_relay_url(u) for u in urls]
    except InvalidInput:
        return None
    return list(dict.fromkeys(checked))
