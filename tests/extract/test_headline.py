"""Headlines: the real title, never navigation, a breadcrumb, a section label or the site name."""

from __future__ import annotations

from newsdesk.extract.headline import find_headline, strip_site_suffix, title_shaped
from newsdesk.extract.lines import split_lines

BODY = (
    "Ferry operators on the northern route cancelled every sailing on Monday after gusts of more "
    "than 100 kilometres an hour battered the coast, the harbour authority said.\n\n"
    "Passengers waiting at the terminal were offered hotel rooms, and the operators said services "
    "would resume once the wind dropped below the safety limit on Tuesday.\n\n"
)


def _headline(text: str) -> str | None:
    choice = find_headline(split_lines(text))
    return choice.text if choice else None


def test_headline_under_navigation() -> None:
    page = (
        "Skip to content\nThe Harbour Gazette\nHome » News » Transport\n- News\n- Sport\n- Weather\n"
        "TRANSPORT\n\nStorm halts northern ferries for a second day\n\n"
        "By Ines Lopes\n14 March 2025\n\n" + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_headline_with_standfirst_and_byline() -> None:
    page = (
        "Live updates\n\nStorm halts northern ferries for a second day\n\n"
        "Operators say services should resume on Tuesday once winds ease along the coast\n\n"
        "By Ines Lopes\n\n" + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_headline_not_a_photo_caption() -> None:
    page = (
        "Storm halts northern ferries for a second day\n\n"
        "Waves break over the harbour wall on Monday. Photo: Ivo Mares/Northern Wire\n\n"
        "By Ines Lopes\n\n" + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_site_name_line_is_not_the_headline() -> None:
    page = (
        "Northern Wire Service\nBusiness | 14 March 2025\n\nStorm halts northern ferries for a second day\n\nBy Ines Lopes\n\n"
        + BODY
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"


def test_breadcrumbs_and_labels_are_not_title_shaped() -> None:
    assert not title_shaped("Home » News » Transport")
    assert not title_shaped("TECHNOLOGY")
    assert not title_shaped("Live updates")
    assert not title_shaped("By Ines Lopes")
    assert title_shaped("Storm halts northern ferries for a second day")


def test_strip_site_suffix() -> None:
    assert (
        strip_site_suffix("Storm halts northern ferries - Harbour Gazette")
        == "Storm halts northern ferries"
    )
    assert strip_site_suffix("Storm halts northern ferries") == "Storm halts northern ferries"


def test_no_headline_in_empty_text() -> None:
    assert find_headline([]) is None
    assert find_headline(["", "  "]) is None


def test_headline_over_several_standfirst_lines() -> None:
    page = (
        "Menu\nNews\n\nStorm halts northern ferries for a second day as operators count the cost of cancelled sailings\n\n"
        "Operators say services should resume on Tuesday once the wind drops\n\n"
        "Passengers were offered hotel rooms at the terminal overnight\n\n"
        "By Ines Lopes\n\n" + BODY
    )
    assert _headline(page) == (
        "Storm halts northern ferries for a second day as operators count the cost of cancelled sailings"
    )


def test_related_headline_after_the_story_is_not_the_title() -> None:
    teasers = "".join(
        f"Council votes on new harbour fees number {n}\n\n14 March 2025, 7:5{n}pm\n\n"
        for n in range(3)
    )
    page = (
        "News\n\nStorm halts northern ferries for a second day\n\nOur Transport Staff\n\n"
        "14 March 2025 • 9:15am\n\n" + BODY + BODY + "More stories\n\n" + teasers
    )
    assert _headline(page) == "Storm halts northern ferries for a second day"
