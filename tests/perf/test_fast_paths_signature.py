"""The story signature's fast paths against the plain versions they replaced."""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from newsdesk.model import Extracted
from newsdesk.stories import idf, minhash, names, numbers, signature, token_scan
from newsdesk.stories.text import STOPWORDS, WORD, fold, nfkc, prose, raw_words, stem
from newsdesk.stories.text import strip_possessive as strip
from tests.perf.test_fast_paths import _name_texts, _random_texts

_WORD = re.compile(WORD)

#: Bodies that reach every branch: abbreviations before a word ("St.Louis"), possessives,
#: shouting datelines, title-case headlines, the outlet's name in the text, other scripts.
_PIECES = [
    "Gov. Dana Whitcomb", "Gov.Whitcomb", "St.-Louis", "Dr..", "Dr.'s", "Mr. Quist's",
    "HARLOW BEND, Ore.", "(Coastal Press) —", "Coastal Press", "O’Neil", "Érika Ñuñez",
    "İstanbul", "ℂity", "the", "said", "Crews", "crews", "of", "Bank of Estmark",
    "1,400", "$4 million", "5.2%", "2021", "and", "\n", "\n\n", ".", ",", "naïve", "x_y",
    "Ruiz-Vance", "Chicago-to-Phoenix", "FAA", "U.S.", "Quillon", "ﬁnance", "e\u0301",
]  # fmt: skip


def _bodies(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = [rng.choice(_PIECES) for _ in range(rng.randrange(0, 120))]
        out.append("".join(p + rng.choice(("", " ", " ", " ", "\n")) for p in parts))
    return out


def _titles(rng: random.Random) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        return "Orvane Labs Director Sells 12,500 Shares"  # title case
    if choice == 1:
        return ""
    if choice == 2:
        return "Gov. Whitcomb's St.Louis visit"
    return " ".join(rng.choice(_PIECES) for _ in range(rng.randrange(1, 8)))


def _metas(count: int, seed: int) -> list[Extracted]:
    rng = random.Random(seed)
    return [
        Extracted(
            title=_titles(rng),
            body=body,
            source=rng.choice(("", "Coastal Press", "Crews")),
            people=rng.choice(([], ["Dana Whitcomb"])),
            language=rng.choice(("en", "de", None)),
        )
        for body in _bodies(count, seed)
    ]


def test_figure_matches_are_finditers() -> None:
    rng = random.Random(37)
    pieces = [
        "1", "12", "1,400", "1,2345", "3.5", "5.2.1", "$", "€", "£", "¥", " ", "  ", "\u00a0",
        "\n", "%", "percent", "per cent", "million", "m", "bn", "k", "K", "B", "MILLION", ",",
        ".", ":", "a", "x1", "_", "-", "٣", "2021", "10:30", "(", "thousand", "Q3",
    ]  # fmt: skip
    texts = [*_bodies(300, seed=38), *_random_texts(300, seed=39), "", "1", "$ 1"]
    for _ in range(5000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randrange(0, 16))))
    for text in texts:
        got = [(m.span(), m.groupdict()) for m in numbers._figure_matches(text)]
        plain = [(m.span(), m.groupdict()) for m in numbers._FIGURE.finditer(text)]
        assert got == plain, repr(text)


def _lookup_reference(keys: np.ndarray, word: str) -> int | None:
    """`idf._lookup` as first written (np.searchsorted, numpy scalars)."""
    target = idf._key(word)
    i = int(np.searchsorted(keys, np.uint64(target)))
    if i < keys.size and int(keys[i]) & idf._HASH_BITS == target:
        return int(keys[i]) & 0xFF
    return None


def test_word_lookup_matches_the_plain_search(tmp_path: Path) -> None:
    words = [f"w{i}" for i in range(300)] + ["", "é", "the"]
    small = idf.build_table({w: 1 / (i + 2) for i, w in enumerate(words[:150])})
    np.save(tmp_path / "t.npy", small)
    mapped = np.load(tmp_path / "t.npy", mmap_mode="r")
    edges = [idf.build_table({}), idf.build_table({"x": 0.5}), small, mapped]
    for keys in edges:
        for word in words:  # in the table (first, last, between) and not (past the last too)
            assert idf._lookup(keys, word) == _lookup_reference(keys, word), word
    assert idf._lookup(small, "w3") == idf.quantise(-math.log(1 / 5))


def _signature_reference(hashes: np.ndarray, k: int) -> np.ndarray:
    """`minhash.signature` as first written: shift the whole matrix, then the minimum."""
    if hashes.size == 0:
        return np.full(k, minhash.EMPTY, dtype=np.uint32)
    mixed = minhash._A[:k, None] * hashes[None, :] + minhash._B[:k, None]
    return (mixed >> np.uint64(32)).min(axis=1).astype(np.uint32)


def test_minhash_signature_matches_the_plain_formula() -> None:
    rng = np.random.default_rng(5)
    top = np.iinfo(np.uint64).max
    sizes = [0, 1, 2, 3, 64, 500, 20_000]
    for size in sizes:
        for k in (1, 20, 64, minhash.MAX_K):
            hashes = rng.integers(0, top, size=size, dtype=np.uint64, endpoint=True)
            if size >= 3:
                hashes[:3] = [0, top, 1 << 63]  # the extremes wrap
            got = minhash.signature(hashes, k)
            assert got.dtype == np.uint32 and got.shape == (k,)
            assert np.array_equal(got, _signature_reference(hashes, k)), (size, k)
    with pytest.raises(ValueError):
        minhash.signature(np.zeros(2, dtype=np.uint64), minhash.MAX_K + 1)


def test_hash_set32_keeps_the_low_bits_of_each_hash() -> None:
    words = [*raw_words(" ".join(_bodies(30, seed=7))), "", "é", "日本", "x" * 5000]
    for items in ([], ["one"], words, words[::-1] * 2):
        plain = np.unique(
            np.fromiter((minhash.word_hash(w) & 0xFFFFFFFF for w in items), dtype=np.uint32)
        )
        got = minhash.hash_set32(iter(items))
        assert got.dtype == np.uint32 and np.array_equal(got, plain)


def test_raw_words_matches_the_pass_over_every_word() -> None:
    texts = [*_bodies(500, seed=11), *_name_texts(1000, seed=12), *_random_texts(500, seed=13)]
    for text in [*texts, "", "’", "it's", "x" * 10_000]:
        plain = [strip(w) if "'" in w or "’" in w else w for w in _WORD.findall(nfkc(text))]
        assert raw_words(text) == plain, repr(text)


def test_runs_and_words_give_raw_words_or_none_and_the_same_runs() -> None:
    texts = [*_bodies(800, seed=17), *_name_texts(1500, seed=18), *_random_texts(500, seed=19)]
    given = 0
    for text in [*texts, "", "Gov.", "Gov.X said", "ends with St."]:
        runs, words = names._runs_and_words(text, True)
        assert runs == names.capitalised_runs(text), repr(text)
        if words is not None:
            given += 1
            assert words == raw_words(text), repr(text)
        else:  # only when an abbreviation's full stop joined a word
            assert token_scan.ABBREVIATION_JOINED.search(nfkc(text)), repr(text)
    assert given > len(texts) // 2
    assert names._runs_and_words("Gov.X met Dr. No", True)[1] is None
    assert names._runs_and_words("Gov. X met Dr. No", True)[1] == ["Gov", "X", "met", "Dr", "No"]


#: `token_scan.ABBREVIATION` as first written.
_ABBREVIATION_REFERENCE = re.compile(
    r"\b(Gov|Sen|Rep|Dr|Mr|Mrs|Ms|St|Jr|Sr|Gen|Lt|Col|Capt|Prof)\."
)


def test_abbreviations_match_the_word_boundary_pattern() -> None:
    rng = random.Random(31)
    before = ["", " ", "\n", "x", "_", "é", "1", ".", "-", "’", "日", "(", "Gov.", "Mrs"]
    words = [*token_scan.ABBREVIATIONS, "Go", "Mrx", "Capt.", "gov", "GOV", "Prof", "Jr"]
    texts = [*_bodies(300, seed=32), *_name_texts(500, seed=33)]
    for _ in range(3000):
        parts = [
            rng.choice(before) + rng.choice(words) + rng.choice((".", "", ". ", ".."))
            for _ in range(rng.randrange(0, 8))
        ]
        texts.append("".join(parts))
    for text in texts:
        assert token_scan.ABBREVIATION.subn(r"\1", text) == _ABBREVIATION_REFERENCE.subn(
            r"\1", text
        )


def _name_mentions_reference(meta: Extracted) -> Counter[str]:
    """`names.name_mentions` as it was: two scans, tokens of every name worked out anew."""
    tokens = names._tokens.__wrapped__
    outlet = tuple(p for p in (meta.source, meta.source_short) if p)
    counts: Counter[str] = Counter()
    lang = meta.language or "en"
    if names.title_cased(meta.title):
        for text, _ in names.name_runs(prose(meta.body), outlet, lang):
            counts.update(tokens(text))
        for text, _ in names.capitalised_runs(meta.title):
            counts.update(t for t in tokens(text) if t in counts)
    else:
        for text, _ in names.name_runs(f"{meta.title}\n{prose(meta.body)}", outlet, lang):
            counts.update(tokens(text))
    for text in (*meta.people, *meta.organizations, *meta.places):
        for token in tokens(text):
            counts.setdefault(token, 1)
    return counts


def test_mentions_and_words_match_the_two_scans() -> None:
    given = 0
    metas = _metas(600, seed=23)
    for meta in [*metas, Extracted(title="", body=""), Extracted(title="One", body="word")]:
        counts, words = names.mentions_and_words(meta)
        assert counts == _name_mentions_reference(meta), meta
        assert list(counts.items()) == list(_name_mentions_reference(meta).items())
        if words is not None:
            given += 1
            assert words == raw_words(prose(meta.body)), meta
    assert given > 50  # the words came out of the scan for many, not only the plain texts


def _content_reference(text: str) -> tuple[list[str], list[str]]:
    folded = [f for f in map(fold, raw_words(text)) if f not in STOPWORDS and not f[0].isdigit()]
    return folded, [stem(f) for f in folded]


def test_content_words_match_the_plain_filter(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [*_bodies(300, seed=29), *_random_texts(300, seed=30), "", "the", "x" * 3000]
    for text in texts:
        assert signature._content_folded(text) == _content_reference(text), repr(text)
    # A full cache is emptied, between texts or within one, and the words still come out right.
    monkeypatch.setattr(signature, "_CONTENT_MAX", 16)
    signature._CONTENT.clear()
    most = 16
    for text in texts:
        assert signature._content_folded(text) == _content_reference(text), repr(text)
        most = max(most, len(set(raw_words(text))))
        assert len(signature._CONTENT) <= most  # bounded by the cap or by one text's words


def test_content_words_survive_a_cache_emptied_by_another_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Emptied(dict[str, tuple[str, str] | None]):
        def __getitem__(self, word: str) -> tuple[str, str] | None:
            raise KeyError(word)  # as if cleared between filling and reading

    monkeypatch.setattr(signature, "_CONTENT", Emptied())
    text = "The mayors of Lowtown said 1,400 crews were working; Érika's crews too."
    assert signature._content_folded(text) == _content_reference(text)
