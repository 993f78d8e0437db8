"""Text-browser copies (lynx -dump style): headings by layout, form marks dropped, never data.

The page below is written for these tests.
"""

from __future__ import annotations

from newsdesk.extract.copy_header import first_date_line
from newsdesk.extract.textbrowser import (
    _after_date,
    dump_headline,
    feed_link_title,
    is_text_browser_copy,
    title_on_its_line,
    without_date,
    without_kicker,
    without_marks,
)
from newsdesk.ingest import load_bytes

# A site menu as long as real ones: a masthead over it is too far from the story to take its
# text (on a page with a menu of a few items the masthead would win: a known limit).
MENU = "\n".join(f"     * Bereich {n}" for n in range(1, 41))
# Three indented paragraphs of running text under a heading.
FERRY_STORY = (
    "   Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder, nachdem die "
    "Anleger nach dem Hochwasser drei Wochen lang gesperrt waren.\n" * 3
)

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


def test_a_date_that_opens_the_first_paragraph_dates_the_story() -> None:
    opened = DUMP.replace("   Die Stadtwerke wollen", "   14.03.2021 Die Stadtwerke wollen")
    assert load_bytes(opened.encode(), "page.txt").items[0].published == "2021-03-14"
    # Inside the paragraph it is still what the story is about.
    told = DUMP.replace("wie der Aufsichtsrat", "wie der Aufsichtsrat am 14.03.2021")
    assert load_bytes(told.encode(), "page.txt").items[0].published is None


HEADLINE = "Fernwärme: Nordheim baut das Netz bis 2030 aus\n"


def test_the_date_in_the_story_header_outranks_an_update_and_a_sidebar() -> None:
    signed = DUMP.replace(HEADLINE, "   Von Jana Berg | 3. März 2021\n\n" + HEADLINE)
    updated = signed.replace(
        "   Die Stadtwerke wollen", "   Aktualisiert am 05.04.2021\n   Die Stadtwerke wollen"
    )
    assert load_bytes(updated.encode(), "page.txt").items[0].published == "2021-03-03"
    # Only an update said there: it still dates the copy.
    alone = DUMP.replace(
        "   Die Stadtwerke wollen", "   Aktualisiert am 05.04.2021\n   Die Stadtwerke wollen"
    )
    assert load_bytes(alone.encode(), "page.txt").items[0].published == "2021-04-05"


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


def test_a_byline_that_says_by_far_from_the_headline_when_none_is_near() -> None:
    # The byline box at the story's end: taken when the header gives no author.
    page = DUMP.replace("   Von Jana Berg\n", "").replace(
        "   IFRAME: https://video.example/embed/42\n", "   Text: Jana Berg\n"
    )
    item = load_bytes(page.encode(), "page.txt").items[0]
    assert item.authors == ["Jana Berg"]


def test_the_post_title_from_the_link_titles_atop_the_copy() -> None:
    top = (
        "   #Stadtblog Nordheim » Feed Stadtblog Nordheim » Kommentar-Feed Stadtblog Nordheim » "
        "Fernwärme: Nordheim baut das Netz bis 2030 aus Kommentar-Feed alternate alternate\n"
    )
    assert feed_link_title(top) == (
        "Fernwärme: Nordheim baut das Netz bis 2030 aus",
        "Stadtblog Nordheim",
    )
    # The site's own feeds only: no post title, but the site's name.
    assert feed_link_title("   #Stadtblog » Feed Stadtblog » Comments Feed alternate\n") == (
        None,
        "Stadtblog",
    )
    assert feed_link_title("   #alternate alternate\n") == (None, None)
    # The title wins over a heading with more text under it, and a subtitle printed on the
    # headline's line is not part of it.
    page = top + DUMP.replace(
        "Fernwärme: Nordheim baut das Netz bis 2030 aus\n",
        "Fernwärme: Nordheim baut das Netz bis 2030 aus Ein Plan für 4.000 Haushalte\n",
    )
    item = load_bytes(page.encode(), "page.txt").items[0]
    assert item.title == "Fernwärme: Nordheim baut das Netz bis 2030 aus"
    assert item.authors == ["Jana Berg"]


def test_a_kicker_or_subtitle_is_set_apart_from_the_title() -> None:
    title = "Nordheim baut das Netz aus"
    assert title_on_its_line(f"Fernwärme {title}\n", title) == f"Fernwärme\n\n{title}\n"
    assert title_on_its_line(f"{title} Bis 2030\n", title) == f"{title}\n\n   Bis 2030\n"
    assert title_on_its_line(f"   Fernwärme {title}\n", title) == f"   Fernwärme {title}\n"


def test_a_signed_heading_is_the_headline_and_a_related_list_is_not() -> None:
    # A site heading over a welcome text comes first, with a menu between it and the story;
    # the story's heading has its byline under it.
    teaser = (
        "Willkommen bei den Stadtwerken\n\n"
        "   Hier finden Sie alles rund um Strom, Wasser, Wärme und unsere Angebote für Haushalte "
        "und Betriebe in der Region, dazu Tarife, Formulare, Störungsmeldungen und Ansprechpartner "
        "in allen Kundenzentren.\n"
        "   Unsere Kundenzentren sind werktags von acht bis achtzehn Uhr für Sie geöffnet, "
        "samstags nach Vereinbarung, und unsere Hotline ist rund um die Uhr erreichbar.\n"
        "   Wer umzieht, meldet Strom und Wärme bequem online um; die Zählerstände lesen wir "
        "auf Wunsch selbst ab und schicken die Schlussrechnung binnen sechs Wochen.\n\n"
        + MENU
        + "\n\n"
    )
    page = DUMP.replace("Newsletter bestellen", teaser + "Newsletter bestellen")
    assert dump_headline(without_marks(page)) == "Fernwärme: Nordheim baut das Netz bis 2030 aus"
    related = (
        "Mehr zum Thema\n\n   Von Jana Berg\n"
        "   Die Stadtwerke erhöhen zum Jahreswechsel die Preise für Strom und Gas in allen Tarifen, "
        "wie sie am Montag mitgeteilt haben.\n"
    )
    page = DUMP.replace("Newsletter bestellen", related + "\nNewsletter bestellen")
    assert dump_headline(without_marks(page)) == "Fernwärme: Nordheim baut das Netz bis 2030 aus"


def test_a_date_line_far_from_the_headline_dates_the_copy() -> None:
    assert first_date_line("Menü\n   Stand 27.01.2022\nText") == "2022-01-27"
    # A sentence that mentions a date is no date line.
    assert first_date_line("Am 27. Januar 2022 beschloss der Rat etwas Wichtiges für alle.") is None
    dated = DUMP.replace("   IFRAME:", "   26. Januar 2022\n   IFRAME:")
    assert load_bytes(dated.encode(), "page.txt").items[0].published == "2022-01-26"
    assert load_bytes(DUMP.encode(), "page.txt").items[0].published is None


def test_a_date_line_away_from_the_headline_dates_a_plain_copy_too() -> None:
    # Not a text browser's dump (nothing indented): the same date line still dates it.
    plain = "\n".join(line.strip() for line in DUMP.split("\n"))
    assert not is_text_browser_copy(plain)
    dated = "Stand 27.01.2022\n\n" + plain
    assert load_bytes(dated.encode(), "page.txt").items[0].published == "2022-01-27"
    assert load_bytes(plain.encode(), "page.txt").items[0].published is None


STORY = (
    "   Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder nach dem "
    "Sommerfahrplan, nachdem die Reederei die Reparatur am Anleger früher als erwartet "
    "abschließen konnte.\n"
    "   Pendler hatten wochenlang einen Umweg von über einer Stunde in Kauf nehmen müssen; "
    "die Gemeinde will nun prüfen, ob der Anleger dauerhaft verstärkt werden muss.\n"
)


def test_a_site_control_is_never_the_headline() -> None:
    for control in (
        "Navigation schliessen",
        "Häufig gesucht",
        "Cookie Hinweis",
        "INICIAR SESIÓN",
        "Newsletter abonnieren",
        "In this section",
        "Language switcher mobile",
        "Weitere Informationen zum Thema",
    ):
        dump = (
            f"{control}\n\n     * Fahrplan\n     * Kontakt\n\n"
            "Fähre nach Marrowby fährt wieder nach Plan\n\n" + STORY
        )
        assert dump_headline(dump) == "Fähre nach Marrowby fährt wieder nach Plan", control


def test_a_headline_that_names_such_a_word_in_a_sentence_stays() -> None:
    dump = "Wie die neue Suche nach Wohnungen in Marrowby funktioniert\n\n" + STORY
    assert dump_headline(dump) == "Wie die neue Suche nach Wohnungen in Marrowby funktioniert"


def test_a_blogs_date_header_is_not_the_headline() -> None:
    dump = "Samstag, 9. März 2024\n\nFähre nach Marrowby fährt wieder nach Plan\n\n" + STORY
    assert dump_headline(dump) == "Fähre nach Marrowby fährt wieder nach Plan"


def test_a_centred_main_heading_is_a_heading() -> None:
    # A text browser centres the page's <h1> on its wide line: far indented, yet no paragraph.
    centred = " " * 480 + "Fähre nach Marrowby fährt wieder nach Plan"
    dump = (
        "Weitere Meldungen aus der Region\n\n   Kurz und knapp.\n\n     * Fahrplan\n     * Kontakt\n\n"
        f"{centred}\n\n" + STORY
    )
    assert dump_headline(dump) == "Fähre nach Marrowby fährt wieder nach Plan"
    item = load_bytes(("   Menü\n   Suche\n" + dump).encode(), "page.txt").items[0]
    assert item.title == "Fähre nach Marrowby fährt wieder nach Plan"


def test_a_centred_heading_with_only_short_lines_under_it_is_no_box() -> None:
    # The post's <h1>, centred, then its date, likes and the author's line: short lines, as in
    # a box, yet the story follows.
    centred = " " * 480 + "Ich war am Wochenende auf einer Hochzeit in Marrowby"
    dump = (
        "     * Anmelden\n     * Registrieren\n\n"
        f"{centred}\n\n   Veröffentlicht am 19. August 2019\n   319 Likes\n"
        "   Beraterin für neues Arbeiten und Lernen in Marrowby und an der Küste\n\n"
        "Jana Berg\n\n" + STORY
    )
    assert dump_headline(dump) == "Ich war am Wochenende auf einer Hochzeit in Marrowby"


def test_a_label_over_the_headline_gives_way_to_the_signed_heading() -> None:
    # "Das Amt" and the headline sit over the same text with no paragraph between them;
    # the date under the headline says which one is the story's.
    page = DUMP.replace(
        "Fernwärme: Nordheim baut das Netz bis 2030 aus\n",
        "Das Amt der Stadtwerke\n\n   * Über uns\n   * Presse\n   1. Start\n"
        "   2. Fernwärme: Nordheim baut das Netz bis 2030 aus\n\n"
        "Fernwärme: Nordheim baut das Netz bis 2030 aus\n\n   12.03.2024\n",
    ).replace(
        "Newsletter bestellen\n\n   Jeden Freitag das Wichtigste aus der Region in Ihrem Postfach.\n",
        "",
    )
    assert dump_headline(page) == "Fernwärme: Nordheim baut das Netz bis 2030 aus"
    # A standfirst set as a heading under the headline is a sentence, and does not win.
    dek = "Die Stadtwerke schließen bis 2030 rund 4.000 Haushalte neu an."
    page = page.replace("\n\n   12.03.2024\n", f"\n\n{dek}\n\n   12.03.2024\n")
    assert dump_headline(page) == "Fernwärme: Nordheim baut das Netz bis 2030 aus"


def test_a_long_menu_at_the_top_does_not_hide_a_dump() -> None:
    menu = "\n".join(f"     * Bereich {n}" for n in range(1, 500))
    assert is_text_browser_copy(menu + "\n" + DUMP)
    # Indented throughout: a dump when it carries a text browser's form marks, not otherwise.
    flat = "\n".join("   " + line.strip() for line in DUMP.splitlines() if line.strip())
    assert is_text_browser_copy(flat)
    assert not is_text_browser_copy(flat.replace("[ ]", "").replace("IFRAME:", "Video:"))


def test_a_kicker_run_into_the_headline_is_cut_when_the_page_sets_it_apart() -> None:
    heading = "Wärmenetz Fernwärme für die Altstadt kommt 2030"
    crumb = "    4. Fernwärme für die Altstadt kommt 2030"
    assert (
        without_kicker(f"{crumb}\n{heading}\n", heading) == "Fernwärme für die Altstadt kommt 2030"
    )
    link = "   Mehr zu: Wärmenetz - Fernwärme für die Altstadt kommt 2030"
    assert (
        without_kicker(f"{heading}\n{link}\n", heading) == "Fernwärme für die Altstadt kommt 2030"
    )
    # A sentence or another story's title that ends with the same words says nothing.
    other = "   Auch in Südheim: Die Fernwärme für die Altstadt kommt 2030"
    assert without_kicker(f"{heading}\n{other}\n", heading) == heading
    bullet = "     * Fernwärme für die Altstadt kommt 2030"
    assert without_kicker(f"{heading}\n{bullet}\n", heading) == heading


def test_a_signed_headline_over_a_short_story_beats_a_long_box_below() -> None:
    story = (
        "Fähre nach Marrowby fährt wieder\n\n   12.03.2024\n\n"
        "   Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder, nachdem die Anleger "
        "nach dem Hochwasser drei Wochen lang gesperrt waren und repariert werden mussten.\n"
        "   Der Fahrplan bleibt wie im Winter, die Preise ändern sich nicht, teilte die Gemeinde "
        "am Dienstag mit.\n"
        "   Wer in den drei Wochen eine Zeitkarte hatte, bekommt den Preis für diese Zeit zurück, "
        "wenn er den Antrag bis Ende April im Rathaus oder am Anleger abgibt.\n"
        "   Die Reparatur der beiden Anleger hat nach Angaben der Gemeinde rund 80.000 Euro "
        "gekostet; das Land übernimmt den größten Teil davon.\n\n"
    )
    box = "Stimmen aus der Stadt\n\n" + "".join(
        f"   Stimme {n}: Wir haben lange genug gewartet, sagt eine Pendlerin, die jeden Morgen "
        "mit dem ersten Schiff zur Arbeit auf die Insel fährt und abends zurückkommt.\n"
        for n in range(1, 9)
    )
    page = story + MENU + "\n\n" + box
    assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"


def test_a_cookie_notice_or_a_log_in_box_is_never_the_headline() -> None:
    story = (
        "Fähre nach Marrowby fährt wieder\n\n"
        + "   Die Fähre zwischen Marrowby und der Insel fährt ab Montag wieder, nachdem die "
        "Anleger nach dem Hochwasser drei Wochen lang gesperrt waren.\n" * 3
    )
    for label in (
        "Hinweis zur Verwendung von Cookies",
        "Log in with the Harbour Ledger",
        "Meldungen des Hafenvereins",
        "O Opinion",
        "Hafen-Ratgeber, Fähren",
        "Sie sagt: „Der Hafen ist kein Problem“",
    ):
        notice = (
            f"{label}\n\n"
            + "   Diese Seite speichert kleine Dateien auf Ihrem Gerät, damit sie gut "
            "funktioniert und wir sehen, welche Seiten gelesen werden.\n" * 3 + "\n"
        )
        assert dump_headline(notice + story) == "Fähre nach Marrowby fährt wieder"


def test_a_box_quoting_the_headline_gives_it_back() -> None:
    details = "".join(f"   * Maß {n}: {n * 10} cm\n" for n in range(1, 45))
    reviews = "".join(
        f"   Bewertung {n}: Der Stall ist stabil, gut verarbeitet und in einer halben Stunde "
        "aufgebaut, unsere Kaninchen fühlen sich darin sichtlich wohl.\n"
        for n in range(1, 6)
    )
    page = (
        "Kleintierstall Birke mit Freilaufgehege\n\n"
        + details
        + '\nKundenbewertungen für "Kleintierstall Birke mit Freilaufgehege"\n\n'
        + reviews
    )
    assert dump_headline(page) == "Kleintierstall Birke mit Freilaufgehege"


def test_a_date_run_into_the_headline_is_not_part_of_it() -> None:
    assert without_date("23.01.2024 - Fähre nach Marrowby fährt wieder") == (
        "Fähre nach Marrowby fährt wieder"
    )
    assert without_date("Fähre nach Marrowby fährt wieder 21.11.2024") == (
        "Fähre nach Marrowby fährt wieder"
    )
    # A date the title's words need stays: after "vom", or a headline that is mostly a date.
    kept = "Protokoll der Sitzung vom 10. Oktober 2024"
    assert without_date(kept) == kept
    assert without_date("23.01.2024 - Ergebnisse") == "23.01.2024 - Ergebnisse"


def test_the_date_cut_from_the_headline_dates_the_copy() -> None:
    page = DUMP.replace(
        "Fernwärme: Nordheim baut das Netz bis 2030 aus\n",
        "14.03.2021 - Fernwärme: Nordheim baut das Netz bis 2030 aus\n",
    )
    item = load_bytes(page.encode(), "page.txt").items[0]
    assert item.title == "Fernwärme: Nordheim baut das Netz bis 2030 aus"
    assert (item.published or "")[:10] == "2021-03-14"


def _ministry_page(echo: str) -> str:
    paragraph = (
        "   Der Verband der Landgemeinden lud am Dienstag zum dritten Mal zu seinem Forum ein, "
        "bei dem Bürgermeisterinnen, Vereine und Fachleute über Ehrenamt und Nahversorgung "
        "auf dem Land sprachen und Beispiele aus ihren Dörfern vorstellten.\n"
    )
    # A site's heading over its social links, then the breadcrumb, then the story: the
    # site's heading has no text of its own, so the story's text counts for both.
    return (
        "Der Verband auf allen Kanälen\n\n     *\n     *\n     *\n\n"
        f"Sie sind hier:\n\n    1. Startseite\n    2. Themen\n{echo}\n"
        "Drittes Forum Ländlicher Raum in Grünfeld\n\n" + paragraph * 3
    )


def test_the_heading_the_breadcrumb_ends_with_is_the_headline() -> None:
    # Two headings over as much text, neither signed: the page's own breadcrumb names
    # the second as the page (its last entry), and so does a lead image's repeated text.
    headline = "Drittes Forum Ländlicher Raum in Grünfeld"
    for echo in (f"    3. {headline}\n", f"   {headline} {headline} {headline}\n"):
        assert dump_headline(_ministry_page(echo)) == headline
    # Without the echo the first heading over the most text stands.
    assert (
        dump_headline(_ministry_page("    3. Ländlicher Raum\n")) == "Der Verband auf allen Kanälen"
    )


def test_the_breadcrumbs_last_entry_outranks_a_section_label_the_byline_signs() -> None:
    # The section label sits between the breadcrumb and the headline, and the header's
    # byline is near enough to sign both; the breadcrumb names the section on the way and
    # ends with the page itself.
    headline = "Drittes Forum Ländlicher Raum in Grünfeld"
    paragraph = (
        "   Der Verband der Landgemeinden lud am Dienstag zum dritten Mal zu seinem Forum ein, "
        "bei dem Bürgermeisterinnen, Vereine und Fachleute über Ehrenamt und Nahversorgung "
        "auf dem Land sprachen und Beispiele aus ihren Dörfern vorstellten.\n"
    )
    page = (
        "Sie sind hier:\n\n    1. Startseite\n    2. Umwelt und Land\n"
        f"    3. {headline}\n\nUmwelt und Land\n\n"
        "   01. Dez. 2022 | 14:08 Uhr | von Jona Berg\n\n"
        f"{headline}\n\n" + paragraph * 3
    )
    assert dump_headline(page) == headline


def _advice_page(header: str) -> str:
    """A page with no flush-left headline: the story's heading is printed indented under its
    breadcrumb, and a key-points box is the first flush-left heading over much text."""
    points = "".join(
        f"     * Punkt {n}: Eine Vorsatzschale dämmt Schall und Wärme, kostet aber ein paar "
        "Zentimeter Wohnraum an jeder Wand, an der sie steht.\n"
        for n in range(1, 6)
    )
    body = (
        "   Wer eine Wand nachträglich dämmen will, setzt oft eine zweite Schale davor, "
        "die auf einer Unterkonstruktion aus Holz oder Metall sitzt und den Raum verkleinert.\n"
    ) * 4
    return (
        MENU
        + "\n\n    1. Bauen\n    2. Bauwissen\n    3. Was bringt eine Vorsatzschale an der Wand?\n\n"
        + header
        + "\nDas Wichtigste in Kürze\n\n"
        + points
        + "\n"
        + body
    )


def test_the_heading_the_breadcrumb_names_is_the_headline_though_indented() -> None:
    headline = "Was bringt eine Vorsatzschale an der Wand?"
    # Alone or after a kicker, with the byline and date under it: the page's heading.
    for echo in (headline, f"Ratgeber: {headline}"):
        page = _advice_page(f"   {echo}\n   Tilo Brandt\n   Redaktion\n   25.01.2024 14:47 Uhr\n")
        assert dump_headline(page) == headline
    # Unsigned, an indented echo is not enough; the key-points box is a label either way.
    assert dump_headline(_advice_page(f"   {headline}\n")) != "Das Wichtigste in Kürze"


def test_a_breadcrumb_entry_cut_short_names_the_heading_it_starts() -> None:
    headline = "«Wir warteten vierzig Tage auf die Fähre»"
    page = (
        "    1. Stiftung\n    2. Themen\n    3. «Wir warteten vierzig Tage auf...\n\n"
        f"Nachricht | 30.10.2024 Migration {headline}\n\n"
        + "   Ein Pendler erzählt, wie er während der Sperrung der Anleger jeden Tag den "
        "langen Umweg über das Festland nehmen musste, um zur Arbeit zu kommen.\n" * 3
    )
    assert dump_headline(page) == headline


def test_a_breadcrumb_or_a_photo_credit_is_never_the_headline() -> None:
    story = FERRY_STORY
    for furniture in (
        "Home » Verkehr » Schifffahrt » Meldungen",
        "Photo: Lena Brook [CC BY-SA 4.0], via the Ledger archive",
    ):
        page = f"{furniture}\n\n{story}\nFähre nach Marrowby fährt wieder\n\n{story}"
        assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"
    # A slash between two halves of a headline is no trail.
    assert dump_headline(f"Fähre fährt wieder / Anleger repariert\n\n{story}") == (
        "Fähre fährt wieder / Anleger repariert"
    )


def test_the_link_titles_atop_a_copy_are_never_its_headline() -> None:
    # No heading over running text: the first line serves, past the link-title list.
    page = (
        "   #top harbourledger.example RSS Feed alternate alternate\n\n"
        "harbourledger.example\n\n" + "".join(f"   * Eintrag {n}\n" for n in range(1, 12))
    )
    item = load_bytes(page.encode(), "page.txt").items[0]
    assert item.title == "harbourledger.example"


def test_a_story_after_a_long_menu_is_found_by_its_signed_header() -> None:
    # A plain copy (no text browser's marks) whose story sits under hundreds of menu lines:
    # its header is a headline over a signed line over the first paragraph.
    menu = "".join(f"     * Arquivo {n} ({n * 3})\n" for n in range(1, 400))
    story = (
        "   Balsa para Marrowby volta a operar na segunda-feira\n"
        "   05/10/2026 - Publicado por: Clara Borba - Categoria: Transporte\n"
        "   A balsa entre Marrowby e a ilha volta a operar na segunda-feira, depois de três "
        "semanas parada por causa da enchente que danificou os dois cais, informou a prefeitura "
        "nesta sexta-feira em nota aos moradores.\n"
    )
    item = load_bytes((menu + "\n" + story).encode(), "pagina.txt").items[0]
    assert item.title == "Balsa para Marrowby volta a operar na segunda-feira"
    assert item.authors == ["Clara Borba"]
    assert item.body.startswith("A balsa entre Marrowby")


def test_the_masthead_its_feeds_are_named_after_is_not_the_headline() -> None:
    story = FERRY_STORY
    for links in (
        "   #Hafenblog Marrowby - Atom Hafenblog Marrowby - RSS Hafenblog Marrowby - Atom\n",
        "   #alternate alternate Hafenblog Marrowby\n",
    ):
        page = (
            f"{links}\nHafenblog Marrowby Neues vom Anleger\n\n"
            "Hafenverein Marrowby e.V. Verein der Freunde des Hafens\n\n"
            f"Fähre nach Marrowby fährt wieder\n\n{story}\nPost a Comment\n\n{story}"
        )
        assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"


def test_a_name_alone_under_the_headline_signs_it_when_nothing_else_does() -> None:
    story = FERRY_STORY
    page = f"{MENU}\n\nFähre nach Marrowby fährt wieder\n\n     * Jana Berg\n\n{story}"
    item = load_bytes(page.encode(), "seite.txt").items[0]
    assert item.authors == ["Jana Berg"]
    # A line that is no known given name and a family name is not taken for one.
    page = page.replace("     * Jana Berg", "     * Neue Fahrpläne")
    assert load_bytes(page.encode(), "seite.txt").items[0].authors == []


def test_an_image_text_run_into_the_headline_is_cut() -> None:
    story = FERRY_STORY
    page = f"{MENU}\n\nFähre Fähre nach Marrowby fährt wieder\n\n   12.03.2026\n\n{story}"
    item = load_bytes(page.encode(), "seite.txt").items[0]
    assert item.title == "Fähre nach Marrowby fährt wieder"
    assert (item.published or "")[:10] == "2026-03-12"
    # A headline whose first words are said twice and little after them stays.
    assert dump_headline(f"Bye Bye Marrowby\n\n{story}") == "Bye Bye Marrowby"


def test_a_name_signed_with_the_date_marks_the_headline_over_a_teaser() -> None:
    story = FERRY_STORY
    # Past a long list, a related story's heading over its date and more text than the story.
    teaser = f"{MENU}\n\nSturm legt Inselverkehr lahm\n\n   03/10/2019\n\n{story * 2}"
    page = (
        f"{MENU}\n\nFähre nach Marrowby fährt wieder\n\n"
        "   Drei Wochen nach dem Hochwasser\n\n"
        "   Marie Lenz | lundi 9 décembre 2019 à 09h08\n\n"
        f"{story}\n{teaser}"
    )
    item = load_bytes(page.encode(), "seite.txt").items[0]
    assert item.title == "Fähre nach Marrowby fährt wieder"
    assert item.authors == ["Marie Lenz"]
    assert (item.published or "")[:10] == "2019-12-09"


def test_a_name_signed_with_the_date_signs_the_heading_right_above_it() -> None:
    story = FERRY_STORY
    # A sidebar heading sits just above the story's headline: the story's byline is not its.
    page = (
        f"{MENU}\n\nHafenfest Marrowby\n\n   3\n\nFähre nach Marrowby fährt wieder\n\n"
        f"   Marie Lenz | lundi 9 décembre 2019 à 09h08\n\n{story}"
    )
    assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"


def test_a_poster_name_printed_over_each_reply_is_not_the_headline() -> None:
    story = FERRY_STORY
    # A forum thread: its first post a list, then replies under each poster's name.
    replies = "".join(f"\nJana Berg\n\n   Sep 19, 2020\n\n{story * 2}" for _ in range(3))
    first_post = story.split("\n")[0] + "\n" + MENU
    page = (
        f"{MENU}\n\nFähre nach Marrowby fährt wieder\n\n   Sep 18, 2020\n\n{first_post}\n{replies}"
    )
    assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"


def test_teasers_cut_to_a_length_are_no_headline() -> None:
    story = FERRY_STORY
    # Teasers of the site's other stories, each cut to a length, one of them over much text.
    teasers = f"\nInselbahn fährt ab Mai im Stundent...\n\n   Sep 17, 2020\n\n{story * 3}"
    teasers += "".join(f"\nHafen Marrowby bekommt neue Ponto{n}...\n" for n in range(3))
    first_post = story.split("\n")[0] + "\n" + MENU
    page = (
        f"{MENU}\n\nFähre nach Marrowby fährt wieder\n\n   Sep 18, 2020\n\n{first_post}\n{teasers}"
    )
    assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"


def test_a_headline_with_its_date_run_in_is_the_signed_heading() -> None:
    story = FERRY_STORY
    # Menu headings over the same text, none of their own, then the dated headline.
    page = (
        f"{MENU}\n\nHafen & Technik\n\n   1. Energie\n   2. Rohstoffe\n\nHandel & Industrie\n\n"
        f"   1. Energie\n\n27.01.2022Fähre nach Marrowby fährt wieder\n\n{story}"
    )
    assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"
    item = load_bytes(page.encode(), "seite.txt").items[0]
    assert (item.published or "")[:10] == "2022-01-27"
    # A show's name after its date, with its placeholder, is no headline.
    assert _after_date("16.10.2019 betrifft: ... ∙ Hafen Fernsehen") is None


def test_a_listicles_numbered_headings_and_a_labelled_field_are_no_headline() -> None:
    story = FERRY_STORY
    entries = "".join(f"\n{n}. Fähre Nummer {n}\n\n{story * 3}" for n in range(1, 5))
    page = f"{MENU}\n\nDie vier schönsten Fähren im Norden\n\n   Jana Berg 5. Juni 2023\n\n{story}{entries}"
    assert dump_headline(page) == "Die vier schönsten Fähren im Norden"
    page = (
        f"{MENU}\n\nHerausgeber: Hafenamt Marrowby\n\n{story}\n"
        f"Fähre nach Marrowby fährt wieder\n\n{story * 2}"
    )
    assert dump_headline(page) == "Fähre nach Marrowby fährt wieder"


def test_a_short_page_is_a_dump_by_its_feed_links() -> None:
    page = (
        "   #Hafenblog » Feed Hafenblog » Kommentar-Feed Neue Fähre alternate\n\nHafenblog\n\n"
        "   Geschichten vom Kai\n\nFähre nach Marrowby fährt wieder\n\n" + FERRY_STORY
    )
    assert is_text_browser_copy(page)
    item = load_bytes(page.encode(), "seite.txt").items[0]
    assert item.title == "Fähre nach Marrowby fährt wieder"
    # A short plain text is no dump.
    assert not is_text_browser_copy("Fähre fährt wieder\n\n" + FERRY_STORY)


LYNX_WITH_REFERENCES = """   [1]Skip to content
   [2]The Fenmarsh Courier
     * [3]News
     * [4]Sport

                     Ferry crews vote to strike over winter rota

   Deckhands on the island route say the new rota leaves one crew on
   every night crossing

   By [5]Odile Marchetti-Brand
   Published March 4, 2026

   Ferry crews on the Fenmarsh island route voted on Tuesday to strike for
   two days next month, after talks over a new winter rota broke down, the
   union representing the deckhands said on Wednesday.

   The operator said it would run a reduced timetable on the strike days
   and that it remained open to talks with the union at any time.

   "We asked for a second crew on the night crossings and were refused,"
   said union organiser Bram Ellery-Vance outside the terminal building.

   The strike is the first on the route in nine years, and the islanders'
   council has asked both sides to meet again before the end of the week.

   Related stories
     * [6]Island council calls for a new ferry contract by the summer
     * [7]Harbour fees rise for the third year in a row

References

   1. https://fenmarsh-courier.example/news/ferry-strike#main
   2. https://fenmarsh-courier.example/
   3. https://fenmarsh-courier.example/news/
   4. https://fenmarsh-courier.example/sport/
   5. https://fenmarsh-courier.example/staff/odile-marchetti-brand/
   6. https://fenmarsh-courier.example/news/ferry-contract/
   7. https://fenmarsh-courier.example/news/harbour-fees/
"""


def test_lynx_link_numbers_and_its_references_are_the_browsers_not_the_pages() -> None:
    """`lynx -dump` numbers every link ("By [5]Name") and lists the URLs under the text:
    the byline, the related links and the body read as if the numbers were not there."""
    item = load_bytes(LYNX_WITH_REFERENCES.encode(), "page.txt").items[0]
    assert item.title == "Ferry crews vote to strike over winter rota"
    assert item.authors == ["Odile Marchetti-Brand"]
    assert [link.title for link in item.links] == [
        "Island council calls for a new ferry contract by the summer",
        "Harbour fees rise for the third year in a row",
    ]
    assert "[" not in item.body and "https://" not in item.body
    assert item.body.startswith("Ferry crews on the Fenmarsh island route voted")


def test_bracketed_numbers_stay_without_a_list_of_references() -> None:
    """A "[1]" in copy that has no lynx reference list is the writer's (a footnote)."""
    text = "   The survey[1] found more seals.\n\nReferences\n\n   Smith, J. Seals of the fens.\n"
    assert without_marks(text).count("[1]") == 1
