"""When two texts are one report told again (corrected, completed) rather than two
reports, and when a later telling may take an earlier one's place: the rules a feed's
item under an old GUID and a watched file written again share."""

from __future__ import annotations

import re
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


#: Where a sentence ends: after . ! ? or … (and a closing quote or bracket), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019\u00bb)\]]*\s+|\s*\n\s*")


def _sentences(text: str) -> list[tuple[tuple[str, ...], str]]:
    """`text`'s sentences, each with its folded words (how two copies of one are matched)."""
    from newsdesk.stories.text import words

    found = []
    for part in _SENTENCE_END.split(text):
        key = tuple(words(part))
        if key:
            found.append((key, part))
    return found


def what_differs(old: str, new: str) -> tuple[str, str]:
    """The sentences of `old` that `new` does not have, and those of `new` that `old` does
    not have. What both hold (a briefing's greeting, tides and sign-off, a page's
    standing lines, the paragraphs a correction left alone) is neither."""
    before, after = _sentences(old), _sentences(new)
    kept_before = {key for key, _ in before}
    kept_after = {key for key, _ in after}
    return (
        " ".join(part for key, part in before if key not in kept_after),
        " ".join(part for key, part in after if key not in kept_before),
    )


def shares_a_sentence(old: str, new: str) -> bool:
    """Whether the two texts hold a sentence in common: standing text (a briefing's
    greeting and sign-off), or the sentences a correction left alone."""
    before = {key for key, _ in _sentences(old)}
    return any(key in before for key, _ in _sentences(new))


def retells(old_title: str, old_body: str, new_title: str, new_body: str) -> bool:
    """Whether the text `new_title` / `new_body` is the report `old_title` / `old_body`
    told again (corrected, updated, added to, cut) rather than another report under the
    same name: decided by the text that differs, not by what both share.

    Standing text both hold (a daily briefing's greeting, tides and sign-off under the
    same headline) says nothing of which report it is: counted, it made the next day's
    briefing "keep most of the words" of the day before, and written over it. So the
    sentences each has that the other has not (and the headlines, when they differ) are
    compared: a correction's changed sentences hold much of the words they replace ("three
    villages" now "four"), another report's hold other news. A text that only adds
    sentences, or only leaves some out, is the same report (whether a shorter text may
    replace it is `may_replace`); so is one whose body is unchanged under a new headline."""
    from newsdesk.stories.text import words

    old_part, new_part = what_differs(old_body, new_body)
    if not old_part and not new_part:
        return True  # the same body: a headline corrected (or the same telling)
    if words(old_title) != words(new_title):
        old_part, new_part = f"{old_title}. {old_part}", f"{new_title}. {new_part}"
    a, b = _content_words(old_part), _content_words(new_part)
    if not a or not b:
        return True  # one only adds to the other
    return len(a & b) >= SAME_REPORT_WORDS * min(len(a), len(b))


#: Characters at the end of a copy cut short that may differ from the whole copy's: a
#: character the cut split (decoded as a replacement), a line ending or an escape
#: sequence cleaned differently once whole.
_CUT_EDGE = 16


def completes(earlier_page: str | None, later_page: str | None) -> bool:
    """Whether the page text `later_page` is `earlier_page` completed: the earlier copy was
    the start of this one, cut short (a page written in two bursts, a download stopped),
    and this one is longer. Then the later copy holds all the earlier one did, whatever
    extraction made of the cut page (its text can be the footer's "These are external
    links": not the start of the article's)."""
    if not earlier_page or not later_page or len(later_page) <= len(earlier_page):
        return False
    stem = earlier_page[: len(earlier_page) - _CUT_EDGE]
    return len(stem) >= _CUT_EDGE and later_page.startswith(stem)
