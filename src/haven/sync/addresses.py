"""Which address to put in a pairing code: this computer's first private-network IPv4
address, read from the interfaces (ifaddr, python-zeroconf's own dependency) without
sending any packet."""

from __future__ import annotations

import ipaddress
import os

import ifaddr


def lan_address() -> str | None:
    """HAVEN_LAN_ADDRESS overrides the choice (a computer with several networks, or a test
    in a private network namespace)."""
    override = os.environ.get("HAVEN_LAN_ADDRESS")
    if override:
        return str(ipaddress.ip_address(override))
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if not isinstance(ip.ip, str):
                continue  # IPv6 entries are tuples
            addr = ipaddress.IPv4Address(ip.ip)
            if addr.is_private and not addr.is_loopback and not addr.is_link_local:
                return str(addr)
    return None
