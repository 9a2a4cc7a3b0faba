"""Issue 2's figures: a journal of 100,000 entries in a real vault, against the same code on
an unkeyed database of the same sqlcipher3 build (so the ratio isolates encryption)."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import filelock
import sqlcipher3

from bench.stats import median, peak_rss_mib, percentile, table, verdict
from haven.core import session
from haven.core.clock import now_ms
from haven.core.identity import Identity
from haven.core.journal import EntryFilter, JournalDraft
from haven.core.session import Session, _create_journal_space
from haven.crypto import kdf
from haven.store import migrations
from haven.store.connection import CACHE_KIB
from haven.store.vault import UnlockTimings, Vault

TITLE = "Journal (issue 2)"
PASSPHRASE = "benchmark passphrase with several words 7"
BATCH = 1000
PAGE = 100  # what the journal view loads first
WORDS = [
    "river",
    "morning",
    "friend",
    "family",
    "sister",
    "brother",
    "partner",
    "pride",
    "coming",
    "out",
    "work",
    "school",
    "tired",
    "hopeful",
    "anxious",
    "calm",
    "proud",
    "safe",
    "alone",
    "together",
    "music",
    "walk",
    "rain",
    "sun",
    "letter",
    "doctor",
    "therapy",
    "binder",
    "name",
    "pronouns",
    "church",
    "mosque",
    "city",
    "village",
    "train",
    "garden",
    "laughed",
    "cried",
    "talked",
    "listened",
    "wrote",
    "remembered",
    "forgot",
    "decided",
    "started",
    "finished",
]
ARABIC = ["اليوم", "صديقي", "عائلتي", "هويتي", "شعرت", "بالراحة", "الخوف", "الأمل"]
TAGS = ["family", "work", "coming-out", "health", "gratitude", "love", "school", "faith"]


def _vocabulary() -> tuple[list[str], list[float]]:
    """Real words first, then 4,000 made-up ones, with Zipf (1/rank) frequencies, as in
    natural text: a few words are in most entries, most words in few."""
    rng = random.Random(3)
    syllables = ["ka", "lo", "mi", "ren", "tha", "sul", "ve", "dor", "pia", "ne", "zu", "gar"]
    made_up = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(6000)}
    vocab = WORDS + sorted(made_up - set(WORDS))[:4000]
    return vocab, [1 / (rank + 1) for rank in range(len(vocab))]


VOCAB, WEIGHTS = _vocabulary()


def _drafts(n: int, rng: random.Random) -> list[JournalDraft]:
    out = []
    for _ in range(n):
        words = rng.choices(VOCAB, WEIGHTS, k=rng.randint(40, 90)) + rng.choices(ARABIC, k=3)
        out.append(
            JournalDraft(
                body=" ".join(words),
                title=" ".join(rng.choices(WORDS, k=3)),
                mood=rng.randint(1, 5),
                tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
            )
        )
    return out


def _fill(s: Session, n: int, seed: int) -> list[float]:
    """Insert n entries in batches; returns entries/s of each batch."""
    rng = random.Random(seed)
    rates = []
    for start in range(0, n, BATCH):
        drafts = _drafts(min(BATCH, n - start), rng)
        t0 = time.perf_counter()
        s.journal.add_many(drafts)
        rates.append(len(drafts) / (time.perf_counter() - t0))
    return rates


def _search_times(s: Session, queries: list[str]) -> list[float]:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        s.journal.search(q, limit=50)
        times.append((time.perf_counter() - t0) * 1000)
    return times


def _view_open_ms(s: Session, repeats: int = 15) -> float:
    """What the journal view does when it opens: the count and the first page."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        s.journal.count(EntryFilter())
        s.journal.list(EntryFilter(), limit=PAGE)
        s.journal.tags()
        times.append((time.perf_counter() - t0) * 1000)
    return median(times)


def _unkeyed_session(folder: Path) -> Session:
    """The same schema, pragmas and code over a database with no SQLCipher key."""
    folder.mkdir(parents=True)
    conn = sqlcipher3.connect(
        str(folder / "plain.db"), isolation_level=None, check_same_thread=False
    )
    for pragma in (
        "temp_store = MEMORY",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
        "secure_delete = ON",
        f"cache_size = -{CACHE_KIB}",
    ):
        conn.execute(f"PRAGMA {pragma}")
    migrations.migrate(conn)
    lock = filelock.FileLock(str(folder / "plain.lock"), timeout=0)
    lock.acquire()
    vault = Vault(folder, conn, lock, bytearray(b"unkeyed"), UnlockTimings(0.0, 0.0))
    persona = Identity(vault).initialise("Bench")
    _create_journal_space(vault, persona, now_ms)
    return Session(vault)


def _kdf_alone_s(params: kdf.KdfParams, repeats: int = 3) -> float:
    salt = kdf.new_salt()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        kdf.derive_key(PASSPHRASE, salt, params)
        times.append(time.perf_counter() - t0)
    return median(times)


def run(quick: bool) -> str:
    n = 5_000 if quick else 100_000
    rng = random.Random(7)
    queries = [" ".join(rng.choices(VOCAB, WEIGHTS, k=rng.randint(1, 2))) for _ in range(150)]
    queries += [*rng.sample(ARABIC, 5), "riv", "fam", "hope"]
    params = kdf.MODERATE
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as tmp:
        root = Path(tmp)
        s = session.create(root / "vault", PASSPHRASE, "Bench", params=params, check_strength=False)
        plain = _unkeyed_session(root / "plain")
        # Batches alternate between the two databases so that noise from other work on this
        # shared machine falls on both alike.
        rates, plain_rates = [], []
        for start in range(0, n, BATCH):
            rates += _fill(s, min(BATCH, n - start), seed=start)
            plain_rates += _fill(plain, min(BATCH, n - start), seed=start)
        s.lock()
        kdf_alone = _kdf_alone_s(params)
        unlocks = []
        for _ in range(3):
            t0 = time.perf_counter()
            s = session.unlock(root / "vault", PASSPHRASE)
            unlocks.append((time.perf_counter() - t0, s.vault.timings))
            if len(unlocks) < 3:
                s.lock()
        rss = peak_rss_mib()
        view_ms = _view_open_ms(s)
        # Searches alternate too; the first pass starts from the cache the inserts left,
        # later passes are what live search (a query per keystroke) sees.
        search: list[list[float]] = [[], [], []]
        plain_search: list[list[float]] = [[], [], []]
        for p in range(3):
            for q in queries:
                search[p] += _search_times(s, [q])
                plain_search[p] += _search_times(plain, [q])
        replayed = None
        rebuild_s = 0.0
        if quick:
            t0 = time.perf_counter()
            replayed = s.journal.rebuild()
            rebuild_s = time.perf_counter() - t0
        size_mib = sum(f.stat().st_size for f in (root / "vault").iterdir()) / 2**20
        s.lock()
        plain.lock()

    unlock_total = median([u[0] for u in unlocks])
    unlock_kdf = median([u[1].kdf_s for u in unlocks])
    unlock_open = median([u[1].open_s for u in unlocks])
    ins, plain_ins = median(rates), median(plain_rates)
    insert_ratio = plain_ins / ins
    first, warm = search[0], search[1] + search[2]
    pfirst, pwarm = plain_search[0], plain_search[1] + plain_search[2]
    p95_first, p95_warm = percentile(first, 95), percentile(warm, 95)
    pp95_first, pp95_warm = percentile(pfirst, 95), percentile(pwarm, 95)
    ratio_first, ratio_warm = p95_first / pp95_first, p95_warm / pp95_warm
    rows = [
        ["unlock, total (s)", unlock_total, "≤ 0.6", verdict(unlock_total <= 0.6)],
        [
            "… of which Argon2id KDF (s)",
            unlock_kdf,
            f"MODERATE: {params.memlimit // 2**20} MiB, {params.opslimit} passes",
            "",
        ],
        ["… of which open + migrate (s)", unlock_open, "", ""],
        ["bare Argon2id MODERATE, same run (s)", kdf_alone, "LIMITS.md: 0.43–0.49", ""],
        [
            "entries added per second (sign+encrypt+store+index)",
            ins,
            "≥ 5,000",
            verdict(ins >= 5000),
        ],
        [
            "search p50 / p95, first pass (ms)",
            f"{percentile(first, 50):.2f} / {p95_first:.2f}",
            "p95 ≤ 30",
            verdict(p95_first <= 30),
        ],
        [
            "search p50 / p95, warm passes (ms)",
            f"{percentile(warm, 50):.2f} / {p95_warm:.2f}",
            "p95 ≤ 30",
            verdict(p95_warm <= 30),
        ],
        [
            "journal view open: count + first 100 + tags (ms)",
            view_ms,
            "≤ 200",
            verdict(view_ms <= 200),
        ],
        ["peak RSS of the process after unlock (MiB)", rss, "Argon2id alone allocates 256", ""],
        ["vault size on disk (MiB)", size_mib, "", ""],
        ["unkeyed: entries added per second", plain_ins, "", ""],
        [
            "unkeyed: search p95 first pass / warm (ms)",
            f"{pp95_first:.2f} / {pp95_warm:.2f}",
            "",
            "",
        ],
        [
            "ratio encrypted/unkeyed, insert time",
            insert_ratio,
            "≤ 1.5",
            verdict(insert_ratio <= 1.5),
        ],
        [
            "ratio encrypted/unkeyed, search p95, first pass",
            ratio_first,
            "≤ 1.5",
            verdict(ratio_first <= 1.5),
        ],
        [
            "ratio encrypted/unkeyed, search p95, warm",
            ratio_warm,
            "≤ 1.5",
            verdict(ratio_warm <= 1.5),
        ],
    ]
    if replayed is not None:
        rows.append([f"rebuild projections from {replayed:,} events (s)", rebuild_s, "", ""])
    return (
        f"## {TITLE}\n\n"
        f"{n:,} entries (40–90 words each from a 4,000-word Zipf vocabulary, some Arabic, "
        f"0–3 tags, a mood) written in batches of {BATCH} into a vault created with the "
        "production KDF, alternating batch by batch with the same inserts into an unkeyed "
        "database of the same `sqlcipher3` build, schema and pragmas (so the ratio isolates "
        f"encryption); then 3 unlocks; the journal view's opening queries; {len(queries)} "
        "searches (1–2 words drawn with the text's Zipf frequencies, some Arabic, some "
        "prefixes; first 50 hits), three passes, alternating query by query between the two "
        "databases. Medians over batches, unlocks and queries.\n\n"
        + table(["measure", "value", "target", ""], rows)
    )
