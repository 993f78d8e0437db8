"""Watches the Desk in the background: the search index's progress, others' changes, counts.

A widget that shows nothing: it owns the timer and the thread workers. It
opens the index, tells the index's notices (a rebuild, a repair) once each,
and posts `IndexChanged` to the screen when the progress text changes
("indexing 3,000/10,000", empty once caught up); asked, it counts the inbox
(unread, starred...) and posts `CountsReady`.

A thread follows the store (`Desk.follow_changes`: on a shared desk the server
announces each commit, so another editor's change arrives within milliseconds)
and posts `StoreChanged`, for others' changes only: the Desk skips its own
commits, which the screen has already redrawn. When the store cannot be reached it
says so once, keeps trying, and says when it is back; the screen keeps what
it shows meanwhile.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.widget import Widget

from newsdesk.errors import DeskError
from newsdesk.sanitize import clean_line
from newsdesk.tui.index_status import describe_index
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    from newsdesk.search.index import IndexStatus

#: Seconds between two looks at the index.
INDEX_POLL = 1.0
#: Longest wait for a change before looking again (the follower's stop is checked then,
#: so it also bounds how long closing the app waits for the thread).
CHANGE_WAIT = 0.25
#: Longest wait for the follower to end when the app closes.
STOP_WAIT_S = 2.0
#: Seconds between two tries to reach a store that could not be reached.
RETRY_S = 1.0


class Watched(Protocol):
    """What the watch reads (the Desk has all of it)."""

    @property
    def notices(self) -> list[str]: ...

    def index_status(self) -> IndexStatus: ...

    def counts(self) -> dict[str, int]: ...

    def follow_changes(self) -> Follower: ...


class Follower(Protocol):
    """Waits for changes made elsewhere (`newsdesk.desk.follow.ChangeFollower`)."""

    def start(self) -> None: ...

    def wait(self, timeout: float, stop: threading.Event | None = None) -> bool: ...


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
    class Reachable(Message):
        """The store was lost (`error` says how) or is back (`error` is None)."""

        error: str | None

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
        self._stop = threading.Event()
        self._follower: threading.Thread | None = None
        #: What the thread waits on, once started.
        self.follower: Follower | None = None
        #: Answers on screen were given while the index was behind (`expect_catch_up`).
        self._awaited = False

    def start(self) -> None:
        """Open the index (it may start a rebuild in its own thread), then poll it;
        and follow other editors' and processes' changes to the store."""
        self._open()
        # A thread of its own, like the index's writer, not a worker: it runs as long as
        # the app does, and a worker that never finishes would hold up every wait for
        # the app's workers to complete.
        self._follower = threading.Thread(target=self._follow, name="follow the store", daemon=True)
        self._follower.start()

    def on_unmount(self) -> None:
        # Joined: the desk is closed right after the app, and closing a SQLite
        # connection while this thread reads it crashed the interpreter (segfault).
        # It sees the event within CHANGE_WAIT; the bound keeps a stuck server from
        # holding up the exit.
        self._stop.set()
        if self._follower is not None and self._follower is not threading.current_thread():
            self._follower.join(STOP_WAIT_S)

    def _follow(self) -> None:
        # One thread reads every version compared: a file's counter is only
        # comparable on one connection, and this thread's is always the same one.
        follower = self.follower = self._desk.follow_changes()
        started = False
        lost: str | None = None
        while not self._stop.is_set():
            try:
                if not started:
                    follower.start()
                    started = True
                    if lost is not None:
                        # Whatever changed while it was away is shown now.
                        self.post_message(self.StoreChanged())
                else:
                    # Ends early when the app closes, so closing does not wait out a poll.
                    changed = follower.wait(CHANGE_WAIT, self._stop)
                    if self._stop.is_set():
                        return  # the app is closing: its desk may be closed already
                    if changed:
                        self.post_message(self.StoreChanged())
                if lost is not None:
                    lost = None
                    self.post_message(self.Reachable(None))
            except DeskError as exc:
                if self._stop.is_set():
                    return
                started = False  # looks afresh once the store is back
                if lost is None:
                    lost = clean_line(str(exc))
                    self.post_message(self.Reachable(lost))
                self._stop.wait(RETRY_S)

    def on_desk_watch_reachable(self, message: Reachable) -> None:
        if message.error is not None:
            self.notify(
                f"{message.error}. Showing what was loaded; changes are refused until "
                "it is back (trying again every second).",
                title="Store lost",
                severity="error",
                timeout=10,
                markup=False,
            )
        else:
            self.notify("The store is back; changes can be made again.", title="Store back")

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

    def expect_catch_up(self) -> None:
        """What is shown was found while the index was behind: post `IndexChanged` with
        `caught_up` at the first look that finds it caught up, even if no look saw it
        behind (another process, a `newsdesk watch`, may catch it up within the second
        between two looks)."""
        self._awaited = True

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
            was_busy = bool(self.index_text) or self._awaited
            self.index_text = message.text
            if not message.text:
                self._awaited = False
            self.post_message(self.IndexChanged(message.text, was_busy and not message.text))
        elif self._awaited and not message.text:
            self._awaited = False
            self.post_message(self.IndexChanged("", caught_up=True))
