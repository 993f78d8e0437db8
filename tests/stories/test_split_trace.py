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


def test_the_lexical_variants_restore_what_they_patch() -> None:
    """benchmarks/eval_lexical_stories.py: each variant's words and scores are its own,
    and the shipped ones are back afterwards (they run one after another in a process)."""
    from newsdesk.model import Extracted
    from newsdesk.stories import signature

    sys.path.insert(0, str(BENCH))
    try:
        import eval_lexical_stories as lexical
    finally:
        sys.path.remove(str(BENCH))
    meta = Extracted(title="Covid-19 talks in Israel-Gaza", body="Negotiators negotiated.")
    shipped = signature.compute(meta).lede_set
    saved = (scoring.features, scoring.score, scoring.reaches, signature.stem)
    for name in ("snowball", "hyphen-parts", "number-suffix"):
        with lexical.LEXICAL[name]():
            assert signature.compute(meta).lede_set != shipped, name
        assert signature.compute(meta).lede_set == shipped, name
    with lexical.dated({"bonus": 0.04, "pen": 0.05}):
        assert scoring.score is not saved[1]
    assert (scoring.features, scoring.score, scoring.reaches, signature.stem) == saved
