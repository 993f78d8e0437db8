"""Evaluate story grouping on the labelled pairs in benchmarks/story_pairs/.

    python benchmarks/eval_stories.py            # features, threshold table, P/R/F1
    python benchmarks/eval_stories.py --build    # regenerate pairs.jsonl from articles.txt

articles.txt is the authored copy (fictional events, several outlets each);
pairs.jsonl is derived from it: every two versions of one event make a "same"
pair, every two versions of different events on the same topic make a
"different" pair. Topics are split into "tune", "holdout", "fresh" and "hard":
weights, decay and the threshold are chosen on tune pairs only; holdout topics
were written with the first tune topics but never used for fitting; fresh
topics were written after a first set of constants was frozen; hard topics
(the "h-" topics after the marker comment in articles.txt) were written with
the hard tune topics, as rewrites that share few names and figures and
look-alike different events, and held out. pairs.jsonl is append-only:
new topics get new names, so --build keeps earlier lines in place. Figures for all three are reported
beside them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from newsdesk.model import Extracted
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories import score as scoring
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import Signature, compute

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "story_pairs" / "articles.txt"
PAIRS = HERE / "story_pairs" / "pairs.jsonl"
#: Every feature of the score (the fit used to see only the first five).
FEATURES = scoring.FEATURES
#: Decays tried when fitting (score taken off at the far edge of the window).
DECAYS = (0.0, 0.05, 0.1, 0.15, 0.2)
SPLITS = ("tune", "holdout", "fresh", "hard")


def parse_articles(path: Path = ARTICLES) -> list[dict[str, Any]]:
    """Read the authored file into article dicts with event, topic and split."""
    articles: list[dict[str, Any]] = []
    event: dict[str, str] = {}
    current: dict[str, Any] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            topic, name, split = (p.strip() for p in line[4:].split("|"))
            event = {"topic": topic, "event": name, "split": split}
            current = None
        elif line.startswith("@@ "):
            source, published = (p.strip() for p in line[3:].split("|"))
            current = {**event, "source": source, "published": published, "title": "", "body": []}
            articles.append(current)
        elif current is not None:
            if not current["title"]:
                current["title"] = line.strip()
            else:
                current["body"].append(line)
    for art in articles:
        art["body"] = "\n".join(art["body"]).strip()
        art["id"] = f"{art['event']}@{art['source']}"
    return articles


def build_pairs(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Same pairs within an event, different pairs across events of one topic."""

    def view(a: dict[str, Any]) -> dict[str, str]:
        return {k: a[k] for k in ("title", "source", "published", "body")}

    pairs = []
    for a, b in itertools.combinations(articles, 2):
        if a["topic"] != b["topic"]:
            continue
        same = a["event"] == b["event"]
        pairs.append(
            {
                "id": f"{a['id']}~{b['id']}",
                "label": "same" if same else "different",
                "topic": a["topic"],
                "split": a["split"],
                "event_a": a["event"],
                "event_b": b["event"],
                "a": view(a),
                "b": view(b),
            }
        )
    return pairs


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def timestamp(published: str | None) -> float | None:
    if not published:
        return None
    return datetime.fromisoformat(published.replace("Z", "+00:00")).timestamp()


def entity_filler(mode: str = "auto") -> tuple[str, Callable[[Extracted], Extracted]]:
    """`newsdesk.extract.enrich` when it is implemented (and asked for), else heuristic names."""
    if mode == "heuristic":
        return "heuristic names only (--entities heuristic)", lambda m: m
    try:
        from newsdesk.extract import enrich

        enrich(Extracted(title="Probe", body="Gov. Dana Whitcomb visited Harlow Bend."))
    except (ImportError, NotImplementedError) as exc:
        return f"heuristic names (extract.enrich unavailable: {type(exc).__name__})", lambda m: m
    return "newsdesk.extract.enrich", enrich


def to_meta(view: dict[str, str], fill: Callable[[Extracted], Extracted]) -> Extracted:
    meta = Extracted(
        title=view["title"], source=view["source"], published=view["published"], body=view["body"]
    )
    return fill(meta)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def auc(pos: list[float], neg: list[float]) -> float:
    """Probability that a random same pair outscores a random different pair."""
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg)) if pos and neg else 0.0


Row = tuple[dict[str, Any], scoring.Features, bool]


def scored(
    rows: list[Row], weights: dict[str, float], decay: float | None = None
) -> tuple[list[float], list[float]]:
    pos = [scoring.score(f, weights, decay) for p, f, _ in rows if p["label"] == "same"]
    neg = [scoring.score(f, weights, decay) for p, f, _ in rows if p["label"] != "same"]
    return pos, neg


def fit_weights(rows: list[Row], l2: float = 0.001, verbose: bool = True) -> dict[str, float]:
    """L2-regularised logistic regression on the in-window pairs, weights scaled to sum 1.

    Pairs a rule decides (`Features.decided_by_rule`: outside the time window,
    copies, template clashes, two items of one outlet) are left out, as in
    `fit_real_stories` (left in, automated alerts that differ only in figures
    teach the regression that a shared headline means another event).
    Negative weights are clipped to 0 (a feature may not count against a match).
    """
    import numpy as np

    inside = [(p, f) for p, f, _ in rows if not f.decided_by_rule]
    x = np.array([[f.as_dict()[k] for k in FEATURES] for _, f in inside])
    y = np.array([p["label"] == "same" for p, _ in inside], dtype=float)
    w, b = np.zeros(len(FEATURES)), 0.0
    for _ in range(20000):
        prob = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.5 * (x.T @ (prob - y) / len(y) + l2 * w)
        b -= 0.5 * float(np.mean(prob - y))
    if verbose:
        raw = {k: round(float(v), 2) for k, v in zip(FEATURES, w, strict=True)}
        print(f"logistic regression weights: {raw} bias {b:.2f}")
    w = np.clip(w, 0, None)
    return {k: round(float(v / w.sum()), 2) for k, v in zip(FEATURES, w, strict=True)}


def pick_threshold(pos: list[float], neg: list[float]) -> float:
    """The middle of the widest run of cut-offs that maximise F1 on these scores."""
    cuts = sorted({*pos, *neg})
    best_f, run = -1.0, []
    for lo, hi in itertools.pairwise([0.0, *cuts, 1.0]):
        t = (lo + hi) / 2
        tp = sum(v >= t for v in pos)
        fp = sum(v >= t for v in neg)
        f = prf(tp, fp, len(pos) - tp)[2]
        if f > best_f + 1e-12:
            best_f, run = f, [(lo, hi)]
        elif abs(f - best_f) <= 1e-12:
            run.append((lo, hi))
    return round((run[0][0] + run[-1][1]) / 2, 3)


def pick_decay_threshold(rows: list[Row], weights: dict[str, float]) -> tuple[float, float]:
    """(decay, threshold) with the best F1 on these pairs; the smallest decay among ties."""
    best: tuple[float, float, float] | None = None
    for decay in DECAYS:
        pos, neg = scored(rows, weights, decay)
        t = pick_threshold(pos, neg)
        tp, fp = sum(v >= t for v in pos), sum(v >= t for v in neg)
        f1 = prf(tp, fp, len(pos) - tp)[2]
        if best is None or f1 > best[0] + 1e-9:
            best = (f1, decay, t)
    assert best is not None
    return best[1], best[2]


def pair_metrics(
    rows: list[Row], weights: dict[str, float], t: float, decay: float | None = None
) -> tuple[float, ...]:
    pos, neg = scored(rows, weights, decay)
    tp = sum(v >= t for v in pos)
    fp = sum(v >= t for v in neg)
    return prf(tp, fp, len(pos) - tp)


def cluster(
    metas: dict[str, Extracted], order: list[str], ts: dict[str, float | None]
) -> dict[str, str]:
    """Run the real incremental grouper over the articles in `order`; article -> story."""
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    for key in order:
        grouper.assign(key, metas[key], ts[key])
    return {key: grouper.story_of(key) or "" for key in order}


def clustering_metrics(
    stories: dict[str, str], events: dict[str, str], pairs: list[dict[str, Any]] | None = None
) -> tuple[float, ...]:
    """Pairwise P/R/F1: over all article pairs, or over the labelled pairs given."""
    if pairs is None:
        items = list(itertools.combinations(sorted(stories), 2))
    else:
        items = [(article_key(p["a"]), article_key(p["b"])) for p in pairs]
    tp = fp = fn = 0
    for a, b in items:
        same_story, same_event = stories[a] == stories[b], events[a] == events[b]
        tp += same_story and same_event
        fp += same_story and not same_event
        fn += same_event and not same_story
    return prf(tp, fp, fn)


def cross_validate(rows: list[Row]) -> None:
    """Leave one topic out: fit weights, decay and threshold on the other topics, test on it.

    The estimate for pairs nobody has seen: every pair is scored by a model that
    never saw its topic (the shipped constants saw the tune half).
    """
    topics = sorted({p["topic"] for p, _, _ in rows})
    tp = fp = fn = 0
    for topic in topics:
        train = [r for r in rows if r[0]["topic"] != topic]
        test = [r for r in rows if r[0]["topic"] == topic]
        w = fit_weights(train, verbose=False)
        decay, t = pick_decay_threshold(train, w)
        pos, neg = scored(test, w, decay)
        tp += sum(v >= t for v in pos)
        fp += sum(v >= t for v in neg)
        fn += sum(v < t for v in pos)
    p_, r_, f_ = prf(tp, fp, fn)
    print(f"leave-one-topic-out ({len(topics)} folds): P={p_:.3f} R={r_:.3f} F1={f_:.3f}")


def article_key(view: dict[str, str]) -> str:
    return f"{view['source']}|{view['title']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="regenerate pairs.jsonl")
    parser.add_argument("--fit", action="store_true", help="grid-search weights on tune pairs")
    parser.add_argument("--pairs", action="store_true", help="list every pair with its score")
    parser.add_argument(
        "--entities",
        choices=("auto", "heuristic"),
        default="auto",
        help="auto: newsdesk.extract.enrich when available; heuristic: capitalised runs only",
    )
    args = parser.parse_args(argv)
    if args.build:
        pairs = build_pairs(parse_articles())
        PAIRS.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), "utf-8")
        print(f"wrote {len(pairs)} pairs to {PAIRS}")
    report(load_pairs(), fit=args.fit, list_pairs=args.pairs, entities=args.entities)
    return 0


def prepare(
    pairs: list[dict[str, Any]], entities: str = "auto"
) -> tuple[
    dict[str, Extracted], dict[str, Signature], dict[str, float | None], dict[str, str], list[Row]
]:
    """Each distinct article's meta, signature, time and event; each pair's features and
    whether LSH would make it a candidate. Shared by this report and the blind scorer."""
    how, fill = entity_filler(entities)
    print(f"entities: {how}")
    metas: dict[str, Extracted] = {}
    sigs: dict[str, Signature] = {}
    ts: dict[str, float | None] = {}
    events: dict[str, str] = {}
    for p in pairs:
        for side in ("a", "b"):
            key = article_key(p[side])
            if key not in metas:
                metas[key] = to_meta(p[side], fill)
                sigs[key] = compute(metas[key])
                ts[key] = timestamp(p[side]["published"])
                events[key] = p["event_" + side]
    rows: list[Row] = []
    for p in pairs:
        ka, kb = article_key(p["a"]), article_key(p["b"])
        f = scoring.features(sigs[ka], sigs[kb], ts[ka], ts[kb])
        cand = bool(set(sigs[ka].band_keys()) & set(sigs[kb].band_keys()))
        rows.append((p, f, cand))
    return metas, sigs, ts, events, rows


def report(
    pairs: list[dict[str, Any]], fit: bool = False, list_pairs: bool = False, entities: str = "auto"
) -> None:
    metas, _, ts, events, rows = prepare(pairs, entities)
    split_rows = {s: [r for r in rows if r[0]["split"] == s] for s in SPLITS}

    weights = dict(scoring.WEIGHTS)
    if fit:
        weights = fit_weights(split_rows["tune"])
        print(f"fitted weights (tune pairs): {weights}")
    print(f"weights in use: {weights}; window {scoring.WINDOW_HOURS:g} h, decay {scoring.DECAY}")

    for split, sub in split_rows.items():
        n_same = sum(r[0]["label"] == "same" for r in sub)
        print(f"\n[{split}] {n_same} same / {len(sub) - n_same} different pairs")
        print(f"{'feature':10} {'AUC':>6} {'same min/med':>14} {'diff med/max':>14}")
        for name in (*FEATURES, "score"):

            def val(f: scoring.Features, name: str = name) -> float:
                return scoring.score(f, weights) if name == "score" else f.as_dict()[name]

            pos = sorted(val(f) for p, f, _ in sub if p["label"] == "same")
            neg = sorted(val(f) for p, f, _ in sub if p["label"] != "same")
            print(
                f"{name:10} {auc(pos, neg):6.3f} {pos[0]:6.2f}/{pos[len(pos) // 2]:6.2f}"
                f"  {neg[len(neg) // 2]:6.2f}/{neg[-1]:6.2f}"
            )
        cand_recall = sum(c for p, _, c in sub if p["label"] == "same") / max(1, n_same)
        print(f"LSH candidate recall on same pairs: {cand_recall:.3f}")

    decay, measured = pick_decay_threshold(split_rows["tune"], weights)
    print(
        f"\ndecay and threshold picked on tune pairs: {decay}, {measured}"
        f"  (in use: {scoring.DECAY}, {scoring.THRESHOLD})"
    )
    print("\nthreshold table (pair classification)")
    print(f"{'t':>6}" + "".join(f"  {s + ' P/R/F1':>20}" for s in SPLITS))
    for i in range(4, 21):
        t = i * 0.025
        cells = [
            "{:6.3f}{:7.3f}{:7.3f}".format(*pair_metrics(split_rows[s], weights, t)) for s in SPLITS
        ]
        mark = " <" if abs(t - scoring.THRESHOLD) < 0.0125 else ""
        print(f"{t:6.3f}  " + "  ".join(cells) + mark)
    for s in SPLITS:
        p_, r_, f_ = pair_metrics(split_rows[s], weights, scoring.THRESHOLD)
        print(f"pairs {s:7} at t={scoring.THRESHOLD}: P={p_:.3f} R={r_:.3f} F1={f_:.3f}")

    cross_validate(rows)

    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    stories = cluster(metas, order, ts)
    print("\nclustering with StoryGrouper (import in publication order)")
    for label, sub_pairs in (
        ("all article pairs", None),
        ("tune pairs", [r[0] for r in split_rows["tune"]]),
        ("holdout pairs", [r[0] for r in split_rows["holdout"]]),
        ("fresh pairs", [r[0] for r in split_rows["fresh"]]),
        ("hard pairs", [r[0] for r in split_rows["hard"]]),
    ):
        p_, r_, f_ = clustering_metrics(stories, events, sub_pairs)
        print(f"  {label:18} P={p_:.3f} R={r_:.3f} F1={f_:.3f}")
    rev = sorted(metas, key=lambda k: (-(ts[k] or 0.0), k))
    p_, r_, f_ = clustering_metrics(cluster(metas, rev, ts), events)
    print(f"  reverse order      P={p_:.3f} R={r_:.3f} F1={f_:.3f}")
    print(f"  {len(set(stories.values()))} stories for {len(set(events.values()))} events")

    if list_pairs:
        print("\nevery pair, by score (label split score features hours candidate id):")
        for p, f, c in sorted(rows, key=lambda r: scoring.score(r[1], weights)):
            hours = f"{f.hours:.0f}" if f.hours is not None else "?"
            print(
                f"  {p['label']:9} {p['split']:7} {scoring.score(f, weights):.3f} "
                + " ".join(f"{k}={v:.2f}" for k, v in f.as_dict().items())
                + f" h={hours} cand={int(c)} {p['id'][:70]}"
            )


if __name__ == "__main__":
    sys.exit(main())
