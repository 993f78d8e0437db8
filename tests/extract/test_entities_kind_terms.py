"""An acronym a text defines as a kind of thing is a term, not an organisation."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_an_acronym_named_as_a_kind_of_substance_is_no_organisation() -> None:
    found = find_entities(
        "The court found that persistent substances known as PFAS were leaving the plant. "
        "The Environment Agency said PFAS levels in the river were high."
    )
    assert found.organizations == ["Environment Agency"]
    assert "PFAS" not in found.counts
    # A body "known as" an acronym is still an organisation.
    found = find_entities("The rebels, known as FARC, said they would talk on Monday.")
    assert found.organizations == ["FARC"]
