"""Speed-ups must not change output: each fast path against the plain version it replaced."""

from __future__ import annotations

import hashlib
import random
import unicodedata
from typing import Any

import numpy as np
import pytest

from newsdesk.ingest.decode import _NOT_COUNTED, _control_ratio
from newsdesk.sanitize import _ANSI, clean_text
from newsdesk.stories import minhash

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
#: Characters the cleaners treat specially, mixed into random text so every branch runs.
_SPECIAL = "\x00\x07\x08\t\n\x0b\x0c\r\x1b\x1f\x7f\x85\x9b\x9c\x9d\u200f" + _BIDI + "[]31m;\\"


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


def _clean_text_reference(text: str, keep_newlines: bool) -> str:
    """The cleaner as it was: line endings, escapes, bidi table, then controls."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ANSI.sub("", text)
    text = text.translate(dict.fromkeys(map(ord, _BIDI)))
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
