"""Speed-ups must not change output: each fast path against the plain version it replaced."""

from __future__ import annotations

import random
import unicodedata

from newsdesk.ingest.decode import _NOT_COUNTED, _control_ratio
from newsdesk.sanitize import _ANSI, clean_text

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
