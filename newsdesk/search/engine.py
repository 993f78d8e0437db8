"""The search engine: evaluates a parsed query against the store and the index.

State is answered from the store, text from Whoosh:

- a query of store leaves only (`is:starred tag:korea published:-7d`, or the
  empty query, the inbox) is one SQL statement, newest first, no index;
- the common case, text AND store conditions, runs one ranked Whoosh search
  with the store's matches as a filter (or the store's non-matches as a mask,
  whichever set is smaller), so ranking and limits are exact;
- anything else (`korea OR is:starred`) is evaluated as sets of ids.

Archived articles are left out unless the query mentions them (`is:archived`,
`in:archive`, `in:all`), like a mail client's archive.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from whoosh import query as wq
from whoosh.collectors import TimeLimit
from whoosh.searching import Searcher

from newsdesk.search import vector_rank
from newsdesk.search.collector import BoundedCollector
from newsdesk.search.dates import shown
from newsdesk.search.docmap import DocMap
from newsdesk.search.glue_words import GluePruner
from newsdesk.search.index import IndexUnavailableError, SearchIndex
from newsdesk.search.notices import (
    NOTHING_TO_SEARCH,
    PREFIXES_CUT,
    STOPPED_MUCH,
    STOPPED_SLOW,
    TOO_MUCH,
    TOO_SLOW,
)
from newsdesk.search.query import (
    And,
    Everything,
    Flag,
    Node,
    Not,
    Or,
    ParsedQuery,
    QuerySyntaxError,
    Related,
    Words,
    is_store_leaf,
    parse,
)
from newsdesk.search.related_floor import above_floor, self_score
from newsdesk.search.to_whoosh import RelatedSource, TooMuchWork, WhooshCompiler
from newsdesk.store import StoreBackend

log = logging.getLogger(__name__)

#: Ranked hits returned when the caller asks for all of them.
TEXT_CAP = 10_000
#: Seconds a query's planning may spend expanding it (prefixes, `related:`, exclusions;
#: this thread's CPU time, see `to_whoosh.work_clock`), and seconds of wall time the
#: ranked search may take after planning before the hits found so far are returned.
TIME_LIMIT = 0.3

Kind = Literal["store", "text", "mixed"]


@dataclass
class SearchResult:
    """Matching article ids in display order, and what to tell the user about them."""

    ids: list[str]
    #: Matches in all (exact unless the search was capped or cut short).
    total: int
    #: Words and phrases to highlight (lower case; a prefix ends with "*").
    terms: list[str]
    #: True when the time limit cut the search short.
    partial: bool = False
    #: One line for the status bar (indexing progress, caps, ignored fields), or None.
    notice: str | None = None
    #: The order of `ids`: "relevance" or "newest".
    sort: str = "newest"
    #: Work units planning spent (prefix expansion, exclusions; see to_whoosh.MAX_WORK).
    work: int = 0
    #: The index was behind the store: the same search may find more once it caught up.
    index_behind: bool = False
    #: Why planning was cut short (`STOPPED_SLOW`, `STOPPED_MUCH`): nothing was searched,
    #: so a screen may keep the list it shows; None when the query ran.
    stopped: str | None = None


def classify(node: Node) -> Kind:
    if is_store_leaf(node):
        return "store"
    if isinstance(node, Words | Related):
        return "text"
    if isinstance(node, Not):
        return classify(node.item)
    assert isinstance(node, And | Or)
    kinds = {classify(item) for item in node.items}
    return kinds.pop() if len(kinds) == 1 else "mixed"


def has_positive_text(node: Node) -> bool:
    """True when the text subtree `node` selects documents (not only excludes them)."""
    if isinstance(node, Words | Related):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And | Or):
        return any(has_positive_text(item) for item in node.items)
    return False


#: Fields that name an attribute of the article (who, where, which outlet): a
#: query of these alone filters, and its matches are best read newest first.
_FILTER_FIELDS = frozenset({"authors", "source", "people", "organizations", "places", "dateline"})


def ranks_by_words(node: Node) -> bool:
    """True when `node` has words worth ranking by: free words, a headline word or
    `related:`. Only `source:`, `by:`, `place:`... (and store conditions) make it a
    filter, sorted newest first rather than by a relevance that means nothing."""
    if isinstance(node, Related):
        return True
    if isinstance(node, Words):
        return node.field not in _FILTER_FIELDS
    if isinstance(node, Not):
        return False
    if isinstance(node, And | Or):
        return any(ranks_by_words(item) for item in node.items)
    return False


class SearchEngine:
    """Runs queries; the service's one door to search."""

    def __init__(self, store: StoreBackend, index: SearchIndex) -> None:
        self.store = store
        self.index = index
        self._pruner = GluePruner()

    # -- public ----------------------------------------------------------------

    def search(
        self,
        text: str,
        *,
        sort: Literal["relevance", "newest"] = "relevance",
        limit: int | None = None,
        now: datetime | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        """Ids matching `text` (QuerySyntaxError when it cannot be read).

        `should_stop` is asked now and then while matches are ranked; when it
        answers True the search ends with `SearchSuperseded` (the app asks it
        whether a newer search waits).

        The empty query is the inbox: every article not archived, newest first.
        `limit=None` returns every match of a store query, and at most TEXT_CAP
        ranked hits of a text query (the notice says so).
        """
        parsed = parse(text, now=now)
        notices = list(parsed.warnings)
        if parsed.means_nothing:
            return SearchResult([], 0, [], notice=NOTHING_TO_SEARCH)
        if parsed.root is not None and self._pruner.prune(parsed.root) is None:
            return SearchResult(
                [], 0, parsed.terms, notice="nothing to search for: those words are too common"
            )
        root = self._scoped_root(parsed)
        assert root is not None
        kind = classify(root)
        if kind == "store":
            ids = self.store.ordered_ids(root)
            total = len(ids)
            if limit is not None:
                ids = ids[:limit]
            return SearchResult(ids, total, parsed.terms, notice=_join(notices), sort="newest")
        return self._search_text(parsed, root, sort, limit, notices, should_stop)

    def count(self, text: str, *, now: datetime | None = None) -> int:
        """How many articles match (for saved-search counts); 0 for an unreadable query."""
        try:
            parsed = parse(text, now=now)
        except QuerySyntaxError:
            return 0
        if parsed.means_nothing:
            return 0
        root = self._scoped_root(parsed)
        if root is None:
            return 0
        if classify(root) == "store":
            return self.store.count_where(root)
        try:
            with self.index.damage_guard(), self.index.reading() as (searcher, docmap):
                try:
                    plan = self._plan(root, searcher, docmap, self._compiler(searcher, root))
                except TimeLimit:
                    return 0  # a badge, not an answer: no count rather than a wrong one
                if plan.query is None:
                    return len(plan.store_ids())
                self._resolve_check(plan, docmap)
                limited = BoundedCollector(
                    searcher.collector(limit=None, scored=False),
                    allow=plan.filter,
                    restrict=plan.mask,
                    deadline=time.monotonic() + TIME_LIMIT,
                )
                # A count cut short is still a useful count for a badge.
                with contextlib.suppress(TimeLimit):
                    searcher.search_with_collector(plan.query, limited)
                return len(limited.results())
        except (IndexUnavailableError, QuerySyntaxError):
            pass  # an index being rebuilt, or `related:` to an unknown id
        return 0

    def related(self, article_id: str, limit: int = 5) -> list[str]:
        """Articles most like this one (by key words and shared names), best first."""
        try:
            with self.index.damage_guard(), self.index.reading() as (searcher, docmap):
                compiler = WhooshCompiler(searcher, self._related_source)
                q = compiler.related(article_id)
                limited = BoundedCollector(
                    searcher.collector(limit=max(1, limit), terms=True),
                    deadline=time.monotonic() + TIME_LIMIT,
                )
                with contextlib.suppress(TimeLimit):  # the best found in time will do
                    searcher.search_with_collector(q, limited)
                results = limited.results()
                kept = above_floor(results, self_score(searcher, q, article_id))
                return docmap.ids_of(results.docnum(i) for i in kept)
        except (QuerySyntaxError, IndexUnavailableError):
            pass
        return []

    # -- planning --------------------------------------------------------------

    def _scoped_root(self, parsed: ParsedQuery) -> Node | None:
        root = parsed.root
        if root is not None:
            pruned = self._pruner.prune(root)
            if pruned is None:
                return None
            root = pruned
        if parsed.shows_archived:
            return root if root is not None else Everything()
        inbox = Flag("inbox")
        if root is None:
            return inbox
        if isinstance(root, And):
            return And((*root.items, inbox))
        return And((root, inbox))

    def _related_source(self, prefix: str) -> RelatedSource | None:
        matches = [prefix] if self.store.exists(prefix) else self.store.resolve_prefix(prefix)
        if not matches:
            return None
        if len(matches) > 1:
            raise QuerySyntaxError(
                f"related:{shown(prefix)[1:-1]}: several articles start with that id; type more of it"
            )
        article = self.store.get(matches[0])
        if article is None:
            return None
        meta = article.meta
        versions = tuple(self.store.with_versions([article.id]))
        names = (meta.people, meta.organizations, meta.places)
        return RelatedSource(article.id, meta.title, meta.body, *names, versions=versions)

    def _compiler(self, searcher: Searcher, root: Node) -> WhooshCompiler:
        """A compiler for `root` whose budget starts now, with the index open: opening it
        (a writer's lock, a docmap read) is not the query's expansion work."""
        return WhooshCompiler(
            searcher, self._related_source, budget=TIME_LIMIT, prefixes=count_prefixes(root)
        )

    def _plan(
        self, root: Node, searcher: Searcher, docmap: DocMap, compiler: WhooshCompiler
    ) -> _Plan:
        """How to run `root`; raises TimeLimit past the compiler's budget (planning is
        timed too: prefix expansion, `related:` and the sets of negated or mixed parts)
        and TooMuchWork past its work budget."""
        parts = list(root.items) if isinstance(root, And) else [root]
        store_parts = [p for p in parts if classify(p) == "store"]
        text_parts = [p for p in parts if classify(p) == "text"]
        mixed_parts = [p for p in parts if classify(p) == "mixed"]
        where = _all_of(store_parts)
        plan = _Plan(
            self.store,
            where,
            positive=any(has_positive_text(p) for p in text_parts),
            compiler=compiler,
        )
        sets = _SetEvaluator(self.store, searcher, docmap, compiler)
        allowed: set[str] | None = None
        for part in mixed_parts:
            ids = sets.evaluate(part)
            allowed = ids if allowed is None else allowed & ids
        if not plan.positive:
            # Only exclusions (`-korea is:starred`): order the store's matches and
            # drop what the index finds, rather than walking every document.
            for part in text_parts:
                if isinstance(part, Not):
                    plan.exclude.update(docmap.ids_of(compiler.docnums(part.item)))
                else:
                    ids = sets.evaluate(part)
                    allowed = ids if allowed is None else allowed & ids
            plan.extra = allowed
            return plan
        # Excluded words (`korea -harb*`) become a set of documents masked out of the
        # ranked search, read term by term within the work budget (see `docnums`).
        excluded: set[int] = set()
        for part in text_parts:
            if isinstance(part, Not):
                excluded |= compiler.docnums(part.item)
        queries = [
            q
            for q in (compiler.compile(p) for p in text_parts if not isinstance(p, Not))
            if q is not None
        ]
        plan.query = queries[0] if len(queries) == 1 else wq.And(queries)
        if allowed is not None:
            plan.filter = docmap.docnums_of(allowed & self.store.id_set(where))
        elif store_parts == [Flag("inbox")]:
            # The usual case: everything but the (few) archived articles and earlier
            # wire versions. Fetch the few and mask them out, in one statement.
            plan.mask = docmap.docnums_of(self.store.id_set(Flag("hidden")))
        elif where is not None:
            # Any other state, tag, date or language condition: checked against the
            # ranked matches (as many reads as matches; `is:unread` as a set of
            # ids was 100,000 of them), or made a filter for Whoosh (`_resolve_check`).
            plan.check = where
        if excluded:
            if plan.filter is not None:
                plan.filter -= excluded
            else:
                plan.mask = excluded if plan.mask is None else plan.mask | excluded
        return plan

    # -- running ---------------------------------------------------------------

    def _search_text(
        self,
        parsed: ParsedQuery,
        root: Node,
        sort: Literal["relevance", "newest"],
        limit: int | None,
        notices: list[str],
        should_stop: Callable[[], bool] | None = None,
    ) -> SearchResult:
        cap = TEXT_CAP if limit is None else max(1, min(limit, TEXT_CAP))
        cut = False
        damaged = True
        work = 0
        try:
            with self.index.damage_guard(), self.index.reading() as (searcher, docmap):
                compiler = self._compiler(searcher, root)
                try:
                    plan = self._plan(root, searcher, docmap, compiler)
                except TimeLimit as stopped:
                    # Without its whole plan a query (an exclusion above all) would
                    # match wrongly: nothing is shown, and the result says why.
                    much = isinstance(stopped, TooMuchWork)
                    return SearchResult(
                        [],
                        0,
                        parsed.terms,
                        partial=True,
                        notice=_join([*notices, TOO_MUCH if much else TOO_SLOW]),
                        work=compiler.work,
                        stopped=STOPPED_MUCH if much else STOPPED_SLOW,
                    )
                work = compiler.work
                if plan.cut:
                    notices.append(PREFIXES_CUT)
                if plan.query is None:
                    ids = plan.store_ids()
                    total = len(ids)
                    if limit is not None:
                        ids = ids[:limit]
                    indexing = self._indexing_notice()
                    notices.append(indexing or "")
                    return SearchResult(
                        ids,
                        total,
                        parsed.terms,
                        partial=plan.cut,
                        notice=_join(notices),
                        work=compiler.work,
                        index_behind=indexing is not None,
                    )
                by_date = sort == "newest" or not plan.positive or not ranks_by_words(root)
                if plan.filter is not None and not plan.filter:
                    docnums: list[int] = []
                    partial = False
                    total = 0
                else:
                    # The ranked search's own wall-clock limit starts once it is planned.
                    deadline = time.monotonic() + TIME_LIMIT
                    docnums, total, partial = self._run(
                        searcher, docmap, plan, cap, by_date, deadline, should_stop
                    )
                ids = docmap.ids_of(docnums)
                cut = plan.cut
                damaged = False
        except IndexUnavailableError:
            notices.append("the search index is being rebuilt")
            return SearchResult([], 0, parsed.terms, notice=_join(notices), index_behind=True)
        if damaged:  # the guard reported it; the index is rebuilt from the store
            notices.append(self._damaged())
            return SearchResult([], 0, parsed.terms, notice=_join(notices), index_behind=True)
        if partial:
            notices.append("the search took too long; showing the matches found so far")
        elif limit is None and total > len(ids):
            notices.append(f"showing the first {len(ids):,} of about {total:,} matches")
        indexing = self._indexing_notice()
        if indexing:
            notices.append(indexing)
        return SearchResult(
            ids,
            max(total, len(ids)),
            parsed.terms,
            partial=partial or cut,
            notice=_join(notices),
            sort="newest" if by_date else "relevance",
            work=work,
            index_behind=indexing is not None,
        )

    def _run(
        self,
        searcher: Searcher,
        docmap: DocMap,
        plan: _Plan,
        cap: int,
        by_date: bool,
        deadline: float,
        should_stop: Callable[[], bool] | None = None,
    ) -> tuple[list[int], int, bool]:
        assert plan.query is not None
        if not by_date:
            # Plain words (the search box's usual query): every match scored at once.
            every = vector_rank.rank(
                searcher,
                plan.query,
                None if plan.check else cap,
                plan.filter,
                plan.mask,
                should_stop,
            )
            if every is not None and plan.check is None:
                return every[0], every[1], False
            if every is not None:
                # The store says which of the ranked matches meet its conditions.
                ids = [docmap.id_of(d) for d in every[0]]
                meet = self.store.matching([i for i in ids if i], plan.check)
                kept = [d for d, i in zip(every[0], ids, strict=True) if i in meet]
                return kept[:cap], len(kept), False
        self._resolve_check(plan, docmap)
        kwargs: dict[str, Any] = {"limit": cap}
        if by_date:
            kwargs.update(sortedby="sort_ts", reverse=True)
        limited = BoundedCollector(
            searcher.collector(**kwargs),
            allow=plan.filter,
            restrict=plan.mask,
            deadline=deadline,
            should_stop=should_stop,
        )
        partial = False
        try:
            searcher.search_with_collector(plan.query, limited)
        except TimeLimit:
            partial = True
        results = limited.results()
        docnums = [results.docnum(i) for i in range(results.scored_length())]
        if len(docnums) < cap and not partial:
            total = len(docnums)
        else:
            total = max(len(docnums), int(results.estimated_length()))
        return docnums, total, partial

    def _resolve_check(self, plan: _Plan, docmap: DocMap) -> None:
        """The plan's store conditions as a filter of document numbers (Whoosh's way)."""
        if plan.check is not None:
            found = docmap.docnums_of(self.store.id_set(plan.check))
            plan.filter = found if plan.filter is None else plan.filter & found
            plan.check = None

    def _indexing_notice(self) -> str | None:
        if self.index.damaged:
            return self._damaged()
        pending, store_docs = self.index.pending_counts()
        if pending <= 0:
            return None
        return (
            f"indexing {store_docs - pending:,} of {store_docs:,} articles; "
            "results may be incomplete"
        )

    @staticmethod
    def _damaged() -> str:
        return "the search index was damaged and is being rebuilt; results may be incomplete"


class _SetEvaluator:
    """Evaluates a subtree to the set of article ids it matches (for mixed queries)."""

    def __init__(
        self, store: StoreBackend, searcher: Searcher, docmap: DocMap, compiler: WhooshCompiler
    ) -> None:
        self.store = store
        self.searcher = searcher
        self.docmap = docmap
        self.compiler = compiler
        self._universe: set[str] | None = None

    def universe(self) -> set[str]:
        if self._universe is None:
            self._universe = self.store.id_set()
        return self._universe

    def evaluate(self, node: Node) -> set[str]:
        self.compiler.check_time()
        if isinstance(node, Not):
            return self.universe() - self.evaluate(node.item)
        kind = classify(node)
        if kind == "store":
            return self.store.id_set(node)
        if kind == "text" and has_positive_text(node):
            return set(self.docmap.ids_of(self.compiler.docnums(node)))
        assert isinstance(node, And | Or)
        sets = [self.evaluate(item) for item in node.items]
        if isinstance(node, And):
            return set.intersection(*sets)
        return set.union(*sets)


@dataclass
class _Plan:
    """How to run one query: the Whoosh part, and the store's say as filter or mask."""

    store: StoreBackend
    #: The store's conditions (None: every article).
    where: Node | None
    positive: bool
    query: wq.Query | None = None
    filter: set[int] | None = None
    mask: set[int] | None = None
    #: Store conditions the ranked matches must meet (see `_run`, `_resolve_check`).
    check: Node | None = None
    #: Ids allowed by mixed conditions when there is no ranked Whoosh part.
    extra: set[str] | None = None
    #: Ids excluded by negated words when there is no ranked Whoosh part.
    exclude: set[str] = field(default_factory=set)
    compiler: WhooshCompiler | None = None

    @property
    def cut(self) -> bool:
        """A prefix got fewer terms than alone (MAX_EXPANSION): the matches are partial."""
        return self.compiler is not None and self.compiler.cut

    def store_ids(self) -> list[str]:
        ids = self.store.ordered_ids(self.where)
        if self.extra is not None:
            ids = [i for i in ids if i in self.extra]
        if self.exclude:
            ids = [i for i in ids if i not in self.exclude]
        return ids


def _all_of(parts: list[Node]) -> Node | None:
    """The conjunction of store conditions (None when there are none)."""
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def _join(notices: list[str]) -> str | None:
    return "; ".join(dict.fromkeys(n for n in notices if n)) or None


def count_prefixes(node: Node) -> int:
    """Prefix words in a query tree (they share MAX_EXPANSION)."""
    if isinstance(node, Words):
        return 1 if node.kind == "prefix" else 0
    if isinstance(node, Not):
        return count_prefixes(node.item)
    if isinstance(node, And | Or):
        return sum(count_prefixes(item) for item in node.items)
    return 0
