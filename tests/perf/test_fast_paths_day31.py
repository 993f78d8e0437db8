"""Day 31's exact speed-ups of story matching in the importing process: each gives the
answers of the code it replaced (identity on whole imports: docs/performance.md)."""

from __future__ import annotations

import pytest

from newsdesk.model import Extracted
from newsdesk.stories import score as scoring
from newsdesk.stories.signature import Signature, compute

T0 = 1_790_000_000.0

#: Two one-line items of two outlets: their overlaps reach the threshold, the short-lede
#: penalty alone keeps them apart.
MARKET = Extracted(
    title="Harbour fish market reopened",
    body="The harbour fish market in Quillport reopened on Sunday after repairs, the city said.",
    source="Quill Times",
)
LIBRARY = Extracted(
    title="Museum reopened",
    body="The city library reopened on Sunday after repairs, staff said.",
    source="Bay Post",
)


def _counting_features(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    full = scoring.features

    def counted(a: Signature, b: Signature, ta: float | None, tb: float | None) -> object:
        calls.append(1)
        return full(a, b, ta, tb)

    monkeypatch.setattr(scoring, "features", counted)
    return calls


def test_a_pair_only_the_short_lede_penalty_parts_is_decided_on_the_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a, b = compute(MARKET), compute(LIBRARY)
    f = scoring.features(a, b, T0, T0 + 3600)
    value = scoring.score(f)
    penalty = scoring.short_lede_penalty(f.shortest_lede)
    assert value < scoring.THRESHOLD <= value + penalty  # the penalty decides it
    calls = _counting_features(monkeypatch)
    assert not scoring.reaches(a, b, T0, T0 + 3600)
    assert calls == []  # no full comparison: the bound counts the penalty


def test_reaches_keeps_what_it_scored_in_full() -> None:
    """Grouping takes the members `reaches` compared in full from `scored` rather than
    comparing them again: the kept features and score are the full comparison's."""
    a = compute(MARKET)
    near = compute(
        Extracted(
            title="Harbour fish market reopened",
            body="Quillport's harbour fish market reopened on Sunday after repairs, "
            "the city council said.",
            source="Bay Post",
        )
    )
    scored: scoring.Scored = {}
    assert scoring.reaches(a, near, T0, T0 + 7200, scored)
    kept_b, kept_ts, kept_f, kept_value = scored[id(near)]
    assert kept_b is near and kept_ts == T0 + 7200
    assert kept_f == scoring.features(a, near, T0, T0 + 7200)
    assert kept_value == scoring.score(kept_f)
    # A pair decided on its bound keeps nothing.
    far: scoring.Scored = {}
    assert not scoring.reaches(a, compute(LIBRARY), T0, T0 + 3600, far)
    assert far == {}


def test_a_member_stored_here_is_read_back_as_the_signature_it_was_written_from() -> None:
    """The store keeps the signature it writes as its row's decoded one: a later article's
    candidate read is that object, equal field by field and view by view to decoding the
    row; a row written over in other bytes is decoded anew."""
    import sqlite3

    import numpy as np

    from newsdesk.store.decoded import DECODED
    from newsdesk.store.sqlite.stories import SqliteStoryTables, create_tables

    conn = sqlite3.connect(":memory:")
    create_tables(conn)
    tables = SqliteStoryTables(conn)
    sig = compute(MARKET)
    assert sig.decodes_as_itself()
    tables.add_member("a1", "s-a1", sig, sig.band_keys(), T0)
    found = tables.candidates(sig.lsh_keys(), T0, 3600.0, 200, 32)
    assert [c.article_id for c in found] == ["a1"]
    assert found[0].signature is sig
    decoded = Signature.decoded(sig.to_row())
    for name in Signature.__dataclass_fields__:
        assert np.array_equal(getattr(sig, name), getattr(decoded, name))
    for view in ("name_weights", "figure_set", "title_set", "lede_set", "lede_vector"):
        assert getattr(sig, view) == getattr(decoded, view)
    # Another signature's bytes under that member id: decoded from the row, not kept.
    member_id = conn.execute("SELECT member_id FROM story_member").fetchone()[0]
    other = compute(LIBRARY)
    conn.execute(
        "UPDATE story_member SET shingles = ?, names = ?, name_counts = ?, figures = ?, "
        "title = ?, lede = ?, lede_figures = ?, lede_weights = ?, outlet = ? "
        "WHERE member_id = ?",
        (*other.to_row(), member_id),
    )
    again = tables.story_signatures(["s-a1"], 10)
    assert again[0][1] is not sig and again[0][1].title_set == other.title_set
    conn.close()
    DECODED.clear()


def test_a_signature_of_other_array_types_is_not_kept_as_decoded() -> None:
    import numpy as np

    sig = compute(MARKET)
    wide = Signature(**{**vars(sig), "names": sig.names.astype(np.uint64)})
    assert not wide.decodes_as_itself()
