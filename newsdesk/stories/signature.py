"""What grouping remembers about one article: compact sets and MinHash signatures.

- `shingles`: MinHash of k-word shingles over the body's content words
  (stopwords out, light stemming). High for syndicated or lightly edited copy,
  low for rewrites.
- `names`, `name_counts`: hashed tokens of named people, organisations and
  places, with how often each is mentioned.
- `figures`: hashed canonical figures ("1400", "3200000", "5.2%").
- `title`: hashed content words of the headline.
- `terms_sig`: MinHash of names ∪ figures, the "distinctive terms" that
  rewrites keep; its LSH bands are how rewritten versions find each other.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from newsdesk.model import Extracted
from newsdesk.stories import minhash
from newsdesk.stories.names import name_mentions
from newsdesk.stories.numbers import figure_keys
from newsdesk.stories.text import content_words

SHINGLE_WORDS = 2
SHINGLE_K = 64
SHINGLE_ROWS = 4  # 16 bands: a sure hit from Jaccard ~0.5 (syndicated copy)
# Rewrites of one event share only 17-65% of names and figures (Jaccard,
# measured on benchmarks/story_pairs): single-row bands are needed to reach
# them. 1-(1-J)^20 is 0.98 at J=0.17; rows=2 with 48 bands gave 0.75 there.
TERMS_ROWS = 1
TERMS_BANDS = 20
TERMS_K = TERMS_ROWS * TERMS_BANDS

U64 = npt.NDArray[np.uint64]
U32 = npt.NDArray[np.uint32]
U16 = npt.NDArray[np.uint16]
Row = tuple[bytes, bytes, bytes, bytes, bytes, bytes]


@dataclass
class Signature:
    """The stored fingerprint of one article."""

    shingles: U32
    names: U64
    name_counts: U16
    figures: U64
    title: U64
    terms_sig: U32

    def band_keys(self) -> list[int]:
        """LSH keys of both signatures, salted so the two feature spaces never collide."""
        return minhash.band_keys(self.shingles, SHINGLE_ROWS, "sh") + minhash.band_keys(
            self.terms_sig, TERMS_ROWS, "tm"
        )

    def to_row(self) -> Row:
        return (
            self.shingles.tobytes(),
            self.names.tobytes(),
            self.name_counts.tobytes(),
            self.figures.tobytes(),
            self.title.tobytes(),
            self.terms_sig.tobytes(),
        )

    @classmethod
    def from_row(cls, row: Row) -> Signature:
        sh, names, counts, figs, title, terms = row
        return cls(
            np.frombuffer(sh, dtype=np.uint32),
            np.frombuffer(names, dtype=np.uint64),
            np.frombuffer(counts, dtype=np.uint16),
            np.frombuffer(figs, dtype=np.uint64),
            np.frombuffer(title, dtype=np.uint64),
            np.frombuffer(terms, dtype=np.uint32),
        )


def shingle_set(body: str, size: int = SHINGLE_WORDS) -> set[str]:
    """k-word shingles over content words; short texts fall back to single words."""
    toks = content_words(body)
    if len(toks) < size:
        return set(toks)
    return {" ".join(toks[i : i + size]) for i in range(len(toks) - size + 1)}


def compute(meta: Extracted) -> Signature:
    """The signature of one article (title and body; entities from `meta` when filled)."""
    mentions = name_mentions(meta)
    by_hash = {minhash.stable_hash(t): min(c, 65535) for t, c in mentions.items()}
    names = np.array(sorted(by_hash), dtype=np.uint64)
    counts = np.array([by_hash[h] for h in names.tolist()], dtype=np.uint16)
    figures = minhash.hash_set("#" + k for k in figure_keys(f"{meta.title}\n{meta.body}"))
    terms = np.union1d(names, figures)
    return Signature(
        shingles=minhash.signature(minhash.hash_set(shingle_set(meta.body)), SHINGLE_K),
        names=names,
        name_counts=counts,
        figures=figures,
        title=minhash.hash_set(content_words(meta.title)),
        terms_sig=minhash.signature(terms, TERMS_K),
    )
