"""A page's related stories: the headline links of its "Related" boxes, kept out of the body.

A box is related by its class ("related-posts", "jp-relatedposts", "read-more") or by
the heading it opens with ("Read more", "Mehr zum Thema", "Leggi anche", "More from
Opinion": the same multilingual list the text copies use); a box headed "Most read" or
"Trending" is the site's, whatever its class says.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from newsdesk.extract.list_headings import link_list_marker, popular_list_marker
from newsdesk.ingest.html_nodes import node_classes, node_text
from newsdesk.model import Link

_RELATED_CLASS = re.compile(
    r"(?:^|[\s_-])(?:related\w*|more-?on|see-?also|read-?more|further-?reading|recommended)"
    r"(?:$|[\s_-])",
    re.I,
)
#: A box outside the article that is about it: its related stories, not the site's
#: recommendations (a "recommended" rail there is the site's, often an ad network's).
_RELATED_RAIL = re.compile(
    r"(?:^|[\s_-])(?:related\w*|more-?on|see-?also|read-?more|further-?reading)(?:$|[\s_-])",
    re.I,
)
# Labels some sites put inside a related link's text.
_LINK_LABEL = re.compile(
    r"^(?:related|video|audio|gallery|watch|listen|read\s+more|more\s+on|see\s+also)\b[:\s]*", re.I
)
#: Icon glyphs (private use) and the arrows and bars some sites set around a title.
_MARKS = re.compile("[\ue000-\uf8ff]+")
#: At most this many related links are kept from one page.
MAX_LINKS = 20
_HEADINGS = ("h2", "h3", "h4", "h5", "h6", "strong", "header")
#: Elements outside the article whose boxes are the site's, not the story's.
_SITE_FURNITURE = ("nav", "footer", "header")


def related_links(root: etree._Element, base: str | None) -> list[Link]:
    """Headline links in the story's "Related" boxes; a page that has none in its
    <article> may set them beside it (`<aside class="related-rail">`)."""
    links = _box_links(_boxes(root, _RELATED_CLASS), base)
    if links or root.tag not in ("article", "main"):
        return links
    page = root.getroottree().getroot()
    rails = [
        box
        for box in _boxes(page, _RELATED_RAIL)
        if not any(a is root or a.tag in _SITE_FURNITURE for a in box.iterancestors())
    ]
    return _box_links(rails[:3], base)


def _heading(box: etree._Element) -> str:
    """The text of the heading a box opens with ("" when it has none)."""
    for element in box.iter(*_HEADINGS):
        return node_text(element)
    return ""


def _boxes(root: etree._Element, kind: re.Pattern[str]) -> list[etree._Element]:
    """Boxes related by class, then boxes related by their heading; outermost only."""
    found = [e for e in root.iter() if isinstance(e.tag, str) and kind.search(node_classes(e))]
    for heading in root.iter(*_HEADINGS):
        text = node_text(heading)
        if len(text) > 60 or not link_list_marker(text):
            continue
        # The heading's box, else the list right after it: a box of links, not a
        # story that happens to hold a "Related" heading among its paragraphs.
        for box in (heading.getparent(), heading.getnext()):
            if box is not None and box is not root and _mostly_links(box, heading):
                found.append(box)
                break
    kept: list[etree._Element] = []
    for box in found:
        if any(box is k or any(a is k for a in box.iterancestors()) for k in kept):
            continue
        if popular_list_marker(_heading(box)):
            continue  # "Most read", "Trending": the site's list, not this story's
        kept.append(box)
    return kept


#: A box of links: at most this much text, most of it the links' own.
_BOX_CHARS = 2000
_LINK_SHARE = 0.6


def _mostly_links(box: etree._Element, heading: etree._Element) -> bool:
    text = len(node_text(box)) - (len(node_text(heading)) if box is not heading else 0)
    linked = sum(len(node_text(a)) for a in box.iter("a"))
    return 0 < text <= _BOX_CHARS and linked >= _LINK_SHARE * text


def _box_links(boxes: list[etree._Element], base: str | None) -> list[Link]:
    links: list[Link] = []
    seen: set[str] = set()
    for box in boxes:
        # The elements themselves, not their id(): lxml makes a new Python object for a node
        # each time it is reached, and one freed leaves its id to the next (a heading's
        # link matched a story link by chance, differently from run to run).
        headings = {e for h in box.iter(*_HEADINGS) for e in h.iter("a")}
        for anchor in box.iter("a"):
            if anchor in headings:
                continue  # the box's own heading ("More In Dubai Airshow"), not a story
            title = _LINK_LABEL.sub("", _MARKS.sub("", node_text(anchor))).strip(" |>»›·•-–—")
            # Story headlines, not "More on Amazon" or "Forgot your password?".
            if len(title.split()) < 4 or title.casefold() in seen:
                continue
            seen.add(title.casefold())
            href = (anchor.get("href") or "").strip()
            url = urljoin(base, href) if base and href else href
            links.append(Link(title=title, url=url if re.match(r"https?://", url, re.I) else None))
            if len(links) >= MAX_LINKS:
                return links
    return links
