"""The site's own name, its desk's initials and its host are no author of an HTML page."""

from __future__ import annotations

from newsdesk.ingest import load_bytes
from newsdesk.ingest.html_meta import not_the_site

BODY = (
    "<p>The regional council voted on Tuesday to extend the tram line by three stops, "
    "ending a debate that began in 2019 and split the northern districts.</p>"
    "<p>Construction will start in the spring and the new stops should open within two "
    "years, officials said on Wednesday evening after the vote.</p>"
    "<p>Residents of the northern districts have campaigned for the extension for most "
    "of the last decade, with petitions and a referendum.</p>"
)


def _authors(head: str, byline: str = "") -> list[str]:
    page = (
        "<html><head><title>Tram line to be extended</title>"
        '<meta property="og:site_name" content="Kestrel Valley">'
        '<meta property="og:url" content="https://www.kestrel-valley.example/news/tram">'
        f"{head}</head><body><article><h1>Tram line to be extended</h1>{byline}{BODY}"
        "</article></body></html>"
    )
    result = load_bytes(page.encode(), "tram.html")
    assert result.items, result.error
    return result.items[0].authors


def test_the_site_named_in_the_markup_alone_is_no_author() -> None:
    assert _authors('<meta name="author" content="Kestrel Valley">') == []


def test_the_site_signed_in_the_visible_byline_stays_its_author() -> None:
    signed = _authors('<meta name="author" content="Kestrel Valley">', "<p>By Kestrel Valley</p>")
    assert signed == ["Kestrel Valley"]


def test_a_writer_in_the_byline_replaces_the_site_credited_in_the_markup() -> None:
    named = _authors('<meta name="author" content="Kestrel Valley">', "<p>By Lisa Petrich</p>")
    assert named == ["Lisa Petrich"]


def _ld(author: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"author": {{"@type": "Person", "name": "{author}"}}}}</script>'
    )


def test_initials_in_the_author_slot_are_no_name() -> None:
    assert _authors(_ld("mf")) == []
    assert _authors(_ld("AgE")) == []
    # A short given name is a signature that stays.
    assert _authors(_ld("Kay")) == ["Kay"]


def test_the_host_and_a_desk_of_the_site_are_not_the_site_s_authors() -> None:
    url = "https://larepublica.example/news/1"
    assert not_the_site(["Larepublica Example"], None, url) == []
    assert not_the_site(["Wien Orf"], "wien.ORF.at", "https://wien.orf.at/stories/1") == []
    site = "Partei Mensch Umwelt"
    assert not_the_site(["Sekretariat Partei Mensch Umwelt"], site, url) == []
    assert not_the_site(["Ana Pereira"], site, url) == ["Ana Pereira"]


def test_a_name_signing_the_story_under_its_last_paragraph_is_its_author() -> None:
    page = (
        "<html><head><title>Tram line to be extended</title></head><body><article>"
        f"<h1>Tram line to be extended</h1>{BODY}<p>Jana Berg</p></article>"
        "<aside><p>More news</p></aside></body></html>"
    )
    result = load_bytes(page.encode(), "tram.html")
    assert result.items[0].authors == ["Jana Berg"]
    # A name the story is about is no signature.
    about = page.replace("Residents of the northern", "Jana Berg and residents of the northern")
    assert load_bytes(about.encode(), "tram.html").items[0].authors == []


def test_a_name_among_the_page_s_keywords_is_its_subject_not_its_signature() -> None:
    page = (
        '<html><head><title>Tram line to be extended</title><meta name="keywords" '
        'content="Tram, Jana Berg, Council"></head><body><article>'
        f"<h1>Tram line to be extended</h1>{BODY}<p>Jana Berg</p></article></body></html>"
    )
    assert load_bytes(page.encode(), "tram.html").items[0].authors == []
