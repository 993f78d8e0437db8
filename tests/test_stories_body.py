"""The whole-body measurement harness (benchmarks/eval_body_stories.py): its vector weighs
what it says it weighs, and it leaves the shipped score as it found it."""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType

import pytest

from newsdesk.model import Extracted
from newsdesk.stories import grouping, idf, minhash, signature
from newsdesk.stories import score as scoring
from newsdesk.stories.text import stem

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def body(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import eval_body_stories

    return eval_body_stories


def _meta(title: str, text: str) -> Extracted:
    return Extracted(title=title, body=text, language="en")


def test_body_vector_weighs_repeats_sublinearly_and_rare_words_higher(body: ModuleType) -> None:
    meta = _meta("Harbour", "Quillport ferry. Quillport ferry. Quillport crews said.")
    weights = dict(body.body_vector(meta))

    def weight(word: str, n: int) -> float:
        key = minhash.word_hash(stem(word)) & 0xFFFFFFFF
        assert key in weights
        expected = (1 + math.log(n)) * idf.stored_weight(word, stem(word)) / idf.SCALE
        assert weights[key] == pytest.approx(expected)
        return weights[key]

    # "quillport" (unknown to the word lists, three times) outweighs "ferry" (said twice).
    assert weight("quillport", 3) > weight("ferry", 2) > weight("crews", 1)
    ranked = [w for _, w in body.body_vector(meta)]
    assert ranked == sorted(ranked, reverse=True)


def test_body_cosine_of_copies_and_strangers(body: ModuleType) -> None:
    a = _meta("Ferry strike", "Quillport ferry crews vote to strike over pay.")
    b = _meta("Library fines", "Branwick libraries scrap late fines for children.")
    sig_a, sig_b = body._compute(a), body._compute(b)
    body.remember(a, sig_a)
    body.remember(b, sig_b)
    assert body.body_cosine(sig_a, sig_a, 48) == pytest.approx(1.0)
    assert body.body_cosine(sig_a, sig_b, 48) == 0.0


def test_variants_leave_the_shipped_score_as_they_found_it(body: ModuleType) -> None:
    before = (
        dict(scoring.WEIGHTS),
        scoring.THRESHOLD,
        scoring.FEATURES,
        scoring.features,
        scoring.score,
        scoring.reaches,
    )
    with body.variant("body-weight", {"w": 0.3, "t": 0.2, "k": 16}):
        assert scoring.WEIGHTS["body"] == 0.3
        assert scoring.THRESHOLD == 0.2
    with pytest.raises(RuntimeError), body.variant("body-rescue", {"delta": 0.1, "c": 0.3}):
        assert scoring.score is not before[4]
        raise RuntimeError
    after = (
        dict(scoring.WEIGHTS),
        scoring.THRESHOLD,
        scoring.FEATURES,
        scoring.features,
        scoring.score,
        scoring.reaches,
    )
    assert after == before


def test_bodies_are_kept_only_inside_the_harness(body: ModuleType) -> None:
    shipped = grouping.compute
    with body.keeping_bodies():
        assert grouping.compute is body.compute
    assert grouping.compute is shipped is signature.compute


def test_a_variant_that_rescues_nothing_groups_as_the_shipped_grouper(body: ModuleType) -> None:
    """The patched features, score and `reaches` (every candidate scored in full) place
    the project's pairs as the shipped grouper does: the figures compare like with like."""
    import eval_stories as ev

    metas, _, ts, _, _ = ev.prepare(ev.load_pairs())
    order = sorted(metas, key=lambda k: (ts[k] or 0.0, k))
    shipped = ev.cluster(metas, order, ts)
    with body.keeping_bodies(), body.variant("body-rescue", {"delta": 0.0, "c": 0.0, "k": 48}):
        patched = ev.cluster(metas, order, ts)
        assert body.BODY  # the bodies were kept as the grouper signed them
    assert patched == shipped
    assert len(set(shipped.values())) < len(shipped)  # some stories of several versions
