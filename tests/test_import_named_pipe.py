"""`newsdesk import /dev/stdin` from a pipe, or a named pipe (`<(curl ...)`, a FIFO),
said "not a regular file": a stream named as a path is read like `import -` and kept
in the data folder's `piped/`."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from tests.test_cli import import_piped, run


@pytest.fixture
def env(isolated_dirs: Path) -> dict[str, str]:
    return dict(os.environ)


LINE = (
    '{"title": "Ferry timetable changes for the winter", "body": "The island ferry '
    'sails twice a day from Monday, the operator said."}\n'
)


def test_dev_stdin_on_a_pipe_is_read_like_dash(env: dict[str, str], isolated_dirs: Path) -> None:
    import_piped("/dev/stdin", LINE, env, isolated_dirs)
    listed = json.loads(run(["list", "--json"], env).stdout)
    assert [r["title"] for r in listed] == ["Ferry timetable changes for the winter"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_read_once(
    env: dict[str, str], isolated_dirs: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "items.jsonl"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w", encoding="utf-8") as stream:
            stream.write(LINE)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    proc = run(["import", str(fifo), "--json"], env)
    writer.join(timeout=30)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["imported"] == 1
    assert len(list((isolated_dirs / "data" / "piped").iterdir())) == 1
