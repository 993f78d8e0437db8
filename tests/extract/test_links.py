"""Related-link entries become Link objects."""

from __future__ import annotations

import pytest

from newsdesk.extract import extract_page
from newsdesk.extract.links import MAX_LINKS, add_link, link_from_line
from newsdesk.extract.list_headings import link_list_marker, popular_list_marker
from newsdesk.model import Link


def test_link_shapes() -> None:
    assert link_from_line("- Ferry fares to rise in April") == Link("Ferry fares to rise in April")
    assert link_from_line("2. Council approves new bus lanes") == Link(
        "Council approves new bus lanes"
    )
    assert link_from_line("[Ferry fares](https://example.org/fares)") == Link(
        "Ferry fares", "https://example.org/fares"
    )
    assert link_from_line("Ferry fares to rise https://example.org/f") == Link(
        "Ferry fares to rise", "https://example.org/f"
    )
    assert link_from_line("- ") is None


def test_add_link_dedupes_and_caps() -> None:
    links: list[Link] = []
    for n in range(MAX_LINKS + 10):
        add_link(links, f"- Story number {n}")
        add_link(links, f"- Story number {n}")
    assert len(links) == MAX_LINKS


_STORY = (
    "Harbour ferry fares to rise by a fifth in April\n\n"
    "By Ana Berg\n\n"
    "The island's ferry operator said on Monday that fares would rise by a fifth from April, "
    "blaming fuel costs and a new crew agreement.\n\n"
    "Passenger groups said the increase would hit commuters hardest and asked the regional "
    "council to step in with a subsidy before the spring timetable starts.\n\n"
)


@pytest.mark.parametrize(
    ("related", "popular"),
    [
        ("Related", "Most read"),
        ("Mehr zum Thema", "Meistgelesen"),
        ("Noticias relacionadas", "Lo más leído"),
        ("À lire aussi", "Les plus lus"),
        ("Read more:", "Trending now"),
    ],
)
def test_related_lists_are_links_popular_lists_are_dropped(related: str, popular: str) -> None:
    text = (
        _STORY
        + f"{related}\nCouncil debates ferry subsidy next week\nWhy fuel costs keep rising\n\n"
        + f"{popular}\n1. Man charged after city centre assault\n2. Snow forecast for the weekend\n"
    )
    meta = extract_page(text)
    assert [link.title for link in meta.links] == [
        "Council debates ferry subsidy next week",
        "Why fuel costs keep rising",
    ]
    assert "Snow forecast" not in meta.body and "Man charged" not in meta.body


def test_popular_list_marker_shapes() -> None:
    for line in (
        "Most popular",
        "Most read today",
        "Trending",
        "Top stories",
        "Les plus lus",
        "You may also like",
        "Recommended for you",
    ):
        assert popular_list_marker(line) and link_list_marker(line), line
    for line in ("Related", "More on this story", "More from Opinion", "Lesen Sie auch"):
        assert link_list_marker(line) and not popular_list_marker(line), line


@pytest.mark.parametrize(
    "line",
    [
        "November 19, 2026 at 5:10 pm",
        "Don't miss a story. Sign up for our morning email.",
        "Subscribe to Harbour Ledger PRO",
        "WATCH THE LEDGER LIVE BY CLICKING HERE",
        "Most Popular View all",
        "Read this next",
        "Willkommen beim Hafen-Newsletter!",
        "Ana Velasco: 555-201-3344 or avelasco@harbourledger.example",
    ],
)
def test_a_related_lists_furniture_is_no_link(line: str) -> None:
    # 29 of 505 links of the real page copies were timestamps, appeals and contact lines.
    links: list[Link] = []
    add_link(links, line)
    assert links == []


def test_a_related_story_stays_a_link() -> None:
    links: list[Link] = []
    for line in (
        "Ferry fares rise 4% for the winter season",
        "Why the port's download of tide data failed",
        "Council to vote on newsletter printing costs",
    ):
        add_link(links, line)
    assert len(links) == 3
