"""`signature.StoredSignature` and `Signature.decoded`: a stored row decoded late, or with
its views built at once, reads exactly as `Signature.from_row` with its cached views."""

from __future__ import annotations

import pickle
import sqlite3
import sys
from functools import cached_property
from pathlib import Path

import numpy as np

from newsdesk.model import Extracted
from newsdesk.store.decoded import DECODED, DecodedMembers
from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables
from newsdesk.stories import score
from newsdesk.stories.grouping import StoryGrouper
from newsdesk.stories.signature import Signature, StoredSignature, compute

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from synthetic import articles

HOUR = 3600.0
T0 = 1_780_000_000.0
FIELDS = tuple(Signature.__dataclass_fields__)
VIEWS = tuple(n for n, v in vars(Signature).items() if isinstance(v, cached_property))


def _views(sig: Signature) -> dict[str, object]:
    return {name: getattr(sig, name) for name in VIEWS}


def _same(a: Signature, b: Signature) -> None:
    for name in FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and x.tobytes() == y.tobytes(), name
    assert _views(a) == _views(b)
    assert a.band_keys() == b.band_keys()


def _signatures() -> list[Signature]:
    sigs = [compute(m) for m in articles(40, words=120)]
    # Rows of older recipes: empty ledes, weights, outlets.
    sigs.append(Signature.from_row((*sigs[0].to_row()[:5], b"", b"", b"", b"")))
    sigs.append(compute(Extracted(title="", body="")))
    return sigs


def test_decoded_builds_every_view_as_the_properties_do() -> None:
    for sig in _signatures():
        row = sig.to_row()
        eager = Signature.decoded(row)
        assert set(VIEWS) <= set(eager.__dict__)  # built at once, not on first read
        _same(eager, Signature.from_row(row))
        _same(eager, sig)


def test_the_lede_vector_is_the_float_dot_it_was() -> None:
    """The norm summed in Python ints is numpy's float dot, bit for bit."""
    for sig in _signatures():
        vec, norm = sig.lede_vector
        if len(sig.lede_weights) != len(sig.lede):
            assert (vec, norm) == ({}, 0.0)
            continue
        weights = sig.lede_weights.astype(np.float64)
        assert vec == dict(zip(sig.lede.tolist(), weights.tolist(), strict=True))
        assert norm == float(np.dot(weights, weights)) ** 0.5


def test_a_stored_signature_decodes_when_first_read_and_equals_the_row() -> None:
    for sig in _signatures():
        row = sig.to_row()
        late = StoredSignature(row)
        assert not late.is_decoded
        assert isinstance(late, Signature)
        # Any first read decodes (a field, a view, a method), but the title set's.
        first = late.name_weights
        assert late.is_decoded and first == sig.name_weights
        _same(late, Signature.from_row(row))
    reads = {
        "field": lambda s: s.shingles,
        "view": lambda s: s.name_weights,
        "outlet": lambda s: s.outlet_key,
        "method": lambda s: s.band_keys(),
        "row": lambda s: s.to_row(),
    }
    for what, read in reads.items():
        late = StoredSignature(_signatures()[3].to_row())
        read(late)
        assert late.is_decoded, what
        _same(late, _signatures()[3])


def test_the_title_set_alone_is_read_without_decoding_the_row() -> None:
    """`score.may_be_copy` reads every candidate's title set: that alone builds the title
    and nothing else, equal to the decoded one, which decoding later keeps equal."""
    for sig in _signatures():
        late = StoredSignature(sig.to_row())
        title = late.title_set
        assert title == sig.title_set and not late.is_decoded
        assert late.title_set is title
        _same(late, sig)  # reads the rest: decodes
        assert late.is_decoded and late.title_set == sig.title_set


def test_looking_for_a_copy_decodes_no_candidate_of_another_headline(tmp_path: Path) -> None:
    """`copy_of` asks every candidate whether it may be a copy (`score.may_be_copy`): one
    of another headline is told apart by its title set, without decoding its row; one of
    the same headline is decoded and compared in full."""
    DECODED.clear()
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    create_tables(conn)
    grouper = StoryGrouper(SqliteStoryTables(conn))
    body = (
        "A chlorine leak at the Varnholm water plant forced the evacuation of forty "
        "workers on Tuesday, the operator Brisk Utilities said. Two were treated."
    )
    other = compute(Extracted(title="Varnholm plant leak: forty workers evacuated", body=body))
    same = compute(Extracted(title="Chlorine leak at Varnholm water plant", body=body))
    grouper.record("other", grouper.decide("other", other, T0 - HOUR))
    grouper.record("same", grouper.decide("same", same, T0 - 2 * HOUR))
    DECODED.clear()  # the rows read afresh, as on a store past the cache
    third = compute(Extracted(title="Forty evacuated after Varnholm chlorine leak", body=body))
    assert grouper.copy_of(third, T0) is None
    looked = {c.article_id: c.signature for c in grouper._candidates(third, T0)}
    assert set(looked) == {"other", "same"}
    assert not any(s.is_decoded for s in looked.values())  # type: ignore[attr-defined]
    grouper.recorded()
    DECODED.clear()
    new = compute(Extracted(title="Chlorine leak at Varnholm water plant", body=body))
    assert grouper.copy_of(new, T0) == "same"
    looked = {c.article_id: c.signature for c in grouper._candidates(new, T0)}
    assert looked["same"].is_decoded  # type: ignore[attr-defined]


def test_a_stored_signature_lacks_what_a_signature_lacks() -> None:
    late = StoredSignature(_signatures()[0].to_row())
    for name in ("nothing_like_this", "__wrapped__"):
        try:
            getattr(late, name)
        except AttributeError:
            pass
        else:
            raise AssertionError(name)
    # A late signature pickles as its decoded values (workers and stores may pass it on).
    again = pickle.loads(pickle.dumps(late))
    _same(again, _signatures()[0])


def test_the_cache_hands_out_late_signatures_kept_by_their_bytes() -> None:
    cache = DecodedMembers(size=4)
    sig = _signatures()[1]
    got = cache.signature(3, sig.to_row())
    assert isinstance(got, StoredSignature) and not got.is_decoded
    assert cache.signature(3, sig.to_row()) is got
    _same(got, sig)
    assert cache.signature(3, sig.to_row()) is got  # decoded now, still the one kept


def test_candidates_past_the_score_window_are_never_decoded(tmp_path: Path) -> None:
    """A candidate further apart than `score.WINDOW_HOURS` (still within the copy window
    the look-up spans) is rejected by its dates: its row is not decoded. One within the
    window is, and the choice is the one the decoded signatures give."""
    DECODED.clear()  # the process's cache: another test's rows may share these ids
    conn = sqlite3.connect(tmp_path / "s.sqlite3")
    create_tables(conn)
    tables = SqliteStoryTables(conn)
    grouper = StoryGrouper(tables)
    base = compute(
        Extracted(
            title="Chlorine leak at Varnholm water plant forces evacuation",
            body="A chlorine leak at the Varnholm water plant forced the evacuation of "
            "forty workers on Tuesday, the operator Brisk Utilities said. Two were treated.",
        )
    )
    far = T0 - (score.WINDOW_HOURS + 30) * HOUR
    grouper.record("old", grouper.decide("old", base, far))
    grouper.record("near", grouper.decide("near", base, T0 - 2 * HOUR))
    # As rows another process stored: the signatures written here are kept as decoded.
    DECODED.clear()
    found = {c.article_id: c for c in tables.candidates(base.band_keys(), T0, 168 * HOUR, 200, 32)}
    assert set(found) == {"old", "near"}
    assert not any(c.signature.is_decoded for c in found.values())  # type: ignore[attr-defined]
    placement = grouper.decide("new", base, T0)
    assert placement.story == "s-near"
    looked = {c.article_id: c.signature for c in grouper._candidates(base, T0)}
    assert not looked["old"].is_decoded  # type: ignore[attr-defined]
    assert looked["near"].is_decoded  # type: ignore[attr-defined]
