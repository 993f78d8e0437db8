"""Crash safety: SIGKILL the real CLI at random moments; after a restart nothing is lost or torn.

Each scenario kills a subprocess several times at seeded random delays
(`NEWSDESK_KILLS`, default 5; `NEWSDESK_SOAK=1` makes it 25) and checks the
data directory after every kill, then checks that the next run repairs or
catches up the search index by itself.
"""

from __future__ import annotations

import functools
import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from newsdesk.desk import Desk
from newsdesk.doctor import Doctor
from newsdesk.model import Extracted, article_id
from newsdesk.paths import resolve
from newsdesk.store import Store
from tests.reliability.helpers import (
    assert_articles_whole,
    assert_clean_stderr,
    cli_command,
    cli_env,
    read_articles,
    run_cli,
    run_main,
    token,
    write_text_corpus,
)

SOAK = os.environ.get("NEWSDESK_SOAK") == "1"
KILLS = int(os.environ.get("NEWSDESK_KILLS", "25" if SOAK else "5"))
SEED = int(os.environ.get("NEWSDESK_SEED", "20261123"))
BULK = 5_000
EXPORTED = 120


def start(data: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        cli_command(data, *args),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(),
    )


def kill_after(proc: subprocess.Popen[Any], delay: float) -> bool:
    """SIGKILL `proc` after `delay` seconds; False when it had already finished."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return True
    return False


def wait_until(proc: subprocess.Popen[Any], ready: Callable[[], bool], limit: float = 120) -> None:
    """Poll `ready` until it holds or `proc` ends: the kill then aims at real work.

    A loaded machine may take seconds just to start Python; a kill timed from
    the start would then only ever hit the interpreter's start-up.
    """
    deadline = time.monotonic() + limit
    while not ready() and proc.poll() is None:
        assert time.monotonic() < deadline, "the command never got going"
        time.sleep(0.01)


def stored_count(db: Path) -> int:
    """Articles committed so far (0 while the database is not there or not built yet)."""
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # created but its tables not yet committed


def more_than(db: Path, floor: int) -> bool:
    return stored_count(db) > floor


def timed_run(data: Path, *args: str) -> float:
    began = time.monotonic()
    proc = run_cli(data, *args)
    assert proc.returncode == 0, proc.stderr
    return time.monotonic() - began


def assert_index_catches_up(data: Path) -> None:
    """After the kills, the next search finds every stored article by its own word.

    The search runs in-process: what is checked is the data directory the kills
    left, not a process (the kills themselves are real processes)."""
    proc = run_main(data, "search", token(0), "--json")
    assert proc.returncode == 0, proc.stderr
    assert_clean_stderr(proc.stderr)
    rows = read_articles(data / "newsdesk.sqlite3")
    with Desk(resolve(data)) as desk:
        desk.sync_index()
        for row in rows:
            word = row["title"].split()[0].lower()
            assert row["id"] in desk.search(word, limit=None).ids, row["title"]
        assert desk.index_status().total_docs == len(rows)


# -- import -----------------------------------------------------------------------


def test_killed_import_keeps_every_article_whole(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    corpus = tmp_path / "corpus"
    # Large enough that an import outlasts the kill delays even on a fast, idle machine.
    write_text_corpus(corpus, 300)
    data = tmp_path / "data"
    db = data / "newsdesk.sqlite3"
    killed = 0
    resumed = False
    for _ in range(KILLS):
        before = stored_count(db)
        if before == 300 and resumed:
            # Every file is stored and a run has resumed after a kill: a further run
            # only skips them all and ends before any kill (the wait below waits for
            # a write that never comes).
            break
        resumed = resumed or before > 0
        proc = start(data, "import", str(corpus), "--json")
        # Kill while articles are being written, not while Python starts.
        wait_until(proc, functools.partial(more_than, db, before))
        killed += kill_after(proc, rng.uniform(0.0, 0.6))
        assert_articles_whole(db)
    assert killed >= 1
    stored = read_articles(data / "newsdesk.sqlite3")
    # Resuming imports nothing twice.
    assert len({r["id"] for r in stored}) == len(stored) <= 300
    assert_index_catches_up(data)


HARNESS = """
import sys
from pathlib import Path
from newsdesk.desk import Desk
from newsdesk.paths import resolve

def report(event):
    if event.outcome.imported:
        print("done", Path(event.path).name, flush=True)

with Desk(resolve(Path(sys.argv[1]))) as desk:
    desk.import_paths([Path(sys.argv[2])], progress=report)
"""


def read_reports_then_kill(
    proc: subprocess.Popen[str], after_first: float, limit: float = 60
) -> list[str]:
    """Collect "done" lines; SIGKILL `after_first` seconds after the first one arrives."""
    assert proc.stdout is not None
    lines: list[str] = []
    buffer = ""
    deadline = time.monotonic() + limit
    kill_at: float | None = None
    fd = proc.stdout.fileno()
    while time.monotonic() < deadline:
        if kill_at is not None and time.monotonic() >= kill_at:
            proc.send_signal(signal.SIGKILL)
            break
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            chunk = os.read(fd, 65536).decode()
            if not chunk:
                break  # finished before the kill
            buffer += chunk
            *complete, buffer = buffer.split("\n")
            lines.extend(complete)
            if kill_at is None and any(line.startswith("done ") for line in lines):
                kill_at = time.monotonic() + after_first
    proc.wait(timeout=30)
    return [line.split(" ", 1)[1] for line in lines if line.startswith("done ")]


def test_every_file_reported_done_is_stored(tmp_path: Path) -> None:
    """The Desk's per-file progress is a promise: a file reported done survives a kill."""
    rng = random.Random(SEED + 1)
    corpus = tmp_path / "corpus"
    paths = write_text_corpus(corpus, 120)
    token_of = {p.name: token(n) for n, p in enumerate(paths)}
    data = tmp_path / "data"
    reported: set[str] = set()
    for _ in range(max(2, KILLS // 2)):
        proc = subprocess.Popen(
            [sys.executable, "-c", HARNESS, str(data), str(corpus)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            # In-process loading here (the CLI test above runs the worker pool).
            env=cli_env(NEWSDESK_IMPORT_WORKERS="0"),
        )
        reported.update(read_reports_then_kill(proc, rng.uniform(0.0, 1.0)))
        titles = " ".join(
            r["title"] for r in assert_articles_whole(data / "newsdesk.sqlite3")
        ).lower()
        for name in reported:
            assert token_of[name] in titles, f"{name} was reported done but is not stored"
    assert reported


# -- bulk tag ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bulk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """5,000 short articles, 400 of them tagged `batch`: built once.

    The CLI is given ids here, so no index is needed (building one for 5,000
    articles would cost more than the test); benchmarks/soak.py runs the same
    kills with a query (`tag is:unread +x`) over an indexed store.
    """
    data = tmp_path_factory.mktemp("bulk") / "data"
    store = Store(data / "newsdesk.sqlite3")
    ids = []
    with store.transaction() as tx:
        for n in range(BULK):
            meta = Extracted(
                title=f"Bulk item {n} {token(n)}",
                body=f"Short body {n} about the harbour vote.",
                source="Test Wire",
                word_count=7,
            )
            aid = article_id(meta)
            store.insert(tx, aid, meta, f"bulk/{n}.txt", None)
            ids.append(aid)
    store.apply("tag", ids[:EXPORTED], {}, add_tags=["batch"])
    store.close()
    (data / "ids.txt").write_text("\n".join(ids))
    return data


@pytest.fixture
def bulk(tmp_path: Path, bulk_template: Path) -> Path:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(bulk_template, data)
    return data


def tag_count(db: Path, tag: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM tags WHERE tag = ?", (tag,)).fetchone()[0])
    finally:
        conn.close()


def ids_of(data: Path, count: int = BULK) -> list[str]:
    return (data / "ids.txt").read_text().split()[:count]


def test_killed_bulk_tag_is_all_or_nothing(bulk: Path) -> None:
    rng = random.Random(SEED + 2)
    db = bulk / "newsdesk.sqlite3"
    targets = ids_of(bulk)
    took = timed_run(bulk, "tag", *targets, "+calibration")
    assert tag_count(db, "calibration") == BULK
    outcomes = []
    for attempt in range(KILLS):
        tag = f"kill-{attempt}"
        proc = start(bulk, "tag", *targets, f"+{tag}")
        # The write is the last part of the run: aim the kills at it.
        kill_after(proc, rng.uniform(0.5 * took, 1.1 * took))
        count = tag_count(db, tag)
        assert count in (0, BULK), f"{count} of {BULK} tagged: a torn bulk action"
        outcomes.append(count)
        assert_articles_whole(db)
    # The action log agrees with the tags: undo removes exactly what was added.
    undo = run_main(bulk, "undo", "--json")
    assert undo.returncode == 0
    assert_clean_stderr(undo.stderr)
    last = max((i for i, c in enumerate(outcomes) if c), default=None)
    if last is not None:
        assert tag_count(db, f"kill-{last}") == 0
    else:
        assert tag_count(db, "calibration") == 0


# -- export -----------------------------------------------------------------------


def parse_export(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    front, _, body = text[4:].partition("\n---\n")
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict) and meta["title"] and meta["id"], path
    assert meta["title"] in body
    return meta


def test_killed_export_leaves_no_torn_files(bulk: Path, tmp_path: Path) -> None:
    rng = random.Random(SEED + 3)
    out = tmp_path / "exports"
    out.mkdir()
    args = ("export", "--format", "md-files", "--ids", *ids_of(bulk, EXPORTED))
    took = timed_run(bulk, *args, "-o", str(out / "calibration"))
    assert len(list((out / "calibration").glob("*.md"))) == EXPORTED
    # Each export run costs seconds: three kills here in CI, KILLS in a soak.
    for attempt in range(KILLS if SOAK else min(KILLS, 3)):
        dest = out / f"run-{attempt}"
        kill_after(start(bulk, *args, "-o", str(dest)), rng.uniform(0.3 * took, 1.1 * took))
        if dest.exists():
            # Renamed into place whole, or not there at all.
            files = list(dest.iterdir())
            assert len(files) == EXPORTED and all(f.suffix == ".md" for f in files)
            for f in files[::20]:
                parse_export(f)
    # Replacing an existing export (--force) moves whole files only.
    for _ in range(1 if not SOAK else KILLS):
        kill_after(
            start(bulk, *args, "-o", str(out / "calibration"), "--force"),
            rng.uniform(0.3 * took, 1.1 * took),
        )
        visible = [f for f in (out / "calibration").iterdir() if not f.name.startswith(".")]
        assert len(visible) == EXPORTED
        for f in visible[::10]:
            parse_export(f)
    # Leftover staging folders are hidden, newsdesk's own, and the doctor clears them.
    leftovers = [p for p in out.rglob(".newsdesk-staging-*")]
    report = Doctor(resolve(bulk), stale_after=0, extra_temp_dirs=[out, out / "calibration"]).run()
    assert report.healthy
    assert not any(p.exists() for p in leftovers)
    proc = run_cli(bulk, *args, "-o", str(out / "after"))
    assert proc.returncode == 0 and len(list((out / "after").glob("*.md"))) == EXPORTED
    assert json.dumps(report.as_dict())
