"""The whole-file check before a command runs once per change of the file, not per command.

SQLite's quick_check reads every page (about 0.3 s at 600 MB): a file unchanged since it
was found whole, or since a command of ours wrote it, is not read again; a file changed
by anything else is; damage is still found.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsdesk.doctor import quick_check
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from tests.test_cli import run
from tests.test_migrate_damaged import damaged_desk


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every whole-file check made (each opens the file read-only)."""
    made: list[str] = []
    real = quick_check.run_check

    def counting(db: Path) -> Any:
        made.append(str(db))
        return real(db)

    monkeypatch.setattr(quick_check, "run_check", counting)
    return made


def _desk(tmp_path: Path) -> Path:
    page = tmp_path / "a.md"
    page.write_text("# Lock gates fail\n\nRotterdam. The lock gates failed at dawn.\n", "utf-8")
    assert run(["import", str(page)], {}).returncode == 0
    return resolve().database


def test_an_unchanged_file_is_checked_once(
    isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checks: list[str]
) -> None:
    monkeypatch.setenv(STORE_ENV, "")
    db = _desk(tmp_path)
    checks.clear()
    assert run(["list"], {}).returncode == 0
    assert run(["search", "lock"], {}).returncode == 0
    assert run(["star", "lock"], {}).returncode == 0  # its own write leaves it whole
    assert run(["list"], {}).returncode == 0
    assert checks == []  # the import left it whole, and each command after it
    # Changed by something else (another tool, the app): checked again.
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    os.utime(db)
    checks.clear()
    assert run(["list"], {}).returncode == 0
    assert len(checks) == 1


def test_damage_after_a_good_check_is_still_found(
    isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, "")
    folder = tmp_path / "files"
    folder.mkdir()
    db = damaged_desk(folder, "articles_sort")
    proc = run(["list"], {}, check=False)
    assert proc.returncode == 1 and "is damaged" in proc.stderr
    assert not db.with_name(db.name + quick_check.STAMP_SUFFIX).exists() or (
        db.with_name(db.name + ".needs-doctor").exists()
    )
