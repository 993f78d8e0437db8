"""The feeds screen (`F`): every subscription and how its fetches went; add, remove, rename,
change the interval, fetch one.

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
from typing import TYPE_CHECKING, ClassVar, Protocol

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message

from newsdesk.counting import counted
from newsdesk.feeds.names import cut_middle
from newsdesk.feeds.schedule import parse_every, show_every
from newsdesk.feeds.subscription import Subscription

if TYPE_CHECKING:
    from newsdesk.feeds.service import FeedChange
from newsdesk.sanitize import clean_line
from newsdesk.tui.relative_time import compact_when
from newsdesk.tui.screens.table_screen import ChangeDone, TableScreen, move_bindings

#: Seconds between two looks at the fetch job's progress while the screen is shown.
STATUS_POLL = 0.5
#: Columns: (title, width), fitting 120 cells; the URL and the error are shown whole below,
#: and take a wider screen's spare cells (`STRETCH`).
COLUMNS = (
    ("Name", 22),
    ("Status", 7),
    ("Items", 5),
    ("Unread", 6),
    ("Fetched", 7),
    ("Success", 7),
    ("Last error", 22),
    ("URL", 23),
)
STATUS_STYLE = {"ok": "green", "failing": "bold red", "paused": "yellow", "new": "cyan"}


class FeedDesk(Protocol):
    """The Desk's feed verbs this screen uses."""

    def feeds(self) -> list[Subscription]: ...

    def add_feed(self, url: str) -> Subscription: ...

    def remove_feed(self, name_or_url: str) -> FeedChange: ...

    def pause_feed(self, name_or_url: str, paused: bool = True) -> Subscription: ...

    def change_feed(
        self, name_or_url: str, *, name: str | None = None, every_s: int | None = None
    ) -> FeedChange: ...

    def data_version(self) -> int: ...


def feed_row(sub: Subscription, now: datetime) -> list[Text]:
    """One table row; every field is cleaned (names, URLs and errors come from outside)."""
    status = sub.status
    return [
        # Cut in the middle: names made unique differ at their end ("-2").
        Text(cut_middle(clean_line(sub.name), COLUMNS[0][1]), style="bold"),
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
        # From the host on: at 80 cells the column read "http://…" for every feed.
        Text(clean_line(sub.shown_url.partition("://")[2] or sub.shown_url), style="dim"),
    ]


def feed_details(sub: Subscription, now: datetime) -> Text:
    """The cursor's feed in full: URL, interval, tags, the whole last error."""
    text = Text(end="")
    text.append(clean_line(sub.name), "bold")
    if sub.title and clean_line(sub.title) != clean_line(sub.name):
        text.append(f"  {clean_line(sub.title)}")
    text.append(f"\n{clean_line(sub.shown_url)}\n", "dim")
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


class FeedsScreen(TableScreen[Subscription]):
    """The subscriptions; dismissed with a query (`feed:NAME`) to show in the inbox, or None."""

    NAME = "feeds"
    COLUMNS = COLUMNS
    STRETCH: ClassVar[dict[str, int]] = {"Last error": 1, "URL": 1}
    # At 80 cells every column stays in view, cut with an ellipsis (whole below).
    SHRINK: ClassVar[dict[str, int]] = {"Name": 14, "Last error": 8, "URL": 8}
    POLL = STATUS_POLL
    BINDINGS: ClassVar[list[BindingType]] = [
        # Close first: a narrow footer cuts the keys at its end, never this one.
        Binding("escape,q,F", "close", "Close", id="feeds_close"),
        Binding("a", "add", "Add", id="feeds_add"),
        Binding("d,delete", "remove", "Remove", id="feeds_remove"),
        Binding("f", "fetch", "Fetch", id="feeds_fetch"),
        # "Pause" (it resumes too): the footer fits 80 cells with room to spare.
        Binding("p", "pause", "Pause", id="feeds_pause"),
        Binding("r", "rename", "Rename", id="feeds_rename"),
        Binding("e", "every", "Every", id="feeds_every"),
        Binding("enter", "show", "Articles", id="feeds_show", priority=True),
        *move_bindings("feeds"),
    ]
    """The screen's own keys (listed in its footer)."""

    @dataclass
    class Subscribed(Message):
        """A feed was added (from the change worker): it is fetched at once."""

        url: str
        name: str

    def __init__(
        self,
        desk: FeedDesk,
        *,
        clock: Callable[[], datetime],
        fetch_one: Callable[[str], bool],
        fetch_status: Callable[[], str],
    ) -> None:
        super().__init__(desk.data_version)
        self._desk = desk
        self._clock = clock
        self._fetch_one = fetch_one
        self._fetch_status = fetch_status

    @property
    def feeds(self) -> list[Subscription]:
        return self.items

    # -- the list ---------------------------------------------------------------------

    def read(self) -> list[Subscription]:
        return self._desk.feeds()

    def key_of(self, item: Subscription) -> str:
        return str(item.id)

    def row(self, position: int, item: Subscription) -> list[Text]:
        return feed_row(item, self._clock())

    def poll(self) -> None:
        super().poll()  # a feed added, removed or fetched elsewhere
        self.show_title()  # the fetch job's progress

    def heading(self) -> Text:
        title = Text("Feeds", style="bold")
        if self.loaded:
            failing = sum(1 for s in self.feeds if s.status == "failing")
            title.append(f"  {len(self.feeds):,} subscribed")
            if failing:
                title.append(f" · {failing:,} failing", "bold red")
        busy = self._fetch_status()
        if busy:
            title.append(f"   {busy}", "yellow")
        return title

    def detail_of(self, item: Subscription) -> Text:
        return feed_details(item, self._clock())

    def empty_text(self) -> Text:
        return Text(
            "No feeds yet: a adds one by its URL "
            "(or `newsdesk feeds import FILE.opml` on the command line).",
            style="dim",
        )

    def query_of(self, item: Subscription) -> str:
        return f"feed:{item.name}"

    # -- keys ----------------------------------------------------------------------------

    def action_add(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        def go(url: str | None) -> None:
            if url:
                self.change(lambda: self._add(url))

        self.app.push_screen(
            PromptDialog("Subscribe to a feed", placeholder="https://example.org/feed.xml"), go
        )

    def _add(self, url: str) -> ChangeDone:
        sub = self._desk.add_feed(url)
        # Fetched at once, as Miniflux does: the new feed sat empty until the next look
        # for due feeds (a minute, or never with background fetching off). The notice
        # comes from the handler, which knows whether the fetch could start.
        self.post_message(self.Subscribed(sub.url, sub.name))
        # The cursor goes to the new feed, so `f` means this one.
        return "", self.key_of(sub)

    def on_feeds_screen_subscribed(self, message: Subscribed) -> None:
        name = clean_line(message.name)
        if self._fetch_one(message.url):
            said = f"Subscribed to {name}: fetching it now."
        else:
            said = f"Subscribed to {name}; feeds are being fetched: it is fetched right after."
        self.notify(said, timeout=4, markup=False)
        self.show_title()

    def action_remove(self) -> None:
        sub = self.current
        if sub is None:
            return

        def remove() -> ChangeDone:
            done = self._desk.remove_feed(sub.url)
            said = f"Unsubscribed from {done.feed.name}; its articles stay"
            if done.still_old:
                verb = "says" if len(done.still_old) == 1 else "say"
                said += f"; {', '.join(done.still_old)} still {verb} feed:{done.feed.name}"
            return said + ".", ""

        question = (
            f"Unsubscribe from {clean_line(sub.name)}? "
            f"Its {counted(sub.items, 'article')} stay in the desk."
        )
        self.confirm("Remove feed", question, "Remove", lambda: self.change(remove))

    def action_pause(self) -> None:
        sub = self.current
        if sub is None:
            return

        def pause() -> ChangeDone:
            done = self._desk.pause_feed(sub.url, not sub.paused)
            return f"{done.name}: " + ("paused." if done.paused else "resumed (due now)."), ""

        self.change(pause)

    def action_rename(self) -> None:
        sub = self.current
        if sub is None:
            return
        from newsdesk.tui.modals.prompt import PromptDialog

        def rename(name: str) -> ChangeDone:
            done = self._desk.change_feed(sub.url, name=name)
            if not done.renamed_from:
                return f"{done.feed.name}: the name is unchanged.", self.key_of(done.feed)
            said = f"Renamed {done.renamed_from} to {done.feed.name}: feed:{done.feed.name}"
            if done.still_old:
                verb = "says" if len(done.still_old) == 1 else "say"
                said += f"; {', '.join(done.still_old)} still {verb} feed:{done.renamed_from}"
            return said + ".", self.key_of(done.feed)

        def go(name: str | None) -> None:
            if name:
                self.change(lambda: rename(name))

        self.app.push_screen(PromptDialog(f"Rename {sub.name}", value=sub.name), go)

    def action_every(self) -> None:
        sub = self.current
        if sub is None:
            return
        from newsdesk.tui.modals.prompt import PromptDialog

        def every(seconds: int) -> ChangeDone:
            done = self._desk.change_feed(sub.url, every_s=seconds)
            shown = show_every(done.feed.every_s)
            return f"{done.feed.name}: fetched every {shown}.", self.key_of(done.feed)

        def problem(text: str) -> str | None:
            try:
                parse_every(text)
            except ValueError as exc:
                return clean_line(str(exc))
            return None

        def go(text: str | None) -> None:
            if text:
                seconds = parse_every(text)  # read by `problem` already
                self.change(lambda: every(seconds))

        self.app.push_screen(
            PromptDialog(
                f"Fetch {sub.name} every (15m, 2h, 1d)",
                value=show_every(sub.every_s),
                check=problem,
            ),
            go,
        )

    def action_fetch(self) -> None:
        sub = self.current
        if sub is None:
            return
        name = clean_line(sub.name)
        if self._fetch_one(sub.url):
            self.notify(f"Fetching {name}…", timeout=2, markup=False)
        else:
            said = f"Feeds are being fetched: {name} is fetched right after."
            self.notify(said, timeout=3, markup=False)
        self.show_title()
