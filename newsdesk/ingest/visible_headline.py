"""The headline the reader sees, over a metadata title that words the story another way.

Open Graph, Twitter and JSON-LD titles are often rewritten for search and social
media ("Roxy cinema Ashbury sale: Community trust buys building for £1.3m" over the
<h1> "Last single-screen cinema saved as community trust buys the Roxy"). The page's
<h1> is what an editor sees and expects, so it wins when it is plainly the article's
headline: the page's only <h1>, a headline's length, and neither the site's name nor
its logo. A page with several <h1>s (a list of stories, a masthead over the headline)
keeps its metadata title.
"""

from __future__ import annotations

from lxml import etree

from newsdesk.ingest.html_headline import WORD, fold, headline_length, prefer_visible
from newsdesk.ingest.html_masthead import is_masthead
from newsdesk.ingest.html_nodes import node_text
from newsdesk.ingest.site_names import names_site

#: A heading this short that the host bears out is the site's name ("Zoll online News").
_SITE_NAME_WORDS = 4


def shown_headline(
    tree: etree._Element, title: str, h1: str, site: str | None, url: str | None
) -> str:
    """`title` (a metadata or <title> headline) or the page's <h1>, whichever the reader
    is shown as the article's headline."""
    chosen = prefer_visible(title, h1)
    if chosen != title or not h1 or fold(h1) == fold(title):
        return chosen
    return h1 if _lone_headline(tree, h1, site, url) else chosen


def _lone_headline(tree: etree._Element, h1: str, site: str | None, url: str | None) -> bool:
    """`h1` is the text of the page's only <h1>, and reads as a headline, not a masthead."""
    elements = [e for e in tree.iter("h1") if node_text(e)]
    if len(elements) != 1 or not headline_length(h1) or " | " in h1:
        return False
    if fold(h1) == fold(site or "") or (
        len(WORD.findall(h1)) <= _SITE_NAME_WORDS and names_site(h1, site, url)
    ):
        return False
    return not is_masthead(elements[0])
