"""How telling a word is: an inverse document frequency from general word frequencies.

The TF-IDF feature (`score.tfidf`) weighs the headline and lede words two
articles share by how rare each word is in the language. The rarity comes
from `wordfreq`'s frequency lists (news, books, web, subtitles), not from the
queue itself: the same article gets the same weights whatever was imported
before it and in whatever order, and the store keeps no counts (nothing to
keep in step on a second backend). A word the list does not know (a rare
name, a place) gets the highest weight.
"""

from __future__ import annotations

import math
from functools import lru_cache

#: Languages with a frequency list here; anything else is weighed as English
#: (names and numbers, what rewrites share most, weigh the same anyway).
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
#: The weight of a word the list does not know (about once in 100 million words).
UNKNOWN = math.log(1e8)
#: Weights are stored as whole tenths in one byte.
SCALE = 10.0


@lru_cache(maxsize=len(LANGUAGES))
def _frequencies(lang: str) -> dict[str, float]:
    import wordfreq  # loads its lists on first use: import workers pay it once

    return wordfreq.get_frequency_dict(lang)


def language(code: str | None) -> str:
    lang = (code or "en").split("-")[0].split("_")[0].lower()
    return lang if lang in LANGUAGES else "en"


def weight(word: str, stemmed: str, lang: str = "en") -> float:
    """log(1 / frequency) of a folded word (its stemmed form as a fallback)."""
    freqs = _frequencies(lang)
    freq = freqs.get(word) or freqs.get(stemmed)
    if not freq:
        return UNKNOWN
    return min(UNKNOWN, -math.log(freq))


@lru_cache(maxsize=1 << 16)
def stored_weight(word: str, stemmed: str, lang: str = "en") -> int:
    """`weight` as stored (`quantise`), cached: a lede's words are mostly common ones."""
    return quantise(weight(word, stemmed, lang))


def quantise(value: float) -> int:
    return max(1, min(255, round(value * SCALE)))
