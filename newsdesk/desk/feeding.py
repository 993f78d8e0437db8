"""The Desk's feed verbs that are more than a call: which feeds are due, pausing and
resuming (`newsdesk/feeds/service.py` does the rest: subscribing, fetching, OPML).

Each function takes the store; nothing here loads a fetcher.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from newsdesk.store import StoreBackend

if TYPE_CHECKING:
    from newsdesk.feeds.subscription import Subscription


def feeds_due(store: StoreBackend) -> int:
    """How many feeds are due now (a store read: loads no fetcher)."""
    from newsdesk.feeds.schedule import is_due

    now = time.time()
    return sum(1 for sub in store.feeds() if is_due(sub, now))


def pause_feed(store: StoreBackend, name_or_url: str, paused: bool) -> Subscription:
    """Pause (never due) or resume a feed; resuming makes it due at once."""
    from newsdesk.feeds import service

    sub = service.find(store, name_or_url)
    sub.paused = paused
    if not paused:
        sub.next_due_ts = 0.0
    service.update(store, sub)
    return sub
