"""Feeds from the inbox: fetch the due ones now (F), the feeds screen, arrivals (feeds, folders)."""

from __future__ import annotations

from newsdesk.desk import DeskError
from newsdesk.store import ActionRecord
from newsdesk.tui.screens.flows.host import InboxHost


class FeedsFlow:
    """Starts fetches, opens the feeds screen and counts what arrived for the header."""

    def __init__(self, host: InboxHost) -> None:
        self.host = host
        #: Articles that arrived from feeds or folders since the reader last went to the top.
        self.arrived = 0
        #: The local time of the first of them (HH:MM).
        self.arrived_since = ""
        #: What the rules did to articles that came by themselves (a due feed, a
        #: watched folder), by the step's batch: when one of these is the newest step,
        #: `u` asks before taking it back instead of the editor's own.
        self.unasked: dict[object, ActionRecord] = {}
        #: What the running fetch has added to `arrived` as its feeds' articles joined.
        self._fetch_counted = 0

    def note_unasked_rules(self) -> None:
        """Articles arrived by themselves: remember the rules' step if it is the newest."""
        try:
            newest = self.host.desk.history(1)
        except DeskError:
            return
        if newest and newest[0].kind.startswith("rule"):
            self.unasked[newest[0].batch] = newest[0]
            while len(self.unasked) > 64:  # bounded: a desk watching all day
                del self.unasked[next(iter(self.unasked))]

    def unasked_step_is_newest(self) -> ActionRecord | None:
        """The rules' step `u` would take back now, when it is one of those."""
        if not self.unasked:
            return None
        try:
            newest = self.host.desk.history(1)
        except DeskError:
            return None
        return self.unasked.get(newest[0].batch) if newest else None

    def forget(self, step: ActionRecord) -> None:
        """The step was taken back (or is no longer the newest to ask about)."""
        self.unasked.pop(step.batch, None)

    def fetch_due(self) -> None:
        if not self.host.fetch_job.start():
            self.host.notify("Feeds are being fetched already.", timeout=2)
        self.host.update_status()

    def open_screen(self) -> None:
        from newsdesk.tui.screens.feeds import FeedsScreen

        host = self.host
        job = host.fetch_job

        def fetch_one(url: str) -> bool:
            started = job.start_soon([url])
            host.update_status()
            return started

        def show(query: str | None) -> None:
            if query:
                host.set_query(query)
                host.focus_inbox()

        host.app.push_screen(
            FeedsScreen(
                host.desk, clock=host.clock, fetch_one=fetch_one, fetch_status=lambda: job.status
            ),
            show,
        )

    def joined(self, new: int, shown: int) -> None:
        """`new` articles of a running fetch joined the list; of all it stored so far,
        `shown` are the inbox's (not a late older wire version, nor what a rule is to
        archive when the fetch ends): the header counts those, and never counts down."""
        # Counted as they join the list (a progress that lists nothing counts nothing).
        counted = max(0, shown - self._fetch_counted) if new else 0
        self._fetch_counted += counted
        self.arrived_by_themselves(new, counted)

    def finished(self, new: int, stored: int = 0, shown: int | None = None) -> None:
        """A fetch ended with `new` articles not listed yet (of `stored` in all, `shown`
        of them in the inbox once the rules acted): list them, count those the inbox
        shows, refresh the feeds screen."""
        counted, self._fetch_counted = self._fetch_counted, 0
        self.arrived_by_themselves(new, max(0, shown - counted) if shown is not None else new)
        if shown is not None and shown < counted and self.arrived:
            # Counted as they joined the list; wire copy a rule matched only at the end.
            self.arrived = max(0, self.arrived + shown - counted)
            self.host.update_status()
        if stored and not new:
            # Every article joined the list while the fetch ran, but the rules on arrival
            # run on them after: an article a killfile rule archived must leave the list.
            self.host.refresh_results()
            self.host.refresh_counts()
        from newsdesk.tui.screens.feeds import FeedsScreen

        for screen in self.host.app.screen_stack:
            if isinstance(screen, FeedsScreen):
                screen.reload()  # last fetched, errors and counts as they are now

    def arrived_by_themselves(self, new: int, shown: int | None = None) -> None:
        """`new` articles came from a feed or a watched folder: list them, and count
        the `shown` of them the inbox shows (all unless said)."""
        host = self.host
        if shown is None:
            shown = new
        if shown:
            self.note_arrivals(shown)
        if new:
            host.refresh_results()  # new articles join the list (cursor kept)
            host.refresh_counts()
        host.update_status()

    def note_arrivals(self, count: int) -> None:
        """Count articles that arrived by themselves, for the header (until `g`)."""
        if not self.arrived:
            self.arrived_since = self.host.clock().astimezone().strftime("%H:%M")
        self.arrived += count

    def seen(self) -> bool:
        """The reader went to the top, where the newest are: True if the header changes."""
        if not self.arrived:
            return False
        self.arrived = 0
        return True
