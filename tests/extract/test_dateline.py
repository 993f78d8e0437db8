"""Datelines: the place a story was filed from, normalised, and the agency in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.dateline import lone_place, normalise_place, parse_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("SEOUL, South Korea — Officials met on Monday.", "Seoul, South Korea", None),
        ("GDANSK, March 14 (Agency) - The yard signed the order.", "Gdansk", "Agency"),
        ("NAIROBI (AP) — Rains flooded the market.", "Nairobi", "AP"),
        ("The Hague — Judges ruled on Friday.", "The Hague", None),
        ("BUFFALO, N.Y. — The team won again.", "Buffalo, N.Y.", None),
        ("LOS ANGELES (Reuters) - Studios reported sales.", "Los Angeles", "Reuters"),
        ("KHAN YOUNIS, GAZA — Doctors said.", "Khan Younis, Gaza", None),
        ("Lisbon, Portugal: The startup raised money.", "Lisbon, Portugal", None),
        ("Cairo (CNN)The talks resumed.", "Cairo", "CNN"),
        # Two places; a country after "the"; a town's particles in lower case.
        ("SANTIAGO/LONDON, March 11 (Reuters) - Copper output fell.", "Santiago/London", "Reuters"),
        (
            "EINDHOVEN, the Netherlands, February 26, 2026 (GLOBE NEWSWIRE) -- A plant opened.",
            "Eindhoven, the Netherlands",
            "GLOBE NEWSWIRE",
        ),
        ("SANTA MARIA DA FEIRA — A câmara aprovou o plano.", "Santa Maria da Feira", None),
        ("WILMINGTON, DE — The court ruled.", "Wilmington, DE", None),
    ],
)
def test_dateline_shapes(paragraph: str, place: str, agency: str | None) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert dateline.place == place
    assert dateline.agency == agency


def test_month_day_in_dateline() -> None:
    dateline = parse_dateline("ALZIRA, Spain, Nov 16 (PWS) - Torrential rain fell.")
    assert dateline is not None
    assert dateline.place == "Alzira, Spain"
    assert dateline.month_day == "Nov 16"


def test_agency_only_dateline() -> None:
    dateline = parse_dateline("(Reuters) — The company said.")
    assert dateline is not None
    assert dateline.place is None
    assert dateline.agency == "Reuters"


@pytest.mark.parametrize(
    "paragraph",
    [
        "A HIGH-speed train left the station on time.",
        "MARIA Lopez — a teacher — said she was leaving.",
        "However, the minister said: nothing will change.",
        "Yesterday — for the first time — the bridge closed.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is None or dateline.place is None


def test_outlet_where_a_dateline_would_be() -> None:
    dateline = parse_dateline("Harbour News – Police said on Friday.")
    assert dateline is not None
    assert dateline.place is None
    assert dateline.outlet == "Harbour News"


def test_normalise_place() -> None:
    assert normalise_place("SAN FRANCISCO, Calif.") == "San Francisco, Calif."
    assert normalise_place("WASHINGTON, DC") == "Washington, DC"


def test_lone_place_line() -> None:
    assert lone_place("Seoul, South Korea") == "Seoul, South Korea"
    assert lone_place("Cork") == "Cork"
    assert lone_place("Texas State Capitol") is None
    assert lone_place("Sunita Rao") is None


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "month_day"),
    [
        (
            "VALENCIA, 22 nov (Agencia Meridiana) - Los estibadores",
            "Valencia",
            "Agencia Meridiana",
            "22 nov",
        ),
        ("BERLIN, 3. März (ndp) - Die Regierung", "Berlin", "ndp", "3. März"),
        ("MEXICO CITY, 12 de marzo (EFE) - El", "Mexico City", "EFE", "12 de marzo"),
        ("GENEVA: The World Health Organization", "Geneva", None, None),
        ("MADRID.- El Gobierno aprobó", "Madrid", None, None),
        ("SÃO PAULO — O governo", "São Paulo", None, None),
        ("ZÜRICH (SDA) - Die Stadt", "Zürich", "SDA", None),
        ("LA PAZ, Bolivia — The", "La Paz, Bolivia", None, None),
        ("Port-au-Prince, Haiti — Gangs", "Port-au-Prince, Haiti", None, None),
        ("St. Petersburg, Fla. — A", "St. Petersburg, Fla.", None, None),
        ("Riverbend, Oregon — The city", "Riverbend, Oregon", None, None),
    ],
)
def test_more_dateline_shapes(
    paragraph: str, place: str, agency: str | None, month_day: str | None
) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.month_day) == (place, agency, month_day)


@pytest.mark.parametrize(
    "paragraph",
    ["UPDATE: The council", "WARNING: Graphic", "The company — which", "Smith, Jones — the firm"],
)
def test_labels_and_names_before_a_dash_are_not_datelines(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("RIVERBEND", "Riverbend"),
        ("Mombasa —", "Mombasa"),
        ("Dateline: Nairobi", "Nairobi"),
        ("Riverbend, Oregon", "Riverbend, Oregon"),
    ],
)
def test_more_lone_place_lines(line: str, place: str) -> None:
    assert lone_place(line) == place


@pytest.mark.parametrize("line", ["ANALYSIS", "WORLD NEWS", "EXCLUSIVE"])
def test_capital_labels_are_not_places(line: str) -> None:
    assert lone_place(line) is None


_HERD_BODY = (
    "Herders in the north are selling cattle at a fraction of last year's prices as "
    "forecasters warn that the rains will fail again.\n\n"
    "At the livestock market, a bull that fetched 60,000 shillings a year ago now sells for "
    "less than 20,000, traders said.\n"
)


@pytest.mark.parametrize(
    "header",
    [
        "NAIROBI\nBy Wanjiru Kamau\n\n",
        "By Wanjiru Kamau\nNairobi, 21 November 2026\n\n",
        "By Wanjiru Kamau\nRIVERBEND\nNovember 21, 2026\n\n",
    ],
)
def test_place_lines_around_the_byline(header: str) -> None:
    meta = extract_page("Herders sell cattle as the rains fail again\n\n" + header + _HERD_BODY)
    assert meta.dateline in ("Nairobi", "Riverbend")
    assert meta.authors == ["Wanjiru Kamau"]


def test_a_date_lines_label_is_no_place() -> None:
    """ "PUBLISHED: November 8, 2023 at 4:56 p.m." under a Boston Herald byline gave the
    dateline "Published"."""
    from newsdesk.extract.dateline import lone_place
    from newsdesk.extract.header import _place_before_date

    line = "PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m."
    assert _place_before_date(line) is None
    for label in ("PUBLISHED", "POSTED", "MODIFIED"):
        assert lone_place(label) is None
    assert lone_place("RIVERBEND") == "Riverbend"


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        # A German paper sets its dateline off with a full stop.
        ("Wetzlar. Der Optikhersteller will 180 Stellen abbauen.", "Wetzlar", None),
        ("Berlin/Hamburg. Die Bahn will die Strecke sperren.", "Berlin/Hamburg", None),
        ("Frankfurt (dpa). Die Bank streicht Stellen.", "Frankfurt", "dpa"),
        ("Kassel (dpa/lhe). Die Stadt plant neu.", "Kassel", "dpa/lhe"),
    ],
)
def test_a_place_set_off_by_a_full_stop(paragraph: str, place: str, agency: str | None) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.agency) == (place, agency)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Mr. Smith said the plant would close.",
        "Vorgestern. Da war die Welt noch in Ordnung.",
        # A river after the town is no agency.
        "Halle (Saale). Die Stadt plant neu.",
    ],
)
def test_a_word_and_a_full_stop_is_no_dateline(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_the_full_stop_dateline_in_a_page() -> None:
    page = (
        "Optikfirma Leitzner streicht 180 Stellen in Wetzlar\n\n"
        "Von Sabine Kröger\n\n"
        "Wetzlar. Der Optikhersteller Leitzner will bis Mitte 2026 rund 180 seiner 620 "
        "Arbeitsplätze am Standort Wetzlar abbauen. Das teilte das Unternehmen mit.\n\n"
        "Die IG Metall kündigte Widerstand an und verlangte Gespräche mit der Geschäftsführung.\n"
    )
    assert extract_page(page).dateline == "Wetzlar"


def test_a_german_dateline_before_a_spaced_dash() -> None:
    """'Rostow (Russland) -', 'München / Berlin -', 'Ort | Ort, 11. November 2021 –': places
    the gazetteer may not know, with a country or agency in brackets, a second place, a day."""
    from newsdesk.extract.dateline import parse_dateline

    country = parse_dateline("Rostow (Russland) - Bei einem Brand in einem Wohnhaus starben zwei.")
    assert country is not None and country.place == "Rostow" and country.agency is None
    two = parse_dateline("München / Berlin - Die Regierung will mehr Windkraft bauen lassen.")
    assert two is not None and two.place == "München/Berlin"
    day = parse_dateline("Hofheim am Taunus | Wiesbaden, 11. November 2021 – Die Stadt plant.")
    assert day is not None and day.place == "Hofheim am Taunus/Wiesbaden"
    assert day.month_day == "11. November 2021"
    lone = parse_dateline(
        "Kleinhausen - Die Staatsregierung hat am Dienstag ein neues Gesetz zum Bau beschlossen."
    )
    assert lone is not None and lone.place == "Kleinhausen"
    # Not a label, nor an unknown word in brackets, nor a lone unknown word before a phrase,
    # nor a name before a description, nor two unknown footer words.
    assert (
        parse_dateline("Jon Hagel - Maschinenbauer, Abenteurer und Projektleiter seit 2002.")
        is None
    )
    assert (
        parse_dateline("Impressum | Datenschutzerklärung - Powered by Shop and more words.") is None
    )
    assert (
        parse_dateline("Kommentar - Die Regierung hat am Dienstag ein Gesetz beschlossen.") is None
    )
    assert (
        parse_dateline("Kleinhausen (Umland) - Die Stadt hat am Dienstag ein Gesetz gebaut.")
        is None
    )
    assert parse_dateline("Kleinhausen - Die Stadt plant.") is None


def test_a_dateline_of_two_towns_lists_each_once_as_the_places_list_names_it(
    tmp_path: Path,
) -> None:
    """ "München / Berlin -" listed "München/Berlin" as one place beside Munich."""
    from newsdesk.ingest.loader import load_file

    page = tmp_path / "de.txt"
    page.write_text(
        "Staatsregierung plant neue Regeln für Windkraft\n\n"
        "München / Berlin - Die bayerische Staatsregierung will den Ausbau der Windkraft "
        "beschleunigen, sagte Wirtschaftsminister Hubert Aiwanger am Montag in München. "
        "In Berlin wurde der Plan begrüßt.\n\n"
        "Die Opposition kritisierte das Vorhaben als zu zaghaft. Der Plan soll im "
        "Frühjahr beschlossen werden.\n",
        encoding="utf-8",
    )
    (item,) = load_file(page).items
    assert item.dateline == "München/Berlin"
    assert sorted(item.places) == ["Berlin", "Munich"]


def test_a_writer_s_initials_after_the_wire_are_no_part_of_it() -> None:
    found = parse_dateline("Rom (kath.net/as) Freitag der 32. Woche im Jahreskreis, am Morgen.")
    assert found is not None and (found.place, found.agency) == ("Rom", "kath.net")
    regional = parse_dateline("Düsseldorf (dpa/lnw) - Die Polizei hat am Morgen")
    assert regional is not None and regional.agency == "dpa/lnw"


def test_a_shortened_word_of_a_town_is_cased_like_the_town() -> None:
    # "ST." opens the town's name; initials ("N.Y.", "D.C.") keep their capitals.
    assert normalise_place("ST. JOSEPH, Mich.") == "St. Joseph, Mich."
    assert normalise_place("FT. WORTH, Texas") == "Ft. Worth, Texas"
    assert normalise_place("WASHINGTON, D.C.") == "Washington, D.C."
    dateline = parse_dateline("ST. JOSEPH, Mich. (AP) — Health officials reported a death.")
    assert dateline is not None
    assert dateline.place == "St. Joseph, Mich."
