"""Two newsdesk processes on one data directory: both succeed, each sees the other's work.

No "database is locked" and no Whoosh LockError may reach the user; a
process that has to wait for the other waits (SQLite's busy timeout, the
index's lock patience) instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.reliability.helpers import (
    assert_clean_stderr,
    cli_command,
    cli_env,
    read_articles,
    run_cli,
    token,
    write_text_corpus,
)


def test_import_while_another_process_triages_and_searches(populated: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 50, start=1000)
    importer = subprocess.Popen(
        cli_command(populated, "import", str(corpus), "--json"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
    )
    starred: list[str] = []
    rounds = 0
    while importer.poll() is None or rounds < 3:
        word = token(rounds)
        for args in (("star", word.capitalize()), ("tag", word, "+seen-by-b"), ("search", "harbour", "--json")):
            proc = run_cli(populated, *args)
            assert proc.returncode == 0, (args, proc.stderr)
            assert_clean_stderr(proc.stderr)
        starred.append(word)
        rounds += 1
        if rounds > 40:
            break
    out, err = importer.communicate(timeout=180)
    assert importer.returncode == 0, err
    assert_clean_stderr(err)
    summary = json.loads(out)
    assert summary["imported"] == 50 and not summary["failed"]

    rows = {r["title"].split()[0].lower(): r for r in read_articles(populated / "newsdesk.sqlite3")}
    assert len(rows) == 60 + 50
    for word in starred:  # B's changes were not lost to A's writes
        assert rows[word]["starred"] == 1
    conn = sqlite3.connect(populated / "newsdesk.sqlite3")
    tagged = {r[0] for r in conn.execute("SELECT article_id FROM tags WHERE tag = 'seen-by-b'")}
    conn.close()
    assert tagged == {rows[w]["id"] for w in starred}
    # A's articles are visible to another process's search right away.
    for n in (1000, 1025, 1049):
        proc = run_cli(populated, "search", token(n), "--json")
        assert proc.returncode == 0
        assert_clean_stderr(proc.stderr)
        assert [r["title"].split()[0].lower() for r in json.loads(proc.stdout)] == [token(n)]


WRITER = """
import sys
from pathlib import Path
from newsdesk.desk import Desk
from newsdesk.paths import resolve

data, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
with Desk(resolve(data)) as desk:
    ids = desk.inbox_ids()
    for i in range(count):
        target = ids[i % len(ids)]
        desk.tag([target], add=[f"{name}-{i}"])
        desk.star([target], on=(i % 2 == 0))
        desk.sync_index()
        desk.search("harbour")
print("ok")
"""


def test_two_writers_lose_nothing(populated: Path) -> None:
    """Two processes tag and star as fast as they can; every change of both is kept and logged."""
    count = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(populated), name, str(count)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env(),
        )
        for name in ("left", "right")
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0 and out.strip() == "ok", err
        assert_clean_stderr(err)
    conn = sqlite3.connect(populated / "newsdesk.sqlite3")
    tags = {r[0] for r in conn.execute("SELECT tag FROM tags")}
    batches = int(conn.execute("SELECT COUNT(DISTINCT batch) FROM actions").fetchone()[0])
    conn.close()
    assert {f"{n}-{i}" for n in ("left", "right") for i in range(count)} <= tags
    # Every tag action is its own batch in the log (stars that changed nothing log nothing).
    assert batches >= 2 * count
