"""`newsdesk store migrate` from a damaged desk: refused, and the target file it made is
removed again (it was left with the schema and no rows: "all or nothing" was not kept)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from tests.test_cli import run


def damaged_desk(folder: Path, table: str = "articles") -> Path:
    """A desk of three articles whose `table` has its first page overwritten: the file
    opens (its schema and meta are whole) and fails where that table is read."""
    for i, title in enumerate(("Lock gates fail", "Ferry fares frozen", "Pier lights restored")):
        (folder / f"a{i}.md").write_text(f"# {title}\n\nRotterdam. {'word ' * 400}\n", "utf-8")
    with Desk() as desk:
        desk.import_paths([folder / f"a{i}.md" for i in range(3)])
    db = resolve().database
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        root = int(
            conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[
                0
            ]
        )
    finally:
        conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    return db


@pytest.fixture
def damaged(isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(STORE_ENV, "")
    folder = tmp_path / "files"
    folder.mkdir()
    return damaged_desk(folder)


def test_migrate_from_a_damaged_desk_leaves_no_target_file(damaged: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.sqlite3"
    proc = run(["store", "migrate", "--from", "sqlite", "--to", str(target)], {}, check=False)
    assert proc.returncode == 1
    assert "damaged" in proc.stderr
    assert not target.exists()
    assert not target.with_name(target.name + "-wal").exists()
    assert not target.with_name(target.name + "-shm").exists()


def test_a_target_file_that_was_there_before_is_never_removed(
    damaged: Path, tmp_path: Path
) -> None:
    target = tmp_path / "there.sqlite3"
    sqlite3.connect(target).close()  # an empty file: an empty desk the copy may fill
    assert target.exists()
    proc = run(["store", "migrate", "--from", "sqlite", "--to", str(target)], {}, check=False)
    assert proc.returncode == 1
    assert target.exists()
