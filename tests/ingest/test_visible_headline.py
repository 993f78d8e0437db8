"""The page's visible <h1> over a metadata title reworded for search or social media."""

from __future__ import annotations

import pytest

from newsdesk.ingest import load_bytes
from newsdesk.ingest.html_meta import parse_document, read_page_meta

OG_TITLE = "Farms can spread sludge again, state says"
H1 = "State lets farms resume sludge spreading after well tests"
BODY = (
    "<p>Two dairy farms will be allowed to spread treated sewage sludge on their fields again "
    "after a state review found no evidence that it had reached drinking-water wells.</p>"
    "<p>The permits were suspended in October while the wells were tested, officials said, "
    "and neighbours have asked for a public hearing before spreading resumes.</p>"
)


def _page(heading: str, og_title: str = OG_TITLE) -> str:
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{og_title} | Valley Sentinel</title>"
        f'<meta property="og:title" content="{og_title}">'
        '<meta property="og:site_name" content="Valley Sentinel">'
        '<link rel="canonical" href="https://valleysentinel.example/news/sludge">'
        f"</head><body>{heading}<article>{BODY}</article></body></html>"
    )


def _title(html: str) -> str:
    tree = parse_document(html)
    assert tree is not None
    return read_page_meta(tree).title


@pytest.mark.parametrize(
    "heading",
    [
        f"<h1>{H1}</h1>",
        # Drupal sets the headline in a field inside the page title.
        f'<h1 class="page-title"><span class="field field--name-title">{H1}</span></h1>',
    ],
)
def test_the_visible_headline_beats_a_reworded_meta_title(heading: str) -> None:
    assert _title(_page(heading)) == H1


def test_the_reworded_meta_title_does_not_become_the_standfirst() -> None:
    result = load_bytes(_page(f"<h1>{H1}</h1>").encode(), "sludge.html")
    item = result.items[0]
    assert item.title == H1
    assert item.dek != H1 and item.dek != OG_TITLE


@pytest.mark.parametrize(
    "heading",
    [
        # The site's name or logo set as the page's heading.
        "<h1>Valley Sentinel</h1>",
        '<div class="site-logo"><h1>Voice of the Susquehanna Valley</h1></div>',
        '<h1><a href="https://valleysentinel.example/">Voice of the Susquehanna Valley</a></h1>',
        # A section name.
        "<h1>Local</h1>",
        # Several headings: a list of stories, or a masthead over the headline.
        f"<h1>Valley news today and tomorrow</h1><h1>{H1}</h1>",
    ],
)
def test_a_heading_that_is_no_headline_leaves_the_meta_title(heading: str) -> None:
    assert _title(_page(heading)) == OG_TITLE
