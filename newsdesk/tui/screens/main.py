"""The inbox screen: the list, the article, the search box, and every key of the key table.

One screen, composed rather than inherited. Widgets draw and post messages
(`InboxList`, `DetailPane`, `SearchBar`, `StatusLine`, the jobs); plain
helpers hold the logic (`SearchSequence`: one search at a time, latest query
wins; `InboxResults`: the answer on screen and the grouped view); flows
(`screens/flows/`: triage, import, feeds, export, stories, reading, saved
searches) hold what a key does. The screen is the wiring: each `action_…` is
a line handing the work to a widget or a flow (Textual resolves a binding's
action on the screen that holds it), and messages become updates. Dialogs are
given what they show and callables for what they do; slow work runs in
thread workers owned by the App, whose one handler reports failures.

Every verb applies to the selection when there is one, else to the cursor
row. Small batches run at once (a few milliseconds of SQLite); big ones
(select-all over a large inbox) run in a worker so the screen never stalls.

Why over 600 lines: a quarter of it is the key table's 41 `action_…`
methods, one line each, which must live on the screen that holds the
bindings (Textual resolves a binding's action there) and which the footer,
palette and KEYS.md list; the logic behind them is already in the flows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import ClassVar, Literal

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen

from newsdesk.config import Settings
from newsdesk.counting import counted
from newsdesk.desk import Desk
from newsdesk.errors import DeskError
from newsdesk.sanitize import clean_line
from newsdesk.tui.arrivals import failed_before, inbox_shows
from newsdesk.tui.commands import KeyTableCommands
from newsdesk.tui.inbox_results import InboxResults
from newsdesk.tui.keymap import KEY_TABLE, ROW_ACTIONS, SPEC_BY_ID, key_display
from newsdesk.tui.screens.flows.changed_elsewhere import ChangedElsewhere, held_row_actions
from newsdesk.tui.screens.flows.export import ExportFlow
from newsdesk.tui.screens.flows.feeds import FeedsFlow
from newsdesk.tui.screens.flows.imports import ImportFlow
from newsdesk.tui.screens.flows.reading import ReadingFlow
from newsdesk.tui.screens.flows.rules import open_rules
from newsdesk.tui.screens.flows.saved import SavedSearchFlow
from newsdesk.tui.screens.flows.stories import StoryFlow
from newsdesk.tui.screens.flows.triage import TriageFlow
from newsdesk.tui.screens.flows.undo import UndoFlow
from newsdesk.tui.search_runner import (
    SearchAnswer,
    SearchRequest,
    first_screenful,
    waiting_notice,
)
from newsdesk.tui.undo_cursor import UndoCursors
from newsdesk.tui.widgets.claim_writer import ClaimWriter
from newsdesk.tui.widgets.desk_watch import DeskWatch
from newsdesk.tui.widgets.desk_writer import DeskWriter
from newsdesk.tui.widgets.detail import DetailPane
from newsdesk.tui.widgets.export_job import ExportJob
from newsdesk.tui.widgets.fetch_job import FetchJob
from newsdesk.tui.widgets.folder_watch import FolderWatch
from newsdesk.tui.widgets.import_job import ImportJob
from newsdesk.tui.widgets.inbox import InboxList
from newsdesk.tui.widgets.inbox_view import InboxView
from newsdesk.tui.widgets.key_footer import KeyFooter
from newsdesk.tui.widgets.rule_alerts import RuleAlerts
from newsdesk.tui.widgets.search_bar import SearchBar, SearchInput
from newsdesk.tui.widgets.search_job import SearchJob
from newsdesk.tui.widgets.status_line import StatusInfo, StatusLine
from newsdesk.tui.workers import app_worker
from newsdesk.uistate import UIState

#: Below this width the footer is compact and leaves out the palette hint.
NARROW_FOOTER = 100
#: From this width the detail pane sits beside the list (below it, under the list);
#: the app's small-screen notices use the same line.
WIDE_FROM = 110
#: The longest keys typed after Enter in the search box (or a key that lists anew: `z`,
#: `S`, `u`, a saved search) wait for its answer (a search is bounded to 0.3 s; a store
#: that does not answer must not hold the keys for good).
SUBMIT_HOLD_SECONDS = 2.0
#: While the index catches up, a search on screen found then is asked again this often.
ASK_AGAIN_S = 2.0
#: The view state (query, cursor, sort) is saved this often when it has changed: it was
#: saved only on a clean quit and at a few steps, so a killed app forgot the query typed.
STATE_SAVE_S = 2.0


@held_row_actions
class MainScreen(Screen[None]):
    """The one working screen of the app (its row actions held after a change elsewhere
    moved the cursor: `held_row_actions`)."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]  # noqa: RUF012
    """List above the detail pane below 110 columns, beside it from 110."""

    BINDINGS: ClassVar[list[BindingType]] = [
        spec.binding() for spec in KEY_TABLE if spec.scope == "screen"
    ]
    """Built from the key table, so footer, help, palette and KEYS.md agree."""

    COMMANDS: ClassVar = {KeyTableCommands}
    """The palette offers every action of the key table while this screen is shown."""

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
        save_state: Callable[..., None],
        keep_notice: Callable[[str], None] = lambda _text: None,
        small_screen: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__()
        self.desk = desk
        self.settings = settings
        #: The persisted view state (query, sort, grouping, recent searches).
        self.ui_state = ui_state
        self.clock = clock
        self.keymap_overrides = keymap_overrides
        self._persist = save_state
        #: The view state as last saved (`_save_if_changed`).
        self._saved_view: dict[str, object] = ui_state.to_dict()
        #: Inbox-wide counts (unread, starred...) for the status line.
        self.counts: dict[str, int] = {}
        #: Only the first screenful of the inbox is shown yet.
        self._loading = False
        #: What the footer's keys depend on, as last shown (see refresh_footer).
        self._footer_state: tuple[bool, bool] | None = None
        #: The inbox list, once composed (`check_action` runs very often).
        self._inbox_list: InboxList | None = None
        #: The query of the search asked for last and not answered yet.
        self._searching_for: str | None = None
        #: Enter was sent to the search box and it has not handed the query over yet.
        self._submitting = False
        #: The latest search's request when its query could not be read.
        self._failed: SearchRequest | None = None
        #: The latest search, asked while the shared desk was away: it runs when it is back.
        self._waiting_search: SearchRequest | None = None
        #: Keys wait for the submitted search's answer until then (monotonic seconds).
        self._hold_keys_until = 0.0
        #: `u` was pressed and its undo has not ended: the list it brings back is to come.
        self._undoing = False
        #: Until when an archive or delete on its way holds keys: its rows leave when
        #: `Applied` comes (hold_keys_for_change); a refused write posts none, and the
        #: hold then ends by itself rather than outlast every later answer.
        self._applying_until = 0.0
        #: The answer on screen was found while the index was behind (a rebuild).
        self._answered_behind = False
        #: When the search was last asked again as the index grew (monotonic seconds).
        self._asked_while_indexing = 0.0
        #: The article the cursor was to stay on, not found yet because the index was
        #: behind, and the row the cursor was put on instead.
        self._keep_when_indexed: tuple[str, str | None] | None = None
        #: The cursor's article when each change was written, by step, so undoing it puts
        #: the cursor back where the editor was (newest few kept).
        self._undo_cursors = UndoCursors()
        # What the keys do, one flow per concern (see flows/__init__.py).
        self.triage = TriageFlow(self)
        self.saved = SavedSearchFlow(self)
        self.stories = StoryFlow(self)
        self.imports = ImportFlow(self, keep_notice=keep_notice, small_screen=small_screen)
        #: For the fetch job's and the folder watch's notices on a small screen.
        self._small_screen, self._keep_notice = small_screen, keep_notice
        #: The sample queue this start imports (`ImportFlow.sample_due`), or None.
        self._sample: Path | None = None
        self.feeds = FeedsFlow(self)
        self.exports = ExportFlow(self)
        self.changed_elsewhere = ChangedElsewhere(self)
        self.undo = UndoFlow(self, imports=self.imports, feeds=self.feeds, undo_now=self._undo_now)
        self.reading = ReadingFlow(
            self,
            expand=self.stories.expand,
            open_in_browser=self.open_in_browser,
            left=self.changed_elsewhere.moved,
        )

    # -- layout ------------------------------------------------------------------

    def key_name(self, binding_id: str) -> str:
        """The first key of a binding as the footer shows it, remapped or not ("/")."""
        keys = self.keymap_overrides.get(binding_id) or SPEC_BY_ID[binding_id].keys
        return key_display(keys.split(",")[0].strip())

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        # The hint names the key that searches, remapped or not.
        yield SearchBar(
            self.ui_state.query,
            self.ui_state.recent_searches,
            search_key=self.key_name("search"),
            id="search",
        )
        yield InboxView(
            self.desk, self.clock, relative_times=self.settings.relative_times, id="panes"
        )
        yield ImportJob(self.desk.import_paths, id="progress")
        shown = partial(inbox_shows, self.desk)
        small, keep = self._small_screen, self._keep_notice
        yield FetchJob(
            self.desk.fetch,
            count_due=self.desk.feeds_due,
            shown=shown,
            small_screen=small,
            keep_notice=keep,
            id="fetch-job",
        )
        yield FolderWatch(
            self.desk.watch_folders,
            self.settings.watch_folders,
            shown=shown,
            small_screen=small,
            keep_notice=keep,
            failed_before=lambda: failed_before(self.desk.recent_imports(50)),
        )
        yield RuleAlerts(self.desk.take_notifications, bell=self.settings.rules_bell)
        yield KeyFooter()
        yield DeskWatch(self.desk)
        yield SearchJob(self.desk)
        yield ExportJob(self.desk)
        writer = DeskWriter(self.desk, read_all_versions=self.settings.read_all_versions)
        yield writer
        yield ClaimWriter(self.desk, self.clock, writer.guarded)

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
    def import_job(self) -> ImportJob:
        return self.query_one(ImportJob)

    @property
    def fetch_job(self) -> FetchJob:
        return self.query_one(FetchJob)

    @property
    def export_job(self) -> ExportJob:
        return self.query_one(ExportJob)

    @property
    def search_input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def query_text(self) -> str:
        return self.search_input.value.strip()

    def on_mount(self) -> None:
        self.search_input.leave_target = self.inbox
        self.inbox.empty_message = "Loading…"
        self.view.empty_hint = (
            f"{self.key_name('import')} imports files or folders; "
            f"{self.key_name('help')} shows every key."
        )
        self.view.importing = lambda: self.import_job.status
        # The sample queue's import starts after the first frame (`_start_jobs`): that
        # frame says it is coming, not "the inbox is empty".
        self._sample = self.imports.sample_due()
        if self._sample is not None:
            self.import_job.announce()
        # The cursor goes back to the article it was on at quit, when that is still shown
        # (else the top), as the query, sort and grouping come back.
        restore = self.ui_state.cursor or None
        painted = self.show_first_screenful(keep=restore)
        # The focus change makes Textual compose the footer once, after this.
        self._footer_state = self.footer_state()
        self.set_focus(self.inbox)
        if painted:
            # The whole list waits for the first frame: its worker would hold the
            # interpreter lock while Textual lays out and draws that frame.
            self.call_after_refresh(lambda: self.run_search(keep=restore))
        else:
            self.run_search(keep=restore)
        # Background jobs (index, counts) start after the first frame is on screen.
        self.call_after_refresh(self._start_jobs)
        self.set_interval(STATE_SAVE_S, self._save_if_changed)

    def show_first_screenful(self, keep: str | None = None) -> bool:
        """Paint the newest rows of the inbox in the first frame, before the whole list.

        Reading a screenful takes a millisecond; waiting for the search worker's
        first answer costs a whole extra frame (about 150 ms at start-up).
        False when the view needs the whole answer (a search, the grouped view,
        the urgency order).
        """
        if self.query_text or self.ui_state.grouped or self.ui_state.sort == "urgency":
            return False
        request = SearchRequest(query="", sort=self.ui_state.sort, grouped=False, keep=keep)
        self.show_answer(first_screenful(self.desk, request))
        return True

    def _start_jobs(self) -> None:
        self.refresh_counts()
        self.query_one(DeskWatch).start()
        if self.settings.fetch_in_background:
            self.query_one(FetchJob).fetch_due_on_schedule()
        self.query_one(FolderWatch).start()
        if self._sample is not None:
            self.imports.import_sample(self._sample)
        self.imports.tell_interrupted()

    def on_resize(self, event: events.Resize) -> None:
        """On a narrow terminal the footer packs its keys, so ? Help and q Quit still show."""
        footer = self.query_one(KeyFooter)
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
        if action in ROW_ACTIONS and not inbox.row_count:
            return None  # shown dimmed
        if action == "clear":
            # Hidden when there is nothing to clear; Esc then does nothing.
            return bool(inbox.selected or self.query_text)
        return True

    def after_change(self, ids: list[str]) -> None:
        """Redraw rows whose state changed, and the counts."""
        # A folded story row shows its versions' state (unread, starred) under the id of
        # one of them: a change to the others must redraw it too. The cached rows are
        # read again only for the screenful shown.
        self.inbox.invalidate(None if self.ui_state.grouped else ids)
        self.update_status()
        self.refresh_counts()

    # -- search ----------------------------------------------------------------------

    def run_search(
        self,
        *,
        keep: str | None = None,
        keep_current: bool = False,
        reveal: tuple[str, ...] = (),
        reveal_as: str = "imported",
        reveal_if_at: str | Literal[False] | None = False,
        hold_keys: bool = False,
    ) -> None:
        """Search for the current query; while one runs, only the latest request waits.

        One search at a time: on a big store, searches for the letters typed on the
        way to a word would otherwise run side by side and slow the last one down.
        `reveal_if_at`: `reveal` moves the cursor only if it is still on that article
        (False: whatever it is on). `hold_keys`: the editor asked for this list (`z`, `S`, Esc, a saved search, an
        undo), which puts the cursor on its `keep`: the keys typed next wait for it.
        Moved in the old list meanwhile, the cursor went back to `keep` when it came,
        after `s` had starred the row two below (`z j j s` in one burst).
        """
        self._searching_for = self.query_text
        if hold_keys:
            self._hold_keys_until = time.monotonic() + SUBMIT_HOLD_SECONDS
        request = SearchRequest(
            query=self.query_text,
            sort=self.ui_state.sort,
            grouped=self.ui_state.grouped,
            keep=keep,
            keep_current=keep_current,
            reveal=reveal,
            reveal_as=reveal_as,
            reveal_if_at=reveal_if_at or None,
            reveal_if_unmoved=reveal_if_at is not False,
        )
        self.query_one(SearchJob).run(request)

    def refresh_results(self) -> None:
        """Run the search again, keeping the cursor on the article it is on then."""
        self.run_search(keep=self.inbox.current_id, keep_current=True)

    def on_inbox_list_cursor_moved(self, message: InboxList.CursorMoved) -> None:
        """Remember the cursor's article for the next start (saved with the view state)."""
        if message.article_id is not None:
            self.ui_state.cursor = message.article_id

    def on_inbox_list_wheeled(self, _message: InboxList.Wheeled) -> None:
        # The editor is looking at the list: a `J` now goes from the cursor, not from
        # where an article a change elsewhere took from under the reader stood.
        self.changed_elsewhere.forget_reader_gap()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if event.widget is self.detail:  # reading again (a click, Tab): the same
            self.changed_elsewhere.forget_reader_gap()

    def on_search_job_answered(self, message: SearchJob.Answered) -> None:
        self.show_answer(message.answer)

    def key_to_search_box(self, key: str) -> None:
        """A key is on its way to the search box: after Enter or Esc (both leave it with
        the query), the keys typed next wait until the box has handed its query over and
        the search has answered."""
        if key in ("enter", "escape"):
            self._submitting = True
            self._hold_keys_until = time.monotonic() + SUBMIT_HOLD_SECONDS

    @property
    def answering(self) -> bool:
        """Keys typed right after Enter in the search box, or after a key that lists anew
        (`run_search(hold_keys=True)`, an undo), wait for its answer (`/halia` Enter `s`
        in one burst starred the row the cursor was on before the search; see
        key_routing: the app holds keys while the screen is `answering`)."""
        waiting = (
            self._submitting
            or self._searching_for is not None
            or self._undoing
            or time.monotonic() < self._applying_until
        )
        return waiting and time.monotonic() < self._hold_keys_until

    def show_answer(self, answer: SearchAnswer) -> None:
        was_reading = self.reading.reading_now()
        before = self.inbox.current_id
        story_before = self.results.story_of.get(before) if before is not None else None
        query_before = self.results.query
        if not self.view.show_answer(answer):
            if answer.stopped is not None:  # nothing was searched: the list stays, and says so
                if answer.request.query == self._searching_for:
                    self._searching_for = None
                notice = self.view.results.kept_notice(answer.stopped)
                self.query_one(SearchBar).show_message(notice, error=True)
            return
        self._failed = None
        self._waiting_search = None
        if answer.request.query == self._searching_for:
            self._searching_for = None
        self.query_one(SearchBar).show_message(answer.notice or "", error=False)
        self.imports.answered(answer, before)  # the import's summary says where they are
        self._answered_behind = answer.index_behind
        keep = answer.request.keep
        if answer.index_behind and keep and not self.view.results.lists_any((keep,)):
            # The row to keep is not indexed yet (an undone delete, restored a moment ago):
            # the cursor goes to it once the index has it, if the editor has not moved.
            self._keep_when_indexed = (keep, self.inbox.current_id)
        elif answer.complete:
            self._keep_when_indexed = None
        if answer.index_behind:
            self.query_one(DeskWatch).expect_catch_up()
        self._loading = not answer.complete
        if answer.complete:
            self.reading.answered(was_reading)
            self.changed_elsewhere.answered(
                before,
                story_before,
                # Under another query the list is the editor's own search, not a change.
                refresh=answer.request.keep_current
                and (query_before or "") == answer.request.query,
                reading=was_reading is not None,
            )
            self.post_message(self.InboxLoaded())
        self.update_status()

    def on_search_job_failed(self, message: SearchJob.Failed) -> None:
        self._searching_for = None
        if message.store_away:
            self._waiting_search = message.request
            self.query_one(SearchBar).show_message(
                waiting_notice(message.request, self.results), error=True
            )
            return
        self._failed = message.request
        if not self.search_input.has_focus:
            self._show_nothing_for(message.request)
        self.query_one(SearchBar).show_message(message.message, error=True)

    def _show_nothing_for(self, request: SearchRequest) -> None:
        """A submitted query that says nothing shows nothing. While it is typed the
        previous list stays (`(korea` comes before `)`); once the editor leaves the box,
        that list under a typo invited `*` and an action on every row of it."""
        if self.view.show_answer(SearchAnswer(request, [], unreadable=True)):
            self.update_status()

    def on_search_bar_query_changed(self, message: SearchBar.QueryChanged) -> None:
        self.ui_state.query = message.query
        self.run_search()

    def on_search_bar_left(self, message: SearchBar.Left) -> None:
        # The query is handed over (its search asked for, if it changed): keys wait now
        # only for that search's answer.
        self._submitting = False
        failed = self._failed
        if failed is not None and failed.query == message.query == self.query_text:
            self._show_nothing_for(failed)
        self.ui_state.remember_search(message.query)
        self.save_state()
        self.set_focus(self.inbox)

    def save_state(self) -> None:
        """Persist the view state (query, sort, grouping, folders) now."""
        self._saved_view = self.ui_state.to_dict()
        self._persist()

    def _save_if_changed(self) -> None:
        if self.ui_state.to_dict() != self._saved_view:
            self._saved_view = self.ui_state.to_dict()
            self._persist(background=True)

    def focus_inbox(self) -> None:
        self.set_focus(self.inbox)

    def focus_detail(self) -> None:
        self.set_focus(self.detail)

    def set_query(self, query: str, *, keep: str | None = None) -> None:
        """Replace the query and search now (saved searches, Esc, related jumps)."""
        self.query_one(SearchBar).set_query(query)
        self.ui_state.query = query
        self.save_state()
        self.run_search(keep=keep, hold_keys=True)

    # -- status line and counts ------------------------------------------------------

    def update_status(self) -> None:
        shown_query = self.results.query or ""
        result_ids = self.results.ids
        info = StatusInfo(
            shown=len(result_ids) if self.results.query is not None else None,
            total=max(self.results.total, len(result_ids)),
            unread=self.counts.get("unread"),
            starred=self.counts.get("starred"),
            selected=len(self.inbox.selected),
            # The query whose results are on screen (typing may be ahead of it).
            query=shown_query,
            # The order on screen: a query of filters alone is newest first whatever was asked.
            sort=self.results.sort,
            grouped=self.ui_state.grouped,
            index=self.query_one(DeskWatch).index_text,
            busy=self._jobs_status(),
            reading=self.detail.position if self.detail.has_focus else "",
            arrived=self.feeds.arrived,
            arrived_since=self.feeds.arrived_since,
            editor=self.desk.editor if self.desk.shared else "",
            stories=self.results.story_rows() if self.ui_state.grouped else None,
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
        if message.text and self.query_text and self._answered_behind:
            # Indexing on (a rebuild of thousands): a search typed meanwhile said "no
            # article matches" for a minute, until the index had caught up. It is asked
            # again as the index grows, at most every `ASK_AGAIN_S`.
            now = time.monotonic()
            if now - self._asked_while_indexing >= ASK_AGAIN_S:
                self._asked_while_indexing = now
                self._ask_again()
        if message.caught_up:
            # Answers and related articles may be fuller now.
            self.detail.forget_related()
            self.view.show_detail()
            if self.query_text:
                self._ask_again()

    def _ask_again(self) -> None:
        """The search again as the index catches up: onto the row it was to keep, if the
        cursor is still where that answer put it."""
        waiting, self._keep_when_indexed = self._keep_when_indexed, None
        if waiting is not None and self.inbox.current_id == waiting[1]:
            self.run_search(keep=waiting[0])
        else:
            self.refresh_results()

    @on(InboxList.EmbargoLapsed)
    def _embargo_lapsed(self) -> None:
        """An embargo passed: the detail pane and an `is:embargoed` search follow."""
        self.view.redraw_from_store()
        if self.query_text:
            self.refresh_results()

    def on_desk_watch_store_changed(self, message: DeskWatch.StoreChanged) -> None:
        """Another editor, window, CLI command or fetch changed the store: redraw what is
        shown, and let articles they added or archived join or leave the list."""
        if (waiting := self._waiting_search) is not None:
            # Back: the editor's own search runs (not a refresh: the list it brings is
            # theirs, and nobody is blamed for the row that left).
            self._waiting_search = None
            self.run_search(keep=waiting.keep or self.inbox.current_id)
            self.refresh_counts()
            return
        reading = self.reading.reading_now()
        self.changed_elsewhere.store_changed()
        self.view.redraw_from_store()
        # The article read may be gone: never a silent switch to the next one.
        self.reading.store_changed(reading)
        self.view.forget_deleted()
        self.refresh_results()
        self.refresh_counts()

    def on_detail_pane_scrolled(self) -> None:
        self.update_status()

    # -- moving ---------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.inbox.cursor += 1

    def action_cursor_up(self) -> None:
        self.inbox.cursor -= 1

    def action_cursor_top(self) -> None:
        self.inbox.cursor = 0
        if self.feeds.seen():  # the newest are at the top: the reader has seen what arrived
            self.update_status()

    def action_cursor_bottom(self) -> None:
        self.inbox.cursor = self.inbox.row_count - 1

    def action_page_down(self) -> None:
        self.inbox.cursor += self.inbox.page_height

    def action_page_up(self) -> None:
        self.inbox.cursor -= self.inbox.page_height

    def action_focus_search(self) -> None:
        if self.focused is self.search_input:
            # The key is a priority binding, so it runs before the box has read the keys
            # typed ahead of it: queued behind them, the `/` lands where it was typed. (The
            # box's `has_focus` is only set once it has read the focus event: too late.)
            self.search_input.post_message(events.Key("slash", "/"))
            return
        self.set_focus(self.search_input)  # at once: the keys typed next go to the box

    def action_back_to_list(self) -> None:
        self.focus_inbox()

    def action_focus_detail(self) -> None:
        self.set_focus(self.inbox if self.detail.has_focus else self.detail)

    def action_open(self) -> None:
        self.reading.open_cursor()

    @on(InboxList.Activated)
    def _activated(self, message: InboxList.Activated) -> None:
        self.reading.open_article(message.article_id)

    def action_next_article(self) -> None:
        self.reading.open_at(self.inbox.cursor + 1)

    def action_previous_article(self) -> None:
        self.reading.open_at(self.inbox.cursor - 1)

    def action_next_unread(self) -> None:
        self.reading.next_unread()

    def open_article(self, article_id: str) -> None:
        self.reading.open_article(article_id)

    # -- stories, grouping and sort ---------------------------------------------------------

    def action_expand(self) -> None:
        self.stories.expand()

    def action_collapse(self) -> None:
        self.view.collapse_story()

    def action_toggle_group(self) -> None:
        self.stories.toggle_group()

    def action_toggle_sort(self) -> None:
        self.stories.toggle_sort()

    def action_diff(self) -> None:
        self.stories.diff()

    def action_jump_related(self, number: int) -> None:
        self.stories.jump_related(number)

    # -- triage ------------------------------------------------------------------------------

    def targets(self, refused: str = "Not saved") -> list[str] | None:
        """The selection, else the cursor row (a folded story row: every version it showed).

        None when a folded story's versions cannot be read (the store is away): said as a
        write the store refused is (`refused`, the title), and nothing is done. The head
        alone was taken for its story: "Archived 1 of 1" over a row of five versions.
        (The actions that call this are held just after a change elsewhere took the row
        the cursor was on: `held_row_actions`.)
        """
        try:
            ids = self.view.targets()
        except DeskError as exc:
            self.notify(str(exc), title=refused, severity="error", timeout=10, markup=False)
            return None
        self._say_newer_left()
        self.triage.say_half_picked()
        return ids

    def _say_newer_left(self) -> None:
        if newer := self.view.newer_left:
            # The list catches up about a second after an import from elsewhere: a key
            # pressed before then meant the versions the row counted, not the new ones.
            self.notify(
                f"{newer:,} newer version{'s' if newer != 1 else ''} arrived after the row "
                f"was drawn and {'was' if newer == 1 else 'were'} left as "
                f"{'it was' if newer == 1 else 'they were'}.",
                severity="warning",
                timeout=6,
                markup=False,
            )

    def action_star(self) -> None:
        self.triage.toggle("starred")

    def action_read(self) -> None:
        self.triage.toggle("read")

    def action_archive(self) -> None:
        self.triage.toggle("archived")

    def action_tag(self) -> None:
        self.triage.tag()

    def action_delete_articles(self) -> None:
        self.triage.delete()

    def action_note(self) -> None:
        self.triage.note()

    def action_undo(self) -> None:
        self.undo.undo()

    def _undo_now(self, expect: int | None = None) -> None:
        """Undo (`expect`: that step or none), the keys typed next waiting for the list it
        brings back (`Undone`)."""
        self._undoing = True
        self._hold_keys_until = time.monotonic() + SUBMIT_HOLD_SECONDS
        self.writer.undo(expect)

    def on_desk_writer_undo_step_changed(self, _message: DeskWriter.UndoStepChanged) -> None:
        self.undo.step_changed()

    def on_desk_writer_undo_ended(self, _message: DeskWriter.UndoEnded) -> None:
        # After `Undone` (which asked for the list, held for too): nothing more to wait for.
        self._undoing = False

    def hold_keys_for_change(self) -> None:
        """An archive's rows leave when its `Applied` comes: the keys typed after `a` wait
        for that (`a s` on a story row starred the three versions just archived)."""
        self._applying_until = time.monotonic() + SUBMIT_HOLD_SECONDS
        self._hold_keys_until = self._applying_until

    def on_desk_writer_applied(self, message: DeskWriter.Applied) -> None:
        """Show what changed: markers, rows leaving the inbox, the article's state."""
        self._applying_until = 0.0
        result = message.result
        self._undo_cursors.written(result.changed, self.inbox.current_id)
        archive_only = "is:archived" in self.query_text or "in:archive" in self.query_text
        if (
            result.action == "delete"
            or (result.action == "archive" and not archive_only)
            # Back in the inbox: it leaves the archive's list as archiving leaves the inbox's.
            or (result.action == "unarchive" and archive_only)
        ):
            self.view.drop(set(result.changed))
        if result.action == "delete" and result.changed:
            # Deleting wire copy's current version makes the one before it current: the
            # search again lets it take the deleted row's place (the counts had it already).
            self.refresh_results()
        self.after_change(result.changed)
        if result.action in ("archive", "unarchive") or self.detail.article_id in result.changed:
            self.view.show_detail()  # the State line is never stale

    def on_desk_writer_undone(self, message: DeskWriter.Undone) -> None:
        self.inbox.invalidate()
        self.refresh_counts()
        # The cursor goes back to the row it was on when the change was made, when the
        # change was to that row (an archived row returns under it); a change of one row is
        # what the undo is about; else it stays where it is (a bulk star's undo moved it to
        # an arbitrary member), or, on an empty list, the highest row the undo brought back.
        changed = message.result.changed
        if changed:
            was_on = self._undo_cursors.undone(changed)
            current = self.inbox.current_id
            if was_on in changed:
                self.run_search(keep=was_on, hold_keys=True)
            elif len(changed) == 1 or current is None:
                # "Undid ..." says what happened: the articles may be gone (an import
                # undone) or archived again, which no Esc would show.
                self.run_search(
                    keep=changed[0], reveal=tuple(changed), reveal_as="", hold_keys=True
                )
            else:
                self.run_search(keep=current, hold_keys=True)
        else:
            self.refresh_results()
        self.view.show_detail()

    def action_claim(self) -> None:
        if (ids := self.targets()) is not None:
            # A story row's targets are the versions it stood for: nothing else comes along.
            self.query_one(ClaimWriter).toggle(ids, as_shown=self.ui_state.grouped)

    def action_release(self) -> None:
        if (ids := self.targets()) is not None:
            # Unlike `c`, every version of the story: one's own claims, archived or
            # unmatched, are no one else's business (Desk.release).
            self.query_one(ClaimWriter).release(ids)

    # -- selection ---------------------------------------------------------------------------

    def action_select(self) -> None:
        # Held as row actions are: `x s` after the row went selected the neighbour, and the
        # selection then took `s` past the hold ("Starred 3 of 3" on a row never seen).
        try:
            self.view.select_current()
        except DeskError as exc:  # a story row's versions unread: none picked, said
            self.notify(str(exc), title="Not selected", severity="error", markup=False)
        self._say_newer_left()
        self.update_status()

    def action_select_range(self) -> None:
        try:
            picked = self.view.select_range()
        except DeskError as exc:
            self.notify(str(exc), title="Not selected", severity="error", markup=False)
            return
        if picked is not None:
            rows, articles = picked
            said = counted(rows, "row")
            if articles != rows:  # story rows: the count is of articles, as the header's
                said += f" ({counted(articles, 'article')})"
            self.notify(f"Selected {said}.", timeout=2)
            self.update_status()

    def action_select_all(self) -> None:
        # `*` selects exactly what the search matched: say so when that replaces picks made
        # in other searches (they were dropped without a word).
        before = set(self.inbox.selected)
        self.view.select_all()
        dropped = len(before - set(self.inbox.selected))
        if dropped:
            self.notify(
                f"Selected the {len(self.inbox.selected):,} matching articles; "
                f"{dropped:,} selected before and not matching are no longer selected.",
                timeout=4,
            )
        self.update_status()

    def action_clear(self) -> None:
        """Esc: first the selection, then the query."""
        if self.view.clear_selection():
            self.update_status()
        elif self.query_text:
            # The cursor stays on its article in the whole inbox (as mutt's limit does).
            self.set_query("", keep=self.inbox.current_id)

    # -- saved searches ----------------------------------------------------------------------

    def action_save_search(self) -> None:
        self.saved.save()

    def action_saved_searches(self) -> None:
        self.saved.pick()

    # -- open the original -------------------------------------------------------------------

    def action_open_url(self) -> None:
        self.reading.open_url()

    @app_worker(name="open URL", group="open-url", exclusive=False)
    def open_in_browser(self, url: str) -> None:
        import webbrowser

        if not webbrowser.open(url):
            self.notify(
                f"No browser could open {clean_line(url)}", severity="warning", markup=False
            )

    # -- import ------------------------------------------------------------------------------

    def action_import_files(self) -> None:
        self.imports.ask()

    def on_import_job_surveyed(self, message: ImportJob.Surveyed) -> None:
        self.imports.surveyed(message.survey)

    def action_import_log(self) -> None:
        self.imports.show_log()

    def import_paths(self, paths: list[Path], *, sample: bool = False) -> None:
        self.imports.start(paths, sample=sample)

    def on_import_job_progressed(self, message: ImportJob.Progressed) -> None:
        if message.relist:
            self.refresh_results()  # new articles join the list (cursor kept)
            self.refresh_counts()  # and the header counts them ("25 shown · 0 unread")
        self.update_status()

    def on_import_job_waiting(self, _message: ImportJob.Waiting) -> None:
        self.update_status()

    def on_import_job_finished(self, message: ImportJob.Finished) -> None:
        # One summary, once the list shows where the new articles are.
        self.imports.ended(message, placed=not message.sample and bool(message.new_ids))
        if message.sample:
            self.imports.sample_finished()
            self.refresh_results()
        else:
            # The editor asked for these: the cursor goes to the first of them listed,
            # where it sorts (a feed's or a folder's arrivals are counted instead).
            self.run_search(
                keep=self.inbox.current_id,
                keep_current=True,
                reveal=tuple(message.new_ids),
                # An empty list at the start held no row of the editor's: reveal.
                reveal_if_at=self.imports.cursor_at_start or False,
            )
        self.refresh_counts()
        self.update_status()

    # -- feeds -------------------------------------------------------------------------------

    def action_fetch_feeds(self) -> None:
        self.feeds.fetch_due()

    def action_feeds(self) -> None:
        self.feeds.open_screen()

    def action_rules(self) -> None:
        open_rules(self)

    def on_fetch_job_progressed(self, message: FetchJob.Progressed) -> None:
        # A feed's articles join the list (and the counts) while others still download.
        self.feeds.joined(message.joining, message.shown)

    def on_fetch_job_finished(self, message: FetchJob.Finished) -> None:
        if message.background and message.new:
            self.feeds.note_unasked_rules()
        if message.updated:  # corrected under the same GUID: the new text shows
            self.view.redraw_from_store()
        self.feeds.finished(message.joining, message.new, message.shown)

    def on_folder_watch_imported(self, message: FolderWatch.Imported) -> None:
        if message.new:
            self.feeds.note_unasked_rules()
        if message.updated:  # a file written again: its article's new text shows
            self.view.redraw_from_store()
            if not message.new:
                self.refresh_results()
        # Only what the inbox shows: not what a rule archived, nor a late older wire version.
        self.feeds.arrived_by_themselves(message.new, message.shown)

    # -- export ------------------------------------------------------------------------------

    def action_export(self) -> None:
        self.exports.ask()

    def on_export_job_finished(self, message: ExportJob.Finished) -> None:
        self.exports.finished(message)

    # -- help --------------------------------------------------------------------------------

    def action_help(self) -> None:
        from newsdesk.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(self.keymap_overrides))
