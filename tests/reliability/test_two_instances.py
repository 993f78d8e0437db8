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

import pytest

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
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    starred: list[str] = []
    rounds = 0
    while importer.poll() is None or rounds < 3:
        word = token(rounds)
        for args in (
            ("star", word.capitalize()),
            ("tag", word, "+seen-by-b"),
            ("search", "harbour", "--json"),
        ):
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
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
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


HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE meta SET value = value WHERE key = 'rev'")
print("holding", flush=True)
sys.stdin.readline()  # until the test says "release" (or closes the pipe)
conn.execute("COMMIT")
"""


def hold_write_lock(db: Path) -> subprocess.Popen[str]:
    """Another process in the middle of a long write transaction, until `release`."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


def release(holder: subprocess.Popen[str]) -> None:
    """Let the holder commit and end."""
    holder.communicate("release\n", timeout=60)


def test_a_write_that_must_wait_says_so_then_succeeds(populated: Path) -> None:
    holder = hold_write_lock(populated / "newsdesk.sqlite3")
    try:
        cli = subprocess.Popen(
            cli_command(populated, "star", token(5).capitalize()),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        assert cli.stderr is not None
        # The lock is let go only once the CLI has said it is waiting for it.
        said = ""
        while "waiting" not in said:
            line = cli.stderr.readline()
            assert line, f"the CLI ended without saying it waits: {said!r}"
            said += line
    finally:
        release(holder)
    _out, err = cli.communicate(timeout=60)
    err = said + err
    assert cli.returncode == 0, err
    assert_clean_stderr(err)
    rows = {r["title"].split()[0].lower(): r for r in read_articles(populated / "newsdesk.sqlite3")}
    assert rows[token(5)]["starred"] == 1


def test_a_write_that_waits_too_long_explains_and_changes_nothing(
    populated: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsdesk.cli.main import main
    from newsdesk.store.sqlite import connections

    monkeypatch.setattr(connections, "BUSY_TIMEOUT_MS", 800)
    # Held until the command has given up, however long that takes on a loaded machine.
    holder = hold_write_lock(populated / "newsdesk.sqlite3")
    try:
        code = main(["--data-dir", str(populated), "star", token(6).capitalize()])
    finally:
        release(holder)
    err = " ".join(capsys.readouterr().err.split())
    assert code == 1
    assert_clean_stderr(err)
    assert "waiting" in err and "nothing was changed" in err and "doctor" not in err
    rows = {r["title"].split()[0].lower(): r for r in read_articles(populated / "newsdesk.sqlite3")}
    assert rows[token(6)]["starred"] == 0


def test_two_app_windows_and_a_cli_import(populated: Path, tmp_path: Path) -> None:
    """Two TUI windows triage while the CLI imports: no error on any screen, every change kept."""
    import threading

    from tests.reliability.test_terminal_leaks import run_in_pty

    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 30, start=2000)
    outputs: dict[str, bytes] = {}
    # Keys go from when the window shows its list (sent before, they would reach a
    # terminal still in line mode), while the CLI import runs beside them.
    left = [
        (0.3, b"s"),
        (0.6, b"j"),
        (0.9, b"s"),
        (1.2, b"r"),
        (1.5, b"j"),
        (1.8, b"s"),
        (3.3, b"q"),
    ]
    right = [
        (0.4, b"j"),
        (0.55, b"j"),
        (0.8, b"s"),
        (1.15, b"j"),
        (1.45, b"s"),
        (1.85, b"r"),
        (3.4, b"q"),
    ]
    up = {"left": threading.Event(), "right": threading.Event()}
    windows = [
        threading.Thread(
            target=lambda k=k, name=name: outputs.__setitem__(
                name,
                run_in_pty(cli_command(populated), keys=k, timeout=25, shown=(b"shown", up[name])),
            )
        )
        for name, k in (("left", left), ("right", right))
    ]
    for window in windows:
        window.start()
    # The import starts once both windows have drawn their list (not after a guess).
    for name, event in up.items():
        assert event.wait(timeout=30), f"the {name} window never showed its list"
    imported = run_cli(populated, "import", str(corpus), "--json")
    starred = run_cli(populated, "star", token(40).capitalize())
    for window in windows:
        window.join(timeout=60)
    for proc in (imported, starred):
        assert proc.returncode == 0, proc.stderr
        assert_clean_stderr(proc.stderr)
    assert json.loads(imported.stdout)["imported"] == 30
    for name, output in outputs.items():
        text = output.decode("utf-8", "replace")
        assert len(output) > 1000, name
        for bad in ("Traceback", "locked", "LockError", "Error"):
            assert bad not in text, (name, bad)
    conn = sqlite3.connect(populated / "newsdesk.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        kinds = [r[0] for r in conn.execute("SELECT kind FROM actions GROUP BY batch")]
        count = int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    finally:
        conn.close()
    assert count == 60 + 30
    # Both windows' keystrokes reached the store (star/read batches beyond the CLI's one star).
    assert len([k for k in kinds if k in ("star", "unstar", "read", "unread")]) >= 4
