"""Day 27's story-signature fast paths against the plain code they replaced."""

from __future__ import annotations

import random

import pytest

from newsdesk.stories import names, numbers, token_scan
from newsdesk.stories.text import (
    NOT_NAMES,
    PROSE_MIN_WORDS,
    fold,
    nfkc,
    prose,
    raw_words,
    strip_possessive,
)
from newsdesk.stories.token_scan import (
    ABBREVIATION,
    ABBREVIATION_JOINED,
    CONNECTORS,
    TOKEN_OR_BREAK,
)
from tests.perf.test_fast_paths import _name_texts, _random_texts
from tests.perf.test_fast_paths_signature import _bodies

#: Characters NFKC changes, joins or moves (no-break and other spaces, ligatures, a
#: spacing accent that becomes a space and a combining one, Hangul jamo that compose,
#: full-width punctuation that becomes a break), and letters whose case is special.
_NORMALISED = [
    "\u00a0", "\u2009", "\u3000", "ﬁ", "ﬁnance", "\u00b4", "\u0301", "e\u0301", "\u1100",
    "\u1161", "\u11a8", "＂", "（", "…", "½", "Ⅻ", "ǄEMAL", "ǅemal", "ǆ", "ß", "İSTANBUL",
    "ΣΟΦΙΑ", "Gov.", "St.", "Louis", "Dr..", "GOV.", "’s", "'s", "O’NEIL", "and", "of",
    "Bank", "MONDAY", "Monday", "the", " ", "  ", "\n", "",
]  # fmt: skip


def _normalised_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_NORMALISED) + rng.choice(("", " ", " ")) for _ in range(n))
        for n in (rng.randrange(0, 30) for _ in range(count))
    ]


def _scan_reference(text: str, want_words: bool) -> tuple[list[str], str, list[str] | None]:
    """What `names` read before chunks were kept: the whole text's NFKC form scanned at
    once, each token classed in Python."""
    normal = nfkc(text)
    cleaned, abbreviations = ABBREVIATION.subn(r"\1", normal)
    tokens = TOKEN_OR_BREAK.findall(cleaned)
    if "'" in cleaned or "’" in cleaned:
        tokens = [strip_possessive(w) if "'" in w or "’" in w else w for w in tokens]
    words = None
    if want_words and not (abbreviations and ABBREVIATION_JOINED.search(normal)):
        words = list(filter(None, tokens))
    shown = [w.title() if w[:1].isupper() and len(w) > 3 and w.isupper() else w for w in tokens]
    kinds = "".join(
        ("n" if fold(s) in NOT_NAMES else "N")
        if t[:1].isupper()
        else ("c" if t in CONNECTORS else "x")
        for t, s in zip(tokens, shown, strict=True)
    )
    return shown, kinds, words


def _texts() -> list[str]:
    return [
        *_normalised_texts(3000, seed=41),
        *_name_texts(1500, seed=42),
        *_bodies(300, seed=43),
        *_random_texts(500, seed=44),
        "",
        " ",
        "Gov.X met Dr. No",
        "WASHINGTON (AP) — Gov. Dana Whitcomb's aides",
    ]


def test_chunked_scan_matches_the_whole_text_scan() -> None:
    texts = _texts()
    for want in (True, False):
        for text in texts:
            assert token_scan.scan(text, want) == _scan_reference(text, want), repr(text)
    # Read again: every chunk and token now comes from the memos.
    for text in texts:
        assert token_scan.scan(text, True) == _scan_reference(text, True), repr(text)


def test_nfkc_of_chunks_is_nfkc_of_the_text() -> None:
    # What the chunked scan stands on: NFKC never joins or moves characters across a space.
    for text in _normalised_texts(5000, seed=45):
        assert " ".join(nfkc(chunk) for chunk in text.split(" ")) == nfkc(text), repr(text)


def test_scan_with_small_memos_and_emptied_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()[::7]
    monkeypatch.setattr(token_scan, "MAX_CHUNKS", 40)
    monkeypatch.setattr(token_scan, "MAX_TOKENS", 30)
    token_scan._TOKENS.clear()
    token_scan._KIND.clear()
    for text in texts:
        assert token_scan.scan(text, True) == _scan_reference(text, True), repr(text)
        assert len(token_scan._TOKENS) <= max(40, len(set(text.split(" "))))

    class Emptied(dict[str, str]):
        def __getitem__(self, key: str) -> str:
            raise KeyError(key)  # as if another thread emptied it between filling and reading

    monkeypatch.setattr(token_scan, "_KIND", Emptied())
    for text in texts[:200]:
        assert token_scan.scan(text, True) == _scan_reference(text, True), repr(text)
    monkeypatch.setattr(token_scan, "_SHOWN", {})  # the title-cased forms lost
    monkeypatch.setattr(token_scan, "_KIND", {"WASHINGTON": token_scan.SHOUTED_NAME})
    text = "WASHINGTON (AP) said"
    assert token_scan.scan(text, True) == _scan_reference(text, True)


def test_runs_and_words_still_give_raw_words() -> None:
    for text in _normalised_texts(1000, seed=46):
        runs, words = names._runs_and_words(text, True)
        assert runs == names.capitalised_runs(text)
        if words is not None:
            assert words == raw_words(text), repr(text)


def _prose_reference(text: str) -> str:
    """`text.prose` as written before: every word of every line counted."""
    lines = [line for line in text.splitlines() if len(line.split()) >= PROSE_MIN_WORDS]
    return "\n".join(lines) if lines else text


def test_prose_matches_counting_every_word() -> None:
    rng = random.Random(47)
    spaces = [" ", "  ", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\x85", "\r\n", "\n", "\v"]
    texts = [*_bodies(300, seed=48), *_random_texts(300, seed=49), "", "\n", " x "]
    for _ in range(3000):
        texts.append(
            "".join(rng.choice(("w", "word", "", *spaces)) for _ in range(rng.randrange(0, 40)))
        )
    for text in texts:
        assert prose.__wrapped__(text) == _prose_reference(text), repr(text)


def test_figure_keys_match_the_figures_read_whole() -> None:
    rng = random.Random(50)
    pieces = [
        "1", "12", "1,400", "1,2345", "3.5", "5.2.1", "$", "€", "£", "¥", " ", "  ", "\u00a0",
        "\n", "%", "percent", "per cent", "million", "m", "bn", "k", "K", "B", "MILLION", ",",
        ".", ":", "a", "x1", "_", "-", "٣", "2021", "1999", "10:30", "(", "thousand", "Q3",
        "2,019", "9", "10", "0.5",
    ]  # fmt: skip
    texts = [*_bodies(300, seed=51), *_random_texts(300, seed=52), ""]
    for _ in range(6000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16))))
    for text in [*texts, *texts]:  # read again: the figures come from the memo
        plain = {
            f.key for f in numbers.figures(text) if numbers.is_telling(f) and not numbers.is_year(f)
        }
        assert numbers.figure_keys(text) == plain, repr(text)


def _name_runs_reference(text: str, lang: str | None) -> list[tuple[str, str | None]]:
    """`names.name_runs` as written before: each run's name folded at every test."""
    runs = names.capitalised_runs(text)
    mid_sentence = {fold(name) for name, before in runs if before is not None}
    in_longer = {w for name, _ in runs if " " in name for w in fold(name).split()}
    return [
        (name, before)
        for name, before in runs
        if " " in name
        or fold(name) in mid_sentence
        or fold(name) in in_longer
        or (lang is not None and names._rare_word(fold(name), lang))
    ]


def test_name_runs_match_folding_at_every_test() -> None:
    texts = [*_name_texts(1500, seed=53), *_normalised_texts(500, seed=54), "ﷺ Bank ﷺ"]
    for text in texts:
        for lang in (None, "en"):
            assert names.name_runs(text, (), lang) == _name_runs_reference(text, lang), text
