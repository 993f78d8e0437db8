"""Grouping cost per imported article as the store grows (synthetic corpus).

    python benchmarks/bench_stories.py                  # checkpoints at 10,000 and 100,000
    python benchmarks/bench_stories.py --checkpoints 2000 10000

Articles are generated, not read: events (1-4 outlet versions each, the
versions sharing 60-80% of the event's names and figures), a Zipf vocabulary
of 6,000 words, 60 outlets, a pool of 40,000 names (some very common, like a head of
state), spread over a year (~270 articles a day). They are assigned in
publication order into a file-backed SQLite database, committed every 500
articles as an import would. At each checkpoint the script prints the mean
and 95th percentile of `StoryGrouper.assign` over the preceding 1,000
articles (wall clock, and CPU time of this process, which is steadier on a
shared machine), the database size and the machine's load average (1 min). Generation time is not counted.

Two runs on 2 shared cores (load average 4-9 from other work, so wall
times are inflated; CPU time is the steadier figure):

     articles  ms/article   cpu ms   p95 ms   stories   db MB  max RSS MB
       10,000        7.24     2.85    15.35     4,853    10.3          65
       50,000       10.02     3.99    18.70    24,366    52.5          86
      100,000        6.23     3.06    11.25    48,850   106.1          93

       10,000        6.57     2.81    11.92     5,082    10.3          65
      100,000        5.97     3.85    11.88    50,941   106.2          92
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories.grouping import StoryGrouper

SYLLABLES = [
    "ka",
    "lo",
    "ren",
    "ta",
    "mi",
    "su",
    "vel",
    "dor",
    "an",
    "is",
    "bre",
    "tho",
    "gan",
    "ul",
    "pe",
    "rin",
    "cos",
    "mar",
    "del",
    "fen",
]
DAY = 86400.0
#: Outlets the queue comes from (versions of one event come from different ones).
OUTLETS = 60


def pseudo_word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


class Corpus:
    """A deterministic stream of synthetic articles in publication order."""

    def __init__(self, total: int, seed: int = 7, days: float = 365.0) -> None:
        rng = random.Random(seed)
        self.rng = rng
        self.total = total
        self.vocab = [pseudo_word(rng, rng.randint(1, 3)) for _ in range(6000)]
        self.vocab_weights = [1 / (i + 1) for i in range(len(self.vocab))]
        self.names = [
            f"{pseudo_word(rng, 2).title()} {pseudo_word(rng, 3).title()}" for _ in range(40000)
        ]
        self.name_weights = [1 / (i + 1) ** 0.8 for i in range(len(self.names))]
        self.span = days * DAY

    def events(self) -> Iterator[tuple[float, Extracted]]:
        rng = self.rng
        made = 0
        start = 1_767_225_600.0
        while made < self.total:
            # Event start times advance steadily so output stays roughly in order.
            t0 = start + self.span * made / self.total
            names = rng.choices(self.names, self.name_weights, k=8)
            figures = [f"{rng.randint(10, 99999):,}" for _ in range(5)]
            topic = rng.choices(self.vocab, self.vocab_weights, k=40)
            versions = min(rng.choice((1, 1, 2, 2, 3, 4)), self.total - made)
            # Each version from another outlet (one report per outlet in a story).
            for outlet in rng.sample(range(OUTLETS), versions):
                made += 1
                yield (
                    t0 + rng.uniform(0, 30) * 3600,
                    self.article(names, figures, topic, f"Outlet {outlet}"),
                )

    def article(
        self, names: list[str], figures: list[str], topic: list[str], outlet: str
    ) -> Extracted:
        rng = self.rng
        kept_names = [n for n in names if rng.random() < 0.7]
        kept_figs = [f for f in figures if rng.random() < 0.7]
        words = rng.choices(self.vocab, self.vocab_weights, k=170) + rng.choices(topic, k=30)
        for name in kept_names * 2:
            words.insert(rng.randrange(len(words)), name)
        for fig in kept_figs:
            words.insert(rng.randrange(len(words)), fig)
        sentences = [" ".join(words[i : i + 15]) for i in range(0, len(words), 15)]
        body = "\n\n".join(s[:1].upper() + s[1:] + "." for s in sentences)
        title = " ".join([*rng.sample(topic, 5), *kept_names[:1]])
        return Extracted(title=title.title(), body=body, source=outlet)


def run(checkpoints: list[int], path: Path, days: float = 365.0) -> None:
    total = max(checkpoints)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    timings: list[float] = []
    cpu: list[float] = []
    stories: set[str] = set()
    print(
        f"{'articles':>9} {'ms/article':>11} {'cpu ms':>8} {'p95 ms':>8} {'stories':>9} "
        f"{'db MB':>7} {'max RSS MB':>11} {'load':>5}",
        flush=True,
    )
    conn.execute("BEGIN")
    for i, (ts, meta) in enumerate(Corpus(total, days=days).events(), start=1):
        t, c = time.perf_counter(), time.process_time()
        stories.add(grouper.assign(f"a{i}", meta, ts))
        timings.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        if i % 500 == 0:
            conn.commit()
            conn.execute("BEGIN")
        if i in checkpoints:
            conn.commit()
            last = sorted(timings[-1000:])
            mean = statistics.fmean(last) * 1000
            mean_cpu = statistics.fmean(cpu[-1000:]) * 1000
            p95 = last[int(len(last) * 0.95)] * 1000
            size = path.stat().st_size / 1e6
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{i:9,d} {mean:11.2f} {mean_cpu:8.2f} {p95:8.2f} {len(stories):9,d} "
                f"{size:7.1f} {rss:11.0f} {os.getloadavg()[0]:5.1f}",
                flush=True,
            )
            conn.execute("BEGIN")
    conn.commit()
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--days",
        type=float,
        default=365.0,
        help="publication span of the corpus (fewer days: the window as full as a bigger queue's; "
        "100,000 a year is about 270 a day, so 3,000 over 11 days)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(sorted(args.checkpoints), Path(tmp) / "stories.sqlite", args.days)


if __name__ == "__main__":
    main()
