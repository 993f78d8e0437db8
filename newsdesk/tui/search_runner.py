"""Searching for the inbox, without Textual: which search runs next, and what it answers.

`SearchSequence` keeps one search at a time: while one runs, only the latest
request waits (the letters typed on the way to a word are never searched
side by side), and only the latest search's answer is shown. `answers`
computes what one request shows, in a worker thread: for the empty query a
screenful first, then the whole inbox.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from newsdesk.desk import SORTS, Sort

if TYPE_CHECKING:
    from newsdesk.desk import Desk

#: Rows painted before the whole inbox is read.
HEAD_ROWS = 200


@dataclass(frozen=True)
class SearchRequest:
    """One search to run; `seq` orders them so stale answers are dropped."""

    query: str
    sort: str
    grouped: bool
    #: Keep the cursor on this article when the results arrive.
    keep: str | None = None
    #: Keep the cursor on the article it is on when the answer arrives (a refresh the
    #: reader did not ask for: they may have moved meanwhile).
    keep_current: bool = False
    #: Put the cursor on the first listed of these instead (the articles an import the
    #: editor asked for brought in: they see what they imported, wherever it sorts).
    reveal: tuple[str, ...] = ()
    #: What brought `reveal`'s articles, for the notice when the search does not list
    #: them ("1 article imported, not in this search"); "" for no notice.
    reveal_as: str = "imported"
    #: `reveal` moves the cursor only when it is still on this article (or still on no
    #: row), where it was when the import began: a `j` pressed meanwhile is the editor's.
    reveal_if_at: str | None = None
    #: Whether `reveal_if_at` applies (an import the editor asked for); else it always does.
    reveal_if_unmoved: bool = False
    #: Set when the search starts; later searches have higher numbers.
    seq: int = 0


@dataclass(frozen=True)
class SearchAnswer:
    """What one search found, ready to show."""

    request: SearchRequest
    ids: list[str]
    terms: list[str] = field(default_factory=list)
    #: A notice about the answer ("search cut short…"), or None.
    notice: str | None = None
    #: Article id -> story id (grouped view only).
    story_of: dict[str, str] = field(default_factory=dict)
    #: Matches in all (more than `ids` when the search was cut short).
    total: int = 0
    #: False for the first screenful of a big inbox; the whole list follows.
    complete: bool = True
    #: The order the ids are in: a query of filters alone ("tag:desk") is newest first
    #: whatever was asked, since nothing in it ranks.
    sort: str = "newest"
    #: The search index was behind the store: the same search may find more once it
    #: has caught up (`SearchResult.index_behind`).
    index_behind: bool = False
    #: Why nothing was searched (`SearchResult.stopped`): the list on screen stays.
    stopped: str | None = None
    #: The query could not be read (a typo): nothing is shown, and the empty list says so.
    unreadable: bool = False


class SearchSequence:
    """One search at a time; while it runs, only the latest request waits."""

    def __init__(self) -> None:
        self._seq = 0
        self._running: SearchRequest | None = None
        self._waiting: SearchRequest | None = None
        #: The last search started: the only one whose answer is shown.
        self.latest: SearchRequest | None = None

    @property
    def running(self) -> bool:
        return self._running is not None

    @property
    def superseded(self) -> bool:
        """A newer request waits: the running search is worth giving up (asked from
        the search's own thread; one attribute read)."""
        return self._waiting is not None

    def ask(self, request: SearchRequest) -> SearchRequest | None:
        """The request to start now, or None if it waits for the running one to end."""
        if self._running is not None:
            self._waiting = request  # replaces any request already waiting
            return None
        return self._start(request)

    def finished(self, seq: int) -> SearchRequest | None:
        """The search `seq` ended (answered, failed or cancelled): the next to start, if any."""
        if self._running is None or self._running.seq != seq:
            return None
        self._running = None
        waiting, self._waiting = self._waiting, None
        return self._start(waiting) if waiting is not None else None

    def is_latest(self, request: SearchRequest) -> bool:
        return self.latest is not None and request.seq == self.latest.seq

    def _start(self, request: SearchRequest) -> SearchRequest:
        self._seq += 1
        started = replace(request, seq=self._seq)
        self._running = started
        self.latest = started
        return started


def answers(
    desk: Desk, request: SearchRequest, should_stop: Callable[[], bool] | None = None
) -> Iterator[SearchAnswer]:
    """The answers for one request, in the order to show them (runs in a worker).

    A malformed query raises `QuerySyntaxError` (its message is one line), and a
    search given up because `should_stop` answered True raises `SearchSuperseded`.
    The caller stops iterating when the search is cancelled.
    """
    if request.query:
        sort: Sort = next((known for known in SORTS if known == request.sort), "relevance")
        result = desk.search(request.query, sort=sort, limit=None, should_stop=should_stop)
        ids, terms, notice = list(result.ids), list(result.terms), result.notice
        total = max(result.total, len(ids))
        order = result.sort
        behind = result.index_behind
        if result.stopped is not None:
            yield SearchAnswer(request, [], terms, notice, stopped=result.stopped)
            return
    else:
        by_urgency = request.sort == "urgency"
        if not request.grouped and not by_urgency:
            # A screenful first: reading a 100,000-article inbox takes a while.
            yield first_screenful(desk, request)
        ids, terms, notice = desk.inbox_ids("urgency" if by_urgency else "newest"), [], None
        total = len(ids)
        order = "urgency" if by_urgency else "newest"
        behind = False  # the inbox is read from the store, not the index
    story_of = desk.story_map() if request.grouped else {}
    yield SearchAnswer(
        request, ids, terms, notice, story_of, total, sort=order, index_behind=behind
    )


class _Shown(Protocol):
    @property
    def query(self) -> str | None: ...


def waiting_notice(request: SearchRequest, shown: _Shown) -> str:
    """What the search bar says of a search asked while the shared desk is away."""
    what = f"the search for {request.query!r}" if request.query else "the inbox"
    now = f"the results for {shown.query!r}" if shown.query else "the inbox"
    return (
        f"The store is away: {what} waits for the store and runs when it is back; "
        f"the list still shows {now}"
    )


def first_screenful(desk: Desk, request: SearchRequest) -> SearchAnswer:
    """The newest inbox rows, an incomplete answer to the empty query (milliseconds)."""
    head = desk.inbox_head(HEAD_ROWS)
    return SearchAnswer(request, head, total=len(head), complete=False)
