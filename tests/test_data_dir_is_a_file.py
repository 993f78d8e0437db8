"""NEWSDESK_DATA_DIR naming a file said "cannot create the data directory ...: [Errno 17]
File exists": it says the path is not a folder, and the file is left as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("where", ["itself", "on its path"])
def test_a_data_dir_that_is_a_file_is_said_so(
    isolated_dirs: Path, tmp_path: Path, where: str
) -> None:
    afile = tmp_path / "notes.txt"
    afile.write_text("mine\n", encoding="utf-8")
    data = afile if where == "itself" else afile / "desk"
    env = {**os.environ, "NEWSDESK_DATA_DIR": str(data)}
    proc = subprocess.run(
        [sys.executable, "-m", "newsdesk", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert f"the data directory {data} is not a folder" in proc.stderr
    assert "Errno" not in proc.stderr
    assert afile.read_text(encoding="utf-8") == "mine\n"
