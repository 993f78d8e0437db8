"""The name before a hyphenated adjective: "US-led" is the United States, "EU-backed" the EU."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_an_acronym_before_led_or_based_is_its_place_or_body() -> None:
    found = find_entities(
        "The US-led coalition struck targets in the north on Monday. A UK-based lender "
        "and an EU-backed fund said a NATO-led mission would follow."
    )
    assert "United States" in found.places
    assert "United Kingdom" in found.places
    assert "European Union" in found.organizations
    assert "NATO" in found.organizations
    # A known place and the firm after it stay as they were.
    found = find_entities("A Mercer Island-based Acme Company and an Osaka-based firm said so.")
    assert found.places == ["Osaka"]
    assert found.organizations == ["Acme Company"]
