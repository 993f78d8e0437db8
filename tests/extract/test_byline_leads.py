"""Byline shapes: "our reporter" phrases, desks with an agency, surnames set in capitals, an
outlet's label before the name, a byline over the headline (fictional people and outlets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.byline import parse_byline, parse_name_line, title_case_name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Door onze verslaggever Lotte de Boer", "Lotte de Boer"),
        ("Van onze correspondent Jan Jansen", "Jan Jansen"),
        ("From our Washington correspondent Jane Doe", "Jane Doe"),
        ("Von unserem Korrespondenten Jan Berg", "Jan Berg"),
        ("Dal nostro inviato Marco Rossi", "Marco Rossi"),
        ("De notre envoyée spéciale Anne Roy", "Anne Roy"),
    ],
)
def test_our_reporter_then_the_name(line: str, name: str) -> None:
    found = parse_byline(line)
    assert found is not None and found.authors == [name]


@pytest.mark.parametrize(
    "line",
    [
        "Por Redacción con EFE",
        "Redaktion mit dpa",
        "By Staff and agencies",
        "Newsroom with AFP",
        "Web Desk / Reuters",
        "Por Redação, com Reuters e AFP",
        "Redazione con Ansa",
        "Rédaction avec AFP",
    ],
)
def test_a_desk_with_an_agency_signs_no_person(line: str) -> None:
    found = parse_byline(line)
    assert found is None or found.authors == []
    assert parse_name_line(line, ["3 de noviembre de 2025"]) is None


def test_a_person_with_an_agency_stays() -> None:
    found = parse_byline("By Jane Doe with Reuters")
    assert found is not None and found.authors == ["Jane Doe"]


def test_mc_prefix_in_an_upper_case_name() -> None:
    assert title_case_name("JOE McALISTER") == "Joe McAlister"
    assert title_case_name("ANNE MacDONALD-SMITH") == "Anne MacDonald-Smith"
    assert title_case_name("Jane McAdams") == "Jane McAdams"
    found = parse_byline("By JOE McALISTER")
    assert found is not None and found.authors == ["Joe McAlister"]


def test_an_outlets_label_before_the_name() -> None:
    found = parse_name_line("Ouest Littoral Yann Le Goff", ["Publié le 14/11/2025 à 07h30"])
    assert found is not None and found.authors == ["Yann Le Goff"]
    found = parse_name_line("Yann Le Goff", ["Publié le 14/11/2025 à 07h30"])
    assert found is not None and found.authors == ["Yann Le Goff"]


OPINION = """Opinion
Opinion by Marcus Ellery
Contributing columnist
March 18, 2025, 6:00 a.m. ET

Stop pretending the four-day office week is a compromise

Gift this article

The three-day office week was a truce. The four-day week is a surrender dressed up as a truce.

Last month, Halvern Insurance became the latest large employer to order staff back four days a week. The company called it a balanced approach, and its employees called it something else.

The data, such as it is, supports them. A study of 2,100 workers found no productivity gain from adding a fourth office day.

Managers who want people in the building should say why, and should be able to measure it.
"""


def test_a_byline_over_the_headline_is_neither_headline_nor_lost() -> None:
    article = extract_page(OPINION)
    assert article.title == "Stop pretending the four-day office week is a compromise"
    assert article.authors == ["Marcus Ellery"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # Given names the extractor does not list: the line is still the byline, whole.
        ("Adaeze Nwosu, Emeka Obi", ["Adaeze Nwosu", "Emeka Obi"]),
        ("Yusra Omar Haddad", ["Yusra Omar Haddad"]),
        ("Ngozika Eze, Yusra Omar Haddad", ["Ngozika Eze", "Yusra Omar Haddad"]),
        ("Ngozika Eze and Yusra Tariq", ["Ngozika Eze", "Yusra Tariq"]),
    ],
)
def test_a_name_line_over_the_date_needs_no_known_given_name(line: str, authors: list[str]) -> None:
    found = parse_name_line(line, ["May 4 2025, 9:12 a.m."])
    assert found is not None and found.authors == authors


def test_each_writers_place_keeps_every_name() -> None:
    found = parse_byline("By Ines Lago in Porto and Piet Vos in Ghent")
    assert found is not None
    assert found.authors == ["Ines Lago", "Piet Vos"]
    assert found.place == "Ghent"


def test_formatting_tags_around_a_name_leave_the_name() -> None:
    """ "By Jane [i]Roe[/i]" (a forum's copy) gave no author: "[/i]" was read as a
    bracketed photo credit and the line as a caption; the tags are formatting, the name is
    read, and Rich markup is never interpreted anywhere (it is text)."""
    from newsdesk.extract.byline import parse_byline
    from newsdesk.extract.credits import split_caption_credit

    found = parse_byline("By Jane [i]Roe[/i]")
    assert found is not None and found.authors == ["Jane Roe"]
    assert split_caption_credit("By Jane [i]Roe[/i]") == ("By Jane [i]Roe[/i]", None)
    # A bracketed credit still is one.
    assert split_caption_credit("Cranes at dawn [Jane Doe/Reuters]")[1] == "[Jane Doe/Reuters]"


def test_a_text_copy_s_tagged_byline_names_its_author(tmp_path: Path) -> None:
    from newsdesk.ingest import load_file

    page = tmp_path / "crane.txt"
    page.write_text(
        "Harbour crane collapses at dawn\n\nBy Jane [b]Roe[/b]\n\n"
        "A crane at the container terminal collapsed early on Tuesday, the port authority"
        " said. No one was hurt, officials said, and work resumed by noon.\n\n"
        "The crane had been inspected in March, according to the authority.\n",
        encoding="utf-8",
    )
    (item,) = load_file(page).items
    assert item.authors == ["Jane Roe"]
    assert "[/b]" not in " ".join(item.credits) and not item.captions
