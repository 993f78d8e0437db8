"""Files share transactions, each in its own savepoint; a file is reported only once committed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from newsdesk import import_batch
from newsdesk.desk import Desk, ImportProgress
from newsdesk.errors import StoreError


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"page-{i:02d}.txt"
        path.write_text(
            f"Lakeside library extends hours, branch {i}\n\nBy Tove Lindqvist\n\n"
            f"The Lakeside library branch {i} will open until nine from Monday, "
            f"the council said, after a petition signed by {100 + i} readers.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _stored(desk: Desk) -> int:
    with closing(
        sqlite3.connect(desk.paths.database)
    ) as conn:  # another connection: committed rows only
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_files_are_reported_only_once_committed(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_batch, "BATCH_FILES", 4)
    monkeypatch.setattr(import_batch, "BATCH_SECONDS", 60.0)  # batches by count only
    files = _pages(tmp_path / "in", 10)
    seen: list[tuple[int, int]] = []

    def progress(p: ImportProgress) -> None:
        seen.append((p.done, _stored(desk)))

    summary = desk.import_paths(files, progress=progress)
    assert summary.imported == 10 and not summary.failed
    assert [done for done, _ in seen] == list(range(1, 11))
    # Each report comes after its file's commit: another connection already sees it.
    assert all(stored >= done for done, stored in seen)
    assert [stored for _, stored in seen] == [4, 4, 4, 4, 8, 8, 8, 8, 10, 10]  # 3 commits


def test_a_file_that_fails_to_store_is_undone_alone(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _pages(tmp_path / "in", 6)
    real = desk._storer.store_in

    def failing(
        tx: object, items: object, origin: str, *args: object, **kw: object
    ) -> tuple[list[str], int]:
        created = real(tx, items, origin, *args, **kw)  # type: ignore[arg-type]
        if origin.endswith("page-03.txt"):
            raise StoreError("disk I/O error")  # after its rows were written
        return created

    monkeypatch.setattr(desk._storer, "store_in", failing)
    summary = desk.import_paths(files)
    assert [f.path.endswith("page-03.txt") for f in summary.failed] == [True]
    assert "could not store articles from" in (summary.failed[0].error or "")
    assert summary.imported == 5 and _stored(desk) == 5  # the others, whole
    assert len(summary.files) == 6 and len(summary.imported_ids) == 5


def test_a_failed_commit_reports_every_file_of_its_batch(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_batch, "BATCH_FILES", 3)
    monkeypatch.setattr(import_batch, "BATCH_SECONDS", 60.0)
    files = _pages(tmp_path / "in", 5)
    real = desk.store.transaction
    commits = {"n": 0}

    @contextmanager
    def second_commit_fails() -> Iterator[object]:
        with real() as tx:
            yield tx
            commits["n"] += 1
            if commits["n"] == 2:
                tx.execute("ROLLBACK")  # type: ignore[attr-defined]
                raise StoreError("database or disk is full")

    monkeypatch.setattr(desk.store, "transaction", second_commit_fails)
    summary = desk.import_paths(files)
    failed = [Path(f.path).name for f in summary.failed]
    assert failed == ["page-03.txt", "page-04.txt"]  # the second batch, nothing of it stored
    assert summary.imported == 3 and _stored(desk) == 3
    assert all("disk is full" in (f.error or "") for f in summary.failed)
