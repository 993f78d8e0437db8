"""Triage app figures at scale: first frame, key-to-frame latency, search latency, RSS.

The app runs as the real program in a pseudo-terminal (as a user would run it),
on a data directory of N synthetic articles (built once and kept, so later runs
start at once). Times are measured from the outside: a keystroke is written to
the terminal and the clock stops when the frame that answers it arrives.

    python benchmarks/bench_tui.py                 # N = 100,000
    python benchmarks/bench_tui.py --n 10000 --moves 100
    python benchmarks/bench_tui.py --n 10000 --starts 7   # start-up only, 7 times
    python benchmarks/bench_tui.py --n 10000 --stars 40   # `s` only: frame, CPU, output

The app is started the way a user starts it: the `newsdesk` command next to
this interpreter (`python -m newsdesk` when there is none). `--starts` times
only the start, several times, with the app's own CPU time when its first rows
show and the load average, since other work on the machine moves wall times.

Targets: first frame < 1 s, key p95 < 50 ms, search keystroke-to-screen
p50 < 100 ms / p95 < 300 ms, RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import TOPICS, articles

from newsdesk.desk import Desk
from newsdesk.model import article_id
from newsdesk.paths import Paths

_SCRIPT = Path(sys.executable).with_name("newsdesk")
APP = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "newsdesk"]
_ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def build(paths: Paths, n: int, index: bool) -> None:
    """N articles in one transaction per 5,000, states sprinkled, then (optionally) the index."""
    desk = Desk(paths)
    have = desk.store.count()
    if have < n:
        start = time.perf_counter()
        batch: list[tuple[str, object]] = []
        ids: list[str] = []
        for i, meta in enumerate(articles(n, words=60)):
            if i < have:
                continue
            batch.append((article_id(meta), meta))
            if len(batch) == 5000 or i == n - 1:
                with desk.store.transaction() as tx:
                    for aid, item in batch:
                        desk.store.insert(tx, aid, item, f"synthetic:{aid}", None)  # type: ignore[arg-type]
                        ids.append(aid)
                batch.clear()
                print(f"  stored {i + 1:,}/{n:,}", end="\r", flush=True)
        rng = random.Random(3)
        desk.store.apply("star", rng.sample(ids, len(ids) // 20), {"starred": True}, log=False)
        desk.store.apply("read", rng.sample(ids, len(ids) // 3), {"read": True}, log=False)
        print(f"store: {desk.store.count():,} articles in {time.perf_counter() - start:.1f}s")
    if index:
        start = time.perf_counter()
        done = desk.sync_index()
        if done:
            print(f"index: {done:,} articles in {time.perf_counter() - start:.1f}s")
    desk.close()


class Terminal:
    """The app under a pseudo-terminal; `wait_for` reads its output until a pattern shows."""

    def __init__(self, paths: Paths, cols: int, rows: int) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # A user's Python keeps compiled bytecode (pip writes it at install, an editable
        # install on first run); without it every start compiles ~60 modules again.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env = {
            **env,
            "NEWSDESK_DATA_DIR": str(paths.data_dir),
            "NEWSDESK_CONFIG_DIR": str(paths.config_dir),
            "NEWSDESK_CACHE_DIR": str(paths.cache_dir),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
        }
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            APP,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.fd = master
        self.buffer = b""

    def read(self, timeout: float) -> bytes:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:
            return b""
        self.buffer += chunk
        return chunk

    def drain(self, quiet: float = 0.05) -> None:
        """Read until the app has been silent for `quiet` seconds."""
        while self.read(quiet):
            pass
        self.buffer = b""

    def wait_for(self, pattern: bytes, timeout: float = 30.0) -> float:
        """Seconds until `pattern` appears in the (escape-stripped) output since the last drain."""
        start = time.perf_counter()
        while time.perf_counter() - start < timeout:
            if pattern in _ANSI.sub(b"", self.buffer):
                return time.perf_counter()
            self.read(0.01)
        raise TimeoutError(f"{pattern!r} did not appear in {timeout:.0f}s")

    def first_output(self, after: float, timeout: float = 5.0) -> float:
        while time.perf_counter() - after < timeout:
            if self.read(0.005):
                return time.perf_counter()
        raise TimeoutError("no frame")

    def send(self, keys: str) -> float:
        os.write(self.fd, keys.encode())
        return time.perf_counter()

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def cpu_seconds(self) -> float:
        """User + system CPU the app has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.send("\x1b\x1bq")
        # Keep reading the terminal while the app quits: an app whose last frames fill
        # the pty's buffer blocks on its write and never gets to the key.
        deadline = time.monotonic() + 10
        while self.proc.poll() is None and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    os.read(self.fd, 65536)
                except OSError:
                    break
        try:
            self.proc.wait(1)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(10)
        os.close(self.fd)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="articles in the store")
    parser.add_argument("--moves", type=int, default=200, help="cursor moves to time")
    parser.add_argument("--data", type=Path, help="data directory to build/reuse")
    parser.add_argument("--no-index", action="store_true", help="skip building the search index")
    parser.add_argument("--size", default="160x48", help="terminal size COLSxROWS")
    parser.add_argument(
        "--catch-up",
        action="store_true",
        help="start with no search index: keys and searches are timed while the app "
        "indexes everything",
    )
    parser.add_argument(
        "--starts", type=int, default=0, help="only time the start, this many times"
    )
    parser.add_argument(
        "--stars",
        type=int,
        default=0,
        help="only time `s` (star, unstar...) this many times: key to frame, the app's CPU "
        "and output until it is quiet again (its own commit must cost no second redraw)",
    )
    parser.add_argument(
        "--in-search",
        metavar="QUERY",
        help="time the keys in the answer to QUERY (typed, then Enter) instead of the "
        "inbox: the list marks the headline words a search found",
    )
    args = parser.parse_args()
    root = args.data or Path(tempfile.gettempdir()) / f"newsdesk-bench-tui-{args.n}"
    paths = Paths(root / "data", root / "config", root / "cache")
    build(paths, args.n, index=not (args.no_index or args.catch_up))
    if args.catch_up:
        shutil.rmtree(paths.index_dir, ignore_errors=True)
    with Desk(paths) as desk:
        first_title = desk.rows(desk.inbox_ids()[:1])[0].title
        shown = len(desk.inbox_ids())
        words = [] if args.no_index else list(TOPICS)
        engine: list[float] = []
        # The engine alone, for comparison with keystroke-to-screen (with --catch-up the
        # app searches while it indexes: there is no index to time the engine on).
        for word in [] if args.catch_up else words:
            start = time.perf_counter()
            desk.search(word)
            engine.append(time.perf_counter() - start)
        if engine:
            print(
                f"engine alone (desk.search, same words) p50 {1000 * statistics.median(engine):5.0f} ms"
                f"   p95 {1000 * pct(engine, 0.95):5.0f} ms"
            )
    cols, rows = (int(v) for v in args.size.split("x"))
    paths.ui_state.unlink(missing_ok=True)  # start on the inbox, not a previous run's query

    if args.starts:
        starts(paths, cols, rows, args.starts, first_title)
        return
    if args.stars:
        term = Terminal(paths, cols, rows)
        try:
            stars(term, args.stars, shown)
        finally:
            term.quit()
        return
    term = Terminal(paths, cols, rows)
    try:
        measure(term, args.moves, shown, first_title, words, args.in_search)
    finally:
        term.quit()


def starts(paths: Paths, cols: int, rows: int, times: int, first_title: str) -> None:
    """Start the app `times` times; wall and the app's CPU until its first rows are drawn."""
    walls: list[float] = []
    cpus: list[float] = []
    for i in range(-1, times):  # start -1 writes the bytecode cache if it is missing
        load = os.getloadavg()[0]
        term = Terminal(paths, cols, rows)
        try:
            shown = term.wait_for(first_title[:12].encode())
            cpu = term.cpu_seconds()
        finally:
            term.quit()
        if i < 0:
            print(f"warm-up start: first rows {1000 * (shown - term.started):5.0f} ms wall")
            continue
        walls.append(shown - term.started)
        cpus.append(cpu)
        print(
            f"start {i + 1}: first rows {1000 * walls[-1]:5.0f} ms wall, "
            f"{1000 * cpu:5.0f} ms CPU (load {load:.2f})"
        )
    print(
        f"first rows drawn: median {1000 * statistics.median(walls):5.0f} ms wall "
        f"(min {1000 * min(walls):.0f}), median {1000 * statistics.median(cpus):5.0f} ms CPU"
    )


def stars(term: Terminal, times: int, shown: int) -> None:
    """`s` on the cursor row, `times` times: the first frame's latency, then the app's
    CPU and bytes written until it has been quiet for 0.6 s (longer than the store
    watch's look, so a redraw the watch would start is counted)."""
    quiet = 0.6
    term.wait_for(f"{shown:,} shown".encode(), timeout=120)
    time.sleep(2.0)  # let the first counts and the index look settle
    term.drain(quiet)
    latencies: list[float] = []
    cpus: list[float] = []
    written: list[int] = []
    load = os.getloadavg()[0]
    for _ in range(times):
        cpu = term.cpu_seconds()
        sent = term.send("s")
        latencies.append(term.first_output(sent) - sent)
        size = len(term.buffer)
        while term.read(quiet):
            size = len(term.buffer)
        written.append(size)
        term.buffer = b""
        cpus.append(term.cpu_seconds() - cpu)
    print(
        f"s to frame (x{times}) p50 {1000 * pct(latencies, 0.5):5.1f} ms   "
        f"p95 {1000 * pct(latencies, 0.95):5.1f} ms; app CPU a star "
        f"p50 {1000 * statistics.median(cpus):4.0f} ms; output a star "
        f"p50 {statistics.median(written):,.0f} bytes (load {load:.2f})"
    )


def measure(
    term: Terminal,
    moves: int,
    shown: int,
    first_title: str,
    words: list[str],
    in_search: str | None = None,
) -> None:
    """Everything timed in one session of the app (the keys in the answer to `in_search`
    when given, and then no searches)."""
    t_first = term.first_output(term.started, timeout=30)
    t_status = term.wait_for(b" shown")
    t_rows = term.wait_for(first_title[:12].encode())
    t_count = term.wait_for(f"{shown:,} shown".encode())
    print(f"first output          {1000 * (t_first - term.started):7.0f} ms after process start")
    print(f"first frame (status)  {1000 * (t_status - term.started):7.0f} ms")
    print(f"first rows drawn      {1000 * (t_rows - term.started):7.0f} ms")
    print(f"inbox of {shown:,} shown {1000 * (t_count - term.started):7.0f} ms")
    time.sleep(1.0)
    term.drain(0.2)
    if in_search:
        term.send("/")
        term.drain(0.2)
        for ch in in_search:
            term.send(ch)
            time.sleep(0.06)
        term.wait_for(f"query: {in_search} (".encode(), timeout=60)
        term.send("\r")  # back to the list, the query kept
        term.drain(0.5)
        words = []

    latencies: list[float] = []
    for i in range(moves):
        key = "j" if (i // 50) % 2 == 0 else "k"
        sent = term.send(key)
        latencies.append(term.first_output(sent) - sent)
        term.drain(0.08)  # let the detail pane follow, like a reader would
    print(
        f"key to frame (j/k x{moves}) p50 {1000 * pct(latencies, 0.5):5.1f} ms   "
        f"p95 {1000 * pct(latencies, 0.95):5.1f} ms   max {1000 * max(latencies):5.1f} ms"
    )
    paging: list[float] = []
    for key in ["G", "g"] * 5 + ["\x04", "\x15"] * 5:  # end/top, ctrl+d/ctrl+u
        sent = term.send(key)
        paging.append(term.first_output(sent) - sent)
        term.drain(0.1)
    print(
        f"jump/page to frame    p50 {1000 * pct(paging, 0.5):5.1f} ms   max {1000 * max(paging):5.1f} ms"
    )

    if words:
        term.send("/")
        term.drain(0.2)
        searches: list[float] = []
        for word in words:
            for ch in word[:-1]:
                term.send(ch)
                time.sleep(0.06)  # a brisk typist
            sent = term.send(word[-1])
            # The status line names the query once its own results are on screen.
            done = term.wait_for(f"query: {word} (".encode(), timeout=60)
            searches.append(done - sent)
            term.drain(0.2)
            term.send("\x15")  # ctrl+u: empty the box, the inbox comes back
            term.wait_for(f" {shown:,} shown".encode(), timeout=30)
            term.drain(0.3)
        print(
            f"search, last keystroke to results (x{len(searches)}, "
            f"{time.perf_counter() - term.started:.0f} s after the start) "
            f"p50 {1000 * statistics.median(searches):5.0f} ms   "
            f"p95 {1000 * pct(searches, 0.95):5.0f} ms   max {1000 * max(searches):5.0f} ms"
        )
        term.send("\x1b")
        term.drain(0.2)
    print(f"RSS                   {term.rss_mb():7.0f} MB")


if __name__ == "__main__":
    main()
