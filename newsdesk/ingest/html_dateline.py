"""The dateline an HTML page sets in its signature block rather than in the story's text.

Spanish and Portuguese sites print where a story was filed beside the byline and
the date, not at the head of its first paragraph: `<span class="c-signature__location">São
Paulo</span>` after the author, or `<span>Valencia</span> - <time>15 ene 2025</time>`.
Such a place is the dateline when the text has none. Only a place the gazetteer knows
counts, and only beside the byline or the date: a "location" elsewhere on a page is a
weather box's or an event's.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsdesk.extract.dateline import lone_place
from newsdesk.extract.placenames import is_known_place_name
from newsdesk.ingest.html_nodes import node_classes, node_text

#: Classes that name the place a story was filed from, in the languages newsdesk reads.
_PLACE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:location|place|dateline|city|ort|lugar|local|localidade|ciudad|luogo"
    r"|lieu|ville)(?:$|[\s_-])",
    re.I,
)
#: Classes of the block that signs a story: its byline, author or signature.
_SIGNATURE_CLASS = re.compile(r"byline|author|signature|firma|autor|assinatura|credit", re.I)
#: How far up from a place element its signature block is looked for.
_SIGNATURE_DEPTH = 2
#: The <time> elements of the story looked at (the first is the story's own date).
_TIMES = 2
#: What sets a place apart from the date after it ("Valencia - 15 ene 2025", "Lima |").
_SEPARATORS = re.compile(r"[|·•\n]")


def signature_place(tree: etree._Element) -> str | None:
    """The place a page's signature block says the story was filed from, or None."""
    root = _story_root(tree)
    for element in root.iter():
        if isinstance(element.tag, str) and _PLACE_CLASS.search(node_classes(element)):
            place = lone_place(node_text(element))
            if place and _beside_signature(element):
                return place
    for time in [t for t in root.iter("time")][:_TIMES]:
        place = _place_before(time)
        if place:
            return place
    return None


def _story_root(tree: etree._Element) -> Any:
    for tag in ("article", "main"):
        found = tree.find(f".//{tag}")
        if found is not None:
            return found
    return tree


def _beside_signature(element: Any) -> bool:
    """The element sits in (or beside) the byline or the date of the story."""
    node = element
    for _ in range(_SIGNATURE_DEPTH):
        node = node.getparent()
        if node is None:
            return False
        if _SIGNATURE_CLASS.search(node_classes(node)) or node.find(".//time") is not None:
            return True
    return False


def _place_before(time: Any) -> str | None:
    """The place printed just before a <time> element in the same line of the header."""
    parent = time.getparent()
    if parent is None:
        return None
    pieces = [parent.text or ""]
    for child in parent:
        if child is time:
            break
        if isinstance(child.tag, str):
            pieces.append("".join(child.itertext()))
        pieces.append(child.tail or "")
    before = _SEPARATORS.split("".join(pieces))[-1].strip().rstrip(" -–—,")
    # Known places only: a word in capitals before the date is as often a label ("LIVE").
    return lone_place(before) if before and is_known_place_name(before) else None
