"""Where a search's words stand in an article's text, for the detail pane to mark.

A word is marked when the search would find it by that word: its index words (its
stem in the American spelling, a compound's joined form and parts) meet the typed
word's, so `organisation` marks "organization", `vaccine` "vaccinated" and `flood`
"flooding" (the old mark, any word starting with the typed letters, left the first
two unmarked and marked "floodgate"). A prefix marks the words whose index words
start with it, or that its endings reach (`organis*` marks "organization"). A word
of a name the article mentions is taken as written, as the index takes it: `harry`
marks Prince Harry, never Kamala Harris.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from newsdesk.search.cased import capitals_dotted, party_starts
from newsdesk.search.schema import fold_text
from newsdesk.search.spellings import two_letter_spelling, umlaut_spelling
from newsdesk.search.words import (
    PER_CENT,
    UNITS,
    name_units,
    prefix_form,
    query_words,
    unit_tokens,
)

#: Endings tried on a prefix to reach the stems of the words it starts (as the search's).
_ENDINGS = ("", "s", "e", "es", "ed", "ing", "ion", "ation", "er", "or", "al", "y", "ic")

Span = tuple[int, int]


class Highlighter:
    """The words of one query, ready to mark any number of texts."""

    def __init__(self, terms: Sequence[str], people: Sequence[str] = ()) -> None:
        self.kept = name_units(list(people))
        self.stems: set[str] = set()
        self.exact: set[str] = set()
        self.prefixes: list[str] = []
        self.plain: list[str] = []  # folded words, for scripts without spaces
        for term in terms:
            if term.endswith("*"):
                self._prefix(term.rstrip("*"))
            else:
                self._words(term)
        self._seen: dict[str, bool] = {}

    def _words(self, term: str) -> None:
        folded = fold_text(term)
        texts = [folded]
        for unit in UNITS.findall(folded):
            # The search's other German spellings ("münchen" finds "Muenchen").
            other = two_letter_spelling(unit) or umlaut_spelling(unit)
            if other is not None:
                texts.append(fold_text(other))
        for text in texts:
            for stemmed, exact in query_words(text):
                self.stems.add(stemmed)
                self.exact.add(exact or stemmed)
            self.plain += [w for w in text.split() if w]

    def _prefix(self, typed: str) -> None:
        units = UNITS.findall(fold_text(typed))
        if not units:
            return
        raw = units[-1].translate(str.maketrans("", "", "-'’\u2010\u2011"))
        self.prefixes += list(dict.fromkeys((raw, prefix_form(raw))))
        for ending in _ENDINGS:
            for stemmed, _exact in query_words(raw + ending):
                if len(stemmed) >= 3:
                    self.stems.add(stemmed)

    def empty(self) -> bool:
        return not (self.stems or self.prefixes)

    def marks(self, unit: str) -> bool:
        """Whether a word (as the text writes it) is one the query finds."""
        found = self._seen.get(unit)
        if found is None:
            found = self._marks(unit)
            self._seen[unit] = found
        return found

    def _marks(self, unit: str) -> bool:
        if unit.isascii() and unit.isalnum() and unit[0].isalpha() and not unit.isupper():
            # Most words of a text: folded and one unit as they are (a list draws a
            # screen of new headlines at once).
            folded = unit.lower()
            parts = [folded]
        else:
            # "US" is "U.S" to the index (`search.cased`).
            folded = fold_text(capitals_dotted(unit) if unit.isupper() else unit)
            parts = UNITS.findall(folded)
        if len(parts) != 1:
            # Han, kana and Hangul: each character is a word; the typed run is looked for.
            return any(w in folded for w in self.plain)
        word = parts[0]
        return self._word_marks(word, word in self.kept)

    def _word_marks(self, word: str, kept: bool) -> bool:
        tokens: tuple[str, ...]
        if kept:
            tokens = unit_tokens(word, kept=True)
            if not self.exact.isdisjoint(tokens):
                return True
        else:
            tokens = unit_tokens(word)
            if not self.stems.isdisjoint(tokens):
                return True
        return any(t.startswith(p) for t in tokens for p in self.prefixes)

    def spans(self, text: str) -> list[Span]:
        """The (start, end) of each marked word of `text`, in order."""
        if self.empty():
            return []
        party = party_starts(text)
        out = [
            m.span()
            for m in UNITS.finditer(text)
            if (
                self._word_marks(fold_text(m.group()), True)
                if party and m.start() in party
                else self.marks(m.group())
            )
        ]
        if "%" in self.stems and "cent" in text.lower():
            # "per cent" is "percent" to the index: both its words are the match.
            out = sorted({*out, *_per_cent_spans(text)})
        return out


def _per_cent_spans(text: str) -> list[Span]:
    out: list[Span] = []
    for found in PER_CENT.finditer(text):
        start, end = found.span()
        out += [(start, start + 3), (end - 4, end)]
    return out


def highlighter(terms: Sequence[str], people: Sequence[str] = ()) -> Callable[[str], list[Span]]:
    """A function giving the spans of `terms` in a text (see `Highlighter`); `people`
    are the names the article mentions, whose words are taken as written."""
    return _highlighter(tuple(terms), tuple(people)).spans


@lru_cache(maxsize=32)
def _highlighter(terms: tuple[str, ...], people: tuple[str, ...]) -> Highlighter:
    # Kept: the pane draws an article again on every refresh and cursor return, and a
    # new Highlighter analysed each of a long body's words again (its cache went with it).
    return Highlighter(terms, people)
