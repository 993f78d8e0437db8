"""Text leaves of a query tree as Whoosh queries.

Words are analysed with the same analysers the index used, so `running`
finds "runs". Prefixes are the expensive case (Whoosh's own parser stems the
prefix and expands to every matching term), so here a prefix is expanded by
hand: terms that start with the prefix as typed, plus the stem of the prefix
of the prefix completed by common English endings (so `investigat*` still
finds "investigation", stored as "investig", and `bros*` finds "bros", stored
as "bro", without expanding `bro*`), at most PREFIX_CAPS of them per field,
the most frequent first.
"""

from __future__ import annotations

import heapq
import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.analysis import Analyzer
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.collectors import TimeLimit
from whoosh.searching import Searcher

from newsdesk.search.dates import shown
from newsdesk.search.query import And, Node, Not, Or, QuerySyntaxError, Related, Words
from newsdesk.search.related_floor import floored
from newsdesk.search.schema import (
    DEFAULT_FIELDS,
    NAME_FIELDS,
    fold,
    fold_text,
    name_phrase,
    plain_analyzer,
    text_analyzer,
    written_text,
)
from newsdesk.search.spellings import two_letter_spelling, umlaut_spelling
from newsdesk.search.words import (
    JOINED,
    abbreviation_forms,
    name_units,
    prefix_form,
    query_words,
)

#: Terms a prefix expands to, per field (the most frequent first); 64 in all
#: over the default fields.
PREFIX_CAPS: dict[str, int] = {"body": 32, "title": 12, "dek": 8, "source": 6, "authors": 6}
PREFIX_CAP_OTHER = 16
#: Term-list entries looked at per prefix, field and segment before giving up on more.
MAX_SCAN = 1_000
RELATED_TERMS = 12
#: Words in more than this share of the desk's articles are no key words of `related:`
#: (on a desk of at least `RELATED_COMMON_MIN_DOCS`; a handful of articles says little).
RELATED_COMMON_SHARE = 0.2
RELATED_COMMON_MIN_DOCS = 20
RELATED_NAMES = 8
#: Index terms all the prefixes of one query may expand to together: with more
#: than four prefixes, each one's caps shrink in proportion (its most frequent
#: terms kept) and the result says it is partial.
MAX_EXPANSION = 256
#: Work units one query's planning may spend: a term-list entry read while
#: expanding a prefix, a term looked up in a segment, a document read from the
#: postings of an excluded term. Past it the query stops (`TooMuchWork`): an
#: exclusion known only in part would let through what it should take away.
MAX_WORK = 200_000
_PREFIX_TOTAL = sum(PREFIX_CAPS.values())

_STEMMED = ("title", "dek", "body")
#: A typed word "korea's" means "korea" (in a phrase the 's stays, to match adjacency).
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
#: Endings tried on a prefix to find the stems of the words it starts.
_ENDINGS = (
    "",
    "s",
    "e",
    "es",
    "ed",
    "ing",
    "ion",
    "ions",
    "ation",
    "ations",
    "er",
    "ers",
    "or",
    "ors",
    "al",
    "ally",
    "ly",
    "ness",
    "ment",
    "ments",
    "ity",
    "ive",
    "ism",
    "ist",
    "ists",
    "ic",
    "y",
    "ies",
)
_PLAIN = ("source", "dateline")


@dataclass
class RelatedSource:
    """What `related:` needs of the article it starts from (loaded from the store)."""

    article_id: str
    title: str
    body: str
    people: list[str]
    organizations: list[str]
    places: list[str]
    #: The other versions of its story: "like this one" means outside its own story.
    versions: tuple[str, ...] = ()


def work_clock() -> float:
    """The clock a query's expansion budget runs on: this thread's CPU time.

    Wall time counted what the query did not do: a second window's writer holding
    the index, a slow disk, other processes on a loaded machine (at load 7 the
    one word `enormous` ran out of a 0.3 s wall-clock budget and showed nothing).
    """
    return time.thread_time()


class TooMuchWork(TimeLimit):
    """Planning a query would pass MAX_WORK (handled like running out of time)."""


#: Finds the article for an id or id prefix (None if there is none).
ArticleText = Callable[[str], RelatedSource | None]


class WhooshCompiler:
    """Turns text-only subtrees into Whoosh queries against one searcher."""

    def __init__(
        self,
        searcher: Searcher,
        article_text: ArticleText,
        *,
        budget: float | None = None,
        prefixes: int = 1,
    ) -> None:
        self.searcher = searcher
        self.reader = searcher.reader()
        self.article_text = article_text
        self._stemmed: Analyzer = text_analyzer()
        self._plain: Analyzer = plain_analyzer()
        #: Seconds of `work_clock` compiling may spend before it raises TimeLimit (every
        #: branch is timed), counted from here: the index is open by now.
        self.budget = budget
        self._started = work_clock()
        #: Each prefix's share of MAX_EXPANSION (1.0: its full caps).
        self.share = min(1.0, MAX_EXPANSION / (_PREFIX_TOTAL * max(1, prefixes)))
        #: True once a prefix got fewer terms than it would alone (the results are partial).
        self.cut = False
        #: Work units spent so far (see MAX_WORK).
        self.work = 0

    def check_time(self) -> None:
        if self.budget is not None and work_clock() - self._started > self.budget:
            raise TimeLimit

    def spend(self, units: int) -> None:
        """Count `units` of work about to be done; TooMuchWork past the budget."""
        self.work += units
        if self.work > MAX_WORK:
            raise TooMuchWork
        self.check_time()

    def docnums(self, node: Node) -> set[int]:
        """The documents `node` matches, as docnums: what an exclusion (`-harb*`) takes away.

        Whoosh answers `korea -harb*` by walking a matcher that skips through
        the union of every term `harb*` expands to, built before any clock can
        stop it (1.0-1.3 s for 16 negated prefixes). Here each term's postings
        are read straight into a set, their count spent before they are read,
        and the set masks the ranked search.
        """
        q = self.compile(node)
        if q is None:
            return set()
        terms = _disjoint_terms(q)
        if terms is None:  # a phrase, an AND, related: Whoosh evaluates it
            found = set(self.searcher.docs_for_query(q))
            self.spend(len(found))
            return found
        out: set[int] = set()
        for sub, offset in self.reader.leaf_readers():
            for field_name, text in terms:
                self.spend(1)
                if field_name not in sub.schema:
                    continue
                df = int(sub.doc_frequency(field_name, text))
                if not df:
                    continue
                self.spend(df)
                self._read_postings(sub.postings(field_name, text), offset, out)
        return out

    def _read_postings(self, matcher: Any, offset: int, out: set[int]) -> None:
        """Add every document of `matcher` (shifted by `offset`) to `out`, a block at
        a time where the matcher is Whoosh's on-disk one (one id at a time through
        `all_ids` costs twice as much), checking the clock between blocks."""
        # A segment with deletions wraps its postings in a filter; a deleted
        # document in an exclusion set is harmless (nothing finds it).
        leaf = getattr(matcher, "child", matcher)
        if not isinstance(leaf, W3LeafMatcher):
            for count, docnum in enumerate(leaf.all_ids()):
                if count % 4096 == 0:
                    self.check_time()
                out.add(offset + docnum)
            return
        while leaf.is_active():
            self.check_time()
            if leaf._ids is None:
                leaf._read_ids()
            out.update(offset + d for d in leaf._ids[leaf._i : leaf._blocklength])
            leaf._next_block()

    def compile(self, node: Node) -> wq.Query | None:
        """A query for `node`, or None when it has nothing searchable (only glue words)."""
        self.check_time()
        if isinstance(node, Words):
            return self.words(node)
        if isinstance(node, Related):
            kept = floored(self.searcher, self.related(node.article_id), node.article_id)
            self.check_time()  # its own search is part of the query's preparation
            return kept
        if isinstance(node, And | Or):
            items = [q for q in (self.compile(i) for i in node.items) if q is not None]
            if not items:
                return None
            if len(items) == 1:
                return items[0]
            return wq.And(items) if isinstance(node, And) else wq.Or(items)
        if isinstance(node, Not):
            inner = self.compile(node.item)
            return wq.Not(inner) if inner is not None else None
        raise TypeError(f"not a text condition: {node!r}")

    # -- words, phrases, prefixes ---------------------------------------------

    def words(self, node: Words) -> wq.Query | None:
        query = self._words(node)
        if node.kind != "word" or query is None or query is wq.NullQuery:
            return query
        # German's other spelling (see search/spellings.py): "münchen" finds Muenchen
        # too; "muenchen" finds München only when nothing is spelled so.
        other = two_letter_spelling(node.text)
        if other is None:
            other = umlaut_spelling(node.text)
            if other is None or self._in_index(query):
                return query
        alternative = self._words(Words(node.field, other, node.kind))
        if alternative is None or not self._in_index(alternative):
            return query
        return wq.Or([query, alternative])

    def _in_index(self, query: wq.Query) -> bool:
        """Some term of `query` is in the index (checked in the reader's term lists)."""
        reader = self.reader
        indexed = set(reader.indexed_field_names())
        return any(
            reader.doc_frequency(field, text) > 0
            for field, text in query.iter_all_terms()
            if field in indexed
        )

    def _words(self, node: Words) -> wq.Query | None:
        fields = dict(DEFAULT_FIELDS) if node.field == "any" else {node.field: 1.0}
        parts: list[wq.Query] = []
        for field_name, boost in fields.items():
            if node.kind == "prefix":
                q = self._prefix(field_name, node.text, boost)
            else:
                text = node.text if node.kind == "phrase" else _POSSESSIVE.sub("", node.text)
                q = self._field_words(field_name, text, boost, phrase=node.kind == "phrase")
            if q is not None:
                parts.append(q)
        if not parts:
            return None if node.kind != "prefix" else wq.NullQuery
        return parts[0] if len(parts) == 1 else wq.Or(parts)

    def _tokens(self, field_name: str, text: str) -> list[str]:
        analyzer = self._stemmed if field_name in _STEMMED else self._plain
        return [t.text for t in analyzer(fold_text(text), mode="query")]

    def _field_words(
        self, field_name: str, text: str, boost: float, *, phrase: bool
    ) -> wq.Query | None:
        if field_name in NAME_FIELDS:
            whole = fold(text.replace(",", " "))
            if not whole:
                return None
            if phrase:
                # Any run of a name's words: `by:"ainge roy"`, `person:"o'brien-ruiz"`.
                return wq.Term(field_name, name_phrase(text) or whole, boost=boost)
            words = [w for w in self._plain_tokens(whole) if w]
            if not words:
                return None
            if len(words) == 1:
                return wq.Term(field_name, words[0], boost=boost)
            return wq.Or(
                [
                    wq.Term(field_name, whole, boost=boost),
                    wq.And([wq.Term(field_name, w) for w in words], boost=boost),
                ]
            )
        if field_name in _STEMMED:
            reader = self.reader
            # A word as typed is asked only where the field holds it (a name's word):
            # most are not, and an OR of a missing term costs every search.
            asked = [
                (stemmed, exact if exact and reader.doc_frequency(field_name, exact) else None)
                for stemmed, exact in query_words(fold_text(text))
            ]
            return _stemmed_words(field_name, asked, boost)
        tokens = self._tokens(field_name, text)
        if not tokens:
            return None
        if len(tokens) == 1:
            forms = abbreviation_forms(tokens[0])
            if len(forms) > 1:
                # `dateline:ny` finds "Buffalo, N.Y." and `dateline:n.y.` "New York, NY",
                # as `US` and `U.S.` find each other in the text.
                return wq.Or([wq.Term(field_name, f, boost=boost) for f in forms])
            return wq.Term(field_name, tokens[0], boost=boost)
        # A phrase, or one typed word the analyser splits ("10:30").
        return wq.Phrase(field_name, tokens, boost=boost)

    def _plain_tokens(self, text: str) -> list[str]:
        return [t.text for t in self._plain(fold_text(text), mode="query")]

    def _prefix(self, field_name: str, text: str, boost: float) -> wq.Query | None:
        raw = fold(text)
        if field_name in NAME_FIELDS:
            raw = raw.replace("’", "'")  # as `name_keywords` keeps a name's compounds
        elif field_name in _STEMMED or JOINED.search(raw):
            # "o'bri*", "al-ass*": the compound joined, as the text fields hold it
            # ("obrien"); the outlet and dateline hold no such word ("al-ass*" is no
            # "associated").
            raw = prefix_form(raw)
            if not raw:
                return None
        elif field_name not in NAME_FIELDS:
            plain = self._plain_tokens(raw)
            if not plain:
                return None
            # "new-yor*": only the last word is a prefix (the parser checked its length).
            raw = plain[-1]
        freq = self._prefix_frequencies(field_name, raw)
        if field_name in _STEMMED:
            for ending in _ENDINGS:
                stems = self._tokens(field_name, raw + ending)
                if len(stems) == 1 and len(stems[0]) >= 3 and stems[0] not in freq:
                    df = self._frequency(field_name, stems[0])
                    if df:
                        freq[stems[0]] = df
        if not freq:
            return None
        full = PREFIX_CAPS.get(field_name, PREFIX_CAP_OTHER)
        cap = max(1, math.ceil(full * self.share))
        if len(freq) > cap and cap < full:
            self.cut = True  # fewer terms than this prefix alone would get
        best = heapq.nlargest(cap, ((df, term) for term, df in freq.items()))
        if len(best) == 1:
            return wq.Term(field_name, best[0][1], boost=boost)
        return wq.Or([wq.Term(field_name, term) for _, term in best], boost=boost)

    def _prefix_frequencies(self, field_name: str, raw: str) -> dict[str, int]:
        """Terms starting with `raw` and their document counts, read segment by segment
        (one sequential walk of each term list, not a lookup per term and segment)."""
        freq: dict[str, int] = {}
        for sub, _offset in self.reader.leaf_readers():
            self.check_time()
            for count, (term, info) in enumerate(sub.iter_prefix(field_name, raw)):
                if count >= MAX_SCAN:
                    break
                self.spend(1)
                key = term.decode("utf-8") if isinstance(term, bytes) else str(term)
                freq[key] = freq.get(key, 0) + int(info.doc_frequency())
        return freq

    def _frequency(self, field_name: str, term: str) -> int:
        self.spend(len(self.reader.leaf_readers()))
        return sum(
            int(sub.doc_frequency(field_name, term)) for sub, _ in self.reader.leaf_readers()
        )

    # -- related ---------------------------------------------------------------

    def related(self, article_id: str) -> wq.Query:
        loaded = self.article_text(article_id)
        if loaded is None:
            raise QuerySyntaxError(f"related:{shown(article_id)[1:-1]}: no article has that id")
        # Its people's words as the index holds them, unstemmed (`search.words`).
        text = written_text(
            f"{loaded.title}\n{loaded.title}\n{loaded.body}", name_units(loaded.people)
        )
        terms: list[wq.Query] = []
        # A word most of the desk holds ("said", "year") likens nothing: a short
        # article's few key words were such words, and every report matched them.
        docs = self.searcher.doc_count()
        common = docs * RELATED_COMMON_SHARE if docs >= RELATED_COMMON_MIN_DOCS else None
        keys = self.searcher.key_terms_from_text("body", text, numterms=2 * RELATED_TERMS)
        for term, weight in keys:
            if common is not None and self.searcher.doc_frequency("body", term) > common:
                continue
            terms.append(wq.Term("body", term, boost=max(float(weight), 0.1)))
            if len(terms) == RELATED_TERMS:
                break
        for field_name, names in (
            ("people", loaded.people),
            ("organizations", loaded.organizations),
            ("places", loaded.places),
        ):
            for name in names[:RELATED_NAMES]:
                whole = fold(name.replace(",", " "))
                if not whole:
                    continue
                terms.append(wq.Term(field_name, whole, boost=0.5))
        if not terms:
            return wq.NullQuery
        itself = [wq.Term("id", i) for i in dict.fromkeys((loaded.article_id, *loaded.versions))]
        return wq.AndNot(wq.Or(terms), wq.Or(itself) if len(itself) > 1 else itself[0])


#: How much more a word as typed counts than its stem (a name's word is indexed so).
EXACT_BOOST = 1.5


def _stemmed_words(
    field_name: str, words: list[tuple[str, str | None]], boost: float
) -> wq.Query | None:
    """A word or phrase of a stemmed field: each word by its stem or, ranked higher,
    as typed (`search.words`: the people an article names are indexed unstemmed)."""
    if not words:
        return None
    alternatives: list[wq.Query] = []
    for stemmed, exact in words:
        term = wq.Term(field_name, stemmed)
        if exact is not None:
            term = wq.Or([term, wq.Term(field_name, exact, boost=EXACT_BOOST)])
        alternatives.append(term)
    if len(words) == 1:
        alternatives[0].boost = boost
        return alternatives[0]
    if all(exact is None for _, exact in words):
        return wq.Phrase(field_name, [stemmed for stemmed, _ in words], boost=boost)
    return wq.Sequence(alternatives, boost=boost)


def _disjoint_terms(q: wq.Query) -> list[tuple[str, str]] | None:
    """The (field, term) pairs of a query that is only terms joined by OR (a word,
    a prefix's expansion); None for anything else."""
    if q is wq.NullQuery:
        return []
    if isinstance(q, wq.Term):
        return [(str(q.fieldname), str(q.text))]
    if isinstance(q, wq.Or):
        out: list[tuple[str, str]] = []
        for sub in q.subqueries:
            terms = _disjoint_terms(sub)
            if terms is None:
                return None
            out.extend(terms)
        return out
    return None
