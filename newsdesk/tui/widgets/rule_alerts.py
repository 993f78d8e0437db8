"""Shows what `notify` rules flagged on arrival: a notification per headline, and the bell.

A widget that draws nothing. Articles arrive through several doors (an
import, a feed fetch, a watched folder), each in its own worker; the Desk
keeps the headlines its rules flagged, and this widget takes them a few times
a second and shows them, whichever door they came through. A notification is
a toast: it never takes the focus from the list or the search box. The
terminal bell rings once per batch when `[rules] bell = true` (off by default).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.widget import Widget

from newsdesk.sanitize import clean_line

if TYPE_CHECKING:
    from newsdesk.rules.model import Notified

#: Seconds between two looks for flagged headlines.
POLL = 0.25
#: Beyond this many headlines at once, the rest are counted in one more notification.
MAX_SHOWN = 5
#: Seconds a notification stays.
TIMEOUT = 8.0


def alert_lines(notified: Sequence[Notified]) -> list[str]:
    """One line per headline ("flash: FLASH: Volcano erupts"), at most MAX_SHOWN and a tally."""
    lines = [f"{clean_line(n.rule)}: {clean_line(n.title) or '(no headline)'}" for n in notified]
    if len(lines) > MAX_SHOWN:
        rest = len(lines) - (MAX_SHOWN - 1)
        lines = [*lines[: MAX_SHOWN - 1], f"and {rest:,} more flagged by rules"]
    return lines


class RuleAlerts(Widget):
    """Takes the flagged headlines from the Desk and notifies (and rings) for them."""

    DEFAULT_CSS = """
    RuleAlerts {
        display: none;
    }
    """
    """Never drawn."""

    def __init__(self, take: Callable[[], list[Notified]], *, bell: bool = False) -> None:
        super().__init__()
        self._take = take
        self._bell = bell
        #: Every headline shown so far (tests read it).
        self.shown: list[Notified] = []

    def on_mount(self) -> None:
        self.set_interval(POLL, self.check)

    def check(self) -> None:
        notified = self._take()
        if not notified:
            return
        self.shown.extend(notified)
        for line in alert_lines(notified):
            self.app.notify(line, title="Rule", severity="warning", timeout=TIMEOUT, markup=False)
        if self._bell:
            self.app.bell()
