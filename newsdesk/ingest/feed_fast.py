"""A quick reader for plain RSS 2.0, giving what feedparser gives for the fields we read.

feedparser spends about 1 ms of CPU an item: a SAX handler in Python for every
element and every run of text, FeedParserDict look-ups, a deep copy of each
content block's parameters. `read_plain_rss` reads the same bytes with the same
expat parser (so the same documents are well formed) and keeps only what
`feed.item_hints` and `feed.draft_feed` read: each item's title, link, GUID,
dates, author, summary and content, and the channel's title, link and language.
Every value goes through the steps feedparser's `_FeedParserMixin.pop` takes on
it, in the same order and with the same helpers (URI joining, the plain-text
title that "looks like HTML", the installed HTML sanitiser, the UTF-8 and
cp1252 repairs).

It reads only documents it knows feedparser reads one way: an `rss` root of
version 2.x, the RSS 2.0 elements below and content:encoded, dc:creator, dc:date,
dc:language, the media: elements that hold no title or text we read, and
atom:link (not rel="alternate"); one of each field in an item (authors may
repeat), no attributes but the known ones, no xml:base or xml:lang. Anything else
(Atom, RDF, other namespaces, a second title, an element inside a title, media:title,
malformed XML, an encoding feedparser would override) returns None, and the caller
asks feedparser as before.
tests/ingest/test_feed_fast.py runs both readers over real, generated and
hostile feeds and compares every drafted field.
"""

from __future__ import annotations

import contextlib
import re
import xml.parsers.expat
from typing import Any

import feedparser.mixin
from feedparser.datetimes import _parse_date
from feedparser.encodings import convert_to_utf8
from feedparser.html import _cp1252
from feedparser.sanitizer import replace_doctype
from feedparser.urls import _urljoin

_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"
_ATOM = "http://www.w3.org/2005/Atom"
_MEDIA = "http://search.yahoo.com/mrss/"
#: Namespaces read here, by URI, as feedparser names their elements.
_PREFIXES = {
    _CONTENT: "content:",
    _DC: "dc:",
    _ATOM: "atom:",
    _MEDIA: "media:",
    _MEDIA.rstrip("/"): "media:",
}

#: Item children: the field each fills ("" for those feedparser keeps under keys
#: `feed.item_hints` never reads: tags, links, media_content, credit, publisher...).
_ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "description": "summary",
    "content:encoded": "content",
    "guid": "id",
    "pubdate": "published",
    "dc:date": "updated",
    "author": "author",
    "dc:creator": "author",
    "category": "",
    "comments": "",
    "enclosure": "",
    "categories": "",
    "dc:publisher": "",
    "dc:modified": "",
    "media:content": "",
    "media:thumbnail": "",
    "media:credit": "",
    "media:keywords": "",
    "media:category": "",
}
#: Channel children: the field each fills ("" for those not read).
_CHANNEL_FIELDS = {
    "title": "title",
    "link": "link",
    "language": "language",
    "dc:language": "language",
    "description": "",
    "copyright": "",
    "managingeditor": "",
    "webmaster": "",
    "pubdate": "",
    "lastbuilddate": "",
    "category": "",
    "generator": "",
    "docs": "",
    "ttl": "",
    "image": "",
    "atom:link": "",
    "dc:rights": "",
    "dc:date": "",
    "dc:publisher": "",
    "dc:creator": "",
    "item": "",
}
#: Elements holding others, and the children each may hold (none of them read).
_CONTAINERS = {
    "image": frozenset(("url", "title", "link", "width", "height", "description")),
    "categories": frozenset(("category",)),
    "media:content": frozenset(("media:credit",)),
    "enclosure": frozenset(),
}
#: Attributes that change nothing we read, by element (None: any plain attribute;
#: an element not named takes none).
_ATTRIBUTES: dict[str, frozenset[str] | None] = {
    "guid": frozenset(("ispermalink",)),
    "category": frozenset(("domain",)),
    "enclosure": frozenset(("url", "length", "type")),
    "atom:link": frozenset(("href", "rel", "type", "title", "hreflang", "length")),
    "media:content": None,
    "media:thumbnail": None,
    "media:credit": None,
    "media:category": None,
}
#: How feedparser mends a link's query ("?a=1&b;=2").
_LINK_REF = re.compile("&([A-Za-z0-9_]+);")
#: The characters feedparser's `_cp1252` table maps.
_CP1252_CHARS = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_cp1252)) + "]")
_looks_like_html = feedparser.mixin._FeedParserMixin.looks_like_html


class _Decline(Exception):
    """The document holds something only feedparser reads as feedparser does."""


def _repaired(output: str) -> str:
    # feedparser's last steps on every value: text that is UTF-8 read as Latin-1 is
    # read again, then the cp1252 code points 0x80-0x9F are mapped.
    if output.isascii():
        return output  # both steps leave ASCII as it is
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        output = output.encode("iso-8859-1").decode("utf-8")
    # `translate` looks up every character: run only when there is one to map.
    return output.translate(_cp1252) if _CP1252_CHARS.search(output) else output


def _html(output: str) -> str:
    # Markup (description, content:encoded, a title that looks like HTML: all three in
    # feedparser's `can_contain_dangerous_markup`) goes through the sanitiser feedparser
    # calls, whichever is installed (`feed_sanitizer`).
    return str(feedparser.mixin._sanitize_html(output, "utf-8", "text/html"))


class _Reader:
    """expat handlers keeping one `rss` document's items and channel fields."""

    def __init__(self) -> None:
        self.path: list[str] = []
        self.text: list[str] | None = None
        self.attrs: dict[str, str] = {}
        self.feed: dict[str, Any] = {}
        self.entries: list[_Entry] = []
        self.seen: set[str] = set()
        self.channel_seen: set[str] = set()
        self.guidislink = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        tag = self._tag(name)
        attrs = {self._attr(key): value for key, value in attributes.items()}
        depth = len(self.path)
        if self.text is not None:
            raise _Decline  # an element inside a field: feedparser splits the text
        if depth == 0:
            if tag != "rss" or set(attrs) != {"version"} or not attrs["version"].startswith("2."):
                raise _Decline
            self.path.append(tag)
            return
        allowed = _ATTRIBUTES.get(tag, frozenset())
        if allowed is not None and any(key not in allowed for key in attrs):
            raise _Decline
        if depth == 1:
            if tag != "channel" or "channel" in self.channel_seen:
                raise _Decline
            self.channel_seen.add("channel")
        elif depth == 2:
            self._channel_child(tag, attrs)
        elif depth == 3 and self.path[-1] == "item":
            self._item_child(tag, attrs)
        elif tag in _CONTAINERS.get(self.path[-1], ()) and self.path[-2] in ("channel", "item"):
            self.text = []  # (read by feedparser into keys never read here)
        else:
            raise _Decline
        self.path.append(tag)

    def _tag(self, name: str) -> str:
        uri, _, local = name.rpartition(" ")
        if not uri:
            return local.lower()
        prefix = _PREFIXES.get(uri)
        if prefix is None:
            raise _Decline
        return prefix + local.lower()

    def _attr(self, name: str) -> str:
        if " " in name:
            raise _Decline  # xml:base, xml:lang, any namespaced attribute
        return name.lower()

    def _channel_child(self, tag: str, attrs: dict[str, str]) -> None:
        field = _CHANNEL_FIELDS.get(tag)
        if field is None:
            raise _Decline
        if tag == "item":
            self.entries.append(_Entry())
            self.seen = set()
            self.guidislink = False
            return
        if tag == "atom:link":
            # Only a link that is not the page's own: any other one feedparser may take
            # as the channel's link (and one without href reads its text as one).
            if not attrs.get("href") or attrs.get("rel", "alternate").lower() == "alternate":
                raise _Decline
            return
        if field in ("title", "link"):
            if field in self.channel_seen:
                raise _Decline  # a second one: which wins depends on where items stand
            self.channel_seen.add(field)
        self.attrs = attrs
        if tag not in _CONTAINERS:
            self.text = []

    def _item_child(self, tag: str, attrs: dict[str, str]) -> None:
        field = _ITEM_FIELDS.get(tag)
        if field is None:
            raise _Decline
        if field and field != "author":
            if field in self.seen:
                raise _Decline  # a second title, link...: feedparser's rules differ by field
            self.seen.add(field)
        self.attrs = attrs
        if tag not in _CONTAINERS:
            self.text = []

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, name: str) -> None:
        tag = self.path.pop()
        if self.text is None:
            return
        output = "".join(self.text).strip()
        self.text = None
        if len(self.path) == 2:
            self._channel_value(tag, output)
        elif len(self.path) == 3 and self.path[-1] == "item":
            self._item_value(tag, output)

    def _channel_value(self, tag: str, output: str) -> None:
        field = _CHANNEL_FIELDS[tag]
        if field == "title":
            if _looks_like_html(output):
                output = _html(output)
            self.feed["title"] = _repaired(output)
        elif field == "link":
            if output:
                output = _urljoin("", output)
            self.feed["link"] = _LINK_REF.sub(r"&\g<1>", _repaired(output))
        elif field == "language":
            self.feed["language"] = _repaired(output)

    def _item_value(self, tag: str, output: str) -> None:
        entry = self.entries[-1]
        field = _ITEM_FIELDS[tag]
        if field == "title":
            if _looks_like_html(output):
                output = _html(output)
            entry["title"] = _repaired(output)
        elif field == "link":
            if output:
                output = _urljoin("", output)
            output = _repaired(output).replace("&amp;", "&")
            entry["link"] = _LINK_REF.sub(r"&\g<1>", output)
        elif field == "id":
            self.guidislink = self.attrs.get("ispermalink", "true") == "true"
            if output and self.guidislink:
                output = _urljoin("", output)
            entry["id"] = output = _repaired(output)
            if self.guidislink:
                entry.setdefault("link", output)  # the GUID is the link unless one is given
        elif field == "summary":
            entry["summary"] = _repaired(_html(output))
        elif field == "content":
            value = _repaired(_html(output))
            entry["content"] = [{"value": value}]
            entry.setdefault("summary", value)  # a description, before or after, wins
        elif field in ("published", "updated"):
            entry[field] = output = _repaired(output)
            entry[f"{field}_parsed"] = _LazyDate(output)
        elif field == "author":
            # As feedparser's `_start_author` and `_end_author`: a detail for each author,
            # the last one's string as "author", its name and e-mail split by feedparser.
            entry.setdefault("authors", []).append({})
            entry["author"] = _repaired(output)
            _sync_author_detail(_AuthorContext(entry))


class _AuthorContext:
    """What feedparser's `_sync_author_detail` asks of its parser: the item being read."""

    def __init__(self, entry: dict[str, Any]) -> None:
        self.entry = entry

    def _get_context(self) -> dict[str, Any]:
        return self.entry


_sync_author_detail = feedparser.mixin._FeedParserMixin._sync_author_detail


class _LazyDate:
    """feedparser's parsed date, worked out only when read: `feed._published` reads
    it only if the stated date is not understood (parsing is most of a date's cost)."""

    __slots__ = ("raw",)

    def __init__(self, raw: str) -> None:
        self.raw = raw


class _Entry(dict[str, Any]):
    """An item's fields; a `*_parsed` date is parsed when first read."""

    def __getitem__(self, key: str) -> Any:
        value = dict.__getitem__(self, key)
        if isinstance(value, _LazyDate):
            value = _parse_date(value.raw)
            self[key] = value
        return value

    def get(self, key: str, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default


def read_plain_rss(data: bytes) -> tuple[dict[str, Any], list[_Entry]] | None:
    """(channel fields, items) as feedparser would give them, or None to ask feedparser."""
    if b"<rss" not in data[:4096]:
        return None
    result: dict[str, Any] = {"headers": {}}
    data = convert_to_utf8({}, data, result)
    if result.get("bozo") or not result.get("encoding"):
        return None
    version, data, entities = replace_doctype(data)
    if version or entities:
        return None
    reader = _Reader()
    parser = xml.parsers.expat.ParserCreate(None, " ")
    parser.buffer_text = True
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.StartNamespaceDeclHandler = _namespace
    try:
        parser.Parse(data, True)
    except (_Decline, xml.parsers.expat.ExpatError):
        return None
    if not reader.channel_seen:
        return None
    return reader.feed, reader.entries


def _namespace(prefix: str | None, uri: str | None) -> None:
    # A default namespace, or one not read here, could rename elements for feedparser.
    if not prefix or uri not in _PREFIXES:
        raise _Decline
