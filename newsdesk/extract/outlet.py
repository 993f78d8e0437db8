"""Naming the outlet: from footers (copyright, standards lines), the masthead, and abbreviations.

"RFA" in a byline becomes "Radio Free Asia" when the page spells it out
somewhere; "© 2026 The Westerly Times Ltd." becomes "The Westerly Times".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from newsdesk.extract.boilerplate import (
    is_boilerplate,
    is_copyright,
    picture_copyright,
)
from newsdesk.extract.data.media_groups import MEDIA_GROUPS
from newsdesk.extract.dateline import AGENCY_NAMES
from newsdesk.extract.lines import (
    is_upper_line,
    split_lines,
    words,
)
from newsdesk.outlet_names import outlet_key
from newsdesk.sanitize import clean_line

#: Characters of text searched for an abbreviation's spelled-out form.
EXPANSION_CHARS = 300_000


KNOWN_AGENCIES = {
    "associated press", "reuters", "agence france-presse", "afp", "bloomberg", "upi",
    "united press international", "dpa", "pa media", "press association", "efe", "ansa",
    "xinhua", "kyodo", "yonhap", "tass", "anadolu", "ap",
}  # fmt: skip


_CORPORATE_SUFFIX = re.compile(
    r"(?:,?\s+(?:Ltd\.?|Limited|LLC|L\.L\.C\.|Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|Plc|PLC|GmbH|S\.A\.|AG"
    r"|Pty\.?|Pvt\.?|S\.L\.|S\.p\.A\.|SpA|SAS|S\.A\.S\.|SARL|B\.V\.|BV|N\.V\.|AB|ASA|A/S|KG|& Co\.(?: KG)?|e\.V\."
    r"|(?:GmbH|AG) & Co\b\.?(?: KG)?|Oyj|Media Network|Verlag(?=\s+(?:GmbH|AG|KG))|Holdings"
    r"|Media Group(?: Limited)?|Publishing(?: Group)?"
    r"|or its affiliated companies|and its affiliates))+\.?$"
)


#: The copyright mark and "all rights reserved" in the languages the extractor reads.
_RIGHTS_RESERVED = re.compile(
    r"(?i)copyright|©|ⓒ|\(c\)|all rights reserved\.?|alle rechte vorbehalten\.?"
    r"|tous droits réservés\.?|todos los derechos reservados\.?|derechos reservados\.?"
    r"|tutti i diritti riservati\.?|todos os direitos reservados\.?"
    # "© RIPRODUZIONE RISERVATA": reproduction reserved, said instead of the owner's name.
    r"|riproduzione\s+(?:riservata|vietata)\.?|reproducci[óo]n\s+(?:reservada|prohibida)\.?"
    r"|reproduction\s+interdite\.?"
)
#: What follows an owner's name in a footer and is not part of it.
_NOT_THE_NAME = re.compile(
    r"(?i)\s*(?:\bunless otherwise (?:noted|stated|indicated)\b.*|\bpowered by\b.*"
    r"|\b(?:site\s+|website\s+)?(?:designed|developed|hosted)\s+(?:and\s+\w+\s+)?by\b.*"
    r"|,?\s+an?\s+(?:\d{3}\s*\(\w?\)\s*\(?\d?\)?\s*)?non-?profit\b.*|\(www\.[^)]*\)\s*)$"
)


#: A picture's credit ("Fotocredit: Ilze Kitshoff © 2021 CTMG", "© Oli Scarff/Getty
#: Images", "© AP Photo/Evan Vucci"): it names who took or sells the picture, not the outlet.
_PICTURE_CREDIT = re.compile(
    r"(?i)\b(?:foto\w*|photo\w*|bild(?:er)?|images?|pictures?|credits?|crédit)\s*[:/]"
    r"|\b(?:getty|shutterstock|istock\w*|imago|alamy)\b"
    r"|(?-i:(?<=[a-z])/(?=[A-Z][a-z]))"  # "Photographer/Agency", not "AND/OR"
    r"|(?<=[a-z]{3}[.!?])\s*[©ⓒ]"  # "... in The Woman King. ©Ilze Kitshoff": a caption's
)
#: An e-mail address, set beside a name in a footer.
_ADDRESS = re.compile(r"\S+@\S+\.\w+")


_STANDARDS = re.compile(
    r"\b(?:our\s+standards\s*:\s*)?the\s+(?P<name>.{2,60}?)\s+trust\s+principles\b", re.I
)


#: A first line naming the site ("Kestrel News › Technology", "The Westerly Times | Blog").
_SITE_LINE_SPLIT = re.compile(r"\s*(?:›|»|\||/|>|·|•|—|–| - )\s*")


OUTLET_WORD = re.compile(
    r"\b(?:News|Times|Post|Daily|Monitor|Tribune|Standard|Courant|Observer|Wire|Press|Herald|Journal"
    r"|Gazette|Chronicle|Express|Mail|Telegraph|Guardian|Review|Agency|Radio|Media|Sun|Star|Record"
    r"|Independent|Examiner|Courier|Dispatch|Bulletin|Register|Inquirer|Reporter|Weekly|Online|TV"
    r"|Ledger|Sentinel|Beacon|Bugle|Mercury|Argus|Advertiser|Leader|Clarion|Echo|Enquirer|Globe|Citizen"
    r"|Newswire|Magazine|Insider"
    # German, French, Spanish, Italian, Portuguese, Dutch and Nordic mastheads.
    r"|Zeitung|Rundschau|Anzeiger|Kurier|Bote|Tagblatt|Nachrichten|Allgemeine|Presse|Tageblatt|Blatt"
    r"|Courrier|Monde|Dépêche|Parisien|Républicain|Nouvelles|Quotidien|Matin|Soir|Provence|Progrès"
    r"|Diario|Periódico|Heraldo|Correo|Voz|Noticias|Gaceta|Crónica|Mirador|Informador|Vanguardia"
    r"|Corriere|Gazzetta|Giornale|Stampa|Notizie|Messaggero|Voce|Gazzettino|Mattino|Nazione|Jornal|Folha|Krant|Dagblad|Posten|Tidning"
    r"|Avis|Dagbladet|Gazeta)\b"
)


#: Words that name a page's section or a kind of outlet, never an outlet alone: a menu's
#: "- News" over The Hill's and The Independent's pages is no masthead.
_GENERIC_OUTLETS = frozenset([
    "news", "media", "online", "tv", "radio", "magazine", "newswire", "wire", "agency",
    "weekly", "daily", "press", "home", "world", "politics", "business", "opinion",
])  # fmt: skip


@lru_cache(maxsize=1)
def _media_group_keys() -> frozenset[str]:
    return frozenset(outlet_key(without_corporate_suffix(g)) for g in MEDIA_GROUPS)


def credits_a_wire(source: str, text: str) -> bool:
    """The outlet is a wire the story credits ("Associated Press", "(CNN) -" in its
    opening): a site carrying its copy is not the story's outlet."""
    name = clean_line(source)
    if name.casefold() in KNOWN_AGENCIES or name in AGENCY_NAMES.values():
        return True
    opening = text[:3000]
    return f"({name})" in opening or any(
        f"({short})" in opening for short, full in AGENCY_NAMES.items() if full == name
    )


def is_media_group(name: str) -> bool:
    """A company that owns outlets ("Hearst Communications, Inc."), not an outlet."""
    return outlet_key(without_corporate_suffix(name)) in _media_group_keys()


def is_generic_outlet(name: str) -> bool:
    """One word that says what kind of page or outlet it is, not which ("News")."""
    tokens = words(name)
    return len(tokens) == 1 and tokens[0].casefold() in _GENERIC_OUTLETS


def outlet_from_footer(line: str) -> str | None:
    """'© 2026 The Westerly Times Ltd.' -> 'The Westerly Times'; standards lines likewise."""
    if len(line) > 400:
        return None
    # The substring test first: this runs on every footer line of every page.
    m = _STANDARDS.search(line) if "rinciples" in line else None
    if m:
        return clean_line(m["name"])
    if not is_copyright(line):
        return None
    if picture_copyright(line, after_caption=True) or _PICTURE_CREDIT.search(line):
        return None  # a caption ending in its picture's credit names the photographer
    text = _RIGHTS_RESERVED.sub(" ", line)
    text = re.sub(r"\b(?:19|20)\d{2}\s*(?:[-–]\s*(?:19|20)\d{2})?\b,?", " ", text)
    text = re.split(
        r"\s*[|•]\s*|(?<=[a-z]{2})\.(?=[A-Z\s]|$)|\.\s", text.strip(" -,").lstrip("."), maxsplit=1
    )[0]
    # The full stop of "Co." or "S.L." stays until the legal form is cut off below.
    text = _NOT_THE_NAME.sub("", text)
    text = _ADDRESS.sub(" ", text)  # "Jana Berg info@berg.de": the contact, not the name
    text = clean_line(text).strip(" ,;:-–—").lstrip(".")
    # "Paul Parey Zeitschriftenverlag GmbH - Wild und Hund": the company, then its masthead.
    company, dash, rest = text.partition(" - ")
    if dash and _CORPORATE_SUFFIX.search(company):
        masthead = re.split(r"\s+[–—|-]\s+", rest, maxsplit=1)[0].strip()
        # A masthead is a name; "ein Unternehmen der ..." says who owns the company.
        plausible = masthead[:1].isupper() or masthead[:1].isdigit()
        text = masthead if plausible and 1 <= len(words(masthead)) <= 5 else company
    owned = _OWNED_BY.search(text)
    if owned:  # "OUTDOOR ist Teil der Motor Presse Stuttgart": the site, not its owner
        text = owned["site"]
    text = without_corporate_suffix(text)
    tokens = words(text)
    if not 1 <= len(tokens) <= 7 or (not text[:1].isupper() and not text[:1].isdigit()):
        return None
    if is_upper_line(text) and len(text) > 5:
        text = _masthead_case(text)
    return None if is_generic_outlet(text) else text


#: A text browser's copy opens with the page's feed link ("#RSS La Stampa - News ..."):
#: the site's name follows the feed's kind.
_FEED_LABEL = re.compile(r"^(?:RSS|Atom)(?:\s+feed)?\s+(?=\S)", re.I)
_NAV_VERB = re.compile(r"^(?:contact|about|follow|visit|support|subscribe\s+to)\s+(?:us\b)?", re.I)


#: Words a masthead never ends with: a label's ("News provided by", "Stories from").
_TRAILING_PARTICLES = frozenset(
    ["by", "of", "from", "for", "to", "and", "with", "von", "de", "par", "por", "da", "di"]
)


def site_line_outlet(text: str, title: str = "") -> str | None:
    """The outlet a page's first line names (a masthead or the head of a breadcrumb).

    Navigation furniture above it ("Skip to main content", "Menu") is passed
    over; the headline itself is never a masthead.
    """
    first = next(
        (line for line in split_lines(text[:2000])[:8] if line and not is_boilerplate(line)), ""
    )
    if not first or len(first) > 120 or (title and first.startswith(title)):
        return None
    # A text browser's marks before it ("#Presse Augsburg", "* Kestrel News") are not its name.
    head = _SITE_LINE_SPLIT.split(first.lstrip("-–— "), maxsplit=1)[0].strip().lstrip("#*+•· ")
    # A menu's "Contact CT Post" or "About The Sentinel" names the site after its verb.
    head = _FEED_LABEL.sub("", _NAV_VERB.sub("", head))
    tokens = words(head)
    if not 1 <= len(tokens) <= 5 or not OUTLET_WORD.search(
        head.title() if head.isupper() else head
    ):
        return None
    if is_generic_outlet(head) or tokens[-1].casefold() in _TRAILING_PARTICLES:
        return None  # a menu's "- News", a label's "News provided by": not a masthead
    if head.isupper():
        head = _masthead_case(head)
    return head


#: Short words of a masthead in capitals that are articles or particles, not acronyms.
_PARTICLES = frozenset(
    [
        "THE",
        "OF",
        "AND",
        "LE",
        "LA",
        "LES",
        "DU",
        "DE",
        "DES",
        "DEL",
        "EL",
        "LOS",
        "LAS",
        "DER",
        "DIE",
        "DAS",
        "DI",
        "DA",
        "DO",
        "DOS",
        "IL",
        "LO",
        "UND",
        "ET",
        "Y",
        "E",
    ]
)


def _masthead_case(head: str) -> str:
    """'LE COURRIER DU RHÔNE' -> 'Le Courrier du Rhône'; short acronyms ('BBC') stay."""
    out = []
    for n, word in enumerate(head.split()):
        if word in _PARTICLES:
            out.append(word.capitalize() if n == 0 else word.lower())
        else:
            out.append(word.capitalize() if len(word) > 3 else word)
    return " ".join(out)


def _initials(name: str) -> str:
    return "".join(
        w[0]
        for w in name.replace("-", " ").split()
        if w[:1].isupper() and w.lower() not in {"of", "the", "and", "for"}
    )


def expand_source(source: str, text: str, candidates: Iterable[str]) -> tuple[str, str | None]:
    """(full name, abbreviation) for an outlet the text names both ways; else (source, None)."""
    source = clean_line(source)
    haystack = text[:EXPANSION_CHARS]
    if re.fullmatch(r"[A-Z][A-Z&]{1,6}", source):
        known = AGENCY_NAMES.get(source)
        if known:
            # A wire's abbreviation is spelled out only the way the wire spells it.
            return (known, source) if known in haystack else (source, None)
        if _goes_by(source, haystack):
            return source, None  # "CNN" all through the page, "Cable News Network" in its footer
        for other in candidates:
            if other != source and _initials(other) == source:
                return clean_line(other), source
        full = _spelled_out(source, haystack)
        return (full, source) if full else (source, None)
    initials = _initials(source)
    if 2 <= len(initials) <= 6 and _names_initials(initials, haystack):
        return source, initials
    return source, None


def _goes_by(abbreviation: str, haystack: str) -> bool:
    """The page calls the outlet by its abbreviation, three times at least."""
    return len(re.findall(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w-])", haystack)) >= 3


def _names_initials(initials: str, haystack: str) -> bool:
    """`re.search(rf"\b{re.escape(initials)}\b", haystack)`, cheaper on word characters.

    A pattern that opens with `\b` is tried at every position of the text; one that opens
    with a letter is scanned for in C (a feed item's whole body: about 150 -> 2 us). Where
    every initial is a word character, `\b` before the first is "no word character before
    it" (checked after it, so the pattern still opens with a letter) and after the last
    "none after it". An initial that is no word character ("Ⓐ" is upper case) keeps `\b`.
    """
    escaped = [re.escape(ch) for ch in initials]
    if not all(ch.isalnum() or ch == "_" for ch in initials):
        return re.search(rf"\b{''.join(escaped)}\b", haystack) is not None
    pattern = escaped[0] + r"(?<!\w.)" + "".join(escaped[1:]) + r"(?!\w)"
    return re.search(pattern, haystack) is not None


def _spelled_out(abbreviation: str, haystack: str) -> str | None:
    """'RFA' -> 'Radio Free Asia' when the text has capitalised words with those initials."""
    letters = [re.escape(c) for c in abbreviation if c.isalpha()]
    if len(letters) < 2:
        return None
    joiner = r"(?:\s+(?:of|the|and|for|&))?\s+"
    pattern = re.compile(r"\b" + joiner.join(rf"{c}[a-z]+" for c in letters) + r"\b")
    counts: dict[str, int] = {}
    for m in pattern.finditer(haystack):
        counts[m.group(0)] = counts.get(m.group(0), 0) + 1
        if len(counts) > 50:
            break
    if not counts:
        return None
    return max(counts.items(), key=lambda item: item[1])[0]


_NAME_RUN = r"(?P<name>(?:The\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+|the\s+|de\s+|del\s+|du\s+)?[A-Z][\w'’&.-]*){0,4})"
#: "Subscribe to The X", "our weekly newsletter from The X", "The X newsletter",
#: "Published by X Ltd".
_APPEALS = (
    re.compile(
        r"\b(?:newsletters?|briefings?|bulletins?|podcast|app|edition)\s+(?:from|by)\s+" + _NAME_RUN
    ),
    re.compile(
        r"\b(?:[Ss]ubscribe|[Ss]ign\s+up|[Rr]egister)\s+(?:to|for|with)\s+(?:the\s+)?" + _NAME_RUN
    ),
    re.compile(
        r"^(?i:(?:get|sign\s+up\s+(?:to|for)|subscribe\s+to|join)\s+(?:the\s+|our\s+)?)?"
        + _NAME_RUN
        + r"(?:\s+[a-z]+)?\s+(?:newsletters?|daily\s+briefing|morning\s+briefing)\b"
    ),
    re.compile(r"^(?i:published|printed)\s+(?i:by)\s+" + _NAME_RUN),
)


def _head_and_foot(text: str, max_lines: int) -> list[str]:
    """A page's lines, or on a long page its first 100 and last `max_lines`: where
    mastheads, appeals and ownership lines sit."""
    lines = split_lines(text)
    return lines if len(lines) <= 2 * max_lines else lines[:100] + lines[-max_lines:]


def appeal_outlet(text: str, *, max_lines: int = 400) -> str | None:
    """The outlet a subscription or newsletter appeal names ("Subscribe to The X Courier").

    Only a name that reads as a masthead (it has an outlet word such as
    "Times" or "Courier") counts: "Sign up to Morning Briefing" names a
    newsletter, not the site.
    """
    # Appeals sit at the top or, more often, at the foot of the page.
    for line in _head_and_foot(text, max_lines):
        if not line or len(line) > 300:
            continue
        lower = line.lower()
        if (
            "subscri" not in lower
            and "newsletter" not in lower
            and "sign up" not in lower
            and ("register" not in lower and "briefing" not in lower)
            and not lower.startswith(("published by", "printed by"))
        ):
            continue
        for pattern in _APPEALS:
            m = pattern.search(line)
            if m and OUTLET_WORD.search(m["name"]) and len(words(m["name"])) <= 5:
                return _CORPORATE_SUFFIX.sub("", clean_line(m["name"]).strip(" .,;:")).strip(" .,")
    return None


#: "Live Science is part of Future US Inc": the site, then the company that owns it.
_OWNED_BY = re.compile(
    r"^(?P<site>(?:The\s+)?[A-Z0-9][\w.'’&-]*(?:\s+[A-Z0-9][\w.'’&-]*){0,4})\s+(?:"
    r"is\s+(?:a\s+)?(?:part|member|division|unit|brand|publication|property|subsidiary)\s+of"
    r"|is\s+(?:owned|published|operated)\s+by|is\s+an?\s+(?:[\w-]+\s+)?(?:company|brand)\s+of"
    r"|(?:ist|sind)\s+(?:(?:ein|eine)\s+)?(?:Angebot|Marke|Produkt|Teil)\s+(?:der|des|von)"
    r"|est\s+une?\s+(?:marque|titre|publication|filiale)\s+(?:de|du|des)|fait\s+partie\s+(?:de|du)"
    r"|es\s+una?\s+(?:marca|publicación)\s+de|fa\s+parte\s+d[ei]|faz\s+parte\s+d[oae])\s+"
    r"(?P<owner>.{2,80}?)[.,;]?(?:\s|$)"
)


#: "The Verge is a Vox Media network": the site, then its owner before the kind of thing.
_OWNER_FIRST = re.compile(
    r"^(?P<site>(?:The\s+)?[A-Z0-9][\w.'’&-]*(?:\s+[A-Z0-9][\w.'’&-]*){0,4})\s+is\s+an?\s+"
    r"(?P<owner>[\w.'’&-]+(?:\s+[\w.'’&-]+){0,3}?)\s+"
    r"(?:network|company|brand|publication|property|title|site|website)\b",
    re.I,
)


#: A cheap first look over the whole text: is any ownership phrase there at all?
_OWNED_HINT = re.compile(
    r"\b(?:part|member|division|unit|brand|publication|property|subsidiary) of\b"
    r"|\bis (?:owned|published|operated) by\b|\b(?:company|brand) of\b|\bTeil (?:der|des|von)\b"
    r"|\bis an? [\w .&'’-]{2,60}? (?:network|company|brand|publication|property|title|site)\b"
    r"|\b(?:Angebot|Marke|Produkt) (?:der|des|von)\b|\bune? (?:marque|titre|publication|filiale) d"
    r"|\bfait partie d|\buna? (?:marca|publicación) de\b|\bfa parte d|\bfaz parte d"
)


def has_corporate_suffix(name: str) -> bool:
    """The name ends in a company's legal form ("Veltrano Energy AG", "Brightline Inc.")."""
    return _CORPORATE_SUFFIX.search(clean_line(name)) is not None


def without_corporate_suffix(name: str) -> str:
    """ "Impulse GmbH" -> "Impulse": the company's legal form is no part of a masthead
    (empty when the name is nothing but one)."""
    return _CORPORATE_SUFFIX.sub("", clean_line(name)).strip(" .,&")


def owned_outlet(text: str, owners: Iterable[str], *, max_lines: int = 400) -> str | None:
    """The site a footer says one of `owners` owns ("Live Science is part of Future US
    Inc" with "Future US" from the copyright line): the masthead, not the company."""
    folded = {outlet_key(o) for o in owners if o}
    if not folded or not _OWNED_HINT.search(text):
        return None
    for line in _head_and_foot(text, max_lines):
        if not line or len(line) > 300 or not line[:1].isupper():
            continue
        m = _OWNED_BY.search(line) or _OWNER_FIRST.search(line)
        if m is None:
            continue
        owner = outlet_key(without_corporate_suffix(m["owner"]))
        # "an independent Vox Media title": the owner's name may follow a word of praise.
        if any(
            owner.startswith(o) or o.startswith(owner) or owner.endswith(o)
            for o in folded
            if o and owner
        ):
            site = clean_line(m["site"])
            if outlet_key(site) not in folded:
                return _masthead_case(site) if site.isupper() and len(site) > 5 else site
    return None


#: A site name written as one word: a handle or a host name ("usatoday", "TheHill", "@CBSNews").
_LOWER = re.compile(r"@?[a-z][a-z0-9]+")
#: Words run together with their capitals kept: "TheHill", "CBSNews", "CityAM".
_CAMEL = re.compile(r"@?[A-Za-z0-9]*(?:[a-z][A-Z]|[A-Z]{2}[a-z])[A-Za-z0-9]*")


def is_squashed(site: str) -> bool:
    """A one-word site name with lower-case letters: a handle or host name, maybe."""
    name = site.strip()
    return bool(_LOWER.fullmatch(name) or _CAMEL.fullmatch(name))


def respell(site: str, page_text: str) -> str:
    """A site name squashed into one word, spelled as the page spells it: 'usatoday' ->
    'USA TODAY', 'TheHill' -> 'The Hill' (the commonest spelling of the same letters
    with spaces); else the name as it is, without a handle's '@'."""
    name = site.strip()
    if not is_squashed(name):
        return name
    letters = [ch for ch in name.lstrip("@") if ch.isalnum()]
    if len(letters) < 4 or len(letters) > 40:
        return name.lstrip("@")
    pattern = re.compile(
        r"(?<![\w.])" + r"[ .]?".join(re.escape(ch) for ch in letters) + r"(?![\w])", re.I
    )
    spaced: dict[str, int] = {}
    cased: dict[str, int] = {}
    after_the: dict[str, int] = {}
    text = page_text[:EXPANSION_CHARS]
    for m in pattern.finditer(text):
        spelled = m.group(0)
        if not _spelled_as_a_name(spelled.split()):
            continue
        found = spaced if " " in spelled else cased
        found[spelled] = found.get(spelled, 0) + 1
        if text[max(0, m.start() - 4) : m.start()] == "The ":
            after_the[spelled] = after_the.get(spelled, 0) + 1
    # Spelled with spaces; an all lower-case handle also with capitals ("politifact"
    # -> "PolitiFact"), where a name with capitals of its own keeps them.
    for counts in (spaced, cased) if _LOWER.fullmatch(name) else (spaced,):
        if counts:
            spelled, count = max(counts.items(), key=lambda item: item[1])
            # "timesofisrael" -> "The Times of Israel" where the page mostly says so.
            return f"The {spelled}" if 2 * after_the.get(spelled, 0) > count else spelled
    return name.lstrip("@")


def _spelled_as_a_name(parts: list[str]) -> bool:
    """Capitalised words, with short lower-case joining words inside ("Times of Israel")."""
    if not parts:
        return False
    capital = [p[:1].isupper() or p[:1].isdigit() for p in parts]
    inner_joins = all(ok or len(p) <= 3 for p, ok in zip(parts[1:-1], capital[1:-1], strict=True))
    return capital[0] and capital[-1] and inner_joins
