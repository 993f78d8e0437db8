"""The page's masthead: the elements that show the site's logo or name, not a story.

Shared by the headline readers (a logo set in an `<h1>` is no headline) and the
outlet reader (a `<title>` part the logo shows is the outlet's name).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from newsdesk.ingest.html_headline import fold
from newsdesk.ingest.html_nodes import node_classes, node_text

#: Classes and ids of the elements that hold a site's logo or name.
_LOGO = re.compile(r"logo|brand|site-?(?:title|name)|masthead|blog-?(?:title|name)", re.I)

#: How far up from an element a logo's container is looked for.
_LOGO_DEPTH = 3

#: A masthead names the site in a few words; a longer text there is a slogan or a menu.
MASTHEAD_WORDS = 8

#: Elements looked at for the masthead: it stands at the top of the page.
_MASTHEAD_SCAN = 3000


def in_logo(element: Any) -> bool:
    """The element or one of its near containers is named for the site's logo or name."""
    for depth, node in enumerate([element, *element.iterancestors()]):
        if depth > _LOGO_DEPTH:
            return False
        if _LOGO.search(node_classes(node)):
            return True
    return False


def links_home(element: Any) -> bool:
    """All of the element is one link to the site's front page: a masthead set as a
    heading."""
    links = [a for a in element.iter("a") if node_text(a)]
    # Or the heading set inside the link: `<a href="/"><h1>Site</h1></a>`.
    parent = element.getparent()
    if not links and parent is not None and parent.tag == "a":
        links = [parent]
    if len(links) != 1 or node_text(links[0]) != node_text(element):
        return False
    return urlsplit(links[0].get("href") or "").path in ("", "/")


def _home_link(link: Any, host: str) -> bool:
    """A link to this site's front page ("/", "https://host/"), not to a place on this
    page ("#comments"), a query ("?share=twitter") or another site's front page."""
    href = (link.get("href") or "").strip()
    parts = urlsplit(href)
    if not href or parts.path not in ("", "/") or parts.query or parts.fragment:
        return False
    return not parts.netloc or _bare_host(parts.netloc) == host


def _bare_host(netloc: str) -> str:
    return netloc.casefold().rsplit("@", 1)[-1].split(":")[0].removeprefix("www.")


def is_masthead(element: Any) -> bool:
    """The element shows the site's logo or name: in a logo's box, or one link home."""
    return in_logo(element) or links_home(element)


def masthead_names(tree: etree._Element, url: str | None) -> set[str]:
    """The site names the page's logo shows (its text, or its image's alt text), folded:
    elements named for a logo, and links to the front page of the page's site (`url`'s
    host; without one, relative links)."""
    host = _bare_host(urlsplit(url).netloc) if url else ""
    names: set[str] = set()
    for count, element in enumerate(tree.iter()):
        if count > _MASTHEAD_SCAN:
            break
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "head"):
            continue
        if not _LOGO.search(node_classes(element)) and not (
            element.tag == "a" and _home_link(element, host)
        ):
            continue
        texts = [node_text(element)] + [img.get("alt") or "" for img in element.iter("img")]
        for text in texts:
            key = fold(text)
            if key and len(key.split()) <= MASTHEAD_WORDS:
                names.add(key)
    return names


#: Text that says whose the site is: "© 2019 Condé Nast", "Copyright ...", "All rights reserved".
_COPYRIGHT_TEXT = etree.XPath(
    "//body//text()[contains(., '©') or contains(., 'opyright')"
    " or contains(., 'ights reserved') or contains(., 'ights Reserved')]"
)


def publisher_names(tree: etree._Element, names: list[str]) -> list[str]:
    """Those of `names` the page's copyright lines name: the publisher, not a writer.

    `<meta name="author" content="Condé Nast">` on a Wired story names the company that owns
    the site; its copyright line ("© 2019 Condé Nast. All rights reserved") says so.
    """
    lines = [f" {fold(str(text))} " for text in _COPYRIGHT_TEXT(tree)[-20:]]
    return [
        name for name in names if (key := fold(name)) and any(f" {key} " in line for line in lines)
    ]
