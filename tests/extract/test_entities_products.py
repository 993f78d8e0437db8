"""A model or a security named like an organisation is none (fictional text)."""

from __future__ import annotations

from newsdesk.extract.entities import find_entities


def test_a_model_code_and_a_trim_are_no_organisations() -> None:
    text = (
        "Kestrel Motors is showing a plug-in version of the popular ZX7 small SUV. "
        "The 2027 ZX7 goes on sale in May. A performance QR version will follow."
    )
    orgs = find_entities(text).organizations
    assert "ZX7" not in orgs
    assert "QR" not in orgs
    assert "Kestrel Motors" in orgs


def test_a_brand_whose_models_are_listed_stays_an_organisation() -> None:
    text = "The shop lists cards from Gigabyte, Asus and PNY. It has two PNY models left."
    assert "PNY" in find_entities(text).organizations


def test_treasury_yields_are_no_organisation_but_the_treasury_is() -> None:
    bonds = "Long-dated U.S. Treasury yields slipped as investors bought stocks."
    assert find_entities(bonds).organizations == []
    office = "Officials at the U.S. Treasury said on Monday they would act."
    assert find_entities(office).organizations == ["U.S. Treasury"]
