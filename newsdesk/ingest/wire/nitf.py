"""NITF 3.x: one article per document, with the agency's docdata.

`head/docdata` gives the wire fields: `doc-id@id-string` (the GUID),
`urgency@ed-urg`, `date.issue@norm` and `date.release@norm` (an embargo when
later than the issue or when `management-status` is "embargoed"),
`du-key@key` and `@version` (slugline and version), `correction` (its `@info`,
what was corrected, is the agency note, with any `ed-msg@info`) and
`management-status` (usable, embargoed, withheld, canceled). `head/tobject`
and `docdata/key-list` give subjects. `body/body.head` gives the headline
(`hedline/hl1`, `hl2` as a standfirst when there is no `abstract`), the
byline, the dateline and the abstract; `body.content` the text.

The namespace is either none (the DTD) or NITF's XML Schema namespace;
anything else is not NITF.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from newsdesk.ingest.html_text import element_to_text
from newsdesk.ingest.names import person_names
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.wire.item import (
    agency_note,
    build_item,
    byline_names,
    derive_status,
    parse_version,
    require_headline,
)
from newsdesk.ingest.wire.xml import (
    Element,
    attr,
    descendants,
    kid,
    kids,
    local,
    namespace,
    parse_xml,
    text_of,
)
from newsdesk.isodates import iso_to_ts, normalise_date
from newsdesk.model import Extracted
from newsdesk.wire import UNTIL_FURTHER_NOTICE, valid_urgency

#: The namespace of NITF's XML Schema (3.x); DTD-based documents have none.
NITF_NAMESPACE = "http://iptc.org/std/NITF/2006-10-18/"
#: The major version newsdesk reads.
SUPPORTED_MAJOR = 3
_VERSION = re.compile(r"NITF\s*(\d+)\.(\d+)", re.I)
_BARE_VERSION = re.compile(r"^\s*(\d+)\.(\d+)\s*$")

#: NITF block elements -> the HTML names the text converter knows.
_BLOCKS = {
    "hl2": "h2",
    "bq": "blockquote",
    "block": "div",
    "fn": "div",
    "note": "div",
    "credit": "p",
    "nitf-table": "table",
}
#: Content that is not article text (pictures and their furniture, the tagline).
_DROP = frozenset({"media", "media-reference", "media-metadata", "media-object", "tagline"})


def load_nitf(text: str, warnings: list[str]) -> list[Extracted]:
    root = parse_xml(text, "NITF")
    check_root(root)
    hints = Extracted(format="nitf")
    read_head(kid(root, "head"), hints, warnings)
    body = read_body(kid(root, "body"), hints)
    require_headline(hints, "NITF document (no hedline/hl1 and no head/title)")
    return [build_item(hints, body, "nitf", warnings)]


def check_root(root: Element) -> None:
    """An `nitf` root in no namespace or NITF's, of a version newsdesk reads."""
    if local(root) != "nitf":
        raise Rejected(f"not NITF: the root element is <{local(root)}>, not <nitf>")
    ns = namespace(root)
    if ns not in ("", NITF_NAMESPACE):
        raise Rejected(f"not NITF: wrong namespace {ns!r} (NITF uses {NITF_NAMESPACE!r} or none)")
    version = attr(root, "version")
    if not version:
        return  # the DTD fixes it; documents often leave it out
    match = _VERSION.search(version) or _BARE_VERSION.match(version)
    if match is None:
        raise Rejected(f"unknown NITF version {version[:60]!r} (newsdesk reads NITF 3.x)")
    if int(match.group(1)) != SUPPORTED_MAJOR:
        raise Rejected(
            f"unsupported NITF version {match.group(1)}.{match.group(2)} (newsdesk reads NITF 3.x)"
        )


def read_head(head: Element | None, hints: Extracted, warnings: list[str]) -> None:
    """The wire fields of `head`: docdata, the subject objects, the publication."""
    if head is None:
        return
    hints.title = text_of(kid(head, "title"))
    docdata = kid(head, "docdata")
    hints.item_id = attr(kid(docdata, "doc-id"), "id-string") or None
    urgency_text = attr(kid(docdata, "urgency"), "ed-urg")
    hints.urgency = valid_urgency(urgency_text)
    if urgency_text and hints.urgency is None:
        warnings.append(f"urgency {urgency_text[:20]!r} is not 1 to 9; ignored")
    issued = normalise_date(attr(kid(docdata, "date.issue"), "norm") or None)
    released = normalise_date(attr(kid(docdata, "date.release"), "norm") or None)
    hints.published = issued or released
    du_key = kid(docdata, "du-key")
    hints.slugline = attr(du_key, "key") or None
    hints.version = parse_version(
        attr(du_key, "version") or attr(du_key, "generation"), warnings, ""
    )
    management = attr(docdata, "management-status").lower()
    if released and (management == "embargoed" or _later(released, issued)):
        hints.embargo_until = released
    elif management == "embargoed":
        # Embargoed with no readable release time: held, never released by accident.
        hints.embargo_until = UNTIL_FURTHER_NOTICE
        warnings.append(
            "management-status is embargoed but date.release gives no time: "
            "held until further notice"
        )
    correction = kid(docdata, "correction")
    signals = {"correction"} if correction is not None else set()
    hints.status = derive_status(management, signals, hints.version)
    # What was corrected, and any message to editors: the desk needs to see them.
    hints.agency_note = agency_note(
        [attr(correction, "info")] + [attr(m, "info") for m in kids(docdata, "ed-msg")]
    )
    hints.subjects = _subjects(head, docdata)
    hints.source = (
        attr(kid(docdata, "doc.copyright"), "holder")
        or attr(kid(head, "pubdata"), "name")
        or attr(kid(docdata, "doc-id"), "regsrc")
        or None
    )


def _later(first: str, second: str | None) -> bool:
    a, b = iso_to_ts(first), iso_to_ts(second)
    return a is not None and (b is None or a > b)


def _subjects(head: Element, docdata: Element | None) -> list[str]:
    subjects: list[str] = []
    for tobject in kids(head, "tobject"):
        for subject in kids(tobject, "tobject.subject"):
            name = (
                attr(subject, "tobject.subject.detail")
                or attr(subject, "tobject.subject.matter")
                or attr(subject, "tobject.subject.type")
            )
            refnum = attr(subject, "tobject.subject.refnum")
            subjects.append(name or (f"subj:{refnum}" if refnum else ""))
    for keyword in kids(kid(docdata, "key-list"), "keyword"):
        subjects.append(attr(keyword, "key"))
    return [s for s in subjects if s]


def read_body(body: Element | None, hints: Extracted) -> str:
    """Headline, standfirst, byline and dateline from `body.head` (where the head gave none),
    and the text of `body.content`."""
    if body is None:
        return ""
    head = kid(body, "body.head")
    hedline = kid(head, "hedline")
    headline = text_of(kid(hedline, "hl1"))
    if headline:
        hints.title = headline
    abstract = kid(head, "abstract")
    hints.dek = (
        text_of(abstract) if abstract is not None else text_of(kid(hedline, "hl2"))
    ) or hints.dek
    authors: list[str] = []
    for byline in kids(head, "byline"):
        authors.extend(_byline_names(byline))
    hints.authors = authors or hints.authors
    dateline = kid(head, "dateline")
    if dateline is not None:
        hints.dateline = _dateline_place(dateline) or hints.dateline
        stated = normalise_date(attr(kid(dateline, "story.date"), "norm") or None)
        hints.published = hints.published or stated
    return "\n\n".join(content_text(c) for c in kids(body, "body.content"))


def _byline_names(byline: Element) -> list[str]:
    people = [text_of(p) for p in descendants(byline, "person")]
    if any(people):
        return person_names(p for p in people if p)
    clone = copy.deepcopy(byline)
    for title in list(descendants(clone, "byttl")):
        _remove_keeping_tail(title)
    return byline_names([text_of(clone).strip(" ,;")])


def _dateline_place(dateline: Element) -> str:
    location = kid(dateline, "location")
    city = kid(location, "city") if location is not None else None
    place = text_of(city) or text_of(location)
    if place:
        return place
    clone = copy.deepcopy(dateline)
    for date in list(descendants(clone, "story.date")):
        _remove_keeping_tail(date)
    return text_of(clone).strip(" ,-–—")


def _remove_keeping_tail(element: Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def content_text(content: Element) -> str:
    """Readable paragraphs of a `body.content` (also used for NITF inside NewsML-G2)."""
    clone = copy.deepcopy(content)
    for node in list(clone.iter()):
        name = local(node)
        if name in _DROP:
            _remove_keeping_tail(node)
        elif name in _BLOCKS:
            node.tag = _BLOCKS[name]
    etree.cleanup_namespaces(clone)
    return element_to_text(clone, lists=True)
