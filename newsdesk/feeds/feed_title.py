"""A feed's own title (its channel's `<title>`, a JSON Feed's `"title"`), read from its text.

The importer gives each item an outlet (`Extracted.source`): for an aggregator
(Google Alerts, a planet) that is each item's own site, so the most common one
named the whole subscription after one of the sites it carries. A subscription
takes the feed's own title; this reads it without parsing the feed again.
"""

from __future__ import annotations

import html
import json
import re

from newsdesk.sanitize import clean_line

#: The channel's title comes before its items; no further is read.
HEAD_CHARS = 64 * 1024
MAX_TITLE_CHARS = 200
#: Elements of a channel with a `<title>` of their own (RSS `<image>`, `<textInput>`).
_ASIDES = ("image", "textInput", "textinput")
_CDATA = re.compile(r"<!\[CDATA\[(.*?)\]\]>", re.S)
_TAG = re.compile(r"<[^<>]*>")


def own_title(text: str) -> str | None:
    """The title the feed gives itself, as plain text; None when it gives none."""
    if text.lstrip()[:1] == "{":
        return _json_title(text)
    head = text[:HEAD_CHARS]
    head = head[: _first_item(head)]
    pos = 0
    # Plain string searches, not one regex: an unclosed tag repeated many times cost
    # a pattern's backtracking a scan of the rest of the text each.
    while (start := head.find("<title", pos)) >= 0:
        end = head.find(">", start)
        if end < 0:
            return None
        pos = end
        if head[start + 6 : start + 7] not in (" ", "\t", "\r", "\n", ">", "/"):
            continue  # <titleSomething>
        if head[end - 1] == "/":
            continue  # <title/>: empty
        close = head.find("</title", end)
        if close < 0:
            return None
        pos = close
        if _inside_aside(head, start):
            continue
        title = _plain(head[end + 1 : close])
        if title:
            return title
    return None


def _first_item(head: str) -> int:
    """Where the first `<item>` or `<entry>` opens (the end of `head` if none does)."""
    first = len(head)
    for name in ("<item", "<entry"):
        pos = 0
        while (found := head.find(name, pos, first)) >= 0:
            after = head[found + len(name) : found + len(name) + 1]
            if after and after in " \t\r\n>/":
                first = found
                break
            pos = found + 1  # <items> (RSS 1.0's list of items), <entryFoo>
    return first


def _inside_aside(head: str, at: int) -> bool:
    """Whether position `at` lies inside an `<image>` or `<textInput>` element."""
    opened = max(head.rfind(f"<{name}", 0, at) for name in _ASIDES)
    if opened < 0:
        return False
    closed = max(head.rfind(f"</{name}", 0, at) for name in _ASIDES)
    tag_end = head.find(">", opened)
    return closed < opened and not (tag_end >= 0 and head[tag_end - 1] == "/")


def _plain(raw: str) -> str:
    """An element's text: CDATA as it is, entities read, markup (Atom's type="html",
    an escaped `<b>`) dropped, spacing and control characters tidied."""
    parts: list[str] = []
    pos = 0
    for match in _CDATA.finditer(raw):
        parts.append(html.unescape(raw[pos : match.start()]))
        parts.append(match.group(1))
        pos = match.end()
    parts.append(html.unescape(raw[pos:]))
    text = "".join(parts)
    if "<" in text:
        text = html.unescape(_TAG.sub("", text))
    return " ".join(clean_line(text).split())[:MAX_TITLE_CHARS]


def _json_title(text: str) -> str | None:
    try:
        document = json.loads(text)
    except ValueError:
        return None
    title = document.get("title") if isinstance(document, dict) else None
    if not isinstance(title, str):
        return None
    return " ".join(clean_line(title).split())[:MAX_TITLE_CHARS] or None  # plain text
