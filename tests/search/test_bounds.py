"""Every search is bounded (issue 17 item 6).

990 `!` or `-` before a word raised RecursionError (the parser recursed once per
negation); now negations are read in a loop and cancel in pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.model import Extracted
from newsdesk.search.engine import SearchEngine
from newsdesk.search.index import SearchIndex
from newsdesk.search.query import Not, Words, parse
from newsdesk.store import Store
from tests.search.conftest import NOW, Newsroom, insert


@pytest.mark.parametrize("mark", ["!", "-", "NOT ", "- ", "-!", "! "])
@pytest.mark.parametrize("count", [990, 991])
def test_long_runs_of_negations_are_read_without_recursion(
    newsroom: Newsroom, mark: str, count: int
) -> None:
    # As many as fit in a query (2,000 characters), keeping the parity of `count`.
    times = min(count, 1_990 // len(mark))
    times -= (times - count) % 2
    text = mark * times + "korea"
    root = parse(text).root
    assert isinstance(root, Not | Words)  # at most one level, however long the run
    found = newsroom.found(text)
    korea = newsroom.found("korea")
    if isinstance(root, Not):
        assert found == newsroom.found("-korea") and not found & korea
    else:
        assert found == korea


def test_too_many_prefixes_or_related_is_a_one_line_error() -> None:
    from newsdesk.errors import QuerySyntaxError
    from newsdesk.search.query import MAX_PREFIXES, MAX_RELATED

    parse(" OR ".join(f"wor{i}*" for i in range(MAX_PREFIXES)))
    with pytest.raises(QuerySyntaxError, match="too many prefix"):
        parse(" OR ".join(f"wor{i}*" for i in range(MAX_PREFIXES + 1)))
    with pytest.raises(QuerySyntaxError, match="too many prefix"):
        parse(" ".join(f"-wor{i}*" for i in range(MAX_PREFIXES + 1)))
    parse(" OR ".join(f"related:abcdef{i}" for i in range(MAX_RELATED)))
    with pytest.raises(QuerySyntaxError, match="too many related"):
        parse(" OR ".join(f"related:abcdef{i}" for i in range(MAX_RELATED + 1)))


@pytest.fixture
def many_words(tmp_path: Path) -> Iterator[SearchEngine]:
    """Articles whose bodies hold 120 words starting `zeb` and `qua` (one prefix, many terms)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = [f"{stem}{a}{b}" for stem in ("zeb", "qua") for a in letters[:10] for b in letters[:6]]
    store = Store(tmp_path / "newsdesk.sqlite")
    articles = {
        f"a{i}": Extracted(
            title=f"Bulletin number {i}",
            body=" ".join(words[i::6]) + f" plain{i}",
            published="2026-11-18T09:00:00+00:00",
        )
        for i in range(6)
    }
    insert(store, articles)
    index = SearchIndex(tmp_path / "index", store)
    index.open()
    index.catch_up()
    yield SearchEngine(store, index)
    index.stop()
    store.close()


def test_many_prefixes_share_the_expansion_and_say_the_result_is_partial(
    many_words: SearchEngine,
) -> None:
    alone = many_words.search("zeb*", now=NOW)
    assert len(alone.ids) == 6 and not alone.partial
    # Sixteen prefixes: each keeps only its most frequent terms; the result says so.
    fillers = " OR ".join(f"nothing{i}*" for i in range(14))
    shared = many_words.search(f"zeb* OR qua* OR {fillers}", now=NOW)
    assert shared.partial and "prefixes" in (shared.notice or "")
    # Negated prefixes cut as well are flagged, never silently incomplete.
    negated = many_words.search(
        "bulletin " + " ".join(f"-nothing{i}*" for i in range(14)) + " -zeb* -qua*", now=NOW
    )
    assert negated.partial and "prefixes" in (negated.notice or "")


def test_planning_past_the_time_limit_shows_nothing_and_says_so(
    many_words: SearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limit covers every branch, not only the collector: here, prefix expansion."""
    import newsdesk.search.engine as engine_mod

    monkeypatch.setattr(engine_mod, "TIME_LIMIT", -1.0)  # already past when planning starts
    for query in ("zeb*", "bulletin -zeb*", "-qua* -zeb*", "zeb* OR is:starred"):
        result = many_words.search(query, now=NOW)
        assert result.partial and result.ids == [] and "too long" in (result.notice or ""), query
    assert many_words.count("bulletin -zeb*") == 0
