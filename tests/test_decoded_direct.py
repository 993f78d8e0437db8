"""`store.decoded` decodes a row it does not keep itself, not through `signature.stored`'s cache."""

from __future__ import annotations

from newsdesk.model import Extracted
from newsdesk.store.decoded import DecodedMembers
from newsdesk.stories import signature
from newsdesk.stories.signature import compute

SIG = compute(Extracted(title="Ferry to Varnholm suspended", body="An engine fire on Tuesday."))


def test_a_miss_decodes_what_stored_decodes_without_its_cache() -> None:
    signature._decoded.cache_clear()
    cache = DecodedMembers(size=2)
    row = SIG.to_row()
    found = cache.signature(3, row)
    # Nothing hashed into (nor kept by) the bytes-keyed cache.
    assert signature._decoded.cache_info().currsize == 0
    assert found.to_row() == signature.stored(row).to_row() == row
    assert found.lede_vector == SIG.lede_vector and found.name_weights == SIG.name_weights
    assert cache.signature(3, row) is found
