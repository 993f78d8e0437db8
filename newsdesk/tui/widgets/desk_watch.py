"""Watches the Desk in the background: the search index's progress and the inbox counts.

A widget that shows nothing: it owns the timer and the thread workers. It
opens the index, tells the index's notices (a rebuild, a repair) once each,
and posts `IndexChanged` to the screen when the progress text changes
("indexing 3,000/10,000", empty once caught up); asked, it counts the inbox
(unread, starred...) and posts `CountsReady`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.widget import Widget

from newsdesk.tui.index_status import describe_index
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    from newsdesk.search.index import IndexStatus

#: Seconds between two looks at the index.
INDEX_POLL = 1.0
#: Seconds between two looks for changes made by other processes.
STORE_POLL = 0.5


class Watched(Protocol):
    """What the watch reads (the Desk has all of it)."""

    @property
    def notices(self) -> list[str]: ...

    def index_status(self) -> IndexStatus: ...

    def counts(self) -> dict[str, int]: ...

    def data_version(self) -> int: ...


class DeskWatch(Widget):
    """Opens the index off the UI thread and polls how far behind the store it is."""

    DEFAULT_CSS = """
    DeskWatch {
        display: none;
    }
    """
    """Never drawn."""

    @dataclass
    class IndexChanged(Message):
        """The index moved on; `text` is empty once it has caught up."""

        text: str
        #: The index was behind and has now caught up (answers may be fuller).
        caught_up: bool

    @dataclass
    class StoreChanged(Message):
        """Someone else (another window, a CLI command, a fetch) wrote to the store."""

    @dataclass
    class CountsReady(Message):
        """Inbox-wide counts (unread, starred...) for the status line."""

        counts: dict[str, int]

    @dataclass
    class Looked(Message):
        """One look at the index, from the worker."""

        text: str
        notices: list[str]
        opened: bool = False

    def __init__(self, desk: Watched, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._desk = desk
        #: The progress text last posted.
        self.index_text = ""
        #: The last index message told, so each is told once.
        self._told: str | None = None
        self._data_version = 0

    def start(self) -> None:
        """Open the index (it may start a rebuild in its own thread), then poll it;
        and look for other processes' changes to the store."""
        self._open()
        self._data_version = self._desk.data_version()
        self.set_interval(STORE_POLL, self._look_for_changes)

    def _look_for_changes(self) -> None:
        # In the UI thread on purpose: the pragma reads no page and is only comparable
        # on one connection, and the UI thread's connection is always the same one.
        version = self._desk.data_version()
        if version != self._data_version:
            self._data_version = version
            self.post_message(self.StoreChanged())

    @app_worker(name="open index", group="index")
    def _open(self) -> None:
        status = self._desk.index_status()  # the first call opens the index
        notices = list(self._desk.notices)
        if status.message and status.message not in notices:
            notices.append(status.message)
        self._told = status.message
        self.post_message(self.Looked(describe_index(status), notices, opened=True))

    def refresh_counts(self) -> None:
        """Count the inbox off the UI thread; `CountsReady` follows."""
        self._count()

    @app_worker(name="counts", group="counts")
    def _count(self) -> None:
        self.post_message(self.CountsReady(self._desk.counts()))

    def _poll(self) -> None:
        self._look()

    @app_worker(name="index status", group="index-status")
    def _look(self) -> None:
        status = self._desk.index_status()
        notices = []
        if status.message and status.message != self._told:
            self._told = status.message
            notices.append(status.message)
        self.post_message(self.Looked(describe_index(status), notices))

    def on_desk_watch_looked(self, message: Looked) -> None:
        message.stop()
        for notice in message.notices:
            self.notify(notice, title="Search index", markup=False)
        if message.opened:
            self.set_interval(INDEX_POLL, self._poll)
        if message.text != self.index_text:
            was_busy = bool(self.index_text)
            self.index_text = message.text
            self.post_message(self.IndexChanged(message.text, was_busy and not message.text))
