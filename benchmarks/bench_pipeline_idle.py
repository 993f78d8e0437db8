"""How long the import workers had nothing queued during an import of synthetic feed items.

    python benchmarks/bench_pipeline_idle.py [--n 5000] [--store-ms 1.0]

The files go through `pipeline.load_in_order` as in an import; the importing process's
storing is replaced by a loop spending `--store-ms` of CPU an item (about what it costs on
a young store). Every 5 ms a thread counts the worker pool's outstanding tasks. Prints the
time with fewer tasks outstanding than workers and with none, from the first task to the
last file taken, and the intervals: on a loaded machine the wall time moves, these much less.
And when the first file was taken, from the start (the fork server's warm-up included).
Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main() -> None:
    import concurrent.futures.process as process

    from synthetic import write_inputs

    import newsdesk.pipeline as pipeline

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--store-ms", type=float, default=1.0)
    args = parser.parse_args()
    pools: list[process.ProcessPoolExecutor] = []

    class Pool(process.ProcessPoolExecutor):
        def __init__(self, *a: Any, **k: Any) -> None:
            super().__init__(*a, **k)
            pools.append(self)

    pipeline.ProcessPoolExecutor = Pool  # type: ignore[misc]
    with tempfile.TemporaryDirectory(prefix="newsdesk-idle-") as tmp:
        write_inputs(Path(tmp), args.n, "rss")
        files = sorted(p for p in Path(tmp).rglob("*") if p.is_file())
        samples: list[tuple[float, int]] = []
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                if pools:
                    # Submitted and not finished (the executor's own bookkeeping).
                    samples.append((time.perf_counter(), len(pools[0]._pending_work_items)))  # type: ignore[attr-defined]
                time.sleep(0.005)

        threading.Thread(target=sample, daemon=True).start()
        t0 = time.perf_counter()
        items = 0
        first = None
        for prepared in pipeline.load_in_order(files):
            first = first or time.perf_counter()
            items += len(prepared.result.items)
            end = time.process_time() + args.store_ms / 1000 * len(prepared.result.items)
            while time.process_time() < end:
                pass  # the importing process's storing, stood in for
        last = time.perf_counter()
        stop.set()
        pipeline.stop_fork_server()
    workers = pipeline.worker_count()
    begin = next((t for t, k in samples if k > 0), t0)
    short = [(t, k) for t, k in samples if begin <= t <= last and k < workers]
    runs: list[list[float]] = []
    previous = None
    for t, k in short:
        if previous is None or t - previous > 0.02:
            runs.append([t - t0, t - t0, k])
        runs[-1][1] = t - t0
        runs[-1][2] = min(runs[-1][2], k)
        previous = t
    print(" ".join(f"{a:.2f}-{b:.2f}({k:.0f})" for a, b, k in runs if b - a > 0.03))
    print(
        f"first file taken at {(first or last) - t0:.2f} s (the fork server started by the "
        f"import, its warm-up included)"
    )
    print(
        f"{items} items in {last - t0:.2f} s; fewer than {workers} tasks outstanding "
        f"{0.005 * len(short):.2f} s, none {0.005 * sum(k == 0 for _, k in short):.2f} s; "
        f"load {os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
