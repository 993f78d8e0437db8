"""Day 26's extraction speed-ups (issue 19): each against the code it replaced."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract import page
from newsdesk.extract.entities import tokens
from newsdesk.extract.found import fold
from newsdesk.extract.headline import strip_site_suffix
from newsdesk.model import Extracted
from tests.extract.test_entities_fast_tokens import _fields, _reference_tokenise

#: Pieces of lines and titles, the tricky ones for casefolding and word splitting included.
_PIECES = [
    "Council",
    "approves",
    "budget",
    "STRASSE",
    "Straße",
    "İstanbul",
    "ﬁnal",
    "ΣΟΦΙΑ",
    "σοφία",
    "don't",
    "co-op",
    "_x",
    "2027",
    " ",
    "  ",
    "\t",
    "\x1c",
    "-",
    " - ",
    " | ",
    "BBC News",
    "The Ledger",
    ":",
    "«",
    "»",
    "’",
    ".",
]


def _reference_match(line: str, key: str) -> bool:
    """The test each of the first lines met before the probe: folded, or its head folded."""
    return fold(line) == key or (len(line) < 400 and fold(strip_site_suffix(line)) == key)


def _assert_probe_holds(line: str, title: str) -> None:
    key = fold(title)
    if line and _reference_match(line, key):
        assert page._longest_word(key) in line.casefold(), (line, title)


@given(st.text(max_size=40), st.text(max_size=40))
def test_a_line_that_folds_to_the_title_holds_its_longest_word(line: str, title: str) -> None:
    _assert_probe_holds(line, title)
    _assert_probe_holds(title, title)
    _assert_probe_holds(title + " - BBC News", title)


def test_the_probe_on_pieces_that_fold_alike() -> None:
    rng = random.Random(26)
    matched = 0
    for _ in range(4000):
        title = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 6)))
        # The title respelled: other case, other spaces and punctuation between its words.
        line = "".join(
            rng.choice([ch, ch.upper(), ch.lower(), ch.casefold()]) if ch.isalnum() else ch
            for ch in title
        )
        line = line.replace(" ", rng.choice([" ", "  ", " - ", ": ", "\t"]))
        matched += _reference_match(line, fold(title))
        _assert_probe_holds(line, title)
        _assert_probe_holds(line + rng.choice([" | The Ledger", " - BBC News", ""]), title)
    assert matched > 1000  # the property was tested where it matters


def _hint_title_lines(lines: list[str], title: str) -> int:
    found = page.Found()
    return page._locate_headline(lines, Extracted(title=title), found)


def test_the_hint_title_is_found_where_it_was() -> None:
    body = ["A long paragraph of the story that names no headline at all, said the council."] * 5
    assert _hint_title_lines([*body, "Council Approves Budget"], "Council approves budget") == 5
    assert _hint_title_lines(["COUNCIL: approves, budget!", *body], "Council approves budget") == 0
    assert (
        _hint_title_lines(["Die Straße bleibt gesperrt", *body], "Die STRASSE bleibt GESPERRT") == 0
    )
    assert (
        _hint_title_lines(["Straße bleibt gesperrt - BBC News", *body], "Strasse bleibt gesperrt")
        == 0
    )
    assert _hint_title_lines(body, "Council approves budget") == -1


def _reference_marked(text: str) -> set[int]:
    """The offsets `tokenise` looked up as it found them: one regex scan of the text."""
    return {m.start() for m in re.finditer(r"[.'’]", text)} | {len(text)}


_MARK_ALPHABET = st.sampled_from([*"aB .'’-\n", "Mr", "O'Brien", "U.S", "São", "’s"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_MARK_ALPHABET, max_size=40).map("".join))
def test_marks_found_by_find_are_the_regex_scan(text: str) -> None:
    assert tokens._marked(text) == _reference_marked(text)
    assert _fields(tokens.tokenise(text)) == _fields(_reference_tokenise(text))


def test_texts_without_apostrophes_tokenise_as_before() -> None:
    rng = random.Random(19)
    words = ["Dr.", "Ana", "Berg", "U.S.", "NATO", "met", "Jr.", "St.", "Inc.", "J.", "K.", "São"]
    seps = [" ", "  ", ", ", ". ", "\n", " — ", "; ", "\u00a0"]
    for _ in range(1500):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randrange(1, 12)))
        assert "'" not in text and "’" not in text
        assert tokens._marked(text) == _reference_marked(text)
        assert _fields(tokens.tokenise(text)) == _fields(_reference_tokenise(text)), text
        with_mark = text + rng.choice(["O'Brien's", "Democrats' plan", "it’s"])
        assert _fields(tokens.tokenise(with_mark)) == _fields(_reference_tokenise(with_mark))


def _reference_detect_language(text: str) -> str | None:
    """`detect_language` as it was: every token counted, stop words then looked up."""
    from collections import Counter

    from newsdesk.extract import language

    if not text:
        return None
    sample = text[: language.SAMPLE_CHARS]
    by_script = language._script_language(sample)
    if by_script:
        return by_script
    counts = dict.fromkeys(language._STOPWORDS, 0)
    if sample.isascii():
        tokens = sample.translate(language._ASCII_WORDS).split()
    else:
        tokens = language._LATIN_WORD.findall(sample.lower())
    for token, n in Counter(tokens).items():
        for lang in language._LANGS_OF.get(token, ()):
            counts[lang] += n
    lang, hits = max(counts.items(), key=lambda item: item[1])
    if hits < language._MIN_HITS or hits < 0.08 * len(tokens):
        return None
    return lang


def test_language_counts_only_stop_words_with_the_same_answers() -> None:
    from newsdesk.extract import language

    stop_words = sorted(language._LANGS_OF)
    others = ["Berg", "budget", "Straße", "żółw", "данные", "2027", ",", ".", "\n", "—"]
    rng = random.Random(7)
    answers = set()
    for _ in range(3000):
        pool = rng.choice([stop_words, others, stop_words + others])
        text = " ".join(rng.choice(pool) for _ in range(rng.randrange(0, 60)))
        answer = language.detect_language(text)
        assert answer == _reference_detect_language(text), text
        answers.add(answer)
    assert len(answers) > 5  # several languages, and None, were told apart


def test_language_counts_no_word_that_names_no_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    from newsdesk.extract import language

    counted: list[str] = []

    class Recording(Counter[str]):
        def __init__(self, tokens: Iterable[str]) -> None:
            tokens = list(tokens)
            counted.extend(tokens)
            super().__init__(tokens)

    monkeypatch.setattr(language, "Counter", Recording)
    text = "The council said the budget was fair and the plan will pass, said Ana Berg. " * 5
    assert language.detect_language(text) == "en"
    assert counted and set(counted) <= set(language._LANGS_OF)


def test_one_spaced_is_split_and_join() -> None:
    from newsdesk.ingest.html_text import _one_spaced

    every_ascii = [chr(code) for code in range(128)]
    for ch in every_ascii:
        for line in (ch, f"a{ch}b", f"{ch}ab", f"ab{ch}", f"a {ch} b", f"a{ch}{ch}b"):
            assert _one_spaced(line) == " ".join(line.split()), repr(line)
    rng = random.Random(26)
    pieces = [
        "word",
        "Ana",
        " ",
        " ",
        "  ",
        "\t",
        "\x1c",
        "\x0b",
        "\r",
        "\u00a0",
        "é",
        "\u2009",
        "",
    ]
    for _ in range(5000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert _one_spaced(line) == " ".join(line.split()), repr(line)
