"""Every author of a page, not only the first, and none of its photographers.

Page metadata often names only the first of several authors (`<meta name="author">`, a
theme's first author element, trafilatura's author slot), while the byline the reader sees
names them all: "By <a>Jane Doe</a> and <a>John Roe</a>", a list of author elements, one
per person. A source that names the authors found so far *and more* is taken instead
(`with_coauthors`); one that names other people is not, so a related story's byline never
replaces the page's own.

A photographer credited beside the byline ("Story by A | Photos by B") is no author: a name
that the page's visible lines credit only for pictures, video or graphics, and never sign as
a byline, is left out (`without_credited`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree

from newsdesk.extract.boilerplate import is_copyright
from newsdesk.extract.byline import known_person, parse_byline
from newsdesk.extract.credits import is_credit, split_caption_credit
from newsdesk.extract.lines import is_prose
from newsdesk.ingest.names import person_names
from newsdesk.sanitize import clean_line

#: The attributes a theme marks its author elements with.
_MARK_ATTRS = ("class", "itemprop", "rel", "data-qa", "data-testid", "data-component")
_AUTHOR_MARK = re.compile(r"author|byline|writer|contributor", re.I)
#: Parts of an author's box that are not the name: a role, a portrait, a bio, a link out.
_NOT_NAME_MARK = re.compile(
    r"bio|title|role|job|position|date|time|avatar|image|img|photo|pic|desc|about|social"
    r"|twitter|follow|more|count|label",
    re.I,
)
#: Boxes of other people's names: comments, related stories, teasers, sidebars.
_OTHER_VOICES = re.compile(r"comment|related|teaser|sidebar|recommend|promo", re.I)
_SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "footer", "aside", "form"}
)
#: One byline block: the author elements it repeats stand within this many characters.
BYLINE_BLOCK_CHARS = 300
#: A line that only names people and their outlet is this short.
SIGNED_LINE_CHARS = 100
#: Fields printed side by side on a byline line ("Story by A | Photos by B | July 25, 2025").
_FIELD_SEP = re.compile(r"\s+[|·•]\s+")


def with_coauthors(
    authors: Sequence[str],
    *candidates: Iterable[str],
    shown: Sequence[str] = (),
) -> list[str]:
    """The first list that names all of `authors` and more people; else `authors`.

    `candidates` come from structured markup (JSON-LD, repeated author elements); `shown` is
    the byline the reader sees, free text, whose extra names must start with a known given
    name ("Posted by Alex Durán, AMP Project Marketing": a team, not a co-author). When
    `shown` names exactly `authors`, the page's byline has spoken: author elements elsewhere
    on the page (a teaser's) are not read.
    """
    have = {a.casefold() for a in authors}
    if shown and {n.casefold() for n in shown} == have:
        return list(authors)
    extra_shown = [n for n in shown if n.casefold() not in have]
    if all(known_person(n) for n in extra_shown):
        candidates = (*candidates, shown)
    for candidate in candidates:
        names = list(candidate)
        if len(names) > len(have) and have <= {n.casefold() for n in names}:
            return names
    return list(authors)


def _text(element: etree._Element) -> str:
    return clean_line(" ".join(element.itertext()))


def _mark(element: etree._Element) -> str | None:
    """The attribute that marks `element` as an author's name ("class=author-name"), or None."""
    for attr in _MARK_ATTRS:
        value = element.get(attr) or ""
        if _AUTHOR_MARK.search(value) and not _NOT_NAME_MARK.search(value):
            return f"{element.tag}[{attr}={value}]"
    return None


def _skipped(element: etree._Element) -> bool:
    for node in element.iterancestors():
        if node.tag in _SKIPPED_TAGS or _OTHER_VOICES.search(node.get("class") or ""):
            return True
    return False


def _block(element: etree._Element) -> etree._Element:
    """The widest box around `element` that is still short: the byline block it sits in."""
    block = element
    for node in element.iterancestors():
        if node.tag in ("body", "html") or len(_text(node)) > BYLINE_BLOCK_CHARS:
            break
        block = node
    return block


def repeated_author_names(tree: etree._Element) -> list[list[str]]:
    """The names of each byline block's repeated author elements, in page order.

    A block counts when it repeats one kind of author element (same tag, same mark) and
    each of them names one person: `<span class="author vcard">` twice, a list of
    `<a class="author-name">`, two `<a rel="author">` in an `<address>`.
    """
    groups: dict[tuple[int, str], list[etree._Element]] = {}
    blocks: dict[int, etree._Element] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _SKIPPED_TAGS:
            continue
        mark = _mark(element)
        if mark is None or _skipped(element):
            continue
        if any(_mark(inner) for inner in element.iterdescendants() if isinstance(inner.tag, str)):
            continue  # an author's box ("li.author-item"): its marked name inside is read
        block = _block(element)
        blocks[id(block)] = block
        groups.setdefault((id(block), mark), []).append(element)
    found: list[list[str]] = []
    for elements in groups.values():
        if len(elements) < 2:
            continue
        names: list[str] = []
        for element in elements:
            one = person_names([_text(element)])
            if len(one) != 1:
                break
            if one[0] not in names:
                names.append(one[0])
        else:
            if len(names) >= 2:
                found.append(names)
    return found


def _segments(lines: Iterable[str]) -> list[str]:
    return [s.strip() for line in lines for s in _FIELD_SEP.split(line) if s.strip()]


def _signs(segment: str, name: str) -> bool:
    """`segment` signs `name` as an author: a byline ("By A and B"), or a short line naming
    people with no sentence and no caption's credit ("A and B, Associated Press")."""
    byline = parse_byline(segment)
    if byline is not None:
        return name in byline.authors
    _caption, credit = split_caption_credit(segment)
    if credit and name in credit:
        return False
    return len(segment) <= SIGNED_LINE_CHARS and not is_prose(segment)


def without_credited(authors: Sequence[str], lines: Sequence[str]) -> list[str]:
    """`authors` without those the visible `lines` only credit for pictures ("Photos by B").

    A name stays when a byline on the page signs it, or when no credit names it.
    """
    segments = _segments(lines)
    kept: list[str] = []
    for name in authors:
        holding = [s for s in segments if name in s]
        credited = any(is_credit(s) for s in holding)
        signed = any(not is_credit(s) and _signs(s, name) for s in holding)
        if not credited or signed:
            kept.append(name)
    return kept


def without_rights_holder(authors: Sequence[str], lines: Sequence[str]) -> list[str]:
    """`authors` without the company the page's copyright line names ("© 2020 Prisma Média -
    Tous droits réservés"), when a writer is named beside it: the publisher in the author
    slot. A lone author stays (a blog's "© 2020 Jana Berg" is hers)."""
    holders = [line for line in lines if len(line) <= RIGHTS_LINE_CHARS and is_copyright(line)]
    kept = [name for name in authors if not any(name in line for line in holders)]
    return kept if kept and len(kept) < len(authors) else list(authors)


#: A copyright line is short; a longer line that mentions one is a paragraph.
RIGHTS_LINE_CHARS = 200
