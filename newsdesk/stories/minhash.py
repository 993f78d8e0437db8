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
from functools import lru_cache

import numpy as np
import numpy.typing as npt

SEED = 20260314
MAX_K = 256
EMPTY = np.uint32(0xFFFFFFFF)
_EMPTY16 = np.uint16(0xFFFF)

_rng = np.random.default_rng(SEED)
_A: npt.NDArray[np.uint64] = _rng.integers(1, 2**63, size=MAX_K, dtype=np.uint64) * np.uint64(
    2
) + np.uint64(1)
_B: npt.NDArray[np.uint64] = _rng.integers(0, 2**63, size=MAX_K, dtype=np.uint64)
_SHIFT = np.uint64(32)


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (unlike `hash()`)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


@lru_cache(maxsize=1 << 16)
def word_hash(word: str) -> int:
    """`stable_hash`, cached: words recur across articles."""
    return stable_hash(word)


def hash_set(items: Iterable[str]) -> npt.NDArray[np.uint64]:
    """Sorted unique 64-bit hashes of `items`."""
    return np.unique(np.fromiter((word_hash(i) for i in items), dtype=np.uint64))


def hash_set32(items: Iterable[str]) -> npt.NDArray[np.uint32]:
    """Sorted unique 32-bit hashes: what is stored for exact set comparisons.

    Two different names collide with probability 2**-32: across the ~20 x 20
    name pairs of two articles, about one false match in ten million comparisons.
    """
    # The cast to uint32 keeps the low 32 bits (h & 0xFFFFFFFF) without a Python step per item.
    return np.unique(np.fromiter(map(word_hash, items), dtype=np.uint64).astype(np.uint32))


_MIX = np.uint64(0x9E3779B97F4A7C15)


def shingle_hashes(tokens: list[str], size: int) -> npt.NDArray[np.uint64]:
    """Sorted unique hashes of the `size`-word shingles of `tokens`, without joining strings.

    Each shingle hash folds its word hashes together (h = h * MIX + next, mod
    2**64), so order matters; texts shorter than `size` give their words.
    """
    words = np.fromiter(map(word_hash, tokens), dtype=np.uint64, count=len(tokens))
    count = len(tokens) - size + 1
    if count <= 0:
        return np.unique(words)
    combined = words[:count].copy()
    for offset in range(1, size):
        combined = combined * _MIX + words[offset : offset + count]
    return np.unique(combined)


def signature(hashes: npt.NDArray[np.uint64], k: int) -> npt.NDArray[np.uint32]:
    """The K-position MinHash signature of a set given as 64-bit hashes."""
    if k > MAX_K:
        raise ValueError(f"k={k} exceeds {MAX_K}")
    if hashes.size == 0:
        return np.full(k, EMPTY, dtype=np.uint32)
    # uint64 arithmetic wraps modulo 2**64, which multiply-shift hashing relies on.
    # One (k x n) matrix, added to in place; the shift comes after the minimum
    # (x >> 32 never decreases as x grows, so min(x >> 32) == min(x) >> 32): one
    # pass over the matrix fewer and no second matrix.
    mixed = np.multiply.outer(_A[:k], hashes)
    mixed += _B[:k, None]
    return (mixed.min(axis=1) >> _SHIFT).astype(np.uint32)


def low_bits(sig: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint16]:
    """b-bit MinHash (b=16): keep the low half of each value, halving storage.

    Unrelated values then agree by chance with probability 2**-16, which
    inflates a Jaccard estimate by at most that much (Li and König, 2010).
    Empty positions stay at the type's maximum.
    """
    return (sig & np.uint32(0xFFFF)).astype(np.uint16)


def estimate(a: npt.NDArray[np.unsignedinteger], b: npt.NDArray[np.unsignedinteger]) -> float:
    """Estimated Jaccard similarity of the two sets behind two signatures (32 or 16 bits)."""
    if a.size == 0 or a.size != b.size:
        return 0.0
    equal = a == b
    if not equal.any():
        return 0.0
    # Positions where both sets are empty agree without meaning anything.
    empty = _EMPTY16 if a.dtype == np.uint16 else EMPTY
    return float(np.count_nonzero(equal & (a != empty))) / float(a.size)


def band_keys(
    sig: npt.NDArray[np.unsignedinteger], rows: int, salt: str, bands: int | None = None
) -> list[int]:
    """One key per band of `rows` positions, salted per feature, as 63-bit ints.

    The first `bands` bands (all when None). Bands made only of empty
    positions are skipped: empty sets must not collide with each other.
    """
    keys: list[int] = []
    prefix = salt.encode("utf-8")
    limit = sig.size if bands is None else min(sig.size, bands * rows)
    # Plain Python over the bytes: a numpy call per band cost more than the hash. A
    # band is empty when its bytes are those of `rows` empty positions (one bytes
    # comparison, not a test per value).
    raw = sig.tobytes()
    step = rows * sig.itemsize
    empty = np.full(rows, np.iinfo(sig.dtype).max, dtype=sig.dtype).tobytes()
    blake2b = hashlib.blake2b
    for band, start in enumerate(range(0, (limit - rows + 1) * sig.itemsize, step)):
        chunk = raw[start : start + step]
        if chunk == empty:
            continue
        digest = blake2b(prefix + band.to_bytes(2, "little") + chunk, digest_size=8).digest()
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
