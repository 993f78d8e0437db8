"""The feeds screen (`F`): every subscription and how its fetches went; add, remove, fetch one.

The list is read in a thread worker; changes go through the Desk's feed verbs
(in a worker too, as a shared desk may be across the network) and a wrong URL
or name comes back as a one-line notification. Fetching one feed is handed to
the inbox screen's fetch job, so its articles join the list there and the
header counts them; the inbox screen asks this one to reload when it ends.
Enter shows a feed's articles in the inbox (`feed:NAME`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Protocol

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from newsdesk.errors import DeskError
from newsdesk.feeds.schedule import show_every
from newsdesk.feeds.subscription import Subscription
from newsdesk.sanitize import clean_line
from newsdesk.tui.modals.once import OnceScreen
from newsdesk.tui.relative_time import compact_when
from newsdesk.tui.screens.table_moves import TableMoves, move_bindings
from newsdesk.tui.workers import app_worker

#: Seconds between two looks at the fetch job's progress while the screen is shown.
STATUS_POLL = 0.5
#: Columns: (title, width), fitting 120 cells; the URL and the error are shown whole below.
COLUMNS = (
    ("Name", 16),
    ("Status", 7),
    ("Items", 5),
    ("Unread", 6),
    ("Fetched", 7),
    ("Success", 7),
    ("Last error", 26),
    ("URL", 25),
)
STATUS_STYLE = {"ok": "green", "failing": "bold red", "paused": "yellow", "new": "cyan"}


class FeedDesk(Protocol):
    """The Desk's feed verbs this screen uses."""

    def feeds(self) -> list[Subscription]: ...

    def add_feed(self, url: str) -> Subscription: ...

    def remove_feed(self, name_or_url: str) -> Subscription: ...

    def pause_feed(self, name_or_url: str, paused: bool = True) -> Subscription: ...


def feed_row(sub: Subscription, now: datetime) -> list[Text]:
    """One table row; every field is cleaned (names, URLs and errors come from outside)."""
    status = sub.status
    return [
        Text(clean_line(sub.name), style="bold"),
        Text(status, style=STATUS_STYLE.get(status, "")),
        Text(f"{sub.items:,}", justify="right"),
        Text(f"{sub.unread:,}", justify="right", style="bold" if sub.unread else "dim"),
        Text(
            compact_when(sub.last_fetched, now) or "never", style="" if sub.last_fetched else "dim"
        ),
        Text(
            compact_when(sub.last_success, now) or "never", style="" if sub.last_success else "dim"
        ),
        Text(clean_line(sub.last_error or ""), style="red"),
        Text(clean_line(sub.url), style="dim"),
    ]


def feed_details(sub: Subscription, now: datetime) -> Text:
    """The cursor's feed in full: URL, interval, tags, the whole last error."""
    text = Text(end="")
    text.append(clean_line(sub.name), "bold")
    if sub.title and clean_line(sub.title) != clean_line(sub.name):
        text.append(f"  {clean_line(sub.title)}")
    text.append(f"\n{clean_line(sub.url)}\n", "dim")
    text.append("paused · " if sub.paused else "")
    text.append(f"every {show_every(sub.every_s)}")
    if sub.full_text:
        text.append(" · full text")
    if sub.tags:
        text.append(" · tags " + ", ".join(clean_line(t) for t in sub.tags))
    if sub.last_fetched:
        text.append(f" · last fetched {compact_when(sub.last_fetched, now)}")
        if sub.last_status:
            text.append(f" (HTTP {sub.last_status})")
    if sub.last_error:
        text.append(f"\nlast error: {clean_line(sub.last_error)}", "red")
    return text


class FeedsScreen(TableMoves, OnceScreen[str | None]):
    """The subscriptions; dismissed with a query (`feed:NAME`) to show in the inbox, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="feeds_add"),
        Binding("d,delete", "remove", "Remove", id="feeds_remove"),
        Binding("f", "fetch", "Fetch", id="feeds_fetch"),
        Binding("p", "pause", "Pause/resume", id="feeds_pause"),
        Binding("enter", "show", "Articles", id="feeds_show", priority=True),
        Binding("escape,q,F", "close", "Close", id="feeds_close"),
        *move_bindings("feeds"),
    ]
    """The screen's own keys (listed in its footer)."""

    @dataclass
    class Loaded(Message):
        feeds: list[Subscription]

    @dataclass
    class Changed(Message):
        """A change went through (notice) or was refused (error)."""

        notice: str
        error: bool = False

    def __init__(
        self,
        desk: FeedDesk,
        *,
        clock: Callable[[], datetime],
        fetch_one: Callable[[str], bool],
        fetch_status: Callable[[], str],
    ) -> None:
        super().__init__()
        self._desk = desk
        self._clock = clock
        self._fetch_one = fetch_one
        self._fetch_status = fetch_status
        self.feeds: list[Subscription] = []
        self.loaded = False

    def compose(self) -> ComposeResult:
        yield Static(Text("Feeds", style="bold"), id="feeds-title")
        table: DataTable[Text] = DataTable(id="feeds-table", cursor_type="row", zebra_stripes=True)
        for title, width in COLUMNS:
            table.add_column(title, width=width, key=title)
        yield table
        yield Static("", id="feeds-detail", markup=False)
        yield Footer()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#feeds-table", DataTable)

    def on_mount(self) -> None:
        self.table.focus()
        self.reload()
        self.set_interval(STATUS_POLL, self._show_title)

    # -- the list ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the subscriptions again (after a fetch or a change)."""
        self._load()

    @app_worker(name="feeds list", group="feeds-list")
    def _load(self) -> None:
        self.post_message(self.Loaded(self._desk.feeds()))

    def on_feeds_screen_loaded(self, message: Loaded) -> None:
        table = self.table
        current = self.current.id if self.current else None
        self.feeds = message.feeds
        self.loaded = True
        now = self._clock()
        table.clear()
        for sub in self.feeds:
            table.add_row(*feed_row(sub, now), key=str(sub.id))
        for index, sub in enumerate(self.feeds):
            if sub.id == current:
                table.move_cursor(row=index, animate=False)
        self._show_title()
        self._show_detail()

    @property
    def current(self) -> Subscription | None:
        row = self.table.cursor_row
        return self.feeds[row] if self.feeds and 0 <= row < len(self.feeds) else None

    def _show_title(self) -> None:
        title = Text("Feeds", style="bold")
        if self.loaded:
            failing = sum(1 for s in self.feeds if s.status == "failing")
            title.append(f"  {len(self.feeds):,} subscribed")
            if failing:
                title.append(f" · {failing:,} failing", "bold red")
        busy = self._fetch_status()
        if busy:
            title.append(f"   {busy}", "yellow")
        self.query_one("#feeds-title", Static).update(title)

    def _show_detail(self) -> None:
        detail = self.query_one("#feeds-detail", Static)
        sub = self.current
        if sub is not None:
            detail.update(feed_details(sub, self._clock()))
        elif self.loaded:
            detail.update(
                Text(
                    "No feeds yet: a adds one by its URL "
                    "(or `newsdesk feeds import FILE.opml` on the command line).",
                    style="dim",
                )
            )

    def on_data_table_row_highlighted(self) -> None:
        self._show_detail()

    # -- keys ----------------------------------------------------------------------------

    def action_add(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        def go(url: str | None) -> None:
            if url:
                self._change("add", url)

        self.app.push_screen(
            PromptDialog("Subscribe to a feed", placeholder="https://example.org/feed.xml"), go
        )

    def action_remove(self) -> None:
        from newsdesk.tui.modals.confirm import ConfirmDialog

        sub = self.current
        if sub is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._change("remove", sub.url)

        question = (
            f"Unsubscribe from {clean_line(sub.name)}? Its {sub.items:,} articles stay in the desk."
        )
        self.app.push_screen(ConfirmDialog("Remove feed", question, confirm="Remove"), answer)

    def action_pause(self) -> None:
        sub = self.current
        if sub is not None:
            self._change("resume" if sub.paused else "pause", sub.url)

    def action_fetch(self) -> None:
        sub = self.current
        if sub is None:
            return
        if self._fetch_one(sub.url):
            self.notify(f"Fetching {clean_line(sub.name)}…", timeout=2, markup=False)
        else:
            self.notify("Feeds are being fetched already.", timeout=2)
        self._show_title()

    def action_show(self) -> None:
        sub = self.current
        if sub is not None:
            self.dismiss(f"feed:{sub.name}")

    def action_close(self) -> None:
        self.dismiss(None)

    @app_worker(name="feed change", group="feeds-change", exclusive=False)
    def _change(self, verb: str, target: str) -> None:
        try:
            if verb == "add":
                sub = self._desk.add_feed(target)
                notice = f"Subscribed to {sub.name}: f fetches it now (or wait for it to be due)."
            elif verb == "remove":
                sub = self._desk.remove_feed(target)
                notice = f"Unsubscribed from {sub.name}; its articles stay."
            else:
                sub = self._desk.pause_feed(target, verb == "pause")
                notice = f"{sub.name}: " + ("paused." if sub.paused else "resumed (due now).")
        except DeskError as exc:
            self.post_message(self.Changed(str(exc), error=True))
            return
        self.post_message(self.Changed(notice))

    def on_feeds_screen_changed(self, message: Changed) -> None:
        self.notify(
            clean_line(message.notice),
            severity="error" if message.error else "information",
            timeout=4,
            markup=False,
        )
        if not message.error:
            self.reload()
