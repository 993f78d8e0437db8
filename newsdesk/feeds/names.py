"""Feed names: short lower-case words joined by hyphens, what `feed:NAME` matches."""

from __future__ import annotations

import re
from collections.abc import Collection
from urllib.parse import urlsplit

from newsdesk.sanitize import clean_line

MAX_NAME = 40


def slug(text: str) -> str:
    words = re.findall(r"\w+", clean_line(text).casefold())
    return "-".join(words)[:MAX_NAME].strip("-")


def name_from_url(url: str) -> str:
    host = (urlsplit(url).hostname or "feed").removeprefix("www.").removeprefix("feeds.")
    return slug(host.rsplit(".", 1)[0] if host.count(".") >= 1 else host) or "feed"


def unique_name(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when a feed already has that name."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"
