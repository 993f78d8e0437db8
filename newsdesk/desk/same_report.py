"""When two texts are one report told again (corrected, completed) rather than two
reports, and when a later telling may take an earlier one's place: the rules a feed's
item under an old GUID and a watched file written again share."""

from __future__ import annotations

from functools import lru_cache

#: Share of the earlier text's words a correction keeps (and, for telling two texts
#: apart, share of the shorter text's words the other must hold).
SAME_REPORT_WORDS = 0.5


def _word_sets(old: str, new: str) -> tuple[frozenset[str], frozenset[str]]:
    """The content words of both texts: folded, stemmed, stopwords and bare numbers left out."""
    return _content_words(old), _content_words(new)


@lru_cache(maxsize=4)
def _content_words(text: str) -> frozenset[str]:
    # Kept for the last few texts: one telling is asked `may_replace`, `is_cut` and
    # `keeps_most_words` in turn, and each stemmed both whole bodies again.
    from newsdesk.stories.text import content_words

    return frozenset(content_words(text))


def shares_most_words(old: str, new: str) -> bool:
    """Whether `new` holds much of `old`'s words or `old` much of `new`'s: the two tell
    one report (a teaser and its full text do). Either empty: no. Only which report it
    is: whether `new` may replace `old` is `keeps_most_words` / `may_replace`."""
    a, b = _word_sets(old, new)
    return bool(a and b) and len(a & b) >= SAME_REPORT_WORDS * min(len(a), len(b))


def keeps_most_words(old: str, new: str) -> bool:
    """Whether `new` keeps at least half of the EARLIER text's words: a correction.
    Measured against the shorter text, any cut of `old` (its first paragraph, a
    teaser taken from it) counted, and a truncated copy replaced the whole text."""
    a, b = _word_sets(old, new)
    return bool(a and b) and len(a & b) >= SAME_REPORT_WORDS * len(a)


def may_replace(old: str, new: str) -> bool:
    """Whether a later telling's text `new` may take the place of the stored `old`:
    never when it is empty (a feed that stopped sending its description) or has less
    than half as many words as `old` (a teaser, "Read more at our site.", a cut to
    its first paragraph); a correction keeps at least half of the earlier words and a
    rewrite is as long. An empty `old` takes anything."""
    a, b = _word_sets(old, new)
    if not a:
        return bool(b) or not old.strip()
    return len(b) >= SAME_REPORT_WORDS * len(a)


def is_cut(old: str, new: str) -> bool:
    """Whether `new` is `old` cut short: empty, or too short to replace it
    (`may_replace`) and mostly made of its words (a truncated copy, its first
    paragraph). A short text of other words is another report, not a cut."""
    if may_replace(old, new):
        return False
    a, b = _word_sets(old, new)
    return not b or len(a & b) >= SAME_REPORT_WORDS * len(b)
