"""Feed names: short lower-case words joined by hyphens, what `feed:NAME` matches."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Collection
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from newsdesk.sanitize import clean_line

MAX_NAME = 40


def slug(text: str) -> str:
    words = re.findall(r"\w+", clean_line(text).casefold())
    return "-".join(words)[:MAX_NAME].strip("-")


#: File names that say nothing about a feed ("/rss.xml", "/feed").
GENERIC_STEMS = frozenset({"feed", "feeds", "rss", "atom", "index", "all", "xml", "news", "rss2"})


#: Words that name no feed when a part of its title has nothing else ("Origin Times -
#: News" is origin-times; "Google Alert - Slack" keeps its subject).
GENERIC_TITLE_WORDS = frozenset(
    {
        "all", "and", "articles", "blog", "breaking", "feed", "feeds", "front", "headlines",
        "home", "homepage", "latest", "most", "new", "news", "page", "popular", "posts",
        "read", "recent", "rss", "stories", "the", "top", "updates",
    }
)  # fmt: skip
#: Where a title's parts meet: "Site - Section", "Site | Section", "Site: Section".
_TITLE_PARTS = re.compile(r"\s+[-|–—:»·]\s+|:\s+")


def name_from_title(title: str) -> str:
    """A name from a feed's own title, or "" when it names nothing: its parts with the
    generic ones ("News", "Top Stories") and lists of sections ("News, Politics,
    Opinion") left out, cut at a word within `MAX_NAME`."""
    words: list[str] = []
    for part in _TITLE_PARTS.split(clean_line(title)):
        found = re.findall(r"\w+", part.casefold())
        if part.count(",") >= 2 or all(w in GENERIC_TITLE_WORDS for w in found):
            continue
        words.extend(found)
    name = ""
    for word in words:
        longer = f"{name}-{word}" if name else word
        if len(longer) > MAX_NAME:
            break
        name = longer
    return name or slug(" ".join(words))


def name_from_url(url: str) -> str:
    """A name when the feed has no title: the site's name, else (an address with no
    name, such as 127.0.0.1 or an intranet host) the file's, else the host and port."""
    parts = urlsplit(url)
    host = (parts.hostname or "feed").removeprefix("www.").removeprefix("feeds.")
    if not _is_address(host) and "." in host:
        return slug(host.rsplit(".", 1)[0]) or "feed"
    stem = PurePosixPath(parts.path).stem
    if slug(stem) and stem.casefold() not in GENERIC_STEMS:
        return slug(stem)
    return slug(f"{host} {parts.port or ''}") or "feed"


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def unique_name(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... when a feed already has that name."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


def cut_middle(name: str, width: int) -> str:
    """`name` in at most `width` cells, cut in the middle with an ellipsis when longer:
    its end is kept, where names made unique differ ("...-times-31mred" and
    "...-31mred-2" read alike when cut at the end)."""
    from rich.cells import cell_len

    if cell_len(name) <= width:
        return name
    if width <= 1:
        return "…"[:width]
    tail_cells = (width - 1) // 2
    # Cells counted as they are taken (joining the kept part again a character was
    # quadratic in the name's length).
    tail: list[str] = []
    used = 0
    for char in reversed(name):
        cells = cell_len(char)
        if used + cells > tail_cells:
            break
        tail.append(char)
        used += cells
    head: list[str] = []
    room = width - 1 - used
    for char in name:
        cells = cell_len(char)
        if cells > room:
            break
        head.append(char)
        room -= cells
    return "".join(head) + "…" + "".join(reversed(tail))
