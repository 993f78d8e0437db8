"""The inbox screen's base layer: layout, navigation, search-as-you-type, detail pane.

The screen is built in three thin layers, one file each: this one (what you
see and how you move), `jobs.JobsScreen` (background work: index, counts,
import, export, open URL) and `main.MainScreen` (the triage verbs and the key
table).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Container
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar
from textual.worker import Worker, get_current_worker

from newsdesk.desk import DeskError, Sort
from newsdesk.model import ArticleRow
from newsdesk.store import StoreError
from newsdesk.tui.story_view import story_heads, with_versions
from newsdesk.tui.widgets.detail import DetailPane
from newsdesk.tui.widgets.inbox import InboxList
from newsdesk.tui.widgets.search_bar import SearchBar, SearchInput
from newsdesk.tui.widgets.status_line import StatusInfo, StatusLine

T = TypeVar("T")

if TYPE_CHECKING:
    from newsdesk.tui.app import NewsdeskApp

#: While typing, at most one search starts per this many seconds. Zero, because searches
#: are already paced by the engine: one runs at a time and only the latest query waits
#: (bench_tui.py at 10,000 articles: p50 95 ms with 0, 127 ms with 0.15).
SEARCH_DEBOUNCE = 0.0
#: Rows painted before the whole inbox is read.
HEAD_ROWS = 200
#: The detail pane follows the cursor after this pause (holding j stays fast).
DETAIL_DEBOUNCE = 0.05
#: Related articles listed in the detail pane (keys 1-5).
RELATED_LIMIT = 5


@dataclass(frozen=True)
class SearchRequest:
    """One search to run; `seq` orders them so stale answers are dropped."""

    seq: int
    query: str
    sort: str
    grouped: bool
    #: Keep the cursor on this article when the results arrive.
    keep: str | None = None
    keep_index: bool = False


class InboxScreen(Screen[None]):
    """Layout, movement, search and the detail pane."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    """List above the detail pane below 110 columns, beside it from 110."""

    @dataclass
    class SearchDone(Message):
        """A search finished (posted from the search worker)."""

        request: SearchRequest
        ids: list[str]
        terms: list[str]
        notice: str | None
        story_of: dict[str, str] = field(default_factory=dict)
        #: Matches in all (more than `ids` when the search was cut short).
        total: int = 0
        #: False for the first screenful of a big inbox; the whole list follows.
        complete: bool = True

    @dataclass
    class RelatedFound(Message):
        """An article's related articles (other stories), from the related worker."""

        article_id: str
        rows: list[ArticleRow]

    @dataclass
    class SearchFailed(Message):
        """The query could not be parsed or run; `message` says why in one line."""

        request: SearchRequest
        message: str

    app: NewsdeskApp

    def __init__(self) -> None:
        super().__init__()
        self._search_seq = 0
        self._latest: SearchRequest | None = None
        self._search_timer: Timer | None = None
        self._search_running = False
        #: (keep, keep_index) of the search asked for while another ran.
        self._search_waiting: tuple[str | None, bool] | None = None
        self._last_search_at = 0.0
        self._detail_timer: Timer | None = None
        #: Article id -> its related articles (Whoosh more-like-this is not free).
        self.related_cache: LRUCache[str, list[ArticleRow]] = LRUCache(512)
        #: Result of the last search: every matching id, in order (before grouping).
        self.result_ids: list[str] = []
        self.result_total = 0
        self.terms: list[str] = []
        #: Head id -> story id in the grouped view.
        self.story_of_head: dict[str, str] = {}
        self.story_of: dict[str, str] = {}
        #: Expanded story heads -> their versions.
        self.expanded: dict[str, list[str]] = {}
        self._base_rows: list[str] = []
        self._pending_expand: str | None = None
        #: The query whose answer is on screen (None before the first), and whether
        #: only its first screenful is.
        self._shown_query: str | None = None
        self._shown_partial = False
        #: Inbox-wide counts (unread, starred...) for the status line.
        self.counts: dict[str, int] = {}
        #: Index progress for the status line ("indexing 3,000/10,000"), empty when idle.
        self.index_text = ""
        #: Background jobs under way, name -> what the status line says.
        self.busy: dict[str, str] = {}

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        state = self.app.ui_state
        yield StatusLine(id="status")
        yield SearchBar(state.query, state.recent_searches, id="search")
        with Container(id="panes"):
            yield InboxList(
                self.app.desk.rows,
                self.app.clock,
                relative_times=self.app.settings.relative_times,
                id="inbox",
            )
            yield DetailPane(id="detail")
        yield ProgressBar(id="progress", show_eta=False)
        yield Footer()

    @property
    def inbox(self) -> InboxList:
        return self.query_one(InboxList)

    @property
    def detail(self) -> DetailPane:
        return self.query_one(DetailPane)

    @property
    def search_input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def query_text(self) -> str:
        return self.search_input.value.strip()

    def on_mount(self) -> None:
        self.search_input.leave_target = self.inbox
        self.set_focus(self.inbox)
        self.inbox.empty_message = "Loading…"
        self.run_search(keep=None)
        # Background jobs (index, counts) start after the first frame is on screen.
        self.call_after_refresh(self.start_jobs)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.report_worker_state(event)
        if event.worker.group == "search" and event.worker.is_finished:
            self._search_running = False
            if self._search_waiting is not None:
                keep, keep_index = self._search_waiting
                self._search_waiting = None
                self._start_search(keep, keep_index)

    def start_jobs(self) -> None:
        """Start background work (the jobs layer does)."""

    def after_change(self, ids: list[str]) -> None:
        """Redraw rows whose state changed (the jobs layer also refreshes counts)."""
        self.inbox.invalidate(ids)
        self.update_status()

    # -- search --------------------------------------------------------------------

    def run_search(self, *, keep: str | None = None, keep_index: bool = False) -> None:
        """Search for the current query; while one runs, only the latest request waits.

        One search at a time: on a big store, searches for the letters typed on the
        way to a word would otherwise run side by side and slow the last one down.
        """
        if self._search_running:
            self._search_waiting = (keep, keep_index)
            return
        self._start_search(keep, keep_index)

    def _start_search(self, keep: str | None, keep_index: bool) -> None:
        self._search_running = True
        self._search_seq += 1
        request = SearchRequest(
            seq=self._search_seq,
            query=self.query_text,
            sort=self.app.ui_state.sort,
            grouped=self.app.ui_state.grouped,
            keep=keep,
            keep_index=keep_index,
        )
        self._latest = request
        self._search_worker(request)

    def refresh_results(self) -> None:
        """Run the search again, keeping the cursor on the same article."""
        self.run_search(keep=self.inbox.current_id)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, name="search")
    def _search_worker(self, request: SearchRequest) -> None:
        worker = get_current_worker()
        desk = self.app.desk
        if request.query:
            from newsdesk.search.query import QuerySyntaxError

            try:
                sort: Sort = "newest" if request.sort == "newest" else "relevance"
                result = desk.search(request.query, sort=sort, limit=None)
            except QuerySyntaxError as exc:
                self.post_message(self.SearchFailed(request, str(exc)))
                return
            ids, terms, notice = list(result.ids), list(result.terms), result.notice
            total = max(result.total, len(ids))
        else:
            if not request.grouped:
                # A screenful first: reading a 100,000-article inbox takes a while.
                head = desk.inbox_head(HEAD_ROWS)
                self.post_message(
                    self.SearchDone(request, head, [], None, {}, len(head), complete=False)
                )
            ids, terms, notice = desk.inbox_ids(), [], None
            total = len(ids)
        if worker.is_cancelled:
            return
        story_of = desk.story_map() if request.grouped else {}
        if worker.is_cancelled:
            return
        self.post_message(self.SearchDone(request, ids, terms, notice, story_of, total))

    def on_inbox_screen_search_done(self, message: SearchDone) -> None:
        if self._latest is None or message.request.seq != self._latest.seq:
            return  # an older search finished after a newer one started
        request = message.request
        keep = request.keep
        if not message.complete:
            if self.inbox.row_count and self._shown_query == "":
                return  # the whole inbox is already on screen: wait for the fresh copy
        elif self._shown_partial:
            keep = self.inbox.current_id  # the reader may have moved in the first screenful
        self._shown_partial = not message.complete
        self._shown_query = request.query
        self.result_ids = message.ids
        self.result_total = message.total
        self.terms = message.terms
        self.story_of = message.story_of
        bar = self.query_one(SearchBar)
        bar.show_message(message.notice or "", error=False)
        if request.grouped:
            rows, self.story_of_head = story_heads(message.ids, message.story_of)
            self.expanded = {h: v for h, v in self.expanded.items() if h in self.story_of_head}
        else:
            rows, self.story_of_head = list(message.ids), {}
            self.expanded = {}
        self._base_rows = rows
        self.inbox.story_heads = set(self.story_of_head)
        if keep is not None and request.grouped and keep not in self.story_of_head:
            # A version folded into its story: keep the cursor on the story's row.
            story = message.story_of.get(keep)
            expanded = any(keep in members for members in self.expanded.values())
            if story is not None and not expanded:
                keep = next((h for h, s in self.story_of_head.items() if s == story), keep)
        self._show_rows(keep=keep, keep_index=request.keep_index)
        self.inbox.empty_message = (
            "No article matches this search." if request.query else "The inbox is empty."
        )
        if message.complete:
            self.busy.pop("loading", None)
        else:
            self.busy["loading"] = "loading the inbox…"
        self.update_status()
        self.schedule_detail()
        if message.complete:
            self.app.freeze_startup_objects()
        if self._pending_expand is not None:
            pending, self._pending_expand = self._pending_expand, None
            self._expand_story_of(pending)

    def on_inbox_screen_search_failed(self, message: SearchFailed) -> None:
        if self._latest is None or message.request.seq != self._latest.seq:
            return
        self.query_one(SearchBar).show_message(message.message, error=True)

    def _show_rows(self, *, keep: str | None, keep_index: bool = False) -> None:
        ids, depth = with_versions(self._base_rows, self.expanded)
        self.inbox.expanded = set(self.expanded)
        self.inbox.set_rows(ids, depth, keep=keep, keep_index=keep_index)

    @on(SearchInput.Changed, "#search-input")
    def _query_changed(self) -> None:
        """Search at once after a pause in typing, else at most once per debounce period."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        since = time.monotonic() - self._last_search_at
        if since >= SEARCH_DEBOUNCE:
            self._search_now()
        else:
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE - since, self._search_now)

    def _search_now(self) -> None:
        self._search_timer = None
        self._last_search_at = time.monotonic()
        self.app.ui_state.query = self.query_text
        self.run_search()

    @on(SearchInput.Submitted, "#search-input")
    @on(SearchInput.Leave)
    def _leave_search(self) -> None:
        self.search_input.reset_recall()
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_now()
        self.app.ui_state.remember_search(self.query_text)
        self.app.save_ui_state()
        self.set_focus(self.inbox)

    def set_query(self, query: str, *, keep: str | None = None) -> None:
        """Replace the query and search now (saved searches, Esc, related jumps)."""
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None
        with self.search_input.prevent(SearchInput.Changed):
            self.search_input.value = query
        self.app.ui_state.query = query
        self.app.save_ui_state()
        self.run_search(keep=keep)

    # -- status and detail ------------------------------------------------------------

    def update_status(self) -> None:
        counts = self.counts
        shown_query = self._shown_query or ""
        info = StatusInfo(
            shown=len(self.result_ids),
            total=max(self.result_total, len(self.result_ids)),
            unread=counts.get("unread", 0),
            starred=counts.get("starred", 0),
            selected=len(self.inbox.selected),
            # The query whose results are on screen (typing may be ahead of it).
            query=shown_query,
            sort=self.app.ui_state.sort if shown_query else "newest",
            grouped=self.app.ui_state.grouped,
            index=self.index_text,
            busy=list(self.busy.values()),
        )
        self.query_one(StatusLine).show(info)
        self.refresh_bindings()  # the footer shows the keys valid now

    @on(InboxList.CursorMoved)
    def _cursor_moved(self) -> None:
        self.schedule_detail()

    def schedule_detail(self) -> None:
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DEBOUNCE, self.show_detail)

    def show_detail(self) -> None:
        self._detail_timer = None
        article_id = self.inbox.current_id
        if article_id is None:
            self.detail.show_message(
                "No article matches this search." if self.query_text else "The inbox is empty."
            )
            return
        self.show_article(article_id)

    def show_article(self, article_id: str) -> None:
        """Show any article in the detail pane (the cursor's, or one opened directly)."""
        article = self.app.desk.get(article_id)
        if article is None:
            self.detail.show_message("This article is no longer in the store.")
            return
        carried: list[ArticleRow] = []
        members: list[str] = []
        if article.story_size > 1 and article.story_id:
            members = [m for m in self.app.desk.story_members(article.story_id) if m != article.id]
            carried = self.app.desk.rows(members[:50])
        related = self.related_cache.get(article.id)
        if related is None:
            self._related_worker(article.id, members)
        self.detail.show(
            article, self.app.clock(), terms=self.terms, carried_by=carried, related=related
        )

    @work(
        thread=True, exclusive=True, group="related", exit_on_error=False, name="related articles"
    )
    def _related_worker(self, article_id: str, story: list[str]) -> None:
        """More-like-this off the UI thread: one article per other story, never this one's."""
        desk = self.app.desk
        found = desk.related(article_id, limit=2 * RELATED_LIMIT + len(story))
        taken = {article_id, *story}
        ids: list[str] = []
        for candidate in found:
            if candidate in taken:
                continue
            ids.append(candidate)
            if len(ids) == RELATED_LIMIT:
                break
            taken.update(desk.with_versions([candidate]))  # its story's other versions
        if get_current_worker().is_cancelled:
            return
        self.post_message(self.RelatedFound(article_id, desk.rows(ids)))

    def on_inbox_screen_related_found(self, message: RelatedFound) -> None:
        self.related_cache.set(message.article_id, message.rows)
        if self.detail.article_id == message.article_id:
            self.show_article(message.article_id)

    # -- navigation -----------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.inbox.cursor += 1

    def action_cursor_up(self) -> None:
        self.inbox.cursor -= 1

    def action_cursor_top(self) -> None:
        self.inbox.cursor = 0

    def action_cursor_bottom(self) -> None:
        self.inbox.cursor = self.inbox.row_count - 1

    def action_page_down(self) -> None:
        self.inbox.cursor += self.inbox.page_height

    def action_page_up(self) -> None:
        self.inbox.cursor -= self.inbox.page_height

    def action_focus_search(self) -> None:
        if self.search_input.has_focus:
            self.search_input.insert_text_at_cursor("/")  # the key is a priority binding
            return
        self.set_focus(self.search_input)  # at once: the keys typed next go to the box

    def action_focus_detail(self) -> None:
        if self.detail.has_focus:
            self.set_focus(self.inbox)
        else:
            self.set_focus(self.detail)

    def action_open(self) -> None:
        article_id = self.inbox.current_id
        if article_id is None:
            return
        if (
            article_id in self.story_of_head
            and article_id not in self.expanded
            and self.inbox.depth_at(self.inbox.cursor) == 0
        ):
            self.action_expand()
            return
        self.open_article(article_id)

    @on(InboxList.Activated)
    def _activated(self, message: InboxList.Activated) -> None:
        self.open_article(message.article_id)

    def saved(self, write: Callable[[], T], title: str = "Not saved") -> T | None:
        """Run a write to the store; if it cannot be saved, say why and carry on.

        A read-only data folder, a full disk or another process holding a write
        past the busy timeout is the user's situation, not a crash.
        """
        try:
            return write()
        except (StoreError, DeskError, sqlite3.OperationalError) as exc:
            self.notify(str(exc), title=title, severity="error", timeout=10, markup=False)
            return None

    def open_article(self, article_id: str) -> None:
        row = self.inbox.row(article_id)
        if row is not None and not row.read:
            ids = [article_id]
            if self.app.settings.read_all_versions and row.story_size > 1:
                ids = self.app.desk.with_versions(ids)  # "read one, read all"
            result = self.saved(lambda: self.app.desk.mark_read(ids, True))
            if result is not None:
                self.after_change(result.changed)
        self.show_detail()
        self.set_focus(self.detail)

    def action_expand(self) -> None:
        article_id = self.inbox.current_id
        if article_id is None:
            return
        if self.inbox.depth_at(self.inbox.cursor) > 0:
            return
        if not self.app.ui_state.grouped:
            row = self.inbox.current_row()
            if row is None or row.story_size <= 1:
                self.notify("This article has no other versions.", timeout=2)
                return
            # Expanding from the flat list switches to the grouped view on this story.
            self.app.ui_state.grouped = True
            self.app.save_ui_state()
            self._pending_expand = article_id
            self.run_search(keep=article_id)
            return
        story = self.story_of_head.get(article_id)
        if story is None:
            self.notify("This article has no other versions.", timeout=2)
            return
        members = [m for m in self.app.desk.story_members(story) if m != article_id]
        self.expanded[article_id] = members
        self._show_rows(keep=article_id)

    def _expand_story_of(self, article_id: str) -> None:
        """After switching to the grouped view: open the story that holds `article_id`."""
        story = self.story_of.get(article_id)
        head = next((h for h, s in self.story_of_head.items() if s == story), None)
        if head is None:
            return
        self.inbox.cursor = self.inbox.ids.index(head)
        self.action_expand()
        if article_id in self.inbox.ids:
            self.inbox.cursor = self.inbox.ids.index(article_id)

    def action_collapse(self) -> None:
        index = self.inbox.cursor
        ids = self.inbox.ids
        if not ids:
            return
        head_index = index
        while head_index > 0 and self.inbox.depth_at(head_index) > 0:
            head_index -= 1
        head = ids[head_index]
        if head in self.expanded:
            del self.expanded[head]
            self._show_rows(keep=head)

    def action_toggle_group(self) -> None:
        state = self.app.ui_state
        state.grouped = not state.grouped
        self.app.save_ui_state()
        self.notify("One row per story." if state.grouped else "One row per article.", timeout=2)
        self.run_search(keep=self.inbox.current_id)

    def action_toggle_sort(self) -> None:
        state = self.app.ui_state
        state.sort = "newest" if state.sort == "relevance" else "relevance"
        self.app.save_ui_state()
        if not self.query_text:
            self.notify(
                f"Searches sort by {state.sort}; the inbox is always newest first.", timeout=3
            )
        self.run_search(keep=self.inbox.current_id)
        self.update_status()

    def action_help(self) -> None:
        from newsdesk.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.app.keymap_overrides))
