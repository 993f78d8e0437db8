"""The fetch job: `R` fetches every feed, and a timer fetches the due ones, in a thread worker.

Like the import job it posts its progress and its outcome as messages that
bubble to the screen, which lets new articles join the list without moving
the cursor. Each feed's articles join as soon as its transaction has committed,
while other feeds are still downloading: the first at once, later ones at most
every RELIST_EVERY seconds, and those held back by that limit when it has passed
(not when the next feed, perhaps a minute away on a slow server, is stored). Nothing is shown while no fetch runs. The timer only looks for
due feeds (each feed's own interval and backoff decide, see feeds.schedule);
a background fetch says nothing unless articles arrived or a feed failed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from newsdesk.counting import counted
from newsdesk.errors import DeskError, StoreUnreachableError
from newsdesk.tui.arrivals import FAILED_TIMEOUT, failures_notice
from newsdesk.tui.relist_pace import RelistPace
from newsdesk.tui.triage import articles
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    # Only named in annotations: the feeds service brings httpx, too heavy for the app's start.
    from newsdesk.feeds.service import FeedOutcome, FetchSummary

#: Seconds between two looks for due feeds while the app runs.
DUE_CHECK_S = 60.0
#: Seconds after start-up before the first look (the first frame comes first).
FIRST_CHECK_S = 1.0


class FetchRunner(Protocol):
    """`Desk.fetch`: fetch feeds, reporting each one as it is stored."""

    def __call__(
        self,
        names: Sequence[str] = (),
        *,
        every: bool = False,
        progress: Callable[[FeedOutcome, int, int], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> FetchSummary: ...


class FetchJob(Widget):
    """One fetch at a time; `status` says how far it got."""

    DEFAULT_CSS = "FetchJob { display: none; }"

    @dataclass
    class Progressed(Message):
        done: int
        total: int
        new: int
        #: New articles are waiting to join the list.
        relist: bool = False
        #: How many of them join it now.
        joining: int = 0
        #: Of `new`, those the inbox shows (counted in the header as arrived): not a late
        #: older wire version, nor what a rule is to archive when the fetch ends.
        shown: int = 0

    @dataclass
    class Finished(Message):
        new: int
        feeds: int
        #: The notice of what arrived, naming the feeds that brought it ("" for nothing).
        arrived: str = ""
        #: (feed name, reason) for each feed that failed.
        failed: list[tuple[str, str]] = field(default_factory=list)
        stopped: bool = False
        #: Started by the timer for due feeds, not by a key.
        background: bool = False
        #: Of `new`, those that have not joined the list during the fetch.
        joining: int = 0
        #: Articles a feed told otherwise (a correction): their rows and text are redrawn.
        updated: int = 0
        #: Feeds left out: paused ones, and those whose server asked to wait.
        paused: int = 0
        held: int = 0
        #: Of `new`, those a rule archived as they arrived: not in the inbox, not counted
        #: as arrived; and what the rules did, in words ("archived 1 by rule kill").
        archived: int = 0
        ruled: str = ""
        #: Of `new`, those the inbox shows once the rules have acted (the header's
        #: count): not those archived, nor a wire version older than the one the desk had.
        shown: int = 0

    def __init__(
        self,
        run_fetch: FetchRunner,
        *,
        count_due: Callable[[], int] | None = None,
        shown: Callable[[Sequence[str]], int] | None = None,
        small_screen: Callable[[], bool] = lambda: False,
        keep_notice: Callable[[str], None] = lambda _text: None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        #: How many of some new articles the inbox shows (`arrivals.inbox_shows`).
        self._shown = shown
        self._small_screen = small_screen
        self._keep_notice = keep_notice
        self._run_fetch = run_fetch
        #: A cheap look at the store first: the fetcher (httpx) loads only when a feed is due.
        self._count_due = count_due
        self.status = ""
        self.running = False
        #: New articles stored so far by the running fetch, and how many have joined the list.
        self._stored = 0
        self._pace = RelistPace(self.set_timer)
        #: The last progress (for joining late).
        self._last: FetchJob.Progressed | None = None
        #: The running (or last) fetch's worker (`busy`).
        self._worker: Worker[None] | None = None
        #: The worker whose body has begun (set from its thread).
        self._began: object = None
        #: Feeds to fetch once the running fetch has ended (`start_soon`), in order.
        self._queued: dict[str, None] = {}

    def start(self, names: Sequence[str] = ()) -> bool:
        """Fetch the named feeds, or every unpaused one (due or not); False when one
        is already running."""
        if self.busy():
            return False
        self.status = "fetching feeds…"
        self._begin(tuple(names), background=False)
        return True

    def start_soon(self, names: Sequence[str]) -> bool:
        """Fetch the named feeds now (True), or right after the running fetch (False): a
        feed added while the due ones were fetched stayed "never" until the next look,
        a minute later, and `f` on it said only "Feeds are being fetched already."."""
        if self.start(names):
            return True
        self._queued.update(dict.fromkeys(names))
        return False

    def busy(self) -> bool:
        """A fetch is under way. A worker that ended without clearing `running` (cancelled
        before its thread ran) frees the job here: every later `R` said only "Feeds are
        being fetched already." and fetched nothing."""
        worker = self._worker
        # A thread worker cancelled before its task ran stays RUNNING in Textual: its
        # body never began (`_began`), so nothing else will free the job.
        if (
            self.running
            and worker is not None
            and (worker.is_finished or (worker.is_cancelled and self._began is not worker))
        ):
            self.running, self.status = False, ""
        return self.running

    def fetch_due_on_schedule(self, every_s: float = DUE_CHECK_S) -> None:
        """Look for due feeds soon, then every `every_s` seconds, and fetch them."""
        self.set_timer(FIRST_CHECK_S, self.fetch_due)
        self.set_interval(every_s, self.fetch_due)

    def fetch_due(self) -> None:
        """Fetch the feeds that are due, quietly; nothing when a fetch is running."""
        if not self.busy():
            self._begin((), background=True)

    def _begin(self, names: tuple[str, ...], *, background: bool) -> None:
        self.running = True
        self._stored = 0
        self._pace.restart(at_once=True)  # the first feed's articles join at once
        self._last = None
        self._worker = self._fetch(names, background)

    class Ended(Message):
        """A fetch has ended, its outcome posted before this: the queued feeds may go."""

        bubble = False

    def on_fetch_job_ended(self, _message: Ended) -> None:
        if self._queued and not self.busy():
            names, self._queued = tuple(self._queued), {}
            self.start(names)

    @app_worker(name="fetch feeds", group="fetch")
    def _fetch(self, names: tuple[str, ...], background: bool) -> None:
        try:
            self._fetch_round(names, background)
        finally:
            self.post_message(self.Ended())

    def _fetch_round(self, names: tuple[str, ...], background: bool) -> None:
        """The body of `_fetch`, in its worker thread."""
        worker = get_current_worker()
        self._began = worker
        new = shown = 0

        def progress(outcome: FeedOutcome, done: int, total: int) -> None:
            nonlocal new, shown
            new += outcome.new
            ruled_out = set(outcome.ruled_out)
            kept = [i for i in outcome.new_ids if i not in ruled_out]
            shown += self._shown(kept) if self._shown is not None else len(kept)
            self.post_message(self.Progressed(done, total, new, shown=shown))

        # Every way out frees the job (`running`), and each failure is said as a failed
        # fetch: the look for due feeds raised outside the `try` when the store went away
        # (a shared desk's connection dropped), and the job stayed "running" for good.
        try:
            if background and self._count_due is not None and not self._count_due():
                return
            summary = self._run_fetch(
                names,
                every=not background and not names,
                progress=progress,
                should_stop=lambda: worker.is_cancelled,
            )
            finished = self._finished(summary, background, stopped=worker.is_cancelled)
        except StoreUnreachableError as exc:
            # The desk watch says "Store lost" once; a background look says nothing more.
            if not background:
                self._failed(names, f"the store could not be reached ({exc})", background)
            return
        except DeskError as exc:
            # Refused as a whole (a feed removed from another window meanwhile): said as a
            # failed fetch, and the job ends as any fetch does (the status line clears).
            self._failed(names, str(exc), background)
            return
        finally:
            # Set from the worker so that any other error (a bug, said by the App's one
            # handler: "fetch feeds failed: ...") frees the job too.
            self.status = ""
            self.running = False
        self.post_message(finished)

    def _failed(self, names: tuple[str, ...], reason: str, background: bool) -> None:
        failed = [(", ".join(names) or "feeds", reason)]
        self.post_message(self.Finished(new=0, feeds=0, failed=failed, background=background))

    def _finished(self, summary: FetchSummary, background: bool, *, stopped: bool) -> Finished:
        """The outcome of a fetch that ran (built in the worker: it may read the store)."""
        return self.Finished(
            new=summary.new,
            feeds=len(summary.feeds),
            arrived=summary.arrival_notice(),
            failed=[(f.name, f.reason or "") for f in summary.failed],
            stopped=stopped,
            background=background,
            updated=sum(f.updated for f in summary.feeds),
            paused=summary.paused,
            held=summary.skipped - summary.paused,
            archived=summary.new - summary.arrived,
            ruled=summary.rules_said(),
            shown=self._shown(summary.new_ids) if self._shown is not None else summary.arrived,
        )

    def on_fetch_job_progressed(self, message: Progressed) -> None:
        if message.relist:
            return  # posted by `_join_late`: counted there
        self.status = f"fetching feeds {message.done:,}/{message.total:,} ({message.new:,} new)"
        self._stored, self._last = message.new, message
        joining = self._pace.offer(message.new, self._join_late)
        if joining is not None:
            message.relist, message.joining = True, joining

    def _join_late(self) -> None:
        last = self._last
        if last is not None and self._stored > self._pace.listed:
            joining = self._pace.join(self._stored)
            self.post_message(
                self.Progressed(
                    last.done, last.total, last.new, relist=True, joining=joining, shown=last.shown
                )
            )

    def on_fetch_job_finished(self, message: Finished) -> None:
        self.status = ""
        # What has not joined the list yet joins with the end of the fetch.
        self._stored = max(self._stored, message.new)
        message.joining = self._pace.join(self._stored)
        self._last = None
        if message.background:
            if message.new:
                ruled = f", {message.ruled}" if message.ruled else ""
                said = f"{articles(message.new)} arrived from due feeds{ruled}."
                self._keep_notice(said)
                self.notify(said, timeout=4, markup=False)
        elif not message.feeds and not message.failed:
            if message.paused or message.held:
                # Every feed is paused or held back: "no feeds" told an editor with a
                # dozen subscriptions to subscribe.
                left = []
                if message.paused:
                    left.append(f"{message.paused:,} paused")
                if message.held:
                    left.append(f"{message.held:,} held back (the server asked to wait)")
                self.notify(f"No feed fetched: {', '.join(left)}.", markup=False)
            else:
                self.notify("No feeds to fetch: `newsdesk feeds add URL` subscribes.", markup=False)
            return
        elif message.arrived or message.feeds > len(message.failed):
            # The feeds that brought something, by name (not every feed that answered);
            # a fetch whose every feed failed says just that (a feed cut short is
            # failed, and its complete items arrived all the same).
            # "0 articles arrived." read as a count still to come: said as what it is.
            answered = message.feeds - len(message.failed)
            said = message.arrived or f"Nothing new from {counted(answered, 'feed')}."
            # Kept on a small screen: the failures after it took it down at 80x24.
            self._keep_notice(said)
            self.notify(said, markup=False)
        if message.failed:
            # However many failed, one notice: with two shown at once on a small screen,
            # what arrived and what a rule archived stay in view.
            title, text = failures_notice(
                message.failed, what="feed", lists="F", brief=self._small_screen()
            )
            self.notify(text, title=title, severity="warning", timeout=FAILED_TIMEOUT, markup=False)
