"""An article's byline set in `<address>`, the HTML element for its author's contact."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes

HEADLINE = "Village votes to buy its own ferry"
STORY = (
    "<p>Carrick Holm community council voted on Friday to buy the island's ferry for £1 "
    "after the operator said it would withdraw the service in March.</p>"
    "<p>Residents raised £300,000 in six weeks to pay for an overhaul of the vessel.</p>"
    "<p>“We could not wait for someone else to save it,” said the council's clerk.</p>"
)


def _page(header_extra: str = "", after: str = "", in_article: bool = False) -> bytes:
    header = f"<header><h1>{HEADLINE}</h1>{header_extra}</header>"
    body = f"<article>{header}{STORY}</article>" if in_article else f"{header}<div>{STORY}</div>"
    return (
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
        f"<title>{HEADLINE} | The Holm Packet</title></head>"
        f"<body>{body}{after}</body></html>"
    ).encode()


def _authors(page: bytes) -> list[str]:
    return load_bytes(page, "ferry.html").items[0].authors


@pytest.mark.parametrize("in_article", [False, True])
@pytest.mark.parametrize(
    "address",
    [
        "<address>Isla Brodie <span>Islands correspondent</span></address>",
        "<address>Isla Brodie, Islands correspondent</address>",
        "<address><a href='/profile/isla-brodie'>Isla Brodie</a> in Carrick Holm</address>",
        "<address><span itemprop='author'>Isla Brodie</span>"
        "<span>Islands correspondent</span></address>",
    ],
)
def test_the_articles_address_names_its_author(address: str, in_article: bool) -> None:
    assert _authors(_page(address, in_article=in_article)) == ["Isla Brodie"]


def test_the_sites_contact_address_is_no_byline() -> None:
    footer = "<footer><address>Morven Dale, Editor, The Holm Packet</address></footer>"
    assert _authors(_page(after=footer)) == []
    boxed = "<div class='site-contact'><address>Morven Dale</address></div>"
    assert _authors(_page(after=boxed)) == []


def test_a_postal_address_is_no_byline() -> None:
    assert _authors(_page("<address>12 Harbour Row, Carrick Holm</address>")) == []
