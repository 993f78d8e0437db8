"""Speed-ups must not change output: each fast path against the plain version it replaced."""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from typing import Any

import numpy as np
import pytest

from newsdesk.ingest.decode import _NOT_COUNTED, _control_ratio
from newsdesk.model import normalise_for_id
from newsdesk.sanitize import _ANSI, clean_text
from newsdesk.stories import minhash, names, token_scan
from newsdesk.stories.text import NOT_NAMES, STOPWORDS, WORD, fold, nfkc, strip_possessive

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Characters the cleaners treat specially, mixed into random text so every branch runs.
_SPECIAL = (
    "\x00\x07\x08\t\n\x0b\x0c\r\x1b\x1f\x7f\x85\x9b\x9c\x9d\u200f"
    + _BIDI
    + "[]31m;\\"
    + "\u00ad\u200b\u200c\u200d\u2060\ufeffab"
)


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        chars = []
        for _ in range(rng.randrange(0, 60)):
            roll = rng.random()
            if roll < 0.4:
                chars.append(rng.choice(_SPECIAL))
            elif roll < 0.8:
                chars.append(chr(rng.randrange(0x20, 0x250)))
            else:
                chars.append(chr(rng.randrange(0x250, 0x11000)))
        texts.append("".join(chars).encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    return texts


def _latin(ch: str) -> bool:
    return ("A" <= ch <= "Z") or ("a" <= ch <= "z") or ("\u00c0" <= ch <= "\u024f")


def _without_invisible(text: str) -> str:
    """Invisible characters inside words out (day 27), one character at a time."""
    kept = []
    for i, ch in enumerate(text):
        if ch in "\u00ad\u200b\u2060\ufeff\u180e":
            continue
        between = 0 < i < len(text) - 1 and _latin(text[i - 1]) and _latin(text[i + 1])
        if ch in "\u200c\u200d" and between:
            continue
        kept.append(ch)
    return "".join(kept)


def _clean_text_reference(text: str, keep_newlines: bool) -> str:
    """The cleaner as it was: invisible characters inside words out (day 27), line
    endings, escapes, bidi table, line-breaking controls as newlines (day 22), then
    controls."""
    if not text:
        return ""
    text = _without_invisible(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = text.translate(dict.fromkeys(map(ord, _BIDI)))
    text = text.translate(dict.fromkeys(map(ord, "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), "\n"))
    text = "".join(
        ch
        for ch in text
        if ch in "\t\n" or not (unicodedata.category(ch) == "Cc" or 0xD800 <= ord(ch) <= 0xDFFF)
    )
    if not keep_newlines:
        text = text.replace("\t", " ").replace("\n", " ")
    return text


def test_clean_text_matches_the_plain_cleaner() -> None:
    texts = [*_random_texts(3000, seed=19), "\x1b]0;title\x07body\u202e", "a\r\nb\rc", ""]
    for text in texts:
        for keep in (True, False):
            assert clean_text(text, keep_newlines=keep) == _clean_text_reference(text, keep), text


def test_control_ratio_matches_unicodedata() -> None:
    for text in _random_texts(3000, seed=20):
        if not text:
            continue
        controls = sum(
            1 for ch in text if ch not in _NOT_COUNTED and unicodedata.category(ch) == "Cc"
        )
        assert _control_ratio(text) == controls / len(text), text


def _band_keys_reference(sig: np.ndarray, rows: int, salt: str, bands: int | None) -> list[int]:
    """Band keys as first written: numpy per band."""
    keys = []
    empty = np.iinfo(sig.dtype).max
    limit = sig.size if bands is None else min(sig.size, bands * rows)
    for band, start in enumerate(range(0, limit - rows + 1, rows)):
        chunk = sig[start : start + rows]
        if bool((chunk == empty).all()):
            continue
        data = salt.encode("utf-8") + band.to_bytes(2, "little") + chunk.tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little") >> 1)
    return keys


@pytest.mark.parametrize("dtype", [np.uint16, np.uint32])
def test_band_keys_match_the_numpy_version(dtype: type[np.unsignedinteger[Any]]) -> None:
    rng = np.random.default_rng(19)
    top = np.iinfo(dtype).max
    for trial in range(200):
        sig = rng.integers(0, top, size=int(rng.integers(1, 70)), dtype=dtype, endpoint=True)
        sig[rng.random(sig.size) < 0.3] = top  # empty positions, whole empty bands too
        rows = int(rng.integers(1, 5))
        bands = None if trial % 2 else int(rng.integers(1, 12))
        assert minhash.band_keys(sig, rows, "sh", bands) == _band_keys_reference(
            sig, rows, "sh", bands
        )


#: `text.WORD` as first written (backtracks off the end of every word).
_WORD_REFERENCE = re.compile(r"[^\W_](?:[\w'’.\-]*[^\W_])?")
_NAME_BREAKS = re.compile(rf"({_WORD_REFERENCE.pattern})|[.,!?:;\"“”()\n—]")


def _capitalised_runs_reference(text: str) -> list[tuple[str, str | None]]:
    """`names.capitalised_runs` as first written: chunks between breaks, every token walked."""
    chunks: list[list[str]] = [[]]
    for word in _NAME_BREAKS.findall(token_scan.ABBREVIATION.sub(r"\1", nfkc(text))):
        if not word:
            if chunks[-1]:
                chunks.append([])
            continue
        if "'" in word or "’" in word:
            word = strip_possessive(word)
        if len(word) > 3 and word.isupper():
            word = word.title()
        chunks[-1].append(word)
    lower_seen = {w for chunk in chunks for w in chunk if w[:1].islower()}

    def is_cap(word: str) -> bool:
        return word[:1].isupper() and not word.isdigit()

    runs: list[tuple[str, str | None]] = []
    for tokens in chunks:
        i = 0
        while i < len(tokens):
            if not is_cap(tokens[i]) or fold(tokens[i]) in NOT_NAMES:
                i += 1
                continue
            start, j = i, i + 1
            while j < len(tokens):
                if is_cap(tokens[j]) and fold(tokens[j]) not in NOT_NAMES:
                    j += 1
                elif (
                    tokens[j] in token_scan.CONNECTORS
                    and j + 1 < len(tokens)
                    and is_cap(tokens[j + 1])
                ):
                    j += 2
                else:
                    break
            run = tokens[start:j]
            before = fold(tokens[start - 1]) if start > 0 else None
            i = j
            if len(run) == 1 and (run[0].lower() in lower_seen or fold(run[0]) in STOPWORDS):
                continue
            runs.append((" ".join(run), before))
    return runs


def _name_texts(count: int, seed: int) -> list[str]:
    """Texts made of the pieces names are read from: capitalised and shouted words,
    connectors, titles, possessives, breaks, digits, accents, other scripts."""
    rng = random.Random(seed)
    pieces = [
        "Dana", "WHITCOMB", "whitcomb", "Whitcomb's", "of", "de", "Bank", "the", "The",
        "Gov.", "Dr.", "St.", "Mr", "Monday", "said", "Crews", "crews", "U.S.", "FAA",
        "Ruiz-Vance", "O’Neil", "9AM", "2021", "Érika", "erika", "İstanbul", "ℂity",
        "naïve", "x_y", "a-", "-b", "'", "’s", ".", ",", "!", "?", ":", ";", '"', "“",
        "”", "(", ")", "\n", "—", "and", "van", "Van", "HARLOW", "BEND", "Ore.",
    ]  # fmt: skip
    texts = []
    for _ in range(count):
        parts = [rng.choice(pieces) for _ in range(rng.randrange(0, 40))]
        texts.append("".join(p + rng.choice(("", " ", " ", "  ")) for p in parts))
    return texts


def test_word_pattern_matches_the_backtracking_one() -> None:
    for text in [*_name_texts(2000, seed=21), *_random_texts(2000, seed=22)]:
        assert re.findall(WORD, text) == _WORD_REFERENCE.findall(text), text


def test_capitalised_runs_match_the_plain_version() -> None:
    for text in [*_name_texts(3000, seed=23), *_random_texts(1000, seed=24)]:
        assert names.capitalised_runs(text) == _capitalised_runs_reference(text), text


def _normalise_reference(text: str) -> str:
    """normalise_for_id as first written: punctuation, then runs of space, by re.sub."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def test_normalise_for_id_matches_the_two_substitutions() -> None:
    # Every code point between two letters, a block at a time.
    for block in range(0, 0x110000, 4096):
        text = "".join(f"a{chr(code)}B" for code in range(block, min(block + 4096, 0x110000)))
        assert normalise_for_id(text) == _normalise_reference(text), hex(block)
    rng = random.Random(23)
    alphabet = (
        "ab cD\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2009\u2028\u3000_-.,'\u2019e\u0301\xdf\u01c4\u2460"
    )
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 24)))
        assert normalise_for_id(text) == _normalise_reference(text), repr(text)
