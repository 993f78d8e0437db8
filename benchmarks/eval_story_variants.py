"""Variants of the story score tried on real news, measured the way they must be judged.

    python benchmarks/eval_story_variants.py [VARIANT ...]

Each variant patches the score for one process (the shipped code is not changed)
and is measured on:

- the development slice in ../shared/realworld-stories, whole, at each threshold
  of `GRID` (B-cubed F1 / pair precision);
- each half of the slice (cut by story as in `fit_real_stories.halves`), grouped
  with the threshold that gave the best B-cubed F1 on the *other* half;
- the project's own pair sets at that threshold (pair precision / recall of each
  split, the real grouper's clustering, the blind set);
- the real feeds in ../shared/realworld/feeds at that threshold: stories of two or
  more items (no gold there: read them with eval_real_stories.py --examples).

`shipped` is the score as it is. `--density` instead groups random subsets of the
slice's stories (a quarter, half, three quarters, all) at each threshold: how the
best threshold moves as a queue holds more stories of the same weeks. Prints
figures only; docs/stories.md ("Day 20") quotes them.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import json
import math
import random
import statistics
import sys
from collections.abc import Callable, Iterator
from typing import Any

import eval_real_stories as real
import eval_stories as own_pairs
import fit_real_stories

from newsdesk.model import Extracted
from newsdesk.stories import idf, signature
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import Signature
from newsdesk.stories.text import stem

#: Thresholds tried; the shipped one is among them.
GRID = (0.125, 0.15, 0.175, 0.2, 0.225)

Patch = Callable[[], contextlib.AbstractContextManager[None]]


@contextlib.contextmanager
def shipped() -> Iterator[None]:
    yield


@contextlib.contextmanager
def _features_as(change: Callable[[scoring.Features, Signature, Signature], Any]) -> Iterator[None]:
    """Every pair's features passed through `change` (grouping, fits and bounds alike)."""
    original = scoring.features

    def patched(a: Signature, b: Signature, ts_a: float | None, ts_b: float | None) -> Any:
        return change(original(a, b, ts_a, ts_b), a, b)

    scoring.features = patched  # type: ignore[assignment]
    try:
        yield
    finally:
        scoring.features = original  # type: ignore[assignment]


def names_capped_by_text() -> contextlib.AbstractContextManager[None]:
    """Shared names count at most as much as the best text overlap (headline, lede,
    TF-IDF): `score.name_alone` for any number of shared names."""

    def cap(f: scoring.Features, a: Signature, b: Signature) -> scoring.Features:
        top = scoring._text_overlap(f)
        return dataclasses.replace(f, names=top) if f.names > top else f

    return _features_as(cap)


def _event_tfidf(a: Signature, b: Signature) -> float:
    """The TF-IDF cosine of the lede words that are not name tokens."""
    va = {w: x for w, x in a.lede_vector[0].items() if w not in a.name_weights}
    vb = {w: x for w, x in b.lede_vector[0].items() if w not in b.name_weights}
    if not va or not vb:
        return 0.0
    dot = sum(x * vb[w] for w, x in va.items() if w in vb)
    norm = math.sqrt(sum(x * x for x in va.values()) * sum(x * x for x in vb.values()))
    return dot / norm


def event_words_tfidf() -> contextlib.AbstractContextManager[None]:
    """The TF-IDF feature over the lede's words less its names ("what happened")."""
    return _features_as(lambda f, a, b: dataclasses.replace(f, tfidf=_event_tfidf(a, b)))


def names_capped_by_event_words() -> contextlib.AbstractContextManager[None]:
    """Shared names count at most as much as the event words' TF-IDF cosine."""

    def cap(f: scoring.Features, a: Signature, b: Signature) -> scoring.Features:
        top = _event_tfidf(a, b)
        return dataclasses.replace(f, names=top) if f.names > top else f

    return _features_as(cap)


@contextlib.contextmanager
def rare_names() -> Iterator[None]:
    """Each name token's mentions weighed by its rarity in the language (`idf`, less a
    floor of 8: "trump" 1.4, "biden" 3.8, "maricopa" 6.2, an unknown name 10.4)."""
    original = signature.name_mentions

    def weighed(meta: Extracted) -> collections.Counter[str]:
        lang = idf.language(meta.language)
        out: collections.Counter[str] = collections.Counter()
        for token, count in original(meta).items():
            rarity = idf.stored_weight(token, stem(token), lang) / idf.SCALE
            share = max(0.05, (rarity - 8.0) / (idf.UNKNOWN - 8.0))
            out[token] = max(1, round(count * 20 * share))
        return out

    signature.name_mentions = weighed  # type: ignore[assignment]
    try:
        yield
    finally:
        signature.name_mentions = original  # type: ignore[assignment]


@contextlib.contextmanager
def names_smoothed() -> Iterator[None]:
    """Shared name mentions over all mentions plus 2, shrunk for articles with few
    names (as figures are): two short items naming one mayor share all their names."""
    original = scoring.weighted_overlap

    def smoothed(a: dict[int, int], b: dict[int, int]) -> float:
        if not a or not b:
            return 0.0
        shared = a.keys() & b.keys()
        share_a = sum(a[k] for k in shared) / (sum(a.values()) + 2)
        share_b = sum(b[k] for k in shared) / (sum(b.values()) + 2)
        return min(share_a, share_b)

    scoring.weighted_overlap = smoothed  # type: ignore[assignment]
    try:
        yield
    finally:
        scoring.weighted_overlap = original  # type: ignore[assignment]


VARIANTS: dict[str, Patch] = {
    "shipped": shipped,
    "names-capped-by-text": names_capped_by_text,
    "event-words-tfidf": event_words_tfidf,
    "names-capped-by-event-words": names_capped_by_event_words,
    "rare-names": rare_names,
    "names-smoothed": names_smoothed,
}


@contextlib.contextmanager
def threshold(value: float) -> Iterator[None]:
    with fit_real_stories.constants(dict(scoring.WEIGHTS), value):
        yield


class Slice:
    """The development slice and what scoring a grouping of part of it needs."""

    def __init__(self) -> None:
        self.mod = real.scorer()
        self.gold = json.loads((real.SLICE / "gold.json").read_text(encoding="utf-8"))["by_url"]
        self.items, raw = real.load()
        self.urls = [r["url"] for r in raw]
        story = [self.gold.get(u, "none:" + u) for u in self.urls]
        self.half_a, self.half_b = fit_real_stories.halves(story)

    def run(self, indices: list[int]) -> dict[str, float]:
        gold = {self.urls[i]: self.gold[self.urls[i]] for i in indices if self.urls[i] in self.gold}
        stories = real.group([self.items[i] for i in indices])
        return real.evaluate(self.mod, gold, [self.urls[i] for i in indices], stories)


def own_figures() -> str:
    """Own pair sets at the current constants: each split's pair P/R, clustering, blind."""
    metas, _, ts, events, rows = own_pairs.prepare(own_pairs.load_pairs())
    weights, t, decay = dict(scoring.WEIGHTS), scoring.THRESHOLD, scoring.DECAY
    cells = []
    for split in own_pairs.SPLITS:
        sub = [r for r in rows if r[0]["split"] == split]
        p, r, _ = own_pairs.pair_metrics(sub, weights, t, decay)
        cells.append(f"{split} {p:.2f}/{r:.2f}")
    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    p, r, _ = own_pairs.clustering_metrics(own_pairs.cluster(metas, order, ts), events)
    blind = own_pairs.prepare(
        own_pairs.load_pairs(own_pairs.HERE / "heldout" / "story_pairs.jsonl")
    )
    bp, br, _ = own_pairs.pair_metrics(blind[4], weights, t, decay)
    return " ".join(cells) + f"; clustering {p:.2f}/{r:.2f}; blind {bp:.2f}/{br:.2f}"


def feed_stories() -> int:
    """Stories of two or more items on the real feeds (each file grouped as imported)."""
    return real.stories_of_two(*real.grouped_feeds())


def measure(name: str, patch: Patch, data: Slice) -> None:
    everything = list(range(len(data.items)))
    with patch():
        whole = {}
        for t in GRID:
            with threshold(t):
                whole[t] = data.run(everything)
        print(
            f"{name}\n  whole slice (B-cubed F1 / pair P) by threshold: "
            + "  ".join(f"{t}: {m['F1']:.3f}/{m['pairP']:.2f}" for t, m in whole.items())
        )
        for label, train, test in (
            ("A", data.half_b, data.half_a),
            ("B", data.half_a, data.half_b),
        ):
            scores = {}
            for t in GRID:
                with threshold(t):
                    scores[t] = data.run(train)["F1"]
            chosen = max(GRID, key=lambda t: (round(scores[t], 6), t))
            with threshold(chosen):
                m = data.run(test)
                print(
                    f"  half {label} (threshold {chosen} from the other half): B-cubed F1 "
                    f"{m['F1']:.3f} P {m['P']:.3f} R {m['R']:.3f}, pair P {m['pairP']:.2f}; "
                    f"own pairs {own_figures()}; real feeds' stories of 2+: {feed_stories()}"
                )
    sys.stdout.flush()


#: Share of the slice's stories kept, and how many draws of each.
DENSITIES = ((0.25, 4), (0.5, 4), (0.75, 4), (1.0, 1))
#: Thresholds tried in the density check.
DENSITY_GRID = (0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3)


def density(data: Slice) -> None:
    """The best threshold as the number of stories grows: subsets of the slice's stories
    (each story whole, drawn at random), mean B-cubed F1 / pair P over the draws."""
    stories = sorted(set(data.gold.values()))
    by_story: collections.defaultdict[str, list[int]] = collections.defaultdict(list)
    for i, url in enumerate(data.urls):
        if url in data.gold:
            by_story[data.gold[url]].append(i)
    for share, draws in DENSITIES:
        cells = []
        for t in DENSITY_GRID:
            f1, pair_p = [], []
            with threshold(t):
                for seed in range(draws):
                    rng = random.Random(seed)
                    kept = rng.sample(stories, round(share * len(stories)))
                    m = data.run(sorted(i for s in kept for i in by_story[s]))
                    f1.append(m["F1"])
                    pair_p.append(m["pairP"])
            cells.append((statistics.mean(f1), t, statistics.mean(pair_p)))
        best = max(cells)
        print(
            f"{share:.0%} of the stories ({draws} draws): "
            + "  ".join(f"{t}: {f:.3f}/{p:.2f}" for f, t, p in cells)
            + f"  -> best {best[1]}",
            flush=True,
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("variants", nargs="*", help=f"some of {', '.join(VARIANTS)} (default: all)")
    ap.add_argument(
        "--density", action="store_true", help="the best threshold by share of the slice kept"
    )
    args = ap.parse_args()
    unknown = set(args.variants) - set(VARIANTS)
    if unknown:
        sys.exit(f"unknown variants: {', '.join(sorted(unknown))}")
    if not real.SLICE.is_dir() or not real.FEEDS.is_dir():
        sys.exit(f"needs {real.SLICE} and {real.FEEDS}")
    data = Slice()
    if args.density:
        density(data)
        return
    for name in args.variants or VARIANTS:
        measure(name, VARIANTS[name], data)


if __name__ == "__main__":
    main()
