"""The labelled evaluation set: floors under pair and clustering precision and recall.

Precision stays >= 0.9 everywhere. Recall floors follow how hard each split
is: the "hard" split (rewrites sharing one or two names or figures, held out)
started at 0.00 with the first constants.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from newsdesk.stories import score as scoring

# Tune and hard floors lowered (0.8 -> 0.75 -> 0.7, 0.5 -> 0.4 -> 0.2) as the weights
# were fitted on real news as well (TF-IDF weight, then all weights and the decay by
# benchmarks/eval_real_stories.py --fit): measured 0.74 and 0.22, precision 1.00
# (README, Stories on real news). Real-news precision is what an editor acts on.
RECALL_FLOOR = {"tune": 0.7, "holdout": 0.9, "fresh": 0.9, "hard": 0.2}
BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_stories.py"


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_stories", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_stories"] = module
    spec.loader.exec_module(module)
    return module


def test_pairs_file_matches_the_authored_articles(ev: ModuleType) -> None:
    built = ev.build_pairs(ev.parse_articles())
    stored = ev.load_pairs()
    assert [p["id"] for p in built] == [p["id"] for p in stored]
    labels = [p["label"] for p in stored]
    assert labels.count("same") >= 30 and labels.count("different") >= 30
    for p in stored:
        for side in ("a", "b"):
            assert 120 <= len(p[side]["body"].split()) <= 300, p["id"]


@pytest.mark.parametrize("entities", ["auto", "heuristic"])
def test_precision_and_recall_on_the_labelled_pairs(ev: ModuleType, entities: str) -> None:
    _, fill = ev.entity_filler(entities)
    pairs = ev.load_pairs()
    metas, ts, events = {}, {}, {}
    sigs = {}
    for p in pairs:
        for side in ("a", "b"):
            key = ev.article_key(p[side])
            if key not in metas:
                metas[key] = ev.to_meta(p[side], fill)
                sigs[key] = ev.compute(metas[key])
                ts[key] = ev.timestamp(p[side]["published"])
                events[key] = p["event_" + side]
    for split in ev.SPLITS:
        rows = []
        for p in (p for p in pairs if p["split"] == split):
            ka, kb = ev.article_key(p["a"]), ev.article_key(p["b"])
            rows.append((p, scoring.features(sigs[ka], sigs[kb], ts[ka], ts[kb]), True))
        precision, recall, _ = ev.pair_metrics(rows, scoring.WEIGHTS, scoring.THRESHOLD)
        assert precision >= 0.9 and recall >= RECALL_FLOOR[split], (split, precision, recall)
    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    precision, recall, _ = ev.clustering_metrics(ev.cluster(metas, order, ts), events)
    # Average link trades some recall here (0.885 -> 0.80) for precision on real news
    # (pair precision 0.38 -> 0.75 on the real slice; README, Stories on real news),
    # and one report per outlet (six follow-ups by one outlet are labelled one event
    # here) takes it to 0.76, the weights fitted on real news to 0.72.
    assert precision >= 0.95 and recall >= 0.7


def test_the_fit_weighs_every_feature_of_the_score(ev: ModuleType) -> None:
    # It used to refit only the first features and silently keep the others' weight.
    assert set(ev.FEATURES) == set(scoring.WEIGHTS)
    _, _, _, _, rows = ev.prepare([p for p in ev.load_pairs() if p["split"] == "tune"])
    weights = ev.fit_weights(rows, verbose=False)
    assert set(weights) == set(scoring.WEIGHTS)
    assert weights["tfidf"] > 0 and abs(sum(weights.values()) - 1) < 0.02
    # Pairs a rule decides (two items of one outlet among them) are not fitted on.
    ruled = [r for r in rows if r[1].decided_by_rule]
    assert any(f.same_outlet for _, f, _ in ruled)
    free = [r for r in rows if not r[1].decided_by_rule]
    assert ev.fit_weights(free, verbose=False) == weights
