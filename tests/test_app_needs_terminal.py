"""`newsdesk` with no terminal (a script or cron job that forgot the command) ran the app
invisibly at full CPU until killed: it now says why it cannot run and exits 1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_app_without_a_terminal_says_so_and_exits(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NEWSDESK_DATA_DIR": str(tmp_path / "data"),
        "NEWSDESK_CONFIG_DIR": str(tmp_path / "config"),
        "NEWSDESK_CACHE_DIR": str(tmp_path / "cache"),
    }
    # The timeout only ends a hang (the defect); it measures nothing.
    proc = subprocess.run(
        [sys.executable, "-m", "newsdesk"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "the app needs a terminal" in proc.stderr
    assert "\x1b[" not in proc.stderr + proc.stdout  # no screen drawn into the pipe
