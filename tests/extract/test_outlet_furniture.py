"""A text copy's outlet from the page's own furniture, not its parent company or a provider."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.site_furniture import furniture_outlet
from newsdesk.ingest.loader import load_file

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

STORY = (
    "Officials said on Tuesday that the new ferry would start service in the spring, "
    "after two years of delays at the yard and a long dispute over its engines.\n\n"
    "The council voted to pay the last instalment once the trials are finished, "
    "and the operator said tickets would go on sale next month.\n\n"
)


def test_menus_and_follow_buttons_name_the_site() -> None:
    page = (
        "Skip to main content\n\nThe Kestrel homepage\n\nFollow The Kestrel online:\n\n"
        "Ferry service to start in spring\n\n" + STORY + "© 2026 Quillon Media, LLC.\n"
    )
    assert furniture_outlet(page) == "The Kestrel"
    assert extract_page(page).source == "The Kestrel"
    # One phrase is chance; a person's follow button or a network is no site.
    assert furniture_outlet("Follow The Kestrel\n\n" + STORY) is None
    assert furniture_outlet("Follow Jana Berg\n\nFollow Jana Berg\n\n" + STORY) is None
    assert furniture_outlet("Follow Twitter\n\nJoin Twitter\n\n" + STORY) is None
    # A blog platform's links and a layout's menu name no site.
    assert furniture_outlet("WordPress.com\n\nWordPress.org\n\n" + STORY) is None
    assert furniture_outlet("Header Top Menu\n\nHeader Top Menu\n\n" + STORY) is None


def test_a_staff_line_and_a_request_for_comment_name_the_site() -> None:
    page = (
        "Ferry service to start in spring\n\n"
        + STORY
        + "The yard did not respond to The Harbour Ledger's request for comment.\n\n"
        "Jana Berg is a reporter for The Harbour Ledger.\n"
    )
    assert extract_page(page).source == "The Harbour Ledger"


def test_a_publishing_company_gives_way_to_the_masthead_its_page_names() -> None:
    page = (
        "Ferry service to start in spring\n\n"
        + STORY
        + "Support The Westerly\n\nFollow The Westerly\n\n"
        "© 2026 Westerly News & Media Limited. All rights reserved.\n"
    )
    assert extract_page(page).source == "The Westerly"


def test_a_provider_under_the_story_is_not_the_site() -> None:
    page = (
        "Ferry service to start in spring\n\n"
        + STORY
        + "Explore further\n\nFerry pier grows\n\nProvided by Harbour Ferries Agency\n\n"
        "Citation: Ferry service to start in spring (2026, March 2) retrieved 3 March 2026 "
        "from https://kestrelwire.example/news/ferry.html\n\n"
        "This document is subject to copyright. No part may be reproduced without leave.\n\n"
        "© Kestrelwire 2003 - 2026\n"
    )
    assert extract_page(page).source == "Kestrelwire"


def _real(path: str) -> Path:
    found = SHARED / path
    if not found.exists():
        pytest.skip("../shared is not present")
    return found


@pytest.mark.parametrize(
    ("path", "outlet"),
    [
        ("realworld/text/thesun-bubonic-plague.txt", "The Sun"),
        ("realworld/text/thesun-bubonic-plague.from_headline.txt", "The Sun"),
        ("realworld/text/theverge-star-trek-hawley.txt", "The Verge"),
        ("realworld/text/nature-fast-telescope.txt", "Nature"),
        ("realworld/text/thehill-meth-campaign.txt", "The Hill"),
        ("realworld/text/timesofisrael-montoya-lewis.txt", "The Times of Israel"),
        ("realworld/text/nbcnews-omar-threat-plea.txt", "NBC News"),
        (
            "realworld-peer/aeb/text/"
            "e1c7023ee2148901b086256fdd30a0893d10b0720b510d5ff07a021109347266.txt",
            "Phys.org",
        ),
    ],
)
def test_real_text_copies_name_their_site(path: str, outlet: str) -> None:
    assert load_file(_real(path)).items[0].source == outlet
