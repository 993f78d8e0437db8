"""Evidence from the whole body, tried on real news (issue 12: recall of rewrites).

    python benchmarks/eval_body_stories.py [VARIANT ...] [--whole]

The pair features read the headline and the lede (`signature.LEDE_WORDS`, 80
content words of the prose opening). This tries a compact vector of the whole
body: the top `k` content words of the headline and body by sublinear term
frequency times rarity in the language ((1 + ln tf) x `idf.stored_weight`), and
the cosine of two such vectors (`body`). It is kept aside by the harness (keyed
by the signature's bytes), not stored: the shipped code is not changed. Variants:

- `body-weight`: `body` as a seventh feature of weight `w` (the shipped
  weights scaled by 1 - w), joining at threshold `t`.
- `body-rescue`: a pair scoring within `delta` below the threshold is lifted to
  it when `body` reaches `c` (two items of one outlet never).
- `body-names-rescue`: the same, only when the pair also shares 2+ name words.
- `tfidf-weight`, `threshold` (what the body adds): the shipped TF-IDF feature's
  weight raised by `w` (the others scaled by 1 - w) at threshold `t`; the
  threshold alone chosen on the grid.
- `coin-rescue` (control): lifted when a meaningless coin (a salted hash of the
  pair) falls below `p`: how far rescuing a random share of the pairs near the
  threshold moves the figures.
- `coin-weight` (control): the coin as a seventh feature of weight `w`.

Constants are chosen on a grid on one half of the development slice (cut by
story, `fit_real_stories.halves`) and the other half is reported (B-cubed F1,
pair precision), as `eval_join_stories.py` does; each control salt is chosen
and reported on its own, so their spread is chance's. `--whole` adds, for each
body variant's choices, the whole slice, the project's own pair sets
(`eval_story_variants.own_figures`: each split's pair P/R, the real grouper's
clustering, the blind set) and the real feeds' stories of 2+.

What the data allows: on the slice every body is an excerpt of 35-62 content
words, all inside the lede's 80 (`lede-words 80-240` in eval_join_stories.py
changed nothing); the project's pairs hold 61-88 (22 of 135 articles pass 80),
the blind set 58-80 (4 of 80), and only two of the real feeds (techcrunch,
huffpost) carry whole articles. Here `body` therefore differs from the `tfidf`
feature in its weighting (sublinear tf, top `k` only), not in the words it reads.

Measured 2026-12-06. Shipped grouper in the same run: whole slice B-cubed
P/R/F1 0.958/0.809/0.877, pair precision 0.865; half A 0.879, half B 0.908
(pair precision 1.00 both); own pairs tune 1.00/0.74, holdout and fresh
1.00/1.00, hard 1.00/0.22, clustering 1.00/0.72, blind set 1.00/0.80; real
feeds 2 stories of 2+.

    held-out halves (B-cubed F1 / pair P), constants from the other half
    variant (choice on B | on A)            half A       half B
    body-weight (w .3, t .2, k 16)          0.892/0.97   0.917/1.00
    body-rescue (d .15, c .2, k 16 | k 48)  0.899/0.94   0.915/0.90
    body-names-rescue (d .15, c .3 | c .2)  0.885/1.00   0.915/0.90
    tfidf-weight (w .2 | .1, t .2)          0.880/0.97   0.903/0.97
    threshold alone (.225 | .2)             0.879/1.00   0.886/0.91
    coin-rescue, 6 salts                    0.870-0.898  0.879-0.914
    coin-weight, 6 salts                    0.857-0.910  0.841-0.894
    (eval_join_stories control, 6 salts)    0.878-0.888  0.904-0.920

On six cuts of the slice (`--splits 6`, 12 held-out halves, each control one
salt a cut), mean F1 gain over the shipped grouper on the same half:
body-weight +0.0010 (better on 6, worse on 4, lowest pair P 0.80),
body-rescue +0.0014 (6 / 3, 0.76), tfidf-weight -0.0026 (4 / 8, 0.83),
coin-rescue +0.0011 (7 / 4, 0.81), coin-weight -0.0129 (4 / 8, 0.66). The body
does what a coin does.

With the halves' choices on the whole slice (denser than either half):
body-weight 0.911/0.822/0.864, pair P 0.735 (own tune 0.93/0.82, holdout
0.94/1.00, fresh 0.86/1.00, hard 1.00/0.67, clustering 1.00/0.82, blind
1.00/0.95; feeds 2); body-rescue 0.881/0.831/0.856, pair P 0.714 (own tune
0.86/0.88, holdout 0.84/1.00, hard 0.83/0.56, clustering 1.00/0.84, blind
1.00/0.95; feeds 3: "Slack Wax Market" joins two "Automotive Slack Market"
reports, Vox's "Slack has a Snap problem" joins "Microsoft Teams is stomping
Slack": two events each). Every whole-slice grid point (`--grid`, in-sample):
F1 at most 0.882 (pair P 0.867) against 0.877, and pair P under 0.80 wherever
F1 rises with the threshold lowered. Pair features on the slice: body (k 48)
correlates 0.97 with `tfidf`; for pairs scoring 0.10-0.225 (47 same, 301
different) AUC 0.67 against the score's 0.65 and tfidf's 0.63; at c 0.3 it
would lift 10 same and 46 different pairs of that band. Not kept.

Cost (`bench_body_vector.py` under callgrind, 100 items): `signature.compute`
11.0 M instructions an item, the body vector as built here 5.4 M more (+49 %;
it reads the text's words a second time; sharing `compute`'s would save part);
`score.features` 111 k instructions a pair (4,000 pairs of 200 items), the body
cosine (k 48) 42 k more (+38 %), where most candidates are decided by
`score.reaches`'s bound without the full features.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import hashlib
import math
import sys
from collections.abc import Iterator
from typing import Any

import eval_join_stories as join
import eval_real_stories as real
import eval_stories as own_pairs
from eval_story_variants import Slice, own_figures

from newsdesk.model import Extracted
from newsdesk.stories import grouping, idf, minhash, signature
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import Signature
from newsdesk.stories.text import prose

Params = dict[str, float]
#: Most words kept in a body vector (a variant's `k` takes the first `k`).
MAX_K = 64

#: Body vectors by signature (`join.sig_key`): (word hash, weight), heaviest first.
BODY: dict[tuple[bytes, ...], list[tuple[int, float]]] = {}


def body_vector(meta: Extracted) -> list[tuple[int, float]]:
    """The headline's and body's content words, (1 + ln tf) x rarity, heaviest first."""
    lang = idf.language(meta.language)
    folded, stems = signature._content_folded(f"{meta.title}\n{prose(meta.body)}")
    tf = collections.Counter(stems)
    written: dict[str, str] = {}
    for word, stemmed in zip(folded, stems, strict=True):
        written.setdefault(stemmed, word)
    weighted = [
        (
            minhash.word_hash(s) & 0xFFFFFFFF,
            (1.0 + math.log(n)) * idf.stored_weight(written[s], s, lang) / idf.SCALE,
        )
        for s, n in tf.items()
    ]
    weighted.sort(key=lambda kv: (-kv[1], kv[0]))
    return weighted[:MAX_K]


def remember(meta: Extracted, sig: Signature) -> None:
    BODY.setdefault(join.sig_key(sig), body_vector(meta))


_compute = signature.compute


def compute(meta: Extracted) -> Signature:
    """`signature.compute`, the body vector kept aside."""
    sig = _compute(meta)
    remember(meta, sig)
    return sig


#: The modules whose `compute` the harnesses call (each body is kept as it goes).
_COMPUTING = (signature, grouping, real, own_pairs)


@contextlib.contextmanager
def keeping_bodies() -> Iterator[None]:
    """Every signature computed meanwhile has its body vector kept (`BODY`)."""
    for module in _COMPUTING:
        module.compute = compute  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for module in _COMPUTING:
            module.compute = _compute  # type: ignore[attr-defined]


_VECTORS: dict[tuple[tuple[bytes, ...], int], tuple[dict[int, float], float]] = {}


def vector(sig: Signature, k: int) -> tuple[dict[int, float], float]:
    """The first `k` words of `sig`'s body vector and their norm (empty when unknown)."""
    key = (join.sig_key(sig), k)
    found = _VECTORS.get(key)
    if found is None:
        vec = dict(BODY.get(key[0], [])[:k])
        found = _VECTORS[key] = (vec, math.sqrt(sum(x * x for x in vec.values())))
    return found


def body_cosine(a: Signature, b: Signature, k: int) -> float:
    va, na = vector(a, k)
    vb, nb = vector(b, k)
    if not na or not nb:
        return 0.0
    if len(vb) < len(va):
        va, vb = vb, va
    return sum(x * vb.get(w, 0.0) for w, x in va.items()) / (na * nb)


def coin(a: Signature, b: Signature, salt: int) -> float:
    """A meaningless value in [0, 1) for the pair (either order), one draw a salt."""
    ka, kb = sorted((b"".join(join.sig_key(a)), b"".join(join.sig_key(b))))
    digest = hashlib.blake2b(ka + b"|" + kb, digest_size=8, salt=salt.to_bytes(8, "little"))
    return int.from_bytes(digest.digest(), "little") / 2.0**64


@dataclasses.dataclass
class BodyFeatures(scoring.Features):
    """The shipped features with the body cosine and the control's coin."""

    body: float = 0.0
    coin: float = 0.0


class Variant:
    """The variant in force (`variant`) and its constants."""

    name = "shipped"
    p: Params = {}  # noqa: RUF012 (one process, one variant at a time)


def rescued(f: scoring.Features, value: float) -> bool:
    """Whether the variant lifts this pair (`value` is its shipped score) to the threshold."""
    if not isinstance(f, BodyFeatures) or f.same_outlet:
        return False
    t, p = scoring.THRESHOLD, Variant.p
    if not t - p["delta"] <= value < t:
        return False
    if Variant.name == "body-rescue":
        return f.body >= p["c"]
    if Variant.name == "body-names-rescue":
        return f.body >= p["c"] and f.names_shared >= 2
    if Variant.name == "coin-rescue":
        return f.coin < p["p"]
    return False


@contextlib.contextmanager
def variant(name: str, params: Params) -> Iterator[None]:
    """Run the grouper and the pair scores with the variant `name` (`params`)."""
    saved = (
        Variant.name,
        Variant.p,
        scoring.features,
        scoring.score,
        scoring.reaches,
        scoring.FEATURES,
        dict(scoring.WEIGHTS),
        scoring.THRESHOLD,
    )
    original_features, original_score, original_reaches = saved[2], saved[3], saved[4]
    Variant.name, Variant.p = name, params
    k = int(params.get("k", 48))
    salt = int(params.get("salt", 0))

    def features(a: Signature, b: Signature, ts_a: float | None, ts_b: float | None) -> Any:
        f = original_features(a, b, ts_a, ts_b)
        fields = {x.name: getattr(f, x.name) for x in dataclasses.fields(f)}
        return BodyFeatures(**fields, body=body_cosine(a, b, k), coin=coin(a, b, salt))

    def score(
        f: scoring.Features, weights: dict[str, float] | None = None, decay: float | None = None
    ) -> float:
        value = original_score(f, weights, decay)
        return scoring.THRESHOLD if rescued(f, value) else value

    def reaches(
        a: Signature,
        b: Signature,
        ts_a: float | None,
        ts_b: float | None,
        scored: scoring.Scored | None = None,
    ) -> bool:
        if original_reaches(a, b, ts_a, ts_b, scored):
            return True
        return score(features(a, b, ts_a, ts_b)) >= scoring.THRESHOLD

    scoring.features = features  # type: ignore[assignment]
    if name.endswith("-rescue"):
        scoring.score = score  # type: ignore[assignment]
        scoring.reaches = reaches  # type: ignore[assignment]
    if name.endswith("-weight"):
        extra = name.removesuffix("-weight")
        w = params["w"]
        if extra != "tfidf":
            scoring.FEATURES = (*saved[5], extra)  # type: ignore[misc]
        scoring.WEIGHTS.clear()
        scoring.WEIGHTS.update({key: v * (1.0 - w) for key, v in saved[6].items()})
        scoring.WEIGHTS[extra] = scoring.WEIGHTS.get(extra, 0.0) + w
    if "t" in params:
        scoring.THRESHOLD = params["t"]
    try:
        yield
    finally:
        Variant.name, Variant.p = saved[0], saved[1]
        scoring.features, scoring.score, scoring.reaches = saved[2], saved[3], saved[4]  # type: ignore[assignment]
        scoring.FEATURES = saved[5]  # type: ignore[misc]
        scoring.WEIGHTS.clear()
        scoring.WEIGHTS.update(saved[6])
        scoring.THRESHOLD = saved[7]


SALTS = (1, 2, 3, 4, 5, 6)
BANDS = (0.05, 0.1, 0.15)
GRIDS: dict[str, list[Params]] = {
    "shipped": [{}],
    "body-weight": [
        {"w": w, "t": t, "k": k}
        for w in (0.1, 0.2, 0.3)
        for t in (0.2, 0.225, 0.25)
        for k in (16.0, 48.0)
    ],
    "body-rescue": [
        {"delta": d, "c": c, "k": k} for d in BANDS for c in (0.2, 0.3, 0.4) for k in (16.0, 48.0)
    ],
    "body-names-rescue": [{"delta": d, "c": c, "k": 48.0} for d in BANDS for c in (0.1, 0.2, 0.3)],
    "tfidf-weight": [{"w": w, "t": t} for w in (0.1, 0.2, 0.3) for t in (0.2, 0.225, 0.25)],
    "threshold": [{"t": t} for t in (0.2, 0.225, 0.25)],
    "coin-rescue": [{"delta": d, "p": p} for d in BANDS for p in (0.25, 0.5)],
    "coin-weight": [{"w": w, "t": t} for w in (0.1, 0.2, 0.3) for t in (0.2, 0.225, 0.25)],
}
CONTROLS = ("coin-rescue", "coin-weight")


def measure(name: str, data: Slice, whole: bool) -> None:
    salts = SALTS if name in CONTROLS else (0,)
    chosen: list[Params] = []
    for salt in salts:
        for label, train, test in (
            ("A", data.half_b, data.half_a),
            ("B", data.half_a, data.half_b),
        ):
            scored = []
            for params in GRIDS[name]:
                with variant(name, {**params, "salt": salt}):
                    scored.append((round(data.run(train)["F1"], 6), -len(scored), params))
            best = {**max(scored)[2], "salt": salt}
            chosen.append(best)
            with variant(name, best):
                print(f"  {name} half {label} {best}: {join.fmt(data.run(test))}", flush=True)
    if whole and name not in CONTROLS:
        everything = list(range(len(data.items)))
        for params in {tuple(sorted(p.items())): p for p in chosen}.values():
            with variant(name, params):
                m = data.run(everything)
                longest, _ = real.spans(data.items, real.group(data.items))
                print(
                    f"  {name} whole {params}: {join.fmt(m)} span {longest:.0f} h; "
                    f"own {own_figures()}; {join.feeds()}",
                    flush=True,
                )


def split(data: Slice, seed: int) -> tuple[list[int], list[int]]:
    """The slice cut in two by story, another cut for each seed (seed 0: `data`'s own)."""
    if seed == 0:
        return data.half_a, data.half_b
    a: list[int] = []
    b: list[int] = []
    for i, url in enumerate(data.urls):
        story = data.gold.get(url, "none:" + url)
        digest = hashlib.blake2b(story.encode(), digest_size=2, salt=seed.to_bytes(8, "little"))
        (a if digest.digest()[0] % 2 else b).append(i)
    return a, b


#: Variants compared over many cuts (`--splits`): each control draws one salt a cut.
SPLIT_VARIANTS = ("body-weight", "body-rescue", "tfidf-weight", "coin-weight", "coin-rescue")


def splits(data: Slice, n: int) -> None:
    """For `n` cuts of the slice by story: each variant's constants chosen on one half,
    the other half scored, its F1 less the shipped grouper's on that half; the mean gain
    and the lowest pair precision over the 2n held-out halves."""
    gains: collections.defaultdict[str, list[float]] = collections.defaultdict(list)
    lowest: collections.defaultdict[str, float] = collections.defaultdict(lambda: 1.0)
    for seed in range(n):
        half_a, half_b = split(data, seed)
        for train, test in ((half_b, half_a), (half_a, half_b)):
            base = data.run(test)["F1"]
            cells = []
            for name in SPLIT_VARIANTS:
                scored = []
                for params in GRIDS[name]:
                    with variant(name, {**params, "salt": seed + 1}):
                        scored.append((round(data.run(train)["F1"], 6), -len(scored), params))
                with variant(name, {**max(scored)[2], "salt": seed + 1}):
                    m = data.run(test)
                gains[name].append(m["F1"] - base)
                lowest[name] = min(lowest[name], m["pairP"])
                cells.append(f"{name} {m['F1'] - base:+.3f}/{m['pairP']:.2f}")
            print(f"  cut {seed} shipped {base:.3f}: " + "  ".join(cells), flush=True)
    for name in SPLIT_VARIANTS:
        g = gains[name]
        print(
            f"{name}: mean F1 gain {sum(g) / len(g):+.4f} over {len(g)} held-out halves "
            f"(better on {sum(x > 0 for x in g)}, worse on {sum(x < 0 for x in g)}), "
            f"lowest pair P {lowest[name]:.2f}",
            flush=True,
        )


def grid(name: str, data: Slice) -> None:
    """Every grid point on the whole slice (in-sample: to see what precision costs)."""
    everything = list(range(len(data.items)))
    for params in GRIDS[name]:
        with variant(name, params):
            print(f"  {name} whole {params}: {join.fmt(data.run(everything))}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("variants", nargs="*", help=f"some of {', '.join(GRIDS)} (default: all)")
    ap.add_argument("--whole", action="store_true", help="the choices on the whole slice too")
    ap.add_argument("--splits", type=int, help="compare on this many cuts of the slice")
    ap.add_argument("--grid", action="store_true", help="every grid point on the whole slice")
    args = ap.parse_args()
    unknown = set(args.variants) - set(GRIDS)
    if unknown:
        sys.exit(f"unknown variants: {', '.join(sorted(unknown))}")
    if not real.SLICE.is_dir() or not real.FEEDS.is_dir():
        sys.exit(f"needs {real.SLICE} and {real.FEEDS}")
    with keeping_bodies():
        run(args)


def run(args: argparse.Namespace) -> None:
    data = Slice()
    if args.splits:
        splits(data, args.splits)
        return
    if args.grid:
        for name in args.variants:
            grid(name, data)
        return
    for name in args.variants or GRIDS:
        measure(name, data, args.whole)


if __name__ == "__main__":
    main()
