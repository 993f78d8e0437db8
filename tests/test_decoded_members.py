"""`store.decoded`: decoded member signatures by member id, never trusted past their bytes."""

from __future__ import annotations

from pathlib import Path

from newsdesk.model import Extracted
from newsdesk.store import open_store
from newsdesk.store.decoded import DECODED, DecodedMembers
from newsdesk.stories.signature import Signature, compute

T0 = 1_780_000_000.0
SIG_A = compute(
    Extracted(
        title="Ferry service to Varnholm suspended after engine fire",
        body="The morning ferry to Varnholm was pulled from service on Tuesday after a "
        "small engine fire, the operator Brisk Lines said. All 84 passengers left safely.",
    )
)
SIG_A2 = compute(
    Extracted(
        title="Ferry service to Varnholm back after engine fire repairs",
        body="The morning ferry to Varnholm returned to service on Friday after a "
        "small engine fire, the operator Brisk Lines said. All 84 passengers left safely.",
    )
)


def test_a_kept_signature_is_reused_for_the_same_bytes_only() -> None:
    cache = DecodedMembers(size=4)
    first = cache.signature(7, SIG_A.to_row())
    # The same bytes read again (another row object): the very same decoded signature.
    assert cache.signature(7, Signature.from_row(SIG_A.to_row()).to_row()) is first
    # The member's row written again (a refreshed fingerprint under a reused id).
    other = cache.signature(7, SIG_A2.to_row())
    assert other is not first
    assert other.to_row() == SIG_A2.to_row() and other.title_set == SIG_A2.title_set
    assert cache.signature(7, SIG_A2.to_row()) is other


def test_the_least_recently_read_are_forgotten_first() -> None:
    cache = DecodedMembers(size=2)
    rows = {n: Signature.from_row(SIG_A.to_row()).to_row() for n in range(3)}
    cache.signature(0, rows[0])
    cache.signature(1, rows[1])
    cache.signature(0, rows[0])  # read again: now the newest
    cache.signature(2, rows[2])
    assert len(cache) == 2
    assert set(cache._by_id) == {0, 2}


def test_a_refreshed_member_is_read_anew_by_the_store(tmp_path: Path) -> None:
    """A member forgotten and added again (its fingerprint refreshed, as `assign` does)
    may get its old member id back: the candidates carry the new signature."""
    DECODED.clear()
    store = open_store(tmp_path / "db.sqlite3")
    try:
        with store.transaction() as tx:
            tables = store.story_tables(tx)
            tables.add_member("a", "s-a", SIG_A, SIG_A.band_keys(), T0)
            keys = SIG_A.band_keys() + SIG_A2.band_keys()
            (found,) = tables.candidates(keys, T0, 3600.0, 200, 32)
            assert found.signature.to_row() == SIG_A.to_row()
            (read,) = tables.story_signatures(["s-a"], 48)
            assert read[1] is found.signature  # decoded once for both reads
            tables.forget_member("a")
            tables.add_member("a", "s-a", SIG_A2, SIG_A2.band_keys(), T0)
            (found,) = tables.candidates(keys, T0, 3600.0, 200, 32)
            assert found.signature.to_row() == SIG_A2.to_row()
            (read,) = tables.story_signatures(["s-a"], 48)
            assert read[1].to_row() == SIG_A2.to_row()
    finally:
        store.close()
