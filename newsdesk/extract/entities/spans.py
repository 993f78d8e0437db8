"""Runs of capitalised words ("spans") and the tests on their words that classifying needs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.extract.data.common_words import CALENDAR, COMMON_WORDS
from newsdesk.extract.data.cues import (
    ORG_HEADS,
    PLACE_HEADS,
)
from newsdesk.extract.data.demonyms import DEMONYMS, MULTI_DEMONYMS
from newsdesk.extract.data.entity_words import (
    CONNECTORS,
    SURNAME_HEADS,
)
from newsdesk.extract.data.given_names import (
    GIVEN_NAMES,
)
from newsdesk.extract.data.titles import (
    TITLE_WORDS,
)
from newsdesk.extract.entities.tokens import (
    SPACES,
    Token,
    joined,
)

#: Longest run of capitalised words taken as one name; longer runs are split.
MAX_SPAN_TOKENS = 10
#: Units of an organisation that are named by a number ("Teamsters Local 727", "Lodge 7").
NUMBERED_UNITS = frozenset(["Local", "Lodge"])


def spans(text: str, tokens: list[Token], skip: set[int]) -> list[tuple[int, int]]:
    """Maximal runs [i, j) of capitalised tokens, connectors allowed inside."""
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        token = tokens[i]
        if (
            not (token.cap or token.allcaps)  # most words: tested first, the cheapest test
            or i in skip
            or text[token.start - 1 : token.start] in ("@", "#")  # handles and hashtags
        ):
            i += 1
            continue
        j = i + 1
        last_cap = i
        while j < n and j - i < MAX_SPAN_TOKENS and j not in skip:
            prev = tokens[j - 1]
            cur = tokens[j]
            if prev.possessive or not joined(text, prev, cur):
                break
            if cur.cap or cur.allcaps:
                if cur.starts_sentence and not prev.text.endswith("."):
                    break
                if _ADJECTIVE_COMPOUND.match(cur.text):
                    # "Grace Otieno of Nairobi-based research firm ...": a place made an
                    # adjective ends the name (the run was taken for one name, and dropped).
                    break
                last_cap = j
                j += 1
                continue
            word = cur.text
            if prev.text in NUMBERED_UNITS and word.isdigit() and len(word) <= 5:
                # A union local's or a lodge's number is part of its name ("... Local 77").
                last_cap = j
                j += 1
                continue
            if word in CONNECTORS and (word != "the" or tokens[j - 1].text in ("of", "for")):
                j += 1
                continue
            break
        if not _quoted_whole(text, token.start, tokens[last_cap].end):
            spans.append((i, last_cap + 1))
        i = last_cap + 1
    return spans


#: A capitalised word made an adjective by its last part ("Nairobi-based", "Saudi-led",
#: "London-born"). Only these endings: "Kim Jong-un", "Tsai Ing-wen" and "Jean-Pierre"
#: end in a lower-case part or a capital and are names.
_ADJECTIVE_COMPOUND = re.compile(
    r"^\w[\w.'’]*(?:-\w+)*-(?:based|born|bred|led|backed|owned|run|funded|made|style|"
    r"era|listed|registered|headquartered|linked|allied|aligned|controlled|dominated|"
    r"supported|sponsored|educated|trained|focused|centred|centered|wide|bound)$"
)

_OPENING_QUOTES = frozenset('“"«„‘')
_CLOSING_QUOTES = frozenset('”"»“’')


def _quoted_whole(text: str, start: int, end: int) -> bool:
    """The run is the whole of a quoted title ("“Mrs Maisel” actress"): a work's name,
    not a person's or a place's."""
    return (
        start > 0 and text[start - 1] in _OPENING_QUOTES and text[end : end + 1] in _CLOSING_QUOTES
    )


@dataclass
class Found:
    """A classified piece of a span: tokens [i, j) name `name` of `kind`.

    kind "alias" means a lone word to resolve against the full names later;
    kind "candidate" a multi-word name that is a person only if a later
    mention gives person evidence.
    """

    i: int
    j: int
    name: str
    kind: str
    evidence: bool = False
    #: The name without a sentence-initial first word that may not belong to it
    #: ("Unpredictable Sondland"): used when that shorter form is known.
    rest: str | None = None
    #: Its context reads as a place ("near Dalmally", "the Ayrshire coast"): a name
    #: nothing else claims is then a place, not dropped.
    place_cue: bool = False


def surface(text: str, tokens: list[Token], i: int, j: int) -> str:
    piece = text[tokens[i].start : tokens[j - 1].end]
    if j - i == 1:
        return piece  # a word holds no spaces to fold: no regex call
    return SPACES.sub(" ", piece)


#: `is_namelike` of each word met, once per distinct word in the process: the answer reads
#: the word and its shape, and a word's shape is its text's (`tokens.make_token`).
_NAMELIKE: dict[str, bool] = {}
_NAMELIKE_MAX = 200_000


def is_namelike(token: Token) -> bool:
    """The token may be part of a person's name: capitalised, and none of the words that
    head, lead or qualify other names (titles, demonyms, calendar and common words)."""
    word = token.text
    known = _NAMELIKE.get(word)
    if known is None:
        if len(_NAMELIKE) > _NAMELIKE_MAX:
            _NAMELIKE.clear()
        known = _NAMELIKE[word] = _namelike(token)
    return known


def _namelike(token: Token) -> bool:
    word = token.text
    return (
        token.cap
        and not token.allcaps
        and word not in ORG_HEADS
        and (word not in PLACE_HEADS or word in SURNAME_HEADS)
        and word not in TITLE_WORDS
        and word not in DEMONYMS
        and (word not in CALENDAR or word in GIVEN_NAMES)
        and (word.lower() not in COMMON_WORDS or word in GIVEN_NAMES)
        and not any(ch.isdigit() for ch in word)
        and not any(len(part) > 1 and part.isupper() for part in word.split("-")[1:])
    ) or (
        # Hyphenated given-name parts and initials: "Seong-deok", "J."
        token.cap and len(word) == 2 and word.endswith(".")
    )


def numbered_unit(words: list[str], i: int, j: int) -> bool:
    """words[i:j] name an organisation's numbered local or lodge ("Teamsters Local 727"),
    not a person's name run on to a number ("Ann Local 5 times")."""
    return (
        j - i >= 3
        and words[j - 1].isdigit()
        and words[j - 2] in NUMBERED_UNITS
        and words[i] not in GIVEN_NAMES
    )


def given_name_first(tokens: list[Token], i: int, j: int) -> bool:
    """ "April Ryan", "Jan Egeland": a month that is a given name before a surname."""
    return (
        j - i == 2
        and tokens[i].text in GIVEN_NAMES
        and is_namelike(tokens[i + 1])
        and not tokens[i].starts_sentence
    )


def all_demonyms(parts: list[str]) -> bool:
    """True when the words are adjectives of nationality only ("Native American")."""
    p = 0
    while p < len(parts):
        if tuple(parts[p : p + 2]) in MULTI_DEMONYMS:
            p += 2
        elif parts[p] in DEMONYMS:
            p += 1
        else:
            return False
    return bool(parts)


def strip_demonyms(words: list[str], i: int, j: int) -> int:
    """Index after any leading demonyms in words[i:j]."""
    while i < j:
        for size in (3, 2):
            if j - i > size and tuple(words[i : i + size]) in MULTI_DEMONYMS:
                i += size
                break
        else:
            if words[i] in DEMONYMS and j - i > 1:
                i += 1
                continue
            return i
    return i


def initials_of(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s\-]+", name) if part and part[0].isupper())
