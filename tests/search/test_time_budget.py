"""The planning budget is the query's own expansion work, not the wait for the index.

At load 7, with a second window on the same data dir, the one word `enormous`
showed nothing and "the query took too long to prepare": the 0.3 s wall-clock
limit started before the index was opened and counted the wait for it.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsdesk.search.engine as engine_mod
from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from newsdesk.search.index import SearchIndex
from newsdesk.store import Store
from tests.search.conftest import NOW, insert


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[SearchEngine]:
    store = Store(tmp_path / "newsdesk.sqlite")
    insert(
        store,
        {
            f"a{i}": Extracted(
                title=f"Bulletin {i}",
                body=("An enormous wave hit the pier. " if i % 2 else "Calm seas. ") + f"zeb{i}",
                published="2026-11-18T09:00:00+00:00",
            )
            for i in range(8)
        },
    )
    index = SearchIndex(tmp_path / "index", store)
    index.open()
    index.catch_up()
    yield SearchEngine(store, index)
    index.stop()
    store.close()


def _slow_to_open(engine: SearchEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the index waits longer than the whole limit (another window's writer)."""
    reading = engine.index.reading

    @contextlib.contextmanager
    def slow() -> Iterator[Any]:
        time.sleep(engine_mod.TIME_LIMIT + 0.1)
        with reading() as opened:
            yield opened

    monkeypatch.setattr(engine.index, "reading", slow)


@pytest.mark.parametrize("query", ["enormous", "enormous pier", "zeb*", "enormous -calm"])
def test_waiting_for_the_index_does_not_count_against_the_query(
    engine: SearchEngine, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    expected = engine.search(query, now=NOW)
    assert expected.ids
    _slow_to_open(engine, monkeypatch)
    result = engine.search(query, now=NOW)
    assert "too long" not in (result.notice or "")
    assert sorted(result.ids) == sorted(expected.ids)
    assert engine.count(query) == len(expected.ids)
    assert result.stopped is None


def test_expansion_past_its_budget_still_stops_and_says_why(
    engine: SearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_mod, "TIME_LIMIT", -1.0)  # spent before expansion starts
    result = engine.search("zeb*", now=NOW)
    assert result.ids == [] and result.stopped is not None
    assert "too long" in result.stopped and "too long" in (result.notice or "")
