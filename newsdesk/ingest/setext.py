"""A text copy's headline its writer underlined (`Headline` over `========`).

A Markdown habit kept in plain text: the `=` line says which line is the
headline, whatever stands above it (the site's name, a section), so long as
no paragraph of prose does: under the story's opening paragraphs an
underlined line is a subheading ("What happens next"), and taking it for the
headline lost the headline and every paragraph above it. The underlines
themselves are no text.
"""

from __future__ import annotations

import re

from newsdesk.extract.lines import is_prose

#: A setext underline: "=" for the headline, "-" for a subheading (three or more).
_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:={3,}|-{3,})[ \t]*$")
#: Lines from the top within which an "=" underline marks the headline.
HEAD_LINES = 40
#: A headline is a line, not a paragraph.
MAX_HEADLINE_CHARS = 200


def underlined_headline(text: str) -> tuple[str, str | None]:
    """`text` without its setext underlines, and the line the first "=" one marks near the
    top when no paragraph of prose stands above it (None when there is none). A "-" line
    under a blank line is a rule and is left."""
    lines = text.split("\n")
    headline: str | None = None
    kept: list[str] = []
    paragraph: list[str] = []  # the lines of the paragraph being read, above the line in hand
    prose_above = False
    for n, line in enumerate(lines):
        above = kept[-1].strip() if kept else ""
        looking = headline is None and not prose_above and n < HEAD_LINES
        if _UNDERLINE.match(line) and above and not _UNDERLINE.match(kept[-1]):
            if looking:
                # The lines above the underlined one in its paragraph count, not it.
                prose_above = _is_prose(paragraph[:-1])
                if not prose_above and "=" in line and len(above) <= MAX_HEADLINE_CHARS:
                    headline = above
            paragraph = []
            continue
        kept.append(line)
        if not looking:
            continue
        if line.strip():
            paragraph.append(line.strip())
        else:
            prose_above = _is_prose(paragraph)
            paragraph = []
    return "\n".join(kept), headline


def _is_prose(paragraph: list[str]) -> bool:
    # A paragraph wrapped over lines (a text browser's copy) is read as one.
    return bool(paragraph) and is_prose(" ".join(paragraph))
