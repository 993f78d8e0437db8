"""A search ranking many matches is given up when a newer one waits."""

from __future__ import annotations

import time
from typing import Any

import pytest

from newsdesk.errors import DeskError, SearchSuperseded
from newsdesk.search.collector import CHECK_EVERY, BoundedCollector


class _Matches:
    """A stand-in for a Whoosh collector: every document matches."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.collected: list[int] = []

    def matches(self) -> Any:
        return iter(range(self.count))

    def collect(self, docnum: int) -> None:
        self.collected.append(docnum)


def _collector(child: _Matches, should_stop: Any) -> BoundedCollector:
    collector = BoundedCollector(
        child,
        deadline=time.monotonic() + 60,
        should_stop=should_stop,
    )
    collector.offset = 0  # one segment (Whoosh sets it per segment)
    return collector


def test_ranking_stops_once_asked_to() -> None:
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) >= 2

    child = _Matches(CHECK_EVERY * 10)
    with pytest.raises(SearchSuperseded) as raised:
        _collector(child, stop).collect_matches()
    assert isinstance(raised.value, DeskError)
    assert len(child.collected) == 2 * CHECK_EVERY - 1


def test_without_a_newer_search_every_match_is_collected() -> None:
    child = _Matches(CHECK_EVERY * 3 + 5)
    _collector(child, lambda: False).collect_matches()
    assert child.collected == list(range(CHECK_EVERY * 3 + 5))
    child = _Matches(CHECK_EVERY * 2)
    _collector(child, None).collect_matches()
    assert len(child.collected) == CHECK_EVERY * 2
