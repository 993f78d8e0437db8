"""Whether a name on an HTML page is the site's own: its stated name, or one its host bears out.

Shared by the outlet reader (which of the page's candidate names is the outlet) and the
headline readers (an <h1> that only names the site is its masthead, not a headline).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from newsdesk.ingest.html_headline import WORD, fold


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
        or (len(joined) >= 3 and joined in key.replace(" ", ""))
        or (len(initials) >= 2 and any(p.startswith(initials) for p in key.split()))
    )
