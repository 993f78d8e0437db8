"""What stands under the story: its author's signature, the site's lists of other stories,
credits, and the copyright lines that name the outlet."""

from __future__ import annotations

import re

from newsdesk.extract.boilerplate import is_boilerplate, is_contact_line, looks_like_link_title
from newsdesk.extract.byline import parse_byline, signed_off
from newsdesk.extract.credits import is_credit
from newsdesk.extract.found import Found
from newsdesk.extract.header import SOURCE_LABEL
from newsdesk.extract.lines import is_prose, words
from newsdesk.extract.links import add_link
from newsdesk.extract.list_headings import link_list_marker, popular_list_marker
from newsdesk.extract.outlet import outlet_from_footer

_YEAR = re.compile(r"(?:19|20)\d{2}")
#: The first words of an author's bio ("Jane Doe writes about transport.").
BIO = re.compile(r"^\s*(?:\S+\s+){1,4}?(?:is|was|writes|covers|reports|has)\b", re.I)

#: A wire's credit line under its story names its reporters before its editors ("(Reporting
#: by Jana Berg in Oslo; Editing by Tom Hale)"); "Additional reporting by" adds helpers only.
_REPORTED_BY = re.compile(
    r"^\W*(?:reporting|reported|writing|written)\s+by\s+(?P<names>[^;()]+)", re.I
)
#: "... in Oslo" after a reporter's name: where they filed from.
_FILED_FROM = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*(?=\s*(?:,|\band\b|$))")


def credited_reporters(credits: list[str]) -> list[str]:
    """The reporters a credit line names ("Reporting by Jana Berg; Editing by Tom Hale" ->
    Jana Berg): a story's authors when no byline signs it (its editors are not)."""
    for credit in credits:
        m = _REPORTED_BY.match(credit)
        if not m:
            continue
        names = _FILED_FROM.sub("", m["names"]).strip(" .,")
        byline = parse_byline(f"By {names}")
        if byline is not None and byline.authors:
            return list(byline.authors)
    return []


#: Lines after the body still searched for link lists, credits and the outlet.
TAIL_LINES = 400


#: Non-blank lines under the story searched for its signature ("Von:" / "Jana Berg").
SIGNATURE_LINES = 6


#: The heading of a contact box ("Ansprechpartner", "Pressekontakt:", "Media contact"): the
#: name under it is whom to call, not who wrote the story.
CONTACT_LABEL = re.compile(
    r"\s*(?:für\s+)?(?:ansprech\w*|\w*kontakt\w*|rückfragen\w*|contacts?|"
    r"(?:press|media|news)\s+(?:contacts?|enquiries|inquiries)|contacto|contact\s+presse)"
    r"\s*:?\s*$",
    re.I,
)


def signature(line: str, body: list[str]) -> str | None:
    """A person's name alone on its line (`signed_off`) whom the story so far does not name:
    its author signing off, not its subject."""
    name = signed_off(line) if len(line) <= 60 else None
    if name and any(name.casefold() in p.casefold() for p in body):
        return None  # the story is about this person: not its signature
    return name


def _signature_under_story(lines: list[str], start: int, end: int, found: Found) -> None:
    """An author's signature right under the story, when nothing above named one: a label or
    lead word and the name ("Autor:" / "Jana Berg", "Von Jana Berg"), or in the first two lines
    a person's name alone (a known given name and a family name: the story signed off)."""
    if found.authors or found.late_authors:
        return
    near = [i for i in range(start, end) if lines[i]][: SIGNATURE_LINES + 3]
    for n, i in enumerate(near[:SIGNATURE_LINES]):
        line = lines[i]
        if is_prose(line) or CONTACT_LABEL.match(line):
            return  # the story goes on, or a contact box names whom to call
        byline = parse_byline(line, [lines[j] for j in near[n + 1 : n + 4]])
        name = signature(line, found.body) if byline is None and n < 2 else None
        authors = byline.authors if byline is not None else [name] if name else []
        if authors:
            found.late_authors = list(authors)
            found.late_authors_at = len(found.body)
            return


#: A copyright mark and year alone on their line ("© 2019"), the owner on the next (a mark
#: alone, "©" over "Energiewende", is a picture's).
_MARK_ALONE = re.compile(r"^\s*(?:©|ⓒ|\(c\)|copyright)\s*(?:(?:19|20)\d{2}\s*[-–]?\s*)+$", re.I)


#: Small words a company's name may hold in lower case ("Bank of England").
_JOINERS = frozenset(["of", "the", "and", "de", "du", "la", "le", "für", "und", "di", "del"])


def _name_shaped(line: str) -> bool:
    """Capitalised words, perhaps joined by small ones: "The New York Times Company", not
    "Proudly powered by WordPress" or "Nach oben"."""
    tokens = words(line)
    return (
        1 <= len(tokens) <= 8
        and not is_boilerplate(line)
        and all(t[:1].isupper() or t[:1].isdigit() or t in _JOINERS for t in tokens)
    )


def _with_owner_below(lines: list[str], i: int) -> str:
    """The copyright line, joined to the owner's name a text copy set on the next line."""
    line = lines[i]
    if _MARK_ALONE.match(line):
        following = next((x for x in lines[i + 1 : i + 3] if x), "")
        if following and len(following) <= 80 and _name_shaped(following):
            return f"{line} {following}"
    return line


def read_tail(lines: list[str], start: int, found: Found) -> None:
    in_links = False
    keep_links = True
    end = min(len(lines), start + TAIL_LINES)
    _signature_under_story(lines, start, end, found)
    tail_sources: list[str] = []
    provided: list[str] = []
    for i in range(start, end):
        line = lines[i]
        if not line:
            continue
        if link_list_marker(line):
            in_links = True
            keep_links = not popular_list_marker(line)
            continue
        if is_credit(line):
            found.add_credit(line)
            continue
        label = SOURCE_LABEL.match(line)
        if label:
            name = label["name"] or next(
                (lines[j] for j in range(i + 1, min(end, i + 3)) if lines[j]), ""
            )
            if name and len(words(name)) <= 6:
                tail_sources.append(name)
                if "provided" in label.group(0).casefold():
                    provided.append(name)
            continue
        name = outlet_from_footer(_with_owner_below(lines, i))
        if name:
            tail_sources.append(name)
            year = _YEAR.search(line)
            if year:
                found.copyright_years.append(int(year.group(0)))
                found.copyright_holders.append(name)
            in_links = False
            continue
        if in_links:
            if looks_like_link_title(line) and not is_prose(line):
                if keep_links and len(found.links) < 40:
                    add_link(found.links, line)
                continue
            in_links = False
    # "Provided by European Space Agency" over "© Phys.org": the site that ran the release
    # is the outlet, the body that provided it is its source, as a wire's would be.
    if found.copyright_holders and provided:
        tail_sources = [n for n in tail_sources if n not in provided] + provided
    for name in tail_sources:
        found.add_source(name)
    # Copyright lines sit in the page footer, past the tail window of a long page.
    if not tail_sources:
        for i in range(max(0, len(lines) - 60), len(lines)):
            name = outlet_from_footer(_with_owner_below(lines, i)) if lines[i] else None
            if name:
                found.add_source(name)
                break


def drop_contact_lines(found: Found) -> None:
    """A reporter's address or profile closing the body is a contact, not the story (one
    inside it, "send them to: x@y.example", stays)."""
    while found.body and is_contact_line(found.body[-1]):
        found.body.pop()


def drop_author_bio(found: Found) -> None:
    """'Jane Doe writes about transport.' closing the body is about the author, not the story."""
    if not found.body or not found.authors:
        return
    last = found.body[-1]
    if (
        len(words(last)) <= 40
        and BIO.match(last)
        and any(last.startswith(a) for a in found.authors)
    ):
        found.body.pop()
        found.add_credit(last)
