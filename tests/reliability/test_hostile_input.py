"""Hostile and broken input: each file imports safely or is refused with a reason.

Nothing crashes, hangs, reads local files through XML entities, touches the
network, writes outside the data directory or changes articles stored earlier.
The import runs in a subprocess (bounded time) and reports each file with the
seconds it took.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.helpers import (
    assert_clean_stderr,
    cli_env,
    integrity,
    read_articles,
    run_cli,
)
from tests.reliability.hostile import PAYLOAD_MARKERS, write_corpus

#: No single file may take longer than this (a hang, not a speed target).
PER_FILE_LIMIT = 60.0

HARNESS = """
import json, sys, time
from pathlib import Path
from newsdesk.desk import Desk
from newsdesk.paths import resolve

data = Path(sys.argv[1])
inputs = [Path(p) for p in sys.argv[2:]]
last = time.monotonic()

def report(event):
    global last
    now = time.monotonic()
    o = event.outcome
    print(json.dumps({"path": event.path, "seconds": now - last, "imported": o.imported,
                      "duplicates": o.duplicates, "error": o.error}), flush=True)
    last = now

with Desk(resolve(data)) as desk:
    summary = desk.import_paths(inputs, progress=report)
    desk.sync_index()
    hits = desk.search("harbour").ids
    print(json.dumps({"summary": summary.as_dict(), "hits": len(hits)}), flush=True)
"""


def all_text(db: Path) -> str:
    """Every text value of every table, joined (what the store could ever show).

    Except two verbatim records of the input, never shown as they are:
    `origin`, the real path of the file (the CLI and exports clean it before
    showing it), and `raw`, the source text kept for re-extraction.
    """
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        parts: list[str] = []
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                parts.extend(
                    v
                    for k, v in zip(row.keys(), row, strict=True)
                    if isinstance(v, str) and k not in ("origin", "raw")
                )
        return "\n".join(parts)
    finally:
        conn.close()


def tree(root: Path, skip: Path) -> set[str]:
    return {
        str(p.relative_to(root)) for p in root.rglob("*") if skip not in p.parents and p != skip
    }


@pytest.fixture(scope="module")
def hostile_run(
    tmp_path_factory: pytest.TempPathFactory, _populated_template: Path
) -> dict[str, Any]:
    """Import the whole hostile corpus once into a copy of the 60-article store."""
    import shutil

    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(_populated_template, data)
    before = {r["id"]: r for r in read_articles(data / "newsdesk.sqlite3")}
    marker = f"SECRET-MARKER-{secrets.token_hex(8)}"
    secret = root / "secret.txt"
    secret.write_text(marker + "\n")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.setblocking(False)
    corpus = root / "corpus"
    names = write_corpus(corpus, secret, listener.getsockname()[1])
    os.symlink(secret, corpus / "link-to-secret.txt")
    fifo = root / "a-fifo.txt"
    os.mkfifo(fifo)
    outside_before = tree(root, data)
    proc = subprocess.run(
        [sys.executable, "-c", HARNESS, str(data), str(corpus), str(fifo)],
        capture_output=True,
        text=True,
        timeout=600,
        env=cli_env(NEWSDESK_IMPORT_WORKERS="0"),
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    try:
        listener.accept()
        connected = True
    except BlockingIOError:
        connected = False
    listener.close()
    return {
        "root": root,
        "data": data,
        "before": before,
        "marker": marker,
        "names": names,
        "proc": proc,
        "events": [e for e in lines if "path" in e],
        "final": next((e for e in lines if "summary" in e), None),
        "connected": connected,
        "outside_before": outside_before,
        "outside_after": tree(root, data),
        "corpus": corpus,
        "fifo": fifo,
    }


def test_corpus_is_large_and_varied(hostile_run: dict[str, Any]) -> None:
    assert len(hostile_run["names"]) >= 100


def test_import_finishes_without_a_crash(hostile_run: dict[str, Any]) -> None:
    proc = hostile_run["proc"]
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert_clean_stderr(proc.stderr)
    assert hostile_run["final"] is not None


def test_every_file_is_imported_or_refused_with_a_reason(hostile_run: dict[str, Any]) -> None:
    events = hostile_run["events"]
    seen = {Path(e["path"]).name for e in events}
    expected = {n for n in hostile_run["names"] if not n.startswith(".")}
    assert expected <= seen, sorted(expected - seen)[:10]
    assert "link-to-secret.txt" not in seen  # a symlink out of the folder is not followed
    for event in events:
        assert event["imported"] or event["duplicates"] or event["error"], event
        if event["error"]:
            assert len(event["error"]) > 5 and "\n" not in event["error"], event
    fifo = [e for e in events if e["path"] == str(hostile_run["fifo"])]
    assert fifo and fifo[0]["error"], "a named pipe must be refused, not read (it would block)"


def test_no_file_takes_unbounded_time(hostile_run: dict[str, Any]) -> None:
    slow = [
        (Path(e["path"]).name, round(e["seconds"], 1))
        for e in hostile_run["events"]
        if e["seconds"] > PER_FILE_LIMIT
    ]
    assert not slow


def test_refusals_name_the_problem(hostile_run: dict[str, Any]) -> None:
    reasons = {Path(e["path"]).name: (e["error"] or "") for e in hostile_run["events"]}
    assert "too large" in reasons["fifty-megabytes.txt"], reasons["fifty-megabytes.txt"]
    assert "binary" in reasons["random.bin"] and "PNG" in reasons["image.png"], reasons["image.png"]
    assert "bomb" in reasons["bomb.txt.gz"] or "64 MB" in reasons["bomb.txt.gz"], reasons[
        "bomb.txt.gz"
    ]
    empty = reasons["empty.txt"].lower()
    assert "empty" in empty or "no article" in empty, empty
    for name in ("billion-laughs.xml", "xxe-file.xml", "xxe-net.xml"):
        assert "unsafe XML" in reasons[name] or "entit" in reasons[name], (name, reasons[name])


def test_store_is_sound_and_earlier_articles_unchanged(hostile_run: dict[str, Any]) -> None:
    db = hostile_run["data"] / "newsdesk.sqlite3"
    assert integrity(db) == ["ok"]
    after = {r["id"]: r for r in read_articles(db)}
    for aid, row in hostile_run["before"].items():
        assert after[aid] == row
    assert len(after) > len(hostile_run["before"])  # the good parts of bad files did import
    for row in after.values():
        assert row["title"].strip() or row["body"].strip()
        assert len(row["title"]) <= 1000


def test_no_local_file_read_and_no_network(hostile_run: dict[str, Any]) -> None:
    data: Path = hostile_run["data"]
    marker = hostile_run["marker"]
    for path in data.rglob("*"):
        if path.is_file():
            assert marker.encode() not in path.read_bytes(), path
    assert not hostile_run["connected"], "an input made newsdesk open a network connection"
    assert not Path("/tmp/newsdesk-pwned").exists()


def test_nothing_written_outside_the_data_directory(hostile_run: dict[str, Any]) -> None:
    assert hostile_run["outside_after"] == hostile_run["outside_before"]


def test_no_control_character_is_stored(hostile_run: dict[str, Any]) -> None:
    """No escape, C1 control, bell or bidi override survives import, in any column of any table."""
    text = all_text(hostile_run["data"] / "newsdesk.sqlite3")
    bad = {
        c
        for c in set(text)
        if (unicodedata.category(c) == "Cc" and c not in "\n\t") or c in "\u202a\u202b\u202d\u202e"
    }
    assert not bad, sorted(map(hex, map(ord, bad)))


def test_cli_import_of_the_corpus_reports_cleanly(
    hostile_run: dict[str, Any], tmp_path: Path
) -> None:
    """The same corpus through the real CLI (worker processes): a summary, never a traceback."""
    subset = tmp_path / "subset"
    subset.mkdir()
    corpus: Path = hostile_run["corpus"]
    for name in hostile_run["names"]:
        src = corpus / name
        # The slow-to-extract large texts were timed above; here the many small ones.
        if src.stat().st_size < 50_000 or name in ("fifty-megabytes.txt", "bomb.txt.gz"):
            os.link(src, subset / name.replace("\n", "_"))
    proc = run_cli(tmp_path / "data", "import", str(subset), "--json", timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert_clean_stderr(proc.stderr)
    summary = json.loads(proc.stdout)
    assert summary["files"] >= 80
    assert summary["imported"] > 0 and summary["failed"]
    assert all(f["reason"] for f in summary["failed"])
    # The names of the files that imported are in the JSON as they are, escapes written
    # out (\u001b): lossless and inert. Nothing else carries a payload, and no control
    # character reaches the terminal raw.
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", proc.stdout)
    assert {Path(f["path"]).name for f in summary["imported_files"]} <= set(os.listdir(subset))
    rest = json.dumps({k: v for k, v in summary.items() if k != "imported_files"})
    for marker in PAYLOAD_MARKERS:
        assert marker not in rest + proc.stderr, repr(marker)
