"""A text's tokens as the name heuristic reads them, read one space-separated chunk at a time.

`names` needs every token of a text (its words, and as empty strings the breaks a name
never spans), each token's kind (`NAME`, `NOT_NAME`, `CONNECTOR`, `OTHER`), and the words
as `text.raw_words` gives them. Tokenising the whole text with a pattern and classing the
tokens in Python was most of a story signature's cost. Here the text is cut at its spaces
and each distinct chunk ("the", "said,", "Whitcomb's") is read once per process and kept.
The readings laid end to end are the whole text's: no token, break, abbreviation or
look-around of the patterns spans a space, and NFKC never joins or reorders characters
across one (a space is a starter that composes with nothing). Most chunks recur: a real
article has about 650 chunks, 350 distinct, of which about 120 are new to a process that
has read a few hundred articles; a synthetic feed item has about 5 new.
"""

from __future__ import annotations

import re
from itertools import chain, compress, repeat
from operator import is_, is_not

from newsdesk.stories.text import NOT_NAMES, WORD, fold, nfkc, strip_possessive

#: A token's kind, one letter (for `names.RUN`): a capitalised word that can be a name,
#: one that cannot (`NOT_NAMES`), a connector inside names, anything else.
NAME, NOT_NAME, CONNECTOR, OTHER = "N", "n", "c", "x"

# Small words allowed inside a name ("Bank of Estmark", "Department of Transportation").
CONNECTORS: frozenset[str] = frozenset({"of", "de", "del", "la", "van", "von", "da", "and"})

# Names never span these; commas included ("HARLOW BEND, Ore." is two names).
# One pass yields words (group 1) and, as empty strings, these boundaries.
TOKEN_OR_BREAK = re.compile(rf"({WORD})|[.,!?:;\"“”()\n—]")
# Abbreviated titles lose their full stop first, so "Gov. Dana Whitcomb" stays one sentence.
ABBREVIATIONS = (
    "Gov", "Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Capt",
    "Prof",
)  # fmt: skip
# r"\b(Gov|Sen|...)\." with the word boundary checked after the first letter (no word
# character before it): a pattern that starts with a letter is scanned for in C,
# one that starts with \b is tried at every position (3x slower over a body).
ABBREVIATION = re.compile("(" + "|".join(rf"{w[0]}(?<!\w.){w[1:]}" for w in ABBREVIATIONS) + r")\.")
# Such a full stop before what can go on a word ("St.Louis"): `text.WORD` would have
# read across it, so the scan's words are not `raw_words` then.
ABBREVIATION_JOINED = re.compile(ABBREVIATION.pattern + r"(?=[\w'’.\-])")

#: Words as `text.raw_words` gives them, or None when a scan could not give them.
Words = list[str] | None

#: A chunk -> its tokens (words, and breaks as empty strings). A chunk where an
#: abbreviation's full stop stood before what can go on a word ("Gov.X") is not kept:
#: its words are not `raw_words`', which the caller must be told.
_TOKENS: dict[str, tuple[str, ...]] = {}
#: A token of a kept chunk -> its kind letter; a shouted word's letter is `SHOUTED_NAME`
#: or `SHOUTED_NOT_NAME` (the runs read it title-cased, as `_SHOWN` gives it).
_KIND: dict[str, str] = {}
_SHOWN: dict[str, str] = {}
#: Chunks and tokens kept, each memo emptied when full: 60,000 chunks of real text
#: and their 46,000 tokens' kinds took 15 MB (tracemalloc). A real article new to the
#: process brings about 120 chunks it has not met.
MAX_CHUNKS = 1 << 16
MAX_TOKENS = 1 << 16
#: A shouted word that can be a name, and one that cannot (`NOT_NAMES`).
SHOUTED_NAME, SHOUTED_NOT_NAME = "S", "s"


def scan(text: str, want_words: bool) -> tuple[list[str], str, Words]:
    """The text's tokens as names read them (a shouted word title-cased: "HARLOW" ->
    "Harlow"), one kind letter a token, and with `want_words` the words as
    `text.raw_words(text)` gives them (None when not wanted, or when an abbreviation's
    removed full stop stood before a character that can go on a word: "Gov.X")."""
    chunks = text.split(" ")
    memo = _TOKENS
    parts = list(map(memo.get, chunks))
    joined: dict[str, tuple[str, ...]] = {}
    if None in parts:
        missing = set(compress(chunks, map(is_, parts, repeat(None))))
        if len(memo) + len(missing) > MAX_CHUNKS:
            memo.clear()  # bounded: a stream of unique chunks cannot grow it forever
        readings = {chunk: read_chunk(chunk) for chunk in missing}
        _learn(set(chain.from_iterable(read for read, _ in readings.values())))
        for chunk, (read, was_joined) in readings.items():
            if was_joined:
                joined[chunk] = read
            else:
                memo[chunk] = read
        defaults = map(joined.get, chunks) if joined else repeat(None)
        parts = list(map(memo.get, chunks, defaults))
    try:
        tokens: list[str] = list(chain.from_iterable(parts))  # type: ignore[arg-type]
        kinds = _kinds(tokens)
        words = list(filter(None, tokens)) if want_words and not joined else None
        if SHOUTED_NAME in kinds or SHOUTED_NOT_NAME in kinds:
            tokens = _shout(tokens, kinds)
            kinds = kinds.translate(_UNSHOUTED)
    except (KeyError, TypeError):  # another thread (a second import) emptied a memo
        return _scan_plain(chunks, want_words)
    return tokens, kinds, words


def _kinds(tokens: list[str]) -> str:
    """One kind letter a token; the tokens met for the first time are classed here."""
    kind_of = _KIND
    try:
        return "".join(map(kind_of.__getitem__, tokens))
    except KeyError:
        pass
    _learn(set(tokens))
    return "".join(map(kind_of.__getitem__, tokens))


def _learn(tokens: set[str]) -> None:
    """Class the tokens not classed yet."""
    kind_of = _KIND
    new = tokens.difference(kind_of)
    if len(kind_of) + len(new) > MAX_TOKENS:
        kind_of.clear()  # bounded, as the chunks
        _SHOWN.clear()
        new = tokens
    for token in new:
        shown = _shown(token)
        kind = _kind(token, shown)
        if shown is not token:
            _SHOWN[token] = shown
            kind = SHOUTED_NAME if kind == NAME else SHOUTED_NOT_NAME
        kind_of[token] = kind


def _shout(tokens: list[str], kinds: str) -> list[str]:
    """The tokens with their shouted words title-cased (`_SHOWN`)."""
    shown = list(map(_SHOWN.get, tokens, tokens))
    # Each shouted token has a title-cased form of its own (a new string): one missing
    # means another thread emptied the memo meanwhile.
    if sum(map(is_not, shown, tokens)) != kinds.count(SHOUTED_NAME) + kinds.count(SHOUTED_NOT_NAME):
        raise KeyError("shown")
    return shown


_UNSHOUTED = str.maketrans({SHOUTED_NAME: NAME, SHOUTED_NOT_NAME: NOT_NAME})


def _scan_plain(chunks: list[str], want_words: bool) -> tuple[list[str], str, Words]:
    """`scan` of the chunks without the memos."""
    readings = [read_chunk(chunk) for chunk in chunks]
    raw = [token for tokens, _ in readings for token in tokens]
    shown = [_shown(token) for token in raw]
    kinds = "".join(map(_kind, raw, shown))
    joined = any(was_joined for _, was_joined in readings)
    return shown, kinds, list(filter(None, raw)) if want_words and not joined else None


def read_chunk(chunk: str) -> tuple[tuple[str, ...], bool]:
    """The tokens of a chunk of text without spaces (its NFKC form may hold some), and
    whether an abbreviation's removed full stop stood before what can go on a word."""
    if chunk.isalnum() and chunk.isascii():
        # A single word and nothing else (`[^\W_]` is a character `isalnum` accepts),
        # in NFKC already: most chunks.
        return (chunk,), False
    normal = nfkc(chunk)
    joined = False
    if "." in normal:  # every abbreviation ends with a full stop
        cleaned, abbreviations = ABBREVIATION.subn(r"\1", normal)
        joined = bool(abbreviations) and ABBREVIATION_JOINED.search(normal) is not None
    else:
        cleaned = normal
    tokens = TOKEN_OR_BREAK.findall(cleaned)
    if "'" in cleaned:  # `nfkc` straightened the typographic ones
        tokens = [strip_possessive(w) if "'" in w else w for w in tokens]
    return tuple(tokens), joined


def _shown(token: str) -> str:
    """A capitalised word of more than three letters, all in upper case, title-cased
    (datelines shout: "HARLOW BEND"; an acronym, "FAA", stays); else the token itself."""
    if len(token) > 3 and token.isupper() and token[0].isupper():
        return token.title()
    return token


def _kind(token: str, shown: str) -> str:
    # A word is capitalised when its first character is an upper-case letter (a digit or
    # a break never is); whether it can be a name is read as names read it.
    if token[:1].isupper():
        return NOT_NAME if fold(shown) in NOT_NAMES else NAME
    return CONNECTOR if token in CONNECTORS else OTHER
