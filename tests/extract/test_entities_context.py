"""Entities named by their context: places after 'near'/'in' or in lists of places,
organisations by their heads in several languages, and dateline credits left out."""

from __future__ import annotations

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.entities import find_entities


def test_unknown_names_after_place_prepositions_are_places() -> None:
    result = find_entities(
        "Network Rail closed the line between Crianlarich and Oban after a tree fell near "
        "Dalmally. Engineers in Ringsend were also called out."
    )
    for place in ("Crianlarich", "Oban", "Dalmally", "Ringsend"):
        assert place in result.places, place
    assert not set(result.places) & set(result.people)


def test_the_x_coast_and_lists_of_places() -> None:
    result = find_entities(
        "Most of the outages were on the Ayrshire coast. Rainfall across Marsabit, Turkana and "
        "Wajir was well below normal, forecasters said."
    )
    for place in ("Ayrshire", "Marsabit", "Turkana", "Wajir"):
        assert place in result.places, place


def test_a_name_with_person_evidence_is_not_made_a_place() -> None:
    result = find_entities(
        "The mayor met Ana Berg in Tallinn on Monday. Berg said the plan would go ahead."
    )
    assert "Ana Berg" in result.people
    assert "Berg" not in result.places


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        (
            "Die Verbraucherzentrale Hessen hält die Begründung für unzureichend.",
            "Verbraucherzentrale Hessen",
        ),
        (
            "Die Städtische Energieversorgung Kassel hebt die Preise an.",
            "Städtische Energieversorgung Kassel",
        ),
        ("El Ministerio de Transportes ha convocado a ambas partes.", "Ministerio de Transportes"),
        (
            "Según la Autoridad Portuaria de Valencia, la huelga sigue.",
            "Autoridad Portuaria de Valencia",
        ),
        ("Rivals accused Castlegate Homes of ignoring residents.", "Castlegate Homes"),
        ("The deal was approved by Cascade Transmission on Friday.", "Cascade Transmission"),
        ("The World Food Programme said it needed more money.", "World Food Programme"),
    ],
)
def test_organisation_heads_and_leads(sentence: str, org: str) -> None:
    result = find_entities(sentence)
    assert org in result.organizations
    assert org not in result.people


def test_foreign_article_does_not_swallow_a_known_place() -> None:
    assert "Los Angeles" in find_entities("Los Angeles reported heavy rain on Monday.").places


@pytest.mark.parametrize(
    "body",
    [
        "LAGOS, March 3 (Continental Wire) - Fuel importers warned on Tuesday of shortages.",
        "BERLIN (Baltic Press Agency) — The cabinet approved the plan on Wednesday.",
        "ALBUQUERQUE, N.M., Nov. 18, 2026 /Meridian Newswire/ -- The company announced a plan.",
    ],
)
def test_the_wire_in_a_dateline_is_not_an_organisation(body: str) -> None:
    orgs = find_entities(body).organizations
    assert not any(("Wire" in o or "Agency" in o) for o in orgs), orgs


def test_residents_of_a_place_speaking_do_not_make_it_a_person() -> None:
    result = find_entities("Residents of Serra Alta said the water was brown.")
    assert "Serra Alta" not in result.people


def test_a_name_read_as_a_place_elsewhere_is_a_place_where_it_speaks() -> None:
    result = find_entities(
        '"We are ready," Riverbend said in a statement. Schools in Riverbend closed early.'
    )
    assert "Riverbend" in result.places and "Riverbend" not in result.people


def test_dateline_town_is_a_place_even_when_unknown() -> None:
    page = (
        "Grid operator warns of winter blackouts\n\nBy Jo Whitaker\n\n"
        "RIVERBEND, Oregon — The operator of the regional grid warned on Wednesday that homes "
        "could face rolling blackouts this winter.\n\n"
        "The company said three substations were running close to capacity and asked the "
        "regulator for emergency spending.\n"
    )
    meta = extract_page(page)
    assert meta.dateline == "Riverbend, Oregon"
    assert "Riverbend" in meta.places and "Oregon" in meta.places
    assert "Riverbend" not in meta.people


def test_competitions_are_not_places_and_clubs_are_organisations() -> None:
    result = find_entities(
        "Harbour Athletic beat Northgate United 3-2 to reach the quarter-finals of the "
        "County Cup on Tuesday."
    )
    assert "County Cup" not in result.places
    assert "Northgate United" in result.organizations


def test_lists_of_places_joined_by_other_languages_conjunctions() -> None:
    result = find_entities("Flooding hit homes near Ibura, Varzea e Areias on Friday.")
    assert {"Ibura", "Varzea", "Areias"} <= set(result.places)


def test_abbreviated_state_or_province_after_a_place_is_the_region() -> None:
    """ "Sacramento, Calif." and "Kingston, Ont." name California and Ontario: the
    abbreviation alone ("Calif", "Ont") is no place an editor searches for."""
    result = find_entities(
        "SACRAMENTO, Calif. (AP) — Crews fought the fire. He moved to Portland, Ore., "
        "last year and later to Vancouver, B.C., then to Halifax, N.S. Officials in Nev. "
        "said so. KINGSTON, Ont. — The skip made the draw."
    )
    for region in ("California", "Oregon", "British Columbia", "Nova Scotia", "Nevada", "Ontario"):
        assert region in result.places
    for short in ("Calif", "Ore", "Ont", "Nev", "B.C.", "N.S."):
        assert short not in result.places
        assert short not in result.organizations


def test_an_abbreviation_word_is_no_region_without_a_place_before_it() -> None:
    """ "Mass", "Miss" and "Man" are words: only after a place (or "in") and with their
    full stop do they stand for a state or province."""
    result = find_entities(
        "The Man in the High Castle drew a crowd. Miss Ortega said the Mass was long."
    )
    for region in ("Manitoba", "Mississippi", "Massachusetts"):
        assert region not in result.places


def test_a_place_before_an_abbreviated_title_then_the_office_holder() -> None:
    """ "Nebraska Gov. Lyle Amundsen": the state and the governor, though the title's
    full stop made the run look mixed and "Lyle" is no known given name."""
    result = find_entities("The bill was signed by Nebraska Gov. Lyle Amundsen on Monday.")
    assert "Lyle Amundsen" in result.people
    assert "Nebraska" in result.places


def test_two_known_places_joined_by_and_in_another_language_are_two_places() -> None:
    """ "Madrid y Barcelona", "Berlin und Hamburg": "and" in the languages whose particles
    may join a double surname; two known places either side are two places."""
    for text, places in (
        ("Madrid y Barcelona vuelven a encabezar la lista.", ["Madrid", "Barcelona"]),
        ("Berlin und Hamburg führen die Liste an.", ["Berlin", "Hamburg"]),
        # "Lisboa" is a known name of Lisbon, shown in English as countries are.
        ("Porto e Lisboa lideram a lista.", ["Porto", "Lisbon"]),
    ):
        assert find_entities(text).places == places, text


def test_a_place_made_an_adjective_ends_a_name() -> None:
    """ "Grace Otieno of Nairobi-based research firm ..." was read as one name and
    dropped, and her quote went to the person named before her."""
    from newsdesk.extract.entities import find_entities

    found = find_entities(
        "Kenya is still repaying its loans. Analyst Grace Otieno of Nairobi-based research "
        "firm Savannah Economics said the project depended on freight volumes."
    )
    assert "Grace Otieno" in found.people
    assert "Savannah Economics" in found.organizations
    # Names whose last part is lower case stay whole.
    names = find_entities(
        "Tsai Ing-wen met Kim Jong-un's envoy. Jean-Pierre Martin of Coca-Cola said so."
    )
    assert {"Tsai Ing-wen", "Jean-Pierre Martin"} <= set(names.people)
