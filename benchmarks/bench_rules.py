"""Rules benchmark: importing with 50 rules against importing with none (issue 18).

    python benchmarks/bench_rules.py [--n 10000] [--rules 50] [--runs 2]

The same synthetic JSON Lines files (500 articles a file) are imported into a
fresh data directory with no rules, then with `--rules` rules (words,
phrases, prefixes, names, outlets, dates, state and wire terms, with tag,
star, read and notify actions; a third of them match often). Reports the
import's wall and CPU time (the worker processes' included) and the rules'
own time per article (matching each committed batch during the import, and
writing their changes after it). Every run is printed with the load average,
then the best of `--runs` runs each way, compared.

Prints figures; asserts nothing (speed is measured here, not in tests).
Runs in temporary data directories; your own store is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import ORGS, OUTLETS, PLACES, TOPICS, articles

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.rules.arrival import Arrival


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def make_rules(count: int) -> list[tuple[str, str, list[str]]]:
    """`count` rules of every kind of term; the tags make later rules see earlier ones."""
    kinds = [
        lambda i: (f"place:{PLACES[i % len(PLACES)].lower()}", [f"+desk-{i}"]),
        lambda i: (f"{TOPICS[i % len(TOPICS)]} -is:starred", ["star"]),
        lambda i: (f'org:"{ORGS[i % len(ORGS)]}"', [f"+org-{i}"]),
        lambda i: (f'source:"{OUTLETS[i % len(OUTLETS)]}" published:>-30d', ["read"]),
        lambda i: (f'"{TOPICS[i % len(TOPICS)]} affects"', ["notify"]),
        lambda i: (f"title:{TOPICS[(i + 1) % len(TOPICS)]} OR dateline:nairobi", [f"+t-{i}"]),
        lambda i: (f"zzyzx{i} OR quorum{i}*", [f"+never-{i}"]),
        lambda i: ("urgency:<=3 OR is:killed", ["notify"]),
        lambda i: (f"tag:desk-{i - 8} lang:en", [f"+seen-{i}"]),
        lambda i: (f"by:{['smith', 'okafor', 'novak'][i % 3]}", [f"+by-{i}"]),
    ]
    return [(f"rule-{i}", *kinds[i % len(kinds)](i)) for i in range(count)]


def write_inputs(folder: Path, n: int) -> None:
    batch: list[str] = []
    for i, meta in enumerate(articles(n)):
        fields = ("title", "dek", "authors", "source", "dateline", "published", "body")
        batch.append(json.dumps({k: getattr(meta, k) for k in fields}))
        if len(batch) == 500:
            (folder / f"batch-{i:07d}.jsonl").write_text("\n".join(batch), "utf-8")
            batch = []
    if batch:
        (folder / "batch-last.jsonl").write_text("\n".join(batch), "utf-8")


Run = tuple[float, float, float, float]


def one_run(inputs: Path, rules: list[tuple[str, str, list[str]]]) -> Run:
    """(wall s, CPU s, the rules' own wall s, the rules' own CPU s) of one import into a
    fresh data directory. The rules' CPU is their thread's: a busy machine does not
    inflate it the way it does their wall time."""
    spent = [0.0, 0.0]

    def timed(method: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:  # the rules' share, timed from outside
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return method(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started
                spent[1] += time.thread_time() - cpu

        return run

    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-rules-") as tmp:
        root = Path(tmp)
        paths = Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")
        with Desk(paths) as desk:
            for name, query, actions in rules:
                desk.add_rule(name, query, actions)
            see, finish = Arrival.see, Arrival.finish
            Arrival.see, Arrival.finish = timed(see), timed(finish)  # type: ignore[method-assign]
            try:
                cpu, wall = cpu_seconds(), time.perf_counter()
                summary = desk.import_paths([inputs])
                wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
            finally:
                Arrival.see, Arrival.finish = see, finish  # type: ignore[method-assign]
            assert summary.imported > 0
        return wall, cpu, spent[0], spent[1]


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rules", type=int, default=50)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    rules = make_rules(args.rules)
    print(f"{args.n:,} articles, {args.rules} rules, {args.runs} runs each way (interleaved)")
    print(f"  load average (1/5/15 min) at the start: {load()}")
    results: dict[str, list[Run]] = {"none": [], "rules": []}
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-inputs-") as tmp:
        inputs = Path(tmp)
        write_inputs(inputs, args.n)
        for run in range(args.runs):  # interleaved, so a busy machine hurts both alike
            for key, chosen in (("none", []), ("rules", rules)):
                result = one_run(inputs, chosen)
                results[key].append(result)
                wall, cpu, spent, spent_cpu = result
                print(
                    f"  run {run + 1} {key:>5}: wall {wall:6.1f} s, CPU {cpu:6.1f} s, "
                    f"rules {spent:5.2f} s wall / {spent_cpu:5.2f} s CPU, load {load()}"
                )
    print(f"  best of {args.runs} each way:")
    best_wall = {k: min(r[0] for r in v) for k, v in results.items()}
    best_cpu = {k: min(r[1] for r in v) for k, v in results.items()}
    spent = min(r[2] for r in results["rules"])
    spent_cpu = min(r[3] for r in results["rules"])
    for key in ("none", "rules"):
        print(f"  {key:>5}: wall {best_wall[key]:6.1f} s, CPU {best_cpu[key]:6.1f} s")
    print(
        f"  the rules' own time: wall {spent:.2f} s, CPU {spent_cpu:.2f} s "
        f"({spent_cpu / args.n * 1000:.3f} ms CPU an article, "
        f"{spent_cpu / best_cpu['none'] * 100:.1f} % of the import's CPU without rules)"
    )
    extra_wall = (best_wall["rules"] / best_wall["none"] - 1) * 100
    extra_cpu = (best_cpu["rules"] / best_cpu["none"] - 1) * 100
    print(f"  with rules: wall {extra_wall:+.1f} %, CPU {extra_cpu:+.1f} % (target: at most +5 %)")
    print(f"  load average at the end: {load()}")


if __name__ == "__main__":
    main()
