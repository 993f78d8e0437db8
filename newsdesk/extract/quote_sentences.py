"""Where a quote's sentences start, for reading its attribution: breaks after ". " or a line,
abbreviations ("Gen.", "U.S.") skipped; a scare quote inside a sentence; a reporting verb
that introduces a quote; a name inside a quote."""

from __future__ import annotations

import re
from bisect import bisect_right

from newsdesk.extract.entities import Mention
from newsdesk.extract.reporting_clause import INTRODUCED

_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)\]]*\s+|\n")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Jr|Sr|Prof|No|Co|Inc|Corp|U\.S|U\.N|E\.U))\.$"
)


def scare_quote(text: str, start: int, close: int) -> bool:
    """The quotation closing at `close` is a word or three ('called Omar a “terrorist”
    and said, “...”'): part of the sentence, not another speaker's quote."""
    opened = max(text.rfind("“", start, close), text.rfind('"', start, close))
    return opened >= 0 and len(text[opened + 1 : close].split()) <= 3


def sentence_breaks(text: str) -> list[int]:
    """Offsets where sentences start (after ". " or a newline), abbreviations skipped."""
    breaks: list[int] = []
    for match in _SENTENCE_BREAK.finditer(text):
        if match.group() != "\n":
            # No space in the window: from the window's start, not the text's (an
            # abbreviation, five characters at most, ends at the stop: the same answer).
            window = max(0, match.start() - 12)
            word_start = max(text.rfind(" ", window, match.start()) + 1, window)
            if _ABBREVIATION.search(text, word_start, match.start() + 1):
                continue
        breaks.append(match.end())
    return breaks


def within(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """The mention starts inside one of `spans` (sorted, apart): a name inside a quote."""
    k = bisect_right(spans, (m.start, 1 << 62)) - 1
    return k >= 0 and spans[k][0] <= m.start < spans[k][1]


def introduced(text: str, pos: int, endpos: int) -> bool:
    """`INTRODUCED.search(text, pos, endpos)`: a match ends in "," or ":" and spaces, so
    a window not ending so is not searched (the alternation of verbs is long)."""
    if not text[pos : max(0, endpos)].rstrip().endswith((",", ":")):
        return False
    return INTRODUCED.search(text, pos, endpos) is not None
