"""A live blog's entry times, kept at the start of their entries ("08:05 Sailings cancelled").

Live pages print each entry's time in its own element (`<time>`, a span named
"time" or "timestamp") beside the entry's paragraphs, where main-text detection
drops it: the body keeps the entries but not when each was posted. Before the
text is read, each such time is moved to the start of its entry's first
paragraph (or heading). Only a page with several timed entries is a live blog,
and times in comment sections, teaser lists and side boxes are left alone.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from newsdesk.ingest.html_nodes import node_classes, node_text

#: A clock time alone: "08:05", "8.05am", "12:05 p.m. ET", "16h20", "9:30 Uhr".
_CLOCK = re.compile(
    r"(?i)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}|uhr|h))?"
)
#: A line that opens with an entry's time ("08:05 Sailings ...").
_TIMED_LINE = re.compile(rf"{_CLOCK.pattern}\s")
#: `<time>` elements and those whose class holds a time word, in document order: a sieve
#: in C before the checks in Python, as nearly all of a page's elements are neither.
_TIME_NAMED = etree.XPath(
    "//time | //*[@class]["
    + " or ".join(
        f"contains(@class, '{word}')"
        for word in ("time", "Time", "clock", "hour", "heure", "hora", "zeit")
    )
    + "]"
)
#: A class holding a time word as one of its parts ("time", "entry__timestamp").
_TIME_NAME = re.compile(
    r"(?i)(?:^|[\s_-])(?:time|timestamp|clock|hour|uhrzeit|heure|hora)(?:$|[\s_-])"
)
#: Boxes of other people's words or other stories, whose times are no entry's.
_OTHER_BOXES = re.compile(
    r"comment|reply|discussion|related|teaser|sidebar|promo|recirc|most-?(?:read|viewed)"
    r"|newsletter|footer|widget",
    re.I,
)
_OTHER_TAGS = frozenset(["aside", "footer", "nav", "form"])
#: Where an entry's text starts: a paragraph or the entry's own heading.
_ENTRY_TEXT = frozenset(["p", "h2", "h3", "h4", "h5", "blockquote", "li"])
#: Blocks a time sits inline in, beside words of its own ("<p><b>08:05</b> Sailings ...").
_TEXT_BLOCKS = _ENTRY_TEXT | {"h1", "h6", "td", "dd"}
#: How far up from the time its entry's container is looked for.
ENTRY_DEPTH = 3
#: A live blog has several timed entries; one time beside a paragraph is something else.
MIN_ENTRIES = 2
#: An entry's text has words of its own, not only a link to another story.
MIN_ENTRY_WORDS = 3


def keep_entry_times(tree: etree._Element) -> int:
    """Move each live-blog entry's time into `tree` at the start of its entry; the number
    of entries timed (0 when the page is no live blog)."""
    times = [e for e in _TIME_NAMED(tree) if _time_named(e) and _entry_time(e)]
    if len(times) < MIN_ENTRIES:
        return 0
    # Elements, not their id(): lxml's object for a node is made anew once freed (a
    # parent's id could name another parent by the time it was looked up again).
    timed = set(times)
    boxes: dict[Any, bool | None] = {}
    pairs = []
    for time in times:
        target = _entry_text(time, timed)
        if target is not None and _heads_entry(time, timed, boxes):
            pairs.append((time, target))
    if len(pairs) < MIN_ENTRIES:
        return 0
    for time, target in pairs:
        target.text = f"{node_text(time)} {target.text or ''}"
        time.drop_tree()  # its tail stays in place
    return len(pairs)


def _heads_entry(time: Any, timed: set[Any], boxes: dict[Any, bool | None]) -> bool:
    """The time opens its entry rather than ending it. Entries set one after another in
    one box ("time, text, time, text") tell by its end: text after the last time (`boxes`
    keeps that per box). An entry in a box of its own tells by the box: no text of the
    entry before the time."""
    parent = time.getparent()
    if parent not in boxes:
        siblings_timed = [e for e in parent if any(d in timed for d in e.iter())]
        boxes[parent] = (
            any(_has_text(e, timed) for e in siblings_timed[-1].itersiblings())
            if len(siblings_timed) > 1
            else None
        )
    heads = boxes[parent]
    if heads is not None:
        return heads
    node = time
    for _ in range(ENTRY_DEPTH):
        if any(_has_text(sibling, timed) for sibling in node.itersiblings(preceding=True)):
            return False
        if any(_has_text(sibling, timed) for sibling in node.itersiblings()):
            return True
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return False


def _time_named(element: Any) -> bool:
    """A `<time>`, or an element whose class names it a time."""
    return element.tag == "time" or _TIME_NAME.search(element.get("class") or "") is not None


def _entry_time(element: Any) -> bool:
    """A clock time shown alone in a time element, outside other boxes, not inline in a
    paragraph that has words of its own."""
    if not _CLOCK.fullmatch(node_text(element)):
        return False
    for ancestor in element.iterancestors():
        if ancestor.tag in _OTHER_TAGS:
            return False
        if _OTHER_BOXES.search(node_classes(ancestor)):
            return False
        if ancestor.tag in _TEXT_BLOCKS and node_text(ancestor) != node_text(element):
            return False  # inline beside its words: the text keeps it already
    return True


def _entry_text(time: Any, timed: set[Any]) -> Any:
    """The first paragraph (or heading) after `time` in its entry, or None when there is
    none before the next entry's time. The search climbs a few containers from the time."""
    node = time
    for _ in range(ENTRY_DEPTH):
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            if any(e in timed for e in sibling.iter()):
                return None
            target = next((e for e in sibling.iter() if _entry_block(e)), None)
            if target is not None:
                return target
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return None
    return None


def _has_text(element: Any, timed: set[Any]) -> bool:
    """An earlier block of the entry with words (not another entry's time)."""
    if not isinstance(element.tag, str) or any(e in timed for e in element.iter()):
        return False
    return any(_entry_block(e) for e in element.iter())


def _entry_block(element: Any) -> bool:
    if not isinstance(element.tag, str) or element.tag not in _ENTRY_TEXT:
        return False
    text = node_text(element)
    if len(text.split()) < MIN_ENTRY_WORDS:
        return False
    linked = sum(len(node_text(a)) for a in element.iter("a"))
    return linked < len(text) / 2  # mostly a link: a teaser of another story


def opens_with_entry_time(line: str) -> bool:
    """`line` starts with a clock time, as the entries `keep_entry_times` timed do."""
    return _TIMED_LINE.match(line) is not None
