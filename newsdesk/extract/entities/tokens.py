"""Words of the text with their shape, and which start a sentence or sit on a headline-case line."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from newsdesk.extract.data.common_words import CALENDAR
from newsdesk.extract.data.entity_words import (
    NAME_POSSESSIVES,
    SHORT_FUNCTION,
)
from newsdesk.extract.data.speech import SPEECH_VERBS
from newsdesk.extract.data.titles import (
    HONORIFICS,
)

#: A word: initials with full stops ("U.S."), or a letter or digit run that may hold
#: & ' ’ - between letters ("AT&T", "O'Brien", "Ruiz-Vance"). The same matches as
#: `(?:[^\W\d_]\.){2,}|[^\W_](?:\w|[&'’\-](?=[^\W_]))*` (checked in tests), with the
#: first character read once and runs taken whole: about 45 % faster.
TOKEN = re.compile(r"[^\W_](?:(?<=[^\W\d_])\.(?:[^\W\d_]\.)+|\w*+(?:[&'’\-][^\W_]\w*+)*+)")

#: `TOKEN` for ASCII text, where it matches exactly as the Unicode one (checked in tests):
#: its classes are table lookups, not Unicode category calls.
_TOKEN_ASCII = re.compile(TOKEN.pattern, re.ASCII)


#: `TOKEN` with its match as the one group: `split` gives the gaps and words in turn.
_TOKEN_PIECES = re.compile(f"({TOKEN.pattern})")

#: ASCII characters no word holds, each mapped to a NUL: the translated text splits at
#: NULs into runs of word characters and the `_&'.-` that may join or end a word.
_NOT_IN_WORDS = str.maketrans(
    dict.fromkeys((chr(c) for c in range(128) if not (chr(c).isalnum() or chr(c) in "_&'.-")), 0)
)


def _words(text: str) -> tuple[Iterable[int], list[str]]:
    """The words `TOKEN.finditer(text)` finds, and the length of the gap before each.

    No match object or span tuple a word: non-ASCII text is split by `_TOKEN_PIECES`;
    ASCII text is cut at the characters no word holds (`_NOT_IN_WORDS`), and a run of
    letters and digits (with a full stop after it, or not) is one word as it stands:
    the pattern reads only its run (no word crosses a character it never takes), so it
    runs only on the runs that hold `_&'.-` elsewhere ("AT&T", "U.S.", "O'Brien").
    """
    if not text.isascii():
        pieces = _TOKEN_PIECES.split(text)
        return map(len, pieces[::2]), pieces[1::2]
    gaps: list[int] = []
    words: list[str] = []
    gap = 0  # characters since the last word's end
    at = 0  # where the run starts in `text`
    for run in text.translate(_NOT_IN_WORDS).split("\0"):
        size = len(run)
        if not size:
            pass
        elif run.isalnum():
            gaps.append(gap)
            words.append(run)
            gap = 0
        elif run[-1] == "." and run[:-1].isalnum():
            # "said.": a stop ends the word (initials, "U.S.", hold two stops or more).
            gaps.append(gap)
            words.append(run[:-1])
            gap = 1
        else:
            last = at
            for match in _TOKEN_ASCII.finditer(text, at, at + size):
                start, end = match.span()
                gaps.append(gap + start - last)
                words.append(match[0])
                gap, last = 0, end
            gap += at + size - last
        gap += 1  # the character the run ends at
        at += size + 1
    return gaps, words


#: Gaps that keep two capitalised words in one name: spaces only.
SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")


#: A gap that ends a sentence; a quote mark right before a word opens a quote
#: (a capital there is no evidence), one followed by a space closes it.
_SENTENCE_END = re.compile(r"[.!?:;]|[—–]|(?:^|\s)-(?:\s|$)|[\"“‘(\[]$")


_CREDIT_LINE = re.compile(
    r"[ \t]*(?:by|edited by|reporting by|written by|additional reporting by|photos? by|"
    r"photograph(?:s|y)? by|credit|image|caption|copyright|source|compiled by)\b",
    re.IGNORECASE,
)


class Token:
    """One word of the text with what the extractor needs to know about it.

    No `__init__`: `Token()` is then a C-level call, and `tokenise` fills the fields of
    most words inline (`make_token` for the others).
    """

    __slots__ = (
        "allcaps",
        "cap",
        "end",
        "headline",
        "kind",
        "possessive",
        "start",
        "starts_sentence",
        "text",
    )
    text: str
    start: int
    end: int
    cap: bool
    allcaps: bool
    kind: int
    possessive: bool
    starts_sentence: bool
    headline: bool


def make_token(text: str, start: int, end: int) -> Token:
    """A token for `text` at [start, end), its shape looked up, its marks False."""
    token = Token()
    token.text = text
    token.start = start
    token.end = end
    token.cap, token.allcaps, token.kind = _SHAPES.get(text) or _shape_of(text)
    token.possessive = token.starts_sentence = token.headline = False
    return token


#: A word's (capitalised, all capitals, kind) triple, computed once per distinct word.
_SHAPES: dict[str, tuple[bool, bool, int]] = {}


_SHAPES_MAX = 200_000


#: What a word counts as on its line (`Token.kind`): not a word (a number), a short
#: function word ("of", "the"), a content word, a content word of more than three capitals.
NOT_WORD, FUNCTION, CONTENT, SHOUT = 0, 1, 2, 3


def _shape_of(text: str) -> tuple[bool, bool, int]:
    if len(_SHAPES) > _SHAPES_MAX:
        _SHAPES.clear()
    cap, allcaps = _shape(text)
    if not text[0].isalpha():
        kind = NOT_WORD
    elif text.lower() in SHORT_FUNCTION:
        kind = FUNCTION
    else:
        kind = SHOUT if allcaps and len(text) > 3 else CONTENT
    shape = _SHAPES[text] = (cap, allcaps, kind)
    return shape


def _shape(text: str) -> tuple[bool, bool]:
    first = text[0]
    cap = (
        first.isupper()
        or (
            # Arabic and Dutch particles glued to a name: "al-Assad", "d'Alema".
            len(text) > 3 and text[1] in "-'’" and text[2].isupper()
        )
        or (len(text) > 3 and text[2] in "-'’" and text[3:4].isupper())
    )
    # Two letters at least, all upper case: "NATO", "U.N.", not "A" or "J.".
    allcaps = (
        len(text) > 1
        and first.isalpha()
        and text.isupper()
        and (text[1].isalpha() or (len(text) > 2 and text[2].isalpha()))
    )
    return cap, allcaps


_ABBREVIATIONS = frozenset(
    {t.rstrip(".") for t in HONORIFICS if t.endswith(".")}
    | {t.rstrip(".") for t in CALENDAR if t.endswith(".")}
    | {"St", "Mt", "No", "Jr", "Sr", "Ft", "Inc", "Corp", "Co", "Ltd", "Bros", "Ave", "Gov"}
)


#: What may follow a word that changes it: an abbreviation's stop, a plural possessive's mark
#: (the empty string, at the end of the text, too: `"" in _MARKS_AFTER`).
_MARKS_AFTER = ".'’"


#: The characters that send a word down `tokenise`'s careful path when they follow it.
_MARKS = ".'’"


def _marked(text: str) -> set[int]:
    """The offsets of `_MARKS` in `text`, and its length (`"" in _MARKS_AFTER`).

    Each mark is found by `str.find`, a memchr over the text, not by a regex scan
    that tests each character against a class: 4x fewer instructions a text.
    """
    marked = {len(text)}
    add = marked.add
    find = text.find
    for mark in _MARKS:
        at = find(mark)
        while at != -1:
            add(at)
            at = find(mark, at + 1)
    return marked


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    shapes = _SHAPES
    # Offsets followed by a mark (or the end of the text: `"" in _MARKS_AFTER`), found
    # once: a set lookup per word instead of a slice and a string search.
    marked = _marked(text)
    # Without an apostrophe in the text (the marks found it there), no word holds one.
    plain = len(marked) == 1 or ("'" not in text and "’" not in text)
    gaps, words = _words(text)
    at = 0
    for gap, word in zip(gaps, words, strict=False):  # a split's last gap has no word
        start = at + gap
        at = end = start + len(word)
        if end not in marked and (plain or ("'" not in word and "’" not in word)):
            # Most words: no apostrophe, no full stop or quote mark right after. Filled
            # here rather than by `make_token`: a call less a word (a third of the text).
            token = Token()
            token.text = word
            token.start = start
            token.end = end
            token.cap, token.allcaps, token.kind = shapes.get(word) or _shape_of(word)
            token.possessive = token.starts_sentence = token.headline = False
            append(token)
            continue
        possessive = False
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            # "People's Liberation Army", "Children's Hospital": part of the name.
            if word[:-2] not in NAME_POSSESSIVES:
                word, end, possessive = word[:-2], end - 2, True
        elif (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())) and text.startswith(
            ".", end
        ):
            word, end = word + ".", end + 1
        elif word[-1] == "s" and text.startswith(("' ", "’ "), end):
            # Plural possessive ("the Democrats' plan"), unless part of a name
            # ("Colleges Employers' Association").
            possessive = word not in NAME_POSSESSIVES
            if not possessive:
                word, end = word + text[end], end + 1
        token = make_token(word, start, end)
        token.possessive = possessive
        append(token)
    return tokens


def mark_lines(text: str, tokens: list[Token]) -> set[int]:
    """Mark sentence starts and headline-case lines; return indexes of credit lines' tokens."""
    credit_tokens: set[int] = set()
    n = len(tokens)
    # The first token of the next line by bisection, not by stepping token by token.
    starts = [t.start for t in tokens]
    i = 0
    while i < n:
        begin = line_begin(text, starts[i])
        newline = text.find("\n", starts[i])
        line_end = newline if newline != -1 else len(text)
        j = bisect_left(starts, line_end, i + 1)
        _mark_line(text, tokens[i:j], text[begin:line_end])
        if _CREDIT_LINE.match(text, begin):
            credit_tokens.update(range(i, j))
        i = j
    return credit_tokens


def line_begin(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _mark_line(text: str, line: list[Token], line_text: str) -> None:
    """Mark one line's fresh tokens (their marks are still False)."""
    if not line:
        return
    first = line[0]
    first.starts_sentence = True
    # Count the words by kind and find the sentence starts in one pass over the line:
    # the first token is counted here, the loop counts the rest as it walks the gaps.
    words = content = capitalised = shouting = 0
    kind = first.kind
    if kind:
        words = 1
        if kind != FUNCTION:
            content = 1
            capitalised = 1 if first.cap else 0
            shouting = 1 if kind == SHOUT else 0
    prev = first
    previous_end = first.end
    for k in range(1, len(line)):
        token = line[k]
        kind = token.kind
        if kind:
            words += 1
            if kind != FUNCTION:
                content += 1
                if token.cap:
                    capitalised += 1
                if kind == SHOUT:
                    shouting += 1
        start = token.start
        if start == previous_end + 1 and text[previous_end] == " " and prev.text[-1] != ".":
            # The common case, one space after a plain word: no sentence starts here.
            prev = token
            previous_end = token.end
            continue
        gap = text[previous_end:start]
        if _SENTENCE_END.search(gap) and not (
            prev.text.endswith(".") and prev.text[:-1] in _ABBREVIATIONS
        ):
            # “Go home!” Trump said: the quote's own stop ends no sentence.
            token.starts_sentence = not (
                _CLOSED_QUOTE.search(gap) is not None and _speech_follows(line, k)
            )
        elif prev.text.endswith(".") and (prev.text[:-1] in _ABBREVIATIONS or len(prev.text) == 2):
            token.starts_sentence = False
        elif (
            prev.text.endswith(".") and SPACES.fullmatch(gap) is not None and prev.allcaps is False
        ):
            token.starts_sentence = True
        prev = token
        previous_end = token.end
    stripped = line_text.rstrip()
    # Headlines, section heads and captions in title case give no capital evidence.
    unpunctuated = not stripped.endswith((".", ",", ";", ":", '"', "”"))
    headline = unpunctuated and (
        (content >= 3 and capitalised >= 0.75 * content)
        or (0 < content < 3 and capitalised == content and words <= 4)
    )
    headline = headline or (content >= 3 and shouting >= 0.5 * content)
    if headline:
        for t in line:
            t.headline = True


_AMPERSAND = re.compile(r"[ \t\u00a0]+&[ \t\u00a0]+")


_CLOSED_QUOTE = re.compile(r"[.!?,][\"”’']\s+$")


def _speech_follows(line: list[Token], k: int) -> bool:
    """True when a speech verb follows the capitalised run starting at token k."""
    for token in line[k + 1 : k + 5]:
        if not token.cap:
            return token.text in SPEECH_VERBS
    return False


def joined(text: str, left: Token, right: Token) -> bool:
    """True when nothing but spaces (or an ampersand: "Pacific Gas & Electric")
    stands between two tokens."""
    end = left.end
    if right.start == end + 1 and text[end] == " ":
        return True  # one plain space, most gaps: no regex call
    return end < right.start and (
        SPACES.fullmatch(text, end, right.start) is not None
        or _AMPERSAND.fullmatch(text, end, right.start) is not None
    )
