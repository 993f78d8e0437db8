"""What a wire format states -> a finished article, with its wire fields.

The three readers fill an `Extracted` with what the agency states
(headline, standfirst, byline, dateline, dates and the wire fields) and
hand over the body text. Unlike a web page, a wire body is all article: no
navigation, no furniture, crossheads that belong to the copy. So the page
extractor's boilerplate detection is not run on it; only enrichment is
(people, organisations, places, quotes, language), and a dateline is read
from the lede when the agency did not state one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from newsdesk.extract import enrich
from newsdesk.extract.byline import is_desk_credit, parse_byline
from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.dateline import parse_dateline, stated_place
from newsdesk.ingest.assemble import bounded, drop_leading_title, finish, tidy_paragraphs
from newsdesk.ingest.limits import MAX_ITEM_CHARS
from newsdesk.ingest.names import person_names
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.wire.advisory import drop_advisory_findings
from newsdesk.model import Extracted
from newsdesk.sanitize import clean_text
from newsdesk.wire import MAX_VERSION

#: Publication statuses that withdraw an item (NewsML-G2 and ninjs say "canceled",
#: NITF's management-status too; some agencies spell it the British way).
_WITHDRAWN = frozenset({"canceled", "cancelled", "withdrawn", "killed", "kill"})
_WITHHELD = frozenset({"withheld"})


def parse_version(value: object, warnings: list[str], label: str) -> int | None:
    """A version number ("3", 3); a value that is not a positive whole number, or one
    too large for the store to keep (`MAX_VERSION`), is reported and ignored, so no
    status is derived from it either."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    digits = text.lstrip("0")
    # ASCII digits only ("²" is a digit to isdigit() but not to int()).
    if not (text.isascii() and text.isdigit()) or not digits:
        warnings.append(f"{label}version {text[:40]!r} is not a positive whole number; ignored")
        return None
    # The length first: int() refuses a string of thousands of digits.
    if len(digits) > len(str(MAX_VERSION)) or int(digits) > MAX_VERSION:
        warnings.append(
            f"{label}version {text[:40]!r} is too large to be a version "
            f"(newsdesk keeps up to {MAX_VERSION}); ignored"
        )
        return None
    return int(digits)


def derive_status(publication: str, signals: set[str], version: int | None) -> str:
    """One status from the publication status, the item's signals and its version.

    A withdrawal outranks everything; then withholding; a correction signal
    outranks an update; a version above 1 with no signal is an update.
    """
    publication = publication.strip().lower()
    if publication in _WITHDRAWN:
        return "withdrawn"
    if publication in _WITHHELD:
        return "withheld"
    if "correction" in signals:
        return "corrected"
    if "update" in signals or (version is not None and version > 1):
        return "updated"
    return "usable"


#: The longest agency note kept: a note to editors, not a second body.
MAX_NOTE_CHARS = 1000


def agency_note(notes: Iterable[str | None]) -> str | None:
    """The agency's notes to editors (what a correction corrects, an editor's note) as one
    line, each once; None when it gives none."""
    found: list[str] = []
    for note in notes:
        line = " ".join(clean_text(note or "").split())
        if line and line.casefold() not in {f.casefold() for f in found}:
            found.append(line)
    joined = " / ".join(found)
    return joined[:MAX_NOTE_CHARS] or None


def byline_names(bylines: Iterable[str]) -> list[str]:
    """Person names from stated bylines, in any language the byline parser knows
    ("By ...", "Von ..., dpa", "Par ..."); a bare list of names is read as names."""
    names: list[str] = []
    for byline in bylines:
        parsed = parse_byline(byline[:300]) if byline.strip() else None
        found = parsed.authors if parsed is not None else person_names([byline])
        if not found:
            found = _stated_name(byline)
        names.extend(n for n in found if n.casefold() not in {m.casefold() for m in names})
    return names


def _stated_name(byline: str) -> list[str]:
    """The agency's own byline field, a known given name first ("Tess Wire", "Anna Post",
    "By Jane Press, Associated Press"): a person, though the surname is also a word the
    web-page parser takes for an outlet's. Desk credits ("Wire Reporter", "Staff") stay
    out: their first word is no given name."""
    head = re.split(r"\s*[,;|(]", byline.strip(), maxsplit=1)[0]
    words = re.sub(r"^(?i:by)\s+", "", head).split()
    if not 2 <= len(words) <= 3 or words[0] not in GIVEN_NAMES:
        return []
    if not all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words):
        return []
    if is_desk_credit(" ".join(words[1:])) and len(words) > 2:
        return []  # "Anna Staff Writer": a name run into a role
    return [" ".join(words)]


def require_headline(hints: Extracted, what: str) -> None:
    """Wire copy always has a headline; a file without one is not a usable item."""
    if not hints.title.strip():
        raise Rejected(f"{what} has no headline")


def build_item(
    hints: Extracted, body: str, fmt: str, warnings: list[str], label: str = ""
) -> Extracted:
    """The stated fields, the body as given, enrichment from the body, then finished."""
    where = f"{label}: " if label else ""
    meta = dataclasses.replace(hints)
    text = bounded(clean_text(body), MAX_ITEM_CHARS, warnings, f"{where}body")
    meta.body = drop_leading_title(tidy_paragraphs(text), meta.title)
    # The agency's field reads as a dateline in the copy does: the place in its written
    # case, without the day and the agency ("EMBERLY, Dec 6 (Polaris)" is "Emberly").
    meta.dateline = stated_place(meta.dateline) if meta.dateline else None
    if (not meta.dateline or not meta.source) and meta.body:
        found = parse_dateline(meta.body.split("\n\n", 1)[0])
        if not meta.dateline:
            meta.dateline = found.place if found else None
        if not meta.source and found is not None and found.agency:
            # An item that names no provider still says whose copy it is in its
            # dateline ("HARWICK, Dec 6 (EXW) -"): one agency's different items are
            # then told apart as one outlet's (`stories.score.same_outlet_apart`).
            meta.source = found.agency
    try:
        meta = enrich(meta)
        drop_advisory_findings(meta)
    except Exception as exc:  # an extractor bug must not lose the item
        warnings.append(f"{where}enrichment failed ({type(exc).__name__}: {exc})")
    return finish(meta, fmt)
