"""Every author of an HTML page, and none of its photographers or desks.

Pages written for these tests, built on test_html's page (fictional people and outlets).
"""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.ingest.names import author_names
from newsdesk.model import Extracted
from tests.ingest.test_html import page

TITLE = '<meta property="og:title" content="Tram line to be extended north">'


def _authors(head: str, body_extra: str = "", ld: object | None = None) -> list[str]:
    result = load_bytes(page(TITLE + head, body_extra, ld).encode(), "tram.html")
    assert result.error is None
    item: Extracted = result.items[0]
    return list(item.authors)


@pytest.mark.parametrize(
    "byline",
    [
        # A WordPress theme's vcards, each author in its own element.
        '<span class="byline"> By <span class="author vcard"><a href="/a/1">Jane Whitcombe</a>'
        '</span> and <span class="author vcard"><a href="/a/2">Marcus Lee</a></span></span>',
        # The same byline as plain text.
        '<div class="byline">By Jane Whitcombe and Marcus Lee</div>',
        # An <address> with two rel=author links.
        '<address class="author-name">By <a rel="author" href="/a/1">Jane Whitcombe</a> and '
        '<a rel="author" href="/a/2">Marcus Lee</a></address>',
        # A framework's data attributes.
        '<div data-qa="author-byline"><span data-qa="author-name">By <a>Jane Whitcombe</a></span>'
        ' and <span data-qa="author-name"><a>Marcus Lee</a></span></div>',
    ],
)
def test_a_byline_naming_the_meta_author_and_more_wins(byline: str) -> None:
    head = '<meta name="author" content="Jane Whitcombe">'
    assert _authors(head, byline) == ["Jane Whitcombe", "Marcus Lee"]


def test_json_ld_naming_the_meta_author_and_more_wins() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Tram line to be extended north",
        "author": [
            {"@type": "Person", "name": "Tom Sims"},
            {"@type": "Person", "name": "Ada Hübner"},
        ],
    }
    assert _authors('<meta name="article:author" content="Tom Sims">', "", ld) == [
        "Tom Sims",
        "Ada Hübner",
    ]


def test_a_list_of_author_elements_is_read_whole() -> None:
    byline = (
        '<ul class="authors-list">'
        '<li class="author-item"><a class="author-name">Rosa Whitaker</a>'
        '<span class="author-title">Senior Health Reporter</span></li>'
        '<li class="author-item"><a class="author-name">Benjamin Adeyemi</a>'
        '<span class="author-title">Data Reporter</span></li>'
        '<li class="author-item"><a class="author-name">Lin Zhao</a>'
        '<span class="author-title">Contributor</span></li></ul>'
    )
    assert _authors("", byline) == ["Rosa Whitaker", "Benjamin Adeyemi", "Lin Zhao"]


def test_a_teasers_authors_do_not_join_the_page_byline() -> None:
    # The page's byline names one author; a box of another story by her and two colleagues
    # lower down repeats author elements: the page's byline has spoken.
    teaser = (
        '<div class="byline">By Tatyana Turner</div>'
        '<div class="more-stories"><p>Rents rise again</p><div class="by">'
        '<a class="author-link">Emma Whitford</a>, <a class="author-link">Mariana Simões</a> and '
        '<a class="author-link">Tatyana Turner</a></div></div>'
    )
    assert _authors('<meta name="author" content="Tatyana Turner">', teaser) == ["Tatyana Turner"]


def test_a_team_after_a_posting_line_is_no_co_author() -> None:
    line = "<p>Posted by Alex Durán, AMP Project Marketing, Google</p>"
    assert _authors('<meta name="author" content="Alex Durán">', line) == ["Alex Durán"]


def test_a_photographer_beside_the_byline_is_no_author() -> None:
    row = (
        '<div class="byline-row"><span class="by">Story by <a>Maya Tsosie</a></span> '
        '<span>|</span> <span class="photos">Photos by <a>Luis Ortega</a></span> '
        "<span>July 25, 2025</span></div>"
    )
    assert _authors("", row) == ["Maya Tsosie"]


def test_an_author_who_also_took_the_photos_stays() -> None:
    row = (
        "<p>Meg Kinnard and Errin Haines, Associated Press</p>"
        "<figure><figcaption>Photo: Errin Haines, AP</figcaption></figure>"
    )
    assert "Errin Haines" in _authors('<meta name="author" content="Errin Haines">', row)


def test_a_month_or_weekday_never_ends_a_name() -> None:
    assert author_names(["Luis Ortega July", "Malcolm Owen Monday"]) == [
        "Luis Ortega",
        "Malcolm Owen",
    ]
    assert author_names(["Theresa May"]) == ["Theresa May"]


def test_the_italian_lead_word_is_not_part_of_the_name() -> None:
    assert _authors("", '<span class="writer">di <strong>Marco Rossi</strong></span>') == [
        "Marco Rossi"
    ]


def test_a_byline_line_with_its_date_after_a_bar() -> None:
    line = '<div class="meta">Von Jonas Albrecht und Petra Maier-Lutz | Freitag, 19.09.2025, 06:00 Uhr</div>'
    assert _authors("", line) == ["Jonas Albrecht", "Petra Maier-Lutz"]


def test_an_upper_case_name_with_a_mc_prefix_and_a_role_under_it() -> None:
    line = '<p class="article-byline">JOE McALISTER<br>Sports Reporter</p>'
    assert _authors("", line) == ["Joe McAlister"]


def test_a_desk_signing_with_an_agency_is_no_person() -> None:
    assert _authors("", '<div class="firma">Por Redacción con EFE</div>') == []
