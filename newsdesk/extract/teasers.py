"""Teasers of other stories under an article: each cut short, "... more".

A site lists its other stories under the article as the start of each, cut mid-sentence
and followed by "more" ("Kaieteur News – The Petroleum Commission is far more important
than ... Yet, the... more"); read as paragraphs, they ran on as the story's, and the site's
letters policy and phone numbers after them too.

Two paragraphs of the story itself may trail off in a row (a narrative's suspense): a run
counts as teasers only with a teaser's marks ("more" at the cut, a lead the two share
such as the outlet's "Kaieteur News –", a list's bullets) or when no uncut paragraph follows it.
"""

from __future__ import annotations

import re

from newsdesk.extract.lines import is_list_item, is_prose

#: A paragraph cut mid-sentence: a word, then "..." or "…", then perhaps "more" (a quotation
#: that trails off ends with its quote mark, a list's entry with ";").
_CUT = re.compile(r"[\w,]\s?(?:\.{3,}|…)\s*(?P<more>(?:read\s+)?more)?\s*$", re.I)
#: An outlet's or section's lead before a dash ("Gazette News – ", "SPORTS - ").
_LEAD = re.compile(r"^(?P<lead>(?:\S+\s+){0,4}?\S+)\s+[–—-]\s+\S")
#: The fewest words of a teaser: a headline or a label is shorter.
TEASER_WORDS = 12
#: How many cut paragraphs in a row make a list of teasers (a story may trail off once).
TEASER_RUN = 2


def teaser_run(lines: list[str], i: int, end: int) -> bool:
    """Line i and the next `TEASER_RUN` - 1 non-blank lines are all teasers, cut short: each
    cut, and marked as teasers or with none of the story's uncut paragraphs after them."""
    at = [j for j in range(i, end) if lines[j]][:TEASER_RUN]
    following = [lines[j] for j in at]
    cuts = [_CUT.search(line) for line in following]
    if len(following) < TEASER_RUN or not all(
        cut and len(line.split()) >= TEASER_WORDS for cut, line in zip(cuts, following, strict=True)
    ):
        return False
    return (
        any(cut and cut["more"] for cut in cuts)
        or _shared_lead(following)
        or any(is_list_item(line) for line in following)  # a list of links, each cut
        or not any(is_prose(line) and not _CUT.search(line) for line in lines[at[-1] + 1 : end])
    )


def _shared_lead(paragraphs: list[str]) -> bool:
    """The paragraphs start alike before a dash: the outlet's name over each of its teasers."""
    leads = {found["lead"].casefold() if (found := _LEAD.match(p)) else None for p in paragraphs}
    return len(leads) == 1 and None not in leads
