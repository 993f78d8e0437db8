"""MinHash estimates and LSH band keys."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from newsdesk.stories import minhash


def _sets(overlap: int, only: int) -> tuple[list[str], list[str]]:
    shared = [f"shared-{i}" for i in range(overlap)]
    return shared + [f"a-{i}" for i in range(only)], shared + [f"b-{i}" for i in range(only)]


@pytest.mark.parametrize(("overlap", "only"), [(100, 0), (60, 20), (50, 50), (20, 90), (0, 80)])
def test_estimate_is_close_to_true_jaccard(overlap: int, only: int) -> None:
    a, b = _sets(overlap, only)
    true = overlap / (overlap + 2 * only)
    sa = minhash.signature(minhash.hash_set(a), 256)
    sb = minhash.signature(minhash.hash_set(b), 256)
    # Standard error at K=256 is at most 0.031; 0.1 is more than three of them.
    assert abs(minhash.estimate(sa, sb) - true) < 0.1


def test_estimates_are_unbiased_over_many_sets() -> None:
    errors = []
    for seed in range(30):
        a, b = _sets(40, 30)
        a = [f"{seed}:{x}" for x in a]
        b = [f"{seed}:{x}" for x in b]
        sa = minhash.signature(minhash.hash_set(a), 64)
        sb = minhash.signature(minhash.hash_set(b), 64)
        errors.append(minhash.estimate(sa, sb) - 40 / 100)
    assert abs(float(np.mean(errors))) < 0.03


def test_empty_sets_never_match() -> None:
    empty = minhash.signature(minhash.hash_set([]), 32)
    assert minhash.estimate(empty, empty) == 0.0
    assert minhash.band_keys(empty, 1, "x") == []


def test_identical_sets_share_every_band() -> None:
    sig = minhash.signature(minhash.hash_set(["flood", "tessel", "harlow"]), 40)
    keys = minhash.band_keys(sig, 2, "t")
    assert len(keys) == 20
    assert keys == minhash.band_keys(sig.copy(), 2, "t")
    assert set(keys).isdisjoint(minhash.band_keys(sig, 2, "other-salt"))
    assert all(0 <= k < 2**63 for k in keys)


def test_hash_is_stable_across_processes() -> None:
    code = "from newsdesk.stories.minhash import stable_hash; print(stable_hash('Harlow Bend'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == minhash.stable_hash("Harlow Bend")


def test_sixteen_bit_signatures_estimate_as_well() -> None:
    a, b = _sets(50, 25)
    sa = minhash.low_bits(minhash.signature(minhash.hash_set(a), 256))
    sb = minhash.low_bits(minhash.signature(minhash.hash_set(b), 256))
    assert sa.dtype == np.uint16
    assert abs(minhash.estimate(sa, sb) - 0.5) < 0.1


def test_containment_and_jaccard() -> None:
    assert minhash.jaccard([1, 2, 3], [2, 3, 4]) == pytest.approx(0.5)
    assert minhash.containment([1, 2], [1, 2, 3, 4]) == 1.0
    assert minhash.containment([], [1]) == 0.0
