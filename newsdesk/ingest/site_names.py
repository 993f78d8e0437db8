"""Whether a name on an HTML page is the site's own: its stated name, or one its host bears out.

Shared by the outlet reader (which of the page's candidate names is the outlet) and the
headline readers (an <h1> that only names the site is its masthead, not a headline).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from newsdesk.ingest.html_headline import TITLE_SEPARATORS, WORD, fold
from newsdesk.ingest.html_masthead import masthead_names
from newsdesk.sanitize import clean_line


def names_site(text: str, site: str | None, url: str | None) -> bool:
    """`text` is the site's name as the page gives it, or its host bears it out."""
    if site and fold(text) == fold(site):
        return True
    return bool(url) and host_bears(text, host_key(url or ""))


def host_key(url: str) -> str:
    """The page's host as words to look names up in ("www.mz-web.de" -> "mzweb de")."""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").replace(".", " ").replace("-", "")


def host_bears(name: str, key: str) -> bool:
    """`name` is borne out by the host `key`: a word of it, all of it run together, or the
    initials of its capitalised words ("Mitteldeutsche Zeitung" / "mzweb de")."""
    found = WORD.findall(name)
    words = [w.casefold() for w in found if len(w) >= 3]
    joined = "".join(w.casefold() for w in found)
    capitals = [w for w in found if w[:1].isupper()]
    initials = "".join(w[0] for w in capitals).casefold() if len(capitals) >= 2 else ""
    return (
        any(w in key for w in words)
        # A host that shortens a word of the name ("Houston Chronicle" / chron.com).
        or (
            len(words) >= 2
            and any(
                len(p) >= 5 and len(w) > len(p) and w.isalpha() and w.startswith(p)
                for p in key.split()
                for w in words
            )
        )
        or (len(joined) >= 3 and joined in key.replace(" ", ""))
        or (len(initials) >= 2 and any(p.startswith(initials) for p in key.split()))
    )


#: `<title>` segments that are a section of the site, not its name.
SECTION_WORDS = frozenset(
    [
        "news",
        "home",
        "opinion",
        "sport",
        "sports",
        "business",
        "world",
        "local",
        "politics",
        "video",
        "live",
        "blog",
        "nachrichten",
        "actualité",
        "actualités",
        "noticias",
        "notizie",
        "notícias",
        "nieuws",
        "wiadomości",
    ]
)
#: A host name written as a name ("Backen.de", "INTERIA.PL").
_DOMAIN_WORD = re.compile(r"\b[\w-]+\.[a-z]{2,10}\b", re.I)


def title_site_candidates(page_title: str, headline: str | None) -> list[str]:
    """The segments a `<title>` sets beside the headline, where a page whose metadata names
    no outlet names it: after it ("Headline | Section | Site"), last first, or before it
    ("Site :: Section :: Headline"), first first. Empty when the `<title>` neither opens
    nor ends with the headline."""
    if not headline or not fold(headline):
        return []
    separators = list(TITLE_SEPARATORS.finditer(page_title))
    for n, separator in enumerate(separators):
        if fold(page_title[: separator.start()]) == fold(headline):
            ends = [m.start() for m in separators[n + 1 :]] + [len(page_title)]
            starts = [m.end() for m in separators[n:]]
            segments = _segments(page_title, starts, ends)
            return [seg for seg in reversed(segments) if _name_like(seg, headline)]
    for n, separator in enumerate(separators):
        if fold(page_title[separator.end() :]) == fold(headline):
            starts = [0] + [m.end() for m in separators[:n]]
            ends = [m.start() for m in separators[: n + 1]]
            segments = _segments(page_title, starts, ends)
            return [seg for seg in segments if _name_like(seg, headline)]
    return []


def _segments(title: str, starts: list[int], ends: list[int]) -> list[str]:
    return [clean_line(title[a:b]).strip() for a, b in zip(starts, ends, strict=True)]


def _name_like(segment: str, headline: str) -> bool:
    words = segment.split()
    return (
        1 <= len(words) <= 5
        and segment[:1].isalpha()
        and not any(c.isdigit() for c in segment)
        and segment.casefold() not in SECTION_WORDS
        and fold(segment) not in fold(headline)
    )


def domain_word(segment: str) -> str | None:
    """The host name a segment spells ("Rezept von Backen.de" -> "Backen.de")."""
    match = _DOMAIN_WORD.search(segment)
    return match.group(0) if match else None


#: The parts of a site name a host may bear ("BBC News - Home").
_NAME_PARTS = re.compile(r"\s+[|–—-]\s+")


def site_in_title(
    tree: etree._Element, page_title: str, headline: str | None, url: str | None
) -> str | None:
    """The outlet a `<title>` names beside the headline, when the metadata names none: one
    the page's host bears out, or without a URL one its copyright line names too; either
    way, one its logo shows ("<h1 class='site-logo'>")."""
    candidates = title_site_candidates(page_title, headline)
    if not candidates or not headline:
        return None
    logo = masthead_names(tree, url)
    if url:
        key = host_key(url)
        if not fold(page_title).startswith(fold(headline)) and host_bears(headline, key):
            return None  # "Project | Microsite": which part is the site is anyone's guess
        for segment in candidates:
            if any(host_bears(part, key) for part in _NAME_PARTS.split(segment)):
                domain = domain_word(segment)
                return domain if domain and host_bears(domain, key) else segment
        return next((seg for seg in candidates if fold(seg) in logo), None)
    rights = rights_text(tree)
    return next((seg for seg in candidates if fold(seg) in rights or fold(seg) in logo), None)


def rights_text(tree: etree._Element) -> str:
    """The page's copyright lines ("© 2026 Rivermouth Echo Ltd"), folded."""
    return fold(" ".join(tree.xpath("//text()[contains(., '©') or contains(., 'Copyright')]")))
