"""Countries written in the language of the copy are places under their English name."""

from __future__ import annotations

import pytest

from newsdesk.extract.data.country_names import ENDONYMS
from newsdesk.extract.entities import find_entities
from newsdesk.extract.gazetteer import _not_a_place_word, gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Die Regierung teilte mit, dass Deutschland und Österreich die Kontrollen "
            "verlängern. Auch die Schweiz prüft Maßnahmen.",
            {"Germany", "Austria", "Switzerland"},
        ),
        (
            "El ministro dijo que Francia y Portugal participarán. Estados Unidos no respondió.",
            {"France", "Portugal", "United States"},
        ),
        (
            "Les États-Unis et le Royaume-Uni observent la situation de près.",
            {"United States", "United Kingdom"},
        ),
        ("Het kabinet zegt dat Nederland en België samenwerken met Duitsland.", None),
        ("Premier powiedział, że Polska i Niemcy podpiszą umowę.", {"Poland", "Germany"}),
    ],
)
def test_countries_in_other_languages_are_places(text: str, expected: set[str] | None) -> None:
    places = set(find_entities(text).places)
    assert places >= (expected or {"Netherlands", "Belgium", "Germany"})
    # Shown and searched under one name: no "España" beside "Spain".
    assert not places & set(ENDONYMS)


def test_a_country_in_another_language_splits_a_pair_of_places() -> None:
    # "Francia y Portugal" is two places joined by "y" only when both sides are known.
    found = find_entities("Según el diario, Francia y Portugal firmarán.")
    assert set(found.places) == {"France", "Portugal"}
    assert found.people == []


def test_no_listed_name_is_an_english_word_or_given_name() -> None:
    # "Island" (German for Iceland) or "Dania" would turn Long Island or a person into a country.
    assert [name for name in ENDONYMS if _not_a_place_word(name)] == []
    places = gazetteer()
    assert all(places.kind(name) == "country" for name in ENDONYMS)
    assert {places.display(name) for name in ("España", "Deutschland", "Polska")} == {
        "Spain",
        "Germany",
        "Poland",
    }


def test_english_copy_keeps_its_readings() -> None:
    found = find_entities("Long Island residents met in Chile; Lisa Holland of Georgia spoke.")
    assert "Iceland" not in found.places
    assert {"Chile", "Georgia"} <= set(found.places)


def test_cities_and_regions_in_other_languages_are_places_under_their_english_name() -> None:
    """German capitalises every noun, so "in Mailand" is a place only when it is known."""
    from newsdesk.extract.data.place_exonyms import CITY_EXONYMS, REGION_EXONYMS

    names = {**CITY_EXONYMS, **REGION_EXONYMS}
    assert [name for name in names if _not_a_place_word(name)] == []
    text = (
        "Die Konferenz findet in München statt, danach reist die Delegation nach Mailand. "
        "In Europa und in Syrien wächst die Sorge, sagte er."
    )
    assert set(find_entities(text).places) == {"Munich", "Milan", "Europe", "Syria"}
    # English copy reads them as it always did: Jupiter's moon is no continent.
    moon = (
        "The mission may well be expanded to Jupiter's moon Europa, as the agency's "
        "scientists have confirmed that there is water on the moon and in the ice."
    )
    assert "Europe" not in find_entities(moon).places
