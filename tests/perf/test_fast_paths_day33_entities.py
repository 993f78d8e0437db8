"""Day 33's entity-reader speed-ups (issue 19): each against the code it replaced."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.entities import tokens
from newsdesk.extract.entities.tokens import TOKEN, tokenise

_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _finditer_words(text: str) -> list[tuple[int, int, str]]:
    """The words as `tokenise` read them before: one `TOKEN` match each."""
    return [(m.start(), m.end(), m[0]) for m in TOKEN.finditer(text)]


def _split_words(text: str) -> list[tuple[int, int, str]]:
    gaps, words = tokens._words(text)
    found = []
    at = 0
    for gap, word in zip(gaps, words, strict=False):
        start = at + gap
        at = start + len(word)
        found.append((start, at, word))
    return found


#: Every ASCII character, the marks a word may hold, and whole words around them.
_ASCII_PIECES = [chr(c) for c in range(128)] + [
    "U.S.",
    "A.B",
    "Dr.",
    "said.",
    "x.",
    "AT&T",
    "O'Brien",
    "Ruiz-Vance",
    "a_b",
    "_a",
    "9.5",
    "..",
    "  ",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ASCII_PIECES), max_size=40).map("".join))
def test_ascii_words_as_the_pattern_finds_them(text: str) -> None:
    assert _split_words(text) == _finditer_words(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_ASCII_PIECES, "’", "é", "Ünal’s", "ß", "\u00a0"]), max_size=40))
def test_non_ascii_words_as_the_pattern_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _split_words(text) == _finditer_words(text)


def test_words_on_every_ascii_character_between_words() -> None:
    for c in range(128):
        ch = chr(c)
        text = f"a{ch}b {ch} A.{ch}.B x{ch}{ch}y U.S{ch} said{ch}"
        assert _split_words(text) == _finditer_words(text), repr(ch)
    assert _split_words("") == []


def test_words_on_random_texts() -> None:
    rng = random.Random(33)
    alphabet = [*_ASCII_PIECES, "’", "“", "é", "Ünal", "\u2009"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(60)))
        assert _split_words(text) == _finditer_words(text), repr(text)


def test_plain_ascii_text_needs_no_match_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs of letters and digits are words as they stand: the token pattern reads only
    the runs that hold `_&'.-` elsewhere than at a closing full stop."""
    read: list[str] = []

    class Counting:
        def __init__(self, pattern: object) -> None:
            self.pattern = pattern

        def finditer(self, text: str, *bounds: int) -> object:
            read.append(text[slice(*bounds)] if bounds else text)
            return self.pattern.finditer(text, *bounds)  # type: ignore[attr-defined]

    monkeypatch.setattr(tokens, "_TOKEN_ASCII", Counting(tokens._TOKEN_ASCII))
    monkeypatch.setattr(tokens, "TOKEN", Counting(tokens.TOKEN))
    text = "Ana Berg met 3 editors in Oslo, then left.\nAT&T said so."
    words = [t.text for t in tokenise(text)]
    assert words == [
        "Ana",
        "Berg",
        "met",
        "3",
        "editors",
        "in",
        "Oslo",
        "then",
        "left",
        "AT&T",
        "said",
        "so",
    ]
    assert read == ["AT&T"]


def test_shared_copies_as_before() -> None:
    roots = [_SHARED / "realworld" / "text", _SHARED / "realworld-peer" / "aeb" / "text"]
    files = [p for root in roots if root.is_dir() for p in sorted(root.iterdir())]
    if not files:
        pytest.skip("no shared copies")
    for path in files[::3]:
        text = path.read_text("utf-8", errors="replace")
        assert _split_words(text) == _finditer_words(text), path.name
        ascii_text = text.encode("ascii", "replace").decode()
        assert _split_words(ascii_text) == _finditer_words(ascii_text), path.name


_NAME_TEXTS = [
    "Mark Berg said. MARK my words: mark the date, Mark.",
    "May Chen met the May Day crowd in May; Dr. Ana Seong-deok and J. Roe left.",
    "Sunday Times editor Jan Sunday spoke. The Foreign Minister met Jan 5 Berg-NATO staff.",
    "Washington's Washington Post: WASHINGTON (AP) - O'Brien and al-Assad met Ruiz-Vance.",
]


def test_namelike_memo_answers_as_the_test_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same word at a sentence start and inside one, in another case, in two texts of
    one process, and after the memo is emptied at its bound: the memo's answer is the
    test's own."""
    from newsdesk.extract.entities import spans

    monkeypatch.setattr(spans, "_NAMELIKE", {})
    monkeypatch.setattr(spans, "_NAMELIKE_MAX", 5)  # emptied again and again on the way
    for _ in range(2):
        for text in [*_NAME_TEXTS, " ".join(reversed(_NAME_TEXTS))]:
            for token in tokenise(text):
                assert spans.is_namelike(token) == spans._namelike(token), token.text
    assert len(spans._NAMELIKE) <= 6
    words = {t.text: spans.is_namelike(t) for t in tokenise(" ".join(_NAME_TEXTS))}
    assert words["Mark"] and not words["MARK"] and not words["mark"]
    assert words["Chen"] and not words["Foreign"] and words["J."]


def test_namelike_asked_once_a_word(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsdesk.extract.entities import spans

    asked: list[str] = []
    real = spans._namelike

    def counting(token: tokens.Token) -> bool:
        asked.append(token.text)
        return real(token)

    monkeypatch.setattr(spans, "_NAMELIKE", {})
    monkeypatch.setattr(spans, "_namelike", counting)
    text = "Ana Berg met Ana Berg. Berg said Ana Berg left."
    for _ in range(3):
        for token in tokenise(text):
            spans.is_namelike(token)
    assert sorted(asked) == sorted({t.text for t in tokenise(text)})
