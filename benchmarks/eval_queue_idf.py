"""Would a queue-rarity TF-IDF feature help? An offline gate before building it.

    python benchmarks/eval_queue_idf.py

The shipped `tfidf` feature weighs headline-and-lede words by their rarity in
the language (`stories.idf`, general word lists). This script tries a seventh
pair feature, `qtfidf`: the cosine of the two whole texts' content-word
vectors, (1 + log tf) * log((N + 1) / (df + 1)), with df and N counted over
the articles grouped so far (the queue as of each arrival, as a document
frequency table in the store would count them). It is patched into the real
grouper for this process only (no stored signature holds whole-text words
yet), and `eval_real_stories.py --fit`'s figures are printed twice in one
run, without and with it: the development slice with the TF-IDF single-link
baseline, the held-out halves (fitted on one half, scored on the other), the
whole-slice fit, and the project's own pair sets with the shipped and the
fitted constants. Prints only; changes nothing stored.
"""

from __future__ import annotations

import collections
import json
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import eval_real_stories as ers
import eval_stories as ev
import fit_real_stories as frs

from newsdesk.model import Extracted
from newsdesk.stories import grouping, signature
from newsdesk.stories import score as scoring
from newsdesk.stories.text import content_words

Counter = collections.Counter


class QueueIdf:
    """Whole-text words of every article signed, and document frequencies of the queue."""

    def __init__(self) -> None:
        self.words: dict[bytes, Counter[str]] = {}
        self.df: Counter[str] = Counter()
        self.seen: set[bytes] = set()

    @staticmethod
    def key(sig: signature.Signature) -> bytes:
        # A member read back from the store decodes to the same arrays.
        return b"|".join(
            a.tobytes() for a in (sig.shingles, sig.lede, sig.names, sig.title, sig.figures)
        )

    def compute(self, meta: Extracted) -> signature.Signature:
        sig = ORIGINAL_COMPUTE(meta)
        k = self.key(sig)
        words = Counter(content_words(f"{meta.title}\n{meta.body}"))
        self.words[k] = words
        if k not in self.seen:  # signed again (a regroup, a copy check): counted once
            self.seen.add(k)
            self.df.update(words.keys())
        return sig

    def reset(self) -> None:
        """A new queue (each grouping run starts from an empty store)."""
        self.df.clear()
        self.seen.clear()

    def cosine(self, a: signature.Signature, b: signature.Signature) -> float:
        wa, wb = self.words.get(self.key(a)), self.words.get(self.key(b))
        if not wa or not wb:
            return 0.0
        n = len(self.seen)
        va, vb = (
            {w: (1 + math.log(c)) * math.log((n + 1) / (self.df[w] + 1)) for w, c in x.items()}
            for x in (wa, wb)
        )
        na = math.sqrt(sum(x * x for x in va.values()))
        nb = math.sqrt(sum(x * x for x in vb.values()))
        if not na or not nb:
            return 0.0
        if len(va) > len(vb):
            va, vb = vb, va
        return sum(x * vb.get(w, 0.0) for w, x in va.items()) / (na * nb)


ORIGINAL_COMPUTE = signature.compute
ORIGINAL_FEATURES = scoring.features
ORIGINAL_GROUP = ers.group
ORIGINAL_FEATURE_NAMES = scoring.FEATURES


@contextmanager
def queue_idf() -> Iterator[None]:
    """The real grouper, the fits and the pair sets with `qtfidf` as a seventh feature."""
    q = QueueIdf()

    def features(
        a: signature.Signature, b: signature.Signature, ts_a: float | None, ts_b: float | None
    ) -> scoring.Features:
        f = ORIGINAL_FEATURES(a, b, ts_a, ts_b)
        f.qtfidf = q.cosine(a, b)  # type: ignore[attr-defined]
        return f

    def group(items: list[Extracted]) -> list[str]:
        q.reset()
        return ORIGINAL_GROUP(items)

    modules: tuple[Any, ...] = (signature, grouping, frs, ev)
    for mod in modules:
        mod.compute = q.compute
    scoring.features = features
    scoring.FEATURES = frs.FEATURES = (*ORIGINAL_FEATURE_NAMES, "qtfidf")
    ers.group = group
    try:
        yield
    finally:
        for mod in modules:
            mod.compute = ORIGINAL_COMPUTE
        scoring.features = ORIGINAL_FEATURES
        scoring.FEATURES = frs.FEATURES = ORIGINAL_FEATURE_NAMES
        ers.group = ORIGINAL_GROUP


def report() -> None:
    mod = ers.scorer()
    gold = json.loads((ers.SLICE / "gold.json").read_text(encoding="utf-8"))["by_url"]
    items, raw = ers.load()
    urls = [r["url"] for r in raw]
    print(
        ers.line("StoryGrouper, shipped constants", ers.evaluate(mod, gold, urls, ers.group(items)))
    )
    best = max(
        (
            ers.evaluate(mod, gold, urls, ers.tfidf_single_link(items, c)) | {"cut": c}
            for c in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
        ),
        key=lambda m: m["F1"],
    )
    print(ers.line(f"TF-IDF single link (cut {best['cut']:.2f})", best))
    ers.own_report(ers.fitted_constants(mod, items, urls, gold))


def main() -> None:
    if not ers.SLICE.is_dir():
        sys.exit(f"no development slice at {ers.SLICE}")
    print("=== without qtfidf (as shipped) ===")
    report()
    print("\n=== with qtfidf (queue document frequencies) ===")
    with queue_idf():
        report()


if __name__ == "__main__":
    main()
