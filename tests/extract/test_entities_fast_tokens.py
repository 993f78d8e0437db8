"""The fast tokeniser and line marker give exactly what the plain ones gave.

The references below are the code before the fast paths, kept here to compare with.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract.data.entity_words import NAME_POSSESSIVES
from newsdesk.extract.entities import tokens as tokens_module
from newsdesk.extract.entities.tokens import (
    _ABBREVIATIONS,
    _CLOSED_QUOTE,
    _SENTENCE_END,
    FUNCTION,
    SHOUT,
    SPACES,
    TOKEN,
    Token,
    _speech_follows,
    make_token,
    mark_lines,
    tokenise,
)

_FIELDS = (
    "text",
    "start",
    "end",
    "cap",
    "allcaps",
    "kind",
    "possessive",
    "starts_sentence",
    "headline",
)


def _reference_tokenise(text: str) -> list[Token]:
    # `tokenise` as it was: a slice and a string search per word for the mark after it.
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        word = match[0]
        start, end = match.span()
        possessive = False
        if text[end : end + 1] not in ".'’" and "'" not in word and "’" not in word:
            pass
        elif len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            if word[:-2] not in NAME_POSSESSIVES:
                word, end, possessive = word[:-2], end - 2, True
        elif (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())) and text.startswith(
            ".", end
        ):
            word, end = word + ".", end + 1
        elif word[-1] == "s" and text.startswith(("' ", "’ "), end):
            possessive = word not in NAME_POSSESSIVES
            if not possessive:
                word, end = word + text[end], end + 1
        token = make_token(word, start, end)
        token.possessive = possessive
        tokens.append(token)
    return tokens


def _fields(tokens: list[Token]) -> list[tuple[object, ...]]:
    return [tuple(getattr(t, f) for f in _FIELDS) for t in tokens]


_TRICKY = [
    "Dr. Ana Berg met Mr. X. Then Gov. Lyle Amundsen spoke",
    "O'Brien's AT&T deal and the Democrats' plan; People's Liberation Army",
    "Colleges Employers' Association said U.S. officials met in São Paulo",
    "al-Assad and d'Alema met Ruiz-Vance Ltd. in Kursk Oblast.",
    "WASHINGTON (AP) — THE SENATE VOTED\nÉmile Zola’s book, Ünal’s reply",
    "“Go home!” Trump said. 'Yes' - no\u00a0way\u2009Jr. St. Louis",
    "ends with a stop.",
    "ends with an apostrophe'",
    "Mrs Maisel’s",
    "J. K. Rowling and U.N. envoy; Inc. Co. Ltd.",
    "",
    "...'''’’’",
]


def test_tokenise_matches_the_reference_on_tricky_texts() -> None:
    for text in _TRICKY:
        assert _fields(tokenise(text)) == _fields(_reference_tokenise(text)), text


_PIECES = ["Dr", "Mr", "St", "Jr", "Inc", "NATO", "U.S", "People", "Democrats", "O'Brien"]
_ALPHABET = st.sampled_from([*"aAbBsSzZ .'’-&\n\t\u00a0,;:!?\"“”()É3ÿ_", *_PIECES])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_tokenise_matches_the_reference(text: str) -> None:
    assert _fields(tokenise(text)) == _fields(_reference_tokenise(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_mark_lines_matches_after_either_tokeniser(text: str) -> None:
    fast, slow = tokenise(text), _reference_tokenise(text)
    assert mark_lines(text, fast) == mark_lines(text, slow)
    assert _fields(fast) == _fields(slow)


def _reference_mark_line(text: str, line: list[Token], line_text: str) -> None:
    # `_mark_line` as it was: one pass to count the words, another for sentence starts.
    if not line:
        return
    words = content = capitalised = shouting = 0
    for t in line:
        if t.kind:
            words += 1
            if t.kind != FUNCTION:
                content += 1
                capitalised += 1 if t.cap else 0
                shouting += 1 if t.kind == SHOUT else 0
    stripped = line_text.rstrip()
    unpunctuated = not stripped.endswith((".", ",", ";", ":", '"', "”"))
    headline = unpunctuated and (
        (content >= 3 and capitalised >= 0.75 * content)
        or (0 < content < 3 and capitalised == content and words <= 4)
    )
    if headline or (content >= 3 and shouting >= 0.5 * content):
        for t in line:
            t.headline = True
    line[0].starts_sentence = True
    for k in range(1, len(line)):
        prev, token = line[k - 1], line[k]
        gap = text[prev.end : token.start]
        if _SENTENCE_END.search(gap) and not (
            prev.text.endswith(".") and prev.text[:-1] in _ABBREVIATIONS
        ):
            token.starts_sentence = not (
                _CLOSED_QUOTE.search(gap) is not None and _speech_follows(line, k)
            )
        elif prev.text.endswith(".") and (prev.text[:-1] in _ABBREVIATIONS or len(prev.text) == 2):
            token.starts_sentence = False
        elif prev.text.endswith(".") and SPACES.fullmatch(gap) is not None and not prev.allcaps:
            token.starts_sentence = True


_LINES = [
    *_TRICKY,
    "Breaking News From The Capital Tonight\nthe council met. It said no.",
    "NATO LEADERS SLAM PLAN\nBy Jane Roe\nJ. Smith said. Dr. Roe agreed",
    "“Go home!” Trump said. “Stay,” she said.\nU.S. Army - Ft. Bragg",
]


def _marked(text: str, reference: bool) -> tuple[set[int], list[tuple[object, ...]]]:
    tokens = tokenise(text)
    if reference:
        saved = tokens_module._mark_line
        tokens_module._mark_line = _reference_mark_line
        try:
            credit = mark_lines(text, tokens)
        finally:
            tokens_module._mark_line = saved
    else:
        credit = mark_lines(text, tokens)
    return credit, _fields(tokens)


def test_mark_line_matches_the_reference_on_tricky_lines() -> None:
    for text in _LINES:
        assert _marked(text, False) == _marked(text, True), text


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_mark_line_matches_the_reference(text: str) -> None:
    assert _marked(text, False) == _marked(text, True)


def _reference_surface(text: str, tokens: list[Token], i: int, j: int) -> str:
    # `surface` as it was: every slice folded by the regex.
    return SPACES.sub(" ", text[tokens[i].start : tokens[j - 1].end])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_surface_matches_the_reference(text: str) -> None:
    from newsdesk.extract.entities.spans import surface

    tokens = tokenise(text)
    for i in range(len(tokens)):
        for j in range(i + 1, min(i + 4, len(tokens)) + 1):
            assert surface(text, tokens, i, j) == _reference_surface(text, tokens, i, j)


_ASCII = st.sampled_from([*"aAzZ09_ .'-&\t\n,;!?\"()", "Dr", "U.S", "O'Brien", "AT&T", "x_1"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ASCII, max_size=40).map("".join))
def test_ascii_token_pattern_matches_the_unicode_one(text: str) -> None:
    from newsdesk.extract.entities.tokens import _TOKEN_ASCII

    assert [m.span() for m in _TOKEN_ASCII.finditer(text)] == [
        m.span() for m in TOKEN.finditer(text)
    ]
    assert _fields(tokenise(text)) == _fields(_reference_tokenise(text))


def test_ascii_token_pattern_on_every_ascii_character() -> None:
    from newsdesk.extract.entities.tokens import _TOKEN_ASCII

    text = "".join(f"a{chr(c)}b {chr(c)} A.{chr(c)}.B " for c in range(128))
    assert [m.span() for m in _TOKEN_ASCII.finditer(text)] == [
        m.span() for m in TOKEN.finditer(text)
    ]
