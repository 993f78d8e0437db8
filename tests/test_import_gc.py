"""While an import stores, the importing process collects garbage less often
(`import_batch.bulk_collection`) and its SQLite connection keeps more pages
(`SqliteStore.bulk_import`)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk import import_batch
from newsdesk.desk import Desk, ImportProgress


@pytest.fixture
def default_thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*before)


def _pages(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"page-{i:02d}.txt").write_text(
            f"Harbour ferry timetable changes, route {i}\n\nBy Ines Abara\n\n"
            f"The harbour ferry on route {i} will leave every {10 + i} minutes from "
            "Monday, the port authority said.\n",
            encoding="utf-8",
        )
    return sorted(folder.iterdir())


def test_an_import_stores_with_raised_thresholds_and_restores_them(
    desk: Desk, tmp_path: Path, default_thresholds: tuple[int, int, int]
) -> None:
    during: list[tuple[int, int, int]] = []

    def progress(_: ImportProgress) -> None:
        during.append(gc.get_threshold())

    summary = desk.import_paths(_pages(tmp_path / "in", 3), progress=progress)
    assert summary.imported == 3
    assert during and all(t == import_batch.BULK_GC_THRESHOLDS for t in during)
    assert gc.get_threshold() == default_thresholds


def test_nested_imports_restore_once_and_never_lower_a_higher_threshold(
    default_thresholds: tuple[int, int, int],
) -> None:
    gc.set_threshold(50_000, 5, 5)
    with import_batch.bulk_collection():
        assert gc.get_threshold() == (
            50_000,
            import_batch.BULK_GC_THRESHOLDS[1],
            import_batch.BULK_GC_THRESHOLDS[2],
        )
        with import_batch.bulk_collection():
            pass
        assert gc.get_threshold()[0] == 50_000  # the inner one ending restores nothing
    assert gc.get_threshold() == (50_000, 5, 5)


def test_an_import_stores_with_a_bigger_page_cache_then_gives_it_back(
    desk: Desk, tmp_path: Path
) -> None:
    from newsdesk.store.sqlite.store import IMPORT_CACHE_KIB, SqliteStore

    store = desk.store
    assert isinstance(store, SqliteStore)

    def cache() -> int:
        return int(store.conn.execute("PRAGMA cache_size").fetchone()[0])

    before = cache()
    during: list[int] = []
    summary = desk.import_paths(
        _pages(tmp_path / "in", 2), progress=lambda _: during.append(cache())
    )
    assert summary.imported == 2
    assert during == [-IMPORT_CACHE_KIB, -IMPORT_CACHE_KIB]
    assert cache() == before != -IMPORT_CACHE_KIB
