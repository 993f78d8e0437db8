"""How folded text becomes the index words of the headline, standfirst and body.

One place for the analysis the index, the searches and the rules all use, so a
word a search finds is a word a rule on arrival finds.

- A word is a run of letters and digits, dots inside kept (`u.s`).
- A *compound* is words joined by a hyphen, an apostrophe or `&` (`cease-fire`,
  `O'Brien`, `AT&T`, `won't`). It takes one position and is indexed joined
  (`ceasefire`, `obrien`; `at&t` and `m&a` keep their `&`, since `ma` and `att`
  are other words) and by each part of two letters or more that is no glue word
  (`cease`, `fire`, `brien`). A piece of one letter (the `t` of `won't`, the `o` of
  `O'Brien`) is never a word of its own: it matched unrelated articles. A search
  takes a compound it is given joined, so `cease-fire` and `ceasefire` find each
  other and `AT&T` finds AT&T alone. A closing `'s` is dropped (`Korea's` is `korea`).
- Words are stemmed with Porter2 (Snowball English, PyStemmer's C build), which puts
  "vaccinated" with "vaccine" and "negotiated" with "negotiate"; Whoosh's Porter (used
  before) left "-ated" forms apart and put "news" with "new", "general" with
  "generous". Whoosh's own Porter2 is Python (six times slower) and strays from
  Snowball on some words: "international" and "internal" became `intern`,
  "organization" `organ`, "emergency" `emerg`, "evening" `even`, "added" `ad`.
- A British spelling is read as the American one before it is stemmed
  (`search.spelling_variants`: "organisation" is "organization", "centre" "center"),
  so either finds both; a name's words are kept as written.
- A word of a name the article mentions (its people) is kept unstemmed: "Harris"
  stays `harris`, so `harry` (stem `harri`) no longer finds Kamala Harris. A
  search asks for the word as typed beside its stem (`query_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import Stemmer
from whoosh.analysis import Analyzer, Token

from newsdesk.search.plurals import singular
from newsdesk.search.spelling_variants import american, american_prefix

#: Characters that join the words of a compound (hyphens, apostrophes, ampersand).
JOINERS = "-'’&\u2010\u2011"
_JOINER_CLASS = "[-'’&\u2010\u2011]"
#: A figure with thousands separators (`1,000`, `2,500.75`: one word, `1000`), a word
#: (dots inside kept, as Whoosh's own tokenizer did) or a compound of words.
UNITS = re.compile(
    # A word starting with a letter first (most are): tried before the figures' forms,
    # and a position that starts none (a space) fails at the look-ahead.
    r"(?=[\w%])(?:[^\W\d]\w*(?:[-'’&\u2010\u2011.]\w+)*"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,.]*\w)"
    # "1.2bn" is "1.2 bn", as "1.2 billion" is two words; "%" is a word ("percent").
    r"|\d+(?:\.\d+)?(?=(?:bn|tn)\b)|%"
    r"|\w+(?:[-'’&\u2010\u2011.]\w+)*)",
    re.UNICODE,
)
#: Words written two ways in figures, read as their short form: "3.5%" is "3.5 percent",
#: "$2bn" "$2 billion" (the short form is what the rules look for in a text: none of its
#: letters must be missing from the other).
SAME_WORDS = {
    "%": "%",
    "percent": "%",
    "pct": "%",
    "bn": "bn",
    "billion": "bn",
    "billions": "bn",
    "tn": "tn",
    "trillion": "tn",
    "trillions": "tn",
}
#: "per cent" in two words (British copy), read as "percent" in texts and queries.
PER_CENT = re.compile(r"\bper\s+cent\b", re.IGNORECASE)
#: An abbreviation written with dots (`u.s`, `a.i`, `d.c`): also indexed without them.
_DOTTED = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")
_SPLIT = re.compile(_JOINER_CLASS)
#: A joiner between word characters: a typed word is a compound.
JOINED = re.compile(rf"\w{_JOINER_CLASS}\w", re.UNICODE)
#: Joiners dropped from the joined form (`&` stays: `m&a` is not `ma`).
_UNJOIN = str.maketrans("", "", "-'’\u2010\u2011")
_POSSESSIVE = ("'s", "’s")

# Whoosh's default stop list drops "us", "may", "will" and "can", which are
# news words (the US, the month of May); keep only the glue words.
STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "if",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "with",
    }
)

#: Entries kept per cache before it starts again (words recur across articles).
CACHE_MAX = 200_000
_stems: dict[str, str] = {}
_units: dict[str, tuple[str, ...]] = {}
_snowball = Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """The Porter2 stem of a folded word in its American spelling, cached; a word with
    `&` is kept whole."""
    found = _stems.get(word)
    if found is None and word in SAME_WORDS:
        found = SAME_WORDS[word]
    if found is None:
        # Figures ("2021", "3.5") have no endings; a word with "&" is a name (at&t); an
        # abbreviation's last letter is no plural ("u.s" is no "u.").
        if (
            "&" in word
            or word.replace(".", "").isdigit()
            or ("." in word and _DOTTED.fullmatch(word))
        ):
            found = word
        else:
            found = _snowball.stemWord(singular(american(word)))
        if len(_stems) >= CACHE_MAX:
            _stems.clear()
        _stems[word] = found
    return found


def _same(word: str) -> str:
    return word


def _analyse(unit: str, stemmer: Any) -> tuple[str, ...]:
    """The index words of one unit: a word's stem, or a compound's joined form and parts."""
    if unit.endswith(_POSSESSIVE):
        unit = unit[:-2]
    if "," in unit:
        return (unit.replace(",", ""),)  # a figure: "1,000" is 1000
    if not _SPLIT.search(unit):
        if unit in STOP_WORDS:
            return ()
        if "." in unit and _DOTTED.fullmatch(unit):
            # "U.S." is also "US" (an outlet writes one, the next the other); a search
            # for `U.S.` still asks for the dotted form alone.
            return (stemmer(unit), stemmer(unit.replace(".", "")))
        return (stemmer(unit),)
    joined = unit.translate(_UNJOIN)
    out = [stemmer(joined)]
    for part in _SPLIT.split(unit):
        if len(part) > 1 and part not in STOP_WORDS:
            for token in _analyse(part, stemmer):
                if token not in out:
                    out.append(token)
    return tuple(out)


def unit_tokens(unit: str, kept: bool = False) -> tuple[str, ...]:
    """The index words of one unit (empty for a glue word); `kept`: a name's, unstemmed."""
    if kept:
        return _analyse(unit, _same)
    found = _units.get(unit)
    if found is None:
        found = _analyse(unit, stem)
        if len(_units) >= CACHE_MAX:
            _units.clear()
        _units[unit] = found
    return found


def unit_cache() -> dict[str, tuple[str, ...]]:
    """The cache of `unit_tokens` (not kept), for loops that look up many units."""
    return _units


def query_token(unit: str, kept: bool = False) -> str | None:
    """The one word a search asks for a typed unit: a compound joined (None: a glue word)."""
    if unit.endswith(_POSSESSIVE):
        unit = unit[:-2]
    if "," in unit:
        return unit.replace(",", "")
    if not _SPLIT.search(unit):
        if unit in STOP_WORDS:
            return None
        return unit if kept else stem(unit)
    joined = unit.translate(_UNJOIN)
    return joined if kept else stem(joined)


def query_words(folded: str) -> list[tuple[str, str | None]]:
    """A typed text's words position by position: the word searched and, when it
    differs, the word as typed (which a name's word is indexed as)."""
    out: list[tuple[str, str | None]] = []
    for unit in UNITS.findall(folded):
        word = query_token(unit)
        if word is not None:
            exact = query_token(unit, kept=True)
            out.append((word, exact if exact != word else None))
    return out


def abbreviation_forms(word: str) -> tuple[str, ...]:
    """A folded word of an unstemmed field (dateline, outlet) and its other spelling as an
    abbreviation: "n.y" and "ny", "dc" and "d.c" (two or three letters)."""
    if "." in word and _DOTTED.fullmatch(word):
        return (word, word.replace(".", ""))
    if 2 <= len(word) <= 3 and word.isalpha() and word.isascii() and word not in STOP_WORDS:
        return (word, ".".join(word))
    return (word,)


def prefix_form(text: str) -> str:
    """What a typed prefix (`al-ass`, `o'bri`) is looked for as: its last unit joined,
    in its American spelling (`colour*` is `color*`: the index holds no "colour")."""
    units = UNITS.findall(text)
    return american_prefix(units[-1].translate(_UNJOIN)) if units else ""


def name_units(names: list[str]) -> frozenset[str]:
    """The units of the people an article names (a compound's parts and joined form
    too): the article's words kept unstemmed."""
    if not names:
        return frozenset()
    out: set[str] = set()
    for unit in UNITS.findall(fold_names(names)):
        unit = unit[:-2] if unit.endswith(_POSSESSIVE) else unit
        words = [unit]
        if _SPLIT.search(unit):
            words += [*_SPLIT.split(unit), unit.translate(_UNJOIN)]
        for word in words:
            # The text's possessive is its unit too ("Harris's" is Harris).
            out.update((word, word + "'s", word + "’s"))
    return frozenset(out)


def fold_names(names: list[str]) -> str:
    """Names folded as text is (one call for all of them)."""
    from newsdesk.search.schema import fold_text

    return fold_text(", ".join(names))


def positions_of(
    text: str, kept: frozenset[str] = frozenset(), kept_at: frozenset[int] = frozenset()
) -> dict[str, list[int]]:
    """Each index word of folded `text` with its positions, in order of first appearance.

    A unit (a word or a compound) takes one position; glue words take none. The units
    of `kept` and those counted in `kept_at` (the Labour Party: `search.cased`) are
    kept as written.
    """
    units = _units
    poses: dict[str, list[int]] = {}
    pos = -1
    tokens: tuple[str, ...] | None
    for index, unit in enumerate(UNITS.findall(text)):
        if (kept and unit in kept) or index in kept_at:
            tokens = _analyse(unit, _same)
        else:
            tokens = units.get(unit)
            if tokens is None:
                tokens = unit_tokens(unit)
        if not tokens:
            continue
        pos += 1
        for token in tokens:
            found = poses.get(token)
            if found is None:
                poses[token] = [pos]
            else:
                found.append(pos)
    return poses


class KeptText(str):
    """Folded text with the units its article's names hold (see module doc), and the
    places of the units kept as written wherever they stand (`kept_at`)."""

    kept: frozenset[str]
    kept_at: frozenset[int]

    def __new__(
        cls, text: str, kept: frozenset[str], kept_at: frozenset[int] = frozenset()
    ) -> KeptText:
        made = super().__new__(cls, text)
        made.kept = kept
        made.kept_at = kept_at
        return made

    def __reduce__(self) -> tuple[Any, ...]:
        return (KeptText, (str(self), self.kept, self.kept_at))


class NewsAnalyzer(Analyzer):
    """The Whoosh analyzer of the headline, standfirst and body (module doc).

    Indexing goes through `FastPositions`, which calls `positions_of` directly;
    this generic path serves Whoosh's other callers (key terms of `related:`) and
    queries (`mode="query"`: one word a unit, compounds joined).
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        kept: frozenset[str] = getattr(value, "kept", frozenset())
        kept_at: frozenset[int] = getattr(value, "kept_at", frozenset())
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        pos = start_pos - 1
        for index, unit in enumerate(UNITS.findall(value)):
            is_kept = (bool(kept) and unit in kept) or index in kept_at
            if mode == "query":
                word = query_token(unit, kept=is_kept)
                words: tuple[str, ...] = (word,) if word is not None else ()
            else:
                words = unit_tokens(unit, kept=is_kept)
            if not words:
                continue
            pos += 1
            for word in words:
                token.text = word
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = pos
                yield token

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))
