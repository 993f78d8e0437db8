"""A database emptied under its search index (zero bytes, or no articles): doctor and the
commands say so and leave the index alone (doctor called it "healthy" and rebuilt the
index to 0 documents; `list` and `search` wiped it without a word)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from tests.test_cli import run


def _documents(index_dir: Path) -> int:
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(index_dir), indexname="MAIN", readonly=True)
    try:
        return int(ix.doc_count())
    finally:
        ix.close()


@pytest.fixture
def desk_dir(isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data directory with three articles, indexed."""
    monkeypatch.setenv(STORE_ENV, "")
    for i, title in enumerate(("Lock gates fail", "Ferry fares frozen", "Pier lights restored")):
        (tmp_path / f"a{i}.md").write_text(f"# {title}\n\nA body about {title}.\n", "utf-8")
    run(["import", *(str(tmp_path / f"a{i}.md") for i in range(3))], {})
    paths = resolve()
    assert _documents(paths.index_dir) == 3
    return paths.data_dir


def _empty_rows(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        for table in ("tags", "actions", "articles"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM meta WHERE key = 'rev'")
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["zero bytes", "no articles"])
def test_doctor_reports_an_emptied_store_and_keeps_the_index(desk_dir: Path, how: str) -> None:
    paths = resolve()
    if how == "zero bytes":
        paths.database.write_bytes(b"")
    else:
        _empty_rows(paths.database)
    proc = run(["doctor"], {}, check=False)
    assert proc.returncode == 1, proc.stdout
    out = " ".join(proc.stdout.split())
    assert "the search index holds 3 articles" in out
    assert "Restore the database from a backup" in out and "newsdesk reindex" in out
    assert "healthy" not in out.replace("problems remain", "")
    assert _documents(paths.index_dir) == 3


@pytest.mark.parametrize("args", [["list"], ["search", "ferry"], ["star", "ferry"]])
def test_commands_refuse_an_emptied_store_and_keep_the_index(
    desk_dir: Path, args: list[str]
) -> None:
    paths = resolve()
    paths.database.write_bytes(b"")
    proc = run(args, {}, check=False)
    assert proc.returncode == 1
    assert "is empty (zero bytes), but the search index holds 3 articles" in proc.stderr
    assert _documents(paths.index_dir) == 3
    assert paths.database.stat().st_size == 0


def test_with_no_index_the_import_log_is_the_evidence(desk_dir: Path) -> None:
    import shutil

    paths = resolve()
    shutil.rmtree(paths.index_dir)
    paths.database.write_bytes(b"")
    proc = run(["doctor"], {}, check=False)
    assert proc.returncode == 1
    assert "the import log records 3 articles imported" in " ".join(proc.stdout.split())


def test_reindex_is_how_to_start_again_empty(desk_dir: Path) -> None:
    resolve().database.write_bytes(b"")
    run(["reindex"], {})
    assert run(["doctor"], {}).returncode == 0
    assert "no matches" in run(["list"], {}).stderr


def test_a_desk_emptied_by_its_editor_is_healthy(desk_dir: Path) -> None:
    with Desk() as desk:
        desk.delete(desk.inbox_ids())
    assert run(["doctor"], {}).returncode == 0
    assert "no matches" in run(["list"], {}).stderr


def test_a_new_zero_byte_desk_is_healthy(isolated_dirs: Path) -> None:
    paths = resolve()
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.database.write_bytes(b"")
    proc = run(["doctor"], {})
    assert "is empty (no articles yet)" in " ".join(proc.stdout.split())


@pytest.mark.parametrize("damage", ["emptied", "marked damaged"])
def test_the_app_refuses_it_before_it_opens(
    desk_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    """The app opened an emptied store as a new desk and wiped the index; one a command
    had found damaged it opened until some read failed."""
    import newsdesk.tui

    started: list[Path] = []

    def opened(paths: Path) -> int:
        started.append(paths)
        return 0

    monkeypatch.setattr(newsdesk.tui, "run", opened)
    paths = resolve()
    if damage == "emptied":
        paths.database.write_bytes(b"")
    else:
        from newsdesk.store.sqlite.connections import mark_damaged

        mark_damaged(paths.database, f"the database {paths.database} is damaged (test)")
    proc = run(["app"], {}, check=False)
    assert proc.returncode == 1 and started == []
    assert ("is empty (zero bytes)" if damage == "emptied" else "is damaged") in proc.stderr
    assert _documents(paths.index_dir) == 3


def test_rows_deleted_outside_newsdesk_are_an_emptied_store(desk_dir: Path) -> None:
    """Its revision unchanged, the emptied store passed: `list` said "No matches" and
    doctor rebuilt the index to nothing."""
    paths = resolve()
    conn = sqlite3.connect(paths.database)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM articles")
        conn.commit()
    finally:
        conn.close()
    proc = run(["list"], {}, check=False)
    assert proc.returncode == 1 and "holds no articles" in proc.stderr
    doctor = run(["doctor"], {}, check=False)
    assert doctor.returncode == 1
    assert _documents(paths.index_dir) == 3
