"""Plain words ranked over arrays give Whoosh's own answer: the same documents, same order."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh import fields
from whoosh import query as wq
from whoosh.filedb.filestore import FileStorage

from newsdesk.errors import SearchSuperseded
from newsdesk.search import vector_rank
from newsdesk.search.query import Flag
from newsdesk.search.scoring import CachedLengthBM25F

from .conftest import NOW, Newsroom

WORDS = ["strike", "harbour", "council", "flood", "vote", "pay", "crane", "rail", "storm"]
FIELDS = (("title", 3.0), ("dek", 1.5), ("body", 1.0), ("source", 1.0))


def _index(tmp_path: Path, *, deletions: bool = False) -> Any:
    schema = fields.Schema(
        id=fields.ID(stored=True, sortable=True),  # a column, as the app's schema has
        title=fields.TEXT,
        dek=fields.TEXT,
        body=fields.TEXT,
        source=fields.KEYWORD(lowercase=True),  # not scored by length: Whoosh's weight scorer
    )
    ix = FileStorage(str(tmp_path)).create_index(schema)
    rng = random.Random(7)
    n = 0
    # Segments of several sizes; many documents alike, so that scores tie often
    # (ties are where a different order of additions would show).
    for size in (40, 3, 180, 1):
        writer = ix.writer()
        for _ in range(size):
            words = [rng.choice(WORDS) for _ in range(rng.choice((3, 3, 8, 20)))]
            writer.add_document(
                id=f"a{n}",
                title=" ".join(words[:3]),
                dek=" ".join(words[1:5]) if n % 3 else "",
                body=" ".join(words),
                source=rng.choice(["Strike Weekly", "harbour", "flood"]),
            )
            n += 1
        writer.commit(merge=False)
    if deletions:
        writer = ix.writer()
        for victim in range(0, n, 7):
            writer.delete_by_term("id", f"a{victim}")
        writer.commit(merge=False)
    return ix


def _word(text: str) -> wq.Query:
    return wq.Or([wq.Term(field, text, boost=boost) for field, boost in FIELDS])


def _whoosh(searcher: Any, query: wq.Query, cap: int) -> list[int]:
    # Every match ranked, then cut: Whoosh's own top-N collector skips blocks by an
    # upper bound of their scores and, with unions of unions, misses some of them.
    return [hit.docnum for hit in searcher.search(query, limit=None)][:cap]


@pytest.mark.parametrize(
    "matcher_type", [wq.Or.AUTO_MATCHER, wq.Or.DEFAULT_MATCHER, wq.Or.ARRAY_MATCHER]
)
@pytest.mark.parametrize("deletions", [False, True])
def test_same_documents_in_the_same_order_as_whoosh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, matcher_type: int, deletions: bool
) -> None:
    # Whoosh unites a union's parts by a tree of two-way unions or by an array,
    # depending on the segment; each way adds the parts in its own order.
    monkeypatch.setattr(wq.Or, "matcher_type", matcher_type)
    ix = _index(tmp_path, deletions=deletions)
    with ix.searcher(weighting=CachedLengthBM25F()) as searcher:
        for text in WORDS:
            query = _word(text)
            for cap in (10_000, 25):
                ranked = vector_rank.rank(searcher, query, cap)
                assert ranked is not None
                docs, total = ranked
                assert docs == _whoosh(searcher, query, cap), (text, cap)
                assert total == len(_whoosh(searcher, query, 10_000))
            # The very numbers: a part added in another order differs in the last bit.
            found = vector_rank.scores(searcher, query)
            assert found is not None
            theirs = {hit.docnum: hit.score for hit in searcher.search(query, limit=None)}
            assert dict(zip(found[0].tolist(), found[1].tolist(), strict=True)) == theirs
        # Two or three words, joined by AND or OR (a tree of two-way joins).
        evaluated = 0
        for joined in (
            wq.And([_word("strike"), _word("pay")]),
            wq.Or([_word("strike"), _word("flood")]),
            wq.And([_word("harbour"), _word("vote"), _word("rail")]),
            wq.Or([_word("crane"), _word("storm"), _word("council")]),
            wq.And([wq.Or([_word("strike"), _word("flood")]), _word("harbour")]),
        ):
            found = vector_rank.scores(searcher, joined)
            if found is None:
                continue  # a tie in Whoosh's grouping: Whoosh ranks it
            evaluated += 1
            theirs = {hit.docnum: hit.score for hit in searcher.search(joined, limit=None)}
            assert dict(zip(found[0].tolist(), found[1].tolist(), strict=True)) == theirs
            ranked = vector_rank.rank(searcher, joined, 30)
            assert ranked is not None and ranked[0] == _whoosh(searcher, joined, 30)
        assert evaluated >= 3
        # One term, and a term with a boost, alone.
        for query in (wq.Term("body", "crane"), wq.Term("title", "vote", boost=2.0)):
            ranked = vector_rank.rank(searcher, query, 10_000)
            assert ranked is not None and ranked[0] == _whoosh(searcher, query, 10_000)


def test_allowed_and_hidden_documents(tmp_path: Path) -> None:
    ix = _index(tmp_path, deletions=True)
    with ix.searcher(weighting=CachedLengthBM25F()) as searcher:
        query = _word("harbour")
        everything = _whoosh(searcher, query, 10_000)
        allow = set(everything[::2]) | {10_000_000}  # a number no document has
        hidden = set(everything[:5])
        ranked = vector_rank.rank(searcher, query, 10_000, allow=allow, restrict=hidden)
        assert ranked is not None
        want = [d for d in everything if d in allow and d not in hidden]
        assert ranked == (want, len(want)) and want


def test_a_word_no_document_has_and_other_shapes(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    with ix.searcher(weighting=CachedLengthBM25F()) as searcher:
        assert vector_rank.rank(searcher, _word("quay"), 100) == ([], 0)
        for other in (
            wq.AndNot(wq.Term("body", "strike"), wq.Term("body", "pay")),
            wq.Phrase("body", ["harbour", "strike"]),
            wq.Prefix("body", "har"),
            wq.Or([wq.Term("body", "strike"), wq.Prefix("body", "har")]),
            wq.Or([wq.Term("body", "strike"), wq.Term("body", "pay")], scale=0.9),
        ):
            assert vector_rank.rank(searcher, other, 100) is None  # Whoosh ranks these


@pytest.mark.parametrize(
    "query",
    [
        "korea",
        "korea is:starred",
        "korea is:unread",
        "korea -is:read",
        "korea -hanoi",
        "seoul OR hanoi",
        "korea is:starred -seoul",
        "is:archived korea",
        "korea lang:en",
        "flood*",
    ],
)
def test_the_engine_answers_as_with_whoosh_alone(
    newsroom: Newsroom, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    """Words with store conditions (`is:`, `lang:`), exclusions and the hidden mask:
    the ranked matches checked against the store give what Whoosh's filter gave."""
    store = newsroom.store
    store.apply("star", [newsroom.ids["summit"], newsroom.ids["markets"]], {"starred": True})
    store.apply("read", [newsroom.ids["markets"]], {"read": True})
    store.apply("archive", [newsroom.ids["floods"]], {"archived": True})
    ours = newsroom.engine.search(query, now=NOW)
    monkeypatch.setattr(vector_rank, "is_plain_union", lambda q: False)
    theirs = newsroom.engine.search(query, now=NOW)
    assert (ours.ids, ours.total, ours.notice) == (theirs.ids, theirs.total, theirs.notice)


def test_the_store_says_which_ranked_matches_meet_its_conditions(newsroom: Newsroom) -> None:
    store = newsroom.store
    summit, markets = newsroom.ids["summit"], newsroom.ids["markets"]
    store.apply("star", [summit], {"starred": True})
    assert store.matching([summit, markets, "no-such-id"], Flag("starred")) == {summit}
    assert store.matching([], Flag("starred")) == set()
    assert store.matching([summit, markets]) == {summit, markets}


class _Sizes:
    """A reader that only knows each term's document frequency (its estimated size)."""

    def __init__(self, sizes: dict[str, int]) -> None:
        self.sizes = sizes
        self.schema = fields.Schema(body=fields.TEXT)

    def doc_frequency(self, fieldname: str, text: bytes) -> int:
        return self.sizes[text.decode()]


def test_parts_join_in_whooshs_order_where_it_decides_the_last_bit() -> None:
    # 1e16 + 1 rounds back to 1e16: only joining the two small scores first keeps them.
    big, small = np.array([1e16]), np.array([1.0])
    hit = np.array([True])
    parts = [(hit, small), (hit, small), (hit, big)]
    reader = _Sizes({"a": 1, "b": 2, "c": 3})
    terms = [wq.Term("body", text) for text in "abc"]
    # Or: the two smallest estimates (a, b) first, as Whoosh's make_weighted_tree does.
    _, scores = vector_rank._tree(wq.Or(terms), parts, reader)
    assert scores[0] == 1e16 + 2
    # And: the two largest estimates first (weights are negated sizes): b and c.
    _, scores = vector_rank._tree(wq.And(terms), parts, reader)
    assert scores[0] == 1e16
    # A tie for which two join next leaves the query to Whoosh.
    with pytest.raises(vector_rank.Unsupported):
        vector_rank._tree(wq.Or(terms), parts, _Sizes({"a": 1, "b": 2, "c": 2}))


def test_a_newer_search_ends_this_one(tmp_path: Path) -> None:
    ix = _index(tmp_path)
    with ix.searcher(weighting=CachedLengthBM25F()) as searcher:
        with pytest.raises(SearchSuperseded):
            vector_rank.rank(searcher, _word("strike"), 10, should_stop=lambda: True)
        assert vector_rank.rank(searcher, _word("strike"), 10, should_stop=lambda: False)
