"""The search job: runs the inbox's searches in a thread worker, one at a time.

A widget that shows nothing. The sequencing (latest query wins) is
`search_runner.SearchSequence`, a plain class; this widget gives it a worker
and turns its answers into messages for the screen. Only the answers of the
latest search started are posted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget
from textual.worker import get_current_worker

from newsdesk.tui.search_runner import SearchAnswer, SearchRequest, SearchSequence, answers
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    from newsdesk.desk import Desk


class SearchJob(Widget):
    """Starts searches; posts `Answered` and `Failed` for the latest one."""

    DEFAULT_CSS = """
    SearchJob {
        display: none;
    }
    """
    """Never drawn."""

    @dataclass
    class Answered(Message):
        """The latest search answered (a first screenful, or the whole answer)."""

        answer: SearchAnswer

    @dataclass
    class Failed(Message):
        """The latest query could not be parsed; `message` says why in one line."""

        request: SearchRequest
        message: str
        #: The shared desk could not be reached: the search waits for it (the query is fine).
        store_away: bool = False

    @dataclass
    class Ended(Message):
        """The search `seq` is done, however it ended: the next may start."""

        seq: int

    def __init__(self, desk: Desk, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._desk = desk
        self.sequence = SearchSequence()

    def run(self, request: SearchRequest) -> None:
        """Search now, or as soon as the running search ends (replacing any waiting one)."""
        started = self.sequence.ask(request)
        if started is not None:
            self._search(started)

    @app_worker(name="search", group="search")
    def _search(self, request: SearchRequest) -> None:
        from newsdesk.errors import SearchSuperseded, StoreUnreachableError
        from newsdesk.search.query import QuerySyntaxError

        worker = get_current_worker()
        sequence = self.sequence
        try:
            # Typing ahead: the letters typed while this search ranks make a newer
            # request wait; this one is given up then, so the newer starts at once.
            for answer in answers(self._desk, request, lambda: sequence.superseded):
                if worker.is_cancelled:
                    return
                self.post_message(self.Answered(answer))
        except QuerySyntaxError as exc:
            self.post_message(self.Failed(request, str(exc)))
        except StoreUnreachableError as exc:
            # Said as waiting: it failed unsaid (the app hides store-lost workers), and the
            # list stayed on the old search under the new query.
            self.post_message(self.Failed(request, str(exc), store_away=True))
        except SearchSuperseded:
            pass  # the waiting search starts when this one has Ended
        finally:
            self.post_message(self.Ended(request.seq))

    def on_search_job_ended(self, message: Ended) -> None:
        message.stop()
        following = self.sequence.finished(message.seq)
        if following is not None:
            self._search(following)

    def on_search_job_answered(self, message: Answered) -> None:
        if not self.sequence.is_latest(message.answer.request):
            message.stop()  # an older search finished after a newer one started

    def on_search_job_failed(self, message: Failed) -> None:
        if not self.sequence.is_latest(message.request):
            message.stop()
