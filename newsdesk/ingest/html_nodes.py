"""Small readers of lxml elements that the HTML page modules share."""

from __future__ import annotations

from typing import Any

from newsdesk.ingest.html_text import BLOCK_TAGS
from newsdesk.sanitize import clean_line

#: Elements that start a new line when shown: their text never runs into a neighbour's
#: ("final reading" + "Bonuses banned" from two list items).
_BLOCKS = BLOCK_TAGS | {"br", "td", "th", "figcaption", "figure"}


def node_text(element: Any) -> str:
    """The element's text on one line; block elements (list items, paragraphs, line
    breaks) are set apart by a space, inline ones ("<em>", "<a>") joined as written."""
    if element is None:
        return ""
    if not any(isinstance(e.tag, str) and e.tag in _BLOCKS for e in element.iterdescendants()):
        return clean_line("".join(element.itertext()))
    parts: list[str] = []
    _walk(element, parts)
    return clean_line("".join(parts))


def _walk(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    block = tag in _BLOCKS
    if block:
        parts.append(" ")
    if tag is not None and element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append(" ")


def node_classes(element: Any) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"
