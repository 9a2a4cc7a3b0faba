"""Reaching relays through a SOCKS5 proxy (Tor), a setting of this vault.

With a proxy set, every connection to a relay — sync, the live subscription, relay invites,
short codes — goes through it, and the relay's host name is handed to the proxy to resolve
(`socks5h`): no DNS query for it leaves this computer, and neither the relay nor anyone on
the network between sees this computer's address. When the proxy cannot be reached the
connection fails; it is never retried directly. LAN and direct sync (`haven serve`,
`haven sync HOST:PORT`) never use it: they talk to peers on the local network by design.

A `.onion` relay is reachable only through the proxy (RelayClient refuses it otherwise).
The setting lives in the vault's `meta` table, like the LAN setting: which proxy a person
uses is itself worth keeping private.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from urllib.parse import urlsplit

from haven.errors import InvalidInput
from haven.store import identity_tables as ids
from haven.store.vault import Vault

_META = "relay_proxy"
#: The SOCKS port of the system Tor service (the `tor` package) ...
TOR_SERVICE = "socks5h://127.0.0.1:9050"
#: ... and of a running Tor Browser.
TOR_BROWSER = "socks5h://127.0.0.1:9150"


def check_proxy_url(text: object) -> str:
    """A proxy address in one canonical spelling, `socks5h://HOST:PORT`.

    `socks5://` is taken and written as `socks5h://`: Haven always lets the proxy resolve
    relay names, so `socks5` (local DNS) is never used. HOST is an IP address or
    `localhost`: a proxy's own name would need a local DNS query."""
    if not isinstance(text, str) or not text.strip() or len(text.strip()) > 100:
        raise InvalidInput("a proxy address looks like socks5://127.0.0.1:9050")
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError:
        raise InvalidInput("that proxy address is not a valid URL") from None
    if parts.scheme.lower() not in ("socks5", "socks5h"):
        raise InvalidInput("only SOCKS5 proxies are supported: socks5://HOST:PORT")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise InvalidInput("a proxy address has no user name, password, query or fragment")
    if parts.path not in ("", "/") or port is None or not 0 < port < 65536:
        raise InvalidInput("a proxy address needs a port: socks5://127.0.0.1:9050")
    host = (parts.hostname or "").lower()
    if host != "localhost":
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            raise InvalidInput(
                "the proxy's host must be an IP address or localhost (its name would need "
                "a DNS query)"
            ) from None
    shown = f"[{host}]" if ":" in host else host
    return f"socks5h://{shown}:{port}"


class RelayProxy:
    """`session.proxy`: the SOCKS5 proxy relay connections go through, or None (direct)."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._listeners: list[Callable[[], None]] = []

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener()` after each change (the relay syncer reconnects the new way);
        returns the function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def url(self) -> str | None:
        with self._vault.read() as conn:
            value = ids.get_meta(conn, _META)
        return value.decode() if value else None

    def set(self, text: str | None) -> str | None:
        """Route relay connections through `text` (checked and made canonical), or
        directly with None. Returns the setting now in force."""
        value = None if text is None else check_proxy_url(text)
        with self._vault.transaction() as conn:
            ids.set_meta(conn, _META, value.encode() if value else b"")
        for listener in list(self._listeners):
            listener()
        return value
