"""`arrived:` filters by when an article came onto the desk, as `published:` does by
its publication date: editors triage "what came in today, since 9:00".

Before, `arrived:today` said "unknown field arrived" and searched the words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.errors import QuerySyntaxError
from newsdesk.model import Extracted
from newsdesk.rules.matcher import Analysis, Facts, compile_query
from newsdesk.search.engine import SearchEngine
from tests.search.conftest import NOW, found_by_search, indexed

#: When each article arrived (UTC, as the store stamps it). NOW is 2026-11-23 12:00 UTC.
ARRIVALS = {
    "early": "2026-11-23T08:15:00+00:00",
    "late": "2026-11-23T11:30:00+00:00",
    "yesterday": "2026-11-22T17:00:00+00:00",
    "old": "2026-11-01T09:00:00+00:00",
}
ARTICLES = {
    key: Extracted(title=f"Harbour report {key}", body="The harbour board met.", published=None)
    for key in ARRIVALS
}

QUERIES: dict[str, set[str]] = {
    "arrived:today": {"early", "late"},
    "arrived:yesterday": {"yesterday"},
    "arrived:2026-11-23T11:30": {"late"},
    "arrived:>2026-11-23T09:00": {"late"},
    "arrived:>=2026-11-23T08:15 harbour": {"early", "late"},
    "arrived:-2h": {"late"},
    "arrived:>11:00": {"late"},  # a time of day alone is today's
    "arrived:>=8:15": {"early", "late"},
    "arrived:<-1d": {"old"},
    "arrived:2026-11": set(ARRIVALS),
    "arrived:2026-11-01..2026-11-22": {"old", "yesterday"},
    "-arrived:today": {"yesterday", "old"},
}


@pytest.fixture(scope="module")
def engine(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    folder = Path(tmp_path_factory.mktemp("arrived"))
    with indexed(folder, ARTICLES) as (search, ids):
        with sqlite3.connect(folder / "newsdesk.sqlite") as db:
            for key, stamp in ARRIVALS.items():
                db.execute("UPDATE articles SET imported_at = ? WHERE id = ?", (stamp, ids[key]))
        yield search, ids


@pytest.mark.parametrize(("query", "expected"), QUERIES.items())
def test_arrived_finds_what_came_in_then(
    engine: tuple[SearchEngine, dict[str, str]],
    query: str,
    expected: set[str],
) -> None:
    search, ids = engine
    assert found_by_search(search, ids, query) == expected


def test_a_rule_reads_arrived_as_the_search_does(
    engine: tuple[SearchEngine, dict[str, str]],
) -> None:
    search, ids = engine
    names = {v: k for k, v in ids.items()}
    analysis = Analysis()
    facts = [Facts(a, analysis) for a in search.store.get_many(list(ids.values()))]
    for query, expected in QUERIES.items():
        predicate = compile_query(query, analysis, now=NOW)
        assert {names[f.article.id] for f in facts if predicate(f)} == expected, query


def test_a_date_that_is_no_date_is_refused(engine: tuple[SearchEngine, dict[str, str]]) -> None:
    search, _ids = engine
    with pytest.raises(QuerySyntaxError, match="arrived:"):
        search.search("arrived:banana", now=datetime(2026, 11, 23, tzinfo=UTC))
