"""benchmarks/eval_join_stories.py measures join rules against the shipped one: its
patched `decide` must place articles as `StoryGrouper.decide` does when the rule is
the shipped one, or its figures compare with something else."""

from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.stories import grouping
from newsdesk.stories import score as scoring

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_the_harness_places_articles_as_the_grouper_does() -> None:
    sys.path.insert(0, str(BENCH))  # benchmarks/ is not a package
    try:
        import eval_join_stories as harness
        import eval_stories as ev
    finally:
        sys.path.remove(str(BENCH))
    threshold = scoring.THRESHOLD
    metas, _, ts, _, _ = ev.prepare(ev.load_pairs())
    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    shipped = ev.cluster(metas, order, ts)
    with harness.rule("shipped", {}):
        assert grouping.StoryGrouper.decide is harness.decide
        patched = ev.cluster(metas, order, ts)
    assert grouping.StoryGrouper.decide is not harness.decide  # restored
    assert patched == shipped
    assert len(set(shipped.values())) < len(shipped)  # some stories of several versions
    # A rule that lowers the threshold restores it afterwards.
    with harness.rule("consensus", {"moderate": 0.15, "share": 1.0, "low": 0.15}):
        ev.cluster(metas, order[:20], ts)
    assert threshold == scoring.THRESHOLD
