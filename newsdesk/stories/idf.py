"""How telling a word is: an inverse document frequency from general word frequencies.

The TF-IDF feature (`score.tfidf`) weighs the headline and lede words two
articles share by how rare each word is in the language. The rarity comes
from `wordfreq`'s frequency lists (news, books, web, subtitles), not from the
queue itself: the same article gets the same weights whatever was imported
before it and in whatever order, and the store keeps no counts (nothing to
keep in step on a second backend). A word the list does not know (a rare
name, a place) gets the highest weight.

Each language's list is turned once into a table of its stored weights, kept
in the cache directory: one sorted array of 64-bit keys (a word's hash in the
high 56 bits, its weight in the low 8), mapped from the file, not read. The
list itself is a dict of 270,000-630,000 words that took each import worker
0.1-0.4 s of CPU and 30-70 MB to load per language (a German page in a
folder of page copies cost its worker both); the table costs a few
milliseconds and 2-5 MB of shared page cache. A word's weight is the same
either way.
"""

from __future__ import annotations

import io
import logging
import math
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from newsdesk.stories.minhash import stable_hash

log = logging.getLogger(__name__)

#: Languages with a frequency list here; anything else is weighed as English
#: (names and numbers, what rewrites share most, weigh the same anyway).
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")
#: The weight of a word the list does not know (about once in 100 million words).
UNKNOWN = math.log(1e8)
#: Weights are stored as whole tenths in one byte.
SCALE = 10.0
#: The table's format; a table of another version (or of another wordfreq) is rebuilt.
TABLE_VERSION = 1
#: A key without its weight's byte.
_HASH_BITS = 0xFFFFFFFFFFFFFF00

U64 = npt.NDArray[np.uint64]


def quantise(value: float) -> int:
    return max(1, min(255, round(value * SCALE)))


#: What a word the list does not know weighs, as stored.
UNKNOWN_STORED = quantise(UNKNOWN)


def language(code: str | None) -> str:
    lang = (code or "en").split("-")[0].split("_")[0].lower()
    return lang if lang in LANGUAGES else "en"


def _key(word: str) -> int:
    """The word's place in a table: its stable hash with the weight's byte cleared."""
    return stable_hash(word) & _HASH_BITS


def build_table(frequencies: dict[str, float]) -> U64:
    """The sorted keys of a frequency list, each with its word's stored weight."""
    keys = np.fromiter(
        (
            _key(word) | quantise(min(UNKNOWN, -math.log(freq)))
            for word, freq in frequencies.items()
            if freq > 0
        ),
        dtype=np.uint64,
        count=-1,
    )
    keys.sort()
    return keys


def _table_path(lang: str) -> Path | None:
    from importlib.metadata import PackageNotFoundError, version

    from newsdesk.paths import resolve

    try:
        made_from = version("wordfreq")  # another wordfreq, another table
        return resolve().cache_dir / "word-weights" / f"{lang}-v{TABLE_VERSION}-wf{made_from}.npy"
    except (PackageNotFoundError, OSError, ValueError):  # built in memory
        return None


@lru_cache(maxsize=len(LANGUAGES))
def table(lang: str) -> U64:
    """The language's table: mapped from the cache, else built (and kept there)."""
    path = _table_path(lang)
    if path is not None:
        try:
            keys = np.load(path, mmap_mode="r", allow_pickle=False)
            if keys.dtype == np.uint64 and keys.ndim == 1 and keys.size:
                return keys
        except (OSError, ValueError):
            pass  # missing or unreadable: built again below
    import wordfreq  # loads its lists on first use: a table is built once a machine

    keys = build_table(wordfreq.get_frequency_dict(lang))
    if path is not None:
        _keep(path, keys)
    return keys


def _keep(path: Path, keys: U64) -> None:
    """Write the table for the next process; a cache that cannot be written costs only time."""
    from newsdesk.atomic import atomic_write_bytes

    out = io.BytesIO()
    np.save(out, keys, allow_pickle=False)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, out.getvalue())
    except OSError as exc:
        log.info("word weights for %s not cached: %s", path.name, exc)


def _lookup(keys: U64, word: str) -> int | None:
    target = _key(word)
    # The method, not np.searchsorted (3x its cost in dispatch), with a numpy needle
    # (a Python int above 2**63 would turn the whole table into objects); `item`
    # reads a Python int without a numpy scalar, from a mapped table too.
    i = int(keys.searchsorted(np.uint64(target)))
    if i < keys.size:
        found: int = keys.item(i)
        if found & _HASH_BITS == target:
            return found & 0xFF
    return None


@lru_cache(maxsize=1 << 16)
def stored_weight(word: str, stemmed: str, lang: str = "en") -> int:
    """log(1 / frequency) of a folded word (its stemmed form as a fallback), in whole
    tenths (`quantise`); a word the list does not know weighs `UNKNOWN`. Cached: a
    lede's words are mostly common ones."""
    keys = table(lang)
    found = _lookup(keys, word)
    if found is None and stemmed != word:
        found = _lookup(keys, stemmed)
    return UNKNOWN_STORED if found is None else found
