"""What a search shows: the list of articles and, beside or below it, the one under the cursor.

A container of the two panes (`InboxList`, `DetailPane`) and of what they
show (`InboxResults`: the answer and the grouped view). It takes answers in,
follows the cursor with the detail pane, expands and folds stories and keeps
the selection; it posts nothing of its own. The screen owns the keys, the
search box and the writes; another screen (a feed's articles, say) can show
its own answers in one of these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Container
from textual.timer import Timer

from newsdesk.errors import DeskError
from newsdesk.model import Article, ArticleRow
from newsdesk.store.protocol import ActionRecord, Claim
from newsdesk.tui.inbox_results import InboxResults, Placement
from newsdesk.tui.search_runner import SearchAnswer
from newsdesk.tui.selection import in_answer_order, picked_by_story, toggled
from newsdesk.tui.widgets.detail import DetailPane
from newsdesk.tui.widgets.inbox import InboxList

#: The detail pane follows the cursor after this pause (holding j stays fast).
DETAIL_DEBOUNCE = 0.05
#: Rows read at a time when looking for the next unread article.
UNREAD_CHUNK = 500
#: Selections up to this size drop articles deleted elsewhere (`forget_deleted`).
FORGET_DELETED_LIMIT = 2000


class InboxSource(Protocol):
    """What the panes read (the Desk has all of it)."""

    #: Who reads: their claims are marked as theirs.
    editor: str

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]: ...

    def get(self, article_id: str) -> Article | None: ...

    def story_members(
        self,
        story_id: str,
        *,
        with_archived: bool = True,
        matched: Collection[str] | None = None,
    ) -> list[str]: ...

    def shown_story_counts(
        self, ids: Sequence[str], *, with_archived: bool, matched: Collection[str] | None = None
    ) -> dict[str, tuple[int, int]]: ...

    def shown_story_members(
        self, ids: Sequence[str], *, with_archived: bool, matched: Collection[str] | None = None
    ) -> dict[str, list[str]]: ...

    def related(self, article_id: str, limit: int = 5) -> list[str]: ...

    def with_versions(self, ids: Sequence[str]) -> list[str]: ...

    def current_versions(self, ids: Sequence[str]) -> list[str]: ...

    def existing(self, ids: Sequence[str]) -> set[str]: ...

    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]: ...

    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]: ...
    def rule_effects(self, article: Article) -> list[str]: ...


T = TypeVar("T")


class GuardedSource:
    """An `InboxSource` whose reads answer "nothing" instead of failing.

    On a shared desk the server can go away while the app runs, and the panes
    read as they draw: rows already drawn stay drawn, the detail pane keeps its
    article (`get` still raises, so the pane can tell "gone from the store" from
    "cannot ask now"). `DeskWatch` says when the store is lost and when it is back.
    """

    def __init__(self, source: InboxSource) -> None:
        self._source = source
        self.editor = source.editor

    @staticmethod
    def _or(read: Callable[[], T], fallback: T) -> T:
        try:
            return read()
        except DeskError:
            return fallback

    def get(self, article_id: str) -> Article | None:
        return self._source.get(article_id)  # the pane keeps its article on an error

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]:
        return self._or(lambda: self._source.rows(ids), [])

    def story_members(
        self,
        story_id: str,
        *,
        with_archived: bool = True,
        matched: Collection[str] | None = None,
    ) -> list[str]:
        return self._or(
            lambda: self._source.story_members(
                story_id, with_archived=with_archived, matched=matched
            ),
            [],
        )

    def shown_story_counts(
        self, ids: Sequence[str], *, with_archived: bool, matched: Collection[str] | None = None
    ) -> dict[str, tuple[int, int]]:
        return self._or(
            lambda: self._source.shown_story_counts(
                ids, with_archived=with_archived, matched=matched
            ),
            {},
        )

    def shown_story_members(
        self, ids: Sequence[str], *, with_archived: bool, matched: Collection[str] | None = None
    ) -> dict[str, list[str]]:
        return self._or(
            lambda: self._source.shown_story_members(
                ids, with_archived=with_archived, matched=matched
            ),
            {},
        )

    def related(self, article_id: str, limit: int = 5) -> list[str]:
        return self._or(lambda: self._source.related(article_id, limit), [])

    def with_versions(self, ids: Sequence[str]) -> list[str]:
        return self._or(lambda: self._source.with_versions(ids), list(ids))

    def current_versions(self, ids: Sequence[str]) -> list[str]:
        return self._or(lambda: self._source.current_versions(ids), list(ids))

    def existing(self, ids: Sequence[str]) -> set[str]:
        return self._or(lambda: self._source.existing(ids), set(ids))

    def claims(self, ids: Sequence[str] | None = None) -> dict[str, Claim]:
        return self._or(lambda: self._source.claims(ids), {})

    def article_log(self, article_id: str, limit: int = 20) -> list[ActionRecord]:
        return self._or(lambda: self._source.article_log(article_id, limit), [])

    def rule_effects(self, article: Article) -> list[str]:
        return self._or(lambda: self._source.rule_effects(article), [])


class InboxView(Container):
    """The list and the detail pane, and the answer they show."""

    def __init__(
        self,
        source: InboxSource,
        clock: Callable[[], datetime],
        *,
        relative_times: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        # Reads that fail (a shared desk's server gone) leave the panes as they are.
        self._source = GuardedSource(source)
        #: The same reads, failing loudly: what an action reaches is never guessed from
        #: a read that failed (a folded story's versions read as "none", so its head alone).
        self._reads = source
        self._clock = clock
        self._relative_times = relative_times
        #: The answer on screen and the grouped view's state.
        self.results = InboxResults()
        #: What an import under way is doing ("importing…"), "" when none runs.
        self.importing: Callable[[], str] = lambda: ""
        #: What the empty inbox suggests doing (the screen names its keys, remapped or not).
        self.empty_hint = "i imports files or folders; ? shows every key."
        #: Expand the story holding this article once the grouped view is shown.
        self.pending_expand: str | None = None
        self._detail_timer: Timer | None = None
        #: Story versions the last `targets` / `cursor_story` left out: they joined their
        #: story after its row was drawn.
        self.newer_left = 0
        #: The query whose `shows_archived` was read last, and the answer.
        self._archive_view: tuple[str, bool] = ("", False)
        #: The answer's ids whose set `matched` gave last, and that set.
        self._matched: tuple[list[str], frozenset[str]] | None = None
        #: (selection version, answer ids) -> story id -> its versions selected.
        self._picks: tuple[int, list[str], Counter[str]] | None = None
        #: Version -> its story, for those picked through a story row: an earlier wire
        #: take its row counts is in no answer's `story_of`, and its row's mark needs it.
        self.picked_story_of: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        inbox = InboxList(
            self._rows_as_shown,
            self._clock,
            relative_times=self._relative_times,
            editor=self._source.editor,
            id="inbox",
        )
        inbox.story_picks = self.story_picks
        yield inbox
        detail = DetailPane(self._source, self._clock, id="detail")
        detail.counted = self.counted_members  # "Also in" names what "+N" counts
        yield detail

    @property
    def inbox(self) -> InboxList:
        return self.query_one(InboxList)

    def shows_archived(self) -> bool:
        """Whether the answer on screen is of the archive (`is:archived`, `in:all`...):
        only there does a story row count and act on its archived versions."""
        query = self.results.query or ""
        if query != self._archive_view[0]:
            from newsdesk.search.query import parse

            try:
                shown = parse(query, now=self._clock()).shows_archived
            except DeskError:
                shown = False  # a query that cannot be read shows nothing
            self._archive_view = (query, shown)
        return self._archive_view[1]

    def matched(self) -> frozenset[str] | None:
        """What a search on screen matched (None for the inbox): a folded story row counts
        and acts on those of its versions only. In a search it stood for every version,
        the ones the search did not match included."""
        if not self.results.query:
            return None
        ids = self.results.ids
        if self._matched is None or self._matched[0] is not ids:
            self._matched = (ids, frozenset(ids))
        return self._matched[1]

    def story_picks(self, head: str) -> int:
        """How many versions of the story row `head` the answer lists are selected (its
        mark: all or some of those it counts). Counted once a selection and answer."""
        story = self.results.story_of_head.get(head)
        if story is None:
            return 0
        inbox, ids = self.inbox, self.results.ids
        cached = self._picks
        if cached is None or cached[0] != inbox.selection_version or cached[1] is not ids:
            counts = picked_by_story(
                inbox.selected, ids, self.results.story_of, self.picked_story_of
            )
            cached = self._picks = (inbox.selection_version, ids, counts)
        return cached[2][story]

    def counted_members(self, story_id: str) -> list[str]:
        """The versions of a story its folded row counts in this view (as `_rows_as_shown`)."""
        return self._source.story_members(
            story_id, with_archived=self.shows_archived(), matched=self.matched()
        )

    def _rows_as_shown(self, ids: Sequence[str]) -> list[ArticleRow]:
        """The rows, a story's counts (+N, starred) of the versions this view shows: an
        archived version counted in the inbox's "+2", and `s` starred it too."""
        rows = self._source.rows(ids)
        in_stories = [row.id for row in rows if row.story_size > 1]
        if not in_stories:
            return rows
        counts = self._source.shown_story_counts(
            in_stories, with_archived=self.shows_archived(), matched=self.matched()
        )
        return [
            replace(row, story_size=found[0], story_starred=found[1])
            if (found := counts.get(row.id)) is not None
            else row
            for row in rows
        ]

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    # -- answers ------------------------------------------------------------------------

    def show_answer(self, answer: SearchAnswer) -> bool:
        """Show a search's answer; False when it was not worth showing (see InboxResults)."""
        inbox = self.inbox
        placement = self.results.accept(
            answer,
            has_rows=inbox.row_count > 0,
            current=inbox.current_id,
            successor=lambda gone: self._source.current_versions([gone])[0],
        )
        if placement is None:
            return False
        was_archive = self._archive_view[1]
        if self.shows_archived() != was_archive:
            inbox.invalidate()  # stories count their archived versions here, or no longer
        inbox.story_heads = set(self.results.story_of_head)
        self._refresh_expanded(answer.ids)
        self.show_rows(placement)
        if answer.unreadable:
            # Not "no article matches": nothing was searched (the bar above says why).
            inbox.empty_message = "This search could not be read: see the search bar."
        elif answer.request.query and answer.index_behind:
            # A `newsdesk reindex` from a shell empties the index for a while: "no
            # article matches" (or a bare "0 shown") said the desk held none.
            inbox.empty_message = (
                "Nothing found yet: the search index is being rebuilt or catching up; "
                "the list fills in as it does."
            )
        elif answer.request.query:
            inbox.empty_message = "No article matches this search."
        elif busy := self.importing():
            # The first start's sample queue (or any import) is still on its way in.
            inbox.empty_message = f"Nothing here yet: {busy}"
        else:
            inbox.empty_message = f"The inbox is empty. {self.empty_hint}"
        self.schedule_detail()
        if self.pending_expand is not None:
            pending, self.pending_expand = self.pending_expand, None
            self.expand_story_of(pending)
        return True

    def show_rows(self, placement: Placement) -> None:
        ids, depth = self.results.rows()
        self.inbox.expanded = set(self.results.expanded)
        # The headline's words the search found, marked as the detail pane marks them.
        terms = self.results.terms
        if terms:
            from newsdesk.search.highlight import highlighter  # as the detail pane: lazily

            self.inbox.marks = highlighter(terms)
        else:
            self.inbox.marks = None
        self.inbox.set_rows(ids, depth, keep=placement.keep)

    def drop(self, ids: set[str]) -> None:
        """Rows that left the answer (archived, deleted); the cursor keeps its article,
        or goes to the next row when its own left.

        The rows are the answer's as it is now (`InboxResults.drop`): an expanded story
        whose head left has its next version as head, its other versions under it. The
        rows dropped one by one left those versions under no head: "5 shown in 0
        stories", and `h` could fold nothing."""
        inbox = self.inbox
        inbox.set_selection(inbox.selected - ids, by_query=inbox.selected_by_query)
        self.results.drop(ids)
        inbox.story_heads = set(self.results.story_of_head)
        self.show_rows(Placement(inbox.current_id))

    # -- the detail pane ----------------------------------------------------------------

    @on(InboxList.CursorMoved)
    def _cursor_moved(self) -> None:
        self.schedule_detail()

    def schedule_detail(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DEBOUNCE, self.show_detail)

    def show_detail(self) -> None:
        """Show the cursor's article, or why there is none."""
        self._detail_timer = None
        article_id = self.inbox.current_id
        if article_id is None:
            self.detail.show_message(self.inbox.empty_message)
            return
        self.show_article(article_id)

    def show_article(self, article_id: str) -> None:
        """Show any article in the detail pane (the cursor's, or one opened directly)."""
        self.detail.show_article(article_id, terms=self.results.terms)

    def redraw_from_store(self) -> None:
        """The store changed underneath: the rows and the shown article as they are now."""
        self.inbox.invalidate()
        shown = self.detail.article_id
        if shown is not None:
            self.show_article(shown)  # the same article, not the cursor's
        else:
            self.show_detail()

    # -- stories --------------------------------------------------------------------------

    def expand_story(self, head: str) -> bool:
        """Show the versions of the story row `head`; False if it is not one.

        Raises `DeskError` when the versions cannot be read (the row stays folded: opened
        empty, it stood for its head alone, and the next key acted on that one only).
        """
        story = self.results.story_of_head.get(head)
        if story is None:
            return False
        # The versions its "+N" counted: an archived one stays out of the inbox's.
        members = self._reads.story_members(
            story, with_archived=self.shows_archived(), matched=self.matched()
        )
        # A folded row selected has its versions selected (`select_current`): expanded,
        # each shows its own mark, and nothing is added or lost.
        self.results.expand(head, members)
        self.show_rows(Placement(head))
        return True

    def _refresh_expanded(self, answer_ids: list[str]) -> None:
        """An open story's versions as they are now: one the answer lists again (an
        archive undone, a version arrived) joins those shown; one it left stays out."""
        expanded = self.results.expanded
        if not expanded:
            return
        listed = set(answer_ids)
        for head, versions in list(expanded.items()):
            story = self.results.story_of_head.get(head)
            if story is None:
                continue
            members = self._source.story_members(story)
            if not members:
                continue  # not read (the store is away): what is shown stays
            shown = set(versions)
            fresh = [m for m in members if m != head and (m in shown or m in listed)]
            if fresh != versions:
                expanded[head] = fresh

    def expand_story_of(self, article_id: str) -> None:
        """Open the story that holds `article_id` and put the cursor on it."""
        head = self.results.head_of(article_id)
        inbox = self.inbox
        if head is None:
            return
        inbox.cursor = inbox.ids.index(head)
        try:
            self.expand_story(head)
        except DeskError:
            return  # the store is away (DeskWatch says so): the cursor stays on its row
        if article_id in inbox.ids:
            inbox.cursor = inbox.ids.index(article_id)

    def collapse_story(self) -> None:
        """Fold the story the cursor is in (on its head or on one of its versions)."""
        inbox = self.inbox
        if not inbox.ids:
            return
        head_index = inbox.cursor
        while head_index > 0 and inbox.depth_at(head_index) > 0:
            head_index -= 1
        head = inbox.ids[head_index]
        if self.results.collapse(head):
            self.show_rows(Placement(head))

    # -- targets and selection --------------------------------------------------------------

    def targets(self) -> list[str]:
        """The selection in the answer's order, else the cursor row, else nothing.

        The selection is articles, as picked (`newsdesk/tui/selection.py`): a story row
        picked brought the versions it stood for then, so nothing is added now (not a
        version that arrived since, not a headline version that changed). The cursor's
        folded story row stands for its story: every version, so one action (and one
        undo) covers them all: those its row counted when drawn (`newer_left` says how
        many arrived since and were left out). Raises `DeskError` when a story's
        versions cannot be read: the action is refused, never taken to a part of them.
        """
        self.newer_left = 0
        inbox = self.inbox
        if inbox.selected:
            return in_answer_order(inbox.selected, self.results.ids)
        if inbox.current_id:
            return self._as_drawn([inbox.current_id])
        return []

    def cursor_story(self) -> list[str]:
        """The cursor's article, or every version if it is a folded story row (raises
        `DeskError` as `targets` does)."""
        self.newer_left = 0
        current = self.inbox.current_id
        if current is None:
            return []
        return self._as_drawn([current])

    def _as_drawn(self, ids: list[str]) -> list[str]:
        with_archived = self.shows_archived()
        matched = self.matched()
        heads = [i for i in ids if self.results.is_story_row(i)]
        if len(heads) > 1:
            # A range over many story rows: one statement for them all, not one a row
            # on the UI thread (raises `DeskError` as one read does).
            by_story = self._reads.shown_story_members(
                heads, with_archived=with_archived, matched=matched
            )

            def members_of(story: str) -> list[str]:
                return self._remember_story(story, by_story.get(story, []))
        else:

            def members_of(story: str) -> list[str]:
                return self._remember_story(
                    story,
                    self._reads.story_members(story, with_archived=with_archived, matched=matched),
                )

        found = self.results.story_targets(ids, members_of, self.inbox.drawn_story_size)
        self.newer_left = found.newer
        return found.ids

    def _remember_story(self, story: str, members: list[str]) -> list[str]:
        """`members` of `story`, kept as such for the row's mark (`story_picks`)."""
        self.picked_story_of.update(dict.fromkeys(members, story))
        return members

    def select_current(self) -> None:
        """`x`: the cursor's row in or out of the selection; a folded story row, the
        versions it stands for (raises `DeskError` when they cannot be read: nothing is
        picked, rather than its headline version alone)."""
        self.newer_left = 0
        inbox = self.inbox
        current = inbox.current_id
        if current is None:
            return
        versions = self._as_drawn([current])  # `newer_left`: versions not drawn yet
        inbox.set_selection(toggled(inbox.selected, versions))
        inbox.range_anchor = inbox.cursor

    def select_range(self) -> tuple[int, int] | None:
        """Select from the anchor (the last row selected) to the cursor: how many rows,
        and how many articles they stand for (a folded story row, its versions). Raises
        `DeskError` as `select_current` does."""
        inbox = self.inbox
        if not inbox.ids:
            return None
        anchor = inbox.range_anchor if inbox.range_anchor is not None else inbox.cursor
        low, high = sorted((anchor, inbox.cursor))
        rows = inbox.ids[low : high + 1]
        versions = self._as_drawn(rows)
        self.newer_left = 0
        inbox.set_selection(inbox.selected | set(versions))
        inbox.range_anchor = inbox.cursor
        return len(rows), len(versions)

    def select_all(self) -> None:
        """Select every article of the answer (folded versions included): those, and no
        version that arrives later through its story's row), with the earlier wire takes
        its story rows count: no answer lists them. One read for every story row."""
        results = self.results
        heads = list(results.story_of_head)
        picked: dict[str, None] = dict.fromkeys(results.ids)
        if heads:
            by_story = self._source.shown_story_members(
                heads, with_archived=self.shows_archived(), matched=self.matched()
            )
            for story, members in by_story.items():
                self.picked_story_of.update(dict.fromkeys(members, story))
                picked.update(dict.fromkeys(members))
        self.inbox.set_selection(picked, by_query=results.query or "")

    def forget_deleted(self) -> None:
        """Articles deleted elsewhere (a shell, another editor) leave the selection: it
        counted them, and an action on it said they "changed too"."""
        inbox = self.inbox
        if not inbox.selected or len(inbox.selected) > FORGET_DELETED_LIMIT:
            # A select-all of a big desk is not read again at every change elsewhere
            # (a query a thousand ids): the action on it counts what it found.
            return
        gone = inbox.selected - self._source.existing(list(inbox.selected))
        if gone:
            inbox.set_selection(inbox.selected - gone, by_query=inbox.selected_by_query)

    def clear_selection(self) -> bool:
        """False when nothing was selected."""
        inbox = self.inbox
        if not inbox.selected:
            return False
        inbox.set_selection(())
        inbox.range_anchor = None
        self.picked_story_of.clear()
        return True

    def next_unread(self, after: int | None = None) -> int | None:
        """The index of the first unread row below the cursor (or below row `after`)."""
        inbox = self.inbox
        ids = inbox.ids
        start = (inbox.cursor if after is None else after) + 1
        for chunk in range(start, len(ids), UNREAD_CHUNK):
            rows = inbox.rows_for(ids[chunk : chunk + UNREAD_CHUNK])
            unread = {row.id for row in rows if not row.read}
            for index in range(chunk, min(chunk + UNREAD_CHUNK, len(ids))):
                if ids[index] in unread:
                    return index
        return None
