"""Author strings from page metadata and feeds -> person names only.

Metadata often names an organisation ("Associated Press", "Reuters"), a
profile URL, an e-mail address or a role ("Analysis by X, Editor-at-large")
where a person belongs; the extractor's byline parser decides what is a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsdesk.extract.byline import PLACEHOLDERS, TEXT_LABEL, parse_by_text
from newsdesk.extract.data.common_words import CALENDAR
from newsdesk.extract.dates import FOREIGN_WEEKDAY
from newsdesk.extract.outlet import KNOWN_AGENCIES, OUTLET_WORD, has_corporate_suffix
from newsdesk.isodates import MONTHS

_URL = re.compile(r"^\s*(?:https?:)?//|^\s*www\.", re.I)
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((?P<name>.+)\)\s*$")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
# A mailbox as mail headers write it ("Ana Velasco <ana@example.org>", quoted or not): the
# address in angle brackets goes, and the quotes around the name it leaves.
_ANGLE_ADDRESS = re.compile(r"\s*<[^<>@\s]{1,64}@[^<>\s]{1,200}>")
_QUOTED_NAME = re.compile(r'"([^"]{1,100})"')
_LEADING_BY = re.compile(r"^.{0,40}?\bby\s+", re.I)
# "von Julia Kern", "Erstellt von ...", "Par ...", "AuthorJane Doe": a byline's lead word in
# another language, or a label glued to the name. "di" only in lower case ("Di Maio").
_LEADING_WORD = re.compile(
    r"^(?:(?:(?:erstellt|eingestellt|geschrieben|verfasst|ver(?:ö|oe)ffentlicht|publi(?:é|e)|(?:é|e)crit"
    r"|escrito|publicado|scritto|pubblicato)\s+)?(?:von|par|por)\b|di(?=\s)"
    r"|(?:author|autor|autorin|auteur)(?=(?-i:[A-Z]))|(?:author|autor|autorin|auteur)\s*:)\s*",
    re.I,
)


def person_names(values: Iterable[str], limit: int = 20) -> list[str]:
    """The person names among author strings, in order, without duplicates."""
    names: list[str] = []
    for raw in values:
        # Bounded first: the e-mail patterns below backtrack on long unbroken strings.
        value = str(raw or "").strip()[:300]
        if not value or _URL.match(value):
            continue
        if "<" in value:
            bare = _ANGLE_ADDRESS.sub("", value)
            if bare != value:
                value = _QUOTED_NAME.sub(_quoted_name, bare).strip()
        match = _EMAIL_NAME.match(value)
        value = match.group("name") if match else _EMAIL.sub("", value)
        value = _LEADING_BY.sub("", value)
        value = _leading_word(value)
        for name in parse_by_text(value).authors:
            if name.casefold() not in {n.casefold() for n in names} and not has_corporate_suffix(
                name
            ):
                names.append(name)
        if len(names) >= limit:
            break
    return names


def without_mail_names(names: list[str], addresses: Iterable[str]) -> list[str]:
    """`names` less those made of an e-mail address's parts ("dtrammell@courier.example" read
    as "Dtrammell Example"): every word of such a name is a word of the address, and one of
    its domain ("jane.doe@courier.example" leaves Jane Doe a person)."""
    parts = []
    for address in addresses:
        local, _, domain = address.casefold().rpartition("@")
        labels = set(re.split(r"[.-]+", domain))
        parts.append((set(re.split(r"[._+:-]+", local)) | labels, labels))
    kept = []
    for name in names:
        tokens = set(name.casefold().split())
        if not any(tokens <= every and tokens & labels for every, labels in parts):
            kept.append(name)
    return kept


#: An e-mail address, each part bounded (an unbounded pattern backtracks on long text).
_ADDRESS = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")


def _quoted_name(match: re.Match[str]) -> str:
    """A mailbox's quoted name as written: "Doe, Jane" is Jane Doe (mail programs quote a
    name for its comma, which would otherwise part two authors)."""
    name = match.group(1).strip()
    last, comma, first = name.partition(",")
    if comma and first.strip() and "," not in first and len(last.split()) <= 3:
        return f"{first.strip()} {last.strip()}"
    return name


def mail_addresses(text: str) -> list[str]:
    """The e-mail addresses written in `text`."""
    return _ADDRESS.findall(text) if "@" in text else []


def _leading_word(value: str) -> str:
    match = _LEADING_WORD.match(value)
    if match is None:
        return value
    lead = match.group(0).strip().casefold()
    if lead == "di" and not value.startswith("di "):
        return value  # "Di Maio": a name, not Italian "by"
    return value[match.end() :]


# A signed-in name on a blog or forum: one token ("HansG", "karstenruppert", "Linda.B").
_HANDLE_NAME = re.compile(r"^[^\W\d_][\w.'’-]{1,30}$")
# Neither a person nor a handle: placeholders, a login ("Jdadmin", "siteadmin"), a theme's
# credit ("Catch Themes"), or an organisation's or a web address's parts.
_NOT_AUTHOR = re.compile(
    r"\b(?:authors?|auteurs?|autor(?:en|in)?|\w*admin|administrator|themes?|unknown|anonymous|anonym|guest|gast|user|webmaster|editor"
    r"|gmbh|ag|kg|e\.?\s?v|eg|ltd|llc|inc|co|plc|sa|srl|www|com|de|net|org|ch|at|copyright)\b",
    re.I,
)


#: A site's maker credited in its footer, no author of a story.
_SITE_CREDIT = re.compile(r"\b(?:powered|theme|designed|developed)\s+by\b", re.I)

#: What stands after a name in a page's author slot but is none of it.
_LABEL_AFTER = re.compile(
    r"(?:(?:^|\s+)(?i:published|updated|posted|follow|folgen|stand|text|share|teilen)"
    r"|(?<=[a-z])(?:Published|Updated|Posted|Follow|Folgen|Stand|Text|Share|Teilen))\b.*$"
)
#: Month and weekday names, in the languages the extractor reads, folded.
CALENDAR_WORDS = frozenset(w.casefold().rstrip(".") for w in CALENDAR)


#: A byline's lead word a name slot may keep, capitalised ("Di Marco Rossi" for "di Marco
#: Rossi"): Italian, German, French, Spanish, Portuguese, Dutch, English.
_CAPITALISED_LEAD = re.compile(r"^(?P<lead>Di|Von|Par|Por|De|Door|By)\s+(?P<rest>\S.*)$")


def as_printed(name: str, tree: Any) -> str:
    """`name` without a byline's lead word that the page prints in lower case before it.

    trafilatura capitalises the slot it reads ("di Marco Rossi" -> "Di Marco Rossi"); a name
    that truly opens with the word ("Di Maio", "Von Trapp") is printed capitalised.
    """
    m = _CAPITALISED_LEAD.match(name.strip())
    if m is None:
        return name
    printed = " ".join(" ".join(tree.itertext()).split())
    lowered = f"{m['lead'].lower()} {m['rest']}"
    return m["rest"] if lowered in printed and name.strip() not in printed else name


#: A month or a weekday, in the languages the extractor reads.
_DATE_WORD = re.compile(
    "|".join(sorted(MONTHS, key=len, reverse=True))
    + rf"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|{FOREIGN_WEEKDAY}",
    re.I,
)


def _without_month_end(value: str) -> str:
    """A month or weekday never ends a person's name: "Luis Ortega July" ("Luis Ortega July 25,
    2025" cut at its figures), "Malcolm Owen Monday" are a name, then a date."""
    tokens = value.split()
    if len(tokens) >= 3 and _DATE_WORD.fullmatch(tokens[-1].casefold().rstrip(".,")):
        return " ".join(tokens[:-1])
    return value


def author_names(values: Iterable[str], limit: int = 20) -> list[str]:
    """Like `person_names`, but a lone handle or first name ("HansG", "Tine") counts too.

    For author strings from a page's author slot, where a blog signs with
    its author's user name: outlets, agencies and placeholders still do not.
    """
    values = list(values)
    # A list of lone words ("CSP; Solar; Storage") is a page's tags, not its authors.
    handles = len(values) <= 2
    names: list[str] = []
    for raw in values:
        if _SITE_CREDIT.search(str(raw or "")[:300]):
            continue  # "Theme by Catch Themes", "Powered by WordPress": the site's maker
        value = _leading_word(_LEADING_BY.sub("", str(raw or "").strip()[:300])).strip(" .,;:-")
        # "Text: Jana Berg": the credit label goes before the label after a name (below)
        # takes "Text" for a button and the name with it.
        value = TEXT_LABEL.sub("", value)
        # The label or button beside the byline ("Janet Morrow; Published", "Ellen Marsh
        # Follow", "Sara Zinnecker Stand"), and a date's month ("Janet Morrow; March").
        value = _without_month_end(_LABEL_AFTER.sub("", value).strip(" .,;:-"))
        if not value or value.casefold().rstrip(".") in CALENDAR_WORDS | PLACEHOLDERS:
            continue
        found = person_names([value], limit)
        if (
            not found
            and handles
            and _HANDLE_NAME.match(value)
            and value.casefold() not in KNOWN_AGENCIES
            and not OUTLET_WORD.search(value)
            and not _NOT_AUTHOR.search(value)
        ):
            found = [value]
        for name in found:
            if name.casefold() not in {n.casefold() for n in names} and not _NOT_AUTHOR.search(
                name
            ):
                names.append(name)
        if len(names) >= limit:
            break
    return names
