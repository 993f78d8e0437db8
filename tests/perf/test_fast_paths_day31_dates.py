"""Day 31's fast paths in `extract.dates`, compared with the code they replaced.

`find_dates` keeps each line's dates and skips the written months' patterns on a line
without a year's digits; `numeric_order` scans a page once for its several blocks. Each
gives what the old code gave, and does less.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from newsdesk.extract import date_order, dates
from newsdesk.extract.date_order import DAY_FIRST, reference_day
from tests.extract.dates_reference import old_find_dates as _old_find_dates

_PIECES = [
    "2025-03-14", "14 March 2025", "March 14, 2025", "14. März 2025", "03/14/2025", "05/03/2025",
    "14/03/25", "14.03.2025", "2025/03/14 09:30", "9:30 a.m. ET", "Tuesday,", "the", "-", "/",
    ".", " ", "12", "2026", "Feb ’20", "Page 3 of 12", "x", "€5.50", "Jana Berg22. Februar 2020",
]  # fmt: skip


def _fresh() -> str:
    """Letters no earlier call has seen: a line not kept yet, with no digit of its own."""
    return "".join(random.choice("bcdfghjklmnpqrstvwxz") for _ in range(24))


class _Counted:
    """A compiled pattern that counts the scans made with it."""

    def __init__(self, pattern: re.Pattern[str], counts: Counter[str]) -> None:
        self.pattern = pattern
        self.counts = counts

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        self.counts[self.pattern.pattern] += 1
        return self.pattern.finditer(text, *args)


def test_find_dates_gives_the_old_dates_and_reads_a_line_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(31)
    texts = [
        "".join(rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 10)))
        for _ in range(1500)
    ]
    hits = 0
    # The order in force and the reference day read "05/03/2025": each asks afresh.
    for day in (dt.date(2025, 3, 6), dt.date(2025, 5, 4)):
        for order in (True, False, None):
            with reference_day(day):
                token = DAY_FIRST.set(order)
                try:
                    for text in texts:
                        expected = _old_find_dates(text)
                        hits += bool(expected)
                        assert dates.find_dates(text) == expected, (text, order, day)
                        assert dates.find_dates(text) == expected, (text, order, day)
                finally:
                    DAY_FIRST.reset(token)
    assert hits > 3000

    counts: Counter[str] = Counter()
    finders = tuple((_Counted(p, counts), build, needs) for p, build, needs in dates._FINDERS)
    monkeypatch.setattr(dates, "_FINDERS", finders)
    line = f"Posted 14 March 2025 at 10:30 ({_fresh()})"
    assert [d.iso for d in dates.find_dates(line)] == ["2025-03-14T10:30:00"]
    scans = sum(counts.values())
    assert scans > 0
    # Asked again (another reader of the page's header): kept, no pattern runs.
    assert [d.iso for d in dates.find_dates(line)] == ["2025-03-14T10:30:00"]
    assert sum(counts.values()) == scans
    # Digits but no year: the written months' patterns are not tried.
    counts.clear()
    assert dates.find_dates(f"Page 3 of 12, 5 comments ({_fresh()})") == []
    assert counts[dates._DMY.pattern] == counts[dates._MDY.pattern] == 0


def test_numeric_order_scans_a_page_once(monkeypatch: pytest.MonkeyPatch) -> None:
    counts: Counter[str] = Counter()
    numeric, zoned = dates._NUMERIC, date_order._ZONED_TIME
    monkeypatch.setattr(dates, "_NUMERIC", _Counted(numeric, counts))
    monkeypatch.setattr(date_order, "_ZONED_TIME", _Counted(zoned, counts))
    page = f"Updated 9:30 a.m. ET\n\nThe council met ({_fresh()}).\n"
    for _ in range(3):  # a text copy's extraction, its header's date, a date line elsewhere
        with dates.numeric_order("en", page):
            assert DAY_FIRST.get() is False  # North America's zone: month first
    assert counts == {numeric.pattern: 1, zoned.pattern: 1}
