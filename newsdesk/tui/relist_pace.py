"""When articles a running import or fetch has stored join the list.

Re-running the search for every file or feed would keep the list busy, so new
articles join at most every RELIST_EVERY seconds; those the limit holds back
join when it has passed (a timer), not with the next progress, which a slow
file or server may keep away for a minute. The import job and the fetch job
share this one pace.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

#: Seconds between two relists while articles arrive.
RELIST_EVERY = 2.0


class _Timer(Protocol):
    def stop(self) -> None: ...


class RelistPace:
    """How many of the articles stored so far have joined the list, and when they last did."""

    def __init__(self, set_timer: Callable[[float, Callable[[], Any]], _Timer]) -> None:
        self._set_timer = set_timer
        self.listed = 0
        self._listed_at = 0.0
        self._timer: _Timer | None = None

    def restart(self, *, at_once: bool) -> None:
        """A new job: nothing listed yet; its first articles join at once, or only after
        RELIST_EVERY (an import's first files come fast, one after another)."""
        self._stop_timer()
        self.listed = 0
        self._listed_at = 0.0 if at_once else time.monotonic()

    def offer(self, stored: int, later: Callable[[], None]) -> int | None:
        """`stored` articles are in the store: how many join the list now, or None when
        none do (then `later` is called once the limit has passed)."""
        if stored <= self.listed:
            return None
        wait = self._listed_at + RELIST_EVERY - time.monotonic()
        if wait <= 0:
            return self.join(stored)
        if self._timer is None:
            self._timer = self._set_timer(wait, lambda: self._fire(later))
        return None

    def join(self, stored: int) -> int:
        """Every article stored so far joins the list now: how many had not yet."""
        joining = stored - self.listed
        self.listed, self._listed_at = max(stored, self.listed), time.monotonic()
        self._stop_timer()
        return max(0, joining)

    def _fire(self, later: Callable[[], None]) -> None:
        self._timer = None
        later()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
