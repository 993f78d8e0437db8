"""Named things in an article: from the extractor when it filled them, else a heuristic.

The heuristic (capitalised runs that never occur in lower case elsewhere in
the same text) stands in when `Extracted.people/organizations/places` are
empty; the diff also uses it to sort names into people, organisations and
places by simple cues.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import is_not, itemgetter

from newsdesk.model import Extracted
from newsdesk.stories import token_scan
from newsdesk.stories.text import NOT_NAMES, STOPWORDS, fold, prose, raw_words, wordset
from newsdesk.stories.token_scan import CONNECTOR, CONNECTORS, NAME, NOT_NAME, Words

# Words that mark a capitalised run as an organisation.
_ORG_WORDS: frozenset[str] = wordset(
    """
    agency airline airlines association authority bank board bureau capital center centre
    college commission committee company corp corporation council court department farms
    federation foods fund group health hospital inc institute intelligence league ltd
    ministry motors news office partners party police press securities service services
    society software union university wire analytics logistics alliance athletic club
    cross guard school ledger herald times journal post tribune gazette courier daily
    report review echo institute brigade army navy force forces administration
    """
)
# Words that mark a run as a place.
_PLACE_WORDS: frozenset[str] = wordset(
    """
    river creek county province street avenue road highway lake mountain valley bay city
    falls harbor harbour island park square stadium airport bridge
    """
)
# Words placed before a person's name.
_PERSON_TITLES: frozenset[str] = wordset(
    """
    mr mrs ms dr gov governor sen senator rep president mayor sheriff chief justice judge
    minister ceo coach director spokesperson spokesman spokeswoman father nurse officer
    chairman chairwoman lawyer attorney
    """
)
_PLACE_CUES: frozenset[str] = frozenset({"in", "near", "from", "outside", "across", "to"})

#: A name run over the tokens' kinds (`token_scan`): a name, then names, or a connector
#: and any capitalised word ("Bank of Estmark"; "Department of the" does not go on).
_RUN = re.compile(f"{NAME}(?:{NAME}|{CONNECTOR}[{NAME}{NOT_NAME}])*")


@dataclass
class Names:
    """Names found in one text, sorted by kind."""

    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.people, *self.organizations, *self.places]


def capitalised_runs(text: str) -> list[tuple[str, str | None]]:
    """Runs of capitalised words, each with the folded word before it (or None).

    A single capitalised word is dropped when the same word appears in lower
    case elsewhere: then it is a common word opening a sentence.

    One flat list of tokens, breaks as empty strings, with a kind letter each
    (`token_scan`, which reads each distinct chunk and token once per process);
    the runs are matches of `_RUN` over the letters.
    """
    return _runs_and_words(text, False)[0]


def _runs_and_words(text: str, want_words: bool) -> tuple[list[tuple[str, str | None]], Words]:
    """`capitalised_runs`, and with `want_words` also `text.raw_words(text)` when it
    falls out of the same scan (else None: the caller tokenises again).

    The scan's words are raw_words' unless an abbreviation's removed full stop
    stood before a character that can go on a word ("Gov.X", "St.-Louis").
    """
    # Every token is read and classed once per process (`token_scan`), and the runs
    # are found by a pattern over one letter a token, in C: most tokens are lower
    # case, and most recur.
    tokens, kinds, words = token_scan.scan(text, want_words)
    runs: list[tuple[str, str | None]] = []
    seen: set[str] | None = None  # the text's words, for the single-word check
    for run in _RUN.finditer(kinds):
        start, end = run.span()
        if end - start == 1:
            name = tokens[start]
            # A single word that also appears in lower case is a common word
            # opening a sentence.
            lower = name.lower()
            if lower[:1].islower():
                if seen is None:
                    seen = set(tokens)
                if lower in seen:
                    continue
            if fold(name) in STOPWORDS:
                continue
        else:
            name = " ".join(tokens[start:end])
        before = tokens[start - 1] if start > 0 else ""
        runs.append((name, fold(before) if before else None))
    return runs, words


def name_runs(
    text: str, exclude: tuple[str, ...] = (), lang: str | None = None
) -> list[tuple[str, str | None]]:
    """`capitalised_runs` minus lone words seen only at the start of sentences.

    "Staff at the hospital..." opens a sentence with a common word; "Aerovia
    said" does too, but "Aerovia" also appears mid-sentence, so it stays. Exact
    occurrences of the phrases in `exclude` (the outlet's own name in a
    dateline) are removed first. With `lang`, a lone word that only ever opens
    sentences stays when the language's word list finds it rare (`RARE_NAME`):
    short wire items open every sentence with their subject ("Quillon said ...",
    "Quillon's chief ..."), and a common word there ("Residents") is no name.
    """
    return _name_runs(text, exclude, lang, False)[0]


def _name_runs(
    text: str, exclude: tuple[str, ...], lang: str | None, want_words: bool
) -> tuple[list[tuple[str, str | None]], Words]:
    """`name_runs`, with the text's words as `_runs_and_words` gives them (None when
    an outlet's name was taken out: the words scanned are not the text's then)."""
    for phrase in exclude:
        if phrase and phrase in text:
            text = text.replace(phrase, " ")
            want_words = False
    runs, words = _runs_and_words(text, want_words)
    # Each run's name folded once (a name recurs), in C.
    folded = list(map(fold, map(_NAME_OF, runs)))
    mid_sentence = set(compress(folded, map(is_not, map(_BEFORE, runs), repeat(None))))
    in_longer = {
        w for (name, _), key in zip(runs, folded, strict=True) if " " in name for w in key.split()
    }
    kept = [
        run
        for run, key in zip(runs, folded, strict=True)
        if " " in run[0]
        or key in mid_sentence
        or key in in_longer
        or (lang is not None and _rare_word(key, lang))
    ]
    return kept, words


_NAME_OF, _BEFORE = itemgetter(0), itemgetter(1)


#: How rare (log of 1 / frequency, in the stored tenths of `idf`) a word must be for a
#: lone capitalised one opening sentences to count as a name: rarer than about one
#: in 30 million words ("Quillon", "Aerolux"; not "Residents", "Meanwhile").
RARE_NAME = 172


def _rare_word(folded: str, lang: str) -> bool:
    from newsdesk.stories import idf

    return len(folded) > 2 and idf.stored_weight(folded, folded, idf.language(lang)) >= RARE_NAME


def _kind(name: str, befores: list[str | None]) -> str:
    folded = [fold(w) for w in name.split()]
    if any(w in _ORG_WORDS for w in folded) or (name.isupper() and len(name) > 1):
        return "org"
    if folded[-1] in _PLACE_WORDS or any(b in _PLACE_CUES for b in befores):
        return "place"
    if any(b in _PERSON_TITLES for b in befores) or len(folded) >= 2:
        return "person"
    return "place"


_TITLE_WORDS = _PERSON_TITLES | wordset("city state county deputy acting vice former attorney")


def _strip_titles(name: str) -> str:
    """ "City Attorney Neil Vasquez" -> "Neil Vasquez"; a name is never stripped bare."""
    parts = name.split()
    while len(parts) > 2 and fold(parts[0]) in _TITLE_WORDS:
        parts = parts[1:]
    return " ".join(parts)


def heuristic_names(text: str, exclude: tuple[str, ...] = ()) -> Names:
    """Sort capitalised runs into people, organisations and places, first seen first.

    A lone capitalised word seen only at the start of sentences ("Crews said")
    is dropped; every occurrence of a name votes on its kind ("in Ashgrove").
    """
    order: list[str] = []
    spelled: dict[str, str] = {}
    befores: dict[str, list[str | None]] = {}
    for name, before in name_runs(text, exclude):
        key = fold(name)
        if key not in befores:
            order.append(key)
            spelled[key] = name
            befores[key] = []
        befores[key].append(before)
    in_longer = {w for key in order if " " in key for w in key.split()}
    names = Names()
    for key in order:
        name = spelled[key]
        kind = _kind(name, befores[key])
        if kind == "person":
            name = _strip_titles(name)
        target = {"org": names.organizations, "place": names.places}.get(kind, names.people)
        target.append(name)
    # A lone surname ("Whitcomb") already covered by a full name is not a new name.
    names.places = [p for p in names.places if " " in p or fold(p) not in in_longer]
    names.people = [p for p in names.people if " " in p or fold(p) not in in_longer]
    return names


def names_of(meta: Extracted) -> Names:
    """The extractor's entities when present, else the heuristic over title and body."""
    if meta.people or meta.organizations or meta.places:
        return Names(list(meta.people), list(meta.organizations), list(meta.places))
    outlet = tuple(p for p in (meta.source, meta.source_short) if p)
    return heuristic_names(f"{meta.title}\n{meta.body}", outlet)


# Words that recur inside many unrelated names ("National", "County", "Bank"):
# they would make two floods in one state look alike, so they carry no weight.
GENERIC_NAME_WORDS: frozenset[str] = (
    _ORG_WORDS
    | _PLACE_WORDS
    | wordset(
        """
        national federal state general international united american regional central
        high new great royal public
        """
    )
)


def name_mentions(meta: Extracted) -> Counter[str]:
    """Folded name tokens with how often they are mentioned (`mentions_and_words`)."""
    return mentions_and_words(meta)[0]


def mentions_and_words(meta: Extracted) -> tuple[Counter[str], Words]:
    """Folded name tokens with how often they are mentioned, minus the outlet's own name.

    Tokens, not whole names: one outlet writes "Gov. Dana Whitcomb", another
    "Whitcomb"; both share "whitcomb". A headline in title case (`title_cased`)
    adds only names the prose has: its other capitalised words ("Signs",
    "Bill", "Sells") are not names. Hyphenated names split ("Chicago-to-
    Phoenix" gives "chicago" and "phoenix"). Counts come from the capitalised
    runs of the title and the body's prose lines (`text.prose`), so the story's protagonists weigh more than a
    passing reference to another event; the extractor's entities, when filled,
    add names the heuristic missed (once each).

    Second: `raw_words(prose(meta.body))` when the scan for names gave it (the
    signature reads the same words: one scan of the body, not two), else None.
    """
    outlet = tuple(p for p in (meta.source, meta.source_short) if p)
    lang = meta.language or "en"
    if title_cased(meta.title):
        # Every word of such a headline is capitalised: its words are names only
        # when the prose names them too ("Insider Cal Henderson Sells" gives "cal"
        # and "henderson" from the text, not "insider" and "sells").
        runs, words = _name_runs(prose(meta.body), outlet, lang, True)
        counts = _mentions(runs)
        for text, _ in capitalised_runs(meta.title):
            counts.update(t for t in _tokens(text) if t in counts)
    else:
        runs, words = _name_runs(f"{meta.title}\n{prose(meta.body)}", outlet, lang, True)
        counts = _mentions(runs)
        if words is not None:
            # No word spans the line break: the title's words come first, then the prose's.
            title_words = raw_words(meta.title)
            head = len(title_words)
            words = words[head:] if words[:head] == title_words else None
    for text in (*meta.people, *meta.organizations, *meta.places):
        for token in _tokens(text):
            counts.setdefault(token, 1)
    return counts, words


def _mentions(runs: list[tuple[str, str | None]]) -> Counter[str]:
    """The runs' name tokens (`_tokens`) with how often they are mentioned, first
    mentioned first: each distinct name's tokens counted once, times its mentions."""
    counts: dict[str, int] = {}
    for name, times in Counter(map(_NAME_OF, runs)).items():
        for token in _tokens(name):
            counts[token] = counts.get(token, 0) + times
    return Counter(counts)


#: A headline is in title case when at least this share of its words of four
#: letters or more start with a capital (and it has three such words).
TITLE_CASE_SHARE = 0.7


def title_cased(title: str) -> bool:
    """ "Slack Director Sells Shares in Stock" (most longer words capitalised), not
    "Director sells Slack shares" (sentence case, where capitals mark names)."""
    longer = [w for w in raw_words(title) if len(w) >= 4 and w[0].isalpha()]
    if len(longer) < 3:
        return False
    return sum(w[0].isupper() for w in longer) >= TITLE_CASE_SHARE * len(longer)


@lru_cache(maxsize=1 << 14)
def _tokens(name: str) -> tuple[str, ...]:
    """The name's tokens that count (`name_mentions`). Cached: a name recurs within
    an article and across articles."""
    out = []
    for word in raw_words(name):
        for part in word.split("-"):
            token = fold(part)
            if not part[:1].isupper() and not part[:1].isdigit():
                continue
            if token in NOT_NAMES or token in STOPWORDS or token in CONNECTORS:
                continue
            if token in GENERIC_NAME_WORDS or len(token) < 2 or token[0].isdigit():
                continue
            out.append(token)
    return tuple(out)
