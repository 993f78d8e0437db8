"""Extraction: from a page's text to headline, byline, dateline, dates, entities, quotes.

Two entry points, used by every importer:

- `extract_page(text, hints)`: a plain-text copy of a web page (navigation,
  captions and site boilerplate included) -> a filled `Extracted`.
- `enrich(meta)`: fill what can be derived from an already-clean body
  (entities, quotes, language, word count) without touching what is set.

`hints` carries what a structured format already knows (HTML meta tags, feed
fields, front matter); extraction keeps those values unless they are clearly
not what they claim (a site name given as the headline, say).
"""

from __future__ import annotations

from newsdesk.model import Extracted


def extract_page(
    text: str, hints: Extracted | None = None, *, main_text: bool = False
) -> Extracted:
    """Extract an article from the visible text of a page, in reading order.

    `main_text`: the text is already an article's main text (an HTML page's,
    a feed item's), so short lines are kept and no run of them ends the body.
    """
    from newsdesk.extract.page import extract_page as _extract_page

    return _extract_page(text, hints, main_text=main_text)


def enrich(meta: Extracted) -> Extracted:
    """Fill entities, quotes, language and word count from `meta.body`."""
    from newsdesk.extract.page import enrich as _enrich

    return _enrich(meta)
