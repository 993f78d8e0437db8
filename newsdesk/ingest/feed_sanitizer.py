"""feedparser's HTML sanitiser, written in one pass for the markup it keeps as it is.

feedparser sanitises every item's HTML (content, summary, title) with an SGML
parser written in Python: a third of its time on a feed. Most feed HTML holds
only elements that sanitiser accepts, and for such markup its output is the
same markup written out afresh: the attributes it accepts kept (sorted, double
quoted, `rel` and `type` lower-cased, a `style` cleaned, an `href` of an unsafe
scheme emptied), the others dropped, void elements closed ("<br />"), end tags
of void elements dropped, some character references rewritten. `sanitize_html`
writes exactly that string in one regular-expression pass over the tags and
references; markup with anything else in it (a comment, a script, an element
or entity it would rewrite otherwise, a stray "<") goes to feedparser's own
sanitiser. Either way the string is the one feedparser would give: the items
read from a feed are the same, byte for byte (tests/perf/test_feed_sanitizer.py
compares the two on generated and hand-made markup).
"""

from __future__ import annotations

import html.entities
import re
from collections.abc import Callable
from typing import Any

import feedparser.mixin
from feedparser.html import _BaseHTMLProcessor, _cp1252
from feedparser.sanitizer import _HTMLSanitizer, _sanitize_html
from feedparser.urls import make_safe_absolute_uri

#: Elements kept with their tags (SVG and MathML switch the sanitiser into other modes).
_ELEMENTS = frozenset(_HTMLSanitizer.acceptable_elements) - {"svg", "math"}
_ATTRIBUTES = frozenset(_HTMLSanitizer.acceptable_attributes)
_VOID = frozenset(_BaseHTMLProcessor.elements_no_end_tag)
_KNOWN_ENTITIES = frozenset(html.entities.name2codepoint) | {"apos"}

_NAME = r"[a-zA-Z_][-:.a-zA-Z_0-9]*"
_VALUE = r"""(?:"[^"<>]*"|'[^'<>]*'|[a-zA-Z0-9_.:-]+)"""
#: A start or end tag as the SGML parser reads it, limited to forms it and this
#: module agree on: quoted values without "<" or ">", unquoted ones of plain characters.
_TAG = re.compile(
    rf"""<(?:
        (?P<name>[a-zA-Z][a-zA-Z0-9]*)
        (?P<attrs>(?:\s+{_NAME}(?:\s*=\s*{_VALUE})?)*)
        \s*(?P<slash>/?)
      | /(?P<end>[a-zA-Z][a-zA-Z0-9]*)\s*
    )>""",
    re.VERBOSE,
)
#: One attribute of a tag `_TAG` read: (name, value as written or None).
_ATTR = re.compile(rf"\s+({_NAME})(?:\s*=\s*({_VALUE}))?")
#: A reference in text, read as the SGML parser reads it (only the forms ending in ";").
_REF = re.compile(r"&(?:#([0-9]+|[xX][0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));")
#: A reference inside an attribute value, as the SGML parser converts it.
_ATTR_REF = re.compile(r"&(?:([a-zA-Z][-.a-zA-Z0-9]*)|#([0-9]+))(;?)")
_MARKUP = re.compile(r"[<&]")

#: Written tags by their source text: a feed repeats a handful of tags many times.
_tags: dict[str, str | None] = {}
_TAGS_MAX = 20_000

_style_cleaner: _HTMLSanitizer | None = None


def _attr_ref(match: re.Match[str]) -> str:
    # The SGML parser's `_convert_ref` with feedparser's converters: a character
    # reference gains its ";", anything else stays as written.
    if match.group(2):
        return f"&#{match.group(2)};"
    return match.group(0)


def _clean_style(value: str) -> str:
    global _style_cleaner
    if _style_cleaner is None:
        _style_cleaner = _HTMLSanitizer("utf-8", "text/html")
    return str(_style_cleaner.sanitize_style(value))


def _escaped(value: str) -> str:
    value = value.replace(">", "&gt;").replace("<", "&lt;").replace('"', "&quot;")
    return _BaseHTMLProcessor.bare_ampersand.sub("&amp;", value)


def _start_tag(name: str, attrs: str) -> str | None:
    """The sanitiser's start tag, or None for an element it would not keep."""
    if name not in _ELEMENTS:
        return None
    pairs: dict[str, str] = {}
    for match in _ATTR.finditer(attrs):
        key, raw = match.group(1), match.group(2)
        if raw is None:
            value = key  # a bare attribute: its value is its name as written
        else:
            if raw[:1] in "'\"":
                raw = raw[1:-1]
            value = _ATTR_REF.sub(_attr_ref, raw)
        pairs[key.lower()] = value  # the last of a repeated attribute wins
    kept: list[str] = []
    for key, value in sorted(
        (k, v.lower() or v if k in ("rel", "type") else v) for k, v in pairs.items()
    ):
        if key == "style":
            value = _clean_style(value)
            if not value:
                continue
        elif key not in _ATTRIBUTES:
            continue
        elif key == "href":
            value = make_safe_absolute_uri(value)
        kept.append(f' {key}="{_escaped(value)}"')
    end = " />" if name in _VOID else ">"
    return f"<{name}{''.join(kept)}{end}"


def _tag(match: re.Match[str]) -> str | None:
    end = match.group("end")
    if end is not None:
        name = end.lower()
        if name not in _ELEMENTS:
            return None  # a stray end tag of a script or an unknown element changes state
        return "" if name in _VOID else f"</{name}>"
    name = match.group("name").lower()
    if match.group("slash") and name not in _VOID:
        return None  # "<p/>": written out by feedparser in its own ways
    return _start_tag(name, match.group("attrs"))


def _reference(match: re.Match[str]) -> str | None:
    number, name = match.group(1), match.group(2)
    if name is not None:
        # An unknown name loses its ";" and its "&" is escaped.
        return match.group(0) if name in _KNOWN_ENTITIES else f"&amp;{name}"
    ref = number.lower()
    value = int(ref[1:], 16) if ref.startswith("x") else int(ref)
    if value in _cp1252:
        return f"&#{hex(ord(_cp1252[value]))[1:]};"
    return f"&#{ref};"


def plain_sanitized(source: str) -> str | None:
    """What feedparser's sanitiser makes of `source`, or None when it is not plain markup."""
    if "<!" in source or "<?" in source:
        return None
    # As the sanitiser does before parsing.
    data = source.replace("&#39;", "'").replace("&#34;", '"')
    pieces: list[str] = []
    at = 0
    for mark in _MARKUP.finditer(data):
        start = mark.start()
        if start < at:
            continue  # inside a tag already read
        pieces.append(data[at:start])
        if data[start] == "<":
            match = _TAG.match(data, start)
            if match is None:
                return None
            source_tag = match.group(0)
            if source_tag in _tags:
                written = _tags[source_tag]
            else:
                written = _tag(match)
                if len(_tags) > _TAGS_MAX:
                    _tags.clear()
                _tags[source_tag] = written
        else:
            match = _REF.match(data, start)
            if match is None:
                return None
            written = _reference(match)
        if written is None:
            return None
        pieces.append(written)
        at = match.end()
    pieces.append(data[at:])
    return "".join(pieces).strip().replace("\r\n", "\n")


def sanitize_html(source: str, encoding: Any, type_: str) -> str:
    """feedparser's `_sanitize_html`, quicker on plain markup (see the module's text)."""
    written = plain_sanitized(source)
    if written is None:
        return str(_sanitize_html(source, encoding, type_))
    return written


_ORIGINAL: Callable[..., Any] = _sanitize_html

#: Markup both ways must write alike before feedparser is given the quick way: a
#: feedparser that writes its output otherwise keeps its own sanitiser.
SELF_CHECK = (
    '<p class=x id="a">A &amp; B&#39;s <a href="http://e.org/?a=1&b=2" onclick="f()">link</a>'
    '<br/><img src="i.png" alt="" width=5 /></p>',
    '<div style="color: red; background: url(x)"><a href="javascript:f()" rel="NoFollow">'
    "x</a> &#150; &#X2013; &nbsp; &madeup; \u2019</div>\r\n",
    "<P Title='t' TITLE=\"u\">Tom &amp; Jerry</P></br>",
)


def install() -> bool:
    """Have feedparser sanitise through `sanitize_html` (the same strings, sooner);
    whether it does."""
    current = getattr(feedparser.mixin, "_sanitize_html", None)
    if current is sanitize_html:
        return True
    if current is not _ORIGINAL:
        return False
    for sample in SELF_CHECK:
        if plain_sanitized(sample) != _ORIGINAL(sample, "utf-8", "text/html"):
            return False
    feedparser.mixin._sanitize_html = sanitize_html
    return True
