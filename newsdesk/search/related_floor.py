"""How alike an article must be to be called related: a share of its likeness to itself.

`related:` ranks articles by the article's key words and names (`to_whoosh.related`),
and any article sharing one word ranks somewhere: on a small or mixed desk a curling
report's "related" were a deep freeze, a cricket final and a copper mine, each
sharing "team" or "win". A related article must score at least `RELATED_FLOOR` of
what the article scores against its own query, and share `RELATED_SHARED` of its
key words or names (`to_whoosh.related` leaves out words most of the desk holds).
Measured on the lists' top five (`benchmarks/eval_related.py`): on the development
slice of real coverage (../shared/realworld-stories, 269 articles, many on one
subject) the rule keeps 83 of the 92 same-story articles found outside the
article's own story row and 1,049 of 1,345 places (with the word-and-name things of
`shared_things`; 83 and 1,121 counting (field, term) pairs, which let one word shared
three ways through); on the sample desk's mostly unrelated articles it keeps 15 of
295, those sharing a city, a country or a subject.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh import query as wq
from whoosh.searching import Results, Searcher

#: The share of an article's score against its own query that a related one needs.
RELATED_FLOOR = 0.15


def self_score(searcher: Searcher, query: wq.Query, article_id: str) -> float | None:
    """What the article scores against `query` (its own related query without the
    exclusion of itself), None when it is not in the index (yet) or matches nothing."""
    docnum = searcher.document_number(id=article_id)
    if docnum is None:
        return None
    inner = query.a if isinstance(query, wq.AndNot) else query
    matcher = inner.matcher(searcher)
    if not matcher.is_active():
        return None
    matcher.skip_to(docnum)
    if not matcher.is_active() or matcher.id() != docnum:
        return None
    score = float(matcher.score())
    return score if score > 0 else None


#: Distinct key words or names a related article must share with the article.
RELATED_SHARED = 2


def above_floor(results: Results, own: float | None) -> list[int]:
    """The places of the best-first `results` that reach the floor (every one when `own`
    is unknown) and share at least `RELATED_SHARED` things (`shared_things`; when the
    results say)."""
    count = results.scored_length()
    shared = results.docterms if results.has_matched_terms() else None
    floor = own * RELATED_FLOOR if own is not None else None
    return [
        i
        for i in range(count)
        if (floor is None or results.score(i) >= floor)
        and (shared is None or shared_things(shared.get(results.docnum(i), ())) >= RELATED_SHARED)
    ]


def shared_things(terms: Iterable[tuple[str, Any]]) -> int:
    """How many different things matched (field, term) pairs name: a word of the text and
    a name holding it are one ("africa" as a word, as a place and in "south africa"; the
    stem "mugab" and "robert mugabe"). Counted as pairs, a coup in Zimbabwe was related to
    a drug maker's results by "africa" three times over."""
    groups: list[set[str]] = []
    for _field, text in dict.fromkeys(terms):
        words = set((text.decode("utf-8") if isinstance(text, bytes) else str(text)).split())
        if not words:
            continue
        touching = [g for g in groups if _alike(g, words)]
        groups = [g for g in groups if all(g is not t for t in touching)]
        groups.append(words.union(*touching))
    return len(groups)


#: A word this long at least may be the start of another ("zimbabw", "zimbabwe").
_STEM_LEAST = 4


def _alike(a: set[str], b: set[str]) -> bool:
    for x in a:
        for y in b:
            if x == y:
                return True
            short, long = (x, y) if len(x) <= len(y) else (y, x)
            if len(short) >= _STEM_LEAST and long.startswith(short):
                return True
    return False


#: Articles `related:` in a search may find (the best first; the floor keeps fewer).
RELATED_SEARCH_MAX = 200


def floored(searcher: Searcher, query: wq.Query, article_id: str) -> wq.Query:
    """`related:` in a search: only the articles the Related list would keep (the same
    floor), ranked as before. The id terms added are alike for every document, so the
    order stays the query's; nothing kept matches nothing."""
    if query is wq.NullQuery:
        return query
    results = searcher.search(query, limit=RELATED_SEARCH_MAX, terms=True)
    kept = above_floor(results, self_score(searcher, query, article_id))
    ids = [str(results[i]["id"]) for i in kept]
    if not ids:
        return wq.NullQuery
    return wq.And([query, wq.Or([wq.Term("id", i) for i in ids])])
