"""Related-story lists: turn their entries into `Link`s, kept out of the body."""

from __future__ import annotations

import re

from newsdesk.extract.dates import date_line
from newsdesk.extract.lines import strip_list_mark
from newsdesk.model import Link
from newsdesk.sanitize import clean_line

#: A page never has more related links than this worth keeping.
MAX_LINKS = 60

_URL = re.compile(r"https?://[^\s<>\"')\]]+")
_MARKDOWN = re.compile(r"^\[(?P<title>[^\]]{1,300})\]\((?P<url>https?://[^)\s]+)\)")
_LEAD_NUMBER = re.compile(r"^\d{1,2}\s*[.):-]?\s+(?=\D)")


def link_from_line(line: str) -> Link | None:
    """'- Title', '1. Title', '[Title](url)', 'Title https://...' -> Link; None if empty."""
    text = strip_list_mark(line.strip())
    text = _LEAD_NUMBER.sub("", text, count=1)
    md = _MARKDOWN.match(text)
    if md:
        title = clean_line(md["title"])
        return Link(title=title, url=md["url"]) if title else None
    url_match = _URL.search(text)
    url = None
    if url_match:
        url = url_match.group(0).rstrip(".,;")
        text = (text[: url_match.start()] + text[url_match.end() :]).strip(" -–—|:()")
    title = clean_line(text).strip(" -–—|:•*")
    if not any(ch.isalnum() for ch in title):
        return None
    return Link(title=title[:300], url=url)


#: Entries of a related list that are the site talking, not a story: appeals, menus.
_FURNITURE = re.compile(
    r"^(?:don[’']?t miss|sign up|subscribe|click here|read (?:this next|more)|view all"
    r"|most (?:popular|read)|about (?:the newsroom|us)|follow us|instant download|willkommen)\b"
    r"|\bby clicking here\b|\bsign up for\b|\bnewsletter\W*$",
    re.IGNORECASE,
)
#: A contact line under a story: an e-mail address or a telephone number.
_CONTACT = re.compile(r"\S@\S+\.\w|\b\d{3}[-. ]\d{3}[-. ]\d{4}\b")


def is_furniture_link(title: str) -> bool:
    """A related list's entry that is no story: a timestamp under the one before it,
    an appeal, a menu entry, a reporter's contact line."""
    return bool(_FURNITURE.search(title) or _CONTACT.search(title) or date_line(title))


def add_link(links: list[Link], line: str) -> None:
    """Append the line's link unless the list is full, it is already there, or it is
    the site's furniture (`is_furniture_link`)."""
    if len(links) >= MAX_LINKS:
        return
    link = link_from_line(line)
    if link is None or is_furniture_link(link.title):
        return
    if any(existing.title == link.title for existing in links):
        return
    links.append(link)
