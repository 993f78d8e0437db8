"""What grouping remembers about one article: compact sets and MinHash signatures.

- `shingles`: 16-bit MinHash (K=64) of 2-word shingles over the body's content
  words (stopwords out, light stemming). High for syndicated or lightly
  edited copy, low for rewrites.
- `names`, `name_counts`: 32-bit hashes of the tokens of named people,
  organisations and places, with how often each is mentioned.
- `figures`: hashed canonical figures ("1400", "3200000", "5.2%").
- `title`: hashed content words of the headline.
- `lede`: hashed content words of the headline and the opening of the prose
  (first `LEDE_WORDS` content words). Rewrites from other outlets keep what
  happened ("chlorine leak", "plant", "workers") even when they quote other
  people and give other figures; the opening is where they say it.
- `lede_figures`: hashed figures of the headline and first prose paragraph,
  for the template guard in `score` (two automated alerts about one company
  differ mostly there: another trade, another date).
- `outlet`: the hashed outlet (`outlet_key`: the source's name, else the
  page's host), empty when unknown, then the hashed report keys of wire
  copy (its slugline, its item id): two items of one outlet are one story
  only when one is an update of the other (`score.same_outlet_apart`); a
  flash and the full report under one slugline are one report.

LSH band keys come from two signatures and one list: the shingle MinHash
(catches copies), a MinHash of names ∪ figures, the distinctive terms
rewrites keep (how rewritten versions from other outlets find each other),
and the `RARE_WORDS` rarest words of the headline and lede, each a key of
its own. Rewrites that share no name or figure still say what happened in
the same telling words ("pipeline", "ransomware", "cyberdefenses"): on the
real development slice (../shared/realworld-stories) 20 of 256 same-story
pairs within the window shared no key before the rare words, 6 after, for
15 % more candidate pairs. The MinHash is recomputed from the stored sets
when needed, never stored.

About 0.6 KB per article in `story_member` plus 36 band rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from operator import itemgetter, mul
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import numpy.typing as npt

from newsdesk.model import Extracted
from newsdesk.stories import idf, minhash
from newsdesk.stories.names import mentions_and_words
from newsdesk.stories.numbers import figure_keys
from newsdesk.stories.text import STOPWORDS, fold, prose, raw_words, stem
from newsdesk.story_label import CORRECTION_LABELS

SHINGLE_WORDS = 2
SHINGLE_K = 64
# 8 bands of 4 rows: a copy with shingle Jaccard 0.8 is found with p=0.98;
# copies also share their names and figures, so the term bands catch them too.
SHINGLE_ROWS = 4
SHINGLE_BANDS = 8
# Rewrites of one event share only 17-65% of names and figures (Jaccard,
# measured on benchmarks/story_pairs): single-row bands are needed to reach
# them. 1-(1-J)^20 is 0.98 at J=0.17; rows=2 with 48 bands gave 0.75 there.
TERMS_ROWS = 1
TERMS_BANDS = 20
TERMS_K = TERMS_ROWS * TERMS_BANDS
#: Content words of the prose opening kept in `lede` (about two paragraphs).
#: 80 separated rewrites better than 30 or 50 on the tune pairs (AUC 0.81
#: against 0.76 and 0.78) and costs at most 320 bytes.
LEDE_WORDS = 80
#: The rarest lede words (`lede_weights`) that are band keys themselves. On the
#: real slice, same-story pairs without a shared key: 4 words 12, 8 words 6,
#: 12 words 3, for 3 %, 15 % and 32 % more candidate pairs.
RARE_WORDS = 8

U32 = npt.NDArray[np.uint32]
U16 = npt.NDArray[np.uint16]
U8 = npt.NDArray[np.uint8]
Row = tuple[bytes, bytes, bytes, bytes, bytes, bytes, bytes, bytes, bytes]


@dataclass
class Signature:
    """The stored fingerprint of one article."""

    shingles: U16
    names: U32
    name_counts: U16
    figures: U32
    title: U32
    lede: U32
    lede_figures: U32
    #: The rarity of each `lede` word (`idf.stored_weight`, in tenths), in `lede`'s order;
    #: empty in rows stored before it existed.
    lede_weights: U8
    #: `outlet_key` hashed, then `report_keys` hashed; empty when the outlet is
    #: unknown or the row was stored before it existed.
    outlet: U32

    # Python views of the stored arrays, built once: one new article is compared
    # with dozens of candidates, and tiny sets are faster as sets than as arrays.
    @cached_property
    def name_weights(self) -> dict[int, int]:
        return dict(zip(self.names.tolist(), self.name_counts.tolist(), strict=True))

    @cached_property
    def figure_set(self) -> frozenset[int]:
        return frozenset(self.figures.tolist())

    @cached_property
    def title_set(self) -> frozenset[int]:
        return frozenset(self.title.tolist())

    @cached_property
    def lede_set(self) -> frozenset[int]:
        return frozenset(self.lede.tolist())

    @cached_property
    def lede_vector(self) -> tuple[dict[int, float], float]:
        """Weighted lede words and the vector's norm (for `score.tfidf`)."""
        if len(self.lede_weights) != len(self.lede):
            return {}, 0.0
        # Whole numbers (at most 255, about a hundred of them): the sum of squares in
        # Python ints is exact, as numpy's float dot of them was, and a fifth cheaper.
        weights = self.lede_weights.tolist()
        vec = dict(zip(self.lede.tolist(), map(float, weights), strict=True))
        return vec, float(sum(map(mul, weights, weights))) ** 0.5

    @cached_property
    def lede_figure_set(self) -> frozenset[int]:
        return frozenset(self.lede_figures.tolist())

    @cached_property
    def outlet_key(self) -> int | None:
        """The hashed outlet (`outlet`'s first value), None when unknown."""
        return int(self.outlet[0]) if len(self.outlet) else None

    def band_keys(self) -> list[int]:
        """LSH keys of both signatures and the rare lede words, salted so the
        feature spaces never collide (what the store keeps for the article)."""
        return self.lsh_keys() + self.rare_word_keys()

    def lsh_keys(self) -> list[int]:
        """The band keys of the two MinHash signatures (shingles; names and figures)."""
        terms = np.union1d(self.names, self.figures).astype(np.uint64)
        return minhash.band_keys(
            self.shingles, SHINGLE_ROWS, "sh", SHINGLE_BANDS
        ) + minhash.band_keys(minhash.signature(terms, TERMS_K), TERMS_ROWS, "tm")

    def rare_word_keys(self) -> list[int]:
        """One key for each of the `RARE_WORDS` rarest lede words (ties by hash, so
        every process picks the same); none for rows stored without weights."""
        vec, _ = self.lede_vector
        rarest = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:RARE_WORDS]
        return [minhash.stable_hash(f"rw:{word}") >> 1 for word, _ in rarest]

    def to_row(self) -> Row:
        return (
            self.shingles.tobytes(),
            self.names.tobytes(),
            self.name_counts.tobytes(),
            self.figures.tobytes(),
            self.title.tobytes(),
            self.lede.tobytes(),
            self.lede_figures.tobytes(),
            self.lede_weights.tobytes(),
            self.outlet.tobytes(),
        )

    @classmethod
    def from_row(cls, row: Row) -> Signature:
        shingles, names, counts, figures, title, lede, lede_figures, lede_weights, outlet = row
        # dtype objects made once: naming the type each call cost a third of a decode.
        return cls(
            np.frombuffer(shingles, _U16),
            np.frombuffer(names, _U32),
            np.frombuffer(counts, _U16),
            np.frombuffer(figures, _U32),
            np.frombuffer(title, _U32),
            # Rows stored before these columns existed hold empty blobs (b"").
            np.frombuffer(lede or b"", _U32),
            np.frombuffer(lede_figures or b"", _U32),
            np.frombuffer(lede_weights or b"", _U8),
            np.frombuffer(outlet or b"", _U32),
        )

    @classmethod
    def decoded(cls, row: Row) -> Signature:
        """`from_row(row)` with its Python views (`name_weights`, `lede_vector`...) made
        at once by their own functions: grouping reads every one of them for each
        candidate, and `cached_property` cost more to look up (a lock, a descriptor
        call) than most of them cost to build."""
        sig = cls.from_row(row)
        views = sig.__dict__
        for name, build in _VIEWS:
            views[name] = build(sig)
        return sig

    def decodes_as_itself(self) -> bool:
        """Whether `from_row(self.to_row())` holds this very signature's values: a plain
        signature whose arrays have the types `from_row` reads (so a store may keep it as
        its row's decoded signature, `store.decoded.DecodedMembers.keep`)."""
        arrays: tuple[npt.NDArray[Any], ...] = (
            self.shingles,
            self.names,
            self.name_counts,
            self.figures,
            self.title,
            self.lede,
            self.lede_figures,
            self.lede_weights,
            self.outlet,
        )
        return type(self) is Signature and all(
            value.dtype == kind and value.ndim == 1
            for value, kind in zip(arrays, _ROW_TYPES, strict=True)
        )


class StoredSignature(Signature):
    """A stored row's signature, decoded (`Signature.decoded`) when first read.

    Half the candidates of a decision on the dense benchmark are never compared: they
    lie between `score.WINDOW_HOURS` and the copy window the look-up spans (`reaches`
    rejects them by their dates); others belong to a story already scored. A store
    hands out these for the rows it reads; every field and view, once read, equals
    `Signature.from_row(row)`'s."""

    def __init__(self, row: Row) -> None:  # not the dataclass's: nothing decoded yet
        self.__dict__["_row"] = row

    def __getattr__(self, name: str) -> Any:
        # Only called for what the instance lacks: before decoding, every field.
        views = self.__dict__
        if name.startswith("__") or "shingles" in views or "_row" not in views:
            raise AttributeError(name)
        self.decode()
        return getattr(self, name)

    def decode(self) -> None:
        """Decode the row now: its fields and views become the instance's own."""
        views = self.__dict__
        if "shingles" not in views:
            views.update(Signature.decoded(views["_row"]).__dict__)

    @property
    def is_decoded(self) -> bool:
        return "shingles" in self.__dict__


class _Decoding:
    """A view of a `StoredSignature` read before its row is decoded: decodes the row
    (which builds every view) and answers from it. Not the parent's `cached_property`,
    which would build the view a second time (and take its lock). Once decoded, the
    instance's own value hides this descriptor."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, sig: StoredSignature | None, owner: type | None = None) -> Any:
        if sig is None:
            return self
        sig.decode()
        return sig.__dict__[self.name]


class _TitleOnly:
    """`title_set` of a `StoredSignature` read before its row is decoded: built from the
    title column alone and kept (equal to what decoding builds, which replaces it).

    Before an article is grouped, the importer asks whether it is a copy of any of its
    candidates (`grouping.copy_of`), and `score.may_be_copy` reads each one's title set:
    decoding every candidate for that undid the late decoding (on a dense store a third
    of the importing process's instructions went to decoding rows, most only for this)."""

    def __get__(self, sig: StoredSignature | None, owner: type | None = None) -> Any:
        if sig is None:
            return self
        views = sig.__dict__
        title = frozenset(np.frombuffer(views["_row"][4], _U32).tolist())
        views["title_set"] = title
        return title


_U8, _U16, _U32 = np.dtype(np.uint8), np.dtype(np.uint16), np.dtype(np.uint32)
#: The array types of a row's columns, in `to_row`'s order, as `from_row` reads them.
_ROW_TYPES = (_U16, _U32, _U16, _U32, _U32, _U32, _U32, _U8, _U32)
#: The cached views `Signature.decoded` builds (every one), with the functions that build them.
_VIEWS = tuple(
    (name, view.func) for name, view in vars(Signature).items() if isinstance(view, cached_property)
)
for _name, _ in _VIEWS:
    setattr(StoredSignature, _name, _Decoding(_name))
StoredSignature.title_set = _TitleOnly()  # type: ignore[assignment]

#: Stored signatures kept decoded (`stored`): about a queue's 96-hour window at
#: 100,000 articles a year (270 a day), and a few MB.
DECODED = 2048


@lru_cache(maxsize=DECODED)
def _decoded(row: Row) -> Signature:
    return Signature.from_row(row)


def stored(row: Row) -> Signature:
    """`Signature.from_row`, the same object again for the same stored bytes.

    A member is a candidate of many later articles: its decoded arrays and the
    sets and vectors built from them (`lede_vector`, `name_weights`...) are
    made once, not once an article. Keyed by the bytes themselves, so a
    refreshed row (another process, a regroup) is decoded anew; signatures
    are never changed in place."""
    return _decoded(tuple(row))


def compute(meta: Extracted) -> Signature:
    """The signature of one article (title and body; entities from `meta` when filled)."""
    mentions, prose_words = mentions_and_words(meta)
    by_hash: dict[int, int] = {}
    for token, count in mentions.items():
        key = minhash.word_hash(token) & 0xFFFFFFFF
        by_hash[key] = min(by_hash.get(key, 0) + count, 65535)
    names = np.array(sorted(by_hash), dtype=np.uint32)
    counts = np.array([by_hash[h] for h in names.tolist()], dtype=np.uint16)
    body = prose(meta.body)
    body_folded, body_words = _content_of(raw_words(body) if prose_words is None else prose_words)
    shingles = minhash.shingle_hashes(body_words, SHINGLE_WORDS)
    title_folded, title_words = _content_folded(meta.title)
    lede_folded = [*title_folded, *body_folded[:LEDE_WORDS]]
    lede_words = [*title_words, *body_words[:LEDE_WORDS]]
    lede = minhash.hash_set32(lede_words)
    first_paragraph = next((line for line in body.splitlines() if line.strip()), "")
    return Signature(
        shingles=minhash.low_bits(minhash.signature(shingles, SHINGLE_K)),
        names=names,
        name_counts=counts,
        figures=minhash.hash_set32("#" + k for k in figure_keys(f"{meta.title}\n{body}")),
        title=minhash.hash_set32(title_words),
        lede=lede,
        lede_figures=minhash.hash_set32(
            "#" + k for k in figure_keys(f"{meta.title}\n{first_paragraph}")
        ),
        lede_weights=_lede_weights(lede_folded, lede_words, lede, idf.language(meta.language)),
        outlet=_outlet_hashes(meta),
    )


def _outlet_hashes(meta: Extracted) -> U32:
    outlet = outlet_key(meta)
    keys = [outlet, *report_keys(meta)] if outlet else []
    hashes = [minhash.word_hash(k) & 0xFFFFFFFF for k in keys]
    if outlet and RETELLING_HEADLINE.match(meta.title or ""):
        hashes.append(RETELLING)
    return np.array(hashes, dtype=np.uint32)


#: A headline that says it corrects or updates a report of its outlet ("CORRECTION:",
#: "UPDATE 2-", "Corrected:", in the languages the extractor reads).
RETELLING_HEADLINE = re.compile(rf"^\W*(?:{CORRECTION_LABELS})\b\s*[:\-–—]", re.IGNORECASE)
#: Kept among an item's report keys (`Signature.outlet`) for such a headline; never a
#: report key itself (`score.same_report` leaves it out).
RETELLING = minhash.word_hash("mark:retelling") & 0xFFFFFFFF


def report_keys(meta: Extracted) -> list[str]:
    """What wire copy says about which report an item belongs to: its slugline (every
    take of one story, a flash and the full report alike) and its item id (every
    version of one item)."""
    keys = []
    if meta.slugline and meta.slugline.strip():
        keys.append("slug:" + " ".join(meta.slugline.casefold().split()))
    if meta.item_id and meta.item_id.strip():
        keys.append("item:" + meta.item_id.strip())
    return keys


def outlet_key(meta: Extracted) -> str:
    """Who published the item: the source's name folded ("The Guardian" and "the
    Guardian" are one), else the page's host without "www."; "" when neither is known.

    The name comes first: a feed's items and the outlet's own pages carry it,
    while hosts vary within one outlet (a "go." redirect host, a sister site).
    """
    name = " ".join((meta.source or "").casefold().split())
    name = name.removeprefix("the ").removeprefix("www.")
    if name:
        return name
    try:
        host = (urlsplit(meta.url).hostname or "") if meta.url else ""
    except ValueError:  # a malformed address ("http://[x") names no host
        host = ""
    return host.removeprefix("www.")


def _content_folded(text: str) -> tuple[list[str], list[str]]:
    """`text.content_words` before stemming (the frequency lists hold whole words), and
    after: `[stem(w) for w in words(text) if w not in STOPWORDS and not w[0].isdigit()]`."""
    return _content_of(raw_words(text))


def _content_of(raw: list[str]) -> tuple[list[str], list[str]]:
    """`_content_folded` of the text whose `raw_words` are `raw`."""
    # One look-up a word as written, not a fold, two tests and a stem: most words
    # recur. The unseen ones are found by a set difference and the rest is mapped
    # in C: a Python step per word cost more than the look-up.
    content = _CONTENT
    unseen = set(raw).difference(content)
    if unseen:
        if len(content) + len(unseen) > _CONTENT_MAX:
            content.clear()  # bounded: a stream of unique words cannot grow it forever
            unseen = set(raw)
        for word in unseen:
            content[word] = _content_pair(word)
    try:
        pairs: list[tuple[str, str]] = list(filter(None, map(content.__getitem__, raw)))
    except KeyError:  # another thread (a second import) emptied the cache meanwhile
        pairs = [pair for pair in map(_content_pair, raw) if pair is not None]
    return list(map(_FOLDED, pairs)), list(map(_STEMMED, pairs))


#: A word as written -> (folded, stemmed) when it is a content word, None when it is not.
_CONTENT: dict[str, tuple[str, str] | None] = {}
_CONTENT_MAX = 1 << 16
_FOLDED = itemgetter(0)
_STEMMED = itemgetter(1)


def _content_pair(word: str) -> tuple[str, str] | None:
    folded = fold(word)
    return None if folded in STOPWORDS or folded[0].isdigit() else (folded, stem(folded))


def _lede_weights(folded: list[str], stems: list[str], lede: U32, lang: str) -> U8:
    """`idf.stored_weight` of each lede word (`folded`, stemmed in `stems`), aligned with the
    sorted hashes in `lede`."""
    by_hash: dict[int, int] = {}
    word_hash = minhash.word_hash
    for word, stemmed in zip(folded, stems, strict=True):
        key = word_hash(stemmed) & 0xFFFFFFFF
        if key not in by_hash:
            by_hash[key] = idf.stored_weight(word, stemmed, lang)
    return np.array([by_hash.get(h, 1) for h in lede.tolist()], dtype=np.uint8)
