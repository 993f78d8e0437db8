"""The outlet a page's own furniture names: its menus, follow buttons and staff lines.

A text copy of a page keeps what the page says about itself around the story: "The Verge
homepage", "Follow The Sun", "Become a Times of Israel Partner", "TheHill.com", "Jana Berg is
a reporter for NBC News", "did not respond to The Hill's request for comment". Where the
copy has no masthead line, title suffix or copyright line that names the site (or only its
parent company's), these name it. One such phrase is chance; the name the page's furniture
uses at least twice (a staff line counts twice) is the site's.
"""

from __future__ import annotations

import re

from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.lines import split_lines, words
from newsdesk.extract.outlet import is_generic_outlet, is_media_group, respell

#: A name as mastheads write it: capitalised words, "of"/"the"/"&" inside ("Times of Israel").
_NAME = r"(?P<name>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+|&\s+)?[A-Z][\w'’&.-]*){0,4})"
#: What furniture sets after the site's name and is none of it ("The Verge homepage").
_AFTER_NAME = (
    r"(?:\s+(?:homepage|home\s+page|main\s+menu|menu|apps?|podcasts?|online|partner|community"
    r"|newsletters?|daily\s+edition|premium|account)\b|[’']s\b|\s*[:!.]?\s*$)"
)
#: Furniture naming the site, with the weight of each kind of phrase.
_FURNITURE = (
    # "Follow The Sun", "Sign Up To The Sun", "Become a Times of Israel Partner".
    (
        re.compile(
            r"^(?:-\s+)?(?:Follow|Sign\s+[Uu]p\s+[Tt]o|Subscribe\s+[Tt]o|Log\s*[Ii]n\s+[Tt]o|Become\s+an?|Join"
            r"|Get|Support|About|Contact)\s+" + _NAME + _AFTER_NAME
        ),
        1,
    ),
    # "The Verge homepage", "The Verge main menu", "The Hill Apps".
    (
        re.compile(
            r"^(?:-\s+)?" + _NAME + r"\s+(?i:homepage|home\s+page|main\s+menu|menu|apps|podcasts)$"
        ),
        1,
    ),
    # "Jana Berg is a reporter for NBC News": the story's own staff line.
    (
        re.compile(
            r"\bis\s+an?\s+(?:[\w-]+\s+){0,3}?(?:reporter|writer|correspondent|editor|columnist"
            r"|producer|journalist|contributor)\s+(?:for|at|with)\s+"
            + _NAME
            + r"(?:\s+(?:in|based|who|and)\b|[.,;]|$)"
        ),
        2,
    ),
    # "did not immediately respond to The Hill's request for comment".
    (re.compile(r"\b(?:respond|responded|reply|replied)\s+to\s+" + _NAME + r"[’']s\s+request"), 1),
)
#: A line that is a host name only ("TheHill.com", "- Nature.com").
_HOST_LINE = re.compile(r"^(?:-\s+)?(?P<host>[A-Za-z][A-Za-z0-9-]{2,40})\.(?:com|org|net|co\.uk)$")
#: Names furniture gives that are another site's (share buttons, app stores, the blog
#: platform's own links: "WordPress.org").
_NOT_THE_SITE = frozenset(
    [
        "facebook",
        "twitter",
        "instagram",
        "youtube",
        "linkedin",
        "pinterest",
        "tiktok",
        "whatsapp",
        "google",
        "apple",
        "flipboard",
        "reddit",
        "snapchat",
        "telegram",
        "wordpress",
        "blogger",
        "medium",
        "tumblr",
        "wix",
        "squarespace",
        "us",
        "our",
    ]
)
#: Words of a page layout's part, which a menu is named by ("Header Top Menu").
_LAYOUT = frozenset(
    [
        "header",
        "footer",
        "top",
        "bottom",
        "main",
        "primary",
        "secondary",
        "sidebar",
        "mobile",
        "navigation",
        "nav",
        "site",
        "social",
        "quick",
        "global",
        "utility",
        "user",
        "account",
    ]
)
#: The most lines looked at, from the top and from the foot of a long page.
_LINES = 400
#: Furniture uses that make a name the site's.
FURNITURE_USES = 2


def furniture_outlet(text: str, *, at_least: int = FURNITURE_USES) -> str | None:
    """The name the page's furniture gives the site, used `at_least` times; else None."""
    ranked = furniture_names(text)
    if not ranked or ranked[0][1] < at_least or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def furniture_names(text: str) -> list[tuple[str, int]]:
    """The names the page's furniture gives, each with its uses, most used first. A name's
    longer forms count for it ("Nature Research menu" beside "Nature menu")."""
    lines = split_lines(text)
    if len(lines) > 2 * _LINES:
        lines = lines[:_LINES] + lines[-_LINES:]
    weights: dict[str, int] = {}
    spelled: dict[str, list[str]] = {}
    for line in lines:
        if not line or len(line) > 400:
            continue
        found: list[tuple[str, int]] = []
        for pattern, weight in _FURNITURE:
            m = pattern.search(line)
            if m is not None:
                found.append((m["name"], weight))
                break
        host = _HOST_LINE.match(line)
        if host is not None and not found:
            found.append((respell(host["host"], text), 1))
        for name, weight in found:
            name = name.strip(" .,;:!")
            key = _key(name)
            if key is None:
                continue
            weights[key] = weights.get(key, 0) + weight
            spelled.setdefault(key, []).append(name)
    totals = {
        key: sum(w for other, w in weights.items() if other == key or other.startswith(key + " "))
        for key in weights
    }
    ranked = []
    for key, total in sorted(totals.items(), key=lambda item: item[1], reverse=True):
        # "The Times of Israel" where the page writes the article with it at all.
        forms = spelled[key]
        with_the = [f for f in forms if f.startswith("The ")]
        ranked.append((max(set(with_the or forms), key=forms.count), total))
    return ranked


def _key(name: str) -> str | None:
    """The name folded and without its article, or None when it names no site: a person
    ("Follow Jana Berg"), a social network, a section word ("News")."""
    tokens = words(name)
    if not tokens or len(tokens) > 5:
        return None
    bare = tokens[1:] if tokens[0] == "The" else tokens
    if not bare or bare[0].casefold() in _NOT_THE_SITE or is_generic_outlet(" ".join(bare)):
        return None
    if any(w.casefold() in _LAYOUT for w in bare):
        return None  # "Header Top Menu": a part of the page, no name
    if tokens[0] != "The" and len(bare) in (2, 3) and bare[0] in GIVEN_NAMES:
        return None
    if is_media_group(name):
        return None
    return " ".join(bare).casefold()
