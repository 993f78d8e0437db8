"""Rule-based people, organisations and places: each shape the issue names, and its negatives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.extract import gazetteer as gazetteer_module
from newsdesk.extract.entities import MAX_CHARS, EntityResult, find_entities
from newsdesk.extract.gazetteer import gazetteer


def entities(text: str, **kwargs: object) -> EntityResult:
    return find_entities(text, **kwargs)  # type: ignore[arg-type]


# -- people --------------------------------------------------------------------


def test_surname_back_reference_counts_towards_the_full_name() -> None:
    result = entities(
        "Kim Gunn arrived in Brussels on Tuesday for two days of talks. "
        "Officials said Kim would meet several ministers before flying home."
    )
    assert result.people == ["Kim Gunn"]
    assert result.counts["Kim Gunn"] == 2


def test_western_surname_back_reference() -> None:
    result = entities(
        "The museum hired Margaret Okafor as its director last spring. "
        "Since then, Okafor has doubled the number of visitors, and Okafor says more will come."
    )
    assert result.people == ["Margaret Okafor"]
    assert result.counts["Margaret Okafor"] == 3


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("The talks were led by Foreign Minister Cho Tae-yul in the capital.", "Cho Tae-yul"),
        (
            "A statement from President Vladimir Putin came late on the second day.",
            "Vladimir Putin",
        ),
        ("The proposal came from Ambassador Yun Seong-deok during the session.", "Yun Seong-deok"),
        ("The bill was drafted by Sen. Harriet Lindqvist over the summer.", "Harriet Lindqvist"),
        ("The letter was signed by Gov. Tomas Belcourt and two aides.", "Tomas Belcourt"),
        ("The findings were presented by Dr. Amara Velez to the board.", "Amara Velez"),
        ("The plan was defended by Chief Executive Priya Raman at the meeting.", "Priya Raman"),
        ("The claim was rejected by spokeswoman Dana Whitlock on Friday.", "Dana Whitlock"),
        ("The case was argued by lawyer Pieter Hallstrom before the judges.", "Pieter Hallstrom"),
    ],
)
def test_titles_and_role_nouns_are_not_part_of_the_name(sentence: str, person: str) -> None:
    assert entities(sentence).people == [person]


def test_name_after_a_long_title_with_connectors() -> None:
    result = entities(
        "She met UN Under-Secretary-General for Political and Peacebuilding Affairs "
        "Marisol Quenby in the afternoon."
    )
    assert result.people == ["Marisol Quenby"]
    assert result.organizations == ["United Nations"]


def test_nationality_before_a_title_is_stripped() -> None:
    result = entities(
        "The envoy later met Russian President Vladimir Putin and South Korean Ambassador Yun Seong-deok."
    )
    assert result.people == ["Vladimir Putin", "Yun Seong-deok"]
    assert result.places == []


def test_possessive_country_before_a_title() -> None:
    result = entities(
        "The visit followed a call from North Korea's Foreign Minister Choe Son Hui last week."
    )
    assert result.people == ["Choe Son Hui"]
    assert result.places == ["North Korea"]


def test_speech_verb_marks_an_unknown_name_as_a_person() -> None:
    result = entities("The vote was close, Tobias Wrenfield said after the count.")
    assert result.people == ["Tobias Wrenfield"]


def test_apposition_marks_a_person() -> None:
    result = entities("The study was led by Ingrid Solvang, a marine biologist at the institute.")
    assert result.people == ["Ingrid Solvang"]


def test_particles_stay_inside_names() -> None:
    result = entities(
        "The report quotes Marta de Souza and Khalid bin Tariq at length. "
        "Later, bin Tariq said the numbers were wrong."
    )
    assert result.people == ["Khalid bin Tariq", "Marta de Souza"]
    assert result.counts["Khalid bin Tariq"] == 2


def test_lone_surname_after_an_honorific_is_a_person() -> None:
    result = entities("The committee then questioned Ms. Farrow about the missing files.")
    assert result.people == ["Farrow"]


def test_middle_initial_variants_are_one_person() -> None:
    result = entities(
        "The award went to Lorna J. Whitcombe this year. Lorna Whitcombe thanked her colleagues."
    )
    assert result.people == ["Lorna J. Whitcombe"]
    assert result.counts["Lorna J. Whitcombe"] == 2


# -- organisations ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("The request went to the Ministry of Fisheries on Monday.", "Ministry of Fisheries"),
        ("A reply came from the Fisheries Ministry a week later.", "Fisheries Ministry"),
        ("Shares of Brightwater Corp fell in early trading.", "Brightwater Corp"),
        ("She studied at Northfield University for four years.", "Northfield University"),
        ("Members of the Green Valley Party walked out.", "Green Valley Party"),
        (
            "The ruling was upheld by the Regional Appeals Court last week.",
            "Regional Appeals Court",
        ),
        (
            "The figures were published by the Harbour Development Agency.",
            "Harbour Development Agency",
        ),
        ("The loan came from the Bank of Lorvale after months of talks.", "Bank of Lorvale"),
    ],
)
def test_organisation_cues(sentence: str, org: str) -> None:
    assert entities(sentence).organizations == [org]


def test_plural_possessive_inside_an_organisation_name() -> None:
    result = entities(
        "A spokesperson for the Coastal Farmers' Association (CFA) declined to comment."
    )
    assert result.organizations == ["Coastal Farmers' Association"]


def test_legal_suffix_variants_are_one_organisation() -> None:
    result = entities("Brightwater Corp. raised prices. Later, Brightwater said demand was strong.")
    assert result.people == []
    assert result.organizations == ["Brightwater Corp."]
    assert result.counts["Brightwater Corp."] == 2


def test_spelled_out_name_preferred_over_acronym_in_parentheses() -> None:
    result = entities(
        "The Joint Chiefs of Staff (JCS) reported two launches. "
        "The JCS said more details would follow, and the JCS later confirmed it."
    )
    assert result.organizations == ["Joint Chiefs of Staff"]
    assert result.counts["Joint Chiefs of Staff"] == 4


def test_acronym_matching_the_initials_of_a_named_organisation() -> None:
    result = entities(
        "Funding was frozen by the Coastal Research Council in May. "
        "A review by the CRC is expected to take a year."
    )
    assert result.organizations == ["Coastal Research Council"]
    assert result.counts["Coastal Research Council"] == 2


def test_acronym_may_leave_out_a_leading_qualifier() -> None:
    result = entities(
        "The Lorvale Public Utilities Commission met on Monday. "
        "The PUC approved the new rates without debate."
    )
    assert result.organizations == ["Lorvale Public Utilities Commission"]
    assert result.counts["Lorvale Public Utilities Commission"] == 2


def test_camel_case_word_is_an_organisation_but_not_mc_names() -> None:
    result = entities("Analysts at SkyMetrics disagreed with Ellen McArdle on the numbers.")
    assert result.organizations == ["SkyMetrics"]
    assert result.people == ["Ellen McArdle"]


def test_handles_and_hashtags_are_not_names() -> None:
    result = entities("Supporters tagged @LornaVale and #SaveTheHarbour all week.")
    assert result == EntityResult([], [], [], {})


def test_unknown_acronym_alone_is_an_organisation() -> None:
    result = entities("Inspectors from the IAWG visited the plant twice.")
    assert result.organizations == ["IAWG"]


def test_well_known_acronyms_use_the_full_name() -> None:
    result = entities("Delegates from the EU and the U.N. met in the afternoon.")
    assert set(result.organizations) == {"European Union", "United Nations"}


def test_nationality_before_a_well_known_org_is_dropped() -> None:
    result = entities(
        "She became the first Native American-Jewish Supreme Court justice in the state."
    )
    assert result.organizations == ["Supreme Court"]


def test_country_possessive_before_a_ministry_splits_org_and_place() -> None:
    result = entities(
        "The protest was lodged by South Korea's Ministry of Foreign Affairs on Friday."
    )
    assert result.organizations == ["Ministry of Foreign Affairs"]
    assert result.places == ["South Korea"]


def test_ministry_forms_merge() -> None:
    result = entities(
        "The Ministry of Foreign Affairs summoned the envoy. "
        "The Foreign Ministry said the meeting lasted an hour."
    )
    assert result.organizations == ["Ministry of Foreign Affairs"]
    assert result.counts["Ministry of Foreign Affairs"] == 2


def test_and_inside_one_organisation_name() -> None:
    result = entities("Crews from Northern Gas and Electric Co. restored power overnight.")
    assert result.organizations == ["Northern Gas and Electric Co."]


def test_ampersand_inside_an_organisation_name() -> None:
    result = entities("Customers of Northern Gas & Electric Co. lost power on Sunday.")
    assert result.organizations == ["Northern Gas & Electric Co."]


def test_and_between_two_complete_organisations() -> None:
    result = entities(
        "The probe was built by Halden Robotics and Brightwater Systems Inc last year."
    )
    assert result.organizations == ["Halden Robotics", "Brightwater Systems Inc"]


def test_and_between_two_places_is_two_names() -> None:
    result = entities("Trade between Russia and China grew last year.")
    assert result.places == ["Russia", "China"]


def test_title_name_of_organisation() -> None:
    result = entities(
        "Prof Matthias Kellner of the Alpine Monitoring Network said the ice had thinned."
    )
    assert result.people == ["Matthias Kellner"]
    assert result.organizations == ["Alpine Monitoring Network"]


def test_foreign_organisation_leads() -> None:
    result = entities("Funding came from Banco de Fomento and the Instituto Superior Tecnico.")
    assert result.organizations == ["Banco de Fomento", "Instituto Superior Tecnico"]
    assert result.people == []


def test_company_that_speaks_is_not_a_person() -> None:
    result = entities(
        "Shares of Veldmark Lithium rose on Monday. Veldmark Lithium said output would double."
    )
    assert result.people == []
    assert result.organizations == ["Veldmark Lithium"]


def test_person_of_an_organisation_is_split() -> None:
    result = entities(
        "The complaint was filed by Ian Mercer of the Air Passenger Rights Coalition on Friday."
    )
    assert result.people == ["Ian Mercer"]
    assert result.organizations == ["Air Passenger Rights Coalition"]


def test_short_form_of_an_organisation_name() -> None:
    result = entities(
        "Maple Coast Airlines cut ten routes. Passengers of Maple Coast were offered refunds."
    )
    assert result.places == []
    assert result.counts["Maple Coast Airlines"] == 2


def test_organisation_head_wins_over_a_river_inside_it() -> None:
    result = entities(
        "A report by the International Commission for the Protection of the Danube River came out."
    )
    assert result.organizations == [
        "International Commission for the Protection of the Danube River"
    ]
    assert result.places == []


def test_wire_agency_in_a_dateline_is_not_an_organisation() -> None:
    result = entities("SEOUL, Nov 18 (PWS) - South Korea and Chile signed a trade pact on Monday.")
    assert result.organizations == []
    assert result.places == ["Seoul", "South Korea", "Chile"]


# -- places ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("The delegates gathered in Brussels for the summit.", "Brussels"),
        ("A second round of talks is planned in Geneva.", "Geneva"),
        ("Flights to Seoul were delayed by fog.", "Seoul"),
        ("Shelling continued in Kursk Oblast overnight.", "Kursk Oblast"),
        ("Two missiles fell into the West Sea on Wednesday.", "West Sea"),
        ("Farmers in Kenya expect a good harvest.", "Kenya"),
        ("Fishing boats left the Korean Peninsula before the storm.", "Korean Peninsula"),
        ("Barges on the Danube waited for the water to rise.", "Danube"),
        ("Sandbags lined the banks of the River Lenn overnight.", "River Lenn"),
        ("The march ended in Plaza de Armas at noon.", "Plaza de Armas"),
        ("The court in The Hague ruled on Tuesday.", "The Hague"),
        ("Traffic on Calle Merced was closed for the parade.", "Calle Merced"),
        ("Flights to Santiago resumed on Monday.", "Santiago"),
        ("Storms battered Atlantic Canada overnight.", "Atlantic Canada"),
    ],
)
def test_places(sentence: str, place: str) -> None:
    assert entities(sentence).places == [place]


def test_small_towns_in_a_list_of_places() -> None:
    result = entities("Flights to Halifax, Charlottetown and Fredericton were cancelled.")
    assert result.places == ["Halifax", "Charlottetown", "Fredericton"]


def test_small_town_that_is_also_a_surname_needs_a_cue() -> None:
    result = entities(
        "The report was written by Clara Hamilton. Hamilton has worked there for years."
    )
    assert result.places == []


def test_place_abbreviations_use_one_name() -> None:
    result = entities("Officials in the U.S. and the UK agreed; the United States will host.")
    assert result.places == ["United States", "United Kingdom"]
    assert result.counts["United States"] == 2


# -- negatives -------------------------------------------------------------------


def test_sentence_initial_words_are_not_names() -> None:
    result = entities(
        "Separately, the council voted to close the pool. "
        "Earlier this month, residents complained. "
        "Referring to the budget, officials said nothing."
    )
    assert result == EntityResult([], [], [], {})


def test_a_month_that_is_a_given_name() -> None:
    result = entities("The briefing was led by April Kensworth, the press secretary.")
    assert result.people == ["April Kensworth"]


def test_calendar_words_are_not_names() -> None:
    result = entities(
        "On Tuesday the board met, and in March it will meet again. Since January nothing changed."
    )
    assert result == EntityResult([], [], [], {})


def test_nationality_adjectives_are_not_people_or_places() -> None:
    result = entities(
        "South Korean officials and Russian diplomats met Chinese and French experts. "
        "The Australian was evicted in April."
    )
    assert result.people == []
    assert result.places == []


def test_headline_case_lines_give_no_capital_evidence() -> None:
    result = entities(
        "Markets Rally As Investors Cheer Strong Earnings Season\n\nStocks rose on Monday."
    )
    assert result.people == []
    assert result.organizations == []


def test_a_lone_unknown_capitalised_word_is_not_a_person() -> None:
    result = entities("The band played in the Quarry until midnight.")
    assert result.people == []


def test_first_amendment_is_not_a_person() -> None:
    result = entities("The group said the law violates the First Amendment of the constitution.")
    assert result.people == []


# -- parameters and ordering ----------------------------------------------------


def test_most_mentioned_first_then_first_seen() -> None:
    result = entities(
        "Ana Pereira met Tomasz Wolski in Lisbon. Wolski spoke first. "
        "Later Wolski and Pereira signed the deal, Wolski said."
    )
    assert result.people == ["Tomasz Wolski", "Ana Pereira"]
    assert result.counts == {"Tomasz Wolski": 4, "Ana Pereira": 2, "Lisbon": 1}


def test_exclude_drops_names_and_their_short_forms() -> None:
    result = entities(
        "Ilse Brandt and Omar Haddad met on Monday. Haddad said little, and Brandt wrote it down.",
        exclude=["Ilse Brandt"],
    )
    assert result.people == ["Omar Haddad"]
    assert "Ilse Brandt" not in result.counts


def test_title_mentions_add_to_counts_of_body_names() -> None:
    body = "Omar Haddad met the mayor in Lisbon. Haddad said the meeting went well."
    result = entities(body, title="Haddad Meets Mayor In Lisbon")
    assert result.counts["Omar Haddad"] == 3
    assert result.counts["Lisbon"] == 2


# -- robustness ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "😀 🎉 " * 500,
        "مرحبا بالعالم هذا نص عربي Kim Gunn said",
        "שלום עולם",
        "[bold red]Kim Gunn[/] said [link=https://example.org]hello[/link]",
        "Ab " * 30_000,
        "x" * (MAX_CHARS + 10_000),
        "Mr. " * 20_000,
        "\x00\x1b[31mKim Gunn\x1b[0m said",
        "“" * 5000 + "”" * 5000,
    ],
    ids=[
        "empty",
        "blank",
        "emoji",
        "arabic",
        "hebrew",
        "rich-markup",
        "many-short-words",
        "over-max-chars",
        "many-honorifics",
        "control-chars",
        "quote-marks",
    ],
)
def test_never_raises(text: str) -> None:
    result = entities(text)
    assert isinstance(result, EntityResult)
    assert set(result.counts) == set(result.people + result.organizations + result.places)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_on_any_text(text: str) -> None:
    result = entities(text)
    assert all(count > 0 for count in result.counts.values())


# -- the shared seed page ------------------------------------------------------------


def test_seed_page_entities(shared_dir: Path) -> None:
    seeds = sorted((shared_dir / "seeds").glob("000_*.txt"))
    if not seeds:
        pytest.skip("seed 000 is not present")
    text = seeds[0].read_text(encoding="utf-8")
    result = entities(text)
    for person in ("Kim Gunn", "Vladimir Putin", "Choe Son Hui", "Yun Seong-deok"):
        assert person in result.people
    assert any("European Union" in org for org in result.organizations)
    assert "Joint Chiefs of Staff" in result.organizations
    for place in ("Brussels", "Geneva", "China", "Russia"):
        assert place in result.places
    assert result.counts["Kim Gunn"] >= 3


# -- the gazetteer ---------------------------------------------------------------


def test_place_before_based_is_a_place() -> None:
    result = entities("The team worked with Hikari Denki, an Osaka-based battery maker.")
    assert result.places == ["Osaka"]
    assert result.organizations == ["Hikari Denki"]
    assert result.people == []


def test_gazetteer_kinds_and_display_names() -> None:
    places = gazetteer()
    assert places.kind("Russia") == "country"
    assert places.kind("Brussels") == "city"
    assert places.kind("Texas") == "region"
    assert places.kind("Korean Peninsula") == "region"
    assert places.kind("Sao Paulo") is not None  # accents folded away too
    assert places.kind("Kim") is None  # a family name, though also a town
    assert places.kind("North") is None
    assert places.display("U.S.") == "United States"
    assert places.display("Kiev") == "Kyiv"


def test_city_records_fall_back_to_json_when_the_layout_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = dict(gazetteer_module._city_records())
    monkeypatch.setattr(gazetteer_module, "_CITY_RECORD", re.compile(r"(?!x)x"))
    slow = dict(gazetteer_module._city_records())
    assert len(slow) > 20_000
    assert fast == slow


def test_a_quoted_title_of_a_work_names_no_one() -> None:
    text = (
        "Comedy “The Marvelous Mrs Lindqvist” took the prize. But “Mrs Lindqvist” actress "
        "Jana Berg said the prize should have gone to the drama “Lisbon” instead."
    )
    result = find_entities(text)
    assert result.people == ["Jana Berg"]
    assert "Lisbon" not in result.places
    assert "Lisbon" in find_entities("The drama is set in Lisbon and Porto.").places
    # Outside quote marks the same words are a person.
    assert find_entities("Mrs Lindqvist said the prize was fair.").people == ["Lindqvist"]


def test_a_helpline_is_an_organisation_not_a_person() -> None:
    """ "National Suicide Prevention Lifeline" under a real CNN page was listed as a person."""
    body = (
        "Readers in distress can call the National Suicide Prevention Lifeline at any hour.\n\n"
        "In Ireland the Harbour Youth Helpline answers calls, said Maeve Dunne, who runs it."
    )
    found = find_entities(body)
    assert "National Suicide Prevention Lifeline" in found.organizations
    assert "Harbour Youth Helpline" in found.organizations
    assert found.people == ["Maeve Dunne"]


def test_office_holders_in_the_plural_are_no_place() -> None:
    """British copy capitalises "Ministers" mid-sentence; a real Daily Mail page listed it
    as a place."""
    body = (
        "The row has become a flashpoint between Ministers and the Kestrel Growers' Union.\n\n"
        "Senators said the bill would pass, and Secretaries of state met in Oslo on Monday."
    )
    found = find_entities(body)
    assert "Ministers" not in found.places + found.people + found.organizations
    assert "Senators" not in found.places + found.people + found.organizations
    assert "Secretaries" not in found.places + found.people + found.organizations
    assert "Oslo" in found.places


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            "Power cuts will reach counties in the northern San Francisco Bay Area tonight.",
            "San Francisco Bay Area",
        ),
        ("Commuters across the Greater Toronto Area faced long delays.", "Greater Toronto Area"),
    ],
)
def test_an_area_is_a_place_not_a_person(sentence: str, place: str) -> None:
    # "San Francisco Bay Area" gave the person "Francisco Bay Area".
    found = find_entities(sentence)
    assert place in found.places and found.people == []


def test_a_generational_suffix_is_not_the_surname() -> None:
    # "James P. Kennedy Jr." was "Jr." for short, so a later "Kennedy" was someone else;
    # and two men called James ... Jr. were one person.
    found = find_entities(
        "U.S. Attorney James P. Kennedy Jr. spoke first. Later, Kennedy said the case was closed."
    )
    assert found.people == ["James P. Kennedy Jr."] and found.counts["James P. Kennedy Jr."] == 2
    two = find_entities("James Smith Jr. met James Brown Jr. on Monday. Smith left first.")
    assert sorted(two.people) == ["James Brown Jr.", "James Smith Jr."]
