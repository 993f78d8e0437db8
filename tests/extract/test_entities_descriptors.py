"""What the text calls a name: descriptor nouns and appositions make companies, trade
words inside a name too; towns are no people for a given name alone; an acronym the
text introduces as a chemical is no organisation."""

from __future__ import annotations

import pytest

from newsdesk.extract.entities import find_entities


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("Danish brewer Kolt Harbo said on Monday it would close a plant.", "Kolt Harbo"),
        ("Belgian rival Zelmo Brant agreed to the terms on Friday.", "Zelmo Brant"),
        ("Shares in Irish brewer Aerlon Vesta fell 4 per cent on Tuesday.", "Aerlon Vesta"),
        ("The ride-hailing app Vroomix raised its prices.", "Vroomix"),
        ("The pollster Quorvia found support at 40 per cent.", "Quorvia"),
        ("Insurer Zelkova Mutua said claims doubled after the floods.", "Zelkova Mutua"),
        ("It was led by the farming alliance Sowgood.", "Sowgood"),
    ],
)
def test_a_descriptor_noun_before_a_name_makes_an_organisation(sentence: str, org: str) -> None:
    result = find_entities(sentence)
    assert org in result.organizations
    assert org not in result.people


def test_a_company_described_once_is_a_company_in_its_bare_mentions() -> None:
    result = find_entities(
        "Danish brewer Kolt Harbo has agreed to buy a smaller rival. The deal would make "
        "Kolt Harbo the biggest brewer in the region. Kolt Harbo said it expected approval."
    )
    assert result.organizations == ["Kolt Harbo"]
    assert result.counts["Kolt Harbo"] == 3
    assert result.people == []


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("Vorlo, a Porto-based startup that recycles tyres, said it had 40 staff.", "Vorlo"),
        ("Tessaly Quill, the Oslo lender, said profits rose.", "Tessaly Quill"),
        ("Harn Bexley, a Leeds-based kitchenware maker, said orders fell.", "Harn Bexley"),
    ],
)
def test_an_apposition_naming_a_kind_of_company_makes_an_organisation(
    sentence: str, org: str
) -> None:
    result = find_entities(sentence)
    assert org in result.organizations
    assert org not in result.people


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("The deal with Brasserie Quintal was signed on Monday.", "Brasserie Quintal"),
        ("Talks with Cervejaria Lumiar ended without agreement.", "Cervejaria Lumiar"),
        ("Loans from Bank Zelvar rose by a third.", "Bank Zelvar"),
        ("Members of Motoros Egyesulete protested in the capital.", "Motoros Egyesulete"),
    ],
)
def test_a_trade_word_inside_a_name_makes_an_organisation(sentence: str, org: str) -> None:
    result = find_entities(sentence)
    assert org in result.organizations
    assert org not in result.people


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("She left the company Jane Roe founded in 2019.", "Jane Roe"),
        ("Jane Roe, a lawyer at the firm, said the deal was fair.", "Jane Roe"),
        ("Jane Roe, the bank's chief economist, said rates would rise.", "Jane Roe"),
        ("Tomas Belcourt, a union official, said workers would strike.", "Tomas Belcourt"),
        ("The tour operator Jane Cole said bookings fell.", "Jane Cole"),
        ("Her rival Bo Ekberg disagreed with the plan.", "Bo Ekberg"),
        ("Democratic rival Tessaly Quenby said the plan was flawed.", "Tessaly Quenby"),
    ],
)
def test_people_near_company_words_stay_people(sentence: str, person: str) -> None:
    # The company in the same text shows the rule is at work (and fails without it).
    result = find_entities(f"{sentence} Danish brewer Kolt Harbo agreed to buy Brasserie Quintal.")
    assert person in result.people
    assert person not in result.organizations
    assert {"Kolt Harbo", "Brasserie Quintal"} <= set(result.organizations)


def test_a_town_with_a_given_name_first_is_no_person() -> None:
    # "Hazel Grove" and "Bishop Auckland" are towns the gazetteer knows.
    result = find_entities(
        "Hazel Grove | Ann Mallory | ann.mallory@example.org\n\n"
        "Bishop Auckland | Tom Pell | tom.pell@example.org"
    )
    assert "Hazel Grove" not in result.people
    assert "Auckland" not in result.people
    assert "Bishop Auckland" not in result.people
    assert {"Hazel Grove", "Bishop Auckland"} <= set(result.places)
    assert {"Ann Mallory", "Tom Pell"} <= set(result.people)


def test_a_town_name_the_text_gives_as_a_person_stays_a_person() -> None:
    result = find_entities(
        "The MP for Bishop Auckland backed it. Hazel Grove said she would stand again in May."
    )
    assert result.people == ["Hazel Grove"]


def test_an_acronym_introduced_as_a_chemical_is_no_organisation() -> None:
    result = find_entities(
        "Doctors found a condition called TCPX in the workers. TCPX cases were twice the "
        "usual rate, officials at the NRWB said, and TCPX will be studied."
    )
    assert "TCPX" not in result.organizations
    assert "NRWB" in result.organizations


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The soft-spoken but firm Halvorsen rarely raised her voice.", "Halvorsen"),
        ("Serving size: 1 cup.\n\nDaily Value per serving is shown below.", "Value"),
        ("Patients with drug-induced fever syndrome (DFSX) recovered.", "DFSX"),
    ],
)
def test_words_that_only_look_like_descriptors_make_no_organisation(text: str, name: str) -> None:
    result = find_entities(f"{text}\n\nDanish brewer Harn Bexley said sales fell.")
    assert name not in result.organizations
    assert "Harn Bexley" in result.organizations
