"""Where the time goes between the last keystroke of a query and its results on screen.

`bench_tui.py` times keystroke-to-screen from the outside (a pseudo-terminal).
This runs the same app in-process, headless, on the same data directory (built
by `bench_tui.build` if missing), types each synthetic topic word at a typist's
pace and stamps each stage of the last keystroke's search:

    changed  the search box asked for the query (after the key was handled)
    request  the screen handed the request to the search job
    worker   the search's worker thread started it
    engine   the worker has the answer (desk.search)
    shown    the list holds the new rows (main thread)
    frame    the next frame is composed (headless: composed, not written)

and prints the median of each stamp after the key, and of each step, with the
engine's thread CPU time. Headless Textual skips writing to the terminal, so
`frame` is a little earlier than what bench_tui sees. Other work on the
machine moves the wall times; the load average is printed.

    python benchmarks/bench_search_stages.py --n 100000 [--rounds 2]

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_tui import build
from synthetic import TOPICS

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui import search_runner
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.widgets import search_bar, search_job

STAGES = ["changed", "request", "worker", "engine", "shown", "frame"]


class Stamps:
    """Times of the stages of the search for `word` (the other searches are ignored)."""

    def __init__(self) -> None:
        self.word = ""
        self.at: dict[str, float] = {}
        self.engine_cpu = 0.0

    def mark(self, stage: str, query: str) -> None:
        if query == self.word and stage not in self.at:
            self.at[stage] = time.perf_counter()


def instrument(stamps: Stamps) -> None:
    """Wrap the app's hand-offs so each stage of the watched search is stamped."""
    changed_now = search_bar.SearchBar._changed_now

    def stamp_changed(bar: search_bar.SearchBar) -> None:
        stamps.mark("changed", bar.typed)
        changed_now(bar)

    run = search_job.SearchJob.run

    def stamp_request(job: search_job.SearchJob, request: search_runner.SearchRequest) -> None:
        stamps.mark("request", request.query)
        run(job, request)

    answers = search_runner.answers

    def stamp_answers(
        desk: Desk,
        request: search_runner.SearchRequest,
        should_stop: Callable[[], bool] | None = None,
    ) -> Iterator[search_runner.SearchAnswer]:
        stamps.mark("worker", request.query)
        cpu = time.thread_time()
        for answer in answers(desk, request, should_stop):
            if request.query == stamps.word:
                stamps.engine_cpu = time.thread_time() - cpu
            stamps.mark("engine", request.query)
            yield answer

    show = MainScreen.show_answer

    def stamp_shown(screen: MainScreen, answer: search_runner.SearchAnswer) -> None:
        show(screen, answer)
        stamps.mark("shown", answer.request.query)

    display = NewsdeskApp._display

    def stamp_frame(app: NewsdeskApp, screen: Any, renderable: Any) -> None:
        if "shown" in stamps.at and renderable is not None:
            stamps.mark("frame", stamps.word)
        display(app, screen, renderable)

    search_bar.SearchBar._changed_now = stamp_changed  # type: ignore[method-assign]
    search_job.SearchJob.run = stamp_request  # type: ignore[method-assign]
    search_job.answers = stamp_answers  # the name the job calls
    MainScreen.show_answer = stamp_shown  # type: ignore[method-assign]
    NewsdeskApp._display = stamp_frame  # type: ignore[method-assign]


async def type_words(
    paths: Paths, rounds: int, stamps: Stamps
) -> list[tuple[dict[str, float], float]]:
    desk = Desk(paths, background_index=True)
    app = NewsdeskApp(desk, save_state=False)
    runs: list[tuple[dict[str, float], float]] = []
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await asyncio.sleep(4.0)  # the inbox and its counts settle
            await pilot.press("slash")
            await asyncio.sleep(0.3)
            for _ in range(rounds):
                for word in TOPICS:
                    stamps.word, stamps.at = word, {}
                    sent = 0.0
                    for ch in word:
                        sent = time.perf_counter()
                        await pilot.press(ch)
                        await asyncio.sleep(0.06)  # a brisk typist, as in bench_tui
                    give_up = time.perf_counter() + 10
                    while "frame" not in stamps.at and time.perf_counter() < give_up:
                        await asyncio.sleep(0.002)
                    if "frame" in stamps.at:
                        runs.append(
                            ({k: v - sent for k, v in stamps.at.items()}, stamps.engine_cpu)
                        )
                    stamps.word = "\x00"  # ignore the searches while the box is emptied
                    for _ in word:
                        await pilot.press("backspace")
                    await asyncio.sleep(0.5)
    finally:
        desk.close()
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the store")
    parser.add_argument("--data", type=Path, help="data directory to build/reuse")
    parser.add_argument("--rounds", type=int, default=2, help="times to type every word")
    args = parser.parse_args()
    root = args.data or Path(tempfile.gettempdir()) / f"newsdesk-bench-tui-{args.n}"
    paths = Paths(root / "data", root / "config", root / "cache")
    build(paths, args.n, index=True)
    paths.ui_state.unlink(missing_ok=True)
    stamps = Stamps()
    instrument(stamps)
    load = os.getloadavg()[0]
    runs = asyncio.run(type_words(paths, args.rounds, stamps))
    print(f"{len(runs)} searches at {args.n:,} articles (load {load:.2f} at the start)")
    print("median ms after the last keystroke:")
    print(
        "  "
        + "  ".join(f"{s} {1000 * statistics.median(r[s] for r, _ in runs):6.1f}" for s in STAGES)
    )
    print("median ms of each step:")
    steps = []
    for before, after in itertools.pairwise(STAGES):
        took = statistics.median(r[after] - r[before] for r, _ in runs)
        steps.append(f"{before}->{after} {1000 * took:5.1f}")
    print("  " + "  ".join(steps))
    cpu = statistics.median(c for _, c in runs)
    print(f"engine in the worker: median {1000 * cpu:5.1f} ms thread CPU")


if __name__ == "__main__":
    main()
