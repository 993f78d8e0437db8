"""What both backends write for an article's extracted content, in one order."""

from __future__ import annotations

import json
import time
from typing import Any

from newsdesk.isodates import iso_to_ts, sort_key
from newsdesk.model import Extracted

#: The columns `content_values` fills, in its order (`update_content` on both backends).
CONTENT_COLUMNS = (
    "title",
    "source",
    "published",
    "published_ts",
    "sort_ts",
    "url",
    "language",
    "word_count",
    "body",
    "meta",
)


def content_values(meta: Extracted) -> tuple[Any, ...]:
    """The values of `CONTENT_COLUMNS` for `meta` (the body outside the meta column)."""
    published_ts = iso_to_ts(meta.published)
    stored_meta = meta.to_dict()
    stored_meta.pop("body", None)
    return (
        meta.title,
        meta.source,
        meta.published,
        published_ts,
        sort_key(published_ts, time.time()),
        meta.url,
        meta.language,
        meta.word_count,
        meta.body,
        json.dumps(stored_meta, ensure_ascii=False),
    )
