"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): each item an article.

A JSON Feed is a JSON object whose `version` is a jsonfeed.org address and whose
`items` each have an `id` and `content_html` or `content_text` (with `url`,
`title`, `summary`, `date_published`, `date_modified`, `authors` or 1.0's
`author`). The items become drafts as RSS and Atom items do (`feed.draft_feed`),
so they are told apart, scoped and updated the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from newsdesk.ingest.drafts import Drafted
from newsdesk.ingest.html_text import html_fragment_to_text
from newsdesk.ingest.limits import MAX_FEED_ITEMS
from newsdesk.ingest.names import person_names
from newsdesk.ingest.result import Rejected
from newsdesk.isodates import normalise_date
from newsdesk.model import Extracted

#: The `version` of a JSON Feed: "https://jsonfeed.org/version/1" or ".../1.1".
_VERSION = re.compile(r'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.IGNORECASE)
#: A summary shorter than this, beside fuller content, serves as the dek.
MAX_DEK_CHARS = 400


def looks_like_json_feed(text: str) -> bool:
    """A JSON object that names a jsonfeed.org version near its top."""
    stripped = text.lstrip()
    return stripped.startswith("{") and _VERSION.search(stripped[:65536]) is not None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _authors(item: Mapping[str, Any], feed: Mapping[str, Any]) -> list[str]:
    found: list[object] = []
    for source in (item, feed):
        authors = source.get("authors")
        if isinstance(authors, list):
            found = authors
        elif isinstance(source.get("author"), Mapping):  # JSON Feed 1.0
            found = [source["author"]]
        if found:
            break
    names = [_text(a.get("name")) for a in found if isinstance(a, Mapping)]
    return person_names([n for n in names if n])


def _hints(
    item: Mapping[str, Any], feed: Mapping[str, Any], source: str | None
) -> tuple[Extracted, str]:
    """What the item states, and its body text."""
    from newsdesk.ingest.assemble import clean_short
    from newsdesk.ingest.feed import fold

    html = _text(item.get("content_html"))
    content = html_fragment_to_text(html) if html else _text(item.get("content_text"))
    summary = _text(item.get("summary"))
    body = content or summary
    dek = None
    if (
        content
        and summary
        and len(summary) <= MAX_DEK_CHARS
        and fold(summary)[:60] not in fold(content)
    ):
        dek = summary
    published = None
    for key in ("date_published", "date_modified"):
        published = normalise_date(_text(item.get(key))) or None
        if published:
            break
    raw_id = item.get("id")
    guid = (
        str(raw_id).strip()
        if isinstance(raw_id, str | int) and not isinstance(raw_id, bool)
        else ""
    )
    url = _text(item.get("url")) or _text(item.get("external_url"))
    language = _text(item.get("language") or feed.get("language")).replace("_", "-").split("-")[0]
    hints = Extracted(
        title=html_fragment_to_text(_text(item.get("title"))).replace("\n", " "),
        dek=dek,
        authors=_authors(item, feed),
        source=clean_short(source),
        published=published,
        url=clean_short(url or None),
        guid=clean_short(guid or None),
        language=language.lower() if 2 <= len(language) <= 3 and language.isalpha() else None,
        format="feed",
    )
    return hints, body


def draft_json_feed(text: str, warnings: list[str]) -> Drafted:
    """Each item's stated fields and body; Rejected when the JSON is not a JSON Feed."""
    from newsdesk.ingest.assemble import clean_short
    from newsdesk.ingest.feed import NO_ITEMS, feed_source, settle_identities

    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise Rejected(f"not a feed: the JSON cannot be read ({exc})") from None
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise Rejected("not a feed: the server sent JSON that is not a JSON Feed")
    items = document.get("items")
    if not isinstance(items, list) or not items:
        raise Rejected(NO_ITEMS)
    if len(items) > MAX_FEED_ITEMS:
        warnings.append(
            f"feed has {len(items):,} items; only the first {MAX_FEED_ITEMS:,} are read"
        )
        items = items[:MAX_FEED_ITEMS]
    site = _text(document.get("home_page_url")) or None
    source = clean_short(feed_source(_text(document.get("title")), site))
    drafted = Drafted("feed")
    for number, item in enumerate(items, 1):
        label = f"item {number}"
        if not isinstance(item, Mapping):
            drafted.entries.append(f"{label}: not an object; skipped")
            continue
        hints, body = _hints(item, document, source)
        drafted.add_item(label, hints, body)
    settle_identities(drafted.drafts, site, source, drafted.entries)
    return drafted
