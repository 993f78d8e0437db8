"""The trigger tests' fast paths equal the plain formulas they replace, on generated lines."""

from __future__ import annotations

import random

import pytest

from newsdesk.extract import boilerplate as bp
from newsdesk.extract.triggers import any_in
from tests.extract.recasing import recase

#: Noise around a trigger: ASCII words, accents, characters IGNORECASE folds oddly
#: (long s, Kelvin sign, dotted and dotless i, sharp s), punctuation and colons.
_NOISE = [
    "the", "Mayor", "said", "on", "Tuesday", "é", "ü", "ç", "ſ", "\u212a", "İ", "ı", "ß",
    "ẞ", "日本", "—", ":", ": ", ".", "!", "“", "”", "'", "’", "-", "\n", " ", "  ", "2025",
]  # fmt: skip
#: Whole phrases the patterns look for, so that the regexes fire too, not just triggers.
_PHRASES = [
    "Schreibe einen Kommentar", "schreiben Sie einen", "Jane says:", "Jean dit :", "Ana diz:",
    "Hans sagt:\n", "It rained. Bob says:", "suscríbete", "ſuscríbete", "Abonnez-vous",
    "view this email in your browser", "Wir verwenden Cookies", "tout accepter",
    "Forward to a friend", "Teile diesen Beitrag", "Was this article helpful",
    "Share this story", "We use cookies", "Sign up for our newsletter", "read the full story here",
]  # fmt: skip
_ALL_TRIGGERS = bp._PHRASE_TRIGGERS + bp._OTHER_TRIGGERS + bp._APPEAL_TRIGGERS


def _lines(seed: int = 11, count: int = 6000) -> list[str]:
    rng = random.Random(seed)
    pieces = list(_ALL_TRIGGERS) + _PHRASES
    lines = []
    for i in range(count):
        parts = [rng.choice(_NOISE) for _ in range(rng.randrange(6))]
        core = pieces[i % len(pieces)]
        if rng.random() < 0.2:
            core = core[:-1]  # a near miss
        parts.insert(rng.randrange(len(parts) + 1), recase(core, rng))
        glue = rng.choice(["", " ", ""])
        line = glue.join(parts)
        if rng.random() < 0.3:
            line += rng.choice([":", ":\n", " :", "\n"])
        lines.append(line)
    return lines


@pytest.mark.parametrize("triggers", [bp._PHRASE_TRIGGERS, bp._OTHER_TRIGGERS, bp._APPEAL_TRIGGERS])
def test_any_in_equals_the_in_tests(triggers: tuple[str, ...]) -> None:
    test = any_in(triggers)
    for line in _lines():
        lower = line.lower()
        assert test(lower) == any(t in lower for t in triggers), line


def test_any_in_overlapping_and_empty_triggers() -> None:
    triggers = ["ab", "abc", "b", "bcd", "xyz"]
    test = any_in(triggers)
    for text in ["", "a", "ab", "zab", "xy", "cd", "bcd", "xyz!", "yz"]:
        assert test(text) == any(t in text for t in triggers)
    assert not any_in([])("abc")
    assert any_in(["", "q"])("abc")


def test_other_phrase_equals_the_plain_formula() -> None:
    fired = 0
    for line in _lines():
        lower = line.lower()
        plain = any(t in lower for t in bp._OTHER_TRIGGERS) and bool(bp._OTHER_PHRASES.search(line))
        assert bp._other_phrase(line, lower) == plain, line
        fired += plain
    assert fired > 50  # the generated lines reach the pattern, not just the triggers


def test_is_boilerplate_equals_the_plain_formula() -> None:
    for line in _lines(seed=12, count=3000):
        lower = line.lower()
        plain = len(line) <= 600 and (
            (any(t in lower for t in bp._PHRASE_TRIGGERS) and bool(bp._PHRASES.search(line)))
            or (
                any(t in lower for t in bp._OTHER_TRIGGERS) and bool(bp._OTHER_PHRASES.search(line))
            )
            or (any(t in lower for t in bp._APPEAL_TRIGGERS) and bool(bp._APPEALS.search(line)))
        )
        if plain:
            assert bp.is_boilerplate(line), line
