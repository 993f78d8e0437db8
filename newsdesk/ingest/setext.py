"""A text copy's headline its writer underlined (`Headline` over `========`).

A Markdown habit kept in plain text: the `=` line says which line is the
headline, whatever stands above it (the site's name, a section). The
underlines themselves are no text.
"""

from __future__ import annotations

import re

#: A setext underline: "=" for the headline, "-" for a subheading (three or more).
_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:={3,}|-{3,})[ \t]*$")
#: Lines from the top within which an "=" underline marks the headline.
HEAD_LINES = 40
#: A headline is a line, not a paragraph.
MAX_HEADLINE_CHARS = 200


def underlined_headline(text: str) -> tuple[str, str | None]:
    """`text` without its setext underlines, and the line the first "=" one marks near the
    top (None when there is none). A "-" line under a blank line is a rule and is left."""
    lines = text.split("\n")
    headline: str | None = None
    kept: list[str] = []
    for n, line in enumerate(lines):
        above = kept[-1].strip() if kept else ""
        if _UNDERLINE.match(line) and above and not _UNDERLINE.match(kept[-1]):
            if (
                headline is None
                and "=" in line
                and n < HEAD_LINES
                and len(above) <= MAX_HEADLINE_CHARS
            ):
                headline = above
            continue
        kept.append(line)
    return "\n".join(kept), headline
