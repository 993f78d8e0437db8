"""Day 32's entity-reader speed-ups (issue 19): each against the code it replaced."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.entities import context

_SHARED = Path(__file__).resolve().parents[2].parent / "shared"

#: The acronym-of-a-kind pattern as it was written before its nouns became a list.
_OLD_KIND_TERM = re.compile(
    r"\b(?:substances|chemicals|compounds|molecules|pollutants|particles|gases|drugs"
    r"|medicines|pesticides|materials|proteins|genes|cells|viruses|bacteria|devices"
    r"|loans|bonds|securities|assets|tokens|vehicles|weapons|missiles)\W{1,3}"
    r"(?:known as|called|dubbed|termed)\s+(?:the\s+)?([A-Z][A-Z0-9]{1,5})s?\b"
)

#: Pieces of text, the tricky ones around word boundaries included.
_PIECES = [
    "der",
    "die",
    "eine",
    "ein",
    "einer",
    "zu",
    "the",
    "The",
    "of",
    "on",
    "is",
    "_the",
    "the_",
    "dér",
    "1the",
    "chemicals",
    "gases",
    "assets",
    "securities",
    "substances",
    "known as",
    "known  as",
    "called",
    "dubbed",
    "termed",
    "the",
    "PFAS",
    "PFASs",
    "PCB",
    "PCBS",
    "A1",
    "ABCDEFG",
    "X",
    " ",
    "  ",
    "\n",
    ",",
    ", ",
    " (",
    ".",
    "-",
    "é",
    "ß",
    "Ω",
]


def _old_kind_terms(text: str) -> frozenset[str]:
    return frozenset(m[1] for m in _OLD_KIND_TERM.finditer(text))


_GAPS = [" ", ", ", " (", " -- ", ": ", "  ", ",\n", "", " ,  "]


def _phrase(rng: random.Random) -> str:
    """A noun, a gap, a verb and a capital run: often a kind term, sometimes just not one."""
    return (
        rng.choice([*context._KIND_NOUNS, "gas", "Chemicals", "xchemicals"])
        + rng.choice(_GAPS)
        + rng.choice([*context._KIND_VERBS, "known  as", "Called"])
        + rng.choice([" ", "  ", "\n", "", " the ", " the  "])
        + rng.choice(["PFAS", "PFASs", "PCB", "A1", "ABCDEFG", "X", "pfas", "GHG_"])
    )


def _random_texts(count: int, seed: int, pieces: list[str] = _PIECES) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = rng.choices(pieces, k=rng.randint(0, 400))
        for _ in range(rng.randint(0, 4)):
            parts.insert(rng.randint(0, len(parts)), _phrase(rng))
        texts.append("".join(parts))
    return texts


def _shared_texts() -> list[str]:
    roots = [_SHARED / "realworld" / "text", _SHARED / "realworld-peer" / "aeb" / "text"]
    texts = [
        path.read_text("utf-8", errors="replace")
        for root in roots
        if root.is_dir()
        for path in sorted(root.iterdir())[::3]
    ]
    if not texts:
        pytest.skip("no shared copies")
    return texts


def test_kind_term_pattern_is_the_one_written_out() -> None:
    assert context._KIND_TERM.pattern == _OLD_KIND_TERM.pattern
    assert max(map(len, context._KIND_NOUNS)) + 3 == context._KIND_REACH


def test_kind_terms_as_the_whole_text_scan_on_random_texts() -> None:
    texts = _random_texts(3000, 32)
    found = 0
    for text in texts:
        expected = _old_kind_terms(text)
        assert context.kind_terms(text) == expected, text
        found += bool(expected)
    assert found > 20  # the phrases do make terms


def test_kind_terms_on_written_cases() -> None:
    cases = {
        "persistent substances known as PFAS are": {"PFAS"},
        "chemicals, called PCBs,": {"PCB"},
        "gases-- dubbed the GHG": {"GHG"},
        "gases -- dubbed GHG": set(),  # four gap characters
        "gasesX called ABC": set(),
        "securities termed ABS and loans called CLOs": {"ABS", "CLO"},
        "drugs called\n\nGLP1": {"GLP1"},
        "called ABC drugs called": set(),
        "": set(),
    }
    for text, terms in cases.items():
        assert context.kind_terms(text) == _old_kind_terms(text) == terms, text


def test_kind_terms_try_no_start_far_from_a_verb(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = context._KIND_TERM

    class Counting:
        def match(self, text: str, pos: int) -> re.Match[str] | None:
            calls.append(pos)
            return real.match(text, pos)

    monkeypatch.setattr(context, "_KIND_TERM", Counting())
    text = "The ABC said. " * 500 + "chemicals known as PFAS"
    assert context.kind_terms(text) == frozenset({"PFAS"})
    assert len(calls) <= context._KIND_REACH


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=200))
def test_kind_terms_as_the_whole_text_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert context.kind_terms(text) == _old_kind_terms(text)


def test_shared_copies_as_before() -> None:
    for text in _shared_texts():
        assert context.kind_terms(text) == _old_kind_terms(text)
