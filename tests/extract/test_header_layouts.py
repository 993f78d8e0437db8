"""Headline and standfirst in four page layouts: which line is which."""

from __future__ import annotations

from newsdesk.extract import extract_page

BODY = (
    "Ferry operators on the northern route cancelled every sailing on Monday after gusts of more "
    "than 100 kilometres an hour battered the coast, the harbour authority said.\n\n"
    "Passengers waiting at the terminal were offered hotel rooms, and the operators said services "
    "would resume once the wind dropped below the safety limit on Tuesday.\n\n"
    "The authority said it would review the timetable for the rest of the winter season.\n"
)


def test_a_german_headline_over_its_standfirst_under_navigation() -> None:
    # German capitalises its nouns: the standfirst is as "titled" as the headline above it.
    page = (
        "Hafenblatt Nord\nStartseite > Region > Kiel\n\n"
        "Kiel will 800 Liegeplätze bis 2029 bauen\n\n"
        "Ratsversammlung beschließt Plan – Segler kritisieren hohe Gebühren\n\n"
        "Von Greta Lindholm\n\n03.03.2026, 17:45 Uhr\n\n" + BODY
    )
    article = extract_page(page)
    assert article.title == "Kiel will 800 Liegeplätze bis 2029 bauen"
    assert article.dek == "Ratsversammlung beschließt Plan – Segler kritisieren hohe Gebühren"


def test_a_section_name_before_the_headline_on_its_line() -> None:
    page = (
        "The Skerry Review\nPolitics  Cities  Culture  Ideas\n\n"
        "Opinion | The harbour should stop apologising for its ferries\n\n"
        "The northern route was late and over budget. That is no reason to drop the next one.\n\n"
        "Author: Ines Lopes, Professor of Transport at the University of Skerry\n\n" + BODY
    )
    article = extract_page(page)
    assert article.title == "The harbour should stop apologising for its ferries"
    assert article.dek == (
        "The northern route was late and over budget. That is no reason to drop the next one."
    )


def test_a_standfirst_over_a_byline_with_its_place_is_no_caption() -> None:
    page = (
        "El Faro Norte\nPortada | España | Galicia\n\nGalicia\n\n"
        "Un temporal obliga a suspender los ferris a las islas durante dos días\n\n"
        "Las navieras cancelan todas las salidas; el viento supera los 100 kilómetros por hora\n\n"
        "Por Lucía Ferrer | Vigo\n\n3 de marzo de 2026 - 21:10 CET\n\n" + BODY
    )
    article = extract_page(page)
    assert article.dek == (
        "Las navieras cancelan todas las salidas; el viento supera los 100 kilómetros por hora"
    )
    assert article.authors == ["Lucía Ferrer"]
    assert article.dateline == "Vigo"  # the place the byline says it was filed from


def test_a_live_pages_standfirst_under_its_date_line() -> None:
    page = (
        "HARBOUR TRIBUNE\nMenu  Search  Newsletters  Log in\n\nLocal politics\n\n"
        "Live updates: ferry timetable vote — night sailings saved, fares up\n\n"
        "03/03/2026\n\n"
        "Councillors are debating the ferry timetable at the harbour hall. Follow the latest below.\n\n"
        "Key events\n- Timetable passes by 31 votes to 18\n- Night sailings kept\n\n"
        "19:48\nTimetable approved\n\n" + BODY
    )
    article = extract_page(page)
    assert article.title == "Live updates: ferry timetable vote — night sailings saved, fares up"
    assert article.dek == (
        "Councillors are debating the ferry timetable at the harbour hall. Follow the latest below."
    )


def test_a_staff_and_wire_reports_line_is_neither_headline_nor_standfirst() -> None:
    page = (
        "Harbour Sport\nScores  Football  Hockey  Sailing\n\nSailing > Winter Series > Final\n\n"
        "Marrowby crew win the winter series on the last leg\n\n"
        "Harbour Sport staff and wire reports\n\nMar 3, 2026\n\n" + BODY
    )
    article = extract_page(page)
    assert article.title == "Marrowby crew win the winter series on the last leg"
    assert article.dek is None


def test_a_press_releases_place_field_is_no_author() -> None:
    page = (
        "Bundesamt für Häfen\nPresse > Meldungen\n\n"
        "Neue Fährverbindung nach Marrowby startet im Frühjahr\n\n"
        "Ort Rostock\nDatum 28.01.2022\n\n" + BODY
    )
    article = extract_page(page)
    assert article.title == "Neue Fährverbindung nach Marrowby startet im Frühjahr"
    assert article.authors == []
