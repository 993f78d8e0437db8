"""Word-level normalisation shared by signatures, names and diffs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated block."""
    return frozenset(text.split())


# Function words and reporting verbs: they carry style, not the event.
STOPWORDS: frozenset[str] = wordset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves said says say told according would could may might must
    shall us new one two three four five six seven eight nine ten last first next year years
    week day days month months time since still yet even though whether around many much
    don't doesn't didn't isn't aren't wasn't weren't won't wouldn't can't couldn't shouldn't
    haven't hasn't hadn't i'm i've i'll i'd we're we've we'll we'd you're you've you'll you'd
    they're they've they'll they'd he'd he'll she'd she'll it'll that'll there'll
    """
)

# Capitalised words that are not names: calendar words, titles, sentence openers.
NOT_NAMES: frozenset[str] = wordset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december mr mrs ms dr gov sen rep
    governor senator president mayor sheriff chief justice judge minister ceo cfo coach
    director spokesperson spokesman spokeswoman officials police the a an in on at by for
    but and or if as it its this that these those he she they we i his her their our there
    here when while after before during since about some many most all no not one two
    three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty hundred thousand dozens
    first second third fourth fifth last next north south east west northern southern eastern western
    """
)

#: A word: starts and ends with a letter or digit; may hold ' ’ . - _ inside ("U.S",
#: "Ruiz-Vance"). Written as letter-or-digit runs joined by those marks, with a
#: possessive `*+`: the same matches as `[^\W_](?:[\w'’.\-]*[^\W_])?`, without
#: backtracking off the end of every word (tokenising 40 % faster).
WORD = r"[^\W_]+(?:[_'’.\-]+[^\W_]+)*+"
_WORD = re.compile(WORD)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefold and strip accents so "Érika" and "Erika" compare equal.

    Cached: it is called once per word and most words recur.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Typographic apostrophes, read as the straight one. Outlets type one name both ways
#: ("O’Brien", "O'Brien"), and as written they were two words that never matched; the
#: word lists hold the straight form, so a curly "don’t" weighed as the rarest of words.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def nfkc(text: str) -> str:
    """The text in NFKC form, typographic apostrophes straightened (`_APOSTROPHES`)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)


def strip_possessive(word: str) -> str:
    """ "Whitcomb's" -> "Whitcomb" (a word never ends in punctuation, see WORD)."""
    if word.endswith(("'s", "’s")) and len(word) > 2:
        return word[:-2]
    return word


def raw_words(text: str) -> list[str]:
    """Words as written (case kept, apostrophes straightened), possessive endings removed."""
    text = nfkc(text)
    found = _WORD.findall(text)
    if "'" not in text:
        return found  # no word can hold an apostrophe: no pass over the words
    return [strip_possessive(w) if "'" in w else w for w in found]


def words(text: str) -> list[str]:
    """Folded words, in order."""
    return [fold(w) for w in raw_words(text)]


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A deliberately light stem (plural -s only): rewrites keep most word forms.

    Cached like `fold`: a signature stems ~400 words, most of them common.
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    """Folded, lightly stemmed words minus stopwords and bare numbers."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and not w[0].isdigit()]


#: Lines shorter than this are menus, bylines, captions, share buttons: not prose.
PROSE_MIN_WORDS = 8


@lru_cache(maxsize=2)  # a signature and its names read the same body's prose
def prose(text: str) -> str:
    """The lines of `text` long enough to be sentences.

    Bodies are cleaned by extraction, but site furniture ("Videos",
    "Newsletters", "Share on Facebook") sometimes survives; it is the same on
    every page of an outlet and would make unrelated pages look alike. When a
    text has no long line at all, all of it is kept.
    """
    # Split off at most PROSE_MIN_WORDS words (the rest stays one part): the same test
    # as counting every word of a long line, without a string made for each.
    most = PROSE_MIN_WORDS - 1
    lines = [line for line in text.splitlines() if len(line.split(None, most)) > most]
    return "\n".join(lines) if lines else text
