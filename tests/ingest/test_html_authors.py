"""HTML authors and dates beyond the meta tags: JSON-LD references, blog handles, byline words.

Pages written for these tests, built on test_html's page.
"""

from __future__ import annotations

from newsdesk.ingest import load_bytes
from newsdesk.ingest.names import author_names, person_names
from newsdesk.model import Extracted
from tests.ingest.test_html import page

BASE = (
    '<meta property="og:title" content="Tram line to be extended north">'
    '<meta property="og:site_name" content="Gleisblog">'
    '<link rel="canonical" href="https://www.gleisblog.example/2024/tram-north">'
)


def _item(head: str, body_extra: str = "", ld: object | None = None) -> Extracted:
    result = load_bytes(page(head, body_extra, ld).encode(), "tram.html")
    assert result.error is None
    return result.items[0]


def test_json_ld_author_given_by_reference() -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "headline": "Tram line to be extended north",
                "author": {"@id": "https://www.gleisblog.example/#/person/7"},
            },
            {
                "@type": "Person",
                "@id": "https://www.gleisblog.example/#/person/7",
                "name": "Ilka Brandt",
            },
        ],
    }
    assert _item(BASE, ld=ld).authors == ["Ilka Brandt"]


def test_a_blog_handle_in_json_ld_is_the_author() -> None:
    ld = {
        "@type": "BlogPosting",
        "headline": "Tram",
        "author": {"@type": "Person", "name": "schienenfuchs"},
    }
    assert _item(BASE, ld=ld).authors == ["schienenfuchs"]


def test_the_site_name_is_not_an_author() -> None:
    ld = {
        "@type": "BlogPosting",
        "headline": "Tram",
        "author": {"@type": "Person", "name": "Gleisblog"},
    }
    assert _item(BASE, ld=ld).authors == []


def test_a_lone_handle_in_the_byline_element() -> None:
    byline = (
        '<div class="post-meta">Posted by <span class="author vcard">schienenfuchs</span></div>'
    )
    # trafilatura's author search finds it (and capitalises it).
    assert [a.casefold() for a in _item(BASE, byline).authors] == ["schienenfuchs"]


def test_byline_words_and_roles_in_other_languages_are_not_names() -> None:
    assert person_names(["von Julia Kern"]) == ["Julia Kern"]
    assert person_names(["Erstellt von Andri Bryner"]) == ["Andri Bryner"]
    assert person_names(["Par Claire Dubois"]) == ["Claire Dubois"]
    assert person_names(["di Marco Rossi"]) == ["Marco Rossi"]
    assert person_names(["AuthorAndreas Kalt"]) == ["Andreas Kalt"]
    assert person_names(["Christoph Hein Chefredakteur"]) == ["Christoph Hein"]
    # A particle inside a name, and an Italian surname, stay.
    assert person_names(["Romana von Mengershausen"]) == ["Romana von Mengershausen"]
    assert person_names(["Di Maio Luigi"]) == ["Di Maio Luigi"]


def test_author_names_take_handles_but_not_tags_outlets_or_placeholders() -> None:
    assert author_names(["HansG"]) == ["HansG"]
    assert author_names(["CSP", "Solar", "Storage", "Economy"]) == []
    assert author_names(["admin"]) == []
    assert author_names(["Wegewerk GmbH"]) == []
    assert author_names(["Tagblatt"]) == author_names(["Reuters"]) == []


def test_date_from_the_text_when_the_markup_has_none() -> None:
    stamp = "<p class='meta'>Veröffentlicht am 03.03.2021 um 10:15 Uhr</p>"
    assert (_item(BASE, stamp).published or "")[:10] == "2021-03-03"


def test_a_label_or_button_beside_the_byline_is_no_part_of_the_name() -> None:
    # "By Janet Morrow | Published 14 March 2024" gave the authors Janet Morrow and
    # "Published"; a Follow button glued to the name gave "Ellen MarshFollow".
    assert author_names(["Janet Morrow", "Published"]) == ["Janet Morrow"]
    assert author_names(["Janet Morrow", "March"]) == ["Janet Morrow"]
    assert author_names(["Ellen MarshFollow"]) == ["Ellen Marsh"]
    assert author_names(["Sara Zinnecker Stand"]) == ["Sara Zinnecker"]
    assert author_names(["Sam Textor"]) == ["Sam Textor"]  # a name that only starts so
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Quay repairs</title>'
        "</head><body><article><h1>Quay repairs start</h1>"
        '<div class="author"><a href="/a/em">Ellen Marsh</a><button>Follow</button></div>'
        + "".join(
            f"<p>Paragraph {n}: repairs to the old quay began on Monday, the harbour board "
            "said, and will close the east berth for a month.</p>"
            for n in range(4)
        )
        + "</article></body></html>"
    )
    [item] = load_bytes(page.encode(), "quay.html").items
    assert item.authors == ["Ellen Marsh"]


def test_a_form_label_or_a_cms_account_is_nobodys_name() -> None:
    # A comment form's "Name" field and a CMS's default "Super User" became authors.
    assert author_names(["Name"]) == [] and author_names(["Super User"]) == []
    assert person_names(["Super User"]) == []
    assert author_names(["Nadia"]) == ["Nadia"]
