"""Bylines printed on an HTML page whose markup names no author."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.ingest.html_byline import visible_byline
from newsdesk.ingest.html_meta import not_the_site, parse_document

BODY = (
    "<p>The regional council voted on Tuesday to extend the tram line by three stops, "
    "ending a debate that began in 2019 and split the northern districts.</p>"
    "<p>Construction will start in the spring and the new stops should open within two "
    "years, officials said on Wednesday evening after the vote.</p>"
    "<p>Residents of the northern districts have campaigned for the extension for most "
    "of the last decade, with petitions and a referendum.</p>"
)


def _page(byline: str, head: str = "", extra: str = "") -> str:
    return (
        f"<html><head><title>Tram line to be extended</title>{head}</head><body>"
        "<nav><p>By Menu Person</p></nav>"
        f"<article><h1>Tram line to be extended</h1>{byline}{BODY}</article>{extra}"
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            "<div class='meta'>Ein Artikel von <strong>Pamela Sladky</strong></div>",
            ["Pamela Sladky"],
        ),
        ("<p><b>Von:</b><br>Götz Warnke</p>", ["Götz Warnke"]),
        ("<p>Autor: Rechtsanwalt Sebastian Einbock</p>", ["Sebastian Einbock"]),
        ("<p>par Didier Roy, 21 juin 2018</p>", ["Didier Roy"]),
        ("<p>Posted on 21 July 2019 by Realiberry</p>", ["Realiberry"]),
        # A sentence that starts with "By" is no byline.
        ("<p>By June 2016, most of the code base was ported to our modern import style.</p>", []),
        ("", []),
    ],
)
def test_visible_byline(byline: str, authors: list[str]) -> None:
    tree = parse_document(_page(byline))
    assert tree is not None
    assert visible_byline(tree) == authors


def test_comment_boxes_and_navigation_are_not_bylines() -> None:
    comments = "<div class='comments'><p>Von Karl Leser</p><p>Great piece.</p></div>"
    tree = parse_document(_page("", extra=comments))
    assert tree is not None
    assert visible_byline(tree) == []


def test_page_byline_when_the_markup_credits_the_site() -> None:
    head = (
        '<meta name="author" content="City Courier">'
        '<meta property="og:site_name" content="City Courier">'
        '<link rel="canonical" href="https://www.citycourier.example/tram">'
    )
    html = _page("<p>Von Lisa Petrich</p>", head=head)
    result = load_bytes(html.encode(), "tram.html")
    assert result.items[0].authors == ["Lisa Petrich"]


def test_page_byline_naming_the_site_is_no_author() -> None:
    tree = parse_document(_page("<p>por CyberCook</p>"))
    assert tree is not None
    assert visible_byline(tree) == ["CyberCook"]
    assert not_the_site(visible_byline(tree), "CyberCook", "https://cybercook.example/r") == []
