"""Extraction speed-ups (issue 19) must not change output: each against the plain version."""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable

import pytest

from newsdesk.extract import boilerplate, headline, language, lines
from newsdesk.sanitize import clean_text

#: Words and marks the line tests look for, mixed with random characters.
_PIECES = [
    *"ab AB1\u00a0\t\u2003\u3000\u200b\r:.-#|/·•,©@\n",
    " photo",
    " image",
    " Pictures",
    "File photo",
    "Submitted ",
    "12 of 30",
    "١٢ of ٣",
    "Subscribe ",
    "newsletter",
    "Home News Sport Weather ",
    "Follow us",
    "cookie",
    "Read more:",
    "ſ",
    "İ",
    " der die das ",
    " the and of ",
    " le la les ",
]


def _random_lines(count: int, seed: int, longest: int = 40) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(_PIECES) for _ in range(rng.randrange(0, longest))]
        if rng.random() < 0.2:
            parts.append(chr(rng.randrange(0x20, 0x3000)))
        out.append("".join(parts))
    return out


def _split_lines_reference(text: str) -> list[str]:
    """`split_lines` the plain way: one spaces regex call a line, no cache."""
    if not text:
        return []
    text = clean_text(text[: lines.MAX_CHARS])
    raws = text.split("\n", lines.MAX_LINES)[: lines.MAX_LINES]
    width = lines.wrap_width(raws)
    out: list[str] = []
    full = False
    for raw in raws:
        line = lines._SPACES.sub(" ", raw).strip()
        wrapped = full and not lines._BULLET.match(line)
        joins = out and line and (wrapped or lines._continues(out[-1], line))
        if joins and len(out[-1]) + 1 + len(line) <= lines.MAX_LINE_CHARS:
            out[-1] = f"{out[-1]} {line}"
        elif len(line) > lines.MAX_LINE_CHARS or joins:
            # Over-long: paragraphs at sentence ends (`lines._paragraphs`), nothing cut.
            if out and out[-1]:
                out.append("")
            out.extend(lines._paragraphs(line))
        else:
            out.append(line)
        if width:
            full = bool(line) and len(raw.rstrip()) + 1 + lines.WRAP_WORD > width
    return out


def test_split_lines_matches_the_per_line_version() -> None:
    texts = _random_lines(3000, seed=1, longest=120)
    # Past the width of a line, where spaces are folded line by line as before.
    texts.append(("word \u00a0 " * 9000 + "\n") * 2 + "end  of\tit")
    texts.append("x" * (lines.MAX_LINE_CHARS + 5) + "\n  a   b ")
    for text in texts:
        first = lines.split_lines(text)
        assert first == _split_lines_reference(text)
        first.append("changed by a caller")  # the cached lines are copied out
        assert lines.split_lines(text) == _split_lines_reference(text)


_OLD_TRIGGERS = [
    re.compile("|".join(map(re.escape, triggers)))
    for triggers in (
        boilerplate._PHRASE_TRIGGERS,
        boilerplate._OTHER_TRIGGERS,
        boilerplate._APPEAL_TRIGGERS,
    )
]


def test_boilerplate_triggers_match_the_alternation() -> None:
    pool = _random_lines(3000, seed=2) + [
        f"{noise} {t} {noise}"
        for triggers in (boilerplate._PHRASE_TRIGGERS, boilerplate._APPEAL_TRIGGERS)
        for t in triggers
        for noise in ("", "x")
    ]
    lists = (
        boilerplate._PHRASE_TRIGGERS,
        boilerplate._OTHER_TRIGGERS,
        boilerplate._APPEAL_TRIGGERS,
    )
    for line in pool:
        lower = line.lower()
        for pattern, triggers in zip(_OLD_TRIGGERS, lists, strict=True):
            assert bool(pattern.search(lower)) == any(t in lower for t in triggers)


def _navigation_reference(line: str) -> bool:
    tokens = [t for t in re.split(r"[\s|/·•,]+", line) if t]
    if not 3 <= len(tokens) <= 25 or len(line) > 250:
        return False
    if not all(t[:1].isupper() or not t[:1].isalpha() for t in tokens):
        return False
    hits = sum(1 for t in tokens if t.casefold().strip(".:") in boilerplate._NAV_WORDS)
    return hits >= 3 and hits >= 0.6 * len(tokens)


def test_navigation_line_matches_the_reference() -> None:
    for line in _random_lines(3000, seed=3, longest=80):
        assert boilerplate.is_navigation_line(line) == _navigation_reference(line)


def test_caption_end_prefilter_never_hides_a_match() -> None:
    caption_like: Callable[[str], bool] = headline.is_caption_like.__wrapped__  # type: ignore[attr-defined]
    for line in _random_lines(5000, seed=4):
        whole = bool(headline._CAPTION_START.match(line) or headline._CAPTION_END.search(line))
        plain = (
            whole
            or headline.has_inline_credit(line)
            or headline.is_credit(line)  # the rest of the test, unchanged
        )
        assert caption_like(line) == plain
        if headline._CAPTION_END.search(line):
            assert headline._caption_end_possible(line)


def test_picture_word_searched_at_the_end_only_is_the_whole_search() -> None:
    for line in [*_random_lines(5000, seed=5), "a photo\n", "Photos", "pictureſ", "x IMAGE"]:
        whole = bool(headline._GALLERY_COUNTER.match(line) or headline._PICTURE_END.search(line))
        assert headline._caption_end_possible(line) == whole, line


def test_inline_link_needs_a_colon() -> None:
    from newsdesk.extract.body import _INLINE_LINK

    texts = _random_lines(5000, seed=6, longest=60)
    texts += ["Read more: Ferries cancelled again", "Related: The storm", "see also : x y z w"]
    for line in texts:
        if ":" not in line:
            assert _INLINE_LINK.search(line) is None, line


def test_tidy_paragraphs_matches_the_unfiltered_version() -> None:
    from newsdesk.ingest.assemble import _BLANK_LINES, _TRAILING_SPACE, tidy_paragraphs

    def reference(text: str) -> str:
        text = _TRAILING_SPACE.sub("\n", text.replace("\r\n", "\n"))
        return "\n\n".join(p for p in (p.strip() for p in _BLANK_LINES.split(text)) if p)

    rng = random.Random(7)
    pieces = ["a", "Bc ", " ", "\t", "\n", "\r\n", "\n\n", " \n", "\t\n", "x.\n \n"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30))) for _ in range(5000)]
    for text in texts:
        assert tidy_paragraphs(text) == reference(text), repr(text)


def test_inline_furniture_triggers_match_the_alternation() -> None:
    from newsdesk.extract import inline_furniture

    alternation = re.compile("|".join(map(re.escape, inline_furniture.INLINE_TRIGGERS)))
    texts = _random_lines(3000, seed=8, longest=60)
    texts += [f"x {t} y" for t in inline_furniture.INLINE_TRIGGERS]
    for line in texts:
        lower = line.lower()
        expected = bool(alternation.search(lower) and inline_furniture._INLINE.search(line))
        assert inline_furniture.is_inline_furniture(line, lower) == expected, line


def test_latin_word_class_is_the_case_blind_one() -> None:
    """Every code point: the written-out class matches exactly what the case-blind one did."""
    blind = re.compile(r"[a-zà-ÿąćęłńóśźżşğıİçãõ]", re.IGNORECASE)
    written = re.compile(language._LATIN_WORD.pattern.removesuffix("+"))
    assert language._LATIN_WORD.pattern.endswith("]+")
    differ = [
        cp
        for cp in range(sys.maxunicode + 1)
        if bool(blind.fullmatch(chr(cp))) != bool(written.fullmatch(chr(cp)))
    ]
    assert differ == []


def _detect_reference(text: str) -> str | None:
    """`detect_language` as it was: one dictionary look-up a token."""
    if not text:
        return None
    sample = text[: language.SAMPLE_CHARS]
    by_script = language._script_language(sample)
    if by_script:
        return by_script
    counts = dict.fromkeys(language._STOPWORDS, 0)
    blind = re.compile(r"[a-zà-ÿąćęłńóśźżşğıİçãõ]+", re.IGNORECASE)
    tokens = blind.findall(sample.lower())
    for token in tokens:
        for lang in language._LANGS_OF.get(token, ()):
            counts[lang] += 1
    lang, hits = max(counts.items(), key=lambda item: item[1])
    if hits < language._MIN_HITS or hits < 0.08 * len(tokens):
        return None
    return lang


@pytest.mark.parametrize("seed", [5, 6])
def test_detect_language_matches_the_reference(seed: int) -> None:
    rng = random.Random(seed)
    words = [*sorted({w for ws in language._STOPWORDS.values() for w in ws}), "İ", "ſ", "x"]
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    texts += _random_lines(1000, seed=seed)
    for text in texts:
        assert language.detect_language(text) == _detect_reference(text)


def test_entity_token_pattern_matches_the_plain_one() -> None:
    from newsdesk.extract.entities.tokens import TOKEN

    plain = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:\w|[&'’\-](?=[^\W_]))*")
    rng = random.Random(8)
    alphabet = [*"aZ9_.'’-&é ٣\u0301ß\n", "U.S.", "a.b", "1.2.", "_a", "x-", "'s", "AT&T"]
    texts = [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 16))) for _ in range(60000)
    ]
    texts += _random_lines(2000, seed=9)
    for text in texts:
        assert [m.span() for m in TOKEN.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_content_words_memo_matches_the_plain_fold_and_stem() -> None:
    from newsdesk.stories import signature
    from newsdesk.stories.text import STOPWORDS, stem, words

    rng = random.Random(10)
    vocabulary = [
        *sorted(STOPWORDS)[:40],
        "Whitcomb's",
        "Érika",
        "ERIKA",
        "floods",
        "cities",
        "U.S",
        "2024",
        "3rd",
        "Ruiz-Vance",
        "naïve",
        "ﬁle",
        "İstanbul",
    ]
    signature._CONTENT.clear()
    for _ in range(3000):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randrange(0, 30)))
        folded = [w for w in words(text) if w not in STOPWORDS and not w[0].isdigit()]
        assert signature._content_folded(text) == (folded, [stem(w) for w in folded])
