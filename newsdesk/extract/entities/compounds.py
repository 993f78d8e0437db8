"""German compounds and sentence openers: words glued onto a name that are not part of it.

German writes a role or a company's trade as one word before the name
("Wirtschaftsminister Markus Söder", "Radprofi Egan Bernal", "Luxusgüterkonzern LVMH",
"des Juweliergeschäfts Tiffany & Co."): the role says the name after it is a person's
(even when its first name is not in the list of given names), the trade that it is an
organisation's, and neither is part of the name. German also capitalises every noun,
so a capitalised word after "in" is no place on that evidence alone ("in Windkraft",
"in Zukunft"), and a word with a noun's ending ("Lehrveranstaltungen", "Überwachung")
is never a place from its context.

Function words that open a sentence in German or Spanish ("Im Februar", "Ahora
Bustos asegura") are not the first word of a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from newsdesk.extract.data import word_set
from newsdesk.extract.data.cues import ORG_HEADS
from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.data.org_names import FOREIGN_ORG_NAMES
from newsdesk.extract.entities.result import PERSON

#: German compound nouns naming a body ("Energieversorgung", "Verbraucherzentrale"):
#: part of the name they open.
GERMAN_ORG_WORD = re.compile(
    r"\w{3}(?:zentrale|versorgung|werke|verband|gesellschaft|ministerium|behörde|kasse|börse"
    r"|partei|gewerkschaft|institut|universität|hochschule|klinikum|gericht|stiftung|verein"
    r"|agentur|verwaltung|konzern|bank)$"
)

#: German nouns that say what kind of company the next name is ("Luxusgüterkonzern LVMH",
#: "Autohersteller Volkswagen", "des Juweliergeschäfts Tiffany"): not part of the name.
#: Only compounds: "das Unternehmen Daten" is a noun and its object.
_TRADES = [
    "konzern",
    "konzerns",
    "geschäft",
    "geschäfts",
    "unternehmen",
    "unternehmens",
    "firma",
    "hersteller",
    "herstellers",
    "händler",
    "händlers",
    "anbieter",
    "anbieters",
    "betreiber",
    "betreibers",
    "riese",
    "riesen",
    "gigant",
    "giganten",
    "dienstleister",
    "dienstleisters",
    "kette",
    "marke",
]
#: Agencies named before their name ("Nachrichtenagentur Reuters"), compound or not.
_AGENCIES = ["nachrichtenagentur", "presseagentur"]
#: German nouns of a role held by a person ("Wirtschaftsminister", "Radprofi",
#: "Regierungssprecherin"): the name after one is that person's.
_ROLES = [
    "minister",
    "präsident",
    "kanzler",
    "sprecher",
    "chef",
    "direktor",
    "bürgermeister",
    "vorsitzende",
    "vorsitzender",
    "leiter",
    "profi",
    "trainer",
    "experte",
    "forscher",
    "politiker",
    "abgeordnete",
    "abgeordneter",
    "sekretär",
    "kommissar",
    "senator",
    "schauspieler",
    "sänger",
    "autor",
    "gründer",
]


def _endings(words: list[str]) -> str:
    """An alternation of `words` whose first letter may be a capital ("Konzern" alone)."""
    return "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words)


DESCRIPTOR_COMPOUND = re.compile(rf"\w{{3,}}(?:{_endings(_TRADES)})|\w*(?:{_endings(_AGENCIES)})")
ROLE_COMPOUND = re.compile(rf"\w*(?:{_endings(_ROLES)})(?:in)?")
#: Every ending the two match, in lower case: `str.endswith` first, so most words skip both.
GLUED_ENDINGS = tuple(_TRADES + _AGENCIES + _ROLES + [w + "in" for w in _ROLES])

#: Endings of German nouns that name no place ("Überwachung", "Lehrveranstaltungen",
#: "Photovoltaik", "Wäldern"): such a word is a place only if the gazetteer knows it.
_NOUN_ENDING = re.compile(
    r"\w{2,}(?:ungen|ung|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|ismus|ität"
    r"|ik|ern|nisse|nis|kraft|tum|ieren|ment|mente)$"
)

#: Function words that open German or Spanish sentences: never a name's first word.
SENTENCE_OPENERS = word_set(
    """
    Ein Eine Einen Einem Einer Dein Deine Mein Meine Sein Seine Ihr Ihre Ihnen Unser Unsere
    Du Sie Wir Ich Es Er
    Im Am Beim Vom Zum Zur Ins Ans Aufs Auch Aber Doch Dann Denn Dort Hier Heute Nun Jetzt
    Oder Und Ob Wenn Als Wie Bei Nach Seit Trotz Während Wegen Laut Zudem Zwar Damit
    Ahora Pero Hoy Ayer Según Entonces También Además Aquí Allí Luego Mientras Desde
    """
)

#: German prepositions fused with an article ("im", "beim"): a town never follows one.
CONTRACTED_ARTICLES = frozenset(
    [
        "Im",
        "Am",
        "Beim",
        "Vom",
        "Zum",
        "Zur",
        "Ins",
        "Ans",
        "Aufs",
        "im",
        "am",
        "beim",
        "vom",
        "zum",
        "zur",
        "ins",
    ]
)

#: A compass point or "Ober"/"Nieder" fused onto a place ("Südfrankreich", "Nordsyrien",
#: "Oberbayern"): the part of that place.
_PART_OF_PLACE = re.compile(
    r"(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest|Ober|Nieder|Mittel|Zentral)([a-zäöü]\w{3,})"
)


def place_part(name: str) -> str | None:
    """The place `name` is a part of ("Südfrankreich" -> "Frankreich"), else None."""
    match = _PART_OF_PLACE.fullmatch(name)
    return match[1].capitalize() if match else None


#: German function words, counted to tell German copy from English.
_GERMAN_WORDS = re.compile(r"\b(?:der|die|das|und|nicht|ist|mit|sich|auf|den|dem|ein|eine|zu)\b")
_ENGLISH_WORDS = re.compile(r"\b(?:the|and|of|to|is|that|with|for|was|on)\b")
#: How much of the text is read to tell its language.
_SAMPLE_CHARS = 4000


def is_german(text: str) -> bool:
    """The text is German copy: its function words outnumber English ones."""
    sample = text[:_SAMPLE_CHARS]
    german = len(_GERMAN_WORDS.findall(sample))
    return german >= 6 and german > 2 * len(_ENGLISH_WORDS.findall(sample))


def is_english(text: str) -> bool:
    """The text is English copy: its English function words outnumber German ones."""
    sample = text[:_SAMPLE_CHARS]
    english = len(_ENGLISH_WORDS.findall(sample))
    return english >= 6 and english > 2 * len(_GERMAN_WORDS.findall(sample))


def noun_shaped(word: str) -> bool:
    """A word with a German noun's ending ("Windkraft", "Photovoltaik", "Wäldern")."""
    return _NOUN_ENDING.fullmatch(word) is not None


def fold_accents(word: str) -> str:
    """'Iván' -> 'Ivan': given names are listed without their accents."""
    return "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))


def known_given_name(word: str) -> bool:
    """`word` (its first part before a hyphen) is a listed given name, accents folded."""
    first = word.split("-")[0]
    if first in GIVEN_NAMES:
        return True
    return not first.isascii() and fold_accents(first) in GIVEN_NAMES


#: A German article or determiner, with at most an ordinal and one lower-case adjective
#: before the noun ("die aktuelle Lage", "zum 60. Jahrestag", "zum Essen"): towns take none.
_DETERMINERS = (
    r"[Dd](?:er|ie|as|en|em|es)|[Zz]u[mr]|[Bb]eim|[Vv]om|[Ii]m|[Aa]m|[Ii]ns"
    r"|(?P<indefinite>[Ee]in(?:e[mnrs]?)?|[Kk]ein(?:e[mnrs]?)?|[Jj]ede[mnrs]?|[Dd]iese[mnrs]?"
    r"|[Ss]eine[mnrs]?|[Ii]hre[mnrs]?|[Uu]nsere[mnrs]?)"
)
_DETERMINED_NOUN = re.compile(
    rf"\b(?:{_DETERMINERS})"
    r"\s+(?:\d{1,3}\.\s+)?(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)(?![\w-])"
)
#: A bare preposition before a name: the way German copy names a town ("in Zug", "aus Lage").
_BARE_LOCATIVE = re.compile(r"\b(?:in|aus|nach|bei)\s+([A-ZÄÖÜ][a-zäöüß]+)\b")


@lru_cache(maxsize=4)
def _nouns(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """Words German copy uses as common nouns and never as a town ("in Lage"): after any
    article or determiner, and after an indefinite or possessive one ("ein Zug")."""
    found = list(_DETERMINED_NOUN.finditer(text))
    if not found:
        return frozenset(), frozenset()
    towns = {m[1] for m in _BARE_LOCATIVE.finditer(text)}
    determined = frozenset({m["noun"] for m in found} - towns)
    return determined, frozenset({m["noun"] for m in found if m["indefinite"]} - towns)


def common_nouns(text: str) -> frozenset[str]:
    """Words German copy uses as common nouns ("die Lage", "im Zug", "zum Essen") and never
    as a town ("in Lage")."""
    return _nouns(text)[0]


def noun_not_town(word: str, kind: str | None, text: str, german: Callable[[], bool]) -> bool:
    """The place named `word` (of gazetteer `kind`) is a common noun in this German copy.

    A town takes no article; a region, a river or a sea often does ("die Steiermark", "das
    Mittelmeer"), so one is a noun only after an indefinite or possessive determiner ("ein
    Zug", "seine Lage"); a country stays a place.
    """
    if kind in ("city", "small_city"):
        return german() and word in _nouns(text)[0]
    return kind == "region" and german() and word in _nouns(text)[1]


#: Words that open no German name: articles, pronouns, prepositions ("der Plattform",
#: "Im Endeffekt", "Für Ihre Gesundheit", "Du Deine Haare").
_NO_NAME_OPENERS = SENTENCE_OPENERS | word_set(
    """
    der die das den dem des Der Die Das Den Dem Des Für Ihrer Ihres Ihren Deiner Deinen
    Mit Von Aus Auf Durch Gegen Ohne Um Über Unter Vor Zwischen
    """
)


def german_person(name: str, text: str) -> str | None:
    """A person found in German copy as the name it is, or None when it is no name.

    German capitalises every noun: a "name" that opens with an article or pronoun is none,
    nor one whose first word the copy uses as a noun ("das Wesen der Liebe", "der
    Jahrestag der Befreiung"); a noun before a given name is a role or kin word, not part
    of the name ("Chefredakteur Giovanni di Lorenzo").
    """
    words = name.split()
    if words[0] in _NO_NAME_OPENERS:
        return None
    if known_given_name(words[0]) or words[0] not in common_nouns(text):
        return name
    rest = words[1:]
    if len(rest) >= 2 and rest[0][:1].isupper() and rest[0] not in common_nouns(text):
        return " ".join(rest)  # "Palliativmediziner Gian Domenico Borasio"
    return None


#: Words that head an organisation's name in German ("Rat der Europäischen Union",
#: "Akademie der Bayerischen Presse"): such a name is whole, whatever the copy's nouns.
_GERMAN_ORG_HEADS = word_set(
    """
    Rat Rates Rats Gerichtshof Gerichtshofs Akademie Kommission Amt Amtes Amts Ministerium
    Ministeriums Gericht Gerichts Universität Hochschule Stiftung Verein Vereins Verband
    Verbands Verbandes Kammer Zentrum Zentrums Behörde Agentur Bund Bundes Senat Parlament
    Kongress Komitee Ausschuss Konferenz Organisation Vereinigung Gemeinschaft Institut
    Instituts Partei Bank Union Fraktion Regierung Museum Museums Schule Klinik Klinikum
    Gruppe Kirche Orden Club Klub
    """
)
_OF = frozenset(["der", "des", "dem", "den", "von", "vom", "zur", "zum"])


def german_org(name: str, text: str) -> str | None:
    """An organisation found in German copy as the body it names, or None when none.

    A noun of the copy's before "der" or "von" ("Bestimmungen der Europäischen Union",
    "Werkfeuerwehr der Bayer AG", "Nutzen von Big Data") is what is said of the body after
    it, not part of its name: the body is that rest when it still names one.
    """
    words = name.split()
    cut = False
    while (
        len(words) >= 3
        and words[1] in _OF
        and words[0] in common_nouns(text)
        and words[0] not in _GERMAN_ORG_HEADS
        and not GERMAN_ORG_WORD.search(words[0])
    ):
        words, cut = words[2:], True
        if words[0] in _OF:
            words = words[1:]  # "Freundin von der Universität"
    if cut and not (_names_a_body(words) or _short_form_given(words, text)):
        return None
    return " ".join(words)


def _short_form_given(words: list[str], text: str) -> bool:
    """'Künstlersozialkasse (KSK)': a name the copy gives its capitals' short form for."""
    if _NOUN_ENDING.search(words[-1]):
        return False  # "Zuchtverbandsordnung (ZVO)": a rule's short form, not a body's
    short = re.search(rf"{re.escape(' '.join(words))}\s+\(([A-ZÄÖÜ]{{2,6}})\)", text)
    return short is not None and short[1][0] == words[0][0]


def _names_a_body(words: list[str]) -> bool:
    """The words left after a noun and "der" still name a body: a known one, a hyphenated
    name of one, or more than one word with a head or a legal form ("Bayer AG",
    "University of Oxford"), not "Big Data", "Bank" or "Gesundheitsversorgung"."""
    if " ".join(words) in FOREIGN_ORG_NAMES or any(
        "-" in w and GERMAN_ORG_WORD.search(w.replace("-", "").lower()) for w in words
    ):
        return True  # "Max-Planck-Gesellschaft"; "Gesundheitsversorgung" is a noun
    return len(words) >= 2 and any(
        w in ORG_HEADS or w in _GERMAN_ORG_HEADS or GERMAN_ORG_WORD.search(w.lower()) for w in words
    )


def named_as(name: str, kind: str, text: str, german: Callable[[], bool]) -> str | None:
    """The person or organisation `name` as listed: German copy's nouns read as names
    dropped or cut off (`german_person`, `german_org`), a body's name in another language
    given in English ("Europäische Union" -> "European Union")."""
    if kind == PERSON:
        return german_person(name, text) if german() else name
    found = german_org(name, text) if german() else name
    return FOREIGN_ORG_NAMES.get(found, found) if found else None
