"""benchmarks/eval_story_splits.py explains why an event split into several story rows:
its tracing grouper must place articles exactly as `StoryGrouper` does (else the trace
explains another grouping), record every decision, and its rule patches must restore
the scoring functions they replace."""

from __future__ import annotations

import sys
from pathlib import Path

from newsdesk.stories import score as scoring

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _harness():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(BENCH))  # benchmarks/ is not a package
    try:
        import eval_real_stories as real
        import eval_stories as ev
        import eval_story_splits as splits
    finally:
        sys.path.remove(str(BENCH))
    return real, ev, splits


def test_the_tracing_grouper_places_articles_as_the_grouper_does() -> None:
    real, ev, splits = _harness()
    metas, _, ts, _, _ = ev.prepare(ev.load_pairs())
    items = [metas[k] for k in sorted(metas, key=lambda k: (ts[k] or 0.0, k))]
    shipped = real.group(items)
    trace = splits.Trace()
    traced = real.group(items, make=lambda t: splits.TracingGrouper(t, trace))
    assert traced == shipped
    assert len(set(shipped)) < len(shipped)  # some stories of several versions
    assert len(trace.order) == len(trace.decisions) == len(set(trace.order))
    # A joined article saw the story it joined among the stories it scored whole.
    joined = [d for d in trace.decisions.values() if d.story in d.stories]
    assert joined


def test_a_development_rule_restores_the_scoring_functions() -> None:
    _, _, splits = _harness()
    saved = (scoring.features, scoring.score, scoring.reaches)
    with splits.development_rule(splits.figures_apart, 20.0):
        assert scoring.score is not saved[1]
    assert (scoring.features, scoring.score, scoring.reaches) == saved
