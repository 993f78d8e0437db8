"""Bylines: who wrote the piece; editors, photographers and quoted people are not authors."""

from __future__ import annotations

import pytest

from newsdesk.extract.byline import parse_byline, parse_name_line, title_case_name
from newsdesk.extract.credits import is_credit, split_caption_credit


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("By Marta Quiroga", ["Marta Quiroga"]),
        ("By Hannah Osei and Pavel Dvorak", ["Hannah Osei", "Pavel Dvorak"]),
        (
            "By Hannah Osei, Pavel Dvorak and Ines Lopes",
            ["Hannah Osei", "Pavel Dvorak", "Ines Lopes"],
        ),
        ("BY HANNAH OSEI AND PAVEL DVORAK", ["Hannah Osei", "Pavel Dvorak"]),
        ("By MARY ANNE O'NEILL", ["Mary Anne O'Neill"]),
        ("by Tomasz Wrona", ["Tomasz Wrona"]),
        ("Author: Greta Lindqvist, Senior Correspondent", ["Greta Lindqvist"]),
        ("Analysis by Rafael Ortiz, Economics Editor", ["Rafael Ortiz"]),
        ("By Aiko Tanabe | Special to the Harbour Gazette", ["Aiko Tanabe"]),
        ("By Aiko Tanabe - 03/14/25 09:10 AM EST", ["Aiko Tanabe"]),
        ("By Dr Lena Fischer", ["Lena Fischer"]),
        ("By Jonas BergStaff Writer", ["Jonas Berg"]),
        # Lead words and labels in other languages, and a byline run into the header's parts.
        ("Ein Artikel von Lotte Brandner", ["Lotte Brandner"]),
        ("Eine Kolumne von Lotte Brandner", ["Lotte Brandner"]),
        ("Erstellt von Lotte Brandner", ["Lotte Brandner"]),
        ("Escrito por Inés Calvo", ["Inés Calvo"]),
        ("Escribe Inés Calvo", ["Inés Calvo"]),
        ("Autorin: Lotte Brandner", ["Lotte Brandner"]),
        ("Auteur : Paul Mercier", ["Paul Mercier"]),
        ("Text: Lotte Brandner", ["Lotte Brandner"]),
        ("Publiziert am 4. Mai 2018 von seeadler", ["seeadler"]),
        ("Publié le 4 mai 2018 par Paul Mercier", ["Paul Mercier"]),
        ("May 4, 2018 by Kit", ["Kit"]),
        ("04.05.2018, 09:15 Uhr von Lotte Brandner", ["Lotte Brandner"]),
        ("Von Lotte / 4. Mai 2018 / Keine Kommentare", ["Lotte"]),
        ("by Kit 12 Comments", ["Kit"]),
        ("Lotte Brandner Lotte Brandner", None),
        ("von Lotte Brandner Lotte Brandner", ["Lotte Brandner"]),
        # A German date's day is no list mark; weekdays, labels and dashes after the date.
        ("27. Januar 2014 by Lotte Brandner / Kategorien: Mode", ["Lotte Brandner"]),
        ("6. Dezember 2022 von Kit in Gefühle, Popkultur", ["Kit"]),
        ("jeudi 13 juin 2019, par Paul Mercier", ["Paul Mercier"]),
        ("22. Januar 2020 @ 18:13 // Autor: seeadler // ~ Lesezeit: 1 Minute", ["seeadler"]),
        ("11.12.2019 - Amelie Brandner", ["Amelie Brandner"]),
        ("11.12.2019 - Neue Regeln", None),
        ("Geschrieben vonLotte Brandner", ["Lotte Brandner"]),
        ("Posted by Kit under Travel, Food | Tags: coast", ["Kit"]),
        ("Posted by T. V. Osei at 2:33 PM", ["T. V. Osei"]),
        # Calendar words after "von" and a sort control after "by" are no names.
        ("Von Montag", None),
        ("von Januar bis März", None),
        ("BY DATE", None),
    ],
)
def test_byline_shapes(line: str, authors: list[str] | None) -> None:
    byline = parse_byline(line)
    if authors is None:
        assert byline is None
        return
    assert byline is not None
    assert byline.authors == authors


def test_byline_for_outlet_gives_source() -> None:
    byline = parse_byline("By Min-jun Seo for KNA")
    assert byline is not None
    assert byline.authors == ["Min-jun Seo"]
    assert byline.source == "KNA"


def test_byline_in_city_gives_place() -> None:
    byline = parse_byline("By Oskar Lind in Gothenburg")
    assert byline is not None
    assert byline.authors == ["Oskar Lind"]
    assert byline.place == "Gothenburg"


def test_posted_on_date_by_author() -> None:
    byline = parse_byline("Posted on March 3, 2025 by Farah Haddad")
    assert byline is not None
    assert byline.authors == ["Farah Haddad"]
    assert byline.published == "2025-03-03"


def test_byline_date_is_kept() -> None:
    byline = parse_byline("By Aiko Tanabe - 03/14/25 09:10 AM EST")
    assert byline is not None
    assert byline.published == "2025-03-14T09:10:00-05:00"


def test_multi_line_byline() -> None:
    byline = parse_byline("By", ["Sunita Rao", "Health reporter"])
    assert byline is not None
    assert byline.authors == ["Sunita Rao"]


def test_by_colon_then_from_outlet() -> None:
    byline = parse_byline("by:", ["Sunita Rao", "From:", "Coastal Herald"])
    assert byline is not None
    assert byline.authors == ["Sunita Rao"]
    assert byline.source == "Coastal Herald"


def test_photographer_in_byline_is_a_credit() -> None:
    byline = parse_byline("by Nora Kell (reporting) and Ivo Mares (photography)")
    assert byline is not None
    assert byline.authors == ["Nora Kell"]
    assert byline.credits == ["Ivo Mares (photography)"]


@pytest.mark.parametrize(
    "line",
    [
        "Edited by Carla Mendes and Joe Park.",
        "Reporting by Ana Silva; Editing by Tom Reed",
        "(Reporting by Ana Silva; additional reporting by Li Wei in Taipei; Editing by Tom Reed)",
        "Photo: Ivo Mares/Northern Wire",
        "Photograph: Ivo Mares for the Coastal Herald",
        "Additional reporting by Li Wei",
        "Staff writers Ana Silva and Li Wei contributed to this report.",
        "With files from the Northern Wire",
    ],
)
def test_credits_are_not_bylines(line: str) -> None:
    assert is_credit(line)
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "line",
    [
        # Sentences that open with "By" are text, not bylines.
        "By midnight the water had reached the second floor of the station.",
        "By the time officials arrived, the crowd had gone home.",
        # A quoted person is named in a sentence, never as a byline.
        '"We will rebuild," said Mayor Ruth Abara on Tuesday.',
        # One word after "by" is a name only when nothing else follows it.
        "By Monday, the water had gone down.",
        "Von Berlin nach Hamburg fährt der Zug.",
        "By Reuters",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_lone_name_needs_evidence() -> None:
    assert parse_name_line("Sunita Rao", ["14 March 2025"]) is not None
    assert parse_name_line("Sunita Rao, Health Correspondent", []) is not None
    # No date, role or handle beside it: could be anything.
    assert parse_name_line("Sunita Rao", ["The council met on Monday to vote."]) is None
    # Labels and places are not people.
    assert parse_name_line("Breaking News", ["14 March 2025"]) is None
    assert parse_name_line("Seoul, South Korea", ["14 March 2025"]) is None


def test_title_case_only_for_upper_case() -> None:
    assert title_case_name("JEAN-LUC PICARD") == "Jean-Luc Picard"
    assert title_case_name("Ursula von der Leyen") == "Ursula von der Leyen"


def test_split_caption_credit() -> None:
    caption, credit = split_caption_credit(
        "Volunteers fill sandbags on Monday. Photo: Ivo Mares/Northern Wire"
    )
    assert caption == "Volunteers fill sandbags on Monday."
    assert credit == "Photo: Ivo Mares/Northern Wire"
    caption, credit = split_caption_credit("A ferry leaves the harbour (AP Photo/Lena Fischer)")
    assert caption == "A ferry leaves the harbour"
    assert credit == "AP Photo/Lena Fischer"


def test_names_broken_over_lines() -> None:
    byline = parse_byline("By", ["Sunita Rao", "and Karl Weber", "14 March 2025"])
    assert byline is not None
    assert byline.authors == ["Sunita Rao", "Karl Weber"]
    byline = parse_byline("By Sunita Rao", ["and Karl Weber"])
    assert byline is not None
    assert byline.authors == ["Sunita Rao", "Karl Weber"]


def test_photo_by_is_a_credit() -> None:
    assert is_credit("Photos by Ivo Mares")
    assert parse_byline("Photos by Ivo Mares") is None


def test_a_name_signed_with_a_date_on_one_line() -> None:
    from newsdesk.extract.byline import parse_name_line

    signed = parse_name_line("Jana Berg 19.10.2019, 05:00 Uhr", [])
    assert signed is not None and signed.authors == ["Jana Berg"]
    assert (signed.published or "")[:10] == "2019-10-19"
    changed = parse_name_line("Jana Berg Zuletzt geändert am 06.11.2023", [])
    assert changed is not None and changed.authors == ["Jana Berg"]
    assert parse_name_line("Council meets 3 March 2021", []) is None


def test_by_glued_to_the_name() -> None:
    glued = parse_byline("ByJana Berg")
    assert glued is not None and glued.authors == ["Jana Berg"]
    assert parse_byline("Bystander Effect Explained") is None


def test_a_name_signed_with_a_weekday_and_date_or_twice_in_a_row() -> None:
    dated = parse_name_line("Marie Lenoir | lundi 9 décembre 2019 à 09h08", [])
    assert dated is not None and dated.authors == ["Marie Lenoir"]
    as_of = parse_name_line("Sara Brandner Stand: 05. Februar 2020", [])
    assert as_of is not None and as_of.authors == ["Sara Brandner"]
    # A portrait's alt text then the name: the same name twice is a byline.
    twice = parse_name_line("Nuño Ferreira", ["Nuño Ferreira", "Los científicos ..."])
    assert twice is not None and twice.authors == ["Nuño Ferreira"]
    assert parse_name_line("Nuño Ferreira", ["Los científicos lo confirman."]) is None


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        # A weekday between the names and the date, after a joining word.
        (
            "Von Lena Korbach am Samstag, 19. Oktober 2019 um 11:14 Uhr",
            ["Lena Korbach"],
            "2019-10-19",
        ),
        ("By Jane Doe on Monday, March 3, 2021", ["Jane Doe"], "2021-03-03"),
        ("Publié par Marie Tessier le lundi 9 décembre 2019", ["Marie Tessier"], "2019-12-09"),
        # A blog's posting line, the lead word run into the name in a text copy.
        ("Veröffentlicht vonJonas Reiter 28. Februar 2016", ["Jonas Reiter"], "2016-02-28"),
        ("Eingestellt von Jana Berg um 21:11", ["Jana Berg"], None),
    ],
)
def test_posting_lines_and_dates_after_the_names(
    line: str, authors: list[str], published: str | None
) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.published == published


@pytest.mark.parametrize(
    "line", ["Eingestellt von Unknown", "Posted by admin", "Von Anonym am 3. März 2021"]
)
def test_a_placeholder_signs_nothing(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.authors == []


@pytest.mark.parametrize(
    "line", ["Liebe Schwestern und Brüder,", "Dear Jane Doe,", "Sehr geehrte Damen und Herren,"]
)
def test_a_salutation_is_no_name_line(line: str) -> None:
    assert parse_name_line(line, []) is None


def test_an_accented_capital_starts_a_name() -> None:
    byline = parse_byline("Por Álvaro Núñez 27 de agosto 2019")
    assert byline is not None
    assert byline.authors == ["Álvaro Núñez"]


@pytest.mark.parametrize("label", ["AUTOR/IN", "Autorin", "Author:", "Reportage Von"])
def test_an_author_label_alone_signs_the_next_line(label: str) -> None:
    byline = parse_byline(label, ["Jana Berg", "Die Fähre fährt wieder."])
    assert byline is not None
    assert byline.authors == ["Jana Berg"]


def test_a_lead_word_alone_needs_a_name_after_it() -> None:
    assert parse_byline("Von", ["Montag bis Freitag"]) is None
    assert parse_byline("Weitere Artikel von", ["Jana Berg"]) is None


def test_a_known_name_under_the_date_line_signs_the_story() -> None:
    assert parse_name_line("Leah Morrow", ["Die Fähre"], dated=True) is not None
    assert parse_name_line("Leah Morrow", ["Die Fähre"]) is None
    # A section label reads like a name in German, but starts with no given name.
    assert parse_name_line("Allgemeine Reisetipps", ["Die Fähre"], dated=True) is None


@pytest.mark.parametrize(
    "line",
    [
        "Presidente de EEUU, Joe Biden / AFP",
        "Europäischer Sozialfonds (ESF)",
        "Grundlagen Elektrik, Elektronik",
    ],
)
def test_a_label_beside_a_name_shaped_pair_signs_nothing(line: str) -> None:
    assert parse_name_line(line, ["Rubrik Verkehr"]) is None


def test_a_name_with_its_role_still_signs() -> None:
    byline = parse_name_line("Solveig Amundsen, Redakteurin", [])
    assert byline is not None and byline.authors == ["Solveig Amundsen"]
    byline = parse_name_line("Lotte Brandner Chefredakteurin", [])
    assert byline is not None and byline.authors == ["Lotte Brandner"]


def test_a_known_name_before_a_sentence_is_a_subtitle() -> None:
    assert parse_name_line("Ewald Ferlemann und sein Leben für die Vögel", []) is None
    byline = parse_name_line("Jürgen Kessler, Chefredakteur", [])
    assert byline is not None and byline.authors == ["Jürgen Kessler"]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("28. Jan. 2022 Paula Brandt", ["Paula Brandt"]),
        ("04.02.2022 | 13:10 Uhr | Uta Lindner", ["Uta Lindner"]),
        ("23.06.2016 um 16:14 Uhr - Markus Berg - 91 Ergänzungen", ["Markus Berg"]),
        # Published and updated, glued together by the text copy.
        ("28. Juni 201914. Januar 2020 | Klaus Ebner", ["Klaus Ebner"]),
        ("3. April 20223. April 2022  by Jana Berg", ["Jana Berg"]),
    ],
)
def test_a_date_then_a_known_name(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize(
    "line",
    [
        "11.12.2019 - Neue Regeln",
        "12.03.2021 Berlin Marathon abgesagt",
        "12.03.2021 Hans Ebner ist tot",
    ],
)
def test_a_date_then_a_topic_signs_nothing(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Gespeichert von rasos am 24. Juli 2017 - 18:55", ["rasos"]),
        ("Verfasst von: seeadler | 31. Dezember 2008", ["seeadler"]),
        ("* Post author By Jana Berg", ["Jana Berg"]),
        ("Autor Lotte Brandner:", ["Lotte Brandner"]),
    ],
)
def test_posting_accounts_and_labels_without_a_colon(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize("line", ["von links nach rechts", "Autor des Monats", "Posted by admin"])
def test_no_account_without_a_posting_word(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.authors == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Von Jana Berg Ein Kommentar", ["Jana Berg"]),
        ("By Jana Berg No comments", ["Jana Berg"]),
        ("Von Avatar Avatar Jana Berg", ["Jana Berg"]),
        ("Von Uta Lindner, Projektleiterin der Stiftung", ["Uta Lindner"]),
    ],
)
def test_what_a_copy_prints_beside_the_name_is_no_name(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


@pytest.mark.parametrize(
    ("line", "authors", "published"),
    [
        # A blog theme's posting line, its labels run into the dates and the name.
        (
            "Posted on March 2, 2026March 3, 2026Author Jana BergCategories",
            ["Jana Berg"],
            "2026-03-02",
        ),
        (
            "Posted on28. Juli 202628. Juli 2026AuthorTilo Brandt4 Kommentare",
            ["Tilo Brandt"],
            "2026-07-28",
        ),
        # The next column of a text browser's table is not part of the names.
        ("Text von Lena Brook     Illustration von Tilo Brandt", ["Lena Brook"], None),
        # A Chinese news page names its editor in charge.
        ("责任编辑：孔德明", ["孔德明"], None),
    ],
)
def test_blog_theme_and_table_bylines(line: str, authors: list[str], published: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.published == published


def test_a_word_that_starts_like_the_label_is_no_byline() -> None:
    assert parse_byline("Posted on May 3, 2026 Authority rules the port") is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Kolumnist*in: Lena Brook", ["Lena Brook"]),
        ("Autor:in: Lena Brook", ["Lena Brook"]),
        ("Redaktion: Lena Brook", ["Lena Brook"]),
        ("05.02.2026 - Redaktion: Tilo Brandt (Pressesprecher des Hafenvereins)", ["Tilo Brandt"]),
        ("Von Lena Brook Kategorien: Hafen 6. November 2026, 15:25 Uhr", ["Lena Brook"]),
        ("27. Januar 2026 by Lena Brook / Kategorien: Hafen, Fähre", ["Lena Brook"]),
    ],
)
def test_labels_and_tails_around_the_names(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors


def test_a_desk_label_needs_a_persons_name() -> None:
    assert parse_byline("Redaktion: Politik") is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Eingestellt von der Michel um 21:11", ["der Michel"]),
        ("Posted by hafenkind at 9:41 PM", ["hafenkind"]),
        ("Publicado por Ana Lima a las 10:02", ["Ana Lima"]),
        ("Posted by Unknown at 10:41", None),
    ],
)
def test_a_blog_engines_posting_line_names_the_account(
    line: str, authors: list[str] | None
) -> None:
    byline = parse_byline(line)
    assert (byline.authors if byline else None) == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        (
            "05/10/2026 - Publicado por: Clara Borba - Categoria: Saúde - Tags: porto",
            ["Clara Borba"],
        ),
        ("February 1, 2026 | BY: Lena Brook, MS, RDN", ["Lena Brook"]),
        ("By Jana Berg, Ph.D.", ["Jana Berg"]),
    ],
)
def test_posting_labels_categories_and_degrees(line: str, authors: list[str]) -> None:
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.source is None


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Clara Borba | Publicado hace 3 horas", ["Clara Borba"]),
        ("Jana Berg · Aktualisiert am 3. März 2026", ["Jana Berg"]),
        ("Politics | Updated 3 hours ago", None),
    ],
)
def test_a_name_then_when_it_was_posted(line: str, authors: list[str] | None) -> None:
    byline = parse_byline(line)
    assert (byline.authors if byline else None) == authors


def test_an_agencys_byline_field_keeps_a_surname_that_is_also_a_desk_word() -> None:
    # The web-page filter dropped "Anna Post" and "Jane Press" from ninjs/NITF bylines.
    from newsdesk.ingest.wire.item import byline_names

    assert byline_names(["Anna Post"]) == ["Anna Post"]
    assert byline_names(["By Jane Press, Associated Press"]) == ["Jane Press"]
    assert byline_names(["Wire Reporter"]) == [] and byline_names(["Staff"]) == []


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Por Ana Souza e Rafael Lima", ["Ana Souza", "Rafael Lima"]),
        ("Por Ana Souza, Rafael Lima e João Dias", ["Ana Souza", "Rafael Lima", "João Dias"]),
        ("Di Anna Rossi e Paolo Neri", ["Anna Rossi", "Paolo Neri"]),
        ("Texto de Miguel Santos e Inês Carvalho", ["Miguel Santos", "Inês Carvalho"]),
        ("Reportagem de Ana Souza", ["Ana Souza"]),
        ("Testo di Paolo Neri", ["Paolo Neri"]),
        ("Texto de Natal", None),  # a Christmas text, in a site's menu
        # A capital E is an initial, not "and".
        ("By Jane E Smith", ["Jane E Smith"]),
    ],
)
def test_and_in_portuguese_and_italian_bylines(line: str, authors: list[str] | None) -> None:
    byline = parse_byline(line, [])
    assert (byline.authors if byline is not None else None) == authors
