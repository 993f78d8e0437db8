"""When a feed is due: its interval, stretched by backoff after failures and by Retry-After.

A feed that keeps failing is asked less often by the schedule (its interval
doubled per failure in a row, up to `MAX_BACKOFF_S`); "fetch every feed now"
(`fetch --all`, the app's `R`) asks it anyway. Only a server that answered 429
or 503 with a Retry-After still ahead is not asked again before then, even by
`fetch --all` (a feed fetched by name is always asked).
"""

from __future__ import annotations

import re

from newsdesk.feeds.subscription import Subscription

DEFAULT_EVERY_S = 30 * 60
MIN_EVERY_S = 60
MAX_EVERY_S = 7 * 24 * 3600
MAX_BACKOFF_S = 24 * 3600

_UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|min|h|d)?\s*$", re.I)


def parse_every(text: str) -> int:
    """`15m`, `2h`, `1d`, `90s` (a bare number is minutes) -> seconds; ValueError otherwise."""
    match = _DURATION.match(text or "")
    if not match:
        raise ValueError(f"cannot read the interval {text!r}: use e.g. 15m, 2h or 1d")
    seconds = int(float(match.group(1)) * _UNITS[(match.group(2) or "m").lower()])
    if not MIN_EVERY_S <= seconds <= MAX_EVERY_S:
        raise ValueError(f"the interval {text!r} must be between 1m and 7d")
    return seconds


def show_every(seconds: int) -> str:
    for unit, scale in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds % scale == 0:
            return f"{seconds // scale}{unit}"
    return f"{seconds}s"


def is_due(sub: Subscription, now: float) -> bool:
    return not sub.paused and sub.next_due_ts <= now


def is_held(sub: Subscription, now: float) -> bool:
    """The server asked to wait (429/503 with Retry-After) and the time has not come; a
    plain 503 or a backoff after failures holds nothing back from `fetch --all`."""
    return sub.retry_until_ts > now


def after_success(sub: Subscription, now: float) -> None:
    sub.failures = 0
    sub.next_due_ts = now + sub.every_s
    sub.retry_until_ts = 0.0


def after_failure(sub: Subscription, now: float, retry_after: float | None) -> None:
    """Back off; `retry_after`: the seconds a server asked to wait (None: it did not)."""
    sub.failures += 1
    backoff = min(sub.every_s * 2 ** min(sub.failures - 1, 10), MAX_BACKOFF_S)
    asked = min(retry_after, MAX_BACKOFF_S) if retry_after and retry_after > 0 else 0.0
    sub.next_due_ts = now + max(backoff, asked)
    sub.retry_until_ts = now + asked if asked else 0.0
