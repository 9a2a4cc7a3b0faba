"""Issue 15's media figure: a 5 MiB picture goes member-to-member through the relay at
≥ 50 % of the bare `websockets` throughput for the same bytes.

Member to member: Bea posts the picture (prepared beforehand: re-encoded without metadata,
as the composer does before posting); timed from Bea's relay round that uploads it to Ari
holding it — Ari's relay round that fetches and stores it, then reading the attachment back
whole (every chunk opened, the digest checked). The real `haven-relay` in a subprocess on
127.0.0.1, both members as sessions in this process (test KDF).

The floor, in the same run: the same bytes (the blobs Bea's round sends: every event of the
post, sealed and padded as for the relay, one frame each) through a bare `websockets`
store-and-forward server in a subprocess: one client sends them all and has them
acknowledged, another then receives them all. Medians of the runs; throughput = picture
bytes ÷ time, so the ratio is the two times' ratio.
"""

from __future__ import annotations

import asyncio
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from websockets.asyncio.client import connect

from bench.bench_relay import CONFIG, _relay_cmd, _start, _stop
from bench.stats import median, table, verdict
from haven.core import session as sessions
from haven.core.attachments.spec import CHUNK_BYTES, PreparedFile
from haven.core.session import Session
from haven.sync.relay_sync import seal_blob, sync_relays

TITLE = "Pictures through a relay (issue 15)"
PASSPHRASE = "benchmark passphrase with several words 7"
TARGET = 0.5
#: A picture of random pixels whose PNG is just over 5 MiB (incompressible, like a photo).
SIDE = 1322
FORWARDER = """
import asyncio
from websockets.asyncio.server import serve
held = []
async def handle(ws):
    if ws.request.path == "/put":
        async for m in ws:
            if m == "done":
                await ws.send("ok")
            else:
                held.append(m)
    else:
        for m in held:
            await ws.send(m)
        held.clear()
        await ws.close()
async def main():
    async with serve(handle, "127.0.0.1", 0, compression=None, max_size=None) as s:
        print(f"forwarder listening on ws://127.0.0.1:{s.sockets[0].getsockname()[1]}", flush=True)
        await asyncio.Future()
asyncio.run(main())
"""


def _picture() -> bytes:
    image = Image.frombytes("RGB", (SIDE, SIDE), os.urandom(SIDE * SIDE * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _pair(root: Path, url: str) -> tuple[Session, Session, bytes]:
    ari = sessions.create(root / "ari", PASSPHRASE, "Ari", check_strength=False)
    bea = sessions.create(root / "bea", PASSPHRASE, "Bea", check_strength=False)
    sid = ari.spaces.create_space("Circle", "a support circle", [], display_name="Ari")
    ari.relays.set_relays(sid, [url])
    ask = bea.spaces.prepare_join("Bea")
    bea.spaces.accept_welcome(
        ari.spaces.make_add_member(sid, ask.persona_pk, ask.box_pk, "Bea", "", "", ask.device_id)
    )
    sync_relays(ari)
    sync_relays(bea)
    sync_relays(ari)
    return ari, bea, sid


def _through_relay(root: Path, url: str, data: bytes) -> tuple[float, float, list[bytes]]:
    """Seconds from Bea's upload to Ari holding the picture, and of Bea's round alone; the
    blobs the upload carried."""
    ari, bea, sid = _pair(root, url)
    try:
        prepared: PreparedFile = bea.spaces.attachments.prepare_bytes(
            bea.spaces.attachments.limit(sid), "march.png", data
        )
        assert prepared.spec.size >= 5 * 1024 * 1024, prepared.spec.size
        post = bea.spaces.post(sid, "from the march", files=[prepared])
        envelopes = bea.log.envelopes_after(sid, ari.log.chain_tips(sid), 100_000)
        sealed = [seal_blob(os.urandom(32), e) for e in envelopes]  # the relay's sizes
        t0 = time.perf_counter()
        for report in sync_relays(bea, url, timeout=120):
            assert report.error is None, report.error
        uploaded = time.perf_counter() - t0
        for report in sync_relays(ari, url, timeout=120):
            assert report.error is None, report.error
        (shown,) = [p for p in ari.spaces.read_feed(sid, limit=5) if p.post_id == post]
        (info,) = shown.attachments
        got = ari.spaces.attachments.read(info.attachment_id)[1]
        elapsed = time.perf_counter() - t0
        assert got == prepared.data
        return elapsed, uploaded, sealed
    finally:
        ari.lock()
        bea.lock()


async def _bare(url: str, blobs: list[bytes]) -> float:
    t0 = time.perf_counter()
    async with connect(url + "/put", compression=None, max_size=None) as put:
        for blob in blobs:
            await put.send(blob)
        await put.send("done")
        assert await put.recv() == "ok"
    async with connect(url + "/get", compression=None, max_size=None) as get:
        got = [await get.recv() for _ in blobs]
    elapsed = time.perf_counter() - t0
    assert sum(map(len, got)) == sum(map(len, blobs))
    return elapsed


def run(quick: bool) -> str:
    runs = 1 if quick else 5
    os.environ.update(HAVEN_INSECURE_TEST_KDF="1", HAVEN_TEST_SUITE="1")
    data = _picture()
    relay_s: list[float] = []
    upload_s: list[float] = []
    bare_s: list[float] = []
    with tempfile.TemporaryDirectory(prefix="haven-bench-media-") as tmp:
        folder = Path(tmp)
        cfg = folder / "relay.toml"
        cfg.write_text(CONFIG)
        relay, url = _start(_relay_cmd(str(folder / "relay.db"), cfg))
        forwarder, bare_url = _start([sys.executable, "-c", FORWARDER])
        try:
            for i in range(runs):  # alternated, so both see the same load
                seconds, upload, blobs = _through_relay(folder / f"run{i}", url, data)
                relay_s.append(seconds)
                upload_s.append(upload)
                bare_s.append(asyncio.run(_bare(bare_url, blobs)))
        finally:
            _stop(relay)
            _stop(forwarder)
    mib = len(data) / 2**20
    wire_mib = sum(map(len, blobs)) / 2**20
    relay_rate, bare_rate = mib / median(relay_s), mib / median(bare_s)
    ratio = relay_rate / bare_rate
    load = os.getloadavg()
    rows = [
        ["member to member through the relay (MiB/s)", f"{relay_rate:.2f}", "", ""],
        ["… of which Bea's round, the upload (median s)", f"{median(upload_s):.2f}", "", ""],
        [
            "… Ari's round and the read: fetch, open, check, store (median s)",
            f"{median([r - u for r, u in zip(relay_s, upload_s, strict=True)]):.2f}",
            "",
            "",
        ],
        ["bare websockets, same blobs (MiB/s)", f"{bare_rate:.2f}", "", ""],
        ["ratio relay / bare", f"{ratio:.2f}", f"≥ {TARGET}", verdict(ratio >= TARGET)],
    ]
    return (
        f"## {TITLE}\n\n"
        f"{'Quick sizes. ' if quick else ''}A {mib:.2f} MiB PNG of random pixels (incompressible, "
        f"like a photo), posted by one member and read whole by another through the real "
        f"`haven-relay` on 127.0.0.1; {len(blobs)} blobs, {wire_mib:.2f} MiB on the wire "
        f"(padded, sealed: {wire_mib / mib:.2f}× the picture; a chunk's envelope, "
        f"{CHUNK_BYTES // 1024} KiB of the file plus its own padding, header and signature, "
        f"is just over 16 KiB, so its blob pads to the next bucket). Median of {runs} runs "
        f"each, alternated; times per run: relay "
        f"{', '.join(f'{s:.2f}' for s in relay_s)} s, bare "
        f"{', '.join(f'{s:.3f}' for s in bare_s)} s. The member-to-member time includes both "
        f"devices' work (sealing and signing is done when posting, before the timer starts; "
        f"opening, checking and storing every event, and reading the picture back, inside it). "
        f"Load average at the end: {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} "
        f"(1 / 5 / 15 min) on {os.cpu_count()} CPUs. The client keeps up to 64 appends in "
        f"flight and fetches pages ahead while it ingests (sync/relay_window.py); a page is "
        f"the relay's `fetch_page_max_bytes` (256 KiB: 8 of these blobs), so the download "
        f"is about {-(-len(blobs) // 8)} fetches, each answered by the relay from its "
        f"database, and every event is opened, its signature checked and stored in the "
        f"vault; the bare floor holds the blobs in memory and does none of this.\n\n"
        + table(["", "value", "target", ""], rows)
        + "\n"
    )
