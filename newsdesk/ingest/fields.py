"""Article metadata given as key/value pairs (front matter, JSON Lines) -> hints.

Both formats use the same vocabulary, with the usual synonyms: title or
headline; dek, description, summary or subtitle; authors, author or byline;
published or date; url or link; tags or keywords.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import TypeGuard

from newsdesk.extract.byline import stated_author
from newsdesk.ingest.limits import MAX_LIST_ITEMS
from newsdesk.ingest.markup import looks_like_html
from newsdesk.isodates import normalise_date
from newsdesk.model import DESCRIPTIVE_FIELDS, ENTITY_FIELDS, EXTRA_FIELDS, Extracted, Link, Quote

TITLE_KEYS = ("title", "headline")
DEK_KEYS = ("dek", "description", "summary", "subtitle", "standfirst")
AUTHOR_KEYS = ("authors", "author", "byline")
SOURCE_KEYS = ("source", "outlet", "publisher", "site", "site_name")
DATE_KEYS = ("published", "date", "pubdate", "published_at", "datetime", "updated")
URL_KEYS = ("url", "link", "canonical")
TAG_KEYS = ("tags", "keywords", "categories")
BODY_KEYS = ("body", "text", "content", "article")

_AUTHOR_SPLIT = re.compile(r"\s*(?:;|\band\b|&)\s*")
_TAG_SPLIT = re.compile(r"\s*[,;]\s*")
_TRUE = {"true", "yes", "y", "1", "on", "starred"}
_FALSE = {"false", "no", "n", "0", "off", ""}


def as_text(value: object) -> str | None:
    """A scalar as text; None for missing values and for lists or mappings."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON's NaN and Infinity: stored as "nan", a body of one word
    if isinstance(value, str | int | float | date):
        text = str(value).strip()
        return text or None
    return None


def _first(data: Mapping[str, object], keys: tuple[str, ...]) -> object:
    for key in keys:
        if key in data and data[key] not in (None, "", []):
            return data[key]
    return None


def _name(value: object) -> str | None:
    if isinstance(value, Mapping):
        return as_text(value.get("name"))
    return as_text(value)


def as_authors(value: object) -> list[str]:
    """Authors from a list, a list of {name: ...}, or one string ("A and B; C")."""
    if isinstance(value, list | tuple):
        names = [_name(v) for v in value[:MAX_LIST_ITEMS]]
        return [n for n in names if n]
    text = _name(value)
    if not text:
        return []
    text = re.sub(r"^\s*by\s+", "", text[:1000], flags=re.I)
    parts = [p for p in _AUTHOR_SPLIT.split(text) if p]
    # "Smith, Jane" is one person; "Jane Smith, John Roe" are two.
    if len(parts) == 1 and "," in text:
        pieces = [p.strip() for p in text.split(",") if p.strip()]
        if all(" " in p for p in pieces):
            parts = pieces
    return parts[:MAX_LIST_ITEMS]


def as_names(value: object) -> list[str]:
    """A list of entity names (people, organisations, places); anything else gives []."""
    if not isinstance(value, list | tuple):
        return []
    names = [as_text(v) for v in value[: MAX_LIST_ITEMS * 10]]
    return [n for n in names if n]


def as_quotes(value: object) -> list[Quote]:
    """Quotes as an export writes them: [{text, speaker}, ...] or plain strings."""
    if not isinstance(value, list | tuple):
        return []
    quotes: list[Quote] = []
    for item in value[: MAX_LIST_ITEMS * 10]:
        if isinstance(item, Mapping):
            text = as_text(item.get("text"))
            if text:
                quotes.append(Quote(text=text, speaker=as_text(item.get("speaker"))))
        elif (text := as_text(item)) is not None:
            quotes.append(Quote(text=text))
    return quotes


def as_links(value: object) -> list[Link]:
    """Links as an export writes them: [{title, url}, ...] or plain URLs."""
    if not isinstance(value, list | tuple):
        return []
    links: list[Link] = []
    for item in value[: MAX_LIST_ITEMS * 10]:
        if isinstance(item, Mapping):
            title, url = as_text(item.get("title")), as_text(item.get("url"))
            if title or url:
                links.append(Link(title=title or url or "", url=url))
        elif (url := as_text(item)) is not None:
            links.append(Link(title=url, url=url))
    return links


def as_tags(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        tags = [as_text(v) for v in value[:MAX_LIST_ITEMS]]
        return [t.lstrip("#") for t in tags if t]
    text = as_text(value)
    if not text:
        return []
    return [t.lstrip("#") for t in _TAG_SPLIT.split(text[:5000]) if t.strip()][:MAX_LIST_ITEMS]


def as_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    return None


def hints_from_mapping(data: Mapping[str, object], fmt: str) -> Extracted:
    """Hints from the keys a front matter block or a JSON Lines record gives."""
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    hints = Extracted(format=fmt)
    title = _first(lowered, TITLE_KEYS)
    # A headline given in parts (["Alpha headline part", "Beta part"]) is one headline.
    hints.title = (" ".join(title) if _texts(title) else as_text(title)) or ""
    hints.dek = as_text(_first(lowered, DEK_KEYS))
    if hints.dek is None and any(key in lowered for key in DEK_KEYS):
        hints.dek = NO_DEK  # stated as none ("dek": null in an export): none is extracted
    # As a byline would give them: no "Editorial", no "Africa correspondent".
    stated = (stated_author(name) for name in as_authors(_first(lowered, AUTHOR_KEYS)))
    hints.authors = [name for name in stated if name]
    hints.source = as_text(_first(lowered, SOURCE_KEYS))
    hints.dateline = as_text(lowered.get("dateline"))
    hints.published = normalise_date(_first(lowered, DATE_KEYS))
    hints.url = as_text(_first(lowered, URL_KEYS))
    # An export's "id" (newsdesk's own article id) comes back as the guid, so a
    # re-imported file can be matched to the article it was exported from.
    hints.guid = as_text(_first(lowered, ("guid", "id")))
    hints.people = as_names(lowered.get("people"))
    hints.organizations = as_names(lowered.get("organizations") or lowered.get("orgs"))
    hints.places = as_names(lowered.get("places"))
    hints.quotes = as_quotes(lowered.get("quotes"))
    hints.links = as_links(lowered.get("links"))
    hints.tags = as_tags(_first(lowered, TAG_KEYS))
    hints.starred = as_bool(lowered.get("starred"))
    hints.note = as_text(lowered.get("note"))
    hints.language = as_text(_first(lowered, ("language", "lang")))
    wire = lowered.get("wire")
    if isinstance(wire, Mapping):
        _wire_hints(hints, {str(k).strip().lower(): v for k, v in wire.items()})
    return hints


def _wire_hints(hints: Extracted, wire: Mapping[str, object]) -> None:
    """The `wire:` block of newsdesk's own exports: a killed or embargoed item exported
    and imported again is still killed or embargoed (it came back as ordinary copy)."""
    from newsdesk.wire import DO_NOT_USE, STATUSES, valid_urgency

    hints.urgency = valid_urgency(wire.get("urgency"))
    version = wire.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version >= 0:
        hints.version = version
    hints.slugline = as_text(wire.get("slugline"))
    hints.item_id = as_text(wire.get("item_id"))
    hints.embargo_until = normalise_date(as_text(wire.get("embargo_until")))
    status = (as_text(wire.get("status")) or "").lower()
    hints.status = status if status in STATUSES else None
    if wire.get("killed") is True and hints.status not in DO_NOT_USE:
        # A version of a withheld item comes back withheld, not killed for good.
        hints.status = "withheld" if wire.get("withheld") is True else "withdrawn"
    hints.agency_note = as_text(wire.get("agency_note"))
    hints.subjects = as_names(wire.get("subjects"))


#: Wire fields a record's `wire:` block states (newsdesk's exports).
WIRE_HINTS: tuple[str, ...] = (
    "urgency", "slugline", "version", "item_id", "embargo_until", "status", "agency_note",
    "subjects",
)  # fmt: skip

#: The fields an explicit front matter or record value decides, over extraction.
EXPLICIT_FIELDS: tuple[str, ...] = (
    *DESCRIPTIVE_FIELDS,
    "url",
    "guid",
    "tags",
    "starred",
    "note",
    "language",
    *WIRE_HINTS,
    *ENTITY_FIELDS,
    *EXTRA_FIELDS,
)


#: A record that states it has no dek ("dek": null, as newsdesk's JSON export writes it).
NO_DEK = ""


def keep_stated_empties(meta: Extracted, hints: Extracted) -> None:
    """What the record states is empty stays empty after extraction: a JSON export
    imported again took its body's first line for a dek, shown twice."""
    if hints.dek == NO_DEK:
        meta.dek = None


def _texts(value: object) -> TypeGuard[list[str]]:
    """Whether `value` is a non-empty list of strings."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) for v in value)


def _scalar(value: object) -> bool:
    """Whether `value` reads as text (`as_text`): a string, a finite number, a date."""
    return isinstance(value, str) or as_text(value) is not None


#: Fields read as one piece of text (beside the headline and the body).
_TEXT_FIELDS = frozenset({"dek", "source", "url", "dateline", "guid", "note", "language"})
#: Each key a record's field is read from: (field, rank among that field's keys; the
#: first key given a value is the one read, as `_first` reads it).
_READ_FROM: dict[str, tuple[str, int]] = {
    key: (field_name, rank)
    for field_name, keys in (
        ("title", TITLE_KEYS), ("body", BODY_KEYS), ("dek", DEK_KEYS),
        ("source", SOURCE_KEYS), ("url", URL_KEYS), ("dateline", ("dateline",)),
        ("guid", ("guid", "id")), ("note", ("note",)), ("language", ("language", "lang")),
        ("authors", AUTHOR_KEYS), ("tags", TAG_KEYS), ("published", DATE_KEYS),
        ("starred", ("starred",)),
    )
    for rank, key in enumerate(keys)
}  # fmt: skip
#: The order problems are said in.
_FIELD_ORDER = ("title", "body", "dek", "source", "url", "dateline", "guid", "note",
                "language", "authors", "tags", "starred", "published")  # fmt: skip


def _read_keys(data: Mapping[str, object]) -> dict[str, tuple[int, str, object]]:
    """Each field a record gives a value: (rank, the key read, its value), in one pass
    over the record."""
    given: dict[str, tuple[int, str, object]] = {}
    for raw, value in data.items():
        where = _READ_FROM.get(str(raw).strip().lower())
        if where is None or value is None or value == "" or value == []:
            continue
        name, rank = where
        if name not in given or rank < given[name][0]:
            given[name] = (rank, str(raw).strip().lower(), value)
    return given


def field_problems(data: Mapping[str, object], hints: Extracted) -> list[str]:
    """What a record (JSON, a CSV row) gives in a field of the wrong type, each said
    ("'starred' is not true or false"), not taken silently: a headline in parts read
    as no headline (the text's first paragraph took its place), "starred": "yes"
    starred, "body": NaN was a body reading "nan". `hints` (`hints_from_mapping` of
    `data`) lose what is said to be left out."""
    given = _read_keys(data)
    said: list[str] = []
    for name in _FIELD_ORDER:
        if name not in given:
            continue
        _, key, value = given[name]
        if name == "title" and _texts(value):
            said.append(f"{key!r} is a list; its parts are joined into one headline")
        elif name == "title" or name in _TEXT_FIELDS:
            if not _scalar(value):
                said.append(f"{key!r} is not text; left out")
        elif name == "body":
            if not (_scalar(value) or _texts(value)):
                said.append(f"{key!r} is not text; left out")
        elif name in ("authors", "tags"):
            items = value if isinstance(value, list | tuple) else [value]
            what = "names" if name == "authors" else "tags"
            if not all(_scalar(item) or (name == "authors" and _name(item)) for item in items):
                said.append(f"{key!r} is not text or a list of {what}; what is not, left out")
        elif name == "starred":
            if not (
                isinstance(value, bool)
                or (isinstance(value, str) and value.strip().lower() in ("true", "false"))
            ):
                said.append(f"'starred' is not true or false ({_shown(value)}); left out")
                hints.starred = None
        elif name == "published" and hints.published is None:
            said.append(f"{key!r} is not a date ({_shown(value)}); left out")
    return said


def _shown(value: object) -> str:
    """A value quoted in a warning, cut short."""
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def body_from_mapping(data: Mapping[str, object]) -> str:
    """The record's article text; HTML (a "content" field of a CMS export) becomes paragraphs."""
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    value = _first(lowered, BODY_KEYS)
    if isinstance(value, list):
        # Paragraphs one by one, which may be HTML too (["<p>...</p>", ...]).
        text = "\n\n".join(t for t in (as_text(v) for v in value) if t)
    else:
        text = as_text(value) or as_text(lowered.get("html")) or ""
    if looks_like_html(text):
        from newsdesk.ingest.html_text import html_fragment_to_text

        return html_fragment_to_text(text)
    return text
