"""Where an import's time goes, stage by stage, per article.

    python benchmarks/profile_stages.py                       # synthetic 2,000 pages + real copies
    python benchmarks/profile_stages.py --synthetic 500 --no-real
    python benchmarks/profile_stages.py --dir SOME/FOLDER     # any folder of inputs
    python benchmarks/profile_stages.py --synthetic 0 --no-real --rss 10000   # 20 feeds of 500

Each corpus is imported by `Desk.import_paths` in this one process (no
worker processes, so every stage's CPU is counted here), into a temporary
data directory, then indexed with `Desk.sync_index`. The stage functions are
wrapped with timers that count exclusive time (a stage called inside another
is subtracted from the outer one), so the rows add up to the total; "other"
is what no wrapped function covers (walking folders, sanitising, the
importers' own glue). CPU is `time.process_time`; wall is shown beside it
because the machine is shared (`uptime` load printed with the table).

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_inputs

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL_DIRS = [
    SHARED / "realworld" / "text",
    SHARED / "realworld-peer" / "aeb" / "text",
    SHARED / "realworld-peer" / "trafeval" / "text",
]

#: (module, attribute path, stage): the functions timed. Attribute paths with a
#: dot patch a class's method. Order here is the table's order.
STAGES: list[tuple[str, str, str]] = [
    ("newsdesk.ingest.loader", "_read_regular_file", "read/decode"),
    ("newsdesk.ingest.loader", "decode_bytes", "read/decode"),
    ("newsdesk.ingest.loader", "detect_format", "read/decode"),
    ("newsdesk.ingest.feed", "draft_feed", "feed/JSONL parse"),
    ("newsdesk.ingest.jsonl", "draft_jsonl", "feed/JSONL parse"),
    ("newsdesk.extract.page", "_locate_headline", "headline"),
    ("newsdesk.extract.page", "find_body_start", "header"),
    ("newsdesk.extract.page", "read_header", "header"),
    ("newsdesk.extract.page", "read_body", "body"),
    ("newsdesk.extract.page", "read_tail", "body"),
    ("newsdesk.extract.page", "_assemble", "body"),
    ("newsdesk.extract.page", "detect_language", "language"),
    ("newsdesk.extract.entities", "find_entities", "entities"),
    ("newsdesk.extract.quotes", "find_quotes", "quotes"),
    ("newsdesk.stories.signature", "compute", "story signature"),
    ("newsdesk.ingest.feed", "finish", "sanitise"),
    ("newsdesk.ingest.jsonl", "finish", "sanitise"),
    ("newsdesk.ingest.text", "finish", "sanitise"),
    ("newsdesk.stories.grouping", "StoryGrouper.assign", "story match"),
    ("newsdesk.stories.grouping", "StoryGrouper.decide", "story match"),
    ("newsdesk.stories.grouping", "StoryGrouper.record", "story match"),
    ("newsdesk.stories.grouping", "StoryGrouper.look_ahead", "story match"),
    ("newsdesk.stories.grouping", "StoryGrouper.copy_of", "story match"),
    ("newsdesk.desk.storing", "ArticleStorer.store_in", "store"),
    ("newsdesk.desk", "Desk.sync_index", "index"),
]
ORDER = [*dict.fromkeys(stage for _, _, stage in STAGES), "other"]


class StageClock:
    """Exclusive CPU and wall time per stage, from wrapped functions."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.wall: dict[str, float] = defaultdict(float)
        # One frame per active timed call: time spent in timed callees.
        self._stack: list[list[float]] = []

    def wrap(self, function: Callable[..., Any], stage: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            frame = [0.0, 0.0]
            self._stack.append(frame)
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                dc, dw = time.process_time() - c0, time.perf_counter() - w0
                self._stack.pop()
                self.cpu[stage] += dc - frame[0]
                self.wall[stage] += dw - frame[1]
                if self._stack:
                    self._stack[-1][0] += dc
                    self._stack[-1][1] += dw

        return timed

    def reset(self) -> None:
        self.cpu.clear()
        self.wall.clear()


@contextmanager
def instrumented(clock: StageClock) -> Iterator[None]:
    saved: list[tuple[object, str, object]] = []
    for module_name, attribute, stage in STAGES:
        owner: object = importlib.import_module(module_name)
        *outer, name = attribute.split(".")
        for part in outer:
            owner = getattr(owner, part)
        original = getattr(owner, name)
        saved.append((owner, name, original))
        setattr(owner, name, clock.wrap(original, stage))
    try:
        yield
    finally:
        for owner, name, original in reversed(saved):
            setattr(owner, name, original)


def profile(label: str, inputs: list[Path], clock: StageClock, tmp: Path) -> None:
    from newsdesk.desk import Desk
    from newsdesk.paths import Paths

    root = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
    paths = Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")
    clock.reset()
    c0, w0 = time.process_time(), time.perf_counter()
    with Desk(paths) as desk:
        summary = desk.import_paths(inputs)
        desk.sync_index()
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    n = max(1, summary.imported)
    covered_cpu = sum(clock.cpu.values())
    covered_wall = sum(clock.wall.values())
    clock.cpu["other"] = max(0.0, cpu - covered_cpu)
    clock.wall["other"] = max(0.0, wall - covered_wall)
    failed = len(summary.failed)
    print(f"\n## {label}: {summary.imported} articles imported ({failed} files refused)")
    print(f"{'stage':<17} {'CPU ms/article':>15} {'share':>7} {'wall ms/article':>16}")
    for stage in ORDER:
        print(
            f"{stage:<17} {clock.cpu[stage] * 1000 / n:>15.2f} "
            f"{clock.cpu[stage] / cpu * 100 if cpu else 0:>6.1f}% "
            f"{clock.wall[stage] * 1000 / n:>16.2f}"
        )
    print(
        f"{'total':<17} {cpu * 1000 / n:>15.2f} {100:>6.1f}% {wall * 1000 / n:>16.2f}"
        f"   ({n / cpu:.0f} articles/s of one core's CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic pages (0: none)")
    parser.add_argument("--no-real", action="store_true", help="skip the shared real copies")
    parser.add_argument("--dir", type=Path, action="append", default=[], help="another corpus")
    parser.add_argument("--rss", type=int, default=0, help="synthetic RSS items, 500 a feed")
    parser.add_argument(
        "--jsonl", type=int, default=0, help="synthetic JSON Lines records, 500 a file"
    )
    args = parser.parse_args()
    # Everything in this process: worker processes' CPU would escape the timers.
    os.environ["NEWSDESK_IMPORT_WORKERS"] = "0"
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (cpus: {os.cpu_count()})")
    clock = StageClock()
    with tempfile.TemporaryDirectory(prefix="newsdesk-profile-") as tmp_name:
        tmp = Path(tmp_name)
        corpora: list[tuple[str, list[Path]]] = []
        if args.synthetic:
            folder = write_inputs(tmp / "synthetic", args.synthetic, "text")
            corpora.append((f"synthetic page copies ({args.synthetic})", [folder]))
        for fmt, n in (("rss", args.rss), ("jsonl", args.jsonl)):
            if n:
                folder = write_inputs(tmp / fmt, n, fmt)
                corpora.append((f"synthetic {fmt} ({n:,} items, 500 a file)", [folder]))
        if not args.no_real:
            real = [d for d in REAL_DIRS if d.is_dir()]
            if real:
                corpora.append(
                    ("real page copies (" + ", ".join(d.parent.name for d in real) + ")", real)
                )
            else:
                print("(real page copies not found next to the repository: skipped)")
        corpora += [(str(d), [d]) for d in args.dir]
        with instrumented(clock):
            for label, inputs in corpora:
                profile(label, inputs, clock, tmp)
    print(f"\nload after: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}")


if __name__ == "__main__":
    main()
