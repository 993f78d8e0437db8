"""When two texts are one report told again (corrected, completed) rather than two
reports: the rule a feed's item under an old GUID and a watched file written again share."""

from __future__ import annotations

#: Share of the shorter text's words the other must hold for the two to be one report.
SAME_REPORT_WORDS = 0.5


def shares_most_words(old: str, new: str) -> bool:
    """Whether `new` holds much of `old`'s words or `old` much of `new`'s (content words:
    folded, stemmed, stopwords and bare numbers left out). Either empty: no."""
    from newsdesk.stories.text import content_words

    a, b = set(content_words(old)), set(content_words(new))
    return bool(a and b) and len(a & b) >= SAME_REPORT_WORDS * min(len(a), len(b))
