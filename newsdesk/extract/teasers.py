"""Teasers of other stories under an article: each cut short, "... more".

A site lists its other stories under the article as the start of each, cut mid-sentence
and followed by "more" ("Kaieteur News – The Petroleum Commission is far more important
than ... Yet, the... more"); read as paragraphs, they ran on as the story's, and the site's
letters policy and phone numbers after them too.
"""

from __future__ import annotations

import re

#: A paragraph cut mid-sentence: a word, then "..." or "…", then perhaps "more" (a quotation
#: that trails off ends with its quote mark, a list's entry with ";").
_CUT = re.compile(r"[\w,]\s?(?:\.{3,}|…)\s*(?:(?:read\s+)?more)?\s*$", re.I)
#: The fewest words of a teaser: a headline or a label is shorter.
TEASER_WORDS = 12
#: How many cut paragraphs in a row make a list of teasers (a story may trail off once).
TEASER_RUN = 2


def teaser_run(lines: list[str], i: int, end: int) -> bool:
    """Line i and the next `TEASER_RUN` - 1 non-blank lines are all teasers, cut short."""
    following = [line for line in lines[i:end] if line][:TEASER_RUN]
    return len(following) == TEASER_RUN and all(
        _CUT.search(line) and len(line.split()) >= TEASER_WORDS for line in following
    )
