"""Authors the markup names by a first name or beside a reading-time label."""

from __future__ import annotations

from newsdesk.extract.byline import parse_by_text
from newsdesk.ingest import load_bytes

BODY = (
    "<p>The harbour board voted on Tuesday to dredge the eastern channel before the winter "
    "storms, ending a debate that began two years ago and split the fishing families.</p>"
    "<p>Work will start in the spring and the channel should reopen within a year, the "
    "board's chair said on Wednesday evening after the vote in the town hall.</p>"
    "<p>Skippers of the larger trawlers have asked for the work for most of the last "
    "decade, with petitions, a protest at the quay and a motion in the council.</p>"
)


def _page(head: str, byline: str, site: str = "Harbour Post") -> bytes:
    return (
        "<html><head><title>Channel to be dredged</title>"
        f'<meta property="og:site_name" content="{site}">{head}</head><body>'
        f"<article><h1>Channel to be dredged</h1>{BODY}{byline}</article></body></html>"
    ).encode()


def test_a_first_name_in_the_markup_is_read_in_full_from_the_page() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
        '{"@type": "Person", "name": "Ottilie"}}</script>'
    )
    html = _page(head, "<p>Written by</p><p class='full-name'>Ottilie Brandtner</p>")
    assert load_bytes(html, "channel.html").items[0].authors == ["Ottilie Brandtner"]


def test_a_bio_line_gives_the_surname_and_two_surnames_give_none() -> None:
    from newsdesk.ingest.html_byline import full_names

    bio = "Ottilie Brandtner - reporter on the harbour beat since 2015, sailor and angler."
    assert full_names(["Ottilie"], ["Channel to be dredged", bio]) == ["Ottilie Brandtner"]
    two = ["Ottilie Brandtner", "Ottilie Maas"]
    assert full_names(["Ottilie"], two) == ["Ottilie"]
    # A handle is no first name; a site named after its writer keeps the post's signature.
    assert full_names(["ottilie42"], ["ottilie42 Brandtner"]) == ["ottilie42"]
    assert full_names(["Ottilie"], ["Ottilie Brandtner"], "Ottilie Brandtner - Blog") == ["Ottilie"]


def test_a_reading_time_label_after_the_names_is_no_part_of_them() -> None:
    found = parse_by_text("Inés Garrido y José Luis Peral Tiempo de lectura: 8 minutos")
    assert found.authors == ["Inés Garrido", "José Luis Peral"]
    assert parse_by_text("Jana Brenner Lesezeit 4 Min.").authors == ["Jana Brenner"]


def test_the_publisher_the_copyright_line_names_is_no_author_beside_a_writer() -> None:
    head = '<meta name="author" content="Kestrel Média, Ottilie Brandtner">'
    footer = "<footer><p>© 2020 Kestrel Média - Tous droits réservés</p></footer>"
    html = _page(head, footer)
    assert load_bytes(html, "channel.html").items[0].authors == ["Ottilie Brandtner"]
    # A blog's own copyright names its lone writer.
    alone = _page(
        '<meta name="author" content="Ottilie Brandtner">', "<p>© 2020 Ottilie Brandtner</p>"
    )
    assert load_bytes(alone, "channel.html").items[0].authors == ["Ottilie Brandtner"]
