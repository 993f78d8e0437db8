"""`GatedSearch` answers as its whole pattern's `search` does, on generated and sample lines."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from re import _parser as sre_parser  # type: ignore[attr-defined]

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract import boilerplate as bp
from newsdesk.extract import inline_furniture as inf
from newsdesk.extract.gated import _UNSAFE, GatedSearch, keys_of, split_alternatives
from tests.extract.recasing import recase

GATED = {
    "phrases": (bp._phrases, bp._PHRASES),
    "other": (bp._other_phrases, bp._OTHER_PHRASES),
    "appeals": (bp._appeals, bp._APPEALS),
    "inline": (inf._inline, inf._INLINE),
}
#: Noise around a key: words, accents, characters IGNORECASE folds oddly (long s, Kelvin
#: sign, dotted and dotless i, sharp s), punctuation, colons, line ends.
_NOISE = [
    "the", "Mayor", "said", "on", "Tuesday", "é", "ü", "ç", "ſ", "\u212a", "İ", "ı", "ß", "ẞ",
    "日本", "—", ":", ": ", ".", "!", "“", "”", "'", "’", "-", "\n", " ", "  ", "2025", "@", "/",
]  # fmt: skip
_SAMPLES = Path(__file__).resolve().parents[2] / "sample_data"


def _keys(gated: GatedSearch) -> list[str]:
    return gated.keys()


def _lines(pieces: list[str], seed: int, count: int = 4000) -> list[str]:
    rng = random.Random(seed)
    lines = []
    for i in range(count):
        parts = [rng.choice(_NOISE) for _ in range(rng.randrange(7))]
        core = recase(pieces[i % len(pieces)], rng, dotless=True)
        parts.insert(rng.randrange(len(parts) + 1), core)
        if rng.random() < 0.5:  # a second key, for lines that need two words
            parts.insert(rng.randrange(len(parts) + 1), rng.choice(pieces))
        lines.append(rng.choice(["", " ", " "]).join(parts) + rng.choice(["", ":", "\n", "."]))
    return lines


def _sample_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(_SAMPLES.rglob("*")):
        if path.is_file() and path.stat().st_size < 2_000_000:
            lines += path.read_text("utf-8", errors="replace").splitlines()
    return [line for line in lines if line.strip()]


@pytest.mark.parametrize("name", sorted(GATED))
def test_gated_equals_the_whole_pattern(name: str) -> None:
    gated, whole = GATED[name]
    # The keys, and the phrases the tests of the furniture use, so alternatives fire.
    phrases = [
        "Share this story", "We use cookies", "Sign up for our newsletter", "read the full story here",
        "Jane says:", "Hans sagt:\n", "Schreibe einen Kommentar", "kommentar schreiben",
        "Was this article helpful", "to read the full story, please subscribe", "already a subscriber",
        "Disclaimer:", "afp/sb/lpt", "Follow us on Twitter", "Suivez-nous sur Facebook",
        "may earn a commission", "bet £10 and get", "— Jane (@jane) March 3, 2024",
        "pic.twitter.com/abc", "become a member", "become a Guardian supporter",
    ]  # fmt: skip
    fired = 0
    for line in _lines(_keys(gated) + phrases, seed=len(name)) + _sample_lines():
        expected = whole.search(line) is not None
        fired += expected
        assert gated(line, line.lower()) == expected, line
    assert fired > 100  # the lines did reach the alternatives, not just their keys


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("sharekomt iıİſSK:-’é\n")), max_size=40))
def test_gated_equals_the_whole_pattern_on_odd_text(text: str) -> None:
    for gated, whole in GATED.values():
        assert gated(text, text.lower()) == (whole.search(text) is not None)


@pytest.mark.parametrize("name", sorted(GATED))
def test_split_gives_the_top_level_alternatives(name: str) -> None:
    whole = GATED[name][1]
    pieces = split_alternatives(whole.pattern, verbose=True)
    assert "|".join(pieces) == whole.pattern
    parsed = sre_parser.parse(whole.pattern, whole.flags)
    arms = len(parsed[0][1][1]) if len(parsed.data) == 1 and parsed[0][0].name == "BRANCH" else 1
    assert len(pieces) == arms


def test_split_skips_classes_groups_escapes_and_comments() -> None:
    pattern = "a[|]b|c(?:d|e)\\|f|[]|]g|h # a comment | with a bar\n|i"
    assert split_alternatives(pattern, verbose=True) == [
        "a[|]b", "c(?:d|e)\\|f", "[]|]g", "h # a comment | with a bar\n", "i",
    ]  # fmt: skip
    assert split_alternatives("a#|b", verbose=False) == ["a#", "b"]


def test_keys() -> None:
    assert keys_of(r"\bshare\ this\ (?:with|story)\b", re.I | re.X) == ["share this "]
    assert keys_of(r"\bdon'?t\ show", re.I | re.X) == ["t show"]
    assert keys_of(r"^\W*(?:have|got)\ a\ tip", re.I | re.X) == [" a tip"]
    assert keys_of(r"^\W*(?:have|got)\ a\b", re.I | re.X) == ["got", "have"]
    assert keys_of(r"^.{2,9}\s(?:says|dit)\s?:$", re.I | re.X) == ["dit", "says"]
    assert keys_of(r"^(?:[a-z]{2}/)+$", re.I) == []
    assert keys_of(r"\bSUC+ESS", re.I) == ["ess"]


def test_overlapping_and_nested_keys() -> None:
    # "sign in" sits inside "design input"; "sign" is a prefix of "signal boost".
    gated = GatedSearch(r"\bsign\ in\b|\bsignal\ boost\b|\bput\b", re.I | re.X)
    for line in ["design input", "a design in put", "sign in", "Signal Boost", "a put", "ſign in"]:
        assert gated(line, line.lower()) == (gated.whole.search(line) is not None), line
    with pytest.raises(ValueError):
        GatedSearch("abc|def", 0)


def test_lowering_stands_for_ignorecase_but_on_the_unsafe_characters() -> None:
    # Every character IGNORECASE matches to a key's letter lowers to that letter, or the
    # line is searched whole (`_UNSAFE`).
    letters = {c for gated, _ in GATED.values() for key in _keys(gated) for c in key}
    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for letter in letters:
        for char in re.findall(re.escape(letter), every, re.IGNORECASE):
            assert char.lower() == letter or _UNSAFE.match(char), (letter, char)


def test_furniture_tests_equal_their_whole_patterns() -> None:
    phrases = [*_keys(bp._phrases), *_keys(bp._appeals), *_keys(inf._inline), "Share this story"]
    for line in [*_lines(phrases, seed=1, count=3000), *_sample_lines()]:
        lower = line.lower()
        assert (bp._has_phrase_trigger(lower) and bp._phrases(line, lower)) == bool(
            bp._has_phrase_trigger(lower) and bp._PHRASES.search(line)
        ), line
        assert (bp._has_appeal_trigger(lower) and bp._appeals(line, lower)) == bool(
            bp._has_appeal_trigger(lower) and bp._APPEALS.search(line)
        ), line
        expected = (
            any(t in lower for t in inf.INLINE_TRIGGERS) and inf._INLINE.search(line) is not None
        )
        assert inf.is_inline_furniture(line, lower) == expected, line
