"""Signatures that name no single person, and signatures in odd places: a desk signing as
itself, a lead word alone over a first name, a rule before "by", an interview's subject, the
author's label under the story."""

from __future__ import annotations

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.byline import desk_name, parse_byline, parse_name_line
from newsdesk.extract.credits import has_inline_credit, split_caption_credit


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Staff Writer", ["Staff Writer"]),
        ("Veröffentlicht am 4. März 2024 von Redaktion", ["Redaktion"]),
        ("Por Redacción Diario del Valle", ["Redacción Diario del Valle"]),
        ("12/03/2024 von lumen-x Webteam", ["lumen-x Webteam"]),
        ("By BRIGHTWATER NEWSROOM", ["Brightwater Newsroom"]),
        # A person named beside a desk word is the person, not a desk.
        ("By Tomasz Wrona, Harbour Staff", ["Tomasz Wrona"]),
        ("---- by Greta Lindqvist", ["Greta Lindqvist"]),
        ("Ein Interview von Greta Lindqvist mit Tomasz Wrona.", ["Greta Lindqvist"]),
        # After the date, the lead words a byline may open with, then the credits' column.
        ("May 4, 2024 • words written by Aiko Tanabe • Art by Kay", ["Aiko Tanabe"]),
        ("4. März 2024 · Ein Beitrag von Greta Lindqvist", ["Greta Lindqvist"]),
    ],
)
def test_desks_rules_and_interviews(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize(
    "line", ["By Our Foreign Staff", "By the editors", "Redaktion: Politik", "Unsere Redaktion"]
)
def test_a_phrase_about_a_desk_signs_nothing(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or not byline.authors


@pytest.mark.parametrize(
    ("text", "desk"),
    [
        ("Redaktion", "Redaktion"),
        ("Sportredaktion", "Sportredaktion"),
        ("Staff Reports", "Staff Reports"),
        ("Market Reports", None),
        ("Greta Staff - Writer", None),
        ("What the team said?", None),
        ("the newsroom", None),
    ],
)
def test_desk_name(text: str, desk: str | None) -> None:
    assert desk_name(text) == desk


def test_a_desk_over_the_date_signs_the_story() -> None:
    byline = parse_name_line("Redaktion 4. März 2024 10:29", [])
    assert byline is not None and byline.authors == ["Redaktion"]
    assert byline.published is not None and byline.published.startswith("2024-03-04")
    alone = parse_name_line("Redaktion", ["am 4. März 2024 um 21:17"])
    assert alone is not None and alone.authors == ["Redaktion"]
    # Without the date under it, "Redaktion" is a menu item.
    assert parse_name_line("Redaktion", ["Politik"]) is None


def test_a_lead_word_alone_over_a_first_name() -> None:
    byline = parse_byline("Von", ["Konstantin", "4. März 2024"])
    assert byline is not None and byline.authors == ["Konstantin"]
    # A calendar word is no name.
    assert parse_byline("Von", ["Montag"]) is None


def test_the_authors_label_under_the_story() -> None:
    body = " ".join(["The harbour board met on Tuesday to weigh the new ferry timetable."] * 3)
    page = "\n\n".join(
        [
            "Ferry timetable goes back to the board",
            body,
            body.replace("Tuesday", "Wednesday"),
            "1,0 bei 2 Bewertungen",
            "Datum:",
            "03.11.2026",
            "Autoren",
            "Greta Lindqvist",
            "Impressum | Datenschutz",
        ]
    )
    meta = extract_page(page)
    assert meta.title == "Ferry timetable goes back to the board"
    assert meta.authors == ["Greta Lindqvist"]


def test_a_name_under_the_story_without_a_label_is_not_taken() -> None:
    body = " ".join(["The harbour board met on Tuesday to weigh the new ferry timetable."] * 3)
    page = "\n\n".join(
        ["Ferry timetable goes back to the board", body, body, "Greta Lindqvist", "Impressum"]
    )
    assert extract_page(page).authors == []


@pytest.mark.parametrize(
    "again",
    ["Greta Lindqvistvor 5 Stunden", "Greta Lindqvist 3 hours ago", "Greta LindqvistFollow"],
)
def test_a_name_printed_again_with_its_age_or_a_button_signs(again: str) -> None:
    byline = parse_name_line("Greta Lindqvist", [again])
    assert byline is not None and byline.authors == ["Greta Lindqvist"]


def test_a_heading_repeated_with_more_words_is_no_name() -> None:
    assert parse_name_line("Neue Regeln", ["Neue Regeln für alle Fähren"]) is None


def test_a_label_over_a_listed_account() -> None:
    """A list's marks are no part of the name, and an account's name counts under a label
    with its colon; a short word there is no account."""
    account = parse_byline("* Artikel von:", ["* hafenblog"])
    assert account is not None and account.authors == ["hafenblog"]
    listed = parse_byline("Tipps von", ["* Greta Lindqvist"])
    assert listed is not None and listed.authors == ["Greta Lindqvist"]
    assert parse_byline("Von:", ["hier"]) is None


def test_a_blog_themes_meta_line_names_who_posted() -> None:
    byline = parse_byline("May 4, 2024/0 Comments/in Harbour News /by hafenjana")
    assert byline is not None
    assert byline.authors == ["hafenjana"] and byline.published == "2024-05-04"
    # A site's login ("hafenadmin") posted it, no writer (day 31).
    login = parse_byline("May 4, 2024/0 Comments/in Harbour News /by hafenadmin")
    assert login is not None and login.authors == [] and login.published == "2024-05-04"
    assert parse_byline("4. März 2024 | Politik") is None


def test_a_handout_sent_on_by_a_wire_is_a_credit() -> None:
    from newsdesk.extract.credits import has_inline_credit

    caption = (
        "In this image issued by the harbour board, the new ferry leaves Lindau. (Board via AP)"
    )
    assert has_inline_credit(caption)
    assert has_inline_credit("The ferry at dawn. (Greta Lindqvist/Harbour Board via Reuters)")
    assert not has_inline_credit("The board sent the plans to the council via email on Monday.")


def test_a_meta_lines_fields_after_a_bar() -> None:
    byline = parse_name_line("Greta Lindqvist | 4. März 202405. März 2024 | HR-Welt", [])
    assert byline is not None and byline.authors == ["Greta Lindqvist"]
    assert byline.published == "2024-03-04"
    # Two capitalised words that are no person's name (German nouns) are no byline there.
    assert parse_name_line("Neue Fähren | 4. März 202405. März 2024 | HR-Welt", []) is None


def test_a_date_label_before_the_posting_line() -> None:
    byline = parse_byline("Datum: 4. März 2024Autor: hafenblog.example 2 Kommentare")
    assert byline is not None and byline.authors == ["hafenblog.example"]
    assert byline.published == "2024-03-04"


def test_a_blogs_posting_line_with_its_comment_counter() -> None:
    byline = parse_byline("4. März 2024 hafenblog42 Schreibe einen Kommentar")
    assert byline is not None and byline.authors == ["hafenblog42"]
    # A capitalised word there may be the post's category.
    assert parse_byline("4. März 2024 Politik 4 Kommentare") is None


def test_a_stations_logo_after_the_byline() -> None:
    byline = parse_byline("ByGreta Lindqvist KHBR logo")
    assert byline is not None and byline.authors == ["Greta Lindqvist"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("von Greta Lindqvist Twitter Account von Greta Lindqvist", ["Greta Lindqvist"]),
        ("By Greta Lindqvist Follow on Twitter", ["Greta Lindqvist"]),
        ("* Thread starter hafen42", ["hafen42"]),
        ("Themenstarter Konstantin", ["Konstantin"]),
    ],
)
def test_social_links_after_the_name_and_a_forums_first_poster(
    line: str, authors: list[str]
) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.authors == authors


def test_an_agency_run_into_the_name_after_a_slash() -> None:
    for line in ("Von Greta Lindqvist/dpa", "Autor: Greta Lindqvist/SP-X"):
        byline = parse_byline(line)
        assert byline is not None and byline.authors == ["Greta Lindqvist"], line


def test_a_story_signed_off_under_its_last_paragraph() -> None:
    """A name alone under the story (the body ended at its tags) signs it; not the name of the
    person the story is about, nor a phrase of capitalised words."""
    para = "The harbour board met on Tuesday to weigh the new ferry timetable for the winter."
    body = [" ".join([para] * 3), " ".join([para.replace("Tuesday", "Friday")] * 3)]

    def page(paragraphs: list[str], name: str) -> str:
        title = "Ferry timetable goes back to the board"
        return "\n\n".join([title, *paragraphs, "Tags: Hafen, Fähre", name, "* Abo"])

    assert extract_page(page(body, "Greta Lindqvist")).authors == ["Greta Lindqvist"]
    about = [b.replace("The harbour board", "Greta Lindqvist") for b in body]
    assert extract_page(page(about, "Greta Lindqvist")).authors == []
    assert extract_page(page(body, "Robert Harbour’s Ferry Plan")).authors == []


def test_a_story_signed_off_right_above_the_sites_news_ticker() -> None:
    """The name is the last line of the story, the site's ticker of other news follows (and the
    story's page goes on with a promotion, so the name is no tail line)."""
    para = "The harbour board met on Tuesday to weigh the new ferry timetable for the winter."
    body = [" ".join([para] * 3), " ".join([para.replace("Tuesday", "Friday")] * 3)]
    ticker = [
        "Kurznachrichtenticker",
        "* vor 16 Stunden",
        "* Weitere Absagen im Norden: das Spiel in Hamburg fällt aus, wie der Verband mitteilt",
        "* gestern",
        "* Die Fähre nach Marrowby fährt ab Montag wieder nach dem alten Fahrplan des Vorjahres",
        "Die Hafen-App",
        "Lesen Sie jetzt alles über den Hafen auf Ihrem Tablet oder Smartphone. Alle Fähren und "
        "alle Abfahrten finden Sie auf einen Klick, mit allen Artikeln und Bildern.",
    ]

    def page(paragraphs: list[str]) -> str:
        title = "Ferry timetable goes back to the board"
        return "\n\n".join([title, *paragraphs, "Greta Lindqvist", *ticker])

    meta = extract_page(page(body))
    assert meta.authors == ["Greta Lindqvist"]
    assert "Greta Lindqvist" not in meta.body
    about = [b.replace("The harbour board", "Greta Lindqvist") for b in body]
    assert extract_page(page(about)).authors == []


def test_a_portals_line_with_the_partners_logo_before_the_date() -> None:
    byline = parse_byline("Harbour Ledger logo Harbour Ledger 02/10/2020 Greta Lindqvist")
    assert byline is not None
    assert byline.authors == ["Greta Lindqvist"]
    assert byline.source == "Harbour Ledger"
    # Without a known given name after the date, a topic is no author.
    assert parse_byline("Harbour Ledger logo Harbour Ledger 02/10/2020 Neue Fähren") is None


def test_the_authors_portrait_over_the_headline() -> None:
    para = "The harbour board met on Tuesday to weigh the new ferry timetable for the winter."
    body = [" ".join([para] * 3), " ".join([para.replace("Tuesday", "Friday")] * 3)]

    def page(portrait: str, paragraphs: list[str]) -> str:
        return "\n\n".join(["* Home\n* News", portrait, "Ferry timetable goes back", *paragraphs])

    portrait = "[greta-lowres-50x50.jpg] Greta Lindqvist"
    # Her photo credit in the story does not count as the story naming her.
    meta = extract_page(page(portrait, [*body, "Quay at dawn © Greta Lindqvist"]))
    assert meta.authors == ["Greta Lindqvist"]
    # A picture of the story's subject, captioned with the name the story gives: no author.
    about = [b.replace("The harbour board", "Greta Lindqvist") for b in body]
    assert extract_page(page(portrait, about)).authors == []
    # An image not named after the person: no portrait.
    assert extract_page(page("[quay-50x50.jpg] Greta Lindqvist", body)).authors == []


def test_the_authors_box_a_name_then_a_bio_that_opens_with_it() -> None:
    para = "The harbour board met on Tuesday to weigh the new ferry timetable for the winter."
    body = [" ".join([para] * 3), " ".join([para.replace("Tuesday", "Friday")] * 3)]
    bio = "Greta Lindqvist lehrt Geschichte der Seefahrt an der Universität Marrowby."
    page = "\n\n".join(
        [
            "Ferry timetable goes back",
            "Warning: the page could not load a plugin, carry on.",
            "* Greta Lindqvist",
            bio,
            *body,
        ]
    )
    meta = extract_page(page)
    assert meta.authors == ["Greta Lindqvist"]
    assert bio not in meta.body
    # A box label over a sentence that opens with it is no person.
    page = page.replace("* Greta Lindqvist", "* Ihr Warenkorb").replace(
        bio, "Ihr Warenkorb ist leer."
    )
    assert extract_page(page).authors == []


def test_a_profile_under_a_persons_name_is_the_story_not_a_box() -> None:
    para = "The harbour board met on Tuesday to weigh the new ferry timetable for the winter."
    body = [" ".join([para] * 3), " ".join([para.replace("Tuesday", "Friday")] * 3)]
    profile = "Greta Lindqvist ist bekannt für ihre Bilder vom Hafen und hat drei Preise gewonnen."
    page = "\n\n".join(["Ten painters of the harbour", *body, "Greta Lindqvist", profile, *body])
    meta = extract_page(page)
    assert profile in meta.body
    assert meta.authors == []


@pytest.mark.parametrize(
    "line",
    [
        "Autorin: Prof. Dr. Greta Lindqvist",
        "Von Dipl.-Ing. Greta Lindqvist",
        "Autor*in: Prof. Dr. Greta Lindqvist ist seit 2014 Hafenmeisterin in Marrowby",
        "By Greta Lindqvist Greta is a full-stack engineer and has worked on ferries",
    ],
)
def test_titles_before_the_name_and_a_bio_after_it_are_cut(line: str) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == ["Greta Lindqvist"]


def test_the_authors_label_opening_a_bio_under_the_story() -> None:
    para = "The harbour board met on Tuesday to weigh the new ferry timetable for the winter."
    body = [" ".join([para] * 3), " ".join([para.replace("Tuesday", "Friday")] * 3)]
    bio = (
        "Autor*in: Prof. Dr. Greta Lindqvist ist seit 2014 Hafenmeisterin in Marrowby und "
        "schreibt über Fähren, Gezeiten und die Leute am Kai."
    )
    meta = extract_page("\n\n".join(["Ferry timetable goes back", *body, bio, "* Teilen:"]))
    assert meta.authors == ["Greta Lindqvist"]
    assert bio not in meta.body


def test_a_caption_with_its_credit_after_the_sentence_in_other_languages() -> None:
    for line, credit in (
        ("Die Menge am Kai wird unruhig. Bild: Jana Berg/Hafenamt", "Bild: Jana Berg/Hafenamt"),
        ("La foule sur le quai. Crédit : Jana Berg", "Crédit : Jana Berg"),
        ("Die Fähre legt ab. Foto: Jana Berg", "Foto: Jana Berg"),
    ):
        assert has_inline_credit(line)
        assert split_caption_credit(line)[1] == credit
    # A sentence that merely speaks of a picture is no caption.
    assert not has_inline_credit("Das Bild: ein Hafen im Nebel, das die Stadt berühmt machte")


def test_a_label_over_a_desk_and_a_lead_word_over_an_account() -> None:
    byline = parse_byline("* Author Harbour.LIVE Redaktion", ["* Date 6. Dezember 2022"])
    assert byline is not None and byline.authors == ["Harbour.LIVE Redaktion"]
    # The bare word names no desk.
    assert parse_byline("Autor Redaktion") is None
    # An account as written, after "von" and over the post's date; not a word over text.
    byline = parse_byline("von flerche", ["21. September 2019"])
    assert byline is not None and byline.authors == ["flerche"]
    assert parse_byline("von heute", ["Die Stadt baut eine neue Brücke über den Fluss."]) is None
    byline = parse_byline("by", ["delta201", "Advertisement"])
    assert byline is not None and byline.authors == ["delta201"]


def test_a_name_printed_on_both_sides_of_by() -> None:
    byline = parse_byline("Harbour Staff Report by Harbour Staff Report", ["October 27, 2023"])
    assert byline is not None and byline.authors == ["Harbour Staff Report"]
    # Two different phrases around "by" are no such line.
    assert parse_byline("Harbour Report by Tom Lenz") is None
