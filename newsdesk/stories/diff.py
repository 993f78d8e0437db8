"""What one version of a story has that another lacks: quotes, names, figures.

An editor holding two outlets' takes on one event wants the difference, not
two full texts: the new quote, the new official, the updated death toll.
Matching is forgiving where outlets differ in form only: a quote trimmed or
paraphrased around its core still counts as shared, "Whitcomb" matches "Gov.
Dana Whitcomb", and "$4 million" matches "4 million dollars".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.model import Extracted
from newsdesk.stories.names import names_of
from newsdesk.stories.numbers import figures, is_telling
from newsdesk.stories.text import fold, words

#: Share of a quote's word trigrams the other text must contain for it to count as shared.
QUOTE_SHARED = 0.5

_QUOTED = re.compile(r"[“\"]([^”\"]{8,}?)[”\"]")


@dataclass
class Facts:
    """Facts of one version, as written in it."""

    quotes: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    #: Figures as written ("12,000", "3.5%", "$4 million").
    numbers: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.quotes or self.people or self.organizations or self.places or self.numbers)


@dataclass
class VersionDiff:
    """Facts found only in version a, and only in version b."""

    only_in_a: Facts
    only_in_b: Facts


def quotes_of(meta: Extracted) -> list[str]:
    """The extractor's quotes when present, else quoted passages of three words or more."""
    if meta.quotes:
        return [q.text for q in meta.quotes if q.text.strip()]
    found = [m.group(1).strip(" ,.") for m in _QUOTED.finditer(meta.body)]
    return [q for q in found if len(q.split()) >= 3]


def _trigrams(tokens: list[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def _quote_in(quote: str, other_tokens: list[str], other_grams: set[tuple[str, ...]]) -> bool:
    tokens = words(quote)
    if len(tokens) < 3:
        return bool(tokens) and all(t in other_tokens for t in tokens)
    grams = _trigrams(tokens)
    return len(grams & other_grams) / len(grams) >= QUOTE_SHARED


def _mentioned(name: str, other_words: str, person: bool, other_names: set[str]) -> bool:
    """True when the other version names it: among the names found in it (the
    extractor gives "UK" and "Britain" as "United Kingdom", a form neither text may
    spell out), or in its text (folded words, space-joined and padded), in full
    ("St. Austell" matches "St Austell") or by surname for people.
    """
    parts = words(name)
    if not parts:
        return True
    joined = " ".join(parts)
    if joined in other_names or f" {joined} " in other_words:
        return True
    return person and len(parts) > 1 and f" {parts[-1]} " in other_words


def _only_in(x: Extracted, y: Extracted) -> Facts:
    y_tokens = words(f"{y.title}\n{y.body}")
    y_text = f" {' '.join(y_tokens)} "
    y_grams = _trigrams(y_tokens)
    quotes = [q for q in quotes_of(x) if not _quote_in(q, y_tokens, y_grams)]
    names = names_of(x)
    y_names = names_of(y)
    other_names = {
        " ".join(words(n)) for n in (*y_names.people, *y_names.organizations, *y_names.places)
    }
    # The outlet's own name (in its dateline) is not a fact about the event.
    own = {fold(n) for n in (x.source, x.source_short) if n}
    y_keys = {f.key for f in figures(f"{y.title}\n{y.body}")}
    numbers: list[str] = []
    seen: set[str] = set()
    for fig in figures(f"{x.title}\n{x.body}"):
        if is_telling(fig) and fig.key not in y_keys and fig.key not in seen:
            seen.add(fig.key)
            numbers.append(fig.text)
    return Facts(
        quotes=quotes,
        people=[n for n in names.people if not _mentioned(n, y_text, True, other_names)],
        organizations=[
            n
            for n in names.organizations
            if fold(n) not in own and not _mentioned(n, y_text, False, other_names)
        ],
        places=[n for n in names.places if not _mentioned(n, y_text, False, other_names)],
        numbers=numbers,
    )


def compare(a: Extracted, b: Extracted) -> VersionDiff:
    """What `a` says that `b` does not, and the reverse."""
    return VersionDiff(only_in_a=_only_in(a, b), only_in_b=_only_in(b, a))
