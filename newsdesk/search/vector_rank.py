"""Ranking a search of plain words with arrays: every match scored at once.

A word typed in the search box becomes one term in five fields (title^3,
dek^1.5, body, source, authors), a union. Whoosh scores such a union one
posting at a time in Python, about 12 µs a match: 65-165 ms for a word found
in 6-30% of 100,000 articles, most of the time from the last keystroke to the
results. Here Whoosh still builds its matchers for each segment (which
postings, which scorer, how the union is grouped), and they are evaluated over
arrays: each term's postings read a block at a time, BM25F computed with
Whoosh's own formula and numbers (idf, average length, each document's stored
length), the parts added up in the tree Whoosh built (its additions are
floating-point: grouped differently, ties between equal articles break
differently), and the matches ordered by score, then document number, as
Whoosh's collector orders them. The same ids in the same order, checked
against Whoosh by the tests.

Any other query shape (phrases, prefixes, AND, NOT, a coordination bonus), any
other matcher or scorer, answers None, and the caller ranks with Whoosh.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh import scoring
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import ArrayUnionMatcher, ListMatcher, NullMatcherClass, UnionMatcher
from whoosh.matching.wrappers import FilterMatcher, WrappingMatcher

from newsdesk.errors import SearchSuperseded
from newsdesk.search.scoring import field_lengths

#: A node's value over one segment: which documents it matches, and their scores.
Scored = tuple[np.ndarray, np.ndarray]


class Unsupported(Exception):
    """A matcher or scorer this module does not evaluate: rank with Whoosh."""


def is_plain_union(query: wq.Query) -> bool:
    """One term, or a union of terms (a word in its fields), or two such joined by AND
    or OR (two words), nested: the shapes evaluated here."""
    kind = type(query)
    if kind is wq.Term:
        return True
    if kind is wq.Or and (query.scale or query.minmatch):
        return False
    if kind is wq.Or or kind is wq.And:
        return all(is_plain_union(sub) for sub in query.subqueries)
    return False


def rank(
    searcher: Any,
    query: wq.Query,
    cap: int | None,
    allow: set[int] | None = None,
    restrict: set[int] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[list[int], int] | None:
    """The best `cap` (None: all) document numbers by score (ties by number) and how
    many match; None when the query or some segment cannot be evaluated here.
    `should_stop` is asked between segments (`SearchSuperseded` when it says so)."""
    found = scores(searcher, query, should_stop)
    if found is None:
        return None
    docs, values = found
    keep = np.ones(len(docs), dtype=bool)
    if allow is not None:
        keep &= np.isin(docs, np.fromiter(allow, dtype=np.int64, count=len(allow)))
    if restrict:
        keep &= ~np.isin(docs, np.fromiter(restrict, dtype=np.int64, count=len(restrict)))
    docs, values = docs[keep], values[keep]
    # Highest score first, then the lower document number (Whoosh's order).
    order = np.lexsort((docs, -values))[:cap]
    return docs[order].tolist(), len(docs)


def scores(
    searcher: Any, query: wq.Query, should_stop: Callable[[], bool] | None = None
) -> tuple[np.ndarray, np.ndarray] | None:
    """Every matching document number (over all segments) and its score, the very
    number Whoosh's matchers give; None when this module cannot evaluate it."""
    if not is_plain_union(query):
        return None
    context = searcher.context()  # what `search_with_collector` gives its collector
    found_docs: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    found_scores: list[np.ndarray] = [np.zeros(0)]
    try:
        for leaf, offset in searcher.leaf_searchers():
            if should_stop is not None and should_stop():
                raise SearchSuperseded("a newer search replaced this one")
            matched, values = _segment(query, leaf, context, leaf.doc_count_all())
            docs = np.flatnonzero(matched)
            found_docs.append(docs + offset)
            found_scores.append(values[docs])
    except Unsupported:
        return None
    return np.concatenate(found_docs), np.concatenate(found_scores)


def _segment(query: wq.Query, leaf: Any, context: Any, size: int) -> Scored:
    """The query's matches and scores in one segment.

    Whoosh unites a union's parts in a segment of up to 5,000 documents by
    adding them into an array in the query's order (`PreloadedOr`), and builds
    that array when the matcher is made, a posting at a time: that case is
    evaluated here from the parts' own matchers, in the same order, without
    making Whoosh's. Bigger segments get a tree of two-way unions, cheap to make.
    """
    reader = leaf.reader()
    kind = type(query)
    subs = query.subqueries if kind is wq.Or or kind is wq.And else []
    if kind is wq.Or and len(subs) > 1 and _preloaded(query, leaf, context):
        total = np.zeros(size)
        for sub in subs:
            matched, scores = _segment(sub, leaf, context, size)
            total[matched] += scores[matched] * query.boost  # in order, from 0.0
        return total > 0, total
    if kind is wq.And or (kind is wq.Or and any(type(sub) is not wq.Term for sub in subs)):
        if len(subs) == 1:
            return _segment(subs[0], leaf, context, size)
        matched, scores = _tree(query, [_segment(sub, leaf, context, size) for sub in subs], reader)
        return matched, scores * query.boost if query.boost != 1.0 else scores
    return _evaluate(query.matcher(leaf, context), reader, size)


def _tree(query: wq.Query, parts: list[Scored], reader: Any) -> Scored:
    """The parts joined as Whoosh joins them: a tree of two-way intersections (And) or
    unions (Or), built by `make_weighted_tree` from each part's estimated size (the
    two smallest weights first). Each join adds two scores, so the grouping decides
    the last bit of a sum. Where a tie leaves open which two join next, Whoosh's
    choice depends on how its matcher objects compare: the query is left to Whoosh."""
    is_and = type(query) is wq.And
    sign = -1 if is_and else 1
    nodes = sorted(
        (
            (sign * sub.estimate_size(reader), part)
            for sub, part in zip(query.subqueries, parts, strict=True)
        ),
        key=lambda node: node[0],
    )
    while len(nodes) > 1:
        if len(nodes) > 2 and nodes[1][0] == nodes[2][0]:
            raise Unsupported("which parts Whoosh joins first is a tie")
        (weight_a, (in_a, a)), (weight_b, (in_b, b)) = nodes[0], nodes[1]
        if is_and:
            joined = (in_a & in_b, np.where(in_a & in_b, a + b, 0.0))
        else:
            joined = (in_a | in_b, np.where(in_a & in_b, a + b, np.where(in_a, a, b)))
        nodes = sorted([*nodes[2:], (weight_a + weight_b, joined)], key=lambda node: node[0])
    return nodes[0][1]


def _preloaded(query: wq.Or, leaf: Any, context: Any) -> bool:
    """Whether `Or._matcher` picks its array union (`PreloadedOr`) for this segment."""
    if query.matcher_type == wq.Or.ARRAY_MATCHER:
        return True
    if query.matcher_type != wq.Or.AUTO_MATCHER:
        return False
    subs = len(query.subqueries)
    needs_current = context.needs_current if context else True
    return not (
        subs < query.TOO_MANY_CLAUSES
        and (needs_current or query.scale or subs == 2 or leaf.doc_count_all() > 5000)
    )


def _evaluate(matcher: Any, reader: Any, size: int) -> Scored:
    """A matcher's matches and scores over its segment (`size` documents)."""
    kind = type(matcher)
    if kind is NullMatcherClass:
        return np.zeros(size, dtype=bool), np.zeros(size)
    if kind is W3LeafMatcher or kind is ListMatcher:
        return _leaf(matcher, reader, size)
    if kind is WrappingMatcher:  # a term's boost
        matched, scores = _evaluate(matcher.child, reader, size)
        return matched, scores * matcher.boost
    if kind is FilterMatcher:  # the segment's deleted documents left out
        matched, scores = _evaluate(matcher.child, reader, size)
        listed = np.zeros(size, dtype=bool)
        listed[np.fromiter(matcher._ids, dtype=np.int64, count=len(matcher._ids))] = True
        matched = matched & ~listed if matcher._exclude else matched & listed
        return matched, scores * matcher.boost
    if kind is UnionMatcher:
        in_a, a = _evaluate(matcher.a, reader, size)
        in_b, b = _evaluate(matcher.b, reader, size)
        # Both: a + b; one: its own score (UnionMatcher.score).
        return in_a | in_b, np.where(in_a & in_b, a + b, np.where(in_a, a, b))
    if kind is ArrayUnionMatcher and matcher._scored:
        total = np.zeros(size)
        for sub in matcher._submatchers:
            matched, scores = _evaluate(sub, reader, size)
            total[matched] += scores[matched] * matcher._boost  # in order, from 0.0
        return total > 0, total
    raise Unsupported(kind.__name__)


def _leaf(matcher: Any, reader: Any, size: int) -> Scored:
    """A term's postings in this segment, scored by the matcher's scorer."""
    term = matcher._term
    if term is None:
        raise Unsupported("a leaf without its term")
    fieldname, text = term
    if type(matcher) is ListMatcher:
        # Inlined postings: the matcher holds them all (and may have moved on).
        ids = np.asarray(matcher._ids, dtype=np.int64)
        if matcher._all_weights:
            weights = np.full(len(ids), float(matcher._all_weights))
        elif matcher._weights:
            weights = np.asarray(matcher._weights, dtype=np.float64)
        else:
            weights = np.ones(len(ids))
        scorer = matcher._scorer
    else:
        # A fresh reader of the same postings: a union may have read some already.
        fresh = reader._terms.matcher(fieldname, text, reader.schema[fieldname].format)
        if type(fresh) is not W3LeafMatcher:
            raise Unsupported(type(fresh).__name__)
        ids, weights = _blocks(fresh)
        scorer = matcher.scorer
    matched = np.zeros(size, dtype=bool)
    scores = np.zeros(size)
    matched[ids] = True
    scores[ids] = _scores(scorer, reader, fieldname, ids, weights)
    return matched, scores


def _blocks(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """Every posting's document number and weight (term frequency), block by block."""
    id_blocks: list[np.ndarray] = []
    weight_blocks: list[np.ndarray] = []
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        if matcher._weights is None:
            matcher._read_weights()
        id_blocks.append(np.asarray(matcher._ids, dtype=np.int64))
        weight_blocks.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


def _scores(
    scorer: Any, reader: Any, fieldname: str, ids: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Each posting's score, as `scorer.score` would give it."""
    if scorer is None or type(scorer) is scoring.WeightScorer:
        return weights
    if type(scorer) is not scoring.BM25FScorer:
        raise Unsupported(type(scorer).__name__)
    lengths = _lengths_array(reader, fieldname)
    if lengths is None:
        raise Unsupported("no stored lengths")
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    # Whoosh's bm25(), operation for operation, so the numbers are the same.
    return idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths[ids] / avgfl)))


_ARRAYS: weakref.WeakKeyDictionary[Any, dict[str, np.ndarray | None]] = weakref.WeakKeyDictionary()


def _lengths_array(reader: Any, fieldname: str) -> np.ndarray | None:
    """`scoring.field_lengths` as an array, made once per segment reader."""
    try:
        per_reader = _ARRAYS.setdefault(reader, {})
    except TypeError:  # a reader that cannot be weakly referenced
        return None
    if fieldname not in per_reader:
        lengths = field_lengths(reader, fieldname)
        per_reader[fieldname] = None if lengths is None else np.asarray(lengths, dtype=np.float64)
    return per_reader[fieldname]
