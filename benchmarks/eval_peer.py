"""Score extraction on the two public benchmarks in ../shared/realworld-peer, in process.

    python benchmarks/eval_peer.py                      # newsdesk on text copies and HTML
    python benchmarks/eval_peer.py --trafilatura        # ... and trafilatura alone on the HTML
    python benchmarks/eval_peer.py --input text --set trafeval --worst 15
    python benchmarks/eval_peer.py --input text --part fit    # fit rules here ...
    python benchmarks/eval_peer.py --input text --part check  # ... and report them here

`../shared/realworld-peer/score.py --cmd 'newsdesk inspect {file} --json'` gives the same
figures but starts a process per page; this runs `load_file` in two worker processes, writes
records in score.py's `--save` format and lets `score.py --rescore` print the figures, so the
metric is the benchmark's own. It also prints the CPU time per page of the extraction.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KEEP = ("title", "authors", "published", "body", "source", "dek")


def _part(name: str) -> str:
    # A split of the development half held out from ourselves: rules are fitted on "fit" and
    # reported on "check", so a rule that only suits the pages it was tuned on shows up.
    return "check" if hashlib.sha256(name.encode()).digest()[0] % 3 == 0 else "fit"


def _cases(peer: Path, which: str, part: str = "all") -> list[tuple[str, str, dict[str, Any]]]:
    out = []
    for ds in ("aeb", "trafeval") if which == "all" else (which,):
        truth = json.loads((peer / ds / "truth.json").read_text(encoding="utf-8"))
        out.extend((ds, name, t) for name, t in truth.items() if part in ("all", _part(name)))
    return out


def _newsdesk(path: str) -> tuple[dict[str, Any], str | None]:
    from newsdesk.ingest import load_file

    result = load_file(Path(path))
    if result.error or not result.items:
        return {}, result.error or "no items"
    d = result.items[0].inspect_dict()
    return {k: d.get(k) for k in KEEP}, None


def _trafilatura(path: str) -> tuple[dict[str, Any], str | None]:
    import gzip
    import logging

    from trafilatura import bare_extraction

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:
        html = fh.read()
    doc = bare_extraction(html, with_metadata=True)
    if doc is None:
        return {}, "nothing"
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"title": doc.title, "authors": authors, "published": doc.date, "body": doc.text}, None


def _job(args: tuple[str, str, str, str, str]) -> dict[str, Any]:
    engine, kind, ds, name, path = args
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        got, err = (_trafilatura if engine == "trafilatura" else _newsdesk)(path)
    except Exception as exc:
        got, err = {}, f"crash: {type(exc).__name__}: {exc}"
    return {
        "label": engine,
        "input": kind,
        "set": ds,
        "name": name,
        "ms": (time.perf_counter() - t0) * 1000,
        "cpu_ms": (time.process_time() - c0) * 1000,
        "error": err,
        "got": got,
    }


def _warm() -> None:
    # Imports and lazily built tables are paid once per worker, not per page.
    from newsdesk.ingest import load_file  # noqa: F401
    from newsdesk.model import Extracted  # noqa: F401


def run(engine: str, kind: str, cases: list, peer: Path, jobs: int, out: Path) -> None:
    work = []
    for ds, name, t in cases:
        path = peer / ds / (f"html/{name}" if kind == "html" else t["text"])
        work.append((engine, kind, ds, name, str(path)))
    with ProcessPoolExecutor(jobs, initializer=_warm) as ex:
        recs = list(ex.map(_job, work, chunksize=4))
    with out.open("w", encoding="utf-8") as f:
        for (_ds, _name, t), r in zip(cases, recs, strict=True):
            r["in_shared_realworld"] = t.get("in_shared_realworld")
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    cpu = [r["cpu_ms"] for r in recs]
    # The first page of each worker pays lazy loading; the median is the steady cost.
    print(
        f"== {engine} on {kind}: {len(recs)} pages, CPU ms/page mean {statistics.mean(cpu):.1f}"
        f" median {statistics.median(cpu):.1f}"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--peer", type=Path, default=ROOT.parent / "shared" / "realworld-peer")
    ap.add_argument("--set", default="all", choices=["aeb", "trafeval", "all"])
    ap.add_argument("--input", default="both", choices=["text", "html", "both"])
    ap.add_argument("--trafilatura", action="store_true", help="also score trafilatura alone")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument(
        "--part",
        default="all",
        choices=["all", "fit", "check"],
        help="the two thirds rules are fitted on, or the third held out to check them",
    )
    ap.add_argument("--save-dir", type=Path, default=None, help="keep the records here")
    a = ap.parse_args()
    if not (a.peer / "score.py").exists():
        print(f"no benchmark at {a.peer}", file=sys.stderr)
        return 2
    # The store and config stay in folders removed at the end (each run left three behind).
    with tempfile.TemporaryDirectory(prefix="peer-") as scratch:
        os.environ.setdefault("NEWSDESK_DATA_DIR", str(Path(scratch, "data")))
        os.environ.setdefault("NEWSDESK_CONFIG_DIR", str(Path(scratch, "config")))
        save = a.save_dir or Path(scratch, "runs")
        return _run_all(a, save)


def _run_all(a: argparse.Namespace, save: Path) -> int:
    cases = _cases(a.peer, a.set, a.part)
    save.mkdir(parents=True, exist_ok=True)
    runs = [("newsdesk", k) for k in (("text", "html") if a.input == "both" else (a.input,))]
    if a.trafilatura:
        runs.append(("trafilatura", "html"))
    for engine, kind in runs:
        out = save / f"{engine}-{kind}.jsonl"
        run(engine, kind, cases, a.peer, a.jobs, out)
        cmd = [sys.executable, str(a.peer / "score.py"), "--rescore", str(out), "--subset", "all"]
        if a.worst:
            cmd += ["--worst", str(a.worst)]
        subprocess.run(cmd, check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
