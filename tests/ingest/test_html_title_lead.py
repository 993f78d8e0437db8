"""A `<title>` that leads with the site and section ("Site :: News :: Headline") on a page
without an <h1>: the headline alone, no standfirst made of it, no repeat in the body."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

HEADLINE = "Lighthouse keepers return to Skerry Point after forty years"
PARAGRAPHS = [
    "SKERRY POINT - Two keepers will live at the Skerry Point lighthouse from spring, the "
    "trust that owns it said on Thursday, forty years after the light was automated.",
    '"Visitors want to meet a keeper, not read a sign," said trust secretary Morag Dunbar.',
    "The trust said the cottages beside the tower had been repaired with a heritage grant.",
]


def _old_cms_page(title: str, headline_markup: str, footer: str = "") -> bytes:
    """A table-layout page with its headline in bold type and no <h1>."""
    text = "<br><br>".join(PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title></head><body><table>"
        "<tr><td class='nav'><a href='/'>Home</a> | <a href='/news'>News</a> | "
        "<a href='/coast'>Coast and Country</a></td></tr>"
        f"<tr><td class='content'>{headline_markup}<br><i>By Alun Pryce</i><br><br>{text}"
        f"</td></tr><tr><td class='footer'>{footer}</td></tr></table></body></html>"
    ).encode()


def _load(page: bytes) -> Extracted:
    return load_bytes(page, "story.html").items[0]


def _assert_headline_alone(item: Extracted) -> None:
    assert item.title == HEADLINE
    assert item.dek != HEADLINE
    assert not item.body.startswith(HEADLINE)


@pytest.mark.parametrize("mark", ["::", "»", "|", "-", "›", "–"])
def test_a_site_and_section_lead_goes_when_the_page_shows_the_headline(mark: str) -> None:
    page = _old_cms_page(
        f"Westerly Gazette {mark} News {mark} {HEADLINE}",
        f'<font size="+2"><b>{HEADLINE}</b></font>',
    )
    _assert_headline_alone(_load(page))


def test_a_lead_goes_when_its_first_part_is_the_site_named_on_the_copyright_line() -> None:
    # The headline the page shows is worded otherwise: the site's name is the evidence,
    # and a section the page's menu links to goes with it.
    page = _old_cms_page(
        f"Westerly Gazette :: Coast and Country :: {HEADLINE}",
        "<b>Keepers back at Skerry Point</b>",
        footer="&copy; 2026 Westerly Gazette Ltd",
    )
    item = _load(page)
    assert item.title == HEADLINE
    assert item.source == "Westerly Gazette"


def test_a_headline_with_a_dash_the_page_shows_keeps_its_end() -> None:
    shown = "Lighthouse keepers return - and they want visitors"
    page = _old_cms_page(f"Westerly Gazette | {shown}", f"<b>{shown}</b>")
    assert _load(page).title == shown


def test_a_lead_the_page_does_not_bear_out_stays() -> None:
    # Neither the site nor the headline is shown: nothing says which part is which.
    title = f"Westerly Gazette :: {HEADLINE}"
    page = _old_cms_page(title, "<b>Keepers back at Skerry Point</b>")
    assert _load(page).title != HEADLINE


def test_the_site_name_in_a_footer_is_no_headline() -> None:
    title = "Keepers return | The Westerly Gazette Weekly"
    page = _old_cms_page(title, "<p>Keepers back</p>", footer="The Westerly Gazette Weekly")
    assert _load(page).title != "The Westerly Gazette Weekly"


def test_a_first_part_the_page_shows_as_its_headline_stays() -> None:
    # The site's name is also the last part, and the page shows the first as its headline:
    # the usual "Headline | Site".
    page = _old_cms_page(
        f"{HEADLINE} | Westerly Gazette",
        f"<b>{HEADLINE}</b>",
        footer="&copy; Westerly Gazette",
    )
    assert _load(page).title == HEADLINE
