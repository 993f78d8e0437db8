"""Score the story grouper on the held-out pairs with the shipped weights and threshold.

    python benchmarks/heldout/score_pairs.py [--pairs PATH] [--list]

benchmarks/eval_stories.py only reads its own pairs file, so this reuses its
helpers on benchmarks/heldout/story_pairs.jsonl. Nothing is fitted here: the
point of a held-out set is to measure the constants as shipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/ is not a package

import eval_stories as ev  # noqa: E402

from newsdesk.stories import score as scoring  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=HERE / "story_pairs.jsonl")
    parser.add_argument("--list", action="store_true", help="print every pair with its score")
    args = parser.parse_args(argv)
    pairs = ev.load_pairs(args.pairs)
    metas, _, ts, events, rows = ev.prepare(pairs)
    weights = dict(scoring.WEIGHTS)
    n_same = sum(p["label"] == "same" for p in pairs)
    print(
        f"{n_same} same / {len(pairs) - n_same} different pairs; weights {weights}; "
        f"threshold {scoring.THRESHOLD}; window {scoring.WINDOW_HOURS:g} h"
    )
    pos, neg = ev.scored(rows, weights)
    print(f"score AUC {ev.auc(pos, neg):.3f}")
    p_, r_, f_ = ev.pair_metrics(rows, weights, scoring.THRESHOLD)
    print(f"pairs at t={scoring.THRESHOLD}: P={p_:.3f} R={r_:.3f} F1={f_:.3f}")
    cand = sum(c for p, _, c in rows if p["label"] == "same") / max(1, n_same)
    print(f"LSH candidate recall on same pairs: {cand:.3f}")
    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    stories = ev.cluster(metas, order, ts)
    for label, sub in (("all article pairs", None), ("labelled pairs", pairs)):
        p_, r_, f_ = ev.clustering_metrics(stories, events, sub)
        print(f"StoryGrouper, {label:17}: P={p_:.3f} R={r_:.3f} F1={f_:.3f}")
    print(f"{len(set(stories.values()))} stories for {len(set(events.values()))} events")
    if args.list:
        for p, f, c in sorted(rows, key=lambda r: scoring.score(r[1], weights)):
            hours = f"{f.hours:.0f}" if f.hours is not None else "?"
            print(
                f"  {p['label']:9} {scoring.score(f, weights):.3f} "
                + " ".join(f"{k}={v:.2f}" for k, v in f.as_dict().items())
                + f" h={hours} cand={int(c)} {p['id'][:80]}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
