"""A library's log record never reaches the terminal: no raw line over the TUI's
screen or beside the CLI's own message (see newsdesk/library_logs.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

#: What psycopg logs when the server goes away in the middle of a pipelined write.
LOST = "error ignored terminating <psycopg.Pipeline [BAD]>: the connection is lost"


def _stderr(code: str, tmp_path: Path) -> str:
    env = dict(os.environ, NEWSDESK_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_without_a_handler_python_prints_the_record(tmp_path: Path) -> None:
    # The control: what the fix is for really happens.
    code = f"import logging; logging.getLogger('psycopg').warning({LOST!r})"
    assert LOST in _stderr(code, tmp_path)


def test_the_command_keeps_library_records_off_the_terminal(tmp_path: Path) -> None:
    code = (
        "import logging\n"
        "from newsdesk.cli.main import main\n"
        "assert main(['paths']) == 0\n"
        f"logging.getLogger('psycopg').warning({LOST!r})\n"
        "logging.getLogger('htmldate').error('a parser remark')\n"
    )
    err = _stderr(code, tmp_path)
    assert LOST not in err
    assert "a parser remark" not in err


def test_an_import_worker_keeps_them_off_too(tmp_path: Path) -> None:
    # Workers are spawned: they start with no handler of the parent's.
    code = (
        "import logging, multiprocessing, os\n"
        "from newsdesk.pipeline import _start_worker\n"
        "def work(pid):\n"
        "    _start_worker(pid)\n"
        f"    logging.getLogger('psycopg').warning({LOST!r})\n"
        "if __name__ == '__main__':\n"
        "    ctx = multiprocessing.get_context('spawn')\n"
        "    p = ctx.Process(target=work, args=(os.getpid(),))\n"
        "    p.start(); p.join(60)\n"
        "    assert p.exitcode == 0, p.exitcode\n"
    )
    script = tmp_path / "worker_logs.py"
    script.write_text(code, encoding="utf-8")
    env = dict(os.environ, NEWSDESK_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert LOST not in done.stderr
