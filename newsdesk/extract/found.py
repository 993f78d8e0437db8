"""What the page walk has found so far: the state header, body and tail readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.model import Link
from newsdesk.sanitize import clean_line

_PUNCT = re.compile(r"[^\w\s]")


@dataclass
class Found:
    """What the walk collects before it becomes an `Extracted`."""

    title: str = ""
    dek: str | None = None
    authors: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: Agencies a dateline names ("KASSEL (ndp) -"): the outlet only when the page names no other.
    dateline_sources: list[str] = field(default_factory=list)
    #: The site name after the headline in a page-title line ("Headline | Outlet").
    title_suffix: str | None = None
    dateline: str | None = None
    dateline_month_day: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    copyright_years: list[int] = field(default_factory=list)
    #: The names the page's copyright lines with a year give ("© 2009-2012 Jana Berg").
    copyright_holders: list[str] = field(default_factory=list)
    #: A byline's names and a date line met inside or after the story ("By X" /
    #: "November 16, 2026" under the last paragraph): used when the header had none.
    late_authors: list[str] = field(default_factory=list)
    #: How many body paragraphs preceded that byline.
    late_authors_at: int = -1
    late_published: str | None = None
    #: The heading that sets the headline after the story's label and date, as (line, date),
    #: and the headline it was looked up for: the page is searched once for both its uses.
    dated_heading: tuple[int, str] | None = None
    dated_heading_of: str | None = None
    #: Header-zone lines that were none of its parts (a subheading, a list
    #: before the first paragraph), and the standfirst's line: the body of a
    #: main text (an HTML page's) keeps them.
    header_text: list[int] = field(default_factory=list)
    dek_at: int = -1

    def add_credit(self, text: str | None) -> None:
        text = clean_line(text or "").strip(" ()")
        if text and text not in self.credits and len(self.credits) < 40:
            self.credits.append(text[:300])

    def add_caption(self, text: str) -> None:
        text = clean_line(text)
        if text and text not in self.captions and len(self.captions) < 60:
            self.captions.append(text[:1000])

    def add_source(self, text: str | None) -> None:
        text = clean_line(text or "").strip(" .,;:-–—")
        if text and 2 <= len(text) <= 80 and text not in self.sources:
            self.sources.append(text)


def first_nonblank(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines) if line), -1)


def fold(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())
