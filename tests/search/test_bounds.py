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


@pytest.fixture(scope="module")
def prefix_heavy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchEngine]:
    """400 articles over 20 families of words sharing a prefix (`ban...`, `ben...`), two
    families to an article, each word in about 40 articles: negated prefixes have
    postings to read."""
    tmp = tmp_path_factory.mktemp("prefix_heavy")
    stems = [f"{a}{b}n" for a in "bdfgk" for b in "aeio"]
    store = Store(tmp / "newsdesk.sqlite")
    articles = {
        f"a{i}": Extracted(
            title=f"Dispatch {i}" + (" harbour" if i % 3 == 0 else ""),
            body=" ".join(
                f"{stem}{end}"
                for stem in (stems[i % 20], stems[(i // 20) % 20])
                for end in ("ar", "el", "is", "on", "ux")
            ),
            published="2026-11-18T09:00:00+00:00",
        )
        for i in range(400)
    }
    insert(store, articles)
    index = SearchIndex(tmp / "index", store)
    index.open()
    index.catch_up()
    engine = SearchEngine(store, index)
    engine.stems = stems  # type: ignore[attr-defined]
    yield engine
    index.stop()
    store.close()


def test_negated_prefixes_are_a_bounded_set_difference(
    prefix_heavy: SearchEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """16 negated prefixes and a word: Whoosh's Not over each prefix's union of terms
    was built before any clock ran (1.0-1.3 s on a 10,000-article index under load).
    Now the excluded documents are read term by term into a set within a work
    budget, and the answer is the exact set difference."""
    import newsdesk.search.engine as engine_mod
    import newsdesk.search.to_whoosh as to_whoosh

    monkeypatch.setattr(engine_mod, "TIME_LIMIT", 60.0)  # work is bounded here, not time
    stems: list[str] = prefix_heavy.stems  # type: ignore[attr-defined]

    def found(query: str) -> set[str]:
        return set(prefix_heavy.search(query, now=NOW).ids)

    harbour = found("harbour")
    assert len(harbour) == 134
    # The first 16 families excluded: left are the articles of the last four only.
    query = "harbour " + " ".join(f"-{stem}*" for stem in stems[:16])
    result = prefix_heavy.search(query, now=NOW)
    expected = set(harbour)
    for stem in stems[:16]:
        expected -= found(f"{stem}*")  # alone, each prefix gets all of its terms
    assert set(result.ids) == expected and 0 < len(expected) < len(harbour)
    assert not result.partial and result.notice is None
    assert 0 < result.work <= to_whoosh.MAX_WORK
    # Over the budget: nothing shown, flagged partial, said why; the work stops at the budget.
    monkeypatch.setattr(to_whoosh, "MAX_WORK", result.work // 2)
    over = prefix_heavy.search(query, now=NOW)
    assert over.ids == [] and over.partial and "too much" in (over.notice or "")
    assert over.work <= result.work // 2 + 400  # one term's postings at most past the line
    # Negated prefixes alone (ordered by the store, minus the set) are bounded alike.
    alone = prefix_heavy.search(" ".join(f"-{stem}*" for stem in stems[:16]), now=NOW)
    assert alone.ids == [] and alone.partial and "too much" in (alone.notice or "")
    assert prefix_heavy.count(query) == 0
