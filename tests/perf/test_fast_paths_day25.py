"""Day 25's extraction speed-ups (issue 19): each against the code it replaced."""

from __future__ import annotations

import random
import re

import pytest

from newsdesk.extract import dates, language, lines, outlet
from newsdesk.extract.triggers import any_in

#: Characters around initials that decide a word boundary, the tricky ones included.
_AROUND = [" ", "\n", ".", "-", "_", "a", "Z", "9", "é", "Ⓐ", "٣", "’", "", "(", "\t"]


def _boundary_reference(initials: str, haystack: str) -> bool:
    return re.search(rf"\b{re.escape(initials)}\b", haystack) is not None


@pytest.mark.parametrize("initials", ["SW", "BBC", "NYT", "ÉL", "A_B", "ⒶP", "X9", "AP"])
def test_names_initials_matches_the_word_boundary_search(initials: str) -> None:
    rng = random.Random(initials)
    for _ in range(3000):
        pieces = [rng.choice(_AROUND) for _ in range(rng.randrange(0, 4))]
        pieces.insert(rng.randrange(len(pieces) + 1), rng.choice([initials, initials[:-1]]))
        pieces.append(rng.choice(_AROUND))
        haystack = "".join(pieces)
        assert outlet._names_initials(initials, haystack) == _boundary_reference(
            initials, haystack
        ), (initials, haystack)


def test_expand_source_finds_initials_as_words() -> None:
    text = "The Synthetic Wire (SW) reports. SWAT teams and XSW are no match."
    assert outlet.expand_source("Synthetic Wire", text, []) == ("Synthetic Wire", "SW")
    assert outlet.expand_source("Synthetic Wire", "SWAT and XSW, SW_1", []) == (
        "Synthetic Wire",
        None,
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_ascii_texts_have_no_script_language(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2000):
        sample = "".join(chr(rng.randrange(128)) for _ in range(rng.randrange(0, 60)))
        assert language._NON_LATIN_LETTER.search(sample) is None
        assert language._script_language(sample) is None
    # No ASCII character is a letter past U+036F: the scan the shortcut skips finds none.
    assert language._NON_LATIN_LETTER.findall("".join(map(chr, range(128)))) == []
    assert language._script_language("Ein Satz. " + "ж" * 20) == "ru"


#: `dates._NUMERIC` as it was, its look-behind first.
_NUMERIC_BEFORE = re.compile(
    rf"(?<![\w/.])(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})(?![\w/])(?:{dates._TIME})?",
    re.IGNORECASE,
)
_DATE_PIECES = [
    *"0123456789//..-_ aZé٣\n\t:",
    *["12/", "3/4/", "2026", " 9:30 pm", " GMT", "x1", "1/2/26", "04/14/2020", "٣/٤/٢٠٢٦"],
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_numeric_dates_match_as_before(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        text = "".join(rng.choice(_DATE_PIECES) for _ in range(rng.randrange(0, 16)))
        before = [(m.span(), m.groupdict()) for m in _NUMERIC_BEFORE.finditer(text)]
        after = [(m.span(), m.groupdict()) for m in dates._NUMERIC.finditer(text)]
        assert after == before, text
    assert dates.page_order("Filed 14/04/2020, updated 1/2/2020 and x3/4/2020.") is True


_SPACE_PIECES = [*"ab \t\u00a0\u2000\u2005\u200b\u3000\n.\x1c\r", "  ", " \t", "é"]


@pytest.mark.parametrize("seed", [1, 2])
def test_fold_space_runs_matches_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5000):
        text = "".join(rng.choice(_SPACE_PIECES) for _ in range(rng.randrange(0, 20)))
        assert lines.fold_space_runs(text) == lines._SPACE_RUNS.sub(" ", text), text


@pytest.mark.parametrize("seed", [1, 2])
def test_ascii_words_are_the_latin_word_tokens(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = [*map(chr, range(128)), "the ", "AND ", "Der ", "  "]
    for _ in range(3000):
        sample = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert sample.translate(language._ASCII_WORDS).split() == (
            language._LATIN_WORD.findall(sample.lower())
        ), sample
    # Every ASCII character alone, and between two letters.
    for code in range(128):
        for sample in (chr(code), f"a{chr(code)}B"):
            expected = language._LATIN_WORD.findall(sample.lower())
            assert sample.translate(language._ASCII_WORDS).split() == expected


def _ascii_samples(seed: int, count: int) -> list[str]:
    """Short texts over every ASCII character, with words and spaces among them."""
    rng = random.Random(seed)
    alphabet = [*map(chr, range(128)), "word ", "Word. ", "a_b ", "it's ", "3.5 ", "  "]
    samples = [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(count)
    ]
    # Each character alone and between letters, digits and spaces.
    for code in range(128):
        ch = chr(code)
        samples += [ch, f"a{ch}b", f"{ch}a", f"1{ch}a", f" {ch} ", f"A{ch}{ch}z9"]
    return samples


@pytest.mark.parametrize("seed", [1, 2])
def test_ascii_counts_by_translate_match_the_patterns(seed: int) -> None:
    for text in _ascii_samples(seed, 4000):
        assert lines.count_words(text) == len(lines._WORD_TOKEN.findall(text)), text
        prose_words = len(text.translate(lines._PROSE_WORDS).split())
        assert prose_words == len(lines._WORD.findall(text)), text
        lower = (" " + text.translate(lines._LOWER_INITIALS)).count(" a")
        assert lower == len(lines._LOWER_START.findall(text)), text


def _is_prose_reference(line: str) -> bool:
    """`is_prose` on an ASCII line as it was, with the two patterns' matches counted."""
    head = line[:2000]
    if len(line) < 60:
        return False
    n_tokens = len(lines._WORD.findall(head))
    if n_tokens < 10:
        return False
    if len(lines._LOWER_START.findall(head)) < 0.3 * n_tokens and not lines._caseless(line):
        return False
    return lines.ends_sentence(line) or len(line) >= 140


def test_is_prose_on_ascii_lines_matches_the_patterns() -> None:
    rng = random.Random(3)
    words = ["the", "Council", "said", "3.5", "it's", "U.S.", "_x", "--", "a-b", "NEWS", "."]
    for _ in range(3000):
        line = " ".join(rng.choice(words) for _ in range(rng.randrange(5, 60)))
        line += rng.choice(["", ".", "!", " |"])
        assert lines.is_prose(line) == _is_prose_reference(line), line


@pytest.mark.parametrize("seed", [1, 2])
def test_any_in_matches_the_in_tests_on_short_and_long_lines(seed: int) -> None:
    rng = random.Random(seed)
    triggers = ["share", " tip", "sign up", "subscri", "read", "©", "e"[:1] * 2, "xyz"]
    test = any_in(triggers)
    pieces = [*"abc sx ©\n", "share", "sign u", "p ", "subscr", "ibe", " ti", "p", "ee", "xy"]
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        assert test(text) == any(t in text for t in triggers), text
    assert test("x" * 200 + "share") and not test("x" * 200)
