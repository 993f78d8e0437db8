"""Story grouping on real news: the development slice in ../shared/realworld-stories.

    python benchmarks/eval_real_stories.py [--examples 5]

Reads the slice with the importer (`ingest.load_file`), groups it with the real
`StoryGrouper` oldest first (what `newsdesk import` does with a file; undated articles are
matched at any date, as in `Desk`), and scores it with the slice's own scorer
(B-cubed and pairwise). In the same run it scores a TF-IDF cosine single-link
baseline over headline and body content words (pairs within the 96 h window,
cut-off chosen by best B-cubed F1 on the slice itself, so the baseline is
flattered, not handicapped). Prints figures only; the gold file is read by the
scorer's functions, never by the grouper.

Then it groups the real feeds in ../shared/realworld/feeds (no gold there) and
counts the stories holding two items of one outlet (`signature.outlet_key`)
and how many of those are an update of one report (`score.UPDATE_SCORE`);
--examples lists every story of more than one article.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import math
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from newsdesk.desk.storing import oldest_first
from newsdesk.ingest import load_file
from newsdesk.isodates import iso_to_ts
from newsdesk.model import Extracted, article_id
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.store.story_tables import StoryTables
from newsdesk.stories import score as scoring
from newsdesk.stories.feed_subject import MIN_ITEMS, subject_names, without_names
from newsdesk.stories.grouping import SPAN_HOURS, StoryGrouper
from newsdesk.stories.signature import compute, outlet_key
from newsdesk.stories.text import content_words

SLICE = Path(__file__).resolve().parents[2] / "shared" / "realworld-stories"
FEEDS = Path(__file__).resolve().parents[2] / "shared" / "realworld" / "feeds"


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rw_score", SLICE / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load() -> tuple[list[Extracted], list[dict[str, Any]]]:
    result = load_file(SLICE / "articles.jsonl")
    if result.error:
        sys.exit(f"could not read the slice: {result.error}")
    raw = [
        json.loads(line)
        for line in (SLICE / "articles.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    if len(raw) != len(result.items):
        sys.exit(f"{len(raw)} lines but {len(result.items)} items imported")
    return result.items, raw


def group(
    items: list[Extracted],
    files: list[int] | None = None,
    make: Callable[[StoryTables], StoryGrouper] = StoryGrouper,
) -> list[str]:
    """Story id per item, as the import would assign them (one transaction): each
    file's items oldest first (`storing.oldest_first`); `files` gives how many items
    each file holds, in order (default: one file); `make` builds the grouper (a
    tracing one in `eval_story_splits`)."""
    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    grouper = make(SqliteStoryTables(conn))
    out: dict[int, str] = {}
    seen: dict[str, str] = {}
    start = 0
    for size in files or [len(items)]:
        part = items[start : start + size]
        sigs = [compute(meta) for meta in part]
        subject = subject_names(sigs) if size >= MIN_ITEMS else frozenset()
        for n in oldest_first(part):
            index = start + n
            meta = items[index]
            aid = article_id(meta)
            if aid in seen:  # an exact duplicate merges into the stored article
                out[index] = seen[aid]
                continue
            ts = iso_to_ts(meta.published)
            # As the importer does: matched without the file's subject, stored whole.
            placement = grouper.decide(aid, without_names(sigs[n], subject), ts)
            grouper.record(aid, placement._replace(signature=sigs[n], keys=sigs[n].band_keys()))
            seen[aid] = placement.story
            out[index] = placement.story
        start += size
    # Stories an article bridged were merged (`grouping.MERGE_THRESHOLD`): each
    # article's story as the tables hold it at the end, as the store's rows do.
    final = {aid: grouper.story_of(aid) for aid in seen}
    return [final[article_id(items[i])] or out[i] for i in range(len(items))]


def spans(items: list[Extracted], stories: list[str]) -> tuple[float, int]:
    """The longest story's span of publication times (hours) and how many stories
    span more than `grouping.SPAN_HOURS` (undated members left out)."""
    dates: collections.defaultdict[str, list[float]] = collections.defaultdict(list)
    for meta, story in zip(items, stories, strict=True):
        ts = iso_to_ts(meta.published)
        if ts is not None:
            dates[story].append(ts)
    hours = [(max(d) - min(d)) / 3600.0 for d in dates.values()]
    return max(hours, default=0.0), sum(h > SPAN_HOURS for h in hours)


def tfidf_single_link(items: list[Extracted], cutoff: float) -> list[str]:
    docs = [collections.Counter(content_words(f"{m.title}\n{m.body}")) for m in items]
    df: collections.Counter[str] = collections.Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)
    vecs = []
    for d in docs:
        v = {w: (1 + math.log(c)) * math.log((n + 1) / (df[w] + 1)) for w, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vecs.append({w: x / norm for w, x in v.items()})
    ts = [iso_to_ts(m.published) for m in items]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i):
            ti, tj = ts[i], ts[j]
            if ti is not None and tj is not None and abs(ti - tj) > scoring.WINDOW_HOURS * 3600:
                continue
            a, b = vecs[i], vecs[j]
            if len(a) > len(b):
                a, b = b, a
            if sum(x * b.get(w, 0.0) for w, x in a.items()) >= cutoff:
                parent[find(i)] = find(j)
    return [f"t{find(i)}" for i in range(n)]


def evaluate(
    mod: ModuleType, gold: dict[str, str], urls: list[str], stories: list[str]
) -> dict[str, float]:
    pred = {u: s for u, s in zip(urls, stories, strict=True) if u in gold}
    for u in gold:
        pred.setdefault(u, "missing:" + u)
    p, r, f = mod.bcubed(pred, gold)
    pp, pr, pf, *_ = mod.pairwise(pred, gold)
    return {
        "P": p,
        "R": r,
        "F1": f,
        "pairP": pp,
        "pairR": pr,
        "pairF1": pf,
        "clusters": len(set(pred.values())),
        "largest": max(collections.Counter(pred.values()).values()),
    }


def line(name: str, m: dict[str, float]) -> str:
    return (
        f"{name:34} B3 P={m['P']:.3f} R={m['R']:.3f} F1={m['F1']:.3f}  "
        f"pairs P={m['pairP']:.3f} R={m['pairR']:.3f} F1={m['pairF1']:.3f}  "
        f"stories={m['clusters']:.0f} largest={m['largest']:.0f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=0, help="print wrong and missed pairs")
    ap.add_argument(
        "--fit", action="store_true", help="fit weights and threshold, with a held-out check"
    )
    args = ap.parse_args()
    if not SLICE.is_dir():
        sys.exit(f"no development slice at {SLICE}")
    mod = scorer()
    gold = json.loads((SLICE / "gold.json").read_text(encoding="utf-8"))["by_url"]
    items, raw = load()
    urls = [r["url"] for r in raw]
    start = time.process_time()
    stories = group(items)
    cpu = time.process_time() - start
    print(
        f"{len(items)} articles, {len(set(gold.values()))} gold stories; grouping {cpu * 1000 / len(items):.2f} ms CPU an article"
    )
    print(line("StoryGrouper (import order)", evaluate(mod, gold, urls, stories)))
    longest, over = spans(items, stories)
    print(f"  longest story span {longest:.1f} h; stories over {SPAN_HOURS:.0f} h: {over}")
    best: tuple[float, float, dict[str, float]] | None = None
    for cutoff in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        m = evaluate(mod, gold, urls, tfidf_single_link(items, cutoff))
        if best is None or m["F1"] > best[0]:
            best = (m["F1"], cutoff, m)
    assert best is not None
    print(line(f"TF-IDF single link (cut {best[1]:.2f})", best[2]))
    if args.fit:
        own_report(fitted_constants(mod, items, urls, gold))
    if FEEDS.is_dir():
        feeds_report(bool(args.examples))
    if args.examples:
        pred = dict(zip(urls, stories, strict=True))
        meta = {r["url"]: r for r in raw}
        wrong = [(a, b) for a, b in mod.pairs_of(pred) - mod.pairs_of(gold)]
        by_story: collections.defaultdict[str, set[str]] = collections.defaultdict(set)
        for a, b in wrong:
            by_story[pred[a]].update((a, b))
        print("\nstories with wrong pairs (largest first):")
        for story, members in sorted(by_story.items(), key=lambda kv: -len(kv[1]))[: args.examples]:
            print(f"  {story}:")
            for u in sorted(members, key=lambda u: meta[u]["published"] or ""):
                print(
                    f"    {gold[u][:12]:12} {meta[u]['published'][:16]} {meta[u]['source'][:18]:18} {meta[u]['title'][:80]}"
                )


def fitted_constants(
    mod: ModuleType, items: list[Extracted], urls: list[str], gold: dict[str, str]
) -> dict[str, float]:
    import eval_stories
    import fit_real_stories

    _, _, _, _, rows = eval_stories.prepare(eval_stories.load_pairs())
    return fit_real_stories.fit(
        mod, items, urls, gold, rows, group, tfidf_single_link, evaluate, line
    )


def own_report(fitted: dict[str, float]) -> None:
    """The project's own pair sets with the shipped and the fitted constants."""
    import eval_stories as ev
    import fit_real_stories

    metas, _, ts, events, rows = ev.prepare(ev.load_pairs())
    weights = {k: v for k, v in fitted.items() if k not in ("threshold", "decay")}
    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    for name, w, t, decay in (
        ("shipped", dict(scoring.WEIGHTS), scoring.THRESHOLD, scoring.DECAY),
        ("fitted", weights, fitted["threshold"], fitted["decay"]),
    ):
        cells = []
        for split in ev.SPLITS:
            sub = [r for r in rows if r[0]["split"] == split]
            p_, r_, _ = ev.pair_metrics(sub, w, t, decay)
            cells.append(f"{split} P={p_:.2f} R={r_:.2f}")
        with fit_real_stories.constants(w, t, decay):
            p_, r_, _ = ev.clustering_metrics(ev.cluster(metas, order, ts), events)
        print(f"  own pairs, {name}: " + "; ".join(cells) + f"; clustering P={p_:.2f} R={r_:.2f}")
        blind = ev.load_pairs(Path(ev.__file__).parent / "heldout" / "story_pairs.jsonl")
        p_, r_, _ = ev.pair_metrics(ev.prepare(blind)[4], w, t, decay)
        print(f"  blind pairs (benchmarks/heldout), {name}: P={p_:.2f} R={r_:.2f}")


def grouped_feeds() -> tuple[list[Extracted], list[str]]:
    """The real feeds' items in file order and each one's story, grouped as imported."""
    items: list[Extracted] = []
    files: list[int] = []
    for path in sorted(FEEDS.iterdir()):
        found = load_file(path).items  # a malformed feed yields what it could read
        items += found
        files.append(len(found))
    return items, group(items, files)


def stories_of_two(items: list[Extracted], stories: list[str]) -> int:
    """Stories holding two or more distinct articles (exact duplicates once)."""
    members: collections.defaultdict[str, set[str]] = collections.defaultdict(set)
    for meta, story in zip(items, stories, strict=True):
        members[story].add(article_id(meta))
    return sum(len(m) > 1 for m in members.values())


def feeds_report(examples: bool) -> None:
    """Group the real feeds in file order; count stories with two items of one outlet."""
    items, stories = grouped_feeds()
    by_story: collections.defaultdict[str, dict[str, int]] = collections.defaultdict(dict)
    for i, story in enumerate(stories):
        by_story[story].setdefault(article_id(items[i]), i)  # exact duplicates once
    multi = {s: sorted(m.values()) for s, m in by_story.items() if len(m) > 1}
    shared = 0
    updates = 0
    for members in multi.values():
        outlets = collections.Counter(outlet_key(items[i]) for i in members)
        if any(n > 1 and key for key, n in outlets.items()):
            shared += 1
            sigs = {i: compute(items[i]) for i in members}
            pairs = [
                (a, b)
                for a in members
                for b in members
                if a < b and outlet_key(items[a]) == outlet_key(items[b])
            ]
            updates += all(
                scoring.score(
                    scoring.features(
                        sigs[a],
                        sigs[b],
                        iso_to_ts(items[a].published),
                        iso_to_ts(items[b].published),
                    )
                )
                >= scoring.UPDATE_SCORE
                for a, b in pairs
            )
    longest, over = spans(items, stories)
    print(
        f"\nreal feeds ({len(items)} items): {len(multi)} stories of 2+ articles, "
        f"{shared} with two items of one outlet ({updates} of them updates of one report); "
        f"longest story span {longest:.1f} h, stories over {SPAN_HOURS:.0f} h: {over}"
    )
    if examples:
        for story, members in sorted(multi.items(), key=lambda kv: -len(kv[1])):
            print(f"  {story} ({len(members)})")
            for i in members:
                print(f"    {(items[i].source or '?')[:18]:18} {items[i].title[:90]}")


if __name__ == "__main__":
    main()
