"""A terminal whose encoding lacks the list's markers still gets the list.

Under a Latin-1 terminal `newsdesk list`, `search` and `doctor` ended with
"'latin-1' codec can't encode character '\\u25cf'" and printed no rows.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newsdesk.cli.main import main


def test_a_latin1_terminal_gets_the_rows_with_marks_replaced(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    story = tmp_path / "harbour.md"
    story.write_text(
        "# Harbour cranes idle — a second day\n\nDock workers in Marrowby kept still.\n",
        encoding="utf-8",
    )
    assert main(["import", str(story)]) == 0
    env = dict(os.environ, PYTHONIOENCODING="latin-1")
    for command in (["list"], ["search", "marrowby"], ["doctor"]):
        done = subprocess.run(
            [sys.executable, "-m", "newsdesk", *command],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert done.returncode == 0, (command, done.stderr.decode("latin-1"))
        out = done.stdout.decode("latin-1")
        assert "codec can't encode" not in done.stderr.decode("latin-1")
        if command[0] != "doctor":
            assert "Harbour cranes idle" in out and "?" in out
