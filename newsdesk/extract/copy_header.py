"""The story's header in a copy of a whole page: its byline and date near the headline.

A copy (a text browser's dump, a page saved as text) runs the header's parts into
each other and into the page's furniture, so the extractor's reading of the lines
under the headline misses them; these readers look at the lines around the headline
the copy's layout found (`textbrowser`), and at the whole copy when that fails.
"""

from __future__ import annotations

import re

from newsdesk.extract.byline import known_person, parse_byline
from newsdesk.extract.dates import date_line, find_dates
from newsdesk.extract.lines import strip_list_mark

#: Lines under and over the headline searched for the story's date when no date line was found.
DATE_LINES_AFTER = 15
DATE_LINES_BEFORE = 5
#: Lines under and over the headline that are the story's header (its date and byline).
HEADER_AFTER = 4
HEADER_BEFORE = 2
#: A line longer than this is running text, whose dates are what the story is about.
DATE_LINE_CHARS = 120
#: Lines under and over the headline searched for a byline that says "by" when none stands
#: near it: a copy puts the byline box after the lead image and its credits, or after the story.
BYLINE_LINES_AFTER = 200
BYLINE_LINES_BEFORE = 60


def _near(
    lines: list[str], headline: str, after: int = DATE_LINES_AFTER, before: int = DATE_LINES_BEFORE
) -> list[int]:
    """Line numbers just under the headline, then just over it (empty without the headline)."""
    at = next((i for i, line in enumerate(lines) if line == headline), -1)
    if at < 0:
        return []
    below = range(at + 1, min(len(lines), at + 1 + after))
    above = range(at - 1, max(-1, at - 1 - before), -1)
    return [*below, *above]


#: Lines under the headline where a name alone is the byline.
NAME_LINES_AFTER = 3


def authors_near_headline(text: str, headline: str, *, wide: bool = False) -> list[str]:
    """The names of the first byline in a short line just under (else over) the headline.

    Text browsers run a byline into the page's other header parts, which puts it
    out of the header the extractor reads; a line that says "by", "von", "par",
    "Autor:" or "Posted on DATE by" is read wherever it sits near the headline.
    With `wide`, the story's whole stretch of the copy is searched: for a page
    whose byline box sits after the lead image or at the story's end.
    """
    lines = [line.strip() for line in text.split("\n")]
    window = (BYLINE_LINES_AFTER, BYLINE_LINES_BEFORE) if wide else ()
    for i in _near(lines, headline, *window):
        if lines[i] and len(lines[i]) <= DATE_LINE_CHARS:
            byline = parse_byline(lines[i])
            if byline is not None and byline.authors:
                return byline.authors
    return []


def name_under_headline(text: str, headline: str) -> list[str]:
    """A name alone on a line right under the headline, a known given name and a family name
    ("Jil Schuller", "* Stefan Loibl"): how a text browser prints an author's box. The last
    resort, after every byline that says it is one."""
    lines = [line.strip() for line in text.split("\n")]
    for i in _near(lines, headline, NAME_LINES_AFTER, 0):
        name = strip_list_mark(lines[i])
        words = name.split()
        if 2 <= len(words) <= 3 and known_person(name):
            return [name]
    return []


def date_near_headline(
    text: str,
    headline: str,
    after: int = DATE_LINES_AFTER,
    before: int = DATE_LINES_BEFORE,
    *,
    updated_ok: bool = True,
) -> str | None:
    """The first date in a short line just under the headline (else just over it), or None.

    Text browsers run a page's byline, date and reading time into one line
    ("Von Jana Berg | 3. März 2021 | 4 Min."), which is no date line on its own.
    A date that opens a long line there opens the story's first paragraph
    ("01.02.2022 Die Zahl der ..."): it dates the story too; a date inside a
    sentence is what the story is about. A line that says the story was
    updated gives way to one that does not (and with `updated_ok` false, to
    none: the caller has the publication date from elsewhere).
    """
    lines = [line.strip() for line in text.split("\n")]
    updated = None
    for i in _near(lines, headline, after, before):
        if not lines[i]:
            continue
        dates = find_dates(lines[i][:DATE_LINE_CHARS])
        if dates and (len(lines[i]) <= DATE_LINE_CHARS or dates[0].start == 0):
            if not says_updated(lines[i], dates[0].start):
                return dates[0].iso
            updated = updated or dates[0].iso
    return updated if updated_ok else None


#: A line that gives when the story was last changed, in six languages: the published date
#: beside it wins.
_UPDATED = re.compile(
    r"(?i)^\W*(?:(?:last|zuletzt|artikel|article)\s+)?(?:updated|modified|aktualisiert|ge[äa]ndert"
    r"|mis\s+[àa]\s+jour|actualizado|actualizaci[óo]n|aggiornato|atualizado|bijgewerkt)\b"
)

#: The same words right before the date, after a byline ("By Rachel Dunn | Last updated").
_UPDATED_BEFORE = re.compile(
    r"(?i)\b(?:updated|modified|aktualisiert|ge[äa]ndert|mis\s+[àa]\s+jour|actualizado"
    r"|aggiornato|atualizado|bijgewerkt)\W{0,3}(?:on|am|le|el|il|em|op)?\s*$"
)


def says_updated(line: str, date_at: int) -> bool:
    """`line` gives the day the story was last changed, with its date at `date_at`
    ("Updated on November 8, 2024", "By Rachel Dunn | Last updated 3 March")."""
    return bool(_UPDATED.match(line) or _UPDATED_BEFORE.search(line[:date_at]))


def first_date_line(text: str) -> str | None:
    """The first line of the whole copy that is a date line, for a page dated nowhere near its
    headline.

    A text copy of a whole page often prints the date away from the headline
    (above the navigation, in a box beside the story, after the body: "Stand
    27.01.2022", "26. Januar 2022"). A date line is short and holds little
    besides its date, so a sentence that mentions one is not taken.
    """
    for line in text.split("\n"):
        line = line.strip()
        if line:
            published = date_line(line)
            if published is not None:
                return published
    return None
