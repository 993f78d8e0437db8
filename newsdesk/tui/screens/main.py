"""The inbox screen: the list, the article, the search box, and every key of the key table.

One screen, composed rather than inherited. Widgets draw and post messages
(`InboxList`, `DetailPane`, `SearchBar`, `StatusLine`, `ImportJob`,
`DeskWatch`); plain helpers hold the logic (`SearchSequence`: one search at a
time, latest query wins; `InboxResults`: the answer on screen and the grouped
view; `triage`: toggles). The screen turns keys into calls and messages into
updates. It is given the Desk and the settings; dialogs are given what they
show and callables for what they do. Slow work runs in thread workers owned by
the App, whose one handler reports failures.

Every verb applies to the selection when there is one, else to the cursor
row. Small batches run at once (a few milliseconds of SQLite); big ones
(select-all over a large inbox) run in a worker so the screen never stalls.

Why this module is longer than 600 lines: it is the one home of the key
table's actions (Textual resolves a binding's action on the screen that holds
it), about forty `action_…` methods of a few lines each that hand the work to
the widgets, jobs and dialogs; splitting them across files would scatter the
answer to "what does this key do".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from newsdesk.config import Settings
from newsdesk.desk import BIG_ACTION, Desk
from newsdesk.sanitize import clean_line, display, safe_web_url
from newsdesk.tui import triage
from newsdesk.tui.commands import KeyTableCommands
from newsdesk.tui.inbox_results import InboxResults
from newsdesk.tui.keymap import KEY_TABLE
from newsdesk.tui.search_runner import SearchAnswer, SearchRequest, first_screenful
from newsdesk.tui.widgets.desk_watch import DeskWatch
from newsdesk.tui.widgets.desk_writer import SYNC_LIMIT, DeskWriter
from newsdesk.tui.widgets.detail import DetailPane
from newsdesk.tui.widgets.export_job import ExportJob
from newsdesk.tui.widgets.fetch_job import FetchJob
from newsdesk.tui.widgets.folder_watch import FolderWatch
from newsdesk.tui.widgets.import_job import ImportJob
from newsdesk.tui.widgets.inbox import InboxList
from newsdesk.tui.widgets.inbox_view import InboxView
from newsdesk.tui.widgets.search_bar import SearchBar, SearchInput
from newsdesk.tui.widgets.search_job import SearchJob
from newsdesk.tui.widgets.status_line import StatusInfo, StatusLine
from newsdesk.tui.workers import app_worker
from newsdesk.uistate import SortOrder, UIState

if TYPE_CHECKING:
    from newsdesk.tui.modals.export import ExportRequest
    from newsdesk.tui.modals.tag import TagChange

#: Below this width the footer is compact and leaves out the palette hint.
NARROW_FOOTER = 100

T = TypeVar("T")


#: What each toggle does, for the confirmation of a big change.
TOGGLE_WORDS: dict[str, str] = {
    "starred": "Star (or unstar, when all are starred)",
    "read": "Mark read (or unread, when all are read)",
    "archived": "Archive (or unarchive, when all are archived)",
}


class MainScreen(Screen[None]):
    """The one working screen of the app."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012
    """List above the detail pane below 110 columns, beside it from 110."""

    BINDINGS: ClassVar[list[BindingType]] = [
        spec.binding() for spec in KEY_TABLE if spec.scope == "screen"
    ]
    """Built from the key table, so footer, help, palette and KEYS.md agree."""

    COMMANDS: ClassVar = {KeyTableCommands}
    """The palette offers every action of the key table while this screen is shown."""

    NEEDS_ROW: ClassVar[frozenset[str]] = frozenset(
        {
            "open",
            "star",
            "tag",
            "read",
            "archive",
            "export",
            "open_url",
            "select",
            "select_range",
            "expand",
            "collapse",
            "diff",
        }
    )
    """Actions that need a row to act on (dimmed in the footer on an empty list)."""

    @dataclass
    class InboxLoaded(Message):
        """The whole first list is on screen (the App tunes the GC once)."""

    def __init__(
        self,
        desk: Desk,
        *,
        settings: Settings,
        ui_state: UIState,
        clock: Callable[[], datetime],
        keymap_overrides: Mapping[str, str],
        save_state: Callable[[], None],
    ) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings
        #: The persisted view state (query, sort, grouping, recent searches).
        self.ui_state = ui_state
        self.clock = clock
        self.keymap_overrides = keymap_overrides
        self._save_state = save_state
        #: Inbox-wide counts (unread, starred...) for the status line.
        self.counts: dict[str, int] = {}
        #: Only the first screenful of the inbox is shown yet.
        self._loading = False
        #: What the footer's keys depend on, as last shown (see refresh_footer).
        self._footer_state: tuple[bool, bool] | None = None
        #: Articles that arrived from feeds or folders since the reader last went to the top.
        self.arrived = 0
        self._arrived_since = ""
        #: The inbox list, once composed (`check_action` runs very often).
        self._inbox_list: InboxList | None = None

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield SearchBar(self.ui_state.query, self.ui_state.recent_searches, id="search")
        yield InboxView(
            self.desk, self.clock, relative_times=self.settings.relative_times, id="panes"
        )
        yield ImportJob(self.desk.import_paths, id="progress")
        yield FetchJob(self.desk.fetch, count_due=self.desk.feeds_due, id="fetch-job")
        yield FolderWatch(self.desk.watch_folders, self.settings.watch_folders)
        yield Footer()
        yield DeskWatch(self.desk)
        yield SearchJob(self.desk)
        yield ExportJob(self.desk)
        yield DeskWriter(self.desk, read_all_versions=self.settings.read_all_versions)

    @property
    def view(self) -> InboxView:
        return self.query_one(InboxView)

    @property
    def results(self) -> InboxResults:
        return self.view.results

    @property
    def inbox(self) -> InboxList:
        return self.view.inbox

    @property
    def detail(self) -> DetailPane:
        return self.view.detail

    @property
    def writer(self) -> DeskWriter:
        return self.query_one(DeskWriter)

    @property
    def search_input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def query_text(self) -> str:
        return self.search_input.value.strip()

    def on_mount(self) -> None:
        self.search_input.leave_target = self.inbox
        self.inbox.empty_message = "Loading…"
        painted = self.show_first_screenful()
        # The focus change makes Textual compose the footer once, after this.
        self._footer_state = self.footer_state()
        self.set_focus(self.inbox)
        if painted:
            # The whole list waits for the first frame: its worker would hold the
            # interpreter lock while Textual lays out and draws that frame.
            self.call_after_refresh(self.run_search)
        else:
            self.run_search()
        # Background jobs (index, counts) start after the first frame is on screen.
        self.call_after_refresh(self._start_jobs)

    def show_first_screenful(self) -> bool:
        """Paint the newest rows of the inbox in the first frame, before the whole list.

        Reading a screenful takes a millisecond; waiting for the search worker's
        first answer costs a whole extra frame (about 150 ms at start-up).
        False when the view needs the whole answer (a search, the grouped view,
        the urgency order).
        """
        if self.query_text or self.ui_state.grouped or self.ui_state.sort == "urgency":
            return False
        request = SearchRequest(query="", sort=self.ui_state.sort, grouped=False)
        self.show_answer(first_screenful(self.desk, request))
        return True

    def _start_jobs(self) -> None:
        self.refresh_counts()
        self.query_one(DeskWatch).start()
        if self.settings.fetch_in_background:
            self.query_one(FetchJob).fetch_due_on_schedule()
        self.query_one(FolderWatch).start()
        if self.desk.count() == 0:
            from newsdesk.paths import sample_data_dir

            sample = sample_data_dir()
            if sample is not None:
                self.import_paths([sample], sample=True)

    def on_resize(self, event: events.Resize) -> None:
        """On a narrow terminal the footer packs its keys, so ? Help and q Quit still show."""
        footer = self.query_one(Footer)
        narrow = event.size.width < NARROW_FOOTER
        footer.compact = narrow
        footer.show_command_palette = not narrow

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keep the footer to the keys that do something now."""
        inbox = self._inbox_list
        if inbox is None:
            # Found once: Textual asks for every key in the footer after each change,
            # and a query walks the whole screen (~100 walks before the first frame).
            lists = self.query(InboxList)
            if not lists:
                return True  # not composed yet
            inbox = self._inbox_list = lists.first()
        if action in self.NEEDS_ROW and not inbox.row_count:
            return None  # shown dimmed
        if action == "clear":
            # Hidden when there is nothing to clear; Esc then does nothing.
            return bool(inbox.selected or self.query_text)
        return True

    def after_change(self, ids: list[str]) -> None:
        """Redraw rows whose state changed, and the counts."""
        self.inbox.invalidate(ids)
        self.update_status()
        self.refresh_counts()

    # -- search ----------------------------------------------------------------------

    def run_search(self, *, keep: str | None = None, keep_index: bool = False) -> None:
        """Search for the current query; while one runs, only the latest request waits.

        One search at a time: on a big store, searches for the letters typed on the
        way to a word would otherwise run side by side and slow the last one down.
        """
        request = SearchRequest(
            query=self.query_text,
            sort=self.ui_state.sort,
            grouped=self.ui_state.grouped,
            keep=keep,
            keep_index=keep_index,
        )
        self.query_one(SearchJob).run(request)

    def refresh_results(self) -> None:
        """Run the search again, keeping the cursor on the same article."""
        self.run_search(keep=self.inbox.current_id)

    def on_search_job_answered(self, message: SearchJob.Answered) -> None:
        self.show_answer(message.answer)

    def show_answer(self, answer: SearchAnswer) -> None:
        if not self.view.show_answer(answer):
            return
        self.query_one(SearchBar).show_message(answer.notice or "", error=False)
        self._loading = not answer.complete
        if answer.complete:
            self.post_message(self.InboxLoaded())
        self.update_status()

    def on_search_job_failed(self, message: SearchJob.Failed) -> None:
        self.query_one(SearchBar).show_message(message.message, error=True)

    def on_search_bar_query_changed(self, message: SearchBar.QueryChanged) -> None:
        self.ui_state.query = message.query
        self.run_search()

    def on_search_bar_left(self, message: SearchBar.Left) -> None:
        self.ui_state.remember_search(message.query)
        self._save_state()
        self.set_focus(self.inbox)

    def set_query(self, query: str, *, keep: str | None = None) -> None:
        """Replace the query and search now (saved searches, Esc, related jumps)."""
        self.query_one(SearchBar).set_query(query)
        self.ui_state.query = query
        self._save_state()
        self.run_search(keep=keep)

    # -- status line and counts ------------------------------------------------------

    def update_status(self) -> None:
        shown_query = self.results.query or ""
        result_ids = self.results.ids
        info = StatusInfo(
            shown=len(result_ids),
            total=max(self.results.total, len(result_ids)),
            unread=self.counts.get("unread", 0),
            starred=self.counts.get("starred", 0),
            selected=len(self.inbox.selected),
            # The query whose results are on screen (typing may be ahead of it).
            query=shown_query,
            sort=self.ui_state.sort if shown_query or self.ui_state.sort == "urgency" else "newest",
            grouped=self.ui_state.grouped,
            index=self.query_one(DeskWatch).index_text,
            busy=self._jobs_status(),
            reading=self.detail.position if self.detail.has_focus else "",
            arrived=self.arrived,
            arrived_since=self._arrived_since,
        )
        self.query_one(StatusLine).show(info)
        self.refresh_footer()

    def footer_state(self) -> tuple[bool, bool]:
        """All that `check_action` reads: are there rows, is there something to clear."""
        inbox = self.inbox
        return bool(inbox.row_count), bool(inbox.selected or self.query_text)

    def refresh_footer(self) -> None:
        """Show the keys valid now; the footer is rebuilt only when they change.

        Each rebuild mounts and styles every key anew (about 30-50 ms at start-up).
        """
        if self._footer_state is None:
            return  # mounting: the first focus change shows the footer
        state = self.footer_state()
        if state != self._footer_state:
            self._footer_state = state
            self.refresh_bindings()

    def _jobs_status(self) -> list[str]:
        """What the background jobs are doing, for the status line."""
        jobs = [
            "loading the inbox…" if self._loading else "",
            self.writer.status,
            self.query_one(ImportJob).status,
            self.query_one(FetchJob).status,
            self.query_one(ExportJob).status,
        ]
        return [job for job in jobs if job]

    def refresh_counts(self) -> None:
        self.query_one(DeskWatch).refresh_counts()

    def on_desk_watch_counts_ready(self, message: DeskWatch.CountsReady) -> None:
        self.counts = message.counts
        self.update_status()

    def on_desk_watch_index_changed(self, message: DeskWatch.IndexChanged) -> None:
        self.update_status()
        if message.caught_up:
            # Answers and related articles may be fuller now.
            self.detail.forget_related()
            self.view.show_detail()
            if self.query_text:
                self.refresh_results()

    def on_desk_watch_store_changed(self, message: DeskWatch.StoreChanged) -> None:
        """Another window, a CLI command or a fetch changed the store: redraw what is shown."""
        self.inbox.invalidate()
        self.refresh_counts()
        shown = self.detail.article_id
        if shown is not None:
            self.view.show_article(shown)  # the same article, its state as it is now
        else:
            self.view.show_detail()

    def show_detail(self) -> None:
        self.view.show_detail()

    def on_detail_pane_scrolled(self) -> None:
        self.update_status()

    # -- moving ---------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.inbox.cursor += 1

    def action_cursor_up(self) -> None:
        self.inbox.cursor -= 1

    def action_cursor_top(self) -> None:
        self.inbox.cursor = 0
        if self.arrived:
            # The newest are at the top: the reader has seen what arrived.
            self.arrived = 0
            self.update_status()

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
        self.set_focus(self.inbox if self.detail.has_focus else self.detail)

    def action_open(self) -> None:
        article_id = self.inbox.current_id
        if article_id is None:
            return
        if self.results.is_story_row(article_id) and self.inbox.depth_at(self.inbox.cursor) == 0:
            self.action_expand()
            return
        self.open_article(article_id)

    @on(InboxList.Activated)
    def _activated(self, message: InboxList.Activated) -> None:
        self.open_article(message.article_id)

    def action_next_article(self) -> None:
        self._open_at(self.inbox.cursor + 1)

    def action_previous_article(self) -> None:
        self._open_at(self.inbox.cursor - 1)

    def action_next_unread(self) -> None:
        index = self.view.next_unread()
        if index is None:
            self.notify("No unread article below this one.", timeout=2)
            return
        self._open_at(index)

    def _open_at(self, index: int) -> None:
        """Move to row `index` and open it, as a pager does (read, focused, at the top)."""
        if not 0 <= index < self.inbox.row_count:
            self.notify("No more articles.", timeout=2)
            return
        self.inbox.cursor = index
        article_id = self.inbox.current_id
        if article_id is not None:
            self.open_article(article_id)

    def open_article(self, article_id: str) -> None:
        row = self.inbox.row(article_id)
        if row is not None and not row.read:
            ids = [article_id]
            if self.settings.read_all_versions and row.story_size > 1:
                ids = self.desk.with_versions(ids)  # "read one, read all"
            self.writer.mark_opened(ids)
        self.show_detail()
        self.set_focus(self.detail)

    # -- stories ---------------------------------------------------------------------------

    def action_expand(self) -> None:
        article_id = self.inbox.current_id
        if article_id is None or self.inbox.depth_at(self.inbox.cursor) > 0:
            return
        if not self.ui_state.grouped:
            row = self.inbox.current_row()
            if row is None or row.story_size <= 1:
                self.notify("This article has no other versions.", timeout=2)
                return
            # Expanding from the flat list switches to the grouped view on this story.
            self.ui_state.grouped = True
            self._save_state()
            self.view.pending_expand = article_id
            self.run_search(keep=article_id)
            return
        if not self.view.expand_story(article_id):
            self.notify("This article has no other versions.", timeout=2)

    def action_collapse(self) -> None:
        self.view.collapse_story()

    def action_toggle_group(self) -> None:
        self.ui_state.grouped = not self.ui_state.grouped
        self._save_state()
        grouped = self.ui_state.grouped
        self.notify("One row per story." if grouped else "One row per article.", timeout=2)
        self.run_search(keep=self.inbox.current_id)

    def action_toggle_sort(self) -> None:
        state = self.ui_state
        # Urgency comes right after the default, so one S puts a flash on top.
        order: tuple[SortOrder, ...] = ("relevance", "urgency", "newest")
        state.sort = order[(order.index(state.sort) + 1) % len(order)]
        self._save_state()
        if state.sort == "urgency":
            self.notify("Most urgent first (wire flash, bulletin, urgent), then newest.", timeout=3)
        elif not self.query_text:
            self.notify(f"Searches sort by {state.sort}; the inbox newest first.", timeout=3)
        self.run_search(keep=self.inbox.current_id)
        self.update_status()

    def action_diff(self) -> None:
        """Open what changed between this version and another of its story."""
        article_id = self.inbox.current_id
        article = self.desk.get(article_id) if article_id else None
        if article is None:
            return
        others = (
            [m for m in self.desk.story_members(article.story_id) if m != article.id]
            if article.story_id
            else []
        )
        if not others:
            self.notify("This article has no other version to compare with.", timeout=3)
            return
        from newsdesk.tui.modals.version_diff import VersionDiffScreen

        self.app.push_screen(VersionDiffScreen(article.id, others, load=self.desk.get_many))

    def action_jump_related(self, number: int) -> None:
        """Put the cursor on the detail pane's related article `number` (1-based)."""
        related = self.detail.related_ids
        if not 1 <= number <= len(related):
            self.notify(f"No related article {number} for this article.", timeout=2)
            return
        target = related[number - 1]
        if target in self.inbox.ids:
            self.inbox.cursor = self.inbox.ids.index(target)
            return
        if target in self.results.ids and self.ui_state.grouped:
            self.view.expand_story_of(target)  # a version folded into its story's row
            return
        rows = self.desk.rows([target])
        if rows and not rows[0].archived and self.query_text:
            # Not in this search's results: back to the inbox, cursor on it.
            self.notify("Search cleared to show the related article.", timeout=2)
            if self.ui_state.grouped:
                self.view.pending_expand = target
            self.set_query("", keep=target)
            return
        # Archived (or otherwise out of the list): show it without moving the cursor.
        self.view.show_article(target)

    # -- triage ------------------------------------------------------------------------------

    def targets(self) -> list[str]:
        """The selection, else the cursor row (a folded story row: every version)."""
        return self.view.targets()

    def action_star(self) -> None:
        self._toggle("starred")

    def action_read(self) -> None:
        self._toggle("read")

    def action_archive(self) -> None:
        self._toggle("archived")

    def _toggle(self, field: triage.Toggle) -> None:
        ids = self.targets()
        if not ids:
            self.notify("Nothing to act on.", timeout=2)
            return
        if len(ids) <= BIG_ACTION:
            self._apply_toggle(field, ids)
            return
        from newsdesk.tui.modals.confirm import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self._apply_toggle(field, ids)

        # A big change is one key away (select all, then a letter): ask first.
        self.app.push_screen(
            ConfirmDialog(
                f"Change {triage.articles(len(ids))}?",
                f"{TOGGLE_WORDS[field]} {triage.articles(len(ids))}. u undoes it.",
                confirm="Change",
            ),
            answer,
        )

    def _apply_toggle(self, field: triage.Toggle, ids: list[str]) -> None:
        self.writer.toggle(field, ids)
        self.update_status()  # a big batch shows in the status line until it is written

    def on_desk_writer_applied(self, message: DeskWriter.Applied) -> None:
        """Show what changed: markers, rows leaving the inbox, the article's state."""
        result = message.result
        if result.action == "delete" or (
            result.action == "archive" and "is:archived" not in self.query_text
        ):
            self.view.drop(set(result.changed))
        self.after_change(result.changed)
        if result.action in ("archive", "unarchive") or self.detail.article_id in result.changed:
            self.show_detail()  # the State line is never stale

    def on_desk_writer_undone(self, message: DeskWriter.Undone) -> None:
        self.inbox.invalidate()
        self.refresh_counts()
        self.refresh_results()
        self.show_detail()

    def action_tag(self) -> None:
        from newsdesk.tui.modals.tag import TagDialog

        ids = self.targets()
        if not ids:
            self.notify("Nothing to tag.", timeout=2)
            return
        current: dict[str, int] = {}
        for row in self.desk.rows(ids[:SYNC_LIMIT]):
            for tag in row.tags:
                current[tag] = current.get(tag, 0) + 1
        known = [tag for tag, _ in self.desk.tags()]

        def apply(change: TagChange | None) -> None:
            if change is not None and (change.add or change.remove):
                self.writer.tag(ids, add=change.add, remove=change.remove)

        self.app.push_screen(TagDialog(current, known, len(ids)), apply)

    def action_undo(self) -> None:
        self.writer.undo()

    def action_delete_articles(self) -> None:
        from newsdesk.tui.modals.confirm import ConfirmDialog

        ids = self.targets()
        if not ids:
            self.notify("Nothing to delete.", timeout=2)
            return
        what = triage.articles(len(ids))
        them = "it" if len(ids) == 1 else "them"
        question = f"Delete {what}? u right after brings {them} back."
        self.app.push_screen(
            ConfirmDialog("Delete?", question, confirm="Delete"),
            lambda yes: self.writer.delete(ids) if yes else None,
        )

    def action_note(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        article_id = self.inbox.current_id
        article = self.desk.get(article_id) if article_id else None
        if article is None:
            return

        def save(text: str | None) -> None:
            if text is not None and text != (article.state.note or ""):
                self.writer.set_note(article.id, text)

        self.app.push_screen(
            PromptDialog(
                "Note on this article (empty removes it)",
                placeholder="a note for yourself or the desk",
                value=article.state.note or "",
            ),
            save,
        )

    # -- selection ---------------------------------------------------------------------------

    def action_select(self) -> None:
        self.view.select_current()
        self.update_status()

    def action_select_range(self) -> None:
        count = self.view.select_range()
        if count is not None:
            self.notify(f"Selected {count:,} rows.", timeout=2)
            self.update_status()

    def action_select_all(self) -> None:
        self.view.select_all()
        self.update_status()

    def action_clear(self) -> None:
        """Esc: first the selection, then the query."""
        if self.view.clear_selection():
            self.update_status()
        elif self.query_text:
            self.set_query("")

    # -- saved searches ----------------------------------------------------------------------

    def action_save_search(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        query = self.query_text
        if not query:
            self.notify("Type a query first (/), then save it.", timeout=3)
            return

        def go(name: str | None) -> None:
            if name and name.strip() and self.writer.save_search(name, query):
                self.notify(f"Saved search {name.strip()!r}.", timeout=3, markup=False)

        self.app.push_screen(
            PromptDialog("Save this search as", placeholder="a name", value=query[:40]), go
        )

    def action_saved_searches(self) -> None:
        searches = self.desk.saved_searches()
        if not searches:
            self.notify("No saved searches yet: search, then press B to save.", timeout=3)
            return

        def go(query: str | None) -> None:
            if query is not None:
                self.set_query(query)
                self.set_focus(self.inbox)

        from newsdesk.tui.modals.saved_searches import SavedSearchPicker

        self.app.push_screen(
            SavedSearchPicker(
                searches, count=self._count_matches, delete=self.writer.delete_search
            ),
            go,
        )

    def _count_matches(self, query: str) -> int | None:
        """A saved search's count (runs in the picker's worker); None for a bad query."""
        from newsdesk.search.query import QuerySyntaxError

        try:
            return self.desk.count_matches(query)
        except QuerySyntaxError:
            return None

    # -- open the original -------------------------------------------------------------------

    def action_open_url(self) -> None:
        article_id = self.inbox.current_id
        article = self.desk.get(article_id) if article_id else None
        if article is None or not article.meta.url:
            self.notify("No URL is known for this article.", timeout=3)
            return
        url = safe_web_url(article.meta.url)
        if url is None:
            # Never hand a browser launcher a non-web scheme or something it could read as an option.
            shown = clean_line(article.meta.url)[:80]
            self.notify(
                f"Not opening {shown!r}: only http and https links are opened.",
                severity="warning",
                timeout=4,
                markup=False,
            )
            return
        self.notify(f"Opening {clean_line(url)}", timeout=2, markup=False)
        self._open_url(url)

    @app_worker(name="open URL", group="open-url", exclusive=False)
    def _open_url(self, url: str) -> None:
        import webbrowser

        if not webbrowser.open(url):
            self.notify(
                f"No browser could open {clean_line(url)}", severity="warning", markup=False
            )

    # -- import ------------------------------------------------------------------------------

    def action_import_files(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        def go(text: str | None) -> None:
            if not text:
                return
            path = Path(text).expanduser()
            if not path.exists():
                self.notify(f"{display(path)} does not exist.", severity="error", markup=False)
                return
            folder = path if path.is_dir() else path.parent
            self.ui_state.last_import_folder = str(folder.absolute())
            self._save_state()
            self.query_one(ImportJob).survey([path])

        last = self.ui_state.last_import_folder
        self.app.push_screen(
            PromptDialog(
                "Import files or folders",
                placeholder="path to a file or folder (HTML, text, feeds, Markdown, JSON Lines)",
                value=last.rstrip("/") + "/" if last else "",
            ),
            go,
        )

    def on_import_job_surveyed(self, message: ImportJob.Surveyed) -> None:
        """Import at once, unless the paths hold very many files or odd ones: then ask."""
        from newsdesk.tui.modals.confirm import ConfirmDialog

        found = message.survey
        if not found.files:
            self.notify("No file to import there.", severity="warning")
            return
        if not found.worth_asking:
            self.import_paths(found.paths)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.import_paths(found.paths)

        self.app.push_screen(ConfirmDialog("Import?", found.question(), confirm="Import"), answer)

    def action_import_log(self) -> None:
        from newsdesk.tui.screens.import_log import ImportLogScreen

        self.app.push_screen(ImportLogScreen(self.query_one(ImportJob).history))

    def import_paths(self, paths: list[Path], *, sample: bool = False) -> None:
        self.query_one(ImportJob).start(paths, sample=sample)
        self.update_status()

    def on_import_job_progressed(self, message: ImportJob.Progressed) -> None:
        if message.relist:
            self.refresh_results()  # new articles join the list (cursor kept)
        self.update_status()

    def on_import_job_finished(self, message: ImportJob.Finished) -> None:
        self.refresh_results()
        self.refresh_counts()
        self.update_status()

    # -- feeds -------------------------------------------------------------------------------

    def action_fetch_feeds(self) -> None:
        if not self.query_one(FetchJob).start():
            self.notify("Feeds are being fetched already.", timeout=2)
        self.update_status()

    def action_feeds(self) -> None:
        from newsdesk.tui.screens.feeds import FeedsScreen

        job = self.query_one(FetchJob)

        def fetch_one(url: str) -> bool:
            started = job.start([url])
            self.update_status()
            return started

        def show(query: str | None) -> None:
            if query:
                self.set_query(query)
                self.set_focus(self.inbox)

        self.app.push_screen(
            FeedsScreen(
                self.desk, clock=self.clock, fetch_one=fetch_one, fetch_status=lambda: job.status
            ),
            show,
        )

    def on_fetch_job_progressed(self, message: FetchJob.Progressed) -> None:
        if message.relist:
            self.refresh_results()  # new articles join the list (cursor kept)
        self.update_status()

    def on_fetch_job_finished(self, message: FetchJob.Finished) -> None:
        if message.new:
            self.note_arrivals(message.new)
            self.refresh_results()
            self.refresh_counts()
        self.update_status()
        from newsdesk.tui.screens.feeds import FeedsScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.reload()  # last fetched, errors and counts as they are now

    def on_folder_watch_imported(self, message: FolderWatch.Imported) -> None:
        if message.new:
            self.note_arrivals(message.new)
            self.refresh_results()  # new articles join the list (cursor kept)
            self.refresh_counts()
        self.update_status()

    def note_arrivals(self, count: int) -> None:
        """Count articles that arrived by themselves, for the header (until `g`)."""
        if not self.arrived:
            self._arrived_since = self.clock().astimezone().strftime("%H:%M")
        self.arrived += count

    # -- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        ids = self.targets()
        if not ids:
            self.notify("Nothing to export.", timeout=2)
            return
        current = self.view.cursor_story()
        # Imported here: the export package is not needed for the first frame.
        from newsdesk.tui.modals.export import ExportDialog

        def go(request: ExportRequest | None) -> None:
            if request is not None:
                self.query_one(ExportJob).start(
                    request.ids, request.dest, request.options(), request.copy
                )
                self.update_status()

        self.app.push_screen(
            ExportDialog(
                selection=ids if self.inbox.selected else [],
                current=current,
                current_label=f"This story ({len(current)})"
                if len(current) > 1
                else "This article",
                shown=self.results.ids,
                scope="selection" if self.inbox.selected else "article",
                query=self.query_text or None,
                now=self.clock(),
                folder=self._export_folder(),
            ),
            go,
        )

    def _export_folder(self) -> Path:
        """The last export's folder, else `[export] folder`, else Documents/newsdesk.

        Never the process's current directory: the app may have been started anywhere.
        """
        if self.ui_state.last_export_folder:
            return Path(self.ui_state.last_export_folder)
        if self.settings.export_folder is not None:
            return self.settings.export_folder
        from newsdesk.export.writer import default_export_dir

        folder = default_export_dir()
        return folder if folder != Path.cwd() else Path.home() / "newsdesk"

    def on_export_job_finished(self, message: ExportJob.Finished) -> None:
        self.update_status()
        if not message.error and message.destination:
            self.ui_state.last_export_folder = str(Path(message.destination).parent)
            self._save_state()
        if not message.error:
            self.inbox.invalidate()
            self.refresh_counts()

    # -- help --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from newsdesk.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.keymap_overrides))
