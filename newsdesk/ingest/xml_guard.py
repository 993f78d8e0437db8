"""Refuse XML that could expand or fetch entities, before any XML parser sees it.

Entity declarations (the "billion laughs" expansion, external entities that
read local files or fetch URLs) only live in a DOCTYPE's internal subset.
Documents that declare any are refused outright; a DOCTYPE without them is
removed, so no parser ever loads an external DTD either.
"""

from __future__ import annotations

import re

from newsdesk.ingest.result import Rejected

# The prolog region: declaration, processing instructions, comments, whitespace.
_LEAD = re.compile(r"\A(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.S)
_DOCTYPE_START = re.compile(r"<!DOCTYPE\b", re.I)
_ENTITY = re.compile(r"<!ENTITY\b", re.I)
_XML_DECL_ENCODING = re.compile(
    r"""\A(\s{0,100}<\?xml[^>]{0,200}?)\s+encoding\s*=\s*["'][^"']*["']""", re.S
)
#: A DOCTYPE (with its internal subset) longer than this is refused unread.
MAX_DOCTYPE_CHARS = 1024 * 1024


def _doctype_span(text: str) -> tuple[int, int] | None:
    """Start and end of the DOCTYPE declaration before the root element, if any."""
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    if not _DOCTYPE_START.match(text, start):
        return None
    depth = 0
    quote = ""
    end = min(len(text), start + MAX_DOCTYPE_CHARS)
    for index in range(start + 9, end):
        ch = text[index]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == ">" and depth == 0:
            return start, index + 1
    if end < len(text):
        raise Rejected("malformed XML: DOCTYPE declaration too long or never closed")
    return start, len(text)


def check_entities(text: str) -> None:
    """Raise `Rejected` when the document's DOCTYPE declares entities."""
    span = _doctype_span(text)
    if span is not None and _ENTITY.search(text, span[0], span[1]):
        raise Rejected(
            "unsafe XML: the DOCTYPE declares entities (entity expansion or external "
            "entity attack); refused without parsing"
        )
    if span is None and _ENTITY.search(text[:65536]) and "<!DOCTYPE" in text[:65536].upper():
        # A DOCTYPE hidden behind something our prolog scan did not expect.
        raise Rejected("unsafe XML: entity declarations found; refused without parsing")


def strip_doctype(text: str) -> str:
    """The document without its DOCTYPE (after `check_entities` has passed)."""
    span = _doctype_span(text)
    if span is None:
        return text
    return text[: span[0]] + text[span[1] :]


def as_utf8_xml(text: str) -> bytes:
    """UTF-8 bytes whose XML declaration, if any, no longer names another encoding."""
    return _XML_DECL_ENCODING.sub(r"\1", text, count=1).encode("utf-8")
