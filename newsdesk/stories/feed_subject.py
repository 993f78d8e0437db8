"""A feed's subject is no evidence that two of its items tell one story.

An alert or topic feed (Google Alerts for "Slack", a company's news page) puts
its subject's name in every item: a CEO's share sale, a market-research
release and a column on the company's prospects all share it. Within one file
of several items, a name token that most items carry is the file's subject;
items of that file are matched with it left out of their names, so what they
share beyond it decides. Their stored fingerprints keep it: an article from
elsewhere still shares the name with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from newsdesk.stories.signature import Signature

#: A file needs this many items with names before a subject is looked for.
MIN_ITEMS = 6
#: A name token is the file's subject when at least this share of its items carry it.
SUBJECT_SHARE = 0.6


def subject_names(signatures: Sequence[Signature]) -> frozenset[int]:
    """The hashed name tokens most of a file's items carry (none for a small file)."""
    named = [s for s in signatures if len(s.names)]
    if len(named) < MIN_ITEMS:
        return frozenset()
    counts = Counter(token for s in named for token in set(s.names.tolist()))
    floor = SUBJECT_SHARE * len(named)
    return frozenset(token for token, n in counts.items() if n >= floor)


def without_names(signature: Signature, names: frozenset[int]) -> Signature:
    """`signature` with the name tokens `names` left out (the same object when it has none)."""
    if not names or names.isdisjoint(signature.names.tolist()):
        return signature
    keep = np.array([n not in names for n in signature.names.tolist()], dtype=bool)
    return Signature(
        signature.shingles,
        signature.names[keep],
        signature.name_counts[keep],
        signature.figures,
        signature.title,
        signature.lede,
        signature.lede_figures,
        signature.lede_weights,
        signature.outlet,
    )
