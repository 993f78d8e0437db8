"""Absurdly long tokens shortened before extraction, so their paragraphs are kept.

A paragraph holding one run of 50,000 letters (a pasted hash, a base64 image, a key held
down) read as no prose at all, and the extractor dropped it whole, real sentence and all,
without a word. No word of a language written with spaces runs to hundreds of
characters (German compounds stay under 80), so such a token is cut to its start with an
ellipsis, and the import's warnings say so. Scripts written without spaces (Chinese,
Japanese, Thai...) make whole sentences one "token" and are left alone, and so are
rules drawn with punctuation (`_____`) and URLs up to a length real links reach.
"""

from __future__ import annotations

import re

from newsdesk.counting import counted

#: A token longer than this is no word.
LONG_TOKEN = 200
#: ... unless it is a link, which may run this long (tracking parameters).
LONG_URL = 2000
#: How much of a shortened token is kept, before its ellipsis.
KEPT_CHARS = 40
_TOKEN = re.compile(rf"\S{{{LONG_TOKEN + 1},}}")
#: Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK,
#: Hangul, CJK compatibility and full-width forms.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3000-\u30ff\u3400-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
)
_URL = re.compile(r"(?i)^\W*(?:[a-z][a-z0-9+.-]*://|www\.)")
#: The non-space characters from a position on (`\S` as in `_TOKEN`).
_RUN = re.compile(r"\S*")


def has_long_token(text: str) -> bool:
    """`_TOKEN.search(text) is not None`, in a sixth to a tenth of its instructions.

    The search tried `_TOKEN` at every position, each attempt reading on to the end of
    its word: 0.92 M instructions a 3,500-character feed item (5 % of its extraction),
    3.3 M a real page copy; this takes 0.14 M and 0.36 M.
    A run of more than `LONG_TOKEN` non-space characters holds a multiple of
    `LONG_TOKEN + 1`, so only the runs through those offsets are measured, forwards in
    the text and backwards in its mirror image.
    """
    step = LONG_TOKEN + 1
    if len(text) < step:
        return False
    run = _RUN.match
    last = len(text) - 1
    mirror = ""
    for at in range(0, len(text), step):
        end = run(text, at).end()  # type: ignore[union-attr]  # `\S*` matches anywhere
        if end == at:
            continue  # a space here
        if end - at >= step:
            return True
        if not mirror:
            mirror = text[::-1]
        back = last - at  # `at` in the mirror image; its run there reaches back from `at`
        if end - at + run(mirror, back).end() - back - 1 >= step:  # type: ignore[union-attr]
            return True
    return False


def _absurd(token: str) -> bool:
    if _UNSPACED.search(token):
        return False
    if sum(c.isalnum() for c in token) * 2 < len(token):
        return False  # a rule of underscores or dashes: a separator the extractor reads
    return not (_URL.match(token) and len(token) <= LONG_URL)


def shorten_long_tokens(text: str, warnings: list[str]) -> str:
    """`text` with each absurdly long token cut to its first `KEPT_CHARS` characters and
    an ellipsis; one warning says how many were cut and how long the longest was."""
    if not has_long_token(text):
        return text  # most texts: nothing to cut
    longest = 0
    cut = 0

    def shorten(match: re.Match[str]) -> str:
        nonlocal longest, cut
        token = match[0]
        if not _absurd(token):
            return token
        cut += 1
        longest = max(longest, len(token))
        return token[:KEPT_CHARS] + "…"

    shortened = _TOKEN.sub(shorten, text)
    if cut:
        warnings.append(
            f"{counted(cut, 'token')} longer than {LONG_TOKEN} characters (the longest "
            f"{longest:,}) shortened to {KEPT_CHARS} characters and an ellipsis"
        )
    return shortened
