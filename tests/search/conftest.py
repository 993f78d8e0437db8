"""A small news queue in a temp store, indexed, for the search tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.model import Extracted, article_id
from newsdesk.search.engine import SearchEngine
from newsdesk.search.index import SearchIndex
from newsdesk.store import Store

#: "Now" for every date query in these tests (a Monday).
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

ARTICLES: dict[str, Extracted] = {
    "summit": Extracted(
        title="Korea summit ends without a deal",
        dek="Leaders leave Hanoi with no agreement on sanctions",
        body=(
            "Leaders of North Korea and the United States met in Hanoi for two days. "
            "The talks ended early. An investigation into the collapse is under way, "
            "officials said."
        ),
        authors=["Kim Gunn"],
        people=["Kim Jong Un", "Moon Jae-in"],
        organizations=["United Nations"],
        places=["Hanoi", "Pyongyang"],
        source="Radio Free Asia",
        source_short="RFA",
        dateline="HANOI",
        published="2026-11-18T09:00:00+00:00",
        language="en",
    ),
    "floods": Extracted(
        title="Floods sweep villages in Bangladesh",
        dek="Monsoon rains push rivers over their banks",
        body=(
            "Heavy rain flooded hundreds of villages. Investigators said the river rose "
            "faster than forecast. The brothers who run the ferry were rescued."
        ),
        authors=["Ana Díaz"],
        places=["Dhaka"],
        source="Reuters",
        dateline="DHAKA",
        published="2026-11-10T08:00:00Z",
        language="en",
    ),
    "markets": Extracted(
        title="Seoul markets rally on chip exports",
        body="Stocks rose in Seoul as South Korea's exporters of semiconductors gained ground.",
        authors=["Lee Park"],
        places=["Seoul"],
        organizations=["Bank of Korea"],
        source="Yonhap",
        published="2026-10-01",
        language="ko",
        tags=["markets"],
    ),
    "election": Extracted(
        title="Election commission delays the count",
        body="The electoral commission said counting would resume on Monday after a recount.",
        authors=["Maria Silva"],
        people=["Maria Silva"],
        places=["Spain", "United States"],
        source="El Comercio",
        published="2026-11-22T18:00:00Z",
        language="es",
    ),
    "undated": Extracted(
        title="Archive note on ferry safety rules",
        body="A short note about ferry safety rules with no publication date.",
        source="Harbour Weekly",
        language="en",
    ),
}


@dataclass
class Newsroom:
    """A store, its index and an engine, plus the test articles' ids by key."""

    root: Path
    store: Store
    index: SearchIndex
    engine: SearchEngine
    ids: dict[str, str]

    def names(self, ids: list[str]) -> list[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return [by_id.get(i, i) for i in ids]

    def find(self, query: str, **kwargs: object) -> list[str]:
        return self.names(self.engine.search(query, now=NOW, **kwargs).ids)  # type: ignore[arg-type]

    def found(self, query: str) -> set[str]:
        return set(self.find(query))


def insert(store: Store, articles: dict[str, Extracted]) -> dict[str, str]:
    ids: dict[str, str] = {}
    with store.transaction() as tx:
        for key, meta in articles.items():
            outcome = store.insert(tx, article_id(meta), meta, f"test:{key}", None)
            ids[key] = outcome.article_id
    return ids


@pytest.fixture(scope="session")
def _newsroom_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The queue stored and indexed once (~0.13 s); each `newsroom` copies the folder."""
    root = tmp_path_factory.mktemp("newsroom-template")
    store = Store(root / "newsdesk.sqlite")
    ids = insert(store, ARTICLES)
    index = SearchIndex(root / "index", store)
    index.open()
    index.catch_up()
    index.stop()
    store.close()
    return root, ids


@pytest.fixture
def newsroom(tmp_path: Path, _newsroom_template: tuple[Path, dict[str, str]]) -> Iterator[Newsroom]:
    template, ids = _newsroom_template
    shutil.copytree(template, tmp_path, dirs_exist_ok=True)
    store = Store(tmp_path / "newsdesk.sqlite")
    index = SearchIndex(tmp_path / "index", store)
    index.open()
    assert index.catch_up() == 0  # the copy is indexed up to date
    ids = dict(ids)
    room = Newsroom(tmp_path, store, index, SearchEngine(store, index), ids)
    yield room
    index.stop()
    store.close()


@contextmanager
def indexed(
    folder: Path, articles: dict[str, Extracted]
) -> Iterator[tuple[SearchEngine, dict[str, str]]]:
    """`articles` stored and indexed in `folder`: the engine and each key's article id."""
    store = Store(folder / "newsdesk.sqlite")
    ids = insert(store, articles)
    index = SearchIndex(folder / "index", store)
    index.open()
    index.catch_up()
    try:
        yield SearchEngine(store, index), ids
    finally:
        index.stop()
        store.close()


def found_by_search(search: SearchEngine, ids: dict[str, str], query: str) -> set[str]:
    """What a search finds of the stored articles (keys, as `ids`)."""
    names = {v: k for k, v in ids.items()}
    return {names[i] for i in search.search(query, now=NOW, limit=None).ids}


def found_by_rules(
    search: SearchEngine, ids: dict[str, str], queries: dict[str, set[str]]
) -> dict[str, set[str]]:
    """What the rules on arrival match of the stored articles, by query (keys, as `ids`)."""
    from newsdesk.rules.matcher import Analysis, Facts, compile_query

    names = {v: k for k, v in ids.items()}
    analysis = Analysis()
    facts = [Facts(a, analysis) for a in search.store.get_many(list(ids.values()))]
    found: dict[str, set[str]] = {}
    for query in queries:
        predicate = compile_query(query, analysis)
        found[query] = {names[f.article.id] for f in facts if predicate(f)}
    return found
