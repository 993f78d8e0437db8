"""How alike two articles are, and whether they report the same event.

Features (all in [0, 1], computed from two `Signature`s; AUC is how well each
alone separates same-event from same-topic pairs on the tune split of
benchmarks/story_pairs):

- `names` (AUC 0.98): mention-weighted overlap of name tokens: for each
  article, the share of its name mentions that go to names both carry; the
  lower of the two. Rewrites keep the people and places they are about;
  another flood in the same state shares the governor in passing, not the
  town, the sheriff, the victims. (On the first 8 tune topics: 0.98 against
  0.93 for unweighted containment and 0.92 for Jaccard; the geometric mean of
  the two shares ranked pairs as well but chained stories together.)
- `figures` (AUC 0.82; 0.97 on figure-rich topics): |A∩B| / (sqrt(|A| |B|) + 1) over canonical figures
  (death tolls, amounts, percentages; not years). Rewrites keep them;
  same-topic events have their own.
- `title` (AUC 0.90): Jaccard of headline content words. Outlets rewrite
  headlines, so it only nudges.
- `shingles` (AUC 0.77): MinHash estimate of body 2-shingle Jaccard. Near zero
  for rewrites (its fitted weight is 0), but a copy above `SYNDICATED` is the
  same story outright.

score = sum(WEIGHTS[f] * feature f) / sum(WEIGHTS[f]) over the features both
articles have (see `score`), 0 outside the time window, 1 for copies.
WEIGHTS are an L2-regularised logistic regression on the tune pairs, scaled to
sum to 1; THRESHOLD is the middle of the range of cut-offs with the best F1
on the tune pairs. Both are re-measured by
`python benchmarks/eval_stories.py --fit`, which also reports holdout topics,
topics written after the constants were frozen, and leave-one-topic-out
figures.

The window (96 h) is not fitted: it is set wider than any gap between two
versions of one event in the set (37 h), so follow-ups days later still
join, while a rematch of the same teams 11 days later does not.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsdesk.stories import minhash
from newsdesk.stories.signature import Signature

#: Articles further apart than this are never the same story (hours).
WINDOW_HOURS = 96.0
#: Weights of the features in the score; they sum to 1.
WEIGHTS: dict[str, float] = {"names": 0.57, "figures": 0.28, "title": 0.15, "shingles": 0.0}
#: Body-shingle Jaccard above which two texts are copies of one another
#: (syndicated or lightly edited wire copy): same story whatever else differs.
SYNDICATED = 0.5
#: Minimum score to join an existing story (measured; see module docstring).
THRESHOLD = 0.357


@dataclass
class Features:
    """The measured similarity of two articles."""

    names: float
    figures: float
    title: float
    shingles: float
    #: Hours between publication, None when either date is unknown.
    hours: float | None
    #: Features that say nothing here because one article has none of the kind
    #: (no figures at all, no names, an empty headline).
    missing: frozenset[str] = frozenset()

    def as_dict(self) -> dict[str, float]:
        return {
            "names": self.names,
            "figures": self.figures,
            "title": self.title,
            "shingles": self.shingles,
        }


def features(a: Signature, b: Signature, ts_a: float | None, ts_b: float | None) -> Features:
    """Compare two signatures."""
    hours = abs(ts_a - ts_b) / 3600.0 if ts_a is not None and ts_b is not None else None
    missing = frozenset(
        name
        for name, empty in (
            ("names", not a.name_weights or not b.name_weights),
            ("figures", not a.figure_set or not b.figure_set),
            ("title", not a.title_set or not b.title_set),
        )
        if empty
    )
    return Features(
        names=weighted_overlap(a.name_weights, b.name_weights),
        figures=smoothed_ochiai(a.figure_set, b.figure_set),
        title=minhash.jaccard(a.title_set, b.title_set),
        shingles=minhash.estimate(a.shingles, b.shingles),
        hours=hours,
        missing=missing,
    )


def smoothed_ochiai(a: frozenset[int], b: frozenset[int]) -> float:
    """|A∩B| / (sqrt(|A| |B|) + 1): the Ochiai (cosine) coefficient, shrunk for tiny sets.

    One shared figure out of two ("$3.2 million", quoted in a follow-up about
    another case) is weak evidence; four out of five is strong. The geometric
    mean keeps a page full of figures (sports tables, listings) from
    "containing" every short article's handful of numbers, which
    |A∩B| / min(|A|, |B|) would allow.
    """
    if not a or not b:
        return 0.0
    return len(a & b) / (math.sqrt(len(a) * len(b)) + 1)


def weighted_overlap(a: dict[int, int], b: dict[int, int]) -> float:
    """min over both articles of (mentions of shared names / all name mentions)."""
    if not a or not b:
        return 0.0
    shared = a.keys() & b.keys()
    shared_a = sum(a[k] for k in shared)
    shared_b = sum(b[k] for k in shared)
    return min(shared_a / sum(a.values()), shared_b / sum(b.values()))


def score(f: Features, weights: dict[str, float] | None = None) -> float:
    """Weighted mean of the features that apply; 0 outside the time window.

    A feature one article cannot have (a report with no figures at all) is
    left out and the other weights rescaled, rather than counted as a
    mismatch: absence of figures is not evidence of another event. Figures
    present on both sides but not shared still count against.
    """
    if f.hours is not None and f.hours > WINDOW_HOURS:
        return 0.0
    if f.shingles >= SYNDICATED:
        return 1.0
    w = weights or WEIGHTS
    values = f.as_dict()
    active = [name for name in w if name not in f.missing and w[name] > 0]
    total = sum(w[name] for name in active)
    if total <= 0:
        return 0.0
    return sum(w[name] * values[name] for name in active) / total
