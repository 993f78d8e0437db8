"""An import stopped by SIGTERM (cron's timeout, a service manager, `kill`) leaves as
Ctrl-C does: what it committed stays and is one step `undo` takes back."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.paths import resolve

PAGE = """{title}

By Mara Lind

Harbour town, 3 December 2026 - The council of the harbour town met on Tuesday to
discuss item {n} of its winter plan, which covers ferry timetables, road salt and the
night buses that run to the hospital. Councillors asked for figures on each of them.

The plan goes to a vote next week, the council's clerk said.
"""


def _stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is not made yet


def _pages(folder: Path, count: int = 2000) -> Path:
    folder.mkdir()
    for n in range(1, count + 1):
        title = f"Council weighs winter plan item {n} for the harbour town"
        (folder / f"page-{n:04}.txt").write_text(PAGE.format(title=title, n=n), encoding="utf-8")
    return folder


def _import_process(folder: Path) -> subprocess.Popen[str]:
    """`newsdesk import FOLDER` in a process group of its own (as a terminal starts it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsdesk", "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        start_new_session=True,
    )


def _start_a_long_import(tmp_path: Path) -> tuple[subprocess.Popen[str], Path]:
    """One article imported and logged, then a 2,000-page import started in a process
    group of its own, returned once it has committed some of them."""
    first = tmp_path / "first.txt"
    first.write_text(PAGE.format(title="Council keeps the night bus", n=0), encoding="utf-8")
    assert main(["import", str(first)]) == 0
    folder = _pages(tmp_path / "many")
    db = resolve().database
    proc = _import_process(folder)
    deadline = time.monotonic() + 120
    while _stored(db) <= 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the import ended before it could be stopped"
    return proc, db


def _undo_takes_back_exactly(kept: int, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 < kept < 2000
    capsys.readouterr()
    # The stopped import is the newest step: undo takes back exactly what it stored,
    # not the import before it.
    assert main(["undo", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["changed"]) == kept
    assert _stored(db) == 1


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX")
def test_an_import_stopped_by_sigterm_is_one_step_undo_takes_back(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    proc, db = _start_a_long_import(tmp_path)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and "stopped (SIGTERM)" in err
    kept = _stored(db) - 1
    # It says how much it kept, as its summary would have.
    plural = "s" if kept != 1 else ""
    assert f": {kept:,} article{plural} stored (`newsdesk undo` takes them back)" in err, err
    # And the import log (`L`) has it, marked stopped.
    from newsdesk import import_log

    newest = import_log.recent(resolve().data_dir, 1)[0]
    assert newest.stopped and newest.imported == kept
    _undo_takes_back_exactly(kept, db, capsys)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_an_import_killed_outright_is_still_one_step_undo_takes_back(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # SIGKILL (the OOM killer, a service manager's last resort) gives the import no
    # chance to log anything: each transaction carries its own step of the log.
    proc, db = _start_a_long_import(tmp_path)
    time.sleep(0.3)  # a few transactions in
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    _undo_takes_back_exactly(_stored(db) - 1, db, capsys)


def test_a_stopped_import_with_json_prints_its_summary_marked_stopped(
    isolated_dirs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsdesk.desk import Desk

    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(title="Council keeps the night bus", n=0), encoding="utf-8")
    real_import = Desk.import_paths

    def import_then_interrupted(self: Desk, *args: object, **kwargs: object) -> object:
        real_import(self, *args, **kwargs)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    monkeypatch.setattr(Desk, "import_paths", import_then_interrupted)
    assert main(["import", "--json", str(page)]) == 130
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["stopped"] is True and summary["imported"] == 1
    assert "interrupted; everything reported done is saved" in captured.err


@pytest.mark.skipif(sys.platform == "win32", reason="process groups and ptys are POSIX")
def test_ctrl_c_at_the_terminal_stops_the_workers_without_a_traceback(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    # Ctrl-C goes to the terminal's whole process group: each import worker printed a
    # KeyboardInterrupt traceback over the import's own two lines (on a terminal: with
    # pipes, the workers' output goes nowhere).
    from tests.terminal import OnATerminal

    folder = _pages(tmp_path / "many")
    db = resolve().database
    run = OnATerminal([sys.executable, "-m", "newsdesk", "import", str(folder)], dict(os.environ))
    deadline = time.monotonic() + 120
    while _stored(db) <= 300 and run.proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert run.proc.poll() is None, "the import ended before it could be stopped"
    os.killpg(run.proc.pid, signal.SIGINT)
    assert run.finish() == 130
    shown = run.shown.decode("utf-8", "replace")
    assert "interrupted; everything reported done is saved" in shown
    assert "Traceback" not in shown and "KeyboardInterrupt" not in shown, shown[-2000:]


def test_an_import_stopped_before_its_first_file_says_why_nothing_was_kept(
    isolated_dirs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsdesk.desk import Desk

    page = tmp_path / "page.txt"
    page.write_text(PAGE.format(title="Council keeps the night bus", n=0), encoding="utf-8")

    def interrupted_at_once(self: Desk, *args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(Desk, "import_paths", interrupted_at_once)
    assert main(["import", str(page)]) == 130
    err = capsys.readouterr().err
    assert "stopped before the first file was stored: nothing kept" in err
    assert "whole or not at all" in err


@pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")
def test_ctrl_c_pressed_three_times_stops_once_without_tracebacks(
    isolated_dirs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The second and third press arrived while the first unwound (the worker pool
    shutting down, a generator closing): "Exception ignored" tracebacks."""
    proc, db = _start_a_long_import(tmp_path)
    for _ in range(3):
        os.killpg(proc.pid, signal.SIGINT)  # as the terminal sends it: the whole group
        time.sleep(0.05)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert "stopped after" in err or "interrupted" in err, err
    _undo_takes_back_exactly(_stored(db) - 1, db, capsys)


@pytest.mark.skipif(sys.platform == "win32", reason="process groups are POSIX")
@pytest.mark.parametrize("after", [0.4, 1.0])
def test_ctrl_c_while_the_workers_warm_up_prints_no_traceback(
    isolated_dirs: Path, tmp_path: Path, after: float
) -> None:
    """The fork server ignores Ctrl-C only once its modules are loaded: a press while it
    loaded them printed a traceback from the middle of the warming."""
    proc = _import_process(_pages(tmp_path / "many", 300))
    time.sleep(after)
    for _ in range(4):
        if proc.poll() is not None:
            break
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.1)
    _, err = proc.communicate(timeout=120)
    # (A worker still starting when the importing process left can print
    # multiprocessing's own FileNotFoundError: a race inside the standard library.)
    assert "warm.py" not in err and "KeyboardInterrupt" not in err, err


_LOADING_SCRIPT = """
import importlib.abc, os, signal, sys

class PressCtrlC(importlib.abc.MetaPathFinder):
    # Ctrl-C arrives while the command's modules load (a busy machine takes seconds).
    def find_spec(self, name, path, target=None):
        if name == "newsdesk.cli.main":
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, PressCtrlC())
from newsdesk.cli import main
sys.exit(main(["--version"]))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_while_the_command_loads_ends_it_quietly(isolated_dirs: Path) -> None:
    """Under load the CLI took over a second to import its modules, and a Ctrl-C then
    printed a KeyboardInterrupt traceback from the middle of an import."""
    proc = subprocess.run(
        [sys.executable, "-c", _LOADING_SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 130, (proc.returncode, proc.stderr)
    assert proc.stderr == "" and proc.stdout == ""
