"""Datelines: where a story was filed from, and the agency that filed it.

Shapes: "SEOUL, South Korea — ...", "GDANSK, March 14 (Agency) - ...",
"WASHINGTON (AP) — ...", "(Reuters) - ...", "The Hague — ...",
"Washington, DC, United States: ...", and a lone place line under the byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.extract.data.common_words import COMMON_WORDS
from newsdesk.extract.placenames import is_known_place_name, is_place
from newsdesk.sanitize import clean_line

# Dashes, a colon, and the Spanish ".-" ("MADRID.- El Gobierno").
_DASH = r"(?:\s*[—–]\s*|\s+-{1,2}\s+|\s*:\s+|\.-\s*)"
#: Month names and abbreviations in English, German, French, Spanish, Italian, Portuguese.
_MONTHS = (
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|märz|maerz|mai|okt|dez|ene|abr|ago"
    r"|dic|janv|févr|fevr|avr|juin|juil|août|aout|déc|gen|mag|giu|lug|set|ott|fev|out)"
)
_MONTH_DAY = (
    _MONTHS + r"[a-zäéûíô]*\.?\s+\d{1,2}(?:,\s*\d{4})?"
    # "22 nov", "3. März 2026", "12 de marzo": day first, as most of Europe writes it.
    r"|\d{1,2}\.?\s+(?:de\s+)?" + _MONTHS + r"[a-zäéûíô]*\.?(?:\s+(?:de\s+)?\d{4})?"
)
_AGENCY = r"(?:\((?P<agency>[A-Za-z][\w .&'’/-]{0,38})\)|/(?P<wire>[A-Za-z][\w .&'’-]{1,38})/)"
# Capitals with accents too ("SÃO PAULO", "ZÜRICH"); `_upper_ok` checks they are all capitals.
_CAP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
_UPPER_ONE = rf"[{_CAP}][{_CAP}.'’\-]+(?:\s+[{_CAP}][{_CAP}.'’\-]+){{0,3}}"
# "SANTIAGO/LONDON, March 11 (Reuters) -": a story filed from two places.
_UPPER_PLACE = rf"{_UPPER_ONE}(?:/{_UPPER_ONE})?"
# "the Netherlands", "the Philippines" after the town.
_REGION = r"(?:the\s+)?[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|of|de|del|da))*"
_UPPER = re.compile(
    rf"^(?P<place>{_UPPER_PLACE}(?:,\s*{_REGION}){{0,2}}?)"
    rf"(?:,\s*(?P<md>{_MONTH_DAY}))?\s*(?:{_AGENCY})?(?P<dash>{_DASH})(?=\S)",
)
# "Port-au-Prince", "St. Petersburg", "Aix-en-Provence": one word of a mixed-case place.
_MIXED_WORD = r"(?:St\.|Ste\.|Mt\.|Ft\.|[A-Z][a-z\u00c0-\u024f'’]+(?:-[A-Za-z\u00c0-\u024f'’]+)*)"
_MIXED = re.compile(
    rf"^(?P<place>(?:The\s+)?{_MIXED_WORD}(?:\s+{_MIXED_WORD}){{0,2}}"
    rf"(?:,\s*{_REGION}){{0,2}}?)(?:,\s*(?P<md>{_MONTH_DAY}))?\s*(?:{_AGENCY})?(?P<dash>{_DASH})(?=\S)",
)
# "Wetzlar. Der ...", "Berlin/Hamburg. Die ...", "Frankfurt (dpa). Die ...": a German
# paper's dateline, the place (or places) set off by a full stop.
_STOP_PLACE = rf"{_MIXED_WORD}(?:[ -]{_MIXED_WORD}){{0,2}}"
# Agencies as such datelines write them: "dpa", "epd", "AFP", "dpa/lhe", "Reuters" (not
# a river after the town: "Halle (Saale)").
_STOP_AGENCY_ONE = r"(?:[a-z]{2,8}|[A-Z]{2,8}|Reuters|Bloomberg)"
_FULL_STOP = re.compile(
    rf"^(?P<place>{_STOP_PLACE}(?:/{_STOP_PLACE}){{0,2}})"
    rf"(?:\s+\((?P<agency>{_STOP_AGENCY_ONE}(?:\s*[/,]\s*{_STOP_AGENCY_ONE})*)\))?"
    r"\.\s+(?=[A-ZÄÖÜ„\"])"
)
# "Rostow (Russland) - Bei ...", "München / Berlin - Die ...", "Hofheim am Taunus |
# Wiesbaden, 11. November 2021 – Die ...": a German paper's dateline before a spaced dash,
# its places (perhaps joined by "am"), a country or an agency in brackets, a day.
_LINKED_PLACE = (
    rf"{_MIXED_WORD}(?:\s+(?:am|an|im|bei|ob|upon|on|sur)\s+{_MIXED_WORD}|[ -]{_MIXED_WORD}){{0,2}}"
)
_SPACED = re.compile(
    rf"^(?P<place>{_LINKED_PLACE}(?:\s*[/|]\s*{_LINKED_PLACE}){{0,2}})"
    r"(?:\s+\((?P<paren>[^()\d]{2,30})\))?"
    rf"(?:,\s*(?P<md>{_MONTH_DAY}))?\s+[-–—]\s+(?=[A-ZÄÖÜ„\"“])"
)
#: Words that open a paragraph before a dash and are no place ("Kommentar - Die ...").
_DASH_LABELS = frozenset(
    [
        "Kommentar",
        "Analyse",
        "Interview",
        "Meinung",
        "Fazit",
        "Hintergrund",
        "Update",
        "Eilmeldung",
        "Liveblog",
        "Video",
        "Bild",
        "Foto",
        "Fotos",
        "Exklusiv",
        "Achtung",
        "Hinweis",
        "Anzeige",
        "Werbung",
        "Opinion",
        "Review",
        "Analysis",
        "Watch",
        "Editorial",
        "Breaking",
        "Exclusive",
        "Live",
        "Note",
        "Updated",
        "Correction",
    ]
)
#: Words of running text after an unknown lone place: a sentence, not a label's phrase.
_SENTENCE_AFTER_WORDS = 8
#: Words that open a news sentence after a dateline: articles and prepositions.
_SENTENCE_OPENING = frozenset(
    [
        "Der",
        "Die",
        "Das",
        "Ein",
        "Eine",
        "Bei",
        "Im",
        "In",
        "Am",
        "An",
        "Auf",
        "Nach",
        "Mit",
        "Für",
        "Seit",
        "Wegen",
        "Trotz",
        "Laut",
        "Vor",
        "Zum",
        "Zur",
        "Nach",
        "Rund",
        "Mehr",
        "Nur",
        "Auch",
        "Knapp",
        "Fast",
        "El",
        "La",
        "Los",
        "Las",
        "Un",
        "Una",
        "Le",
        "Les",
        "Il",
        "Lo",
        "Un",
        "Une",
        "The",
        "A",
        "An",
    ]
)
_AGENCY_ONLY = re.compile(rf"^{_AGENCY}\s*[—–-]{{1,2}}\s*(?=\S)")
# "(CNN)President ..." / "Hong Kong (CNN Business)A muddled ...": no dash, text glued on.
_GLUED = re.compile(
    rf"^(?P<place>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,3}}(?:,\s*[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,2}})?\s+)?"
    rf"{_AGENCY}\s*(?=[A-Z“\"‘'])"
)
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Press|Times|Post|Agency|Wire|Herald|Journal|Tribune|Gazette|Standard|Radio|TV"
    r"|Television|Network|Service|Daily|Mail|Telegraph|Chronicle|Observer|Express)\b"
)

# Agencies written as an abbreviation in a dateline, and how they spell out.
AGENCY_NAMES = {
    "AP": "Associated Press",
    "AFP": "Agence France-Presse",
    "UPI": "United Press International",
    "DPA": "Deutsche Presse-Agentur",
    "ANSA": "ANSA",
    "EFE": "EFE",
}


@dataclass
class Dateline:
    """The dateline at the head of a body paragraph."""

    place: str | None
    agency: str | None
    month_day: str | None
    #: Where the paragraph's own text starts once the dateline is cut off.
    text_start: int
    #: An outlet named where a dateline would be ("Kaieteur News – ...").
    outlet: str | None = None

    def __post_init__(self) -> None:
        if self.agency:
            # "(kath.net/as)": the wire, then its writer's initials; a regional service's
            # three letters ("dpa/lhe") stay.
            self.agency = _DESK_INITIALS.sub("", self.agency)


#: A writer's initials after the wire that filed ("/as").
_DESK_INITIALS = re.compile(r"(?<=\w)\s*/\s*[a-z]{2}$")


#: Short capitalised words that are parts of place names, not abbreviations ("SÃO PAULO").
_SHORT_PLACE_WORDS = frozenset(
    {"BAY", "SAN", "NEW", "LOS", "DEL", "SÃO", "SAO", "LAS", "LA", "EL", "LE", "DES", "DOS", "OLD"}
)
#: Particles inside a town's name, written in lower case ("SANTA MARIA DA FEIRA").
_PARTICLES = frozenset({"DA", "DE", "DO", "DI", "DU", "DAS", "DOS", "DEL", "DELLA", "VON", "AM"})


#: A capitalised word cut short with one full stop ("ST.", "MT."), unlike initials ("N.Y.").
_SHORTENED_WORD = re.compile(r"[A-Z]{2,3}\.")


def normalise_place(place: str) -> str:
    """'SEOUL, South Korea' -> 'Seoul, South Korea'; 'BUFFALO, N.Y.' keeps 'N.Y.'."""

    def fix(word: str, longest_abbreviation: int) -> str:
        if "." in word or (
            len(word) <= longest_abbreviation and word.isupper() and word not in _SHORT_PLACE_WORDS
        ):
            return word
        if not word.isupper():
            return word
        parts = re.split(r"([-'’/])", word.lower())
        return "".join(p[:1].upper() + p[1:] if p not in "-'’/" else p for p in parts)

    def town(words: list[str]) -> str:
        return " ".join(
            w.lower()
            if 0 < i < len(words) - 1 and w in _PARTICLES
            # "ST. JOSEPH", "FT. WORTH": an abbreviated word of the name, not initials.
            else w[0] + w[1:].lower()
            if i < len(words) - 1 and _SHORTENED_WORD.fullmatch(w)
            else fix(w, 2)
            for i, w in enumerate(words)
        )

    # A town's own name has no three-letter abbreviations ("LA PAZ"); a region may ("USA").
    parts = [
        town(part.split()) if n == 0 else " ".join(fix(w, 3) for w in part.split())
        for n, part in enumerate(place.split(","))
    ]
    return clean_line(", ".join(p.strip() for p in parts if p.strip()))


def parse_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening `paragraph`, or None when it opens with plain text."""
    head = paragraph[:160]
    m = _AGENCY_ONLY.match(head)
    if m:
        return Dateline(None, _agency(m), None, m.end())
    m = _GLUED.match(head)
    if m and (m["place"] is None or is_known_place_name(m["place"].strip())):
        place = normalise_place(m["place"].strip()) if m["place"] else None
        return Dateline(place, _agency(m), None, m.end())
    m = _UPPER.match(head)
    if (
        m
        and _upper_ok(m["place"])
        and (
            _agency(m)
            or m["md"]
            or ":" not in m["dash"]
            # "GENEVA: The ..." but not "UPDATE: The ...": a colon needs a known place.
            or is_known_place_name(normalise_place(m["place"]))
        )
    ):
        place = normalise_place(m["place"])
        return Dateline(place, _agency(m), m["md"], m.end())
    m = _FULL_STOP.match(head)
    if m and _stop_places_ok(m):
        agency = clean_line(m["agency"]) if m["agency"] else None
        return Dateline(clean_line(m["place"]), agency, None, m.end())
    m = _MIXED.match(head)
    if m:
        place = clean_line(m["place"])
        if is_known_place_name(place) or _known_region(place, m["dash"]):
            return Dateline(place, _agency(m), m["md"], m.end())
        if _OUTLET_WORDS.search(place) and ":" not in m["dash"]:
            return Dateline(None, None, None, m.end(), outlet=place)
    m = _SPACED.match(head)
    if m:
        return _spaced_dateline(m, paragraph)
    return None


def _spaced_dateline(m: re.Match[str], paragraph: str) -> Dateline | None:
    """The dateline `_SPACED` matched, when its places are places: one the gazetteer
    knows, a country or an agency in brackets after them, a day, or two places; a lone
    unknown word only before a sentence of running text."""
    parts = [p.strip() for p in re.split(r"\s*[/|]\s*", m["place"])]
    if any(p.split()[0] in _DASH_LABELS or p.lower() in COMMON_WORDS for p in parts):
        return None
    paren = clean_line(m["paren"]) if m["paren"] else None
    agency = None
    if paren is not None:
        if re.fullmatch(_STOP_AGENCY_ONE + r"(?:\s*[/,]\s*" + _STOP_AGENCY_ONE + ")*", paren):
            agency = paren  # "Bogotá (dpa) -"
        elif not is_known_place_name(paren):
            return None  # "Halle (Saale) -" is a river; "(Russland)" a country
    known = any(is_known_place_name(p) for p in parts)
    if not (known or paren or m["md"]):
        # Two places need one known ("Impressum | Datenschutzerklärung -" is a footer); a
        # lone unknown word needs a sentence after it that opens as one ("Die
        # Staatsregierung hat ..."), not a description ("Stefanus Stahl - Maschinenbauer, ...").
        rest = paragraph[m.end() :].split()
        if len(parts) > 1 or len(rest) < _SENTENCE_AFTER_WORDS or rest[0] not in _SENTENCE_OPENING:
            return None
    return Dateline("/".join(parts), agency, m["md"], m.end())


#: What a stated dateline may carry after its place: the day and the agency ("EMBERLY,
#: Dec 6 (Polaris)", "BERGEN, March 5 /GWA/ -").
_STATED_TAIL = re.compile(rf"(?:,\s*(?:{_MONTH_DAY}))?\s*(?:{_AGENCY})?[\s,:—–-]*$")
_DAY_ONLY = re.compile(_MONTH_DAY)


def stated_place(dateline: str) -> str | None:
    """The place of a dateline an agency states as a field (NITF's <dateline>, ninjs'
    `located`), read as a dateline opening a paragraph is: "EMBERLY, Dec 6 (Polaris)" ->
    "Emberly", "SAN JOSE, Calif." -> "San Jose, Calif.", "Bergen" stays; None when only a
    day or an agency is left."""
    text = clean_line(dateline).strip(" ,:;—–-")
    if not text:
        return None
    found = parse_dateline(f"{text} — x")
    if found is not None and found.place:
        return found.place
    place = _STATED_TAIL.sub("", text).strip(" ,:;—–-")
    if not place or not any(ch.isalpha() for ch in place) or _DAY_ONLY.fullmatch(place):
        return None
    return normalise_place(place) if _upper_ok(place) else place


#: Titles abbreviated before a name that opens a sentence ("Sens. Joe Manchin and ..."):
#: "Sens" is also a French town, but a title's full stop is no dateline's.
_NAME_TITLES = frozenset(
    [
        "sen",
        "sens",
        "rep",
        "reps",
        "gov",
        "govs",
        "gen",
        "gens",
        "lt",
        "dr",
        "drs",
        "prof",
        "profs",
        "col",
        "capt",
        "sgt",
        "maj",
        "mr",
        "mrs",
        "ms",
        "messrs",
        "rev",
        "sr",
        "jr",
        "pres",
        "supt",
        "cmdr",
        "adm",
        "insp",
        "det",
        "cpl",
        "pvt",
        "hon",
        "atty",
        "amb",
        "cllr",
        "fr",
        "msgr",
    ]
)


def _stop_places_ok(m: re.Match[str]) -> bool:
    """Places set off by a full stop are a dateline when an agency follows them, or when
    each is a place we know (a sentence of one word is seldom a town's name)."""
    if m["place"].casefold() in _NAME_TITLES:
        return False
    return bool(m["agency"]) or all(is_known_place_name(p) for p in m["place"].split("/"))


def _known_region(place: str, dash: str) -> bool:
    """'Riverbend, Oregon —': a town the gazetteer lacks, in a state or country it knows."""
    if "," not in place or not ("—" in dash or "–" in dash):
        return False
    region = place.split(",", 1)[1].strip()
    return bool(region) and is_known_place_name(region)


def _agency(m: re.Match[str]) -> str | None:
    name = m["agency"] or m["wire"]
    return clean_line(name) if name else None


def _upper_ok(place: str) -> bool:
    first = place.split(",")[0]
    letters = [c for c in first if c.isalpha()]
    # A lone capitalised word like "A" or "I" opening a sentence is not a place.
    return len(letters) >= 3 and all(c.isupper() for c in letters)


#: Labels printed under a byline in capitals that are not places.
_CAPS_LABELS = frozenset(
    [
        "ANALYSIS",
        "EXCLUSIVE",
        "OPINION",
        "UPDATED",
        "UPDATE",
        # The labels of a date line ("PUBLISHED: November 8, 2023 at 4:56 p.m.").
        "PUBLISHED",
        "POSTED",
        "MODIFIED",
        "CREATED",
        "DATE",
        "BREAKING",
        "LIVE",
        "WATCH",
        "VIDEO",
        "PHOTOS",
        "ADVERTISEMENT",
        "SPONSORED",
        "COMMENT",
        "REVIEW",
        "EDITORIAL",
        "NEWS",
        "PREMIUM",
        "FREE",
        "LISTEN",
        "SHARE",
        "MENU",
        "SEARCH",
        "WORLD",
        "BUSINESS",
        "POLITICS",
        "SPORT",
        "SPORTS",
        "TECHNOLOGY",
        "CULTURE",
        "HEALTH",
        "SCIENCE",
        "ENVIRONMENT",
        "CLIMATE",
        "ECONOMY",
        "LOCAL",
        "NATIONAL",
        "INTERNATIONAL",
        "OBITUARIES",
        "FEATURES",
        "INTERVIEW",
        "EXPLAINER",
    ]
)
_PLACE_LABEL = re.compile(r"^(?:dateline|location|place|filed\s+from)\s*:\s*", re.IGNORECASE)


def lone_place(line: str) -> str | None:
    """A line that is only a place name ("Seoul, South Korea", "Cork", "RIVERBEND",
    "Mombasa —", "Dateline: Nairobi"), normalised."""
    line = _PLACE_LABEL.sub("", line.strip()).rstrip(" .:—–-")
    if line.isupper() and "," not in line and 1 <= len(line.split()) <= 3:
        # A town in capitals under the byline, known or not ("RIVERBEND").
        letters = line.replace(" ", "").replace("-", "").replace("'", "")
        if letters.isalpha() and len(letters) >= 4 and not set(line.split()) & _CAPS_LABELS:
            return normalise_place(line)
    if len(line) < 3 or len(line) > 60 or not line[0].isupper() or any(ch.isdigit() for ch in line):
        return None
    if not all(
        w[:1].isupper() or w.lower() in {"of", "de", "the", "del", "da"}
        for w in line.replace(",", " ").split()
    ):
        return None
    if is_place(line):
        return normalise_place(line)
    if _known_region(line, "—"):
        return normalise_place(line)  # "Riverbend, Oregon": a town in a known state
    return None
