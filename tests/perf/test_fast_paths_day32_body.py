"""Day 32's fast paths in the body reader and its line tests, against the code they replaced.

`is_navigation_line` settles a line whose first words open in lower case before splitting
it; `is_inline_furniture` tests its triggers with `any_in`; `split_lines` asks `_continues`
only of a line opening in lower case; `caption_by_next_line` in the body passes over a
line too long for a caption before looking under it; `_is_author_echo` folds no line
longer than the name. Each gives what the old code gave, and does less.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from newsdesk.extract import body, boilerplate, header, inline_furniture
from newsdesk.extract import lines as lines_module
from newsdesk.extract.boilerplate import _NAV_WORDS, is_navigation_line
from newsdesk.extract.found import Found
from newsdesk.extract.inline_furniture import INLINE_TRIGGERS, is_inline_furniture

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
        old = any(t in lower for t in INLINE_TRIGGERS) and inline_furniture._inline(line, lower)
        assert is_inline_furniture(line, lower) == old
        # The trigger test alone, short lines (a trie) and long ones (`in` tests) alike.
        assert inline_furniture._has_trigger(lower) == any(t in lower for t in INLINE_TRIGGERS)


def test_split_lines_asks_continues_of_lower_case_openings_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    continues = lines_module._continues

    def counted(previous: str, line: str) -> bool:
        asked.append(line)
        return continues(previous, line)

    monkeypatch.setattr(lines_module, "_continues", counted)
    text = (
        "A paragraph of the story that goes on and breaks off in the middle of its\n"
        "sentence, which the next line carries on to its end.\n"
        "Another paragraph, on a line of its own.\n"
        "And a third one that is not joined to the one before it.\n"
    )
    assert lines_module.split_lines(text) == [
        "A paragraph of the story that goes on and breaks off in the middle of its sentence,"
        " which the next line carries on to its end.",
        "Another paragraph, on a line of its own.",
        "And a third one that is not joined to the one before it.",
        "",
    ]
    assert asked == ["sentence, which the next line carries on to its end."]


def test_caption_by_next_line_passes_over_a_long_line_in_the_body(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[int] = []
    under = header._lines_under

    def counted(lines: list[str], i: int) -> tuple[str, str]:
        looked.append(i)
        return under(lines, i)

    monkeypatch.setattr(header, "_lines_under", counted)
    long = "word " * (header.CAPTION_CHARS // 5 + 1)
    page = [long, "Photo: Jana Berg/Agency", "", "A caption. " * 3, "Photo: Jana Berg/Agency"]
    assert not header.caption_by_next_line(page, 0, repeated=False)
    assert looked == []
    assert header.caption_by_next_line(page, 3, repeated=False)
    assert not header.caption_by_next_line(page, 0, repeated=True)
    assert looked == [3, 0]


class _Folded(str):
    """A line that counts its `casefold` calls."""

    folds = 0

    def casefold(self) -> str:
        _Folded.folds += 1
        return super().casefold()


def test_author_echo_folds_no_line_longer_than_the_name() -> None:
    found = Found()
    found.authors = ["Jana Berg", "STRASSE Team"]
    assert body._is_author_echo("jana berg", found)
    assert body._is_author_echo("Straße team", found)  # "ß" folds to "ss": longer folded
    assert body._is_author_echo("Jana Berg is a reporter for the Courier.", found)
    assert not body._is_author_echo("Jana Bergen", found)
    _Folded.folds = 0
    paragraph = _Folded("The council met on Tuesday to vote on the plan, its chair said.")
    assert not body._is_author_echo(paragraph, found)
    assert _Folded.folds == 0
    assert body._is_author_echo(_Folded("JANA BERG"), found)
    assert _Folded.folds == 1


class _CountedSub:
    """A compiled pattern that counts its `sub` calls."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.subs = 0

    def sub(self, *args: Any) -> str:
        self.subs += 1
        return self.pattern.sub(*args)


def test_fold_space_runs_folds_plain_spaces_without_the_whole_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runs = lines_module._SPACE_RUNS
    rng = random.Random(34)
    for _ in range(20000):
        text = "".join(rng.choice(" ab\n\t\u00a0\u2003\u3000é") for _ in range(rng.randrange(12)))
        assert lines_module.fold_space_runs(text) == runs.sub(" ", text)
    counted = _CountedSub(runs)
    monkeypatch.setattr(lines_module, "_SPACE_RUNS", counted)
    indented = "   Überschrift\n\n      Der erste  Absatz.   \n"
    assert lines_module.fold_space_runs(indented) == " Überschrift\n\n Der erste Absatz. \n"
    assert counted.subs == 0
    assert lines_module.fold_space_runs("a\u00a0 b") == "a b"
    assert counted.subs == 1
