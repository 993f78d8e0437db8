"""NewsML-G2 2.x: a `newsItem`, a `newsMessage` carrying several, or a `packageItem` with them.

Each news item gives: `@guid` and `@version`; from `itemMeta` the
publication status (`pubStatus`: usable, withheld, canceled), the signals
(`signal`: update, correction), `edNote` (the agency's note to editors: what a
correction corrects), `embargoed`, `versionCreated` and
`firstCreated`, the provider; from `contentMeta` the `urgency`, `headline`,
`slugline`, `by`, `dateline`, `located`, `subject` and `keyword`,
`description` (the summary), `language`; from `contentSet` the text, inline
XHTML or NITF (`inlineXML`) or plain text (`inlineData`). Remote content is
never fetched (an item with only remote text is kept, headline only, with a
warning). Codes are read from `qcode` ("stat:canceled") or `uri`.
"""

from __future__ import annotations

import base64
import binascii
import re

from newsdesk.ingest.html_text import element_to_text, html_fragment_to_text
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
from newsdesk.ingest.wire.nitf import content_text, read_body
from newsdesk.ingest.wire.xml import (
    Element,
    attr,
    code_value,
    kid,
    kids,
    local,
    namespace,
    parse_xml,
    text_of,
)
from newsdesk.isodates import normalise_date
from newsdesk.model import Extracted
from newsdesk.wire import read_embargo, valid_urgency

#: The namespace of every NewsML-G2 version (the IPTC News Architecture).
NAR_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"
SUPPORTED_MAJOR = 2
#: Warnings beyond this many are summarised.
MAX_WARNINGS = 50
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_VERSION = re.compile(r"^\s*(\d+)(?:\.(\d+))?")
#: A description with one of these roles (or none) is the standfirst.
_SUMMARY_ROLES = frozenset({"", "summary", "abstract", "teaser", "lead"})


def load_newsml(text: str, warnings: list[str]) -> list[Extracted]:
    root = parse_xml(text, "NewsML-G2")
    name = local(root)
    if name.lower() == "newsml":
        raise Rejected("NewsML 1.x is not read (newsdesk reads NewsML-G2 2.x)")
    ns = namespace(root)
    if ns != NAR_NAMESPACE:
        raise Rejected(
            f"not NewsML-G2: wrong namespace {ns!r} for <{name}> (NewsML-G2 uses {NAR_NAMESPACE!r})"
        )
    check_version(root)
    items, packages = _news_items(root)
    if not items:
        if packages:
            refs = sum(1 for p in packages for _ in p.iter("{*}itemRef"))
            raise Rejected(
                f"a NewsML-G2 package refers to {refs} items but carries none; "
                "import the news items themselves"
            )
        raise Rejected(f"no NewsML-G2 news item in <{name}>")
    out: list[Extracted] = []
    problems: list[str] = []
    for number, item in enumerate(items, 1):
        label = f"item {number}: " if len(items) > 1 else ""
        try:
            check_version(item)
            hints, body = read_item(item, problems, label)
            require_headline(hints, "NewsML-G2 item (no contentMeta/headline)")
        except Rejected as exc:
            if len(items) == 1:
                raise
            problems.append(f"{label}{exc.reason}; skipped")
            continue
        out.append(build_item(hints, body, "newsml", problems, label.rstrip(": ")))
    warnings.extend(problems[:MAX_WARNINGS])
    if len(problems) > MAX_WARNINGS:
        warnings.append(f"... and {len(problems) - MAX_WARNINGS} more problems")
    if not out:
        raise Rejected(f"no usable NewsML-G2 item ({problems[0] if problems else 'none'})")
    return out


def check_version(element: Element) -> None:
    """`standardversion` 2.x (or absent); anything else is a version newsdesk does not read."""
    stated = attr(element, "standardversion")
    if not stated:
        return
    match = _VERSION.match(stated)
    if match is None or int(match.group(1)) != SUPPORTED_MAJOR:
        raise Rejected(
            f"unsupported NewsML-G2 version {stated[:40]!r} (newsdesk reads NewsML-G2 2.x)"
        )


def _news_items(root: Element) -> tuple[list[Element], list[Element]]:
    """The news items and packages a document carries, in document order."""
    if local(root) == "newsItem":
        return [root], []
    if local(root) == "packageItem":
        return [], [root]
    holder = kid(root, "itemSet") if local(root) == "newsMessage" else None
    items = list(kids(holder, "newsItem"))
    packages = list(kids(holder, "packageItem"))
    return items, packages


def read_item(item: Element, warnings: list[str], label: str) -> tuple[Extracted, str]:
    """The hints and body text of one `newsItem`."""
    hints = Extracted(format="newsml")
    hints.item_id = attr(item, "guid") or None
    hints.version = parse_version(attr(item, "version") or None, warnings, label)
    item_meta = kid(item, "itemMeta")
    content_meta = kid(item, "contentMeta")
    publication = code_value(kid(item_meta, "pubStatus"))
    signals = {code_value(s) for s in kids(item_meta, "signal")}
    hints.status = derive_status(publication, signals, hints.version)
    hints.agency_note = agency_note(text_of(note) for note in kids(item_meta, "edNote"))
    hints.embargo_until = read_embargo(text_of(kid(item_meta, "embargoed")), warnings)
    hints.published = normalise_date(
        text_of(kid(item_meta, "versionCreated"))
        or text_of(kid(item_meta, "firstCreated"))
        or text_of(kid(content_meta, "contentCreated"))
        or None
    )
    urgency_text = text_of(kid(content_meta, "urgency"))
    hints.urgency = valid_urgency(urgency_text)
    if urgency_text and hints.urgency is None:
        warnings.append(f"{label}urgency {urgency_text[:20]!r} is not 1 to 9; ignored")
    hints.title = _headline(content_meta) or text_of(kid(item_meta, "title"))
    hints.slugline = text_of(kid(content_meta, "slugline")) or None
    hints.dek = _summary(content_meta)
    bylines = [text_of(by) for by in kids(content_meta, "by")]
    creators = [text_of(kid(c, "name")) for c in kids(content_meta, "creator")]
    hints.authors = byline_names(b for b in bylines if b) or person_names(c for c in creators if c)
    located = kid(content_meta, "located")
    hints.dateline = text_of(kid(located, "name")) or text_of(kid(content_meta, "dateline")) or None
    hints.subjects = _subjects(content_meta)
    language = attr(kid(content_meta, "language"), "tag") or str(item.get(_XML_LANG) or "")
    hints.language = language.split("-")[0].lower() or None
    hints.source = _source(item, item_meta)
    body = _content(kid(item, "contentSet"), hints)
    if not body.strip():
        _say_remote(kid(item, "contentSet"), warnings, label)
    return hints, body


def _say_remote(content_set: Element | None, warnings: list[str], label: str) -> None:
    """An item whose text is only `remoteContent` is stored with its headline and no
    body: said, since nothing is fetched and "words: 0" alone reads as a broken import."""
    hrefs = [
        attr(c, "href") or attr(c, "residref") or "?"
        for c in (content_set if content_set is not None else [])
        if local(c) == "remoteContent"
    ]
    if hrefs:
        more = f" and {len(hrefs) - 1} more" if len(hrefs) > 1 else ""
        warnings.append(
            f"{label}its text is remote content ({hrefs[0][:80]!r}{more}), which newsdesk "
            "does not fetch: its headline only"
        )


def _headline(content_meta: Element | None) -> str:
    """The main headline: one without a role or with a main role, else the first."""
    headlines = list(kids(content_meta, "headline"))
    for headline in headlines:
        role = attr(headline, "role").rsplit(":", 1)[-1].lower()
        if role in ("", "main", "headline"):
            return text_of(headline)
    return text_of(headlines[0]) if headlines else ""


def _summary(content_meta: Element | None) -> str | None:
    for description in kids(content_meta, "description"):
        role = attr(description, "role").rsplit(":", 1)[-1].lower()
        if role in _SUMMARY_ROLES:
            return text_of(description) or None
    return None


def _subjects(content_meta: Element | None) -> list[str]:
    subjects: list[str] = []
    for subject in kids(content_meta, "subject"):
        name = text_of(kid(subject, "name"))
        subjects.append(name or attr(subject, "qcode") or attr(subject, "uri"))
    subjects.extend(text_of(k) for k in kids(content_meta, "keyword"))
    return [s for s in subjects if s]


def _source(item: Element, item_meta: Element | None) -> str | None:
    """The agency: the copyright holder's name, else the provider's name or code."""
    holder = kid(item, "rightsInfo", "copyrightHolder")
    provider = kid(item_meta, "provider")
    return (
        text_of(kid(holder, "name"))
        or text_of(kid(provider, "name"))
        or attr(provider, "literal")
        or (attr(provider, "qcode").split(":", 1)[-1] if attr(provider, "qcode") else "")
        or None
    )


def _content(content_set: Element | None, hints: Extracted) -> str:
    """The richest text rendition: inline XHTML, then inline NITF, then inline text."""
    best: tuple[int, str] | None = None
    for child in content_set if content_set is not None else []:
        rank, text = _rendition(child, hints)
        if text.strip() and (best is None or rank < best[0]):
            best = (rank, text)
    return best[1] if best else ""


def _rendition(child: Element, hints: Extracted) -> tuple[int, str]:
    name = local(child)
    if name == "inlineXML":
        inner = next((c for c in child if local(c)), None)
        if inner is None:
            return 9, ""
        if local(inner) == "html":
            body = kid(inner, "body")
            return 0, element_to_text(body if body is not None else inner, lists=True)
        if local(inner) == "nitf":
            nitf_hints = Extracted()
            text = read_body(kid(inner, "body"), nitf_hints)
            _fill_from(hints, nitf_hints)
            return 1, text
        if local(inner) == "body.content":
            return 1, content_text(inner)
        return 2, element_to_text(inner, lists=True)
    if name == "inlineData":
        data = child.text or ""
        if attr(child, "encoding").lower() == "base64":
            try:
                data = base64.b64decode(data, validate=False).decode("utf-8", "replace")
            except (binascii.Error, ValueError):
                return 9, ""
        if "html" in attr(child, "contenttype").lower():
            return 3, html_fragment_to_text(data)
        return 4, data
    return 9, ""


def _fill_from(hints: Extracted, nitf_hints: Extracted) -> None:
    """What contentMeta left out, the inline NITF's body.head may give."""
    hints.title = hints.title or nitf_hints.title
    hints.dek = hints.dek or nitf_hints.dek
    hints.authors = hints.authors or nitf_hints.authors
    hints.dateline = hints.dateline or nitf_hints.dateline
