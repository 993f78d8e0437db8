"""Day 32's fast paths in the body reader and its line tests, against the code they replaced.

`is_navigation_line` settles a line whose first words open in lower case before splitting
it; `is_inline_furniture` tests its triggers with `any_in`. Each gives what the old code gave, and does less.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from newsdesk.extract import boilerplate, inline_furniture
from newsdesk.extract.boilerplate import _NAV_WORDS, is_navigation_line
from newsdesk.extract.inline_furniture import _TRIGGERS, is_inline_furniture

_PIECES = [
    "Home", "News", "Politics", "Sport", "World", "UK", "business", "the", "éclair", "Économie",
    "日本", "|", "/", "·", "•", ",", "Weather", "More", "menu", "1", "(", "Opinion:", "x",
    "follow", "support", "letter", "bet", "18+", "pic.twitter.com/x", "(@jane)", "a/b/c",
    "Already a member?", "Disclaimer:", "utile", "útil", "\u00a0", "\t",
]  # fmt: skip


def _old_is_navigation_line(line: str) -> bool:
    if len(line) > 250:
        return False
    tokens = [t for t in re.split(r"[\s|/·•,]+", line) if t]
    if not 3 <= len(tokens) <= 25:
        return False
    if not all(t[:1].isupper() or not t[:1].isalpha() for t in tokens):
        return False
    hits = sum(1 for t in tokens if t.casefold().strip(".:") in _NAV_WORDS)
    return hits >= 3 and hits >= 0.6 * len(tokens)


def _random_lines(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return [
        rng.choice(["", " ", "- "])
        + "".join(
            rng.choice(_PIECES) + rng.choice([" ", "", "  "]) for _ in range(rng.randrange(12))
        )
        for _ in range(count)
    ]


class _CountedRe:
    """`re` as `boilerplate` sees it, counting `split` calls."""

    def __init__(self) -> None:
        self.splits = 0

    def split(self, *args: Any, **kwargs: Any) -> list[str]:
        self.splits += 1
        return re.split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(re, name)


def test_navigation_line_gives_the_old_answer_and_splits_no_prose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = _random_lines(32, 4000)
    menus = sum(_old_is_navigation_line(line) for line in lines)
    assert menus > 20  # the random lines hold menus as well as prose
    assert [is_navigation_line(line) for line in lines] == [
        _old_is_navigation_line(line) for line in lines
    ]
    counted = _CountedRe()
    monkeypatch.setattr(boilerplate, "re", counted)
    assert is_navigation_line("Home News Politics Business Sport")
    assert counted.splits == 1
    for prose in ("The council met on Tuesday to vote on the plan.", "Home of the brave"):
        assert not is_navigation_line(prose)
    assert counted.splits == 1  # settled by their first words


def test_inline_furniture_tests_its_triggers_as_before() -> None:
    lines = [line.lower() for line in _random_lines(33, 3000)] + [
        "Already a member? Log in",
        "Disclaimer: this page may earn a commission",
        "jana berg can be reached at jana@example.org",
        "afp/sb/lpt",
    ]
    for line in lines:
        lower = line.lower()
        old = any(t in lower for t in _TRIGGERS) and inline_furniture._inline(line, lower)
        assert is_inline_furniture(line, lower) == old
        # The trigger test alone, short lines (a trie) and long ones (`in` tests) alike.
        assert inline_furniture._has_trigger(lower) == any(t in lower for t in _TRIGGERS)
