"""RSS and Atom feeds (and JSON Feed, `json_feed`): each item an article, parsed from
bytes only, never fetched.

Before feedparser sees anything, documents declaring entities are refused
and any DOCTYPE is removed (see `xml_guard`), and the text is handed over
as UTF-8 bytes in a stream, so feedparser never opens a file or a URL.
"""

from __future__ import annotations

import html
import io
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit
from xml.parsers.expat import errors as expat_errors

from newsdesk.counting import counted
from newsdesk.ingest.assemble import clean_short, extract_article, finish
from newsdesk.ingest.drafts import Draft, Drafted, load_in_one_go
from newsdesk.ingest.html_meta import plausible_site
from newsdesk.ingest.html_text import html_fragment_to_text
from newsdesk.ingest.limits import MAX_FEED_ITEMS
from newsdesk.ingest.names import person_names
from newsdesk.ingest.result import Rejected
from newsdesk.ingest.xml_guard import as_utf8_xml, check_entities, strip_doctype
from newsdesk.isodates import normalise_date
from newsdesk.model import Extracted

#: A summary shorter than this, beside fuller content, serves as the dek.
MAX_DEK_CHARS = 400

#: Whether plain RSS 2.0 is read by `feed_fast` (False: feedparser reads every feed;
#: the tests compare the two ways).
QUICK_RSS = True

#: Said of a well-formed feed without items (a feed reader treats it as "nothing new").
NO_ITEMS = "feed has no items"


def describe_parse_error(exc: BaseException | None, data: bytes) -> str:
    """ "mismatched tag at line 40" from a SAX exception, or its message otherwise; the
    line is the document's (`data`, what the parser was given: `error_line`)."""
    if exc is None:
        return "unknown error"
    get_message = getattr(exc, "getMessage", None)
    line = error_line(exc, data)
    if callable(get_message) and line is not None:
        return f"{get_message()} at line {line}"
    return str(exc) or type(exc).__name__


def error_line(exc: BaseException | None, data: bytes) -> int | None:
    """The line of `data` a SAX exception names, or None. feedparser puts an XML
    declaration on a line of its own before a document without one, so its parser
    counts one line more than the document has ("line 2" of a one-line file)."""
    get_line = getattr(exc, "getLineNumber", None)
    line = get_line() if callable(get_line) else None
    if not isinstance(line, int):
        return None
    added = 0 if data.lstrip(b"\xef\xbb\xbf").startswith(b"<?xml") else 1
    return max(1, line - added)


def _author_names(
    entry: Mapping[str, Any], known: dict[tuple[str, ...], list[str]] | None = None
) -> list[str]:
    # `author` keeps the feed's own string; feedparser's split of "mail (Name)"
    # into name and e-mail can cut the name, so the detail list is used only
    # when it holds several authors.
    details = [
        str(a["name"])
        for a in entry.get("authors") or []
        if isinstance(a, Mapping) and a.get("name")
    ]
    author = str(entry.get("author") or "")
    raw = details if len(details) > 1 or not author else [author]
    if known is None:
        return person_names(raw)
    # A feed names the same few writers on item after item: each set is read once
    # (the byline parser was a fifth of reading a feed).
    key = tuple(raw)
    names = known.get(key)
    if names is None:
        names = known[key] = person_names(raw)
    return list(names)


_SEGMENT = re.compile(r"\s+[-|–—:]\s+|:\s+")
_REDIRECT_PARAMS = ("url", "q", "u")


def feed_source(title: str | None, link: str | None) -> str | None:
    """The outlet a feed's title names ("Livemint - News" -> "Livemint").

    The first segment of the title when the feed's address bears it out or
    it is short enough to be a name ("HuffPost Canada", fed from aol.com);
    a title that reads as a list of sections ("News, Politics, Opinion,
    Commentary, and Analysis") gives way to the feed's host name.
    """
    title = (title or "").strip()[:500]
    url = link if link and re.match(r"https?://", link, re.I) else None
    if not title:
        return _host_name(url)
    first = _SEGMENT.split(title, maxsplit=1)[0].strip() or title
    if url is None:
        return first
    plausible = plausible_site([first, title], url)
    if plausible:
        return plausible
    if len(first.split()) <= 4 and "," not in first:
        return first
    return _host_name(url) or first


def _host_name(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def unwrap_link(entry: Mapping[str, Any]) -> tuple[str | None, bool]:
    """(the article's own URL, whether it came out of a redirect wrapper).

    Feed proxies keep the original in `feedburner:origLink`; alert services
    wrap it in a redirect (".../url?url=https://...").
    """
    original = entry.get("feedburner_origlink")
    if isinstance(original, str) and original:
        return original, False
    # Not necessarily a web address (an item without a link has its GUID here, "g6"):
    # `assemble.finish` keeps only those, for every importer.
    link = entry.get("link")
    if not isinstance(link, str) or not link:
        return None, False
    parts = urlsplit(link)
    if parts.path.rstrip("/").endswith("/url") or parts.path == "/url":
        query = parse_qs(parts.query)
        for key in _REDIRECT_PARAMS:
            target = (query.get(key) or [""])[0]
            if re.match(r"https?://", target, re.I):
                return target, True
    return link, False


def _published(entry: Mapping[str, Any]) -> str | None:
    # Only keys the entry has: feedparser warns when "updated" is read but absent.
    for key in ("published", "updated", "created"):
        for name in (key, f"{key}_parsed"):
            value = normalise_date(entry[name]) if name in entry else None
            if value:
                return value
    return None


def _item_html(entry: Mapping[str, Any]) -> tuple[str, str]:
    """(content, summary) HTML: the fullest content block and the summary."""
    contents = [c.get("value") or "" for c in entry.get("content") or [] if isinstance(c, Mapping)]
    content = max(contents, key=len) if contents else ""
    summary = str(entry.get("summary") or "")
    return content, summary


def _title_text(value: object) -> str:
    """A feed title as text: markup removed and entities decoded (titles of type "html")."""
    text = str(value or "")
    if "<" in text:
        return html_fragment_to_text(text).replace("\n", " ")
    return html.unescape(text) if "&" in text else text


def item_hints(
    entry: Mapping[str, Any],
    feed_title: str | None,
    known_authors: dict[tuple[str, ...], list[str]] | None = None,
) -> tuple[Extracted, str]:
    """What the item states (hints) and its body text (`known_authors`: author names
    already read from the same feed, by their strings).

    The body is the fuller of content and summary (some feeds put a photo
    caption in the content and the article in the summary), the content when
    they are about as long; a short summary
    beside fuller content, when not the body's opening, is the dek.
    """
    content, summary = _item_html(entry)
    content_text = html_fragment_to_text(content) if content else ""
    summary_text = html_fragment_to_text(summary) if summary else ""
    # Within a tenth, the same text: the content keeps its typography ("—", not "--").
    body = content_text if len(content_text) >= 0.9 * len(summary_text) else summary_text
    dek = None
    short_summary = bool(summary_text) and len(summary_text) <= MAX_DEK_CHARS
    if body is content_text and short_summary and fold(summary_text)[:60] not in fold(body):
        dek = summary_text
    source = entry.get("source")
    source_title = source.get("title") if isinstance(source, Mapping) else None
    url, redirected = unwrap_link(entry)
    if redirected and not source_title:
        # An alert or aggregator feed: the article's own site is the outlet.
        source_title = _host_name(url)
    hints = Extracted(
        title=_title_text(entry.get("title")),
        dek=dek,
        authors=_author_names(entry, known_authors),
        source=clean_short(source_title or feed_title),
        published=_published(entry),
        url=clean_short(url),
        guid=clean_short(entry.get("id")),
        format="feed",
    )
    return hints, body


def fold(text: str) -> str:
    """Case and spacing folded, to see whether one text opens another."""
    return " ".join(text.casefold().split())


#: The end of an RSS item or Atom entry (any namespace prefix).
_ITEM_END = re.compile(r"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)


def first_items(text: str, limit: int) -> tuple[str, int]:
    """The feed cut after its `limit`-th item (what follows the last item kept,
    so it still closes), and how many items it has.

    The cap applies before parsing: feedparser builds every entry it meets, so a
    900,000-item feed cost a gigabyte before a cap on its result could apply.
    """
    ends = _ITEM_END.finditer(text)
    cut = None
    count = 0
    for match in ends:
        count += 1
        if count == limit:
            cut = match.end()
            break
    if cut is None:
        return text, count
    last = cut
    for match in ends:
        count += 1
        last = match.end()
    return text[:cut] + text[last:], count


def draft_feed(text: str, warnings: list[str]) -> Drafted:
    """Each item's stated fields and body; problems with the whole feed go to `warnings`."""
    import feedparser

    from newsdesk.ingest.feed_fast import read_plain_rss
    from newsdesk.ingest.feed_sanitizer import install as install_quick_sanitizer

    if text.lstrip()[:1] in ("{", "["):
        # JSON, not XML: a JSON Feed is read as one; any other JSON is said to be JSON.
        from newsdesk.ingest.json_feed import draft_json_feed

        return draft_json_feed(text, warnings)
    if "<" not in text:
        # Text under a feed's name (an endpoint's error message): not a feed "cut short".
        start = len(text) - len(text.lstrip())
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        raise Rejected(f"malformed XML at line {line} column {column}: text, no element")
    check_entities(text)
    text, items = first_items(text, MAX_FEED_ITEMS)
    # Whitespace before the XML declaration is a common defect and makes the parser give up.
    data = as_utf8_xml(strip_doctype(text).lstrip())
    # Item HTML only ever becomes plain text here, so its relative links are never
    # used: not resolving them saves a fifth of feedparser's time (same items).
    # Its sanitiser, a third of what is left, runs in one pass on plain markup
    # (`feed_sanitizer`: the same strings).
    install_quick_sanitizer()
    quick = read_plain_rss(data) if QUICK_RSS else None
    if quick is not None:
        # Plain RSS 2.0, read to the same fields in about a quarter of feedparser's work (`feed_fast`).
        parsed: Mapping[str, Any] = {"version": "rss20", "feed": quick[0], "entries": quick[1]}
    else:
        parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        reason = describe_parse_error(exc, data)
        if cut_at_end(data, exc):
            entries = _cut_short(text, entries, reason, warnings)
        elif not entries:
            raise Rejected(f"malformed XML: {reason}")
        else:
            # Damage inside the document: the items before it are kept, said as recovered.
            cut = _last_item_cut(text)
            if cut:
                entries = entries[:-1]
            if entries:
                warnings.append(
                    f"malformed XML ({reason}); recovered {counted(len(entries), 'item')}"
                )
            if cut:
                warnings.append(
                    f"item {len(entries) + 1}: cut off where the document ends; skipped"
                )
    if not entries:
        if not parsed.get("version"):
            raise Rejected("not a feed: no RSS or Atom channel found")
        if parsed.get("bozo"):
            # Broken, not empty: a subscription must show it failed, not "unchanged".
            reason = describe_parse_error(parsed.get("bozo_exception"), data)
            raise Rejected(f"malformed XML: {reason}; no complete item")
        raise Rejected(NO_ITEMS)
    if items > MAX_FEED_ITEMS:
        warnings.append(f"feed has {items:,} items; only the first {MAX_FEED_ITEMS:,} are read")
    if len(entries) > MAX_FEED_ITEMS:  # items the scan did not see as such
        warnings.append(
            f"feed has more than {MAX_FEED_ITEMS:,} items; only the first {MAX_FEED_ITEMS:,} are read"
        )
        entries = entries[:MAX_FEED_ITEMS]
    feed = parsed.get("feed", {})
    feed_title = clean_short(feed_source(_title_text(feed.get("title")), feed.get("link")))
    # "en-us" -> "en": the language code the extractor also uses.
    language = str(feed.get("language") or "").strip().replace("_", "-").split("-")[0].lower()
    feed_language = language if 2 <= len(language) <= 3 and language.isalpha() else None
    drafted = Drafted("feed")
    known_authors: dict[tuple[str, ...], list[str]] = {}
    for number, entry in enumerate(entries, 1):
        label = f"item {number}"
        hints, body = item_hints(entry, feed_title, known_authors)
        hints.language = feed_language
        drafted.add_item(label, hints, body)
    settle_identities(drafted.drafts, feed.get("link"), feed_title, drafted.entries)
    return drafted


#: Opens what is said of a feed that ends before it closes (`feeds.download` reads it).
CUT_SHORT = "feed cut short"
#: What expat says when the input ends before the document does (nothing else is a cut).
_ENDED = frozenset(
    {
        expat_errors.XML_ERROR_NO_ELEMENTS,
        expat_errors.XML_ERROR_UNCLOSED_TOKEN,
        expat_errors.XML_ERROR_PARTIAL_CHAR,
        expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION,
    }
)
#: The end tag of a feed's root (RSS, Atom, RDF), with any prefix, closing the document.
_ROOT_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|RDF)\s*>\s*$", re.IGNORECASE)


def cut_at_end(data: bytes, exc: BaseException | None) -> bool:
    """Whether the parser stopped because the document ends (a download stopped mid-file),
    not at damage inside it: its root never closes, the error is one only the end of the
    input gives (a mismatched tag is damage, wherever it is) and is on its last line."""
    if _ROOT_END.search(data[-200:]):
        return False
    get_message = getattr(exc, "getMessage", None)
    if not callable(get_message) or get_message() not in _ENDED:
        return False
    line = error_line(exc, data)
    last = data.rstrip().count(b"\n") + 1
    return line is not None and line >= last


def _cut_short(text: str, entries: list[Any], reason: str, warnings: list[str]) -> list[Any]:
    """The complete items of a feed cut short, said in one warning; a feed cut before
    its first complete item is refused, saying so."""
    partial = _last_item_cut(text)
    if partial:
        entries = entries[:-1]
    if not entries:
        where = "inside its first item" if partial else "before its first item"
        raise Rejected(
            f"{CUT_SHORT}: the document ends {where} (malformed XML: {reason}); "
            "no complete item to read "
            "(a download stopped mid-file? fetch or save it again)"
        )
    left = "; the last, partial item left out" if partial else ""
    warnings.append(
        f"{CUT_SHORT} (malformed XML: {reason}): "
        f"read its first {counted(len(entries), 'complete item')}{left}"
    )
    return entries


_ITEM_OPEN = re.compile(r"<(?:item|entry)[\s>]", re.IGNORECASE)
_ITEM_CLOSE = re.compile(r"</(?:item|entry)\s*>", re.IGNORECASE)


def _last_item_cut(text: str) -> bool:
    """Whether the document's last item opens and never closes (the text ends in it)."""
    opened = [m.start() for m in _ITEM_OPEN.finditer(text)]
    closed = [m.start() for m in _ITEM_CLOSE.finditer(text)]
    return bool(opened) and (not closed or opened[-1] > closed[-1])


#: A GUID that names its item for the whole web: a URL, a URN, a tag URI.
_GLOBAL_ID = re.compile(r"^(?:https?://|urn:|tag:)", re.IGNORECASE)


def settle_identities(
    drafts: list[Draft], feed_link: object, feed_title: str | None, notes: list[Any]
) -> None:
    """Each item's GUID and link as the store may trust them to tell it apart.

    A GUID or link that several items of the feed share (the site's home page, "1" on
    every item) names none of them: dropped, so each item is told by its own text (one
    stored article would otherwise take every other's place). A GUID that is only the
    feed's own number ("1", "post-42") is made the feed's: two sites both numbering from
    1 are two sites. A relative link is read against the feed's site.
    """
    site = feed_link if isinstance(feed_link, str) and _GLOBAL_ID.match(feed_link) else ""
    scope = site or feed_title or ""
    guids = Counter(d.hints.guid for d in drafts if d.hints.guid)
    links = Counter(d.hints.url for d in drafts if d.hints.url)
    shared = sum(1 for d in drafts if d.hints.guid and guids[d.hints.guid] > 1)
    for draft in drafts:
        hints = draft.hints
        if hints.url and links[hints.url] > 1:
            hints.url = None
        elif hints.url and site and not urlsplit(hints.url).scheme and hints.url != hints.guid:
            # (An item without a link has its GUID there, "g6": no address of the site.)
            hints.url = clean_short(urljoin(site, hints.url))
        if hints.guid and guids[hints.guid] > 1:
            hints.guid = None
        elif hints.guid and scope and not _GLOBAL_ID.match(hints.guid):
            hints.guid = clean_short(f"{scope}#{hints.guid}")
    if shared:
        notes.append(f"{shared} items share a GUID; each is told apart by its text")


def finish_feed_item(draft: Draft, problems: list[str]) -> Extracted:
    """One item extracted; what the feed states outright wins over extraction."""
    hints = draft.hints
    meta = extract_article(draft.body, hints, problems, draft.label, text_is_article=True)
    # The feed states these outright; extraction from a short summary cannot know better.
    for name in ("title", "url", "guid", "published"):
        if getattr(hints, name):
            setattr(meta, name, getattr(hints, name))
    stated = meta.published
    done = finish(meta, "feed")
    if stated and done.published is None and not stated.startswith("1970-01-01"):
        # Dropped as too far ahead (`assemble.FUTURE_DAYS`): said, not lost without a word.
        problems.append(f"{draft.label}: date {stated[:10]} {FUTURE_DATE}")
    return done


#: How an item's date dropped as too far ahead is said (`feeds.download` counts them).
FUTURE_DATE = "ignored: in the future"


def load_feed(text: str, warnings: list[str]) -> list[Extracted]:
    return load_in_one_go(draft_feed(text, warnings), warnings)
