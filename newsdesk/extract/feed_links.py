"""The link titles a text browser prints atop its dump of a page (`textbrowser`).

A blog engine's <link rel="alternate"> titles name the site's feeds, and a post's comment
feed carries the post's title: the copy's first lines say the site's name and, often, the
story's headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# A blog engine's <link rel="alternate"> titles, which a text browser prints on the copy's first
# line ("#Site » Feed Site » Comments Feed Site » Post title Comments Feed"): the feed of one
# post's comments carries the post's title, in the site's language.
_FEED_WORDS = (
    r"(?:Comments?[ -]Feed|Kommentare?[ -]?Feed|Flux des commentaires"
    r"|Feed de (?:los )?coment[aá]rios|Feed dei commenti|Feed|Flux|RSS|Atom)"
)
_SITE_FEED = re.compile(r"^#\s*(?P<site>[^»]{2,120}?) » (?:Feed|Flux|RSS)\b")
_NOT_A_POST = re.compile(
    rf"(?i)(?:comments?|kommentare?|ical|events?|veranstaltungen|termine|{_FEED_WORDS})"
)
#: Lines at the top of a copy where the link titles are looked for.
LINK_LINES = 5


def feed_link_title(text: str) -> tuple[str | None, str | None]:
    """(the post's title, the site's name) from the link titles atop a dump, else None for each."""
    for line in text.split("\n", LINK_LINES)[:LINK_LINES]:
        line = line.strip()
        m = _SITE_FEED.match(line)
        if not m:
            continue
        site = m["site"].strip()
        for title in _posts_after(line, site):
            if not _NOT_A_POST.fullmatch(title):
                return title, site
        return None, site
    return None, None


#: What follows the site's name in a post's comment feed's title: `feed_link_title` looks
#: for it after each place the name stands.
_POST_AFTER_SITE = re.compile(rf" » ([^»]{{2,300}}?) {_FEED_WORDS}(?= |$)")


def _posts_after(line: str, site: str) -> Iterator[str]:
    """The titles `re.finditer(re.escape(site) + _POST_AFTER_SITE.pattern, line)` finds, in
    order, without compiling a pattern for each site (a millisecond or two a copy): the site's
    name is found with `str.find`, the rest matched where it ends."""
    at = line.find(site)
    while at != -1:
        found = _POST_AFTER_SITE.match(line, at + len(site))
        if found is None:
            at = line.find(site, at + 1)
            continue
        yield found.group(1).strip()
        at = line.find(site, found.end())  # the next match starts where this one ends


#: A feed's title in the link list: "Site - Atom", "Site - RSS", "Site » Feed".
_FEED_NAMED = re.compile(r"(?:^#|\s)(?P<site>[^#»\-]{3,80}?) (?:- (?:Atom|RSS)|» Feed)\b")
#: The site's name after the link list's "alternate" marks ("#alternate alternate Business
#: Jargons").
_AFTER_ALTERNATE = re.compile(r"^#(?:alternate\s+)+(?P<site>[^\W\d_][^#»]{2,60})$")


def link_site_names(text: str) -> set[str]:
    """The site's names that the link titles atop a dump give (its feeds are titled after
    it), folded: the masthead a dump prints as a heading is not the story's."""
    names: set[str] = set()
    for line in text.split("\n", LINK_LINES)[:LINK_LINES]:
        line = line.strip()
        if not line.startswith("#"):
            continue
        names.update(m["site"].strip().casefold() for m in _FEED_NAMED.finditer(line))
        alone = _AFTER_ALTERNATE.match(line)
        if alone:
            names.add(alone["site"].strip().casefold())
    return {name for name in names if len(name.split()) <= 8}
