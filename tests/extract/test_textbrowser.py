"""Text-browser copies (lynx -dump style): headings by layout, form marks dropped, never data.

The page below is written for these tests.
"""

from __future__ import annotations

from newsdesk.extract.textbrowser import dump_headline, is_text_browser_copy, without_marks
from newsdesk.ingest import load_bytes

# A site menu as long as real ones: a masthead over it is too far from the story to take its
# text (on a page with a menu of a few items the masthead would win: a known limit).
MENU = "\n".join(f"     * Bereich {n}" for n in range(1, 41))

DUMP = """   [ ] Menü öffnen
   (BUTTON) Suche
   Suchen ____________________

Stadtwerke Nordheim

MENU

Newsletter bestellen

   Jeden Freitag das Wichtigste aus der Region in Ihrem Postfach.

Fernwärme: Nordheim baut das Netz bis 2030 aus

   Die Stadtwerke wollen in den nächsten sechs Jahren rund 4.000 Haushalte zusätzlich an die Fernwärme anschließen, wie der Aufsichtsrat am Dienstag beschlossen hat.
   Von Jana Berg
   Die Leitungen sollen vor allem in der Altstadt und im Westen verlegt werden, wo heute noch viele alte Ölheizungen laufen und die Straßen ohnehin saniert werden müssen.

Kosten von 60 Millionen Euro

   Die Kosten von rund 60 Millionen Euro tragen zum größten Teil die Stadtwerke selbst; Bund und Land geben Zuschüsse aus ihren Programmen für klimafreundliche Wärme.
   Für die Anwohner soll der Anschluss in den ersten zwei Jahren kostenlos sein, danach wird eine Pauschale fällig, deren Höhe noch offen ist.

   IFRAME: https://video.example/embed/42
   [ ] Ich stimme der Datenverarbeitung zu
   Ihr Kommentar ________________________________
""".replace("MENU", MENU)


def test_a_dump_is_recognised_and_plain_text_is_not() -> None:
    assert is_text_browser_copy(DUMP)
    plain = "\n".join(line.strip() for line in DUMP.splitlines())
    assert not is_text_browser_copy(plain)


def test_the_headline_is_the_first_heading_over_most_of_the_text() -> None:
    # "Newsletter bestellen" has a line of text under it, the sub-heading comes later.
    assert dump_headline(DUMP) == "Fernwärme: Nordheim baut das Netz bis 2030 aus"


def test_form_and_frame_marks_are_dropped() -> None:
    text = without_marks(DUMP)
    for mark in ("(BUTTON)", "[ ]", "____", "IFRAME:"):
        assert mark not in text
    assert "Fernwärme: Nordheim" in text


def test_a_dump_opening_with_a_check_box_is_read_as_a_page() -> None:
    result = load_bytes(DUMP.encode(), "page.txt")
    assert result.error is None
    item = result.items[0]
    assert item.title == "Fernwärme: Nordheim baut das Netz bis 2030 aus"
    # The paragraph above the byline is read as the standfirst.
    assert (item.dek or "").startswith("Die Stadtwerke wollen")
    assert item.authors == ["Jana Berg"]
    assert "Die Leitungen sollen" in item.body
    assert "Datenverarbeitung" not in item.body


def test_a_json_list_still_reads_as_records() -> None:
    record = (
        b'[{"title": "Tram line extended", "body": "The council voted to extend the tram line."}]'
    )
    result = load_bytes(record, "items.json")
    assert result.error is None
    assert result.items[0].title == "Tram line extended"


def test_a_copy_of_the_headline_above_it_does_not_hide_the_byline() -> None:
    crumb = "   Start » Energie » Fernwärme: Nordheim baut das Netz bis 2030 aus\n"
    self_link = "   Fernwärme: Nordheim baut das Netz bis 2030 aus\n"
    page = DUMP.replace("Newsletter bestellen", crumb + self_link + "\nNewsletter bestellen")
    item = load_bytes(page.encode(), "page.txt").items[0]
    assert item.title == "Fernwärme: Nordheim baut das Netz bis 2030 aus"
    assert item.authors == ["Jana Berg"]


def test_the_date_run_into_the_byline_line_under_the_headline() -> None:
    signed = DUMP.replace(
        "   Von Jana Berg\n", "   Von Jana Berg | 3. März 2021 | 4 Min. Lesezeit | Teilen\n"
    )
    item = load_bytes(signed.encode(), "page.txt").items[0]
    assert (item.published or "")[:10] == "2021-03-03"
    # A date inside running text is what the story is about, not when it was written.
    assert "6 Jahren" not in DUMP
    told = DUMP.replace(
        "in den nächsten sechs Jahren",
        "nach dem Beschluss vom 3. März 2021 in den nächsten sechs Jahren",
    )
    assert load_bytes(told.encode(), "page.txt").items[0].published is None


def test_a_byline_run_into_the_header_parts_beside_the_headline() -> None:
    # Date, time and "von" on one line between the headline and the story: no header part on its
    # own, yet the author is plain.
    for line, author in [
        ("   02.03.2021, 11:30 Uhr von Jana Berg\n", "Jana Berg"),
        ("   Veröffentlicht am 2. März 2021 von nordlicht\n", "nordlicht"),
        ("   Ein Kommentar von Jana Berg\n", "Jana Berg"),
    ]:
        page = DUMP.replace("   Von Jana Berg\n", "").replace(
            "Fernwärme: Nordheim baut das Netz bis 2030 aus\n\n",
            "Fernwärme: Nordheim baut das Netz bis 2030 aus\n\n" + line,
        )
        item = load_bytes(page.encode(), "page.txt").items[0]
        assert item.authors == [author], line


def test_a_said_by_line_beside_the_headline_outranks_a_name_lower_down() -> None:
    page = DUMP.replace("   Von Jana Berg\n", "").replace(
        "Fernwärme: Nordheim baut das Netz bis 2030 aus\n\n",
        "Fernwärme: Nordheim baut das Netz bis 2030 aus\n\n   Text: Jana Berg\n",
    )
    item = load_bytes(page.encode(), "page.txt").items[0]
    assert item.authors == ["Jana Berg"]
