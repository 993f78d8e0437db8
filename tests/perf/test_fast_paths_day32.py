"""Day 32: story matching's bound skips summing the names of pairs sharing none (the
same answers). Figures in docs/performance.md ("Day 32: feeds and JSON Lines")."""

from __future__ import annotations

import random
from collections.abc import ValuesView

from newsdesk.stories import overlap


def _old_weighted_overlap(a: dict[int, int], b: dict[int, int]) -> float:
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    shared_a = sum(a[k] for k in shared)
    shared_b = sum(b[k] for k in shared)
    return min(shared_a / sum(a.values()), shared_b / sum(b.values()))


class _Counted(dict[int, int]):
    """A name-weight dict that counts how often its values are summed."""

    summed = 0

    def values(self) -> ValuesView[int]:  # type: ignore[override]
        _Counted.summed += 1
        return super().values()


def test_weighted_overlap_gives_the_old_answers_and_sums_nothing_when_no_name_is_shared() -> None:
    rng = random.Random(32)
    for _ in range(3_000):
        a = {rng.randrange(40): rng.randrange(1, 9) for _ in range(rng.randrange(0, 12))}
        b = {rng.randrange(40): rng.randrange(1, 9) for _ in range(rng.randrange(0, 12))}
        assert overlap.weighted_overlap(a, b) == _old_weighted_overlap(a, b)
    _Counted.summed = 0
    assert overlap.weighted_overlap(_Counted({1: 2, 2: 1}), _Counted({3: 1})) == 0.0
    assert _Counted.summed == 0
