"""Feed fetch benchmark: N feeds x M items from a local server on 127.0.0.1.

    python benchmarks/bench_feeds.py [--feeds 200] [--items 50] [--words 250]
    python benchmarks/bench_feeds.py --keys 2000 [--feeds 40] [--moves 150]

`--keys N` times keys in the real app instead (under a pseudo-terminal, as
bench_tui.py does) on a store of N synthetic articles while the app's own
background fetch of due feeds runs: j/k key-to-frame p50/p95 of the keys
sent while the status line says "fetching feeds", then of keys after it
ended (same session, for comparison).

Prints, for the first fetch (every item new: parse, extract, dedupe, store,
story grouping) and for a second fetch where every feed answers 304: wall
time, CPU of this process (the server runs in a thread of it, so its CPU is
counted too), requests served and articles stored. The issue's target for
the all-304 fetch of 200 feeds is under 2 s wall. Asserts nothing. Runs in a
temporary data directory; your own store is never touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import articles

from newsdesk.desk import Desk
from newsdesk.feeds.http import Limits
from newsdesk.paths import Paths


def build_feeds(feeds: int, items: int, words: int) -> dict[str, bytes]:
    stream = articles(feeds * items, words=words)
    built: dict[str, bytes] = {}
    for n in range(feeds):
        parts = [
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Outlet {n}</title><link>http://outlet{n}.example/</link>"
        ]
        for i in range(items):
            meta = next(stream)
            when = format_datetime(meta_dt(meta.published))
            body = "".join(f"<p>{escape(p)}</p>" for p in meta.body.split("\n\n") if p)
            parts.append(
                f"<item><title>{escape(meta.title or '')}</title>"
                f"<guid>outlet{n}-{i}</guid><link>http://outlet{n}.example/a/{i}</link>"
                f"<pubDate>{when}</pubDate><description>{escape(body)}</description></item>"
            )
        parts.append("</channel></rss>")
        built[f"/feed/{n}.xml"] = "".join(parts).encode()
    return built


def meta_dt(iso: str | None):  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    if not iso:
        return datetime(2026, 11, 20, tzinfo=UTC)
    parsed = datetime.fromisoformat(iso)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def serve(bodies: dict[str, bytes]) -> tuple[ThreadingHTTPServer, list[int]]:
    counts = [0, 0]  # 200s, 304s

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = bodies.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = f'"{len(body)}-{self.path}"'
            if self.headers.get("If-None-Match") == etag:
                counts[1] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            counts[0] += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, counts


def cpu() -> float:
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--keys", type=int, default=0, help="time keys in the app on N articles")
    parser.add_argument("--moves", type=int, default=150, help="with --keys: most keys timed")
    args = parser.parse_args()
    if args.keys:
        keys_during_fetch(args)
        return
    print(f"building {args.feeds} feeds x {args.items} items ...", flush=True)
    bodies = build_feeds(args.feeds, args.items, args.words)
    size = sum(len(b) for b in bodies.values())
    print(f"  {size / 1e6:.1f} MB of RSS")
    httpd, counts = serve(bodies)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="bench-feeds-") as tmp:
        root = Path(tmp)
        paths = Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")
        with Desk(paths) as desk:
            for n in range(args.feeds):
                desk.add_feed(f"{base}/feed/{n}.xml", name=f"outlet-{n}")
            limits = Limits(connect_timeout=10, read_timeout=60, total_timeout=120)
            for label, every in (("first fetch", False), ("second fetch (304)", True)):
                before = list(counts)
                c0, t0 = cpu(), time.perf_counter()
                summary = desk.fetch(every=every, limits=limits)
                wall, used = time.perf_counter() - t0, cpu() - c0
                data = summary.as_dict()
                print(
                    f"{label}: {wall:.2f} s wall, {used:.2f} s CPU; "
                    f"{len(summary.feeds)} feeds, {data['new']} new, {data['unchanged']} unchanged, "
                    f"{data['failed']} failed; served {counts[0] - before[0]} x 200, "
                    f"{counts[1] - before[1]} x 304"
                )
                if label == "first fetch" and wall:
                    print(f"  {data['new'] / wall:.0f} items/s stored")
            print(f"articles stored: {desk.count()}")
    httpd.shutdown()
    httpd.server_close()


def keys_during_fetch(args: argparse.Namespace) -> None:
    """Key-to-frame times in the app while its background fetch runs, then after."""
    from bench_tui import _ANSI, Terminal, build, pct

    bodies = build_feeds(args.feeds, args.items, args.words)
    httpd, counts = serve(bodies)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    root = Path(tempfile.gettempdir()) / f"newsdesk-bench-feeds-keys-{args.keys}"
    paths = Paths(root / "data", root / "config", root / "cache")
    build(paths, args.keys, index=True)  # kept between runs
    with Desk(paths) as desk:
        for sub in desk.feeds():
            desk.remove_feed(sub.url)  # the last run's server had another port
        for n in range(args.feeds):
            desk.add_feed(f"{base}/feed/{n}.xml", name=f"outlet-{n}")
        shown = len(desk.inbox_ids())
    paths.ui_state.unlink(missing_ok=True)
    print(f"{args.feeds} feeds x {args.items} items due; {shown:,} articles in the store")
    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  cores: {os.cpu_count()}")
    term = Terminal(paths, 160, 48)
    during: list[float] = []
    after: list[float] = []
    try:
        term.wait_for(f"{shown:,} shown".encode(), timeout=60)
        term.wait_for(b"fetching feeds", timeout=60)
        term.buffer = b""
        fetching = True
        for i in range(args.moves * 2):
            key = "j" if (i // 25) % 2 == 0 else "k"
            sent = term.send(key)
            (during if fetching else after).append(term.first_output(sent, timeout=10) - sent)
            while term.read(0.08):  # let the detail pane follow, like a reader would
                pass
            if fetching and b"arrived from due feeds" in _ANSI.sub(b"", term.buffer):
                fetching = False
            term.buffer = term.buffer[-4000:]
            if not fetching and len(after) >= min(len(during), args.moves):
                break
            if fetching and len(during) >= args.moves * 2:
                break
    finally:
        term.quit()
        httpd.shutdown()
        httpd.server_close()
    print(f"served {counts[0]} feeds; load after: {os.getloadavg()[0]:.2f}")
    for label, values in (("during the fetch", during), ("after it", after)):
        if values:
            print(
                f"key to frame {label} (x{len(values)}): p50 {1000 * pct(values, 0.5):5.1f} ms"
                f"   p95 {1000 * pct(values, 0.95):5.1f} ms   max {1000 * max(values):5.1f} ms"
            )


if __name__ == "__main__":
    main()
