"""A lynx dump's link numbers ("By [9]Jane Doe") and its list of references: the browser's."""

from __future__ import annotations

import re

#: A lynx dump's list of the page's links, numbered, under its text ("References").
_REFERENCE_LINE = re.compile(r"^\s*(?:\d{1,5}\.\s+\S+|Hidden links:|Visible links:?)\s*$")
#: The number lynx prints before each link's text ("By [9]Jane Doe", "[15]Headline").
_LINK_MARK = re.compile(r"\[\d{1,5}\](?=\S)")


def without_references(text: str) -> str:
    """A lynx dump without its numbered list of links and the "[9]" marks that point into
    it: they are the browser's, not the page's ("By [9]Jane Doe" is signed Jane Doe).
    Text without such a list is returned as it is (a "[1]" there may be a footnote)."""
    at = text.rfind("\nReferences\n")
    if at < 0:
        return text
    rest = [line for line in text[at + len("\nReferences\n") :].split("\n") if line.strip()]
    if not rest or not all(_REFERENCE_LINE.match(line) for line in rest):
        return text
    return _LINK_MARK.sub("", text[: at + 1])
