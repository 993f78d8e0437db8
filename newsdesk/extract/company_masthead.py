"""The masthead that a publishing company's copyright line stands for.

A page's copyright line often names the company that publishes the paper ("©
2025 Northwoods Media Co.", "© EDICIONES EL CORREO DEL SUR S.L."), while its
masthead ("Northwoods News Tribune", "El Correo del Sur") is what an editor knows
the outlet by. The masthead is the page's first line or the line set beside the
copyright line in the footer; it wins when the company is plainly its publisher:
a company word ("Media", "Ediciones", "Verlag") beside the same name.
"""

from __future__ import annotations

import re

from newsdesk.extract.lines import split_lines, words
from newsdesk.extract.outlet import OUTLET_WORD, site_line_outlet
from newsdesk.extract.site_furniture import FURNITURE_USES, furniture_names
from newsdesk.outlet_names import outlet_initials, outlet_key

#: Words that say a name is a publishing company's, not a masthead's.
_COMPANY_WORDS = frozenset(
    [
        "media", "group", "grupo", "gruppo", "groupe", "publishing", "publications",
        "publishers", "communications", "newspapers", "holdings", "ediciones", "editorial",
        "edizioni", "editrice", "éditions", "editions", "verlag", "verlagsgruppe",
        "mediengruppe", "medien", "editora", "co", "company", "corporation", "inc", "ltd",
    ]
)  # fmt: skip
#: Articles that open a masthead ("El Correo del Sur") and may be left out of the company's.
_ARTICLES = frozenset(
    ["the", "el", "la", "le", "les", "los", "las", "il", "lo", "der", "die", "das"]
)
#: Lines either side of the copyright line where the footer sets the masthead.
_BESIDE = 2


def company_masthead(company: str, text: str, title: str = "") -> str | None:
    """The masthead `company` (a copyright line's owner) publishes, as the page names it
    at its top or beside the copyright line, or as its menus and buttons name it twice;
    None when the company is no publisher or the page names no masthead of its."""
    if not _COMPANY_WORDS.intersection(w.casefold() for w in words(company)):
        return None
    for masthead in (site_line_outlet(text, title), *_footer_mastheads(text, company)):
        if masthead and _publishes(company, masthead):
            return masthead
    # "The Verge homepage", "Follow The Verge" over "© Vox Media, LLC": the name the page's
    # furniture uses twice is the site's, whoever owns it.
    ranked = furniture_names(text)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None  # no name, or two the furniture uses alike
    masthead, uses = ranked[0]
    if uses >= FURNITURE_USES and outlet_key(masthead) != outlet_key(company):
        return masthead
    return None


def _footer_mastheads(text: str, company: str) -> list[str]:
    """Outlet names on the lines beside the copyright line that names `company`."""
    lines = split_lines(text)
    key = _name_words(company)[:1]
    found: list[str] = []
    for i in range(len(lines) - 1, max(-1, len(lines) - 200), -1):
        line = lines[i]
        if not key or ("©" not in line and "opyright" not in line):
            continue
        if key[0] not in (w.casefold() for w in words(line)):
            continue
        for j in range(max(0, i - _BESIDE), min(len(lines), i + _BESIDE + 1)):
            if j != i and lines[j]:
                name = site_line_outlet(lines[j])
                if name:
                    found.append(name)
    return found


def _name_words(name: str) -> list[str]:
    """The words that name a company or a masthead: no legal form, kind or leading article."""
    tokens = [w.casefold() for w in words(name)]
    if tokens[:1] and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return [t for t in tokens if t not in _COMPANY_WORDS]


def _publishes(company: str, masthead: str) -> bool:
    """The company is named for the masthead ("Ediciones el Correo del Sur" / "El Correo del
    Sur"), or the masthead for the company ("Northwoods Media" / "Northwoods News Tribune")."""
    if _COMPANY_WORDS.intersection(w.casefold() for w in words(masthead)):
        return False  # another company's name ("Alma Media yhteystiedot": its contact page)
    own, title = _name_words(company), _name_words(masthead)
    if not own or not title or (own == title and len(words(company)) == len(words(masthead))):
        return False
    return _run_in(title, own) or title[: len(own)] == own


def _run_in(part: list[str], whole: list[str]) -> bool:
    return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))


#: Pages name their outlet this often, at least, when it is the brand they go by.
_BRAND_USES = 3


def holder_brand(holder: str, text: str, others: list[str], *, rights: bool) -> str | None:
    """The brand a copyright holder's page goes by when the holder is its company:
    another name found that ends the holder's ("Reuters" / "Thomson Reuters"), or the
    initials ("CNN" / "Cable News Network") the page uses far more often than the name.
    `rights`: the holder comes from a copyright line."""
    tokens = words(holder)
    if not 2 <= len(tokens) <= 5:
        return None
    for other in others:
        tail = words(other)
        ends_it = 1 <= len(tail) < len(tokens) and tokens[-len(tail) :] == tail
        # An outlet word alone ("Times" of "Los Angeles Times") is no brand.
        if ends_it and len(other) >= 3 and not (len(tail) == 1 and OUTLET_WORD.fullmatch(other)):
            return other
    if not rights:
        return None
    head = text[:200_000]
    # The brand is used far more than the holder's name (printed in the footer, once or so).
    # Its last word alone ("Times" of "Los Angeles Times") is too often no name.
    uses = max(_BRAND_USES, _BRAND_USES * head.count(holder))
    brand = outlet_initials(holder)
    if len(brand) >= 3 and len(re.findall(rf"(?<![\w-]){re.escape(brand)}(?![\w-])", head)) >= uses:
        return brand
    return None
