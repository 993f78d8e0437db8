"""Fuzzing: whatever is typed, parse and search answer or raise QuerySyntaxError, never crash.

A few hundred examples per test in CI, the same ones every run; set NEWSDESK_FUZZ_EXAMPLES
for a longer run and NEWSDESK_FUZZ_RANDOM=1 for new examples.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.model import article_id
from newsdesk.search.engine import SearchEngine, SearchResult
from newsdesk.search.index import SearchIndex
from newsdesk.search.query import ParsedQuery, QuerySyntaxError, parse
from newsdesk.store import Store

from .conftest import ARTICLES, NOW, insert

EXAMPLES = int(os.environ.get("NEWSDESK_FUZZ_EXAMPLES", "0"))
#: Every id a search may answer with.
STORED_IDS = frozenset(article_id(meta) for meta in ARTICLES.values())

PIECES = [
    "korea",
    "Korea",
    "summit",
    "floods",
    "the",
    "of",
    "north",
    "investigat*",
    "kor*",
    "ko*",
    "x*",
    "*",
    "**",
    "-",
    "--",
    "+",
    "!",
    "|",
    "&",
    "OR",
    "AND",
    "NOT",
    "or",
    "(",
    ")",
    "((",
    '"',
    '"north korea"',
    "'",
    ":",
    "::",
    "title:",
    "title:summit",
    "title:(",
    "author:kim",
    'person:"kim jong un"',
    "org:",
    "place:hanoi",
    "source:reuters",
    "dateline:hanoi",
    "lang:ko",
    "id:",
    "id:ab",
    "related:",
    "related:00",
    "is:",
    "is:starred",
    "is:unread",
    "-is:read",
    "is:archived",
    "is:bogus",
    "in:all",
    "in:archive",
    "in:x",
    "tag:",
    "tag:x*",
    "tag:markets",
    "published:",
    "published:2026-11",
    "published:2026-11-18",
    "published:>-7d",
    "published:<=2026-11-18",
    "published:2026-11-01..2026-11-18",
    "published:..",
    "published:>banana",
    "published:-99999y",
    "published:9999",
    "published:0000-00-00",
    "published:today",
    "before:",
    "after:-3d",
    "foo:bar",
    "10:30",
    "http://x.org/a",
    "\x00",
    "\x1b[31m",
    "\t",
    "\n",
    "é",
    "Ж",
    "한국",
    "😀",
    "\u200b",
    "%",
    "_",
    "\\",
    "'; DROP TABLE articles; --",
    "?",
    "~2",
    "^3",
    "[a TO b]",
    "{}",
    # Shapes the reliability fuzzer brought (merged here: one fuzzer per parser).
    "date:2026-01-01..2026-12-31",
    "before:yesterday",
    "after:0000-01-01",
    "after:9999-12-31",
    "like:x",
    "title:(a OR b)",
    "related:abcdef1234567890",
    "[bold]",
    "NOT NOT",
    "((((",
    "))))",
    '""',
    "-(a)",
    "a*b*c",
    "*" * 50,
    "x" * 300,
    "ß",
    "İ",
    "ﬁ",
    "東京",
    "🇺🇦",
    "Gdańsk",
]

query_texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
    st.text(max_size=60),
    st.text(max_size=200),
)


def fuzz_settings(default: int) -> settings:
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@fuzz_settings(2000)
@given(text=query_texts)
def test_parse_answers_or_explains(text: str) -> None:
    try:
        parsed = parse(text, now=NOW)
    except QuerySyntaxError as exc:
        message = str(exc)
        assert message and "\n" not in message and len(message) < 400
        assert "Traceback" not in message
        return
    assert isinstance(parsed, ParsedQuery)
    assert parsed.root is not None or not parsed.terms
    assert all(isinstance(t, str) and t for t in parsed.terms)
    assert all(isinstance(w, str) and "\n" not in w for w in parsed.warnings)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchEngine]:
    root: Path = tmp_path_factory.mktemp("fuzz")
    store = Store(root / "newsdesk.sqlite")
    insert(store, ARTICLES)
    index = SearchIndex(root / "index", store)
    index.open()
    index.catch_up()
    yield SearchEngine(store, index)
    index.stop()
    store.close()


@fuzz_settings(500)
@given(
    text=query_texts,
    sort=st.sampled_from(["relevance", "newest"]),
    limit=st.sampled_from([None, 1, 3]),
)
def test_search_answers_or_explains(
    engine: SearchEngine, text: str, sort: str, limit: int | None
) -> None:
    try:
        result = engine.search(text, sort=sort, limit=limit, now=NOW)  # type: ignore[arg-type]
    except QuerySyntaxError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(result, SearchResult)
    assert len(result.ids) == len(set(result.ids))
    assert set(result.ids) <= STORED_IDS
    assert not engine.index.damaged
    assert limit is None or len(result.ids) <= limit
    assert result.total >= len(result.ids)
    assert engine.count(text, now=NOW) >= 0
