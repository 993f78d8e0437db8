"""A site's logo set in the page's <h1>: no headline, and the name of the outlet."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.ingest.html_masthead import masthead_names
from newsdesk.ingest.html_meta import parse_document, read_page_meta

HEADLINE = "Quarry plan withdrawn after two-year fight over bats"
SITE = "The Fenwick Valley Herald"
STORY = (
    "<div class='story'><h2 class='headline'>{headline}</h2>"
    "<div class='byline'>By ORLA BECKETT, Herald staff writer</div>"
    "<p>FENWICK, Vt. — Calder Aggregates withdrew its plan for a quarry above the village on "
    "Monday, two years after residents found a colony of rare bats in the woods it would clear."
    "</p><p>“We are relieved, and a little tired,” said Ines Morrow, who led the campaign.</p>"
    "<p>The company said it would look for another site in the county.</p></div>"
)


def _page(logo: str, title: str = f"{HEADLINE} - {SITE}", footer: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='en-US'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><header>{logo}<nav>Local | State | Opinion</nav></header>"
        f"{STORY.format(headline=HEADLINE)}<footer>{footer}</footer></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "logo",
    [
        f"<h1 class='site-logo'><a href='/'>{SITE}</a></h1>",
        f"<h1><a href='/'>{SITE}</a></h1>",
        f"<div class='brand'><h1>{SITE}</h1></div>",
    ],
)
def test_a_logo_h1_names_the_outlet_and_the_title_gives_the_headline(logo: str) -> None:
    item = load_bytes(_page(logo, footer="Copyright 2026 Fenwick Media Group LLC"), "q.html")
    article = item.items[0]
    assert article.title == HEADLINE
    assert article.source == SITE


def test_a_logo_h1_does_not_compete_with_the_headline() -> None:
    # The page's own headline hint, before the text is read: the <title>'s, not the logo's.
    tree = parse_document(_page(f"<h1 class='site-logo'><a href='/'>{SITE}</a></h1>").decode())
    assert tree is not None
    assert read_page_meta(tree).title == HEADLINE


def test_the_logo_names_the_outlet_when_the_title_leads_with_it() -> None:
    item = load_bytes(_page(f"<h1 class='logo'>{SITE}</h1>", f"{SITE} | {HEADLINE}"), "q.html")
    assert item.items[0].title == HEADLINE
    assert item.items[0].source == SITE


def test_a_title_part_no_logo_shows_is_no_outlet() -> None:
    # Without a URL, a copyright line or a logo naming it, a <title> suffix is a guess.
    page = _page(f"<h1>{HEADLINE}</h1>", f"{HEADLINE} - Fenwick Notes")
    assert load_bytes(page, "q.html").items[0].source is None


def test_only_links_to_this_sites_front_page_show_its_name() -> None:
    # A blogroll links to other sites' front pages, a comment link to a place on the page.
    page = (
        "<html><body><header><a href='/'>Fenwick Herald</a></header>"
        "<aside><a href='https://other-blog.example/'>Marten Notes</a>"
        "<a href='#comments'>Quarry plan withdrawn</a>"
        "<a href='https://www.fenwickherald.example/'>Herald home</a></aside></body></html>"
    )
    tree = parse_document(page)
    assert tree is not None
    names = masthead_names(tree, "https://fenwickherald.example/news/quarry")
    assert names == {"fenwick herald", "herald home"}
    assert masthead_names(tree, None) == {"fenwick herald"}
