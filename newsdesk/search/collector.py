"""A Whoosh collector that filters by document number and stops on a deadline.

Whoosh has both pieces (FilterCollector, TimeLimitCollector) but they cannot
be stacked: each walks its child's matches itself, so whichever is outside
silently disables the other. This one does both in one loop. It checks the
clock rather than using SIGALRM, which only works in the main thread and would
interrupt whatever the main thread (the TUI) was doing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from whoosh.collectors import Collector, TimeLimit, WrappingCollector

from newsdesk.errors import SearchSuperseded

#: Check the clock once per this many matches (time.monotonic is not free).
CHECK_EVERY = 256


class BoundedCollector(WrappingCollector):
    """Collects `child`'s matches that are in `allow` and not in `restrict`, until `deadline`."""

    def __init__(
        self,
        child: Collector,
        *,
        allow: set[int] | None = None,
        restrict: set[int] | None = None,
        deadline: float,
        should_stop: Callable[[], bool] | None = None,
    ) -> None:
        """`deadline` is a time.monotonic() value (the engine's starts once the query is
        planned);
        `should_stop` answering True ends the search with `SearchSuperseded`."""
        super().__init__(child)
        self.should_stop = should_stop
        self.allow = allow
        self.restrict = restrict or None
        self.deadline = deadline

    def collect_matches(self) -> None:
        child = self.child
        allow = self.allow
        restrict = self.restrict
        offset = self.offset
        deadline = self.deadline
        should_stop = self.should_stop
        seen = 0
        for sub_docnum in child.matches():
            seen += 1
            if seen % CHECK_EVERY == 0:
                if time.monotonic() > deadline:
                    raise TimeLimit
                if should_stop is not None and should_stop():
                    raise SearchSuperseded("a newer search replaced this one")
            docnum = offset + sub_docnum
            if allow is not None and docnum not in allow:
                continue
            if restrict is not None and docnum in restrict:
                continue
            child.collect(sub_docnum)
