"""Shared tools for the reliability tests: run the real CLI, build stores fast, read them back."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newsdesk.model import Extracted, article_id
from newsdesk.store import Store

#: What must never reach the user's terminal from any command.
FORBIDDEN_STDERR = ("Traceback", "database is locked", "LockError", "unexpected error")

WORDS = [
    "harbour",
    "council",
    "vote",
    "river",
    "budget",
    "school",
    "mayor",
    "storm",
    "police",
    "court",
    "market",
    "railway",
    "bridge",
    "hospital",
    "election",
    "farmers",
    "drought",
    "museum",
    "festival",
    "airport",
    "strike",
]


def cli_command(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "newsdesk", "--data-dir", str(data_dir), *args]


def cli_env(**extra: str) -> dict[str, str]:
    """The test's environment (user dirs already isolated by conftest) plus a wide terminal."""
    env = dict(os.environ)
    env.setdefault("COLUMNS", "160")
    env.update(extra)
    return env


def run_cli(
    data_dir: Path, *args: str, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `newsdesk ARGS` as a user would and return what it did."""
    return subprocess.run(
        cli_command(data_dir, *args),
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env or cli_env(),
    )


def main_in_process(argv: Sequence[str], *, columns: int = 160) -> tuple[int, str, str]:
    """`newsdesk ARGV` through `main()` in this process, at a fixed width: exit code, stdout, stderr."""
    from newsdesk.cli import output
    from newsdesk.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with (
        pytest.MonkeyPatch.context() as patch,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        # The consoles are made at import: their width is set here, not read from a terminal.
        patch.setattr(output.out, "_width", columns)
        patch.setattr(output.err, "_width", columns)
        patch.setattr(output.err, "_file", err)
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def run_main(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`newsdesk ARGS` in this process, for setup and checks of the output only (no
    interpreter start); `run_cli` where the process itself matters."""
    code, out, err = main_in_process(["--data-dir", str(data_dir), *args])
    return subprocess.CompletedProcess(list(args), code, out, err)


def assert_clean_stderr(stderr: str) -> None:
    for bad in FORBIDDEN_STDERR:
        assert bad not in stderr, f"{bad!r} reached the user:\n{stderr}"


def token(n: int) -> str:
    """A word found in exactly one article (to prove the index holds each one)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    word = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        word = letters[r] + word
    return f"zq{word}x"


def synthetic(n: int, *, seed_words: Sequence[str] = WORDS) -> Extracted:
    words = [seed_words[(n * 7 + i * 3) % len(seed_words)] for i in range(60)]
    title = f"{token(n).capitalize()} {seed_words[n % len(seed_words)]} report number {n}"
    body = " ".join(words) + f". Article {n} ends with {token(n)}."
    return Extracted(title=title, body=body, source="Test Wire", word_count=len(words) + 4)


def build_store(db: Path, count: int, *, start: int = 0) -> list[str]:
    """Insert `count` synthetic articles in one transaction (no story grouping: fast)."""
    store = Store(db)
    ids: list[str] = []
    try:
        with store.transaction() as tx:
            for n in range(start, start + count):
                meta = synthetic(n)
                aid = article_id(meta)
                store.insert(tx, aid, meta, f"synthetic/{n}.txt", None)
                ids.append(aid)
    finally:
        store.close()
    return ids


def write_text_corpus(folder: Path, count: int, *, start: int = 0) -> list[Path]:
    """Plain-text page copies, one article each, each with its own token word."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        meta = synthetic(n)
        path = folder / f"page-{n:05d}.txt"
        path.write_text(f"{meta.title}\n\nBy Test Writer\n\n{meta.body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def read_articles(db: Path) -> list[dict[str, Any]]:
    """Every article row as a dict, read with plain sqlite3 (not through newsdesk)."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM articles ORDER BY id")]
    finally:
        conn.close()


def integrity(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def assert_articles_whole(db: Path) -> list[dict[str, Any]]:
    """Every stored article has a title, a body, readable metadata and a state row."""
    assert integrity(db) == ["ok"]
    rows = read_articles(db)
    conn = sqlite3.connect(db)
    try:
        origins = {r[0] for r in conn.execute("SELECT article_id FROM origins")}
        max_rev = int(conn.execute("SELECT value FROM meta WHERE key = 'rev'").fetchone()[0])
    finally:
        conn.close()
    for row in rows:
        assert row["title"].strip() and row["body"].strip(), row["id"]
        assert isinstance(json.loads(row["meta"]), dict)
        assert row["id"] in origins, f"{row['id']} has no origin row"
        assert row["read"] in (0, 1) and row["starred"] in (0, 1)
        assert 0 < row["rev"] <= max_rev
    return rows
