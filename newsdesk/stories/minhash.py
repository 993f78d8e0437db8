"""Stable hashing, MinHash signatures and LSH band keys (numpy, fixed seed).

MinHash: for each of K seeded hash functions h_i, keep min over the set of
h_i(x). Two sets agree on a position with probability equal to their Jaccard
similarity, so the share of equal positions estimates it (standard error
about sqrt(J(1-J)/K)). The functions are multiply-shift hashes on 64-bit
words, a universal family that numpy evaluates for all K at once.

LSH: cut the K positions into bands of r rows; two sets share a band key with
probability 1-(1-J^r)^b, so near sets become candidates through an equality
lookup on an indexed table instead of a scan.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

SEED = 20260314
MAX_K = 256
EMPTY = np.uint32(0xFFFFFFFF)

_rng = np.random.default_rng(SEED)
_A: npt.NDArray[np.uint64] = _rng.integers(1, 2**63, size=MAX_K, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_B: npt.NDArray[np.uint64] = _rng.integers(0, 2**63, size=MAX_K, dtype=np.uint64)
_SHIFT = np.uint64(32)


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (unlike `hash()`)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def hash_set(items: Iterable[str]) -> npt.NDArray[np.uint64]:
    """Sorted unique 64-bit hashes of `items`."""
    return np.unique(np.fromiter((stable_hash(i) for i in items), dtype=np.uint64))


def signature(hashes: npt.NDArray[np.uint64], k: int) -> npt.NDArray[np.uint32]:
    """The K-position MinHash signature of a set given as 64-bit hashes."""
    if k > MAX_K:
        raise ValueError(f"k={k} exceeds {MAX_K}")
    if hashes.size == 0:
        return np.full(k, EMPTY, dtype=np.uint32)
    # uint64 arithmetic wraps modulo 2**64, which multiply-shift hashing relies on.
    mixed = _A[:k, None] * hashes[None, :] + _B[:k, None]
    return (mixed >> _SHIFT).min(axis=1).astype(np.uint32)


def estimate(a: npt.NDArray[np.uint32], b: npt.NDArray[np.uint32]) -> float:
    """Estimated Jaccard similarity of the two sets behind two signatures."""
    if a.size == 0 or a.size != b.size:
        return 0.0
    valid = (a != EMPTY) | (b != EMPTY)
    if not valid.any():
        return 0.0
    return float(np.count_nonzero((a == b) & valid)) / float(a.size)


def band_keys(sig: npt.NDArray[np.uint32], rows: int, salt: str) -> list[int]:
    """One key per band of `rows` positions, salted per feature, as signed 63-bit ints.

    Bands made only of EMPTY positions are skipped: empty sets must not
    collide with each other.
    """
    keys: list[int] = []
    prefix = salt.encode("utf-8")
    for band, start in enumerate(range(0, sig.size - rows + 1, rows)):
        chunk = sig[start : start + rows]
        if bool((chunk == EMPTY).all()):
            continue
        digest = hashlib.blake2b(
            prefix + band.to_bytes(2, "little") + chunk.tobytes(), digest_size=8
        ).digest()
        keys.append(int.from_bytes(digest, "little") >> 1)
    return keys


def jaccard(a: Iterable[int], b: Iterable[int]) -> float:
    """Exact Jaccard similarity of two sets."""
    sa, sb = set(a), set(b)
    if not sa and not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def containment(a: Iterable[int], b: Iterable[int]) -> float:
    """|A∩B| / min(|A|, |B|): how much of the smaller set the larger one covers."""
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / min(len(sa), len(sb))
