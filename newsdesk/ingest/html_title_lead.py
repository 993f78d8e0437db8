"""The site and section names a `<title>` sets before the headline ("Site :: News :: Headline").

Most `<title>`s end with the site ("Headline | Site"), which `strip_site_suffix`
cuts; older CMSs and some portals lead with it instead, often followed by the
section. The lead is cut only on the page's own word: when what follows it is the
headline the page shows (a heading, a bold line, an element named for the title),
or when its first part is the site's name (stated, borne out by the host, on the
copyright line or in the logo) and the parts after it are sections.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsdesk.ingest.html_headline import TITLE_SEPARATORS, fold, headline_length
from newsdesk.ingest.html_masthead import is_masthead, masthead_names
from newsdesk.ingest.html_nodes import node_classes, node_text
from newsdesk.ingest.site_names import SECTION_WORDS, names_site, rights_text

#: A part of the lead names a site or a section in a few words, not a sentence.
LEAD_PART_WORDS = 5
#: Tags and classes of the elements a page sets its headline in when it has no <h1>.
_HEADLINE_TAGS = frozenset(["h1", "h2", "h3", "h4", "b", "strong", "font", "big"])
_HEADLINE_CLASS = re.compile(r"(?:^|[\s_-])(?:title|headline|heading|head)(?:$|[\s_-])", re.I)
#: A shown headline is one line; a longer element is a story or a box.
MAX_SHOWN_CHARS = 300
#: Elements and links looked at: the headline stands near the top of the page.
_SCAN = 5000
#: Containers of the site's furniture, whose bold lines are no headline.
_FURNITURE_TAGS = frozenset(["nav", "footer", "aside", "form", "a"])
_FURNITURE_CLASS = re.compile(r"footer|copyright|colophon|site-?info|menu|breadcrumb", re.I)


def strip_title_lead(
    title: str, tree: etree._Element, site: str | None, url: str | None
) -> tuple[str, bool]:
    """`title` without the site and section names it opens with, when the page bears
    them out, else `title` as it is; and whether the page shows the result as its
    headline (then no part of it is a site's suffix either)."""
    if len(title) > 400:
        return title, False
    separators = list(TITLE_SEPARATORS.finditer(title))
    if not separators:
        return title, False
    shown: set[str] | None = None
    for separator in separators:
        lead, rest = title[: separator.start()], title[separator.end() :].strip()
        if not _lead_like(lead) or not headline_length(rest):
            break
        if _names_the_site(rest, tree, site, url):
            continue
        shown = _shown_headlines(tree) if shown is None else shown
        if fold(rest) in shown:
            return rest, True
    first, last = title[: separators[0].start()], title[separators[-1].end() :]
    if not _lead_like(first) or not _names_the_site(first, tree, site, url):
        return title, False
    if _names_the_site(last, tree, site, url):
        return title, False  # both ends name the site: the usual "Headline | Site" wins
    shown = _shown_headlines(tree) if shown is None else shown
    if fold(first) in shown:
        return title, False  # the page shows its first part as its headline
    cut = separators[0]
    links = _link_texts(tree)
    for separator in separators[1:]:
        part = title[cut.end() : separator.start()]
        if not _section(part, links):
            break
        cut = separator
    rest = title[cut.end() :].strip()
    # The site's name is evidence enough for a short headline ("Tolls rise").
    return (rest, False) if len(rest.split()) >= 2 else (title, False)


def _lead_like(lead: str) -> bool:
    """Every part of `lead` is short enough to name a site or a section."""
    parts = TITLE_SEPARATORS.split(lead)
    return all(0 < len(part.split()) <= LEAD_PART_WORDS for part in parts)


def _names_the_site(text: str, tree: etree._Element, site: str | None, url: str | None) -> bool:
    """`text` is the site's name: stated, borne out by the host, on the copyright line
    ("© 2026 Rivermouth Echo Ltd") or shown by the logo."""
    key = fold(text)
    if not key or key in SECTION_WORDS:
        return False
    return (
        names_site(text, site, url) or key in rights_text(tree) or key in masthead_names(tree, url)
    )


def _section(part: str, links: set[str]) -> bool:
    """A part of the lead that names a section: a usual one, or a link of the page's menu."""
    key = fold(part)
    return (
        bool(key) and len(key.split()) <= LEAD_PART_WORDS and (key in SECTION_WORDS or key in links)
    )


def _link_texts(tree: etree._Element) -> set[str]:
    texts: set[str] = set()
    for count, link in enumerate(tree.iter("a")):
        if count > _SCAN:
            break
        key = fold(node_text(link))
        if key and len(key.split()) <= LEAD_PART_WORDS:
            texts.add(key)
    return texts


def _shown_headlines(tree: etree._Element) -> set[str]:
    """The folded texts of the elements that may show the page's headline: headings, bold
    or large type, elements named for a title; none in a menu, a footer or the logo."""
    body = tree.find(".//body")
    found: set[str] = set()
    for count, element in enumerate((body if body is not None else tree).iter()):
        if count > _SCAN:
            break
        if not _headline_element(element):
            continue
        text = node_text(element)
        if text and len(text) <= MAX_SHOWN_CHARS:
            found.add(fold(text))
    return found


def _headline_element(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return False
    if element.tag not in _HEADLINE_TAGS and not _HEADLINE_CLASS.search(node_classes(element)):
        return False
    if any(
        a.tag in _FURNITURE_TAGS or _FURNITURE_CLASS.search(node_classes(a))
        for a in [element, *element.iterancestors()]
    ):
        return False
    return not is_masthead(element)
