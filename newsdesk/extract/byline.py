"""Bylines and credits: who wrote the piece, and who only edited or photographed it.

Shapes understood: "By A", "By A and B", "By A, B and C", "By A for OUTLET",
"BY UPPER CASE" (-> Title Case), "Author: A, Title", "Posted on DATE by A",
"By A in CITY", "By A | Special to OUTLET", "By A - DATE", a "By" line whose
names follow on the next lines, a lone name line with a role or date
beside it, and a desk signing as itself ("By Staff Writer", "von Redaktion")
after such a lead word or over the date. Editor, reporting and photo credits
are credits, never authors.

Why over 600 lines: about 40 byline patterns and word lists in six languages
sit beside the few parsers that read them; apart, each parser would import
private names from a second module that nothing else uses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from newsdesk.extract.credits import is_credit
from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.date_order import DAY_FIRST, reference
from newsdesk.extract.dates import FOREIGN_WEEKDAY, find_dates
from newsdesk.extract.desk_agency import desk_with_agency
from newsdesk.extract.label_name import name_after_label
from newsdesk.extract.lines import strip_list_mark
from newsdesk.extract.our_reporter import _OUR_REPORTER, without_our_reporter
from newsdesk.extract.prefixes import literal_prefixes, unsafe_to_lower
from newsdesk.extract.triggers import trie
from newsdesk.isodates import MONTHS
from newsdesk.sanitize import clean_line

_FLAGS = re.IGNORECASE

# What a byline may say before its "by" ("Analysis by", "Ein Artikel von", "Escrito por").
_BY_LEAD = (
    r"(?:written|words|analysis|commentary|opinion|report|reported|story|text|interview"
    r"|(?:ein(?:e|en)?\s+)?(?:artikel|beitrag|gastbeitrag|kolumne|kommentar|interview|text|bericht)"
    r"|erstellt|geschrieben|verfasst|escrito|escrita|[ée]crit|[ée]crite|scritto|scritta|un\s+article"
    # A blog's posting line ("Veröffentlicht von Jana Berg", "Gespeichert von ...").
    r"|ver[öo]ffentlicht|gespeichert|eingestellt|gepostet|publi[ée]e?|publicad[oa]|pubblicat[oa])"
)
_BY_START = re.compile(
    rf"^(?:{_BY_LEAD}\s+)?"
    r"(?:by|par|por|von|di|door|av|af)\b\s*:?\s*|(?-i:^By(?=[A-Z][a-z]))|^escribe\s+"
    # "Texto de ...", "Reportagem de ...", "Testo di ...": the writer after a text's label,
    # a name of two words at least ("Texto de Natal" is a Christmas text, in a menu).
    r"|^(?:texto|textos|reportagem|reportaje|testo)\s+(?:de|di)\s+(?-i:(?=[A-ZÀ-Þ]\S+\s+[A-ZÀ-Þ]))"
    # A text copy runs the lead word into the name ("Geschrieben vonElisa Marvena").
    rf"|^{_BY_LEAD}\s+(?-i:(?:by|von|par|por|di)(?=[A-Z][a-z]))",
    _FLAGS,
)
_AUTHOR_LABEL = re.compile(
    # German's gendered labels first ("Autor*in", "Autor:in", "Kolumnist/in"), and the desk.
    r"^(?:(?:autor|kolumnist|redakteur|reporter)(?:\*in|:in|/in|_in|in)|kolumnist|redakteur"
    r"|(?P<desk>redaktion)"
    r"|authors?|writers?|reporters?|byline|autor(?:in|es|a)?|auteur(?:e|s)?|autore|autrice"
    r"|text|texto|testo"
    # Chinese news: the editor in charge, the author, the reporter ("责任编辑：孔德明").
    r"|责任编辑|作者|记者)\s*[:：]\s*",
    _FLAGS,
)
_AUTHOR_WORD = re.compile(
    r"^(?:(?:post\s+)?(?:author|autor(?:in)?|auteur|autore)\s+(?:by\s+)?"
    # A forum thread's first poster ("Thread starter Kay", "Themenstarter Kay").
    r"|(?P<forum>thread\s+starter|themenstarter|ersteller(?:in)?)\s+)(?=[^\W\d_])",
    _FLAGS,
)
_POSTING_LEAD = re.compile(
    r"^(?:gespeichert|eingestellt|verfasst|ver[öo]ffentlicht|gepostet|publi[ée]e?|publicad[oa]"
    r"|pubblicat[oa]|posted|written)\s+(?:by|von|par|por|da|di)\b",
    _FLAGS,
)
# An author label or lead word alone on its line, a one-word section name before it at most.
_LABEL_ALONE = re.compile(
    r"^(?:[A-ZÄÖÜ][\w-]*\s+)?(?:by|von|par|por|di|(?:authors?|autor(?:in|en|es|a)?(?:/in|\*in)?"
    r"|auteur(?:e|s)?|autore|autrice)\s*:?)$",
    _FLAGS,
)
# "Posted on 3 March 2021 by", "Veröffentlicht am 3. März 2021 von", "Publicado el ... por":
# a publishing verb, then within a short stretch the lead word and the names.
_POSTED_BY = re.compile(
    r"^(?:posted|published|written|filed|ver(?:ö|oe)ffentlicht|publiziert|gepostet|eingetragen"
    r"|geschrieben|erstellt|publi(?:é|e)e?|(?:é|e)crit|publicado|publicada|pubblicato)\b"
    r".{0,80}?\b(?:by|von|vom|par|por|da)\s+(?P<names>.+)$",
    _FLAGS,
)
_ROLE_WORDS = {
    "editor", "editors", "correspondent", "writer", "reporter", "columnist", "staff", "contributor",
    "producer", "analyst", "chief", "bureau", "critic", "journalist", "commentator", "senior", "deputy",
    "political", "business", "education", "special", "auto", "opinion", "editor-at-large", "contributing",
    "associate", "managing", "executive", "news", "desk", "reporting", "photographer", "presenter",
    "host", "anchor", "author", "fellow", "science", "health", "technology", "tech", "sports",
    "economics", "diplomatic", "foreign", "investigations", "investigative", "national", "international",
    "global", "markets", "intern", "freelance", "guest", "team", "our",
    # The same roles in German, French, Spanish, Italian and Portuguese bylines.
    "redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "korrespondent",
    "korrespondentin", "journalistin", "autorin", "autor", "redaktion", "rédacteur", "rédactrice",
    "journaliste", "envoyé", "envoyée", "spécial", "spéciale", "periodista", "redactor", "redactora",
    "corresponsal", "giornalista", "redattore", "redattrice", "corrispondente", "inviato", "inviata",
    "jornalista", "repórter", "correspondente", "redação", "redacción", "rédaction", "redazione",
}  # fmt: skip
_NOT_NAME_WORDS = {
    "the", "a", "an", "of", "on", "in", "at", "to", "for", "with", "from", "and", "or", "news", "image",
    "images", "photo", "photos", "video", "share", "email", "print", "comments", "staff", "agency",
    "press", "times", "post", "media", "group", "inc", "ltd", "llc", "service", "services", "wire",
    "network", "radio", "television", "tv", "online", "daily", "weekly", "herald", "tribune", "journal",
    "gazette", "standard", "guardian", "telegraph", "state", "capitol", "city", "county", "house",
    "university", "ministry", "department", "council", "government", "office", "committee", "police",
    "read", "more", "related", "most", "popular", "home", "world", "europe", "sport", "sports",
    "business", "politics", "opinion", "analysis", "editorial", "live", "updates", "search", "menu",
    "subscribe", "newsletter", "follow", "getty", "reuters", "ap", "afp", "associated", "republic",
    "united", "kingdom", "states", "north", "south", "east", "west", "new", "york", "washington",
    "key", "points", "topics", "tags", "breaking", "top", "stories", "latest", "advertisement",
    "published", "updated", "posted", "by", "source", "supplied", "caption", "close", "view", "all",
    # A sort or archive control ("Sort by date", "By category").
    "date", "month", "year", "category", "categories", "tag", "popularity", "relevance", "name",
    # A press release's fields, label and value on one line ("Ort Saarbrücken" / "Datum ...").
    "ort", "datum", "location", "place",
}  # fmt: skip
_PARTICLES = {"de", "da", "van", "von", "der", "den", "la", "le", "del", "bin", "al", "el", "di", "du",
              "ibn", "dos", "das", "ter", "ten", "y", "st.", "mc"}  # fmt: skip
# A capital, accented ones too ("Ávila", "Éric", "Özdemir"), then letters, apostrophes, dots, hyphens.
# A German compound role ("Projektleiterin", "Pressesprecher", "Chefreporterin").
_ROLE_COMPOUND = re.compile(
    r"\w{3,}(?:leiter|sprecher|referent|redakteur|reporter|direktor|beauftragte|korrespondent)(?:in)?$"
)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_HANDLE = re.compile(r"@\w+")
# "GarberFOXBusiness", "JamesStaff Writer": a name glued to what followed it on the page.
_GLUED = re.compile(
    r"(?<=[a-z])(?<!\bMc)(?<!\bMac)(?=[A-Z]{2,}|(?:Staff|Senior|Special|Contributing|Reporter|Writer|Editor|Correspondent|Columnist)\b)"
)
# Portuguese and Italian "e" only in lower case and between spaces: "Jane E Smith" keeps her
# initial, "Caritasverband e.V." its suffix. (Not Dutch "en": in Spanish and French it is "in".)
# Spanish "y" parts two names, a middle initial ("Bruce Y. Lee") does not.
_SPLIT_NAMES = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b(?!\.)|(?-i:(?<=\s)e(?=\s))|\|)\s*", _FLAGS
)
# What follows the names in a byline run into other header parts ("Thilo / 6. November 2023 /
# Keine Kommentare", "Jane Doe · 4 min read"), or sits in the next column of a text browser's
# table ("Text von Jana Berg     Illustration von ...").
_META_TAIL = re.compile(r"\s+(?:[/·•∙]|//)\s.*$|(?<=[^\W\d_])/[^\s/]{2,20}$")
#: A text browser sets a table's next column three or more spaces on.
_NEXT_COLUMN = re.compile(r"\s{3,}\S.*$")
_FOR = re.compile(
    r"\s+(?:for|special\s+to|exclusively\s+for|writing\s+for)\s+(?P<outlet>.+)$", _FLAGS
)
_AT_PLACE = re.compile(r"\s+at\s+(?:the\s+)?[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*){0,3}\s*$")
_IN_PLACE = re.compile(r"\s+in\s+(?P<place>[A-Z][\w'’.\-]+(?:[ ,]+[A-Z][\w'’.\-]+){0,3})\s*$")
_IN_PLACE_BEFORE_NAME = re.compile(
    r"\s+in\s+[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,2}(?=\s*(?:,|;|&|\band\s+[A-Z]))"
)
_PAREN = re.compile(r"\s*\((?P<inner>[^)]{1,40})\)")
_AND_NEXT = re.compile(r"^(?:and|&)\s+[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3}$")
_PHOTO_ROLE = re.compile(r"photo|photograph|pictures|images|video|graphics|illustration", _FLAGS)


# Names hold no figures, and no comment counter written out ("Kay 24 Comments", "Jana Berg Ein
# Kommentar", "No comments", "Schreibe einen Kommentar").
_COUNT_TAIL = re.compile(
    r"\s+(?:\d|(?:ein(?:en)?|keine|one|no|leave\s+a|schreibe\s+einen|un|sin|nessun)\s+"
    r"(?:kommentare?|comments?|commentaires?|comentarios?|commenti|coment[aá]rios?)\b).*$",
    _FLAGS,
)
#: A link to the author's social profile after the names ("von Jana Berg Twitter Account von
#: Jana Berg", "By Jane Doe Follow on X").
_SOCIAL_TAIL = re.compile(
    r"\s+(?:follow\s+(?:on\s+)?)?(?:twitter|facebook|linkedin|instagram|mastodon|bluesky)"
    r"(?:[\s-]+(?:account|profil(?:e)?|konto))?\b.*$",
    _FLAGS,
)

#: The reading-time label a page prints after the names ("Rocío Latorre y José Miguel Wilson
#: Tiempo de lectura: 8 minutos", "Jana Berg Lesezeit"), in the languages pages are read in.
_READING_TIME_TAIL = re.compile(
    r"\s+(?:reading\s+time|read\s+time|lesezeit|lesedauer|tiempo\s+de\s+lectura"
    r"|temps\s+de\s+lecture|tempo\s+di\s+lettura|tempo\s+de\s+leitura|leestijd)\b.*$",
    _FLAGS,
)

#: A picture's credit run into the byline after the names ("Text von Christian Seiler
#: Illustration von Markus Roost", "By Jane Doe Photos by John Roe", "Text: X Fotos: Y").
_PICTURE_CREDIT_TAIL = re.compile(
    r"\s+(?:illustrations?|illustriert|fotos?|photos?|photographs?|photography|bilder|grafiken?"
    r"|graphics|images?|kamera|camera)(?:\s+(?:von|by|de|par|por|di|da))?\s*:?\s+(?=[A-ZÄÖÜÉ]).*$",
    _FLAGS,
)

#: An outlet's logo, by its alt text, and its name before the date ("The Guardian logo The
#: Guardian 02/10/2020 Anna Fazackerley": a portal's line for a partner's story).
_LOGO_LEAD = re.compile(
    r"^\s*(?P<outlet>[^\W\d][\w&.'’ -]{1,40}?)\s+logo(?:\s+(?P=outlet))?\s*$", re.I
)
#: An outlet's logo, by its alt text, after the names ("By Jane Doe KTRK logo"): call letters
#: or an initialism (a longer name could not be told from the person's).
_LOGO_TAIL = re.compile(r"\s+[A-Z0-9]{2,6}\s+(?i:logo)\s*$")

#: The word that makes a count a comment counter ("7 comments", "1 Kommentar").
_COMMENTS_WORD = re.compile(
    r"kommentar|comment|commentaire|comentario|commenti|coment[aá]rio", _FLAGS
)
# What a blog's "Posted by" line says after the names: its category ("Posted by Kay under
# Travel"), or a connective left dangling once the time went ("Posted by Kay at 2:33 PM").
_CATEGORY_TAIL = re.compile(
    r"\s+(?:(?:under|filed\s+under|abgelegt\s+unter)\s+|(?:kategorien?|categor(?:y|ies|ías?|ias?|ie)"
    r"|rubrik|ressort|tags)\s*:).*$",
    _FLAGS,
)
_DANGLING = re.compile(r"\s+(?:at|on|um|am|à|a\s+las|alle|às|@)\s*$", _FLAGS)
#: "is"/"was" in the languages pages are read in: after a name, a bio begins.
_COPULA = r"(?:is|was|ist|war|est|était|es|era|è|é)"
_BIO_AFTER = re.compile(rf"\s+{_COPULA}\s+(?=\w)")
_NEXT_SENTENCE = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
_OUTLET_TAIL = re.compile(r"\s+(?:in|on)\s+[A-Z]|\s*[-–—]\s")
_NAME_CONTEXT = re.compile(r"\b(?:min read|author|@\w+)")
#: A letter's or a speech's salutation ("Liebe Schwestern und Brüder,", "Dear Jane,"): no name
#: line (English, German, French, Spanish, Italian, Portuguese).
_SALUTATION = re.compile(
    r"^(?:liebe[rs]?|sehr\s+geehrte[rs]?|dear|hello|hallo|ch[èe]re?s|ch[èe]re|querid[oa]s?"
    r"|estimad[oa]s?|gentil[ie]|prezad[oa]s?)\s",
    re.IGNORECASE,
)


@dataclass
class Byline:
    """What one byline says: people, the outlet they wrote for, a place and a date."""

    authors: list[str] = field(default_factory=list)
    source: str | None = None
    place: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)


#: A Scottish or Irish surname's prefix a page keeps in its case while it sets the rest in
#: capitals ("McALISTER", "MacDONALD").
_MC = re.compile(r"(?<![^\s-])(?-i:Mac|Mc)(?=[A-Z]{2})")


def title_case_name(name: str) -> str:
    """'MARY CLARE JALONICK' -> 'Mary Clare Jalonick', 'JOE McALISTER' -> 'Joe McAlister';
    mixed-case names are kept."""
    letters = [c for c in _MC.sub("", name) if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return name

    def fix(word: str) -> str:
        if len(word) <= 2 and word.endswith("."):
            return word
        mc = _MC.match(word)
        if mc:
            return mc.group() + fix(word[mc.end() :])
        parts = re.split(r"([-'’])", word.lower())
        return "".join(p[:1].upper() + p[1:] if p not in "-'’" else p for p in parts)

    return " ".join(fix(w) for w in name.split())


def known_person(name: str) -> bool:
    """`looks_like_name`, and its first word a known given name ("Jana Berg", not "Neue Regeln":
    in German a pair of capitalised nouns reads like a name)."""
    return looks_like_name(name) and name.split()[0] in GIVEN_NAMES


def looks_like_name(text: str) -> bool:
    """Two to five capitalised tokens that read as a person's name, not an outlet or label."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or len(text) > 60:
        return False
    capitals = 0
    for tok in tokens:
        low = tok.lower().strip(".,")
        if low in _PARTICLES:
            continue
        if (
            low in _NOT_NAME_WORDS
            or low in _ROLE_WORDS
            or _ROLE_COMPOUND.search(low)
            or any(ch.isdigit() for ch in tok)
        ):
            return False
        if not (tok[:1].isupper() and _NAME_TOKEN.match(tok)):
            return False
        capitals += 1
    return capitals >= 2


# Titles before a name, English and the professional ones German bylines print
# ("Autor: Rechtsanwalt Sebastian Einbock").
_HONORIFIC = re.compile(
    r"^(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Rev|Fr"
    r"|(?:Rechts|Fach|Patent)anw(?:alt|ältin)|Notar(?:in)?|Pfarrer(?:in)?|Dipl\.-\w+)\.?\s+){1,3}"
    r"(?=[A-Z])"
)


#: A portrait's alt text before the name ("Avatar Avatar Jana Berg", "Profilbild Jana Berg").
_PORTRAIT = re.compile(
    r"^(?:(?:avatar|profilbild|profile\s+(?:picture|photo)|autorenbild)\s+)+", _FLAGS
)


#: A credit label before the writer's name ("Text: Jana Berg", "Текст Венера Ерофеева",
#: "Texte : ...", "Testo:", "Tekst:", "Texto:"): the label is no part of the name.
TEXT_LABEL = re.compile(r"^(?:text|texte|testo|tekst|texto|текст)\s*:?\s+(?=\w)", _FLAGS)


def _clean_name(part: str) -> str:
    part = _PORTRAIT.sub("", _HANDLE.sub("", part).strip())
    part = TEXT_LABEL.sub("", part)
    part = _HONORIFIC.sub("", part.strip())
    part = part.strip(" .,;:-–—|'\"“”")
    return title_case_name(clean_line(_undouble(part)))


def _undouble(text: str) -> str:
    """'Jana Berg Jana Berg' -> 'Jana Berg': a text copy gives a portrait's alt text, then the name."""
    tokens = text.split()
    half = len(tokens) // 2
    if half and len(tokens) == 2 * half and tokens[:half] == tokens[half:]:
        return " ".join(tokens[:half])
    return text


def _split_glued(text: str) -> str:
    return _GLUED.sub(" | ", text, count=1)


def _single_name(piece: str, *, handle: bool) -> str | None:
    """One word after an explicit "by" ("by Thilo", "von uriebe"): a first name or a handle.

    A lower-case word counts only where the line says plainly that someone posted it.
    """
    piece = piece.strip(" .,;:-–—|'\"“”")
    if not 2 <= len(piece) <= 30 or " " in piece or not any(ch.isalpha() for ch in piece):
        return None
    low = piece.lower()
    if low in _NOT_NAME_WORDS or low in _ROLE_WORDS or low in _PARTICLES or _calendar_word(low):
        return None
    if _LOGIN.search(low):
        return None  # a site's login ("jdadmin", "webmaster"), no writer
    if not re.fullmatch(r"[\w'’.\-]+", piece) or piece.endswith("."):
        return None
    if piece[:1].isupper() or (handle and any(ch.isalpha() for ch in piece)):
        return title_case_name(piece) if len(piece) > 4 else piece
    if _HAN_NAME.fullmatch(piece):
        return piece  # a Chinese name: two to four characters, no case
    return None


_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")
#: A content system's account rather than a person's name.
_LOGIN = re.compile(r"admin|^(?:editor|webmaster|root|user\d*)$")


_WEEKDAY_WORD = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|{FOREIGN_WEEKDAY})", _FLAGS
)


#: What joins the names to the date after them ("Jane Doe am Samstag, 19. Oktober").
_BEFORE_DATE = re.compile(
    r"\s*(?:[-–—|•·∙,/]|\b(?:on|am|um|le|el|il|em|den|updated|published)\b|\b"
    + _WEEKDAY_WORD.pattern
    + r"\b|\s)*$",
    _FLAGS,
)


def _calendar_word(word: str) -> bool:
    """A month or weekday in any of the page languages ("Von Montag bis ...": no byline)."""
    word = word.lower().strip(".,")
    return word in MONTHS or bool(_WEEKDAY_WORD.fullmatch(word))


#: A newsroom signing as itself: "Redaktion", "Staff Writer", "Support Team", "Redacción
#: Diario X", "Sportredaktion" (six languages; a compound ending counts too).
_DESK_WORD = re.compile(
    r"(?:redaktion|r[ée]daction|redacci[óo]n|redazione|reda[çc][ãa]o|newsroom|staff|team"
    r"|webteam|editors?)$",
    _FLAGS,
)


#: What opens a phrase about a desk rather than its name ("By Our Foreign Staff").
_DESK_DETERMINERS = frozenset({
    "the", "our", "your", "a", "an", "die", "der", "das", "unsere", "unser", "eure", "la", "le",
    "les", "el", "los", "las", "notre", "nos", "nuestra", "nuestro", "nostra", "nostro", "il",
    "o", "os", "as", "nossa", "nosso",
})  # fmt: skip


def desk_name(text: str) -> str | None:
    """`text` when it is a desk's signature (one to five words, one of them a desk word), else None.

    Only where the page says plainly who signed ("By Staff Writer", "von Redaktion", a desk's
    name over the date): a desk word alone elsewhere is a section or a menu.
    """
    text = clean_line(text).strip(" .,;:-–—|")
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 50 or any(ch in text for ch in "!?:,;|/–—"):
        return None
    if " - " in text or any(t in GIVEN_NAMES for t in tokens):
        return None  # a person and their role ("Jane Doe - Staff Writer"), not a desk
    if desk_with_agency(_BY_START.sub("", text, count=1)) is not None:
        return None  # "Por Redacción con EFE": the agency's copy, no person
    if not any(_DESK_WORD.search(t.strip(".,")) for t in tokens):
        return None
    first = tokens[0]
    if first.casefold() in _DESK_DETERMINERS or not (
        first[:1].isupper() or _DESK_WORD.search(first) or any(c in first for c in "-.")
    ):
        return None  # "Our Foreign Staff", "the editors": a phrase; "revamp-it Webteam" a name
    return title_case_name(text)


#: Who else a byline names after the author ("Ein Interview von Jana Berg mit Kay Roe", "By Jane
#: Doe with John Roe"): the person interviewed or a contributor, not an author of the piece.
_WITH_TAIL = re.compile(r"\s+(?:mit|with|avec|con|com)\s+[A-ZÄÖÜÉ].*$")


def _names_from(text: str, result: Byline, *, single: bool = False, handle: bool = False) -> None:
    """Split 'A, B and C' into names; keep role and outlet clauses out of the list.

    With `single`, a lone first word is a name too (the line had an explicit "by"), and so is
    a desk's signature (`desk_name`).
    """
    text = _split_glued(text)
    if single:
        text = _WITH_TAIL.sub("", text)
    pieces = [p for p in _SPLIT_NAMES.split(text) if p.strip()]
    if single and len(pieces) == 1:
        desk = desk_name(pieces[0])
        if desk is not None:
            result.authors.append(desk)
            return
    if single and len(pieces) == 1 and len(pieces[0].split()) == 1:
        name = _single_name(pieces[0], handle=handle)
        if name:
            result.authors.append(name)
            return
    for piece in pieces:
        piece = piece.strip()
        if not piece or piece.replace(".", "").casefold() in _CREDENTIALS:
            continue  # "Ilana Muhlstein, MS, RDN": her degrees, not an outlet or a name
        paren = _PAREN.search(piece)
        role = paren["inner"] if paren else ""
        piece = _PAREN.sub("", piece).strip()
        name = _clean_name(piece)
        if role and _PHOTO_ROLE.search(role):
            if name:
                result.credits.append(f"{name} ({role})")
            continue
        if looks_like_name(name):
            if name not in result.authors:
                result.authors.append(name)
            continue
        # "Name Role words" ("Richard Adams Education editor"): keep the leading name.
        tokens = name.split() if not result.authors else []
        head_end = _role_phrase_start(tokens)
        if head_end and looks_like_name(" ".join(tokens[:head_end])):
            head = title_case_name(" ".join(tokens[:head_end]))
            if head not in result.authors:
                result.authors.append(head)
            continue
        for cut in range(len(tokens) - 1, 1, -1):
            head, tail = " ".join(tokens[:cut]), tokens[cut:]
            if looks_like_name(head) and tail[0].lower().strip(".,") in _ROLE_WORDS:
                head = title_case_name(head)
                if head not in result.authors:
                    result.authors.append(head)
                break
        else:
            raw = clean_line(piece).strip(" .,;:-–—|")
            if result.authors and not result.source and _is_outlet(raw):
                result.source = raw
            if piece[:1].islower():
                # A clause like "a deputy editor and author of ..." ends the names.
                return


#: The nouns a role phrase after a name ends with ("... Environment editor").
_ROLE_NOUNS = frozenset({
    "editor", "editors", "correspondent", "writer", "reporter", "columnist", "critic",
    "journalist", "commentator", "analyst", "producer", "photographer", "presenter", "contributor",
    "editor-at-large", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
})  # fmt: skip
#: The desk or beat a role phrase names before its noun ("Environment", "Global health").
_BEAT_WORDS = frozenset({
    "environment", "environmental", "climate", "energy", "transport", "crime", "legal", "home",
    "affairs", "social", "policy", "arts", "culture", "music", "film", "books", "food", "travel",
    "fashion", "media", "property", "consumer", "money", "finance", "personal", "economic",
    "economy", "industry", "industrial", "labour", "employment", "housing", "immigration",
    "defence", "defense", "security", "religion", "religious", "rural", "urban", "community",
    "development", "data", "football", "sport", "world", "europe", "european", "us", "uk",
    "white", "house", "state", "city", "chief", "senior", "deputy", "assistant", "global",
    "digital", "features", "feature", "theatre", "television", "tv", "radio", "games",
    "wine", "medical", "mental", "public", "north", "south", "east", "west", "middle", "central",
    "head", "lead", "acting", "weekend", "sunday", "online", "visual", "audience",
})  # fmt: skip


def _role_phrase_start(tokens: list[str]) -> int:
    """Where a role phrase after a name starts ("Jane Roe Africa correspondent" -> 2), 0 when
    the tokens do not end with one: a role noun, led by role, desk, beat or place words.

    At least two tokens stay for the name; a place word counts only in the phrase, so a name
    that is a place ("Jane Washington") is kept whole when nothing else leads the noun.
    """
    if len(tokens) < 3 or tokens[-1].lower().strip(".,") not in _ROLE_NOUNS:
        return 0
    from newsdesk.extract.placenames import is_known_place_name

    start = len(tokens) - 1
    while start > 2:
        word = tokens[start - 1].lower().strip(".,")
        if word in _ROLE_WORDS or word in _BEAT_WORDS or is_known_place_name(tokens[start - 1]):
            start -= 1
        else:
            break
    return start


def stated_author(name: str) -> str | None:
    """An author a record states (a JSON Lines or CSV field) as a byline would give it: a
    placeholder or a section label ("Editorial") is none, a role phrase after the name
    goes ("Jane Roe Africa correspondent" -> "Jane Roe"), a role alone ("Africa
    correspondent", the second half of "Jane Roe, Africa correspondent") is none. Any
    other name as given (a record's author may be a handle or a desk)."""
    if name.casefold().strip(" .") in PLACEHOLDERS:
        return None
    tokens = name.split()
    if not tokens or tokens[-1].lower().strip(".,") not in _ROLE_NOUNS:
        return name
    start = _role_phrase_start(tokens)
    head = " ".join(tokens[:start])
    if start and looks_like_name(head):
        return head
    from newsdesk.extract.placenames import is_known_place_name

    words = [t.lower().strip(".,") for t in tokens[:-1]]
    beat = words[0] in _BEAT_WORDS or is_known_place_name(tokens[0])
    if beat and all(w in _ROLE_WORDS or w in _BEAT_WORDS for w in words[1:]):
        return None  # a role alone; a desk that signs ("Staff Writer") stays
    return name


#: Degrees and licences written after a name in a byline.
_CREDENTIALS = frozenset({
    "ms", "ma", "md", "phd", "rdn", "rd", "mba", "mph", "rn", "dds", "msc", "bsc", "ba", "bs",
    "jd", "esq", "cscs", "lcsw", "np", "cpt", "facc", "facs", "frcp", "mfa", "llm", "dr", "prof",
})  # fmt: skip


def _is_outlet(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 6:
        return False
    if any(t.lower() in _ROLE_WORDS - {"news", "business", "tech", "sports"} for t in tokens):
        return False
    return all(t[:1].isupper() or t.lower() in {"of", "the", "and", "&", "on"} for t in tokens)


def parse_by_text(rest: str, *, single: bool = False, handle: bool = False) -> Byline:
    """Parse what follows 'By' ("A and B for OUTLET in CITY - DATE").

    `single` and `handle`: see `_names_from`.
    """
    result = Byline()
    rest = without_our_reporter(clean_line(_NEXT_COLUMN.sub("", rest.strip()))[:300])
    # Titles first: "Prof. Dr. Jana Berg" is no sentence ending after "Prof".
    rest = _HONORIFIC.sub("", rest)
    # A bio after the name ("Jana Berg ist seit 2014 Ministerin ...") is no part of it, nor
    # the first name it opens with ("Jana Berg Jana is a full-stack engineer").
    parts = _BIO_AFTER.split(rest, maxsplit=1)
    if len(parts) == 2:
        tokens = parts[0].split()
        rest = " ".join(tokens[:-1] if len(tokens) >= 3 and tokens[-1] == tokens[0] else tokens)
    # A sentence after the names ("He has covered ...") is not part of the byline.
    rest = _NEXT_SENTENCE.split(rest, maxsplit=1)[0]
    dates = find_dates(rest)
    if dates:
        result.published = dates[0].iso
        rest = rest[: dates[0].start]
        rest = _BEFORE_DATE.sub("", rest)
    if "|" in rest:
        head, _, tail = rest.partition("|")
        outlet = _FOR.search(" " + tail.strip())
        if outlet:
            result.source = _clean_outlet(outlet["outlet"])
        rest = head
    outlet = _FOR.search(rest)
    if outlet:
        result.source = _clean_outlet(outlet["outlet"])
        rest = rest[: outlet.start()]
    rest = _AT_PLACE.sub("", rest)
    place = _IN_PLACE.search(rest)
    if place:
        result.place = place["place"].strip(" ,")
        rest = rest[: place.start()]
        # Each writer's own place ("Sam Roe in Madrid and Kit Lane in Lima"): the names stay.
        rest = _IN_PLACE_BEFORE_NAME.sub("", rest)
    # Names hold no figures: "Kay 24 Comments", "Jane Doe 4 Min." end at the count.
    rest = _META_TAIL.sub("", _COUNT_TAIL.sub("", _CATEGORY_TAIL.sub("", rest)))
    rest = _SOCIAL_TAIL.sub("", _LOGO_TAIL.sub("", _READING_TIME_TAIL.sub("", rest)))
    rest = _PICTURE_CREDIT_TAIL.sub("", rest)
    # A separator left dangling once a tail went ("Barbara Russ / Kategorien: Event").
    rest = _DANGLING.sub("", rest).rstrip(" /|·•∙–—-")
    rest = _undouble(rest)
    if desk_with_agency(rest) is not None:
        return result  # "Redacción con EFE": the agency's copy, signed by no person
    _names_from(rest, result, single=single, handle=handle)
    result.authors = [a for a in result.authors if a.casefold() not in PLACEHOLDERS]
    return result


def is_desk_credit(name: str) -> bool:
    """ "Staff Writer", "Wire Reporter", "News Desk": a role or a desk, nobody's name.

    (A page's "By Staff Writer" stays its byline, as the page prints it: the public
    extraction benchmarks count it as the author.)"""
    words = [w.casefold().strip(".,") for w in name.split()]
    return bool(words) and all(w in _ROLE_WORDS or w in _NOT_NAME_WORDS for w in words)


_ACRONYM_FIRST = re.compile(r"^[A-Z]{2,}\s+[A-Z][a-z]")

#: What a blog shows where nobody signed ("Eingestellt von Unknown"): not an author.
PLACEHOLDERS = frozenset({
    # A comment form's field labels and a CMS's default account, taken for the author.
    "name", "your name", "e-mail", "email", "website", "comment", "super user", "superuser",
    "unknown", "anonymous", "anonym", "anonyme", "anónimo", "anonimo", "admin", "administrator",
    "guest", "gast", "user", "webmaster", "unbekannt", "inconnu", "desconocido", "sconosciuto",
    # The mark over a forwarded e-mail ("-----Original Message-----").
    "original message", "forwarded message",
    # The section an unsigned leader runs under, in the author slot ("Editorial"): it names
    # neither a person nor a desk that signs ("Staff Writer" and "News Desk" stay bylines).
    "editorial", "editorials", "the editorial", "editorial board", "the editorial board",
    "editorial team", "editorial staff", "editor's note", "editors' note", "leader", "leaders",
    "opinion", "leitartikel", "kommentar", "éditorial", "editoriale",
})  # fmt: skip


def _clean_outlet(text: str) -> str | None:
    text = clean_line(text).strip(" .,;:-–—")
    text = _OUTLET_TAIL.split(text, maxsplit=1)[0]
    if not text or len(text) > 60:
        return None
    if text.isupper() and len(text) > 5:
        text = title_case_name(text)
    return text


def parse_byline(line: str, following: list[str] | None = None) -> Byline | None:
    """A byline read from `line` (and the lines after it when the names follow), or None.

    `following` holds the next non-blank lines, used when "By" stands alone
    or a name stands alone with its role or date on the next line.
    """
    if not line or len(line) > 400:
        return None
    line = _unmarked(line)
    # Most lines match none of the patterns below: `_patterns_to_try` tells them cheaply.
    tried = _patterns_to_try(line, following)
    if tried == _NOTHING or is_credit(line):
        return None
    if tried == _DATED:
        return _dated_byline_once(line)
    following = following or []
    reporter = without_our_reporter(line)
    if reporter != line.strip():
        line = "By " + reporter  # "Door onze verslaggever Lotte de Boer"
    twice = _SAME_AROUND_BY.match(line)
    if twice:
        # "HLNF Staff Report by HLNF Staff Report": a theme prints the name as its link's
        # text before "by" too.
        line = "By " + twice["name"]
    posted = _NAME_THEN_POSTED.match(line)
    if posted and looks_like_name(_clean_name(posted["name"])):
        # "Jacobo Betancur Peláez | Publicado hace 3 horas": a name, then when it was posted.
        return Byline(authors=[_clean_name(posted["name"])])
    blog = _BLOG_POSTED.match(line)
    if blog and blog["name"].casefold() not in PLACEHOLDERS:
        # A blog engine's posting line names the account as it is ("der Michel").
        return Byline(authors=[blog["name"]])
    m = _BY_START.match(line)
    if m:
        rest = line[m.end() :]
        if not rest.strip() and following:
            # "By" / "by:" on its own line: the names are on the next one (or two,
            # when the page breaks "Jane Doe / and John Roe" over lines).
            rest = strip_list_mark(following[0]).strip()
            if len(following) > 1 and _AND_NEXT.match(following[1]):
                rest = f"{rest} {following[1]}"
                following = [rest, *following[2:]]
            nxt = following[1] if len(following) > 1 else ""
            if nxt.lower().rstrip(":") == "from" and len(following) > 2:
                result = parse_by_text(rest)
                result.source = result.source or _clean_outlet(following[2])
                return result if result.authors else None
            # One word there is a name too ("Von" / "Robert"), as after "By" on one line, and
            # under a label with its colon ("Artikel von:" / "redaktion42") or with a digit in it
            # ("by" / "delta201") an account's name.
            account = _ACCOUNT.fullmatch(rest) is not None and (
                line.rstrip().endswith(":") or any(c.isdigit() or c == "_" for c in rest)
            )
            result = parse_by_text(rest, single=len(rest) <= 50, handle=account)
            return result if result.authors else None
        if rest[:1].islower() and not rest[:1].isupper():
            if _POSTING_LEAD.match(line):
                # A blog's posting line names the account that posted, lower case or not
                # ("Gespeichert von rasos am 24. Juli 2017", "Verfasst von: mitundvoneinander").
                result = parse_by_text(rest, single=True, handle=True)
                return result if result.authors else None
            if (
                _ACCOUNT.fullmatch(rest.strip()) is not None
                and following
                and _is_date_line(following[0])
            ):
                # "von flerche" over the post's date: the account that posted it.
                return Byline(authors=[rest.strip()])
            return None
        if following and _AND_NEXT.match(following[0]):
            rest = f"{rest} {following[0]}"
        result = parse_by_text(rest, single=len(line) <= 80)
        return result if result.authors else None
    m = _AUTHOR_LABEL.match(line)
    if m and line[m.end() :].strip():
        # A desk's label names a person, not a department ("Redaktion: Politik").
        result = parse_by_text(line[m.end() :], single=not m["desk"])
        return result if result.authors else None
    m = _AUTHOR_WORD.match(line)
    if m:
        # "Autor Mark Newton:", "Author Jana Berg": the label without its colon, then a full name;
        # a forum's first poster by the account's name as written ("Thread starter kay42").
        forum = m["forum"] is not None
        result = parse_by_text(line[m.end() :], single=forum, handle=forum)
        if not result.authors and not forum:
            # The desk signing as itself after the label ("Author Greentech.LIVE Redaktion").
            desk = desk_name(line[m.end() :].strip())
            # The bare word ("Autor Redaktion") names no desk an editor could tell apart.
            return Byline(authors=[desk]) if desk and " " in desk else None
        return result if result.authors else None
    if _LABEL_ALONE.match(line) and following:
        # "AUTOR/IN" or "Von" on a line of its own, the name on the next ("Disko Von" / "Jana
        # Berg": a section's name runs into it). The name must read as one, with no lead word.
        # One word under the bare label is a name too ("Von" / "Robert"); not under a label
        # with a word before it ("Powered by" / "Blinker": a footer's credit).
        name = strip_list_mark(following[0]).strip()
        result = parse_by_text(name, single=len(name) <= 50 and " " not in line)
        return result if result.authors and len(name) <= 80 else None
    m = _POSTED_BY.match(line)
    if m:
        result = parse_by_text(m["names"], single=True, handle=True)
        if not result.published:
            dates = find_dates(line)
            result.published = dates[0].iso if dates else None
        return result if result.authors else None
    return _dated_byline(line)


#: The lead word between a name printed twice ("Staff Report by Staff Report").
_AROUND_BY = r"\s+(?:by|von|par|por)\s+"
_SAME_AROUND_BY = re.compile(rf"^(?P<name>[^\W\d_][^|]{{2,58}}?){_AROUND_BY}(?P=name)\s*$", re.I)
#: An account's name as a label's colon introduces it: five characters or more, or with a
#: figure, dot, dash or underscore ("redaktion42", "jana_b"); not a short word ("hier").
_ACCOUNT = re.compile(r"[^\W\d_][\w.\-]{4,29}|[^\W\d_][\w.\-]*[\d._\-][\w.\-]*")


#: A rule drawn before a signature ("---- by Jane Doe", "— von Jana Berg").
_RULE_LEAD = re.compile(r"^[-–—=_~]{2,}\s*|^[–—]\s+")


#: A formatting tag in square brackets ("[i]", "[/b]", "[url=...]": BBCode, Rich markup)
#: that a forum or a pasted copy left around a name: the name is its text.
_BRACKET_TAG = re.compile(r"\[/?[a-z]{1,12}(?:=[^\]\s]{0,80})?\]")


def _unmarked(line: str) -> str:
    """`line` without a list mark, unless the "mark" is a date's day ("27. Januar 2014 von
    ..."), and without formatting tags in square brackets."""
    if "[" in line:
        line = _BRACKET_TAG.sub("", line)
    core = _RULE_LEAD.sub("", strip_list_mark(line).strip())
    if core != line.strip() and line[:1].isdigit():
        dates = find_dates(line[:40])
        if dates and dates[0].start == 0:
            return line.strip()
    return core


# After a leading date: its time, then the lead word or label ("02.02.2022, 11:30 Uhr von ...",
# "22. Januar 2020 @ 18:13 // Autor: ...").
#: The words a page prints before when, or by whom, a story was posted (six languages).
_POSTED_WORDS = r"(?:published|posted|ver[öo]ffentlicht|publi[ée]e?|publicad[oa]|pubblicat[oa])"
_AFTER_DATE_BY = re.compile(
    r"^\s*[,|·•∙/–—-]?\s*(?:(?:um|at|à|a\s+las|@)\s*)?(?:\d{1,2}[:.h]\d{2}\s*)?(?:(?:uhr|h|am|pm)\b\s*)?"
    rf"(?:[,|·•∙/–—-]|//)?\s*(?:(?:(?:{_POSTED_WORDS}|{_BY_LEAD})\s+){{0,2}}(?:by|von|par|por|di)\s*:?\s+"
    r"|(?:autor(?:in)?|author|auteur|autore|redaktion)\s*:\s*"
    # A blog theme's label run into the name ("...2019AuthorAndreas Kalt").
    r"|(?-i:Autor(?:in)?|Author|Auteur|Autore)\s*(?=(?-i:[A-ZÄÖÜÉ])))"
    r"(?P<names>\S.*)$",
    _FLAGS,
)
# After a leading date and its time, a person's name, alone or before a separated tail
# ("11.12.2019 - Jana Berg", "28. Jan. 2022 Paula Balov", "04.02.2022 | 13:10 Uhr | Jana Berg",
# "23.06.2016 um 16:14 Uhr - Jana Berg - 91 Ergänzungen").
_AFTER_DATE_NAME = re.compile(
    r"^\s*(?:(?:um|at|à|@)\s*)?(?:\d{1,2}[:.h]\d{2}\s*)?(?:(?:uhr|h|am|pm)\b\s*)?"
    r"(?:[|·•∙–—-]|//)?\s*(?P<name>[^\W\d_][^\d|/·•∙–—]{3,59}?)\s*(?:\s(?:[|·•∙–—-]|//)\s.*)?$",
    _FLAGS,
)
# A name, a bar, then when it was posted or updated.
_BAR = "[|•·]"  # what `_patterns_to_try` looks for
_NAME_THEN_POSTED = re.compile(
    rf"^(?P<name>[^|•·\d]{{4,60}}?)\s*{_BAR}\s*(?:{_POSTED_WORDS}|updated|actualizado|aktualisiert"
    r"|mis\s+[àa]\s+jour|aggiornato|atualizado)\b",
    _FLAGS,
)
# A blog engine's posting line: the account's name, then the time of day ("Eingestellt von der
# Michel um 21:11", "Posted by kay at 9:41 PM", "Publicado por Ana a las 10:02").
_BLOG_POSTED = re.compile(
    r"^(?:eingestellt\s+von|posted\s+by|publicado\s+por|publi[ée]\s+par|pubblicato\s+da)\s+"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3}?)\s+"
    r"(?:um|at|à|às|alle|a\s+las)\s+\d{1,2}[:.]\d{2}",
    _FLAGS,
)
# A blog's posting label before the date ("Posted on August 2, 2019...", "Veröffentlicht am").
_POSTED_ON = re.compile(rf"^{_POSTED_WORDS}(?:\s*(?:on|am|le|el|il))?\s*$", _FLAGS)
# What a blog theme prints after its author's name, run into it ("Daniel LemireCategories").
_THEME_TAIL = re.compile(
    r"(?<=[a-z])(?:Categories|Kategorien|Catégories|Categorías|Categorie|Tags|Schlagwörter"
    r"|\d+\s*(?i:kommentare?|comments?|commentaires?|comentarios?|commenti))\b.*$"
)
# A weekday before the date ("jeudi 13 juin 2019, par ...").
_WEEKDAY_LEAD = re.compile(
    rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|{FOREIGN_WEEKDAY}),?\s+$", _FLAGS
)


#: The patterns `parse_byline` matches at a line's start (the "our reporter" phrase's too).
_OPENING_PATTERNS = (
    _OUR_REPORTER, _BLOG_POSTED, _BY_START, _AUTHOR_LABEL, _AUTHOR_WORD, _POSTED_BY
)  # fmt: skip
_AROUND_BY_SEARCH = re.compile(_AROUND_BY, re.I).search
#: What `find_dates` asks first: no digit, no date.
_DIGIT_SEARCH = re.compile(r"\d").search
#: Whether a lowered line opens with one of `_OPENING_PATTERNS`' literal prefixes; built on
#: first use.
_opens: Callable[[str], re.Match[str] | None] | None = None


def _build_opens() -> Callable[[str], re.Match[str] | None]:
    global _opens
    prefixes: set[str] = set()
    for pattern in _OPENING_PATTERNS:
        some = literal_prefixes(pattern)
        if some is None:
            raise ValueError(f"no literal prefix for {pattern.pattern[:40]!r}")
        prefixes |= some
    _opens = re.compile(trie(prefixes)).match
    return _opens


#: What `_patterns_to_try` finds may match a line: nothing, only a date's byline, or more.
_NOTHING, _DATED, _ANY = 0, 1, 2


def _patterns_to_try(line: str, following: list[str] | None) -> int:
    """Which of `parse_byline`'s patterns may match `line` (list mark and rule removed).

    Most open with a lead word or label ("By", "Autor:", "Posted by", "Von unserem
    Korrespondenten"), their literal prefixes read from the patterns (`literal_prefixes`);
    the rest say who posted between bars ("Jana Berg | Publicado ..."), name someone on
    both sides of "by" or are a label alone over the name on the next line; a date's byline
    needs a digit. `_NOTHING` and `_DATED` are exact: `parse_byline` tries nothing else.
    """
    lower = line.lower()
    if (
        (_opens or _build_opens())(lower) is not None
        or "|" in line  # _BAR
        or "•" in line
        or "·" in line
        or (
            # `_AROUND_BY`'s words (no letter of them is one "İ", "ı" or "ſ" stands for).
            ("by" in lower or "von" in lower or "par" in lower or "por" in lower)
            and _AROUND_BY_SEARCH(line) is not None
        )
        or (bool(following) and _LABEL_ALONE.match(line) is not None)
        or (not line.isascii() and unsafe_to_lower(line))
    ):
        return _ANY
    return _DATED if _DIGIT_SEARCH(line) is not None else _NOTHING


def _after_dates(rest: str) -> str:
    """`rest` past the dates that open it: a blog prints when a post was published and updated,
    glued together ("28. Juni 201914. Januar 2020 | Jana Berg")."""
    for _ in range(2):
        dates = find_dates(rest[:40])
        if not dates or rest[: dates[0].start].strip():
            break
        rest = rest[dates[0].end :]
    return rest


#: A date's label before it ("Datum: 13. April 2017Autor: ...").
_DATE_LABEL = re.compile(r"^\W*(?:datum|date|fecha|data)\s*:\s*$", _FLAGS)

#: A blog theme's meta line after the date, fields between slashes or bars, one of them who
#: posted it ("October 12, 2018/0 Comments/in News /by jdadmin").
_BY_FIELD = re.compile(r"[/|·•]\s*(?:by|von|par|por|di)\s+(?P<names>[^/|·•]{2,60})\s*$", _FLAGS)


def _account_before_count(text: str) -> str | None:
    """The one word before a comment counter or prompt ("jana_b Schreibe einen Kommentar",
    "Kay · 7 comments"): a blog meta line names who posted, as the account is written."""
    count = _COUNT_TAIL.search(text)
    if count is None or not _COMMENTS_WORD.search(count.group()):
        return None
    word = text[: count.start()].strip(" ·•|/–—-")
    # A handle as written ("jana_b", "kay42"), or a known given name: a capitalised word there
    # may be the post's category ("Politik 4 Kommentare").
    if not word or not (
        word[:1].islower() or word in GIVEN_NAMES or any(c.isdigit() for c in word)
    ):
        return None
    return _single_name(word, handle=True)


def _dated_byline(line: str) -> Byline | None:
    """'October 19, 2019 by IWB', '21.01.2022 11:46 von Jana Berg': a date, then who posted it."""
    if len(line) > 160:
        return None
    dates = find_dates(line)
    lead = line[: dates[0].start] if dates else ""
    logo = _LOGO_LEAD.match(lead) if dates else None
    if not dates or (
        dates[0].start > 2
        and not (
            _WEEKDAY_LEAD.match(lead) or _POSTED_ON.match(lead) or _DATE_LABEL.match(lead) or logo
        )
    ):
        return None
    rest = _THEME_TAIL.sub("", _after_dates(line[dates[0].end :]))
    m = _AFTER_DATE_BY.match(rest) or _BY_FIELD.search(rest)
    if not m:
        account = _account_before_count(rest)
        if account:
            # "28. Januar 2015 jana_b Schreibe einen Kommentar": a blog's posting line.
            return Byline(authors=[account], published=dates[0].iso)
        named = _AFTER_DATE_NAME.match(rest)
        name = _clean_name(named["name"]) if named else ""
        # Without a lead word only a known given name says it is a person, not a topic
        # ("11.12.2019 - Neue Regeln").
        if not known_person(name):
            return None
        return Byline(
            authors=[name], published=dates[0].iso, source=logo["outlet"] if logo else None
        )
    result = parse_by_text(m["names"], single=True, handle=True)
    result.published = result.published or dates[0].iso
    # A site's login in the names slot ("/by jdadmin"): still the post's meta line, no writer.
    login = _LOGIN.search(m["names"].strip().casefold()) is not None
    return result if result.authors or login else None


#: `_dated_byline`'s answers by line and the numeric date order in force (and, with none, the
#: day an ambiguous date is read against): a text copy's lines are asked about twice or more.
_DATED_ANSWERS: dict[tuple[str, bool | None, dt.date | None], Byline | None] = {}
#: Answers kept, at most (a line of 160 characters at most each): then they are forgotten.
_DATED_ANSWERS_MAX = 4096


def _dated_byline_once(line: str) -> Byline | None:
    """`_dated_byline(line)`, remembered; each caller gets its own copy."""
    if len(line) > 160:
        return None
    order = DAY_FIRST.get()
    key = (line, order, reference() if order is None else None)
    try:
        found = _DATED_ANSWERS[key]
    except KeyError:
        if len(_DATED_ANSWERS) >= _DATED_ANSWERS_MAX:
            _DATED_ANSWERS.clear()
        found = _DATED_ANSWERS[key] = _dated_byline(line)
    if found is None:
        return None
    return Byline(
        list(found.authors), found.source, found.place, found.published, list(found.credits)
    )


def labelled_author_line(line: str) -> bool:
    """A line that opens with the author's label ("Autor*in: ..."), prose after it or not."""
    return _AUTHOR_LABEL.match(line) is not None


def author_box(line: str, nxt: str) -> str | None:
    """The author's box: a person's name, then a bio that opens with it ("Jana Berg" / "Jana
    Berg lehrt Geschichte an der Universität Zürich."); the name, or None."""
    name = signed_off(line)
    if not name or not nxt.startswith(name + " "):
        return None
    return name if _BIO_VERB.match(nxt[len(name) :]) is not None else None


def signed_off(line: str) -> str | None:
    """A line that is only a person's name (a known given name, then a family name): how a story
    is signed off under its last paragraph ("Jana Berg", "KAY ROE"); None otherwise."""
    core = strip_list_mark(line).strip()
    if len(core) > 60 or any(ch.isdigit() for ch in core):
        return None
    name = _clean_name(core)
    if name != title_case_name(core.strip(" .,;:-–—|")) or not known_person(name):
        return None
    tokens = name.split()
    if len(tokens) > 3 or any(t.endswith(("'s", "’s")) or "." in t[1:] for t in tokens):
        return None  # "Robert House’s Path-Goal Model", "Penny Happy.png": no person's name
    return name


def parse_name_line(line: str, following: list[str], *, dated: bool = False) -> Byline | None:
    """A bare name line under a headline ("Jane Doe", "Jane Doe, Political Editor").

    Accepted only with evidence beside it: a role after the name, a social
    handle, a date / role / 'author' line right after it, or (`dated`) the
    story's date line right before it.
    """
    if not line or len(line) > 120:
        return None
    core = name_after_label(strip_list_mark(line).strip(), GIVEN_NAMES.__contains__, known_person)
    has_handle = bool(_HANDLE.search(core))
    core = _HANDLE.sub("", core).strip()
    signed = name_then_date(core)
    if signed is not None:
        return signed
    if (
        not core
        or any(ch.isdigit() for ch in core)
        or core.endswith((".", "?", "!", ":"))
        or _SALUTATION.match(core)
    ):
        return None
    result = Byline()
    _names_from(core, result)
    result.authors = [a for a in result.authors if a.casefold() not in PLACEHOLDERS]
    if not result.authors:
        # The desk signing as itself over the story's date ("Redaktion" / "am 3. Februar 2022").
        desk = desk_name(core)
        nxt = following[0] if following else ""
        return Byline(authors=[desk]) if desk and _is_date_line(nxt) else None
    joined = " ".join(result.authors)
    with_role = len(joined) + 2 < len(core.replace(",", " ").replace(" and ", "  ")) - 1
    nxt = following[0] if following else ""
    # A label or a list reads like a name in German and in a line of labels ("Allgemeine
    # Reisetipps", "Europäischer Sozialfonds (ESF)"): a known given name, or a role word, says
    # it is a person.
    known = result.authors[0].split()[0] in GIVEN_NAMES
    if with_role or "," in core:
        # More than the name on its line: a role ("Jane Doe, Political Editor"), or a label or
        # list that reads like one ("Presidente de EEUU, Joe Biden / AFP", "Reise- und
        # Sicherheitshinweise Italien").
        rest = core.replace(joined, " ").split()
        with_role = any(w.strip(".,()").lower() in _ROLE_WORDS for w in rest) or (
            # A known name before more names, an outlet or a place, not before a sentence
            # ("Ewald Ferlemann und sein Leben für die Vögel").
            known and not any(w[:1].islower() for w in rest if w.lower() not in _PARTICLES)
        )
    # Under the story's date line.
    dated = dated and known
    evidence = has_handle or with_role or dated
    if not evidence and nxt:
        low = nxt.lower()
        evidence = (
            # A portrait's alt text, then the name: the same name twice, the second maybe
            # with how long ago the post was made or a follow button run into it.
            clean_line(nxt) == clean_line(core)
            or (
                nxt.startswith(core)
                and _NAME_AGAIN_TAIL.fullmatch(nxt.removeprefix(core).strip()) is not None
            )
            # The author's box: the name, then a bio that opens with it ("Jana Berg lehrt
            # Geschichte an der Universität Zürich.").
            or author_box(core, nxt) is not None
            # Over a date line, unless it opens with an acronym: a league or a firm ("PGE
            # Ekstraliga" over a fixture's date), where a person's initials are "J. R.".
            or (_is_date_line(nxt) and not _ACRONYM_FIRST.match(core))
            or bool(_NAME_CONTEXT.search(low))
            or (
                len(nxt.split()) <= 4
                and any(w.strip(".,").lower() in _ROLE_WORDS for w in nxt.split())
            )
        )
    return result if evidence else None


#: What an author's box prints after the name the second time: how long ago ("vor 5 Stunden",
#: "3 hours ago", "il y a 2 jours", "hace 4 días", "2 ore fa", "há 3 dias") or a follow button.
#: The verb a bio opens with after the person's name, in the languages pages are read in.
_BIO_VERB = re.compile(
    r"\s+(?:writes|covers|reports|teaches|schreibt|lehrt|berichtet|unterrichtet|forscht|écrit"
    r"|enseigne|escribe|enseña|scrive|insegna|escreve|ensina"
    # Or what the person is: a writer's, a journalist's or a scholar's trade.
    rf"|{_COPULA}\s+(?:(?:a|an|the|ein|eine|un|une|uno|una|um|uma"
    r"|freie[rs]?|senior|chief|staff|leitende[rs]?)\s+){0,2}"
    r"(?:redakteur|journalist|reporter|correspondent|korrespondent|editor|writer|columnist|autor"
    r"|author|professor|historian|historiker|wissenschaftler|researcher|journaliste|rédact|chroniqueu"
    r"|periodista|redactor|giornalista|redattore|jornalista|repórter|volontär|freelance)\w*)\b",
    re.IGNORECASE,
)
_NAME_AGAIN_TAIL = re.compile(
    r"(?:vor|il\s+y\s+a|hace|há)\s+\d+\s+\w+|\d+\s+\w+\s+(?:ago|fa)"
    r"|follow|folgen|suivre|seguir|segui",
    _FLAGS,
)


# Words between a byline's name and its date ("Jane Doe | Updated 3 March 2021").
_DATE_LEAD = re.compile(
    rf"(?:[|,:•·–—-]|\b{FOREIGN_WEEKDAY}|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|stand)\b"
    r"|\b(?:on|am|le|el|il|em|updated|published|aktualisiert|ver(?:ö|oe)ffentlicht"
    r"|zuletzt|ge(?:ä|ae)ndert|publi(?:é|e)|mis\s+(?:à|a)\s+jour|actualizado|publicado|aggiornato"
    r"|pubblicato|atualizado)\b|\s)*$",
    _FLAGS,
)


def _is_date_line(line: str) -> bool:
    from newsdesk.extract.dates import date_line

    return bool(line) and date_line(line) is not None


#: The separator between a meta line's name and its date ("Jana Berg | 3. März 2021 | Politik").
_FIELD_BAR = re.compile(r"\s*[|·•]\s*\d")


def name_then_date(core: str) -> Byline | None:
    """'Jane Doe 19.10.2019, 05:00' or 'Jane Doe | Updated 3 March 2021': a name signed with a date."""
    from newsdesk.extract.dates import date_line

    dates = find_dates(core)
    if not dates or dates[0].start < 5:
        return None
    head = core[: dates[0].start]
    lead = _DATE_LEAD.search(head)
    raw = head[: lead.start()] if lead else head
    rest = core[len(raw) :]
    name = _clean_name(raw)
    published = date_line(rest.strip())
    if published is None or " | " in core[dates[-1].end :]:
        # A meta line's fields after a bar ("Jana Berg | 29. Dezember 2022 | HR-Welt"): a known
        # given name and a family name, then the date, whatever follows.
        known = known_person(name)
        fielded = _FIELD_BAR.match(rest) is not None
        return Byline(authors=[name], published=dates[0].iso) if known and fielded else None
    if looks_like_name(name):
        return Byline(authors=[name], published=published)
    # One word over the date: a known given name ("Tine 2. Februar 2020"), or the desk signing
    # as itself ("Redaktion 1. November 2023 10:29").
    if " " not in name and name in GIVEN_NAMES:
        return Byline(authors=[name], published=published)
    desk = desk_name(name)
    return Byline(authors=[desk], published=published) if desk else None
