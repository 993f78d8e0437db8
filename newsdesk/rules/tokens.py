"""How the rules read an article's text into the index's words, without the index.

New articles pass the rules before the index has seen them; every new article
is read once per field, so this takes a faster path to the tokens the index
holds (`search.words`), and looks for a wanted word's lead in the text before
splitting a whole body. `tests/rules/test_matcher_tokens.py` checks both paths
give the index's own words.
"""

from __future__ import annotations

import re

from whoosh.analysis.tokenizers import default_pattern

from newsdesk.search.cased import dotted_capitals
from newsdesk.search.schema import fold_text, plain_analyzer, text_analyzer
from newsdesk.search.spelling_variants import shared_lead
from newsdesk.search.words import (
    JOINERS,
    STOP_WORDS,
    UNITS,
    stem,
    unit_cache,
    unit_tokens,
)

_STEMMED = ("title", "dek", "body")

#: The index tokenizer's pattern (`whoosh.analysis.tokenizers.default_pattern`,
#: runs of word characters joined by optional single dots) without its capturing
#: group, so `findall` gives whole tokens. The dot is made plain rather than optional:
#: the same tokens (a run without a dot is already taken whole by the greedy first
#: part; `tests/rules/test_matcher_tokens.py` checks), found with less backtracking.
PLAIN_WORDS = re.compile(
    default_pattern.pattern.replace("(\\.?", "(?:\\.").replace("(?:\\.?", "(?:\\."), re.UNICODE
)
#: The index's own pattern, for the check above.
INDEX_WORDS = re.compile(default_pattern.pattern.replace("(\\.?", "(?:\\.?"), re.UNICODE)

#: Joiners taken out of a stemmed field's text for its leads: a compound's joined word
#: ("ceasefire" of "cease-fire") then holds its lead as the text holds a word's, and so
#: does a figure's ("1000" of "1,000").
_UNJOINED = ("-", "'", "’", "\u2010", "\u2011", ",")


def unjoined(text: str) -> str:
    """`text` without the joiners a compound's joined word drops (`str.replace`:
    far faster than `translate` on a body)."""
    for joiner in _UNJOINED:
        if joiner in text:
            text = text.replace(joiner, "")
    return text


#: The Porter2 stem of a word is a prefix of the word plus at most this many letters
#: of a replaced ending ("mobility" -> "mobil", "hopping" -> "hop", "happy" ->
#: "happ" + "i"): every word that stems to `s` starts with `s[:-STEM_TAIL]`. So a
#: field whose folded text does not hold that lead cannot hold the stem, and one
#: that does is searched for the few words starting with it, not split whole (the
#: body is most of an article's text). `tests/rules/test_matcher_tokens.py` checks
#: the bound over every word of the sample data and ending combinations.
STEM_TAIL = 2
#: One character of a token (the index tokenizer's class), for the lead's word edges.
_TOKEN_CHAR = re.compile(r"[\w\*]", re.UNICODE)


#: A closing "'s" after a word (no compound: `korea's` is `korea`).
_POSSESSIVE_AT = re.compile(r"['’]s(?![\w\*])", re.UNICODE)


def stem_lead(token: str) -> str:
    """What every word whose stem is `token` starts with ('' when nothing is known),
    however the word is spelled ("pediatr": "p", as "paediatric" is one of them)."""
    return shared_lead(token[:-STEM_TAIL]) if len(token) > STEM_TAIL else ""


def lead_finder(lead: str) -> re.Pattern[str]:
    """Finds the rest of each word that holds `lead` (a literal first: the regex
    engine scans for it quickly); `Analysis.holds_stem` checks the word's start."""
    return re.compile(re.escape(lead) + r"[\w\*]*(?:\.[\w\*]+)*", re.UNICODE)


class Analysis:
    """The index's analysers, built once per rule set (they are not cheap to build).

    Queries go through the index's own analysers. Articles take a faster path
    to the same tokens (`search.words`: the units, the glue words, the Porter2
    stem, cached per word): every new article is analysed once per field, and
    Whoosh's per-token path would cost more than the import itself.
    """

    def __init__(self) -> None:
        self.stemmed = text_analyzer()
        self.plain = plain_analyzer()

    def field_words(self, text: str, field_name: str = "body") -> list[str]:
        """The folded words of `text`, in order, as the index's tokenizer splits them
        (a stemmed field's compounds whole)."""
        if field_name not in _STEMMED:
            return PLAIN_WORDS.findall(fold_text(text))
        return UNITS.findall(fold_text(dotted_capitals(text)))  # "US" is "U.S", as indexed

    def field_tokens(
        self, field_name: str, words: list[str], kept: frozenset[str] = frozenset()
    ) -> list[tuple[str, ...]]:
        """What the index holds for a field's `words`, position by position (phrases
        need the order; a compound's words share one position)."""
        if field_name not in _STEMMED:
            return [(w,) for w in words]
        cached = unit_cache()
        out: list[tuple[str, ...]] = []
        for unit in words:
            if kept and unit in kept:
                found: tuple[str, ...] | None = unit_tokens(unit, kept=True)
            else:
                found = cached.get(unit)
                if found is None:
                    found = unit_tokens(unit)
            if found:
                out.append(found)
        return out

    def field_token_set(
        self, field_name: str, words: list[str], kept: frozenset[str] = frozenset()
    ) -> frozenset[str]:
        """The same tokens as a set: each distinct word is analysed once (a body repeats many)."""
        if field_name not in _STEMMED:
            return frozenset(words)
        out: set[str] = set()
        cached = unit_cache()
        for unit in set(words):
            if kept and unit in kept:
                out.update(unit_tokens(unit, kept=True))
                continue
            found = cached.get(unit)
            out.update(found if found is not None else unit_tokens(unit))
        return frozenset(out)

    def holds_stem(
        self,
        text: str,
        token: str,
        finder: re.Pattern[str],
        kept: frozenset[str] = frozenset(),
    ) -> bool | None:
        """Whether a word of the folded `text` is indexed as `token` (a stemmed field):
        only the words holding the token's lead (`finder`) are looked at, each taken
        whole as the tokenizer takes it, and a match inside a word is passed over.
        None when it cannot tell: a candidate is part of a compound (`o'brien`)."""
        unsure = False
        end_of_text = len(text)
        for found in finder.finditer(text):
            at = found.start()
            if at and _TOKEN_CHAR.match(text[at - 1]):
                continue  # inside a word
            if at > 1 and text[at - 1] == "." and _TOKEN_CHAR.match(text[at - 2]):
                continue  # after "x.": part of a dotted word that starts earlier
            end = found.end()
            if (at > 1 and text[at - 1] in JOINERS and _TOKEN_CHAR.match(text[at - 2])) or (
                end + 1 < end_of_text
                and text[end] in JOINERS
                and _TOKEN_CHAR.match(text[end + 1])
                and not _POSSESSIVE_AT.match(text, end)
            ):
                unsure = True  # a compound's part: the token set tells
                continue
            word = found.group()
            if word in STOP_WORDS:
                continue
            if "." in word:
                unsure = True  # "u.s" is also "us": the token set tells
                continue
            if (word if kept and word in kept else stem(word)) == token:
                return True
        return None if unsure else False

    def tokens(self, field_name: str, text: str) -> list[str]:
        analyzer = self.stemmed if field_name in _STEMMED else self.plain
        return [t.text for t in analyzer(fold_text(text), mode="query")]

    def plain_tokens(self, text: str) -> list[str]:
        return [t.text for t in self.plain(fold_text(text), mode="query")]


def contains_phrase(haystack: list[tuple[str, ...]], needle: list[frozenset[str]]) -> bool:
    """Whether `needle` occurs in `haystack` at consecutive positions (a phrase): each
    position holds one of the needle's words for it."""
    width = len(needle)
    last = len(haystack) - width
    first = needle[0]
    for at in range(last + 1):
        if first.isdisjoint(haystack[at]):
            continue
        for offset in range(1, width):
            if needle[offset].isdisjoint(haystack[at + offset]):
                break
        else:
            return True
    return False
