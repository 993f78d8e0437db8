"""A byline printed on the page when the markup names no author.

Many pages state their author only in the text a reader sees: "Von Lisa
Petrich", "Autor: Petra Ruland", "par Didier Roy, 21 juin 2018", "Posted on
21 July 2019 by Realiberry", a "Von:" label with the name on the next line.
The page's visible text (navigation, footers, forms, asides and comment or
teaser boxes left out) is read line by line with the text extractor's own
byline reader, and the first short line that is a byline gives the authors.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree

from newsdesk.extract.byline import parse_byline
from newsdesk.ingest.html_text import element_to_text

_NOT_ARTICLE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "nav",
    "footer",
    "aside",
    "form",
    "select",
    "button",
)
#: Boxes of other people's words: reader comments, teasers of other stories, sidebars.
_OTHER_VOICES = re.compile(r"comment|related|teaser|sidebar", re.I)
#: A byline is short; a longer line starting "By ..." is a sentence ("By June 2016, most ...").
MAX_BYLINE_CHARS = 70
#: A byline line's fields beside the names ("Von A und B | Freitag, 19.09.2025, 06:00 Uhr"):
#: the names' field is held to the byline's length, the line to twice that.
_FIELD_SEP = re.compile(r"\s[|·•]\s")
#: Bylines stand near the top; the lines read are bounded so a huge page costs little.
MAX_LINES = 400


def visible_lines(tree: etree._Element) -> list[str]:
    """The page's visible lines, navigation, footers, forms, asides and comment boxes left out."""
    copy = deepcopy(tree)
    for element in list(copy.iter(*_NOT_ARTICLE_TAGS)):
        element.drop_tree()
    boxes = [
        e
        for e in copy.iter()
        if isinstance(e.tag, str) and _OTHER_VOICES.search(e.get("class") or "")
    ]
    for element in boxes:
        if element.getparent() is not None:
            element.drop_tree()
    body = copy.find(".//body")
    text = element_to_text(body if body is not None else copy)
    return [line.strip() for line in text.splitlines() if line.strip()][:MAX_LINES]


def visible_byline(tree: etree._Element, lines: list[str] | None = None) -> list[str]:
    """The authors of the first byline among the page's visible lines; [] when none.

    `lines`: the page's `visible_lines`, when the caller has them already.
    """
    lines = visible_lines(tree) if lines is None else lines
    for i, line in enumerate(lines):
        if (
            len(_FIELD_SEP.split(line, maxsplit=1)[0]) > MAX_BYLINE_CHARS
            or len(line) > 2 * MAX_BYLINE_CHARS
        ):
            continue
        found = parse_byline(line, lines[i + 1 : i + 3])
        if found and found.authors:
            return found.authors
    return []
