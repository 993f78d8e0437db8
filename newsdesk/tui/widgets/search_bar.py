"""The search box: an Input with recall of recent searches and an inline message line.

The bar turns typing into `QueryChanged` (paced by `SEARCH_DEBOUNCE`) and
Enter or Esc into `Left`; the screen runs the searches.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from newsdesk.sanitize import display
from newsdesk.tui.widgets.inert_input import InertInput

#: While typing, at most one search starts per this many seconds. Zero, because searches
#: are already paced by SearchSequence: one runs at a time and only the latest query waits
#: (bench_tui.py at 10,000 articles: p50 95 ms with 0, 127 ms with 0.15).
SEARCH_DEBOUNCE = 0.0


class SearchInput(InertInput):
    """Input with up/down recall of recent searches and Esc to leave."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "recall(1)", "Older search", show=False, id="search_recall_older"),
        Binding("down", "recall(-1)", "Newer search", show=False, id="search_recall_newer"),
        # Priority, so keys typed right after Enter/Esc ("s") reach the list, not the box.
        Binding("escape", "leave", "Back to the list", id="search_leave", priority=True),
        Binding("enter", "submit", "Search", show=False, id="search_submit", priority=True),
    ]
    """Keys that only apply while typing a query."""

    @dataclass
    class Leave(Message):
        """Esc or Enter: go back to the list, keeping the query."""

    def __init__(self, recent: list[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        #: Most recent first (shared with the persisted UI state).
        self.recent = recent
        self._recall_at = -1
        #: Where Enter and Esc send the focus (the list), set by the screen.
        self.leave_target: Widget | None = None

    def action_recall(self, step: int) -> None:
        if not self.recent:
            return
        position = max(-1, min(self._recall_at + step, len(self.recent) - 1))
        self._recall_at = position
        self.value = "" if position < 0 else self.recent[position]
        self.cursor_position = len(self.value)

    def reset_recall(self) -> None:
        self._recall_at = -1

    def _move_focus(self) -> None:
        # Synchronously, so keys typed right after Enter/Esc ("s") reach the list.
        if self.leave_target is not None:
            self.screen.set_focus(self.leave_target)

    def action_leave(self) -> None:
        self._move_focus()
        self.post_message(self.Leave())

    async def action_submit(self) -> None:
        self._move_focus()
        await super().action_submit()


class SearchBar(Vertical):
    """The query input and, under it, a one-line message (bad syntax, notices)."""

    @dataclass
    class QueryChanged(Message):
        """The typed query changed: search for it."""

        query: str

    @dataclass
    class Left(Message):
        """Enter or Esc in the box: back to the list, keeping `query`."""

        query: str

    def __init__(
        self, query: str, recent: list[str], *, search_key: str = "/", id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._search_key = search_key
        self._initial = query
        #: The input says its first value changed once mounted: not typing (the screen
        #: searches for it at start, keeping the cursor's article from the last run).
        self._first_change = True
        self._recent = recent
        self._search_timer: Timer | None = None
        self._last_search_at = 0.0

    def compose(self) -> ComposeResult:
        yield SearchInput(
            self._recent,
            value=self._initial,
            placeholder=(
                f'{self._search_key} to search: words, "phrases", source:, tag:, is:starred, '
                "is:archived …"
            ),
            id="search-input",
        )
        yield Static("", id="search-message", markup=False)

    @property
    def input(self) -> SearchInput:
        return self.query_one(SearchInput)

    @property
    def typed(self) -> str:
        """The typed query, trimmed."""
        return self.input.value.strip()

    @on(SearchInput.Changed, "#search-input")
    def _typed(self, event: SearchInput.Changed) -> None:
        """Search at once after a pause in typing, else at most once per debounce period."""
        event.stop()
        first, self._first_change = self._first_change, False
        if first and event.value == self._initial:
            return
        self._cancel_pending()
        since = time.monotonic() - self._last_search_at
        if since >= SEARCH_DEBOUNCE:
            self._changed_now()
        else:
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE - since, self._changed_now)

    def _changed_now(self) -> None:
        self._search_timer = None
        self._last_search_at = time.monotonic()
        self.post_message(self.QueryChanged(self.typed))

    @on(SearchInput.Submitted, "#search-input")
    @on(SearchInput.Leave)
    def _leave(self, event: Message) -> None:
        event.stop()
        self.input.reset_recall()
        if self._search_timer is not None:
            self._cancel_pending()
            self._changed_now()
        self.post_message(self.Left(self.typed))

    def _cancel_pending(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._search_timer = None

    def set_query(self, query: str) -> None:
        """Replace the query without a `QueryChanged` (the caller searches)."""
        self._cancel_pending()
        with self.input.prevent(SearchInput.Changed):
            self.input.value = query

    def show_message(self, message: str, *, error: bool) -> None:
        label = self.query_one("#search-message", Static)
        label.update(Text(display(message)))
        label.set_class(error, "-error")
        label.set_class(bool(message), "-shown")
