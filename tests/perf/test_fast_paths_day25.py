"""Day 25's extraction speed-ups (issue 19): each against the code it replaced."""

from __future__ import annotations

import random
import re

import pytest

from newsdesk.extract import language, outlet

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
