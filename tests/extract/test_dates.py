"""Dates: explicit ones become ISO 8601; relative words need an anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.extract.dates import (
    date_line,
    find_dates,
    normalise,
    numeric_order,
    page_order,
    resolve_month_day,
    resolve_weekday,
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("14 March 2025", "2025-03-14"),
        ("Mar. 14, 2025 9:05 AM EST", "2025-03-14T09:05:00-05:00"),
        ("Published: 08:00 GMT, 14 March 2025 | Updated: 10:00 GMT, 15 March 2025", "2025-03-14"),
        ("Posted: Mar 14, 2025 / 04:43 PM CST", "2025-03-14T16:43:00-06:00"),
        ("On 3/14/25 at 4:00 PM EST", "2025-03-14T16:00:00-05:00"),
        ("Fri 14 Mar 2025 18.54 GMT", "2025-03-14T18:54:00+00:00"),
        ("2025-03-14T09:30:00Z", "2025-03-14T09:30:00+00:00"),
        ("14.03.2025 | 10:05 CET", "2025-03-14T10:05:00+01:00"),
        ("2025/03/14 09:30", "2025-03-14T09:30:00"),
        ("Veröffentlicht am 14. März 2025", "2025-03-14"),
        ("Publicado el 14 de marzo de 2025", "2025-03-14"),
        ("14th March 2025", "2025-03-14"),
        ("March 14 2025, 3:18 p.m.", "2025-03-14T15:18:00"),
        (
            "PUBLISHED: March 14, 2025 at 8:59 pm | UPDATED: March 15, 2025 at 10:16 pm",
            "2025-03-14T20:59:00",
        ),
        # Month abbreviations of other languages, two-digit years, weekdays in other languages.
        ("Okt 13, 2022 | Umwelt & Klima", "2022-10-13"),
        ("am 26. Dez. 2021", "2021-12-26"),
        ("3 févr. 2021", "2021-02-03"),
        ("12 ago 2020", "2020-08-12"),
        ("28.01.22 / 0 Kommentare", "2022-01-28"),
        ("jeudi 13 juin 2019", "2019-06-13"),
        # The hour's words and short weekdays of other languages belong to a date line.
        ("Mi, 18. Oktober 2023 um 12:50 Uhr", "2023-10-18"),
        ("Freitag, 6. Mai 2022 um 9:15 Uhr", "2022-05-06"),
        ("Stand: 27.01.2022", "2022-01-27"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    assert date_line(line) == iso


@pytest.mark.parametrize(
    "line",
    [
        # A sentence that mentions a date is not the page's date line.
        "The committee first met on March 14, 2025 to discuss the flood defences in detail.",
        "Officials said the bridge, which opened in 1998, would close for repairs next year.",
        "No date here at all",
        "",
        "Version 1.2.22 released",
        "So viel kostet die Fähre ab dem 3. März 2021",
    ],
)
def test_not_date_lines(line: str) -> None:
    assert date_line(line) is None


def test_invalid_dates_are_ignored() -> None:
    assert find_dates("31 February 2025") == []
    assert find_dates("2025-13-40") == []


def test_relative_words_need_an_anchor() -> None:
    anchor = dt.date(2025, 3, 14)  # a Friday
    assert resolve_weekday("the vote on Tuesday", anchor) == "2025-03-11"
    assert resolve_weekday("no weekday", anchor) is None
    assert resolve_month_day("GDANSK, March 10", anchor) == "2025-03-10"


def test_month_day_near_new_year_uses_previous_year() -> None:
    assert resolve_month_day("Dec 30", dt.date(2025, 1, 2)) == "2024-12-30"


def test_normalise_feed_dates() -> None:
    assert normalise("Fri, 14 Mar 2025 09:30:00 GMT") == "2025-03-14T09:30:00+00:00"
    assert normalise("2025-03-14") == "2025-03-14"
    assert normalise("sometime soon") is None
    assert normalise(None) is None


def test_numeric_dates_read_day_first_where_the_language_writes_them_so() -> None:
    assert date_line("03/05/2022") == "2022-03-05"  # US order by default
    with numeric_order("es"):
        assert date_line("03/05/2022") == "2022-05-03"
        assert find_dates("Publicado el 03/05/2022 a las 10:30")[0].iso.startswith("2022-05-03")
        # A second number that cannot be a month still reads as month/day.
        assert date_line("05/13/2022") == "2022-05-13"
    with numeric_order("en"):
        assert date_line("03/05/2022") == "2022-03-05"
    # The answer for one order is never served for the other from a cache.
    assert date_line("03/05/2022") == "2022-03-05"


def test_a_portuguese_page_dates_its_story_day_first() -> None:
    from newsdesk.ingest import load_bytes

    page = (
        "Prefeitura amplia horário dos postos de saúde\n\n"
        "Por Inês Calvo\n"
        "Publicado em 03/05/2022\n\n"
        "A prefeitura anunciou nesta terça-feira que os postos de saúde da zona norte vão abrir "
        "também aos sábados a partir do próximo mês, com equipes reforçadas.\n\n"
        "Segundo a secretaria, a medida deve reduzir as filas que se formam logo cedo nas "
        "unidades mais procuradas da cidade e foi pedida pelos moradores.\n"
    )
    item = load_bytes(page.encode(), "pagina.txt").items[0]
    assert (item.published or "")[:10] == "2022-05-03"


def test_a_date_run_into_the_text_beside_it() -> None:
    # A text copy glues a name before a written date and a word after a dotted one.
    assert [d.iso for d in find_dates("Jana Berg22. Februar 2020")] == ["2020-02-22"]
    assert [d.iso for d in find_dates("27.01.2022Neue Zahlen")] == ["2022-01-27"]


def test_a_weekday_between_day_and_month_and_a_spaced_dotted_date() -> None:
    # A blog theme's date box ("31 Donnerstag Okt 2019") and a date spaced after its dots.
    assert date_line("31 Donnerstag Okt 2019") == "2019-10-31"
    assert date_line("4 Monday March 2020") == "2020-03-04"
    assert date_line("18. 05. 2014 22:38") == "2014-05-18T22:38:00"
    # Only two-digit day and month are spaced so: a list number before a year is no date.
    assert find_dates("Punkt 3. 5. 2014") == []


def test_a_page_whose_own_dates_are_day_first_reads_the_ambiguous_ones_so() -> None:
    # An English page cannot tell British from American by its language; its dates can.
    from newsdesk.ingest import load_bytes

    page = (
        "Olive Bread From The Oven\n\n"
        "12/04/2020 by Kay\n\n"
        "A soft bread with olives and herbs that needs only an hour to rise and bakes in "
        "twenty minutes, so it is ready for lunch if you start after breakfast.\n\n"
        "Knead the dough until it is smooth and springs back when you press it with a finger, "
        "then leave it covered in a warm place.\n\n"
        "Comments\n\n"
        "14/04/2020 at 3:00 pm\n"
    )
    item = load_bytes(page.encode(), "recipe.txt").items[0]
    assert (item.published or "")[:10] == "2020-04-12"
    us = page.replace("14/04/2020", "04/14/2020")
    assert (load_bytes(us.encode(), "recipe.txt").items[0].published or "")[:10] == "2020-12-04"


def test_a_short_year_after_an_apostrophe() -> None:
    """A blog's "14 Feb ’20" is a date; "’20er Jahre" (a decade) is not."""
    assert date_line("14 Feb ’20") == "2020-02-14"
    assert date_line("veröffentlicht am 3 Mär '21 | Kategorien: Hafen") == "2021-03-03"
    assert find_dates("die Musik der 14 Feb ’20er Jahre") == []


def test_when_a_member_registered_is_no_date_line() -> None:
    for line in (
        "Registriert: 18.09.2008, 05:56",
        "Joined: Sep 18, 2008",
        "Mitglied seit 2008-09-18",
    ):
        assert date_line(line) is None
    assert date_line("Veröffentlicht: 18.09.2008, 05:56") == "2008-09-18T05:56:00"


def test_a_meta_lines_date_before_labelled_fields() -> None:
    line = (
        "veröffentlicht am 14 Feb ’20 | Kategorien: Fähren, Häfen | Tags: Marrowby, Insel, "
        "Hochwasser, Fahrplan, Anleger | Jetzt kommentieren"
    )
    assert date_line(line) == "2020-02-14"
    # A headline after the bar is no field: the line is a heading, not a date line.
    assert date_line("12. März 2022 | Die Stadt baut eine neue Brücke über den Fluss") is None
    assert date_line("Meldung | 30.10.2021 Verkehr «Fähre fährt wieder»") is None


def test_a_meta_lines_posted_and_updated_days_run_together_then_its_author() -> None:
    # A blog theme prints the day posted and the day updated side by side, then the author.
    line = "14. März 202103. Mai 2021 | Wiebke Ostergaard-Lind"
    assert [d.iso for d in find_dates(line)] == ["2021-03-14", "2021-05-03"]
    assert date_line(line) == "2021-03-14"
    assert date_line("2 avril 20212 avril 2021 | Odile Marchand") == "2021-04-02"
    # Lower-case words after the bar are a phrase, not a name; a long heading is no field.
    assert date_line("12. März 2022 | die stadt baut eine neue brücke") is None
    # Digits that end in no year before the day are no date's ("Tel. 0301914. Januar").
    assert find_dates("Tel. 0301914. Januar 2020") == []


def test_ambiguous_numeric_dates_read_the_way_that_lands_near_the_written_ones() -> None:
    page = (
        "Harbour Ledger logo Harbour Ledger 02/10/2020 Jana Berg\n"
        "MARROWBY, Sept. 29, 2020 -- Ferries stood idle at the quay on Tuesday."
    )
    assert page_order(page) is True
    assert page_order(page.replace("Sept. 29", "Feb. 12")) is False
    # Nothing written out: the numbers alone do not tell.
    assert page_order("Posted 02/10/2020") is None
