"""Day 33's fast paths in the furniture tests, against the code they replaced.

`is_boilerplate` asks its four trigger lists only of a line holding one of their union's
triggers (a line without any can only be a reader's comment header, by its colon);
`any_in` runs its `in` tests through `operator.contains` and drops a trigger that holds
another; `is_copyright` lowers a line once. Each gives what the old code gave, and does less.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from newsdesk.extract import boilerplate, inline_furniture, triggers
from newsdesk.extract.boilerplate import (
    _APPEAL_TRIGGERS,
    _APPEALS,
    _LABELS,
    _OTHER_PHRASES,
    _OTHER_TRIGGERS,
    _PHRASE_TRIGGERS,
    _PHRASES,
    _READ_ALSO,
    is_copyright,
    is_navigation_line,
    is_share_row,
)
from newsdesk.extract.inline_furniture import _INLINE, INLINE_TRIGGERS
from newsdesk.extract.lines import strip_list_mark

#: The tests' first answers, not their memo's.
_is_boilerplate: Callable[[str], bool] = boilerplate.is_boilerplate.__wrapped__  # type: ignore[attr-defined]
_is_copyright: Callable[[str], bool] = is_copyright.__wrapped__  # type: ignore[attr-defined]

_ALL_TRIGGERS = sorted(
    {*_PHRASE_TRIGGERS, *_OTHER_TRIGGERS, *_APPEAL_TRIGGERS, *INLINE_TRIGGERS} - {":"}
)
_PIECES = [
    "the", "council", "said", "on", "Tuesday", "Jane", "sagt", "says", ":", ".", "©", "(c)",
    "2026", "rights", "reserved", "Copyright", "Ünïcödé", "İstanbul", "ſ", "日本", "—", "-",
    "http://x.example", "@desk", "1.", "•", "Home", "News", "Sport", "Facebook", "Twitter",
    "\u00a0", "schreibe", "einen", "Kommentar", "?",
]  # fmt: skip


def _random_lines(seed: int, count: int) -> list[str]:
    """Lines of prose words, furniture words and triggers (whole, cut, upper-cased), short
    and long (past the 600 characters where the trigger tests stop)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.choice([3, 8, 20, 60, 130])):
            if rng.random() < 0.06:
                trigger = rng.choice(_ALL_TRIGGERS)
                trigger = trigger[: rng.randrange(1, len(trigger) + 1)]
                parts.append(trigger.upper() if rng.random() < 0.3 else trigger)
            else:
                parts.append(rng.choice(_PIECES))
        out.append(rng.choice(["", "- ", "* "]) + rng.choice([" ", ""]).join(parts))
    return out


def _old_is_boilerplate(line: str) -> bool:
    """`is_boilerplate` as its plain formula: each list's triggers, then its pattern."""
    if not line:
        return False
    core = strip_list_mark(line)
    if len(core) <= 60 and _LABELS.match(core):
        return True
    if is_navigation_line(core) or is_share_row(core):
        return True
    if len(line) <= 600:
        lower = line.lower()
        if any(t in lower for t in _PHRASE_TRIGGERS) and _PHRASES.search(line):
            return True
        if any(t in lower for t in _OTHER_TRIGGERS) and _OTHER_PHRASES.search(line):
            return True
        if any(t in lower for t in _APPEAL_TRIGGERS) and _APPEALS.search(line):
            return True
        if any(t in lower for t in INLINE_TRIGGERS) and _INLINE.search(line):
            return True
    if is_copyright(line) and len(line) <= 400:
        return True
    if len(line) <= 300 and _READ_ALSO.match(core):
        return True
    stripped = core.strip()
    if stripped.startswith(("http://", "https://", "www.")) and " " not in stripped:
        return True
    return stripped.startswith("@") and " " not in stripped


def test_is_boilerplate_gives_the_plain_formulas_answer() -> None:
    lines = _random_lines(33, 3000)
    # Each list's furniture, in full, inside prose: the gate must let each through.
    lines += [f"The story goes on, {t} and more." for t in _ALL_TRIGGERS]
    lines += ["Jane Doe says:", "Ünïcödé sagt:", "Leave a reply", "Subscribe to our newsletter"]
    found = 0
    for line in lines:
        expected = _old_is_boilerplate(line)
        found += expected
        assert _is_boilerplate(line) == expected, line
    assert 100 < found < len(lines) - 100  # both answers were asked for


def test_a_line_without_any_trigger_skips_the_four_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def spy(name: str) -> Any:
        real = getattr(boilerplate, name)

        def wrapped(*args: Any) -> Any:
            asked.append(name)
            return real(*args)

        return wrapped

    for name in ("_has_phrase_trigger", "_has_appeal_trigger", "_has_other_word"):
        monkeypatch.setattr(boilerplate, name, spy(name))
    monkeypatch.setattr(boilerplate, "is_inline_furniture", spy("is_inline_furniture"))
    prose = "The council voted on Tuesday to keep the harbour open for the winter months."
    assert not boilerplate._has_any_trigger(prose.lower())
    assert _is_boilerplate(prose) is False
    assert asked == []
    # A reader's comment header: no trigger but its colon, still furniture.
    assert _is_boilerplate("Jane Doe says:") is True
    assert asked == []
    # A line with a trigger is asked as before.
    assert _is_boilerplate("Sign up for our newsletter today") is True
    assert asked


def test_any_in_answers_any_in_tests_on_long_and_short_texts() -> None:
    rng = random.Random(7)
    words = ["share", "sub", "scri", "x", "follow", " ", "é", "日本", "tip", "read"]
    for triggers_ in (["subscri", "share", " tip"], ["a"], _ALL_TRIGGERS):
        test = triggers.any_in(triggers_)
        for _ in range(400):
            text = "".join(rng.choice(words) for _ in range(rng.randrange(200)))
            assert test(text) == any(t in text for t in triggers_), text


def test_any_in_calls_operator_contains_on_a_long_text(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []

    def counted(text: str, trigger: str) -> bool:
        calls.append((text, trigger))
        return trigger in text

    monkeypatch.setattr(triggers, "contains", counted)
    test = triggers.any_in(["zebra", "yak"])
    assert test("a long line about the council, the harbour and the winter " * 3) is False
    assert len(calls) == 2


class _Counting(str):
    """A line that counts how often it, or a slice of it, is lowered."""

    lowered = 0

    def __getitem__(self, key: Any) -> _Counting:
        return _Counting(str.__getitem__(self, key))

    def lower(self) -> str:
        _Counting.lowered += 1
        return str.lower(self)


@pytest.mark.parametrize(
    "line",
    ["The council voted on Tuesday.", "© 2026 The Harbour Gazette", "All Rights Reserved (C)"],
)
def test_is_copyright_lowers_a_line_once(line: str) -> None:
    expected = _is_copyright(line)
    _Counting.lowered = 0
    assert _is_copyright(_Counting(line)) == expected
    assert _Counting.lowered == 1


def test_inline_furniture_keeps_its_triggers() -> None:
    assert inline_furniture.INLINE_TRIGGERS
    assert all(t in _ALL_TRIGGERS for t in INLINE_TRIGGERS)


def test_any_in_tests_no_trigger_that_holds_another(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def counted(text: str, trigger: str) -> bool:
        asked.append(trigger)
        return trigger in text

    monkeypatch.setattr(triggers, "contains", counted)
    test = triggers.any_in(["letter", "newsletter", "subscri", "unsubscribe", "zebra"])
    text = "a long line about the council, the harbour and the winter " * 3
    assert test(text) is False
    assert sorted(asked) == ["letter", "subscri", "zebra"]
    assert test(text + " unsubscribe") is True
