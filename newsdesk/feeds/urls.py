"""Feed URLs as they are compared and typed: one spelling per address the server gets,
and the `feed:` URLs old browsers and OPML exports write."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": ":80", "https": ":443"}


_SCHEME_FIRST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


#: The password in a URL's user information ("https://ana:secret@host/"), anywhere in a
#: text: the scheme, the user name, then ":" and the password up to "@".
_PASSWORD = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]*):[^@\s/]*@")


def without_password(text: str) -> str:
    """`text` with the password of every URL in it left out ("https://ana:secret@host/rss"
    is shown "https://ana@host/rss"), as `newsdesk paths` shows the store's address. For
    what is shown (lists, messages, errors, an article's origin); the subscription keeps
    its URL whole to fetch with."""
    return _PASSWORD.sub(r"\1@", text) if "@" in text else text


def unwrapped(url: str) -> str:
    """The web address of a `feed:` URL, as Safari, Firefox and some OPML exports write
    them: "feed://host/rss" is "http://host/rss", "feed:https://host/rss" the address
    after the prefix. Any other URL as given."""
    head, colon, rest = url.partition(":")
    if not colon or head.lower() != "feed":
        return url
    if _SCHEME_FIRST.match(rest):
        return rest  # feed:ftp://... is then refused as ftp, not as "feed:"
    if rest.startswith("//"):
        return "http:" + rest
    return url


def same_site_spelling(url: str) -> str:
    """The URL as feeds are compared: scheme and host in lower case ("HTTP://Example.com/feed"
    is the feed already subscribed as "http://example.com/feed"), no default port, no
    "." or ".." segments and no fragment (never sent to the server, so "feed.xml#top" is
    "feed.xml"); the path keeps its case, which a server may tell apart."""
    parts = urlsplit(url)
    scheme, netloc = parts.scheme.lower(), parts.netloc.lower()
    try:
        port = parts.port
    except ValueError:
        port = None  # not a port: the address is compared as written
    else:
        host = parts.hostname or ""
        if ":" in host:
            host = f"[{host}]"  # IPv6
        userinfo = netloc.rpartition("@")[0]
        default = _DEFAULT_PORTS.get(scheme)
        shown = "" if port is None or f":{port}" == default else f":{port}"  # :0080 is :80
        netloc = (f"{userinfo}@" if userinfo else "") + host + shown
    # "http://host" asks for "/" as "http://host/" does; "%6D" is "m" (RFC 3986 6.2.2.2).
    path = _without_dot_segments(_UNRESERVED_ESCAPE.sub(_unescaped, parts.path)) or "/"
    return urlunsplit((scheme, netloc, path, parts.query, ""))


#: A percent-escape of a letter, a digit or "-._~": the same URL written without it.
_UNRESERVED_ESCAPE = re.compile(r"%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[Dd]|2[Ee]|5[Ff]|7[Ee])")


def _unescaped(match: re.Match[str]) -> str:
    return chr(int(match.group()[1:], 16))


def _without_dot_segments(path: str) -> str:
    """RFC 3986's remove_dot_segments, for an absolute path: "/a/./b/../c" -> "/a/c"."""
    if "." not in path:
        return path
    segments = path.split("/")
    out: list[str] = []
    for n, segment in enumerate(segments):
        last = n == len(segments) - 1
        if segment in (".", ".."):
            if segment == ".." and len(out) > 1:
                out.pop()
            if last:
                out.append("")  # "/a/b/.." names the folder "/a/"
            continue
        out.append(segment)
    return "/".join(out)
