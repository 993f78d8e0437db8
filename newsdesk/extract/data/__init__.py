"""Small hand-kept word lists the rule-based entity and quote extractors lean on.

Each module holds one kind of list as frozensets of plain strings; nothing here
reads files or imports heavy packages, so importing it costs microseconds.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text`: how the lists here are written."""
    return frozenset(text.split())


def name_set(text: str) -> frozenset[str]:
    """The '|'- or newline-separated names of `text`, which may hold spaces."""
    return frozenset(name.strip() for name in text.replace("\n", "|").split("|") if name.strip())
