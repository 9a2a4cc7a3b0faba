"""The relay proxy setting (Tor), .onion relay addresses, and the refusal to reach a .onion
relay without the proxy (no sockets: the refusal comes before any)."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import pytest

from haven.core import relay_urls
from haven.core import session as sessions
from haven.core.relay_proxy import TOR_SERVICE, check_proxy_url
from haven.errors import InvalidInput
from haven.relay import client as client_module
from haven.relay.client import RelayClient, RelayError
from tests.helpers import PASSPHRASE, new_session

ONION = "ws://" + "a2" * 28 + ".onion/"


@pytest.mark.parametrize(
    ("given", "canonical"),
    [
        ("socks5://127.0.0.1:9050", "socks5h://127.0.0.1:9050"),  # always remote DNS
        ("SOCKS5H://localhost:9150/", "socks5h://localhost:9150"),
        (" socks5://[::1]:1080 ", "socks5h://[::1]:1080"),
        ("socks5://10.152.152.10:9050", "socks5h://10.152.152.10:9050"),  # a Tor gateway
    ],
)
def test_proxy_addresses_are_spelled_one_way_with_remote_dns(given: str, canonical: str) -> None:
    assert check_proxy_url(given) == canonical


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("http://127.0.0.1:8080", "only SOCKS5"),
        ("socks4://127.0.0.1:9050", "only SOCKS5"),
        ("socks5://127.0.0.1", "needs a port"),
        ("socks5://tor.example.org:9050", "IP address or localhost"),
        ("socks5://u:p@127.0.0.1:9050", "no user name"),
        ("socks5://127.0.0.1:99999", "not a valid URL"),
        ("", "looks like"),
    ],
)
def test_bad_proxy_addresses_are_refused(given: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        check_proxy_url(given)


def test_onion_relays_may_use_ws_and_must_be_v3() -> None:
    assert relay_urls.check_relay_url(ONION.upper().replace("WS://", "ws://")) == ONION
    assert relay_urls.check_relay_url(ONION.replace("ws:", "wss:")).startswith("wss://")
    with pytest.raises(InvalidInput, match="v3 onion"):
        relay_urls.check_relay_url("ws://expyuzz4wqqyqhjn.onion/")  # a dead v2 name
    with pytest.raises(InvalidInput, match="only allowed"):
        relay_urls.check_relay_url("ws://relay.example.org/")  # plain ws elsewhere: still no


def test_the_setting_lives_in_the_vault_and_tells_listeners(tmp_path: Path) -> None:
    session = new_session(tmp_path / "a")
    heard: list[str | None] = []
    stop = session.proxy.subscribe(lambda: heard.append(session.proxy.url()))
    assert session.proxy.url() is None
    assert session.proxy.set("socks5://127.0.0.1:9050") == TOR_SERVICE
    with pytest.raises(InvalidInput):
        session.proxy.set("http://127.0.0.1:8080")
    assert session.proxy.url() == TOR_SERVICE  # a refused value changes nothing
    stop()
    session.proxy.set(None)
    assert heard == [TOR_SERVICE]
    session.lock()
    reopened = sessions.unlock(tmp_path / "a", PASSPHRASE)
    assert reopened.proxy.url() is None
    reopened.proxy.set("socks5://127.0.0.1:9150")
    reopened.lock()
    again = sessions.unlock(tmp_path / "a", PASSPHRASE)
    assert again.proxy.url() == "socks5h://127.0.0.1:9150"
    again.lock()


def test_an_onion_relay_without_a_proxy_is_refused_before_any_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[object] = []

    async def no_network(*args: object, **kwargs: object) -> None:
        tried.append(args)
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(asyncio.BaseEventLoop, "create_connection", no_network)
    monkeypatch.setattr(asyncio.BaseEventLoop, "getaddrinfo", no_network)

    async def connect() -> None:
        await RelayClient.connect(ONION, b"k" * 32, proxy=None, timeout=5)

    with pytest.raises(RelayError, match="only be reached through Tor") as refused:
        asyncio.run(connect())
    assert refused.value.code == "needs_proxy"
    assert tried == []


def test_every_relay_connection_in_the_app_names_its_proxy() -> None:
    """RelayClient.connect defaults to no proxy (for the relay's own tests): every call in
    the app must say which, or it would connect directly while the person chose Tor."""
    src = Path(__file__).resolve().parents[2] / "src" / "haven"
    calls = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "RelayClient"
            ):
                calls.append((path.name, {k.arg for k in node.keywords}))
    assert len(calls) >= 3
    assert [c for c in calls if "proxy" not in c[1]] == []


def test_each_mailbox_gets_its_own_tor_circuit_credentials() -> None:
    """Tor isolates streams by SOCKS credentials: one pair per mailbox, new each run, that
    names nothing (a keyed hash of the mailbox id)."""
    a1 = client_module._isolated("socks5h://127.0.0.1:9050", b"a" * 32)
    assert a1 == client_module._isolated("socks5h://127.0.0.1:9050", b"a" * 32)
    b1 = client_module._isolated("socks5h://127.0.0.1:9050", b"b" * 32)
    assert a1 != b1 and a1.endswith("@127.0.0.1:9050") and b1.startswith("socks5h://")
    user = a1.removeprefix("socks5h://").split(":", 1)[0]
    assert len(user) == 16 and (b"a" * 32).hex()[:16] != user
    assert client_module._isolated("socks5h://u:p@127.0.0.1:1", b"a" * 32).startswith(
        "socks5h://u:p@"
    )
