"""What a search tells the user about its answer when the answer is not the whole story."""

from __future__ import annotations

#: When planning a query ran out of time (prefix expansion, `related:`, exclusions).
TOO_SLOW = "the query took too long to prepare: nothing is shown; use fewer prefixes or related:"
#: When planning would pass MAX_WORK (exclusions or prefixes reading most of the index).
TOO_MUCH = (
    "the query would read too much of the index: nothing is shown; "
    "use fewer prefixes or longer ones"
)
#: The same reasons for a screen that keeps what it showed (`SearchResult.stopped`).
STOPPED_SLOW = "the query took too long to prepare (use fewer prefixes or related:)"
STOPPED_MUCH = "the query would read too much of the index (use fewer prefixes or longer ones)"
#: When the query's prefixes shared MAX_EXPANSION and some lost rarer terms.
PREFIXES_CUT = "many prefixes: each was cut to its most frequent words, so matches may be missing"

#: The notice of a query with no word, field or id in it (punctuation, emoji, `*`).
NOTHING_TO_SEARCH = "nothing to search for: the query has no word, field or id"
