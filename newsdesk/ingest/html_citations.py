"""A scholarly page's author tags: its own (Highwire / Google Scholar `citation_author`), and
the references list's, whose authors wrote other works."""

from __future__ import annotations

import re

from lxml import etree

#: A references list's item or section.
_REFERENCES = re.compile(r"\b(?:citation|references?|bibliograph\w*)", re.I)


def cited(element: etree._Element) -> bool:
    """`element` sits in a references list (microdata `itemprop="citation"`, a section classed
    "references" or "bibliography")."""
    for above in element.iterancestors():
        if _REFERENCES.search(f"{above.get('itemprop') or ''} {above.get('class') or ''}"):
            return True
    return False


def scholar_name(value: str) -> str:
    """A `citation_author`, often "Last, First", as printed ("First Last")."""
    last, comma, first = value.partition(",")
    if comma and first.strip() and "," not in first and len(last.split()) <= 3:
        return f"{first.strip()} {last.strip()}"
    return value
