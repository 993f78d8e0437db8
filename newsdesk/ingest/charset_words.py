"""Which single-byte Latin charset a text is in, told by the accented words it then spells.

charset-normalizer's guess between Windows-1252 (Western Europe) and
Windows-1250 (Central Europe) is often wrong on short news copy: a French
Latin-1 page came back as "naďve ... trčs", a Polish Windows-1250 one as
"powiedzia³ w œrodê". Both readings are valid byte for byte, so only the
words can tell them apart. This module reads the text in each candidate
charset and keeps the one whose accented words a dictionary knows best
(wordfreq's small lists of the languages written in Latin script).

Only text that is neither UTF-8 nor declares its charset gets here, so the
words are loaded (about 0.2 s, once a process) only when needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

#: wordfreq's languages written in the Latin script that legacy code pages serve.
LATIN_LANGUAGES = [
    "ca",
    "cs",
    "da",
    "de",
    "en",
    "es",
    "fi",
    "fr",
    "hu",
    "id",
    "is",
    "it",
    "lt",
    "lv",
    "ms",
    "nb",
    "nl",
    "pl",
    "pt",
    "ro",
    "sh",
    "sk",
    "sl",
    "sv",
    "tr",
    "vi",
]
#: The most frequent words of each list that are looked at (the accented words
#: of everyday copy are among them; the rest would only cost memory).
TOP_WORDS = 25_000
#: Characters of the text whose words are compared (a long file says it early).
SAMPLE_CHARS = 200_000

#: Single-byte codecs (as charset-normalizer names them) the choice is made among.
LATIN_SINGLE_BYTE = frozenset(
    {
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_latin2",
        "mac_roman",
        "mac_iceland",
        "mac_turkish",
        # DOS code pages, which the detector offers for short Western copy.
        "cp437",
        "cp775",
        "cp850",
        "cp852",
        "cp857",
        "cp858",
        "cp865",
    }
)
#: Always weighed beside the detector's guess: Western, Central, Turkish, Western with
#: the euro sign (ISO 8859-15), Baltic. The detector rarely offers the last three.
ALSO_TRIED = ("cp1252", "cp1250", "cp1254", "iso8859_15", "cp1257")

#: Words of two letters or more (a lone "Ł" or "é" tells nothing).
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def accented_words() -> npt.NDArray[np.int64]:
    """The sorted hashes of every word with a letter outside ASCII among each Latin-script
    list's top words (this process's `hash`: 1.3 MB where the words would take 30)."""
    import numpy as np
    from wordfreq import available_languages, read_cBpack

    paths = available_languages("small")
    words: set[str] = set()
    for language in LATIN_LANGUAGES:
        path = paths.get(language)
        if path is None:
            continue
        seen = 0
        for bucket in read_cBpack(path):
            words.update(word for word in bucket if not word.isascii())
            seen += len(bucket)
            if seen >= TOP_WORDS:
                break
    return np.unique(np.fromiter((hash(w) for w in words), dtype=np.int64, count=len(words)))


def known_words(text: str) -> tuple[int, int]:
    """How many of the text's distinct accented words the dictionary knows, of how many."""
    import numpy as np

    found = {
        w.lower() for w in _WORD.findall(text[:SAMPLE_CHARS]) if not w.isascii() and w.isalpha()
    }
    if not found:
        return 0, 0
    table = accented_words()
    keys = np.fromiter((hash(w) for w in found), dtype=np.int64, count=len(found))
    at = np.minimum(np.searchsorted(table, keys), len(table) - 1)
    return int(np.count_nonzero(table[at] == keys)), len(found)


def candidates(detected: str | None, data: bytes) -> list[str]:
    """The charsets to weigh, in the order that wins ties.

    Windows-1252 first, the most common legacy charset of news copy (on equal word
    counts the differing bytes are symbols and names: "£5" rather than "Ł5"). A guess
    in another script (Cyrillic, Greek, CJK) comes first instead: its words are not
    in these lists, so a Latin reading must show real words to replace it. Unless
    nearly every byte is ASCII: the detector calls English copy with one "©" Shift-JIS.
    """
    guess = [detected.lower()] if detected else []
    if guess and guess[0] not in LATIN_SINGLE_BYTE and not _nearly_ascii(data):
        return list(dict.fromkeys([*guess, *ALSO_TRIED]))
    return list(dict.fromkeys([ALSO_TRIED[0], *guess, *ALSO_TRIED[1:]]))


#: Share of bytes above 127 below which text is taken for a Latin language whatever the
#: detector says (a page in a non-Latin script has them in every word).
NEARLY_ASCII = 0.01
_C1 = re.compile("[\x80-\x9f]")
_HIGH_BYTES = re.compile(rb"[\x80-\xff]")


def _nearly_ascii(data: bytes) -> bool:
    sample = data[: SAMPLE_CHARS * 2]
    return len(_HIGH_BYTES.findall(sample)) < NEARLY_ASCII * len(sample)


def best_reading(data: bytes, charsets: Sequence[str]) -> tuple[str, str] | None:
    """(text, charset) of the reading whose accented words are best known; None if none decodes.

    A reading wins by its known accented words less its unknown ones (garbled words
    are unknown: a reading that makes them out of curly quotes loses); on equal
    scores the earlier charset does.
    Against a first charset outside `LATIN_SINGLE_BYTE` a reading must also know half
    its accented words (one at least): a few garbled words of Japanese read as Latin may
    be real.
    """
    best: tuple[int, str, str] | None = None
    for charset in charsets:
        try:
            text = data.decode(charset)
        except (UnicodeDecodeError, LookupError):
            continue
        if _C1.search(text):
            continue  # ISO 8859 reads Windows punctuation as C1 controls, never text
        known, found = known_words(text)
        if (
            best is not None
            and best[2] not in LATIN_SINGLE_BYTE
            and (not known or known * 2 < found)
        ):
            continue
        score = known - (found - known)
        if best is None or score > best[0]:
            best = (score, text, charset)
    return None if best is None else (best[1], best[2])
