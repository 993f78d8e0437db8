"""Headlines: the real title, never navigation, a breadcrumb, a section label or the site name."""

from __future__ import annotations

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.boilerplate import is_boilerplate
from newsdesk.extract.headline import find_headline, strip_site_suffix, title_shaped
from newsdesk.extract.lines import split_lines

BODY = (
    "Ferry operators on the northern route cancelled every sailing on Monday after gusts of more "
    "than 100 kilometres an hour battered the coast, the harbour authority said.\n\n"
    "Passengers waiting at the terminal were offered hotel rooms, and the operators said services "
    "would resume once the wind dropped below the safety limit on Tuesday.\n\n"
)


def _headline(text: str) -> str | None:
    choice = find_headline(split_lines(text))
    return choice.text if choice else None


def test_headline_under_navigation() -> None:
    page = (
        "Skip to content\nThe Harbour Gazette\nHome » News » Transport\n- News\n- Sport\n- Weather\n"
        "TRANSPORT\n\nStorm halts northern ferries for a second day\n\n"
        "By Ines Lopes\n14 March 2025\n\n" + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_headline_with_standfirst_and_byline() -> None:
    page = (
        "Live updates\n\nStorm halts northern ferries for a second day\n\n"
        "Operators say services should resume on Tuesday once winds ease along the coast\n\n"
        "By Ines Lopes\n\n" + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_headline_not_a_photo_caption() -> None:
    page = (
        "Storm halts northern ferries for a second day\n\n"
        "Waves break over the harbour wall on Monday. Photo: Ivo Mares/Northern Wire\n\n"
        "By Ines Lopes\n\n" + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_site_name_line_is_not_the_headline() -> None:
    page = (
        "Northern Wire Service\nBusiness | 14 March 2025\n\nStorm halts northern ferries for a second day\n\nBy Ines Lopes\n\n"
        + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_breadcrumbs_and_labels_are_not_title_shaped() -> None:
    assert not title_shaped("Home » News » Transport")
    assert not title_shaped("TECHNOLOGY")
    assert not title_shaped("Live updates")
    assert not title_shaped("By Ines Lopes")
    assert title_shaped("Storm halts northern ferries for a second day")


def test_strip_site_suffix() -> None:
    assert (
        strip_site_suffix("Storm halts northern ferries - Harbour Gazette")
        == "Storm halts northern ferries"
    )
    assert strip_site_suffix("Storm halts northern ferries") == "Storm halts northern ferries"


def test_no_headline_in_empty_text() -> None:
    assert find_headline([]) is None
    assert find_headline(["", "  "]) is None


def test_headline_over_several_standfirst_lines() -> None:
    page = (
        "Menu\nNews\n\nStorm halts northern ferries for a second day as operators count the cost of cancelled sailings\n\n"
        "Operators say services should resume on Tuesday once the wind drops\n\n"
        "Passengers were offered hotel rooms at the terminal overnight\n\n"
        "By Ines Lopes\n\n" + BODY
    )
    assert _headline(page) == (
        "Storm halts northern ferries for a second day as operators count the cost of cancelled sailings"
    )


def test_related_headline_after_the_story_is_not_the_title() -> None:
    teasers = "".join(
        f"Council votes on new harbour fees number {n}\n\n14 March 2025, 7:5{n}pm\n\n"
        for n in range(3)
    )
    page = (
        "News\n\nStorm halts northern ferries for a second day\n\nOur Transport Staff\n\n"
        "14 March 2025 • 9:15am\n\n" + BODY + BODY + "More stories\n\n" + teasers
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


_STORY = (
    "The regional council voted on Monday to close two branch libraries next spring, citing "
    "a shortfall of four million in next year's budget, officials said.\n\n"
    "Library users said the decision would hit older residents hardest and asked the council "
    "to delay the closures until a public consultation had been held.\n\n"
    "The finance chief said there was no alternative after every line of the budget was "
    "examined by the committee over the summer.\n\n"
)


def test_flattened_menu_is_not_the_headline() -> None:
    page = (
        "Home News Politics Business Sport Opinion Weather\n\n"
        "Council votes to close two branch libraries\n\nBy Ana Berg\n20 November 2026\n\n" + _STORY
    )
    assert extract_page(page).title == "Council votes to close two branch libraries"


@pytest.mark.parametrize(
    "line",
    ["Home News Politics Business Sport", "Startseite Politik Wirtschaft Kultur Sport Panorama"],
)
def test_menu_lines_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


def test_a_headline_with_section_words_is_not_a_menu() -> None:
    assert not is_boilerplate("Sport and politics collide in World Cup row")


@pytest.mark.parametrize(
    "line", ["Staff and agencies", "Guardian staff and agencies", "The Editorial Board", "Newsroom"]
)
def test_staff_lines_are_not_headlines(line: str) -> None:
    assert not title_shaped(line)
    page = f"Council votes to close two branch libraries\n\n{line}\n20 November 2026\n\n" + _STORY
    assert extract_page(page).title == "Council votes to close two branch libraries"


@pytest.mark.parametrize(
    "line", ["Hospital Cuts Hit Nursing Staff", "Why we need more correspondents"]
)
def test_headlines_about_staff_stay_headlines(line: str) -> None:
    assert title_shaped(line)


def test_short_headline_over_a_long_standfirst_wins() -> None:
    # German headlines are often short and the standfirst long; the date sits under the dek.
    page = (
        "Stadtwerke erhöhen Preise kräftig\n\n"
        "Kunden in Kassel müssen sich ab Januar auf deutlich höhere Heizkosten einstellen\n\n"
        "23.11.2026, 09:40 Uhr\n\n"
        "Die Städtische Energieversorgung Kassel hebt zum 1. Januar die Preise für Fernwärme um "
        "durchschnittlich zwölf Prozent an, betroffen sind rund 38.000 Haushalte.\n\n"
        "Die Verbraucherzentrale Hessen hält die Begründung für unzureichend und rät Betroffenen, "
        "der Erhöhung schriftlich zu widersprechen.\n"
    )
    meta = extract_page(page)
    assert meta.title == "Stadtwerke erhöhen Preise kräftig"
    assert meta.dek == (
        "Kunden in Kassel müssen sich ab Januar auf deutlich höhere Heizkosten einstellen"
    )


def test_a_subtitle_after_a_dash_is_not_taken_for_the_site() -> None:
    # A question, a quote the headline opened, a phrase of mostly small words: a subtitle.
    for title in (
        "Auto leasen, finanzieren oder kaufen – was ist günstiger?",
        "Fährmann Lenz: «Wir fahren weiter – auch bei Sturm»",
        "Neue Anleger im Hafen fertig – Danke an die Helfer",
        "Fähre fährt wieder – Marrowby atmet auf",
    ):
        assert strip_site_suffix(title) == title
    # A short part, a domain or a capitalised name still goes.
    for title, head in (
        ("Maulwurfkuchen mit Erdbeeren - Rezept von Backen.de", "Maulwurfkuchen mit Erdbeeren"),
        ("Storm halts northern ferries | harbourledger.example", "Storm halts northern ferries"),
        (
            "Storm halts northern ferries - The Harbour Ledger Online",
            "Storm halts northern ferries",
        ),
    ):
        assert strip_site_suffix(title) == head


def test_a_byline_signs_the_title_right_above_it_not_a_tagline_further_up() -> None:
    # The masthead's tagline is a title too, but a title between it and the byline is
    # the one the byline signs.
    page = (
        "Connexion\nAccueil\nCourrier Portuaire\nLe quotidien du port en ligne\nConnexion\n"
        "Envoyer à un ami ^-A^+A\nLe port en débats\n\n"
        "Libre cours : Marrowby, la crue et moi\nPORT\nPar Jeanne Lenz le 07 Mai 2020\n\n"
        "C’est la crue. Et pourtant, à moi aussi, le port me manque. Faute de ferries, certains "
        "s’essaient à la nage, ce mauvais sport de l’hiver.\n\n"
        "Je fais des efforts pour m’intéresser. Je sais par exemple que le sort des pontons se "
        "joue cette semaine à la mairie.\n\n"
        "Le débat technique a remplacé le débat politique. Ce n’est pas beau à voir, et personne "
        "ne semble pressé.\n\n"
        "J’ai hâte que la crue se termine et que les rotations reprennent. Il paraît que ce sera "
        "lundi.\n\nCommentaires\n"
    )
    meta = extract_page(page)
    assert meta.title == "Libre cours : Marrowby, la crue et moi"
    assert meta.authors == ["Jeanne Lenz"]
    assert (meta.published or "")[:10] == "2020-05-07"
