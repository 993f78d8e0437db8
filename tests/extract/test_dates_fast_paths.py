"""`find_dates` skips a pattern whose separator the text lacks: the same dates."""

from __future__ import annotations

import random

from newsdesk.extract import dates
from newsdesk.extract.date_order import DAY_FIRST
from tests.extract.dates_reference import old_find_dates as _old_find_dates

_PIECES = [
    "2025-03-14", "2025-03-14T09:30:00Z", "14 March 2025", "March 14, 2025", "14. März 2025",
    "03/14/2025", "14/03/25", "14.03.2025", "14.03.25", "18. 05. 2014 22:38", "2025/03/14 09:30",
    "9:30 a.m. ET", "at 10.05 CET", "Tuesday,", "the", "—", "-", "/", ".", " ", "\n", "12", "2026",
    "Feb ’20", "28. Juni 201914. Januar 2020", "1.2.22", "x", "€5.50",
]  # fmt: skip


def test_find_dates_equals_every_pattern_tried() -> None:
    rng = random.Random(9)
    texts = [
        "".join(rng.choice(_PIECES) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 12)))
        for _ in range(3000)
    ]
    hits = 0
    for order in (True, False, None):
        token = DAY_FIRST.set(order)
        try:
            for text in texts:
                expected = _old_find_dates(text)
                hits += bool(expected)
                assert dates.find_dates(text) == expected, text
        finally:
            DAY_FIRST.reset(token)
    assert hits > 1000
