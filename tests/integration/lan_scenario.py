"""Run inside a private network namespace (see test_lan_discovery.py): real python-zeroconf
instances on that namespace's loopback, where multicast is switched on. Prints one JSON line."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

from zeroconf import IPVersion, ServiceBrowser, Zeroconf, ZeroconfServiceTypes

from haven.core.linking import create_linked, make_bundle
from haven.sync.discovery import DiscoveryKey, LanDiscovery, Peer
from haven.sync.engine import SyncEngine
from haven.sync.lan import LanSync
from tests.helpers import PASSPHRASE, new_session

LOOPBACK = ["127.0.0.1"]
DEADLINE_S = 40.0


def main() -> int:
    root = Path(tempfile.mkdtemp())
    os.environ["HAVEN_INSECURE_TEST_KDF"] = "1"
    os.environ["HAVEN_TEST_SUITE"] = "1"
    a = new_session(root / "a", name="Kestrel Canary")
    b = create_linked(root / "b", PASSPHRASE, make_bundle(a), "laptop")
    stranger = new_session(root / "s", name="Stranger")
    a.journal.add("written on a")
    b.journal.add("written on b")

    engines, lans = [], []
    for s in (a, b):
        engine = SyncEngine(s)
        engine.start()
        port = engine.serve("127.0.0.1", 0)
        lan = LanSync(s, engine, port, addresses=LOOPBACK, interfaces=LOOPBACK)
        lan.start()
        engines.append(engine)
        lans.append(lan)

    stranger_peers: list[Peer] = []
    stranger_lan = LanDiscovery(
        lambda: [DiscoveryKey.from_epoch_key(stranger.journal.space_id, 0, b"\x00" * 32)],
        9,
        stranger_peers.append,
        addresses=LOOPBACK,
        interfaces=LOOPBACK,
    )
    stranger_lan.start()

    converged = False
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        if a.journal.count() == 2 and b.journal.count() == 2:
            converged = True
            break
        time.sleep(0.2)

    # What a passive observer on this network sees: every service type, instance and TXT.
    zc = Zeroconf(interfaces=LOOPBACK, ip_version=IPVersion.V4Only)
    types = sorted(ZeroconfServiceTypes.find(zc=zc, timeout=3))
    names: list[str] = []
    browsers = [
        ServiceBrowser(
            zc, t, handlers=[lambda zeroconf, service_type, name, state_change: names.append(name)]
        )
        for t in types
    ]
    time.sleep(2)  # a browse window, as a real observer would use
    txt = []
    for name in sorted(set(names)):
        info = zc.get_service_info(name.split(".", 1)[1], name, timeout=3000)
        if info is not None:
            txt.append((info.text or b"").hex())
    for browser in browsers:
        browser.cancel()
    zc.close()

    for lan in (*lans, stranger_lan):
        lan.stop()
    for engine in engines:
        engine.stop()
    result = {
        "converged": converged,
        "a": sorted(e.body for e in a.journal.list()),
        "b": sorted(e.body for e in b.journal.list()),
        "stranger_peers": len(stranger_peers),
        "stranger_entries": stranger.journal.count(),
        "types": types,
        "names": sorted(set(names)),
        "txt": txt,
        "persona": a.identity.primary().display_name,
        "space_id": a.journal.space_id.hex(),
    }
    print(json.dumps(result), flush=True)
    for s in (a, b, stranger):
        s.lock()
    return 0


if __name__ == "__main__":
    sys.exit(main())
