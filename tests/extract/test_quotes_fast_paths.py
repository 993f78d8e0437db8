"""The quote finder's shortcuts answer as the searches they stand for."""

from __future__ import annotations

import random
import re

from newsdesk.extract import quote_sentences
from newsdesk.extract.reporting_clause import INTRODUCED

_WORDS = [
    "said", "Said", "told", "added", "asked", "says", "U.S.", "Mr.", "Dr.", "A.", "Corp.",
    "E.U.", "the", "mayor", "“Go", "home,”", "\n", "\n\n", ",", ":", " ,", ": ", ".", "!", "?",
    "”", ")", "St.", "No.", "x" * 20 + ".", "https://example.com/a.b.", "İ", "ſaid", "\u00a0",
]  # fmt: skip


def _texts(seed: int = 3, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    glue = [" ", "", "  ", "\n", ". "]
    return [
        "".join(rng.choice(_WORDS) + rng.choice(glue) for _ in range(rng.randrange(1, 60)))
        for _ in range(count)
    ]


def _old_sentence_breaks(text: str) -> list[int]:
    breaks: list[int] = []
    for match in quote_sentences._SENTENCE_BREAK.finditer(text):
        if match.group() != "\n":
            word_start = text.rfind(" ", max(0, match.start() - 12), match.start()) + 1
            if quote_sentences._ABBREVIATION.search(text, word_start, match.start() + 1):
                continue
        breaks.append(match.end())
    return breaks


def test_sentence_breaks_equal_the_search_from_the_text_start() -> None:
    for text in [*_texts(), "U.S.", "Mr. Smith. Dr.Who went.", "xU.S. a", "\nDr. X.\nY"]:
        assert quote_sentences.sentence_breaks(text) == _old_sentence_breaks(text), text


def test_introduced_equals_the_search() -> None:
    rng = random.Random(5)
    fired = 0
    for text in _texts(seed=7):
        for _ in range(20):
            start = rng.randrange(-2, len(text) + 3)
            pos, endpos = max(0, start - 41), start - 1
            expected = INTRODUCED.search(text, pos, endpos) is not None
            fired += expected
            assert quote_sentences.introduced(text, pos, endpos) == expected, (text, pos, endpos)
    assert fired > 20
    assert quote_sentences.introduced("Then she said:\n", 0, 15)
    assert not quote_sentences.introduced("Then she said: no", 0, 17)
    assert quote_sentences.introduced("he said, ", 0, 9) == bool(
        re.search(r"said,\s*$", "he said, ")
    )
