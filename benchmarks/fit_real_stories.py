"""Fit the story score's weights and threshold on real news, with a held-out check.

    python benchmarks/eval_real_stories.py --fit

Called by `eval_real_stories.py --fit`. The development slice is cut in two
halves by story (every article of a story on the same side). For each half:

1. an L2-regularised logistic regression over the six pair features
   (`score.Features`) on the pairs of the other half within the 96 h window
   (copies, template clashes and same-outlet pairs left out: rules decide
   those) plus the project's own tune pairs, each source and each class
   weighed equally; negative weights clipped to 0, weights scaled to sum 1;
2. the threshold: the grid value whose grouping of the other half (the real
   `StoryGrouper`, import order) has the best B-cubed F1;
3. the half itself grouped with those constants and scored, beside the TF-IDF
   single-link baseline whose cut-off was chosen on the other half.

Then the same fit on the whole slice gives the constants to ship, scored on
the whole slice (in-sample) and on the project's own pair sets. Prints only.
"""

from __future__ import annotations

import collections
import hashlib
import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import numpy as np

from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import Signature, compute

FEATURES = scoring.FEATURES
THRESHOLDS = tuple(round(0.1 + 0.025 * i, 3) for i in range(11))  # 0.10 .. 0.35
DECAYS = (0.0, 0.1, 0.2)
Sample = tuple[list[float], bool, str]  # features, same, source


@contextmanager
def constants(
    weights: dict[str, float], threshold: float, decay: float | None = None
) -> Iterator[None]:
    """Run the real grouper with other weights, threshold and decay (module constants)."""
    saved = dict(scoring.WEIGHTS), scoring.THRESHOLD, scoring.DECAY
    scoring.WEIGHTS.clear()
    scoring.WEIGHTS.update(weights)
    scoring.THRESHOLD = threshold
    scoring.DECAY = saved[2] if decay is None else decay
    try:
        yield
    finally:
        scoring.WEIGHTS.clear()
        scoring.WEIGHTS.update(saved[0])
        scoring.THRESHOLD, scoring.DECAY = saved[1], saved[2]


def slice_samples(
    indices: list[int], sigs: list[Signature], ts: list[float | None], story: list[str]
) -> list[Sample]:
    out: list[Sample] = []
    for i, j in itertools.combinations(indices, 2):
        f = scoring.features(sigs[i], sigs[j], ts[i], ts[j])
        if not f.decided_by_rule:
            values = f.as_dict()
            out.append(([values[k] for k in FEATURES], story[i] == story[j], "real"))
    return out


def own_samples(rows: list[Any]) -> list[Sample]:
    out: list[Sample] = []
    for p, f, _ in rows:
        if p["split"] == "tune" and not f.decided_by_rule:
            values = f.as_dict()
            out.append(([values[k] for k in FEATURES], p["label"] == "same", "own"))
    return out


def fit_weights(samples: list[Sample], l2: float = 0.001) -> tuple[dict[str, float], float]:
    """Logistic regression, each (source, class) cell weighed equally; weights sum to 1."""
    x = np.array([s[0] for s in samples])
    y = np.array([s[1] for s in samples], dtype=float)
    cells = collections.Counter((s[2], s[1]) for s in samples)
    sw = np.array([1.0 / cells[(s[2], s[1])] for s in samples])
    sw *= len(samples) / sw.sum()
    w, b = np.zeros(len(FEATURES)), 0.0
    for _ in range(20000):
        prob = 1 / (1 + np.exp(-(x @ w + b)))
        grad = sw * (prob - y)
        w -= 0.5 * (x.T @ grad / len(y) + l2 * w)
        b -= 0.5 * float(np.mean(grad))
    w = np.clip(w, 0, None)
    weights = {k: round(float(v / w.sum()), 3) for k, v in zip(FEATURES, w, strict=True)}
    return weights, b


def pick_threshold(
    weights: dict[str, float], run: Callable[[list[int]], dict[str, float]], indices: list[int]
) -> tuple[float, float, dict[str, float]]:
    """(threshold, decay) of the grid with the best B-cubed F1 grouping `indices`
    (ties: the higher threshold, then the smaller decay), and that grouping's figures."""
    best: tuple[float, float, float, dict[str, float]] | None = None
    for decay in DECAYS:
        for t in THRESHOLDS:
            with constants(weights, t, decay):
                m = run(indices)
            better = best is None or m["F1"] > best[0] + 1e-9
            if better or (best is not None and abs(m["F1"] - best[0]) <= 1e-9 and t > best[1]):
                best = (m["F1"], t, decay, m)
    assert best is not None
    return best[1], best[2], best[3]


def halves(story: list[str]) -> tuple[list[int], list[int]]:
    """Articles cut in two by story (a stable hash of the story id)."""
    a: list[int] = []
    b: list[int] = []
    for i, s in enumerate(story):
        (a if hashlib.blake2b(s.encode(), digest_size=2).digest()[0] % 2 else b).append(i)
    return a, b


def fit(
    mod: ModuleType,
    items: list[Extracted],
    urls: list[str],
    gold: dict[str, str],
    own_rows: list[Any],
    group: Callable[[list[Extracted]], list[str]],
    baseline: Callable[[list[Extracted], float], list[str]],
    evaluate: Callable[..., dict[str, float]],
    line: Callable[[str, dict[str, float]], str],
) -> dict[str, float]:
    """Print the held-out check and the whole-slice fit; return the fitted weights."""
    story = [gold.get(u, "none:" + u) for u in urls]
    sigs = [compute(m) for m in items]
    ts = [iso_to_ts(m.published) for m in items]
    own = own_samples(own_rows)

    def run(indices: list[int]) -> dict[str, float]:
        sub_gold = {urls[i]: gold[urls[i]] for i in indices if urls[i] in gold}
        return evaluate(
            mod, sub_gold, [urls[i] for i in indices], group([items[i] for i in indices])
        )

    def run_baseline(indices: list[int], cut: float) -> dict[str, float]:
        sub_gold = {urls[i]: gold[urls[i]] for i in indices if urls[i] in gold}
        pred = baseline([items[i] for i in indices], cut)
        return evaluate(mod, sub_gold, [urls[i] for i in indices], pred)

    a, b = halves(story)
    print(
        f"\nheld-out check: halves of {len(a)} and {len(b)} articles "
        f"({len({story[i] for i in a})} / {len({story[i] for i in b})} stories); "
        f"own tune pairs {len(own)}"
    )
    for name, train, test in (("half A", b, a), ("half B", a, b)):
        samples = slice_samples(train, sigs, ts, story) + own
        weights, _ = fit_weights(samples)
        t, decay, train_m = pick_threshold(weights, run, train)
        with constants(weights, t, decay):
            test_m = run(test)
        cut = max((0.15, 0.2, 0.25, 0.3, 0.35, 0.4), key=lambda c: run_baseline(train, c)["F1"])
        print(
            f"  {name} held out: weights {weights} threshold {t} decay {decay} "
            f"(other half F1 {train_m['F1']:.3f})"
        )
        print("    " + line("fitted, held-out half", test_m))
        print("    " + line("shipped constants, same half", run(test)))
        print("    " + line(f"TF-IDF single link (cut {cut:.2f})", run_baseline(test, cut)))
    everything = list(range(len(items)))
    weights, bias = fit_weights(slice_samples(everything, sigs, ts, story) + own)
    t, decay, whole = pick_threshold(weights, run, everything)
    print(
        f"\nfit on the whole slice + own tune pairs: weights {weights} bias {bias:.2f} "
        f"threshold {t} decay {decay}"
    )
    print("  " + line("whole slice (in-sample)", whole))
    return {**weights, "threshold": t, "decay": decay}
