"""A page's lede stays in its body, and a description that is the lede cut short is no dek.

A lede printed as loose text before the first `<br>` was lost; a description that is the
start of the lede cut with "...", under a dateline or not, stood in as the standfirst.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.model import Extracted

LEDE = (
    "The harbour board of Marrowby voted on Monday to close the old ferry pier for two years "
    "while engineers rebuild its pilings, according to minutes seen by the Gazette. A "
    "spokeswoman declined to comment further."
)
PARAS = [
    "Engineers found last spring that the timber pilings under the pier had rotted through "
    "in several places, and the board was told that repairs could no longer wait.",
    "Ferry passengers will board from a temporary pontoon at the fish quay, a short walk "
    "from the old pier, from the start of next month until the works are finished.",
    "The board expects the rebuilt pier to open to foot passengers first and to vehicles a "
    "few months later, once the new ramp has been tested under load.",
]


def _html(head: str, article: str) -> bytes:
    return (
        f"<html><head><title>Ferry pier to close for two years</title>{head}</head><body>"
        f"<div class='page'><div class='teasers'><p>{PARAS[2]} Read more in our earlier "
        f"coverage of the harbour and its plans.</p></div>{article}</div></body></html>"
    ).encode()


#: Teasers in a sidebar, their words of no matter: their lengths steer trafilatura to read the
#: page's <p>s one by one, the way it lost a real page's loose lede.
FILLER = (
    "the harbour trust says ferries will run from the quay while the works go on and that "
    "the cost of the new pilings is shared with the county, which approved it in May "
) * 4
TEASER_LENGTHS = (191, 149, 96, 140, 44, 77)


def _teasers(lengths: tuple[int, ...]) -> str:
    return "".join(
        f"<li><div class='text'><a href='/g{i}'><p>{FILLER[:n]}</p></a></div></li>"
        for i, n in enumerate(lengths)
    )


def _loose_page(head: str, story: str) -> bytes:
    """A page whose `story` stands beside those teasers, the way a real page lost its lede."""
    return (
        f"<html><head><title>Ferry pier to close for two years</title>{head}</head><body>"
        "<div id='main'><div id='columns'><div id='content'><div class='article'>"
        f"{story}</div></div><div id='right'><ul>{_teasers(TEASER_LENGTHS)}</ul></div></div>"
        f"<div id='foot'><p>{FILLER[:257]}</p></div></div></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "between", ["", "<br><img src='p.jpg'><center><em>The old pier at low tide</em></center> <br>"]
)
def test_a_lede_set_apart_by_breaks_is_kept(between: str) -> None:
    # An old CMS prints the story as loose text parted by <br>s, its lede straight in the
    # div; the description is the lede cut short. The lede was lost, the cut copy the dek.
    # A picture and its caption may stand between the lede and the next paragraph.
    cut = LEDE[:120].rsplit(" ", 1)[0] + ",..."
    page = _loose_page(
        f'<meta name="description" content="{cut}">',
        f"<div class='content'>{LEDE} <br>{between}{PARAS[0]}</div>",
    )
    [found] = load_bytes(page, "p.html").items
    assert found.body.count("The harbour board of Marrowby") == 1


def test_a_cut_description_of_a_lede_under_a_dateline_is_no_dek() -> None:
    cut = LEDE[:80].rsplit(" ", 1)[0] + "..."
    paras = "".join(f"<p>{p}</p>" for p in [f"MARROWBY (Gazette) - {LEDE}", *PARAS])
    page = _html(
        f'<meta name="description" content="{cut}">',
        f"<article><h1>Ferry pier to close for two years</h1>{paras}</article>",
    )
    [found] = load_bytes(page, "p.html").items
    assert found.dek is None
    assert found.body.startswith("MARROWBY (Gazette) - The harbour board")


def test_a_description_that_is_the_lede_keeps_the_lede_in_the_body() -> None:
    paras = "".join(f"<p>{p}</p>" for p in [LEDE, *PARAS])
    page = _html(
        f'<meta name="description" content="{LEDE}">',
        "<article><h1>Ferry pier to close for two years</h1><div class='byline'>By Ann "
        f"Teller</div><figure><img src='p.jpg'></figure>{paras}</article>",
    )
    [found] = load_bytes(page, "p.html").items
    assert found.body.startswith("The harbour board of Marrowby voted on Monday")


@pytest.mark.realworld
@pytest.mark.parametrize(
    ("path", "opening"),
    [
        (
            "realworld-peer/aeb/html/232a43fb15abde807427b2a7bf4f772e27b8760554370956d8291df4e8166dbf.html.gz",
            "Following the 16-inch MacBook Pro, Apple plans",
        ),
        ("realworld/html/reuters-markets-oil.html.gz", "NEW YORK (Reuters) - Oil prices"),
    ],
)
def test_real_pages_keep_the_lede_and_no_cut_description(
    shared_item: Callable[[str], Extracted], path: str, opening: str
) -> None:
    item = shared_item(path)
    assert item.body.startswith(opening)
    assert item.dek is None


@pytest.mark.parametrize("container", ["td", "div"])
def test_a_site_s_welcome_over_the_story_in_the_same_cell_is_no_lede(container: str) -> None:
    """A cell whose own text is the site's welcome, then a <br> and the whole story in blocks
    below: the welcome was put back as the story's first paragraph."""
    welcome = (
        "Welcome to the Valley Gazette, the trusted source of local news for everyone in the "
        "valley since 1998."
    )
    story = "".join(f"<p>{p}</p>" for p in [LEDE, *PARAS])
    cell = (
        f"<{container} class='main'>{welcome}<br><h1>Ferry pier to close for two years</h1>"
        f"<div class='story'>{story}</div></{container}>"
    )
    page = f"<html><head><title>Ferry pier</title></head><body>{cell}</body></html>"
    if container == "td":
        page = page.replace(cell, f"<table><tr>{cell}</tr></table>")
    [found] = load_bytes(page.encode(), "p.html").items
    assert found.body.startswith(LEDE)
    assert "Valley Gazette" not in found.body


def test_a_lede_ended_by_an_empty_paragraph_goes_back_before_the_subheading_under_it() -> None:
    """A lede closed by `<p></p>`, a subheading and a picture under it: the lede went back
    after the subheading, inside the story's first section."""
    page = _loose_page(
        "",
        f"<section class='content'>{LEDE}<p></p><h2>The works</h2><a href='/x'>"
        f"<img src='p.jpg'></a>{PARAS[0]}<br>{PARAS[1]}</section>",
    )
    [found] = load_bytes(page, "p.html").items
    assert found.body.count("The harbour board of Marrowby") == 1
    assert found.body.index("The harbour board of Marrowby") < found.body.index("The works")
