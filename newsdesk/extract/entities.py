"""People, organisations and places named in an article, found by rules.

No model is downloaded: the extractor reads runs of capitalised words
("spans") and decides what each names from cues around it, in this order:

1. known names: the place gazetteer (`gazetteer.py`), well-known organisations
   and acronyms (`data/cues.py`);
2. the shape of the name: organisation heads and leads ("Foreign Ministry",
   "Ministry of Foreign Affairs", "Acme Corp"), place heads ("Kursk Oblast");
3. person cues: a title or honorific in front ("Foreign Minister Cho Tae-yul",
   "Mr. Clinton"), a role noun before it ("spokeswoman Jane Roe"), a given name
   or East Asian family name first, a speech verb after ("..., Jane Roe said"),
   an apposition (", who", ", 45,").

Words capitalised only because a sentence or headline starts with them,
calendar words and adjectives of nationality are dropped; a multi-word name
with no cue is a "candidate" that becomes a person only if a short form of it
speaks or carries a title elsewhere.  A second pass resolves short forms: a
lone surname to the full name mentioned elsewhere ("Kim" -> "Kim Gunn"; a
shared surname to whoever was named in full just before, else the first
named), an acronym to its spelled-out form ("JCS" -> "Joint Chiefs of
Staff"), "Brightwater" to "Brightwater Corp.", "Foreign Ministry" to
"Ministry of Foreign Affairs".  Work is linear in the text and bounded by
`MAX_CHARS`.

`analyse(body)` keeps every mention with its position; the quote extractor
uses it to resolve speakers.  It is cached, so `find_entities` followed by
`find_quotes` on the same body analyses the text once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from newsdesk.extract.data import word_set
from newsdesk.extract.data.common_words import CALENDAR, COMMON_WORDS
from newsdesk.extract.data.cues import (
    ACRONYMS,
    FOREIGN_ORG_LEADS,
    KNOWN_ORGS,
    NON_ORG_CAPS,
    ORG_HEADS,
    ORG_LEADS,
    PLACE_ACRONYMS,
    PLACE_HEADS,
    PLACE_LEADS,
)
from newsdesk.extract.data.demonyms import DEMONYMS, MULTI_DEMONYMS
from newsdesk.extract.data.given_names import (
    EAST_ASIAN_FAMILY_NAMES,
    FEMALE_GIVEN_NAMES,
    GIVEN_NAMES,
)
from newsdesk.extract.data.speech import INVERTED_SPEECH_VERBS, SPEECH_VERBS
from newsdesk.extract.data.titles import (
    FEMALE_CUES,
    HONORIFICS,
    MALE_CUES,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_OF_HEADS,
    TITLE_WORDS,
)
from newsdesk.extract.gazetteer import Gazetteer, gazetteer

#: Only this much of a body is analysed; the rest of a huge text adds little.
MAX_CHARS = 200_000
#: Longest run of capitalised words taken as one name; longer runs are split.
MAX_SPAN_TOKENS = 10

PERSON = "person"
ORG = "org"
PLACE = "place"

#: Lowercase words allowed inside a name between capitalised words.
_CONNECTORS = word_set("""
    of for and de del della di da do dos das du van von der den ter la le bin bint
    ibn al el y the on
    """)
#: Particles that begin a surname ("bin Laden", "van der Berg", "de Gaulle").
#: Articles of other languages that open a sentence before a name.
_FOREIGN_ARTICLES = word_set("Die Der Das Den Dem El La Los Las Le Les Il Gli Het Une Un Una")
_LOWER_ARTICLES = word_set("la el le les los las der die das il lo")
#: German compound nouns naming a body ("Energieversorgung", "Verbraucherzentrale").
_GERMAN_ORG_WORD = re.compile(
    r"\w{3}(?:zentrale|versorgung|werke|verband|gesellschaft|ministerium|behörde|kasse|börse"
    r"|partei|gewerkschaft|institut|universität|hochschule|klinikum|gericht|stiftung|verein"
    r"|agentur|verwaltung|konzern|bank)$"
)
_PARTICLES = word_set("de del della di da dos das du van von der den ter la le bin bint ibn al el")

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_](?:\w|[&'’\-](?=[^\W_]))*")
#: Gaps that keep two capitalised words in one name: spaces only.
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_NEXT_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+")
#: A gap that ends a sentence; a quote mark right before a word opens a quote
#: (a capital there is no evidence), one followed by a space closes it.
_SENTENCE_END = re.compile(r"[.!?:;]|[—–]|(?:^|\s)-(?:\s|$)|[\"“‘(\[]$")
_CREDIT_LINE = re.compile(
    r"[ \t]*(?:by|edited by|reporting by|written by|additional reporting by|photos? by|"
    r"photograph(?:s|y)? by|credit|image|caption|copyright|source|compiled by)\b",
    re.IGNORECASE,
)
_LOCATIVE = word_set("in at from to near outside into across throughout around via")
#: Prepositions after which an unknown name is a place (not "at" or "from": "at Acme").
_PLACE_PREPOSITIONS = word_set(
    "in near nearby outside across throughout around between towards toward"
)
#: Last words of events and competitions ("County Cup"), which no place or person ends in.
_EVENT_HEADS = word_set(
    "Cup Championship Championships Trophy Open Games Marathon Derby Prix Rally"
)
#: Words after which a name that speaks is where the speakers live ("Residents of X said").
_OF_A_PLACE = word_set("of in at from near outside across throughout around")
#: Lower-case nouns after "the X" that make X a place ("the Ayrshire coast").
_PLACE_NOUNS = word_set(
    "coast valley region border shore peninsula hills islands island countryside highlands "
    "mountains delta basin estuary plateau lowlands suburbs suburb district province county"
)
#: Hyphen suffixes that make a capitalised word an adjective ("Paris-based").
_ADJECTIVE_SUFFIXES = word_set(
    "born based led backed owned made run bound linked funded affiliated style era "
    "controlled occupied allied aligned friendly"
)
_APPOSITION = re.compile(
    r",\s+(?:who|whose|\d{1,3},|a|an|the|[a-z]+-year-old|aged|himself|herself)\b"
)
#: Heads that close an organisation's name, so "and" after them starts another
#: ("Ceres Robotics and Tyvak Systems"), unlike "Pacific Gas and Electric Co.".
_COMPLETE_ORG_HEADS = word_set(
    "Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC PLC University College Ministry Department "
    "Bank Party Agency Group Council Committee Commission Institute Foundation "
    "Association Robotics Technologies Systems Hospital School Court Times Post"
)
#: Verbs after which a lone name is the speaker (", says Parata"); not "told"
#: or "asked", whose object is the listener.
#: Endings of sentence-initial words that are not given names ("Unpredictable").
_NOT_NAME_ENDINGS = (
    "able",
    "ible",
    "ful",
    "ous",
    "ive",
    "ic",
    "ed",
    "ing",
    "ly",
    "less",
    "est",
    "ish",
    "ary",
)
#: How far back a full name decides who a shared surname means.
_RECENT_CHARS = 300
#: Compass words that begin place names ("South Taranaki", "West Sea").
_COMPASS = word_set(
    "North South East West Northern Southern Eastern Western Central Inner Outer Upper Lower "
    "Atlantic Pacific Arctic Greater"
)
#: Place heads that are also surnames: "Neil Parish", "Greg Lake" are people.
_SURNAME_HEADS = word_set(
    "Lake Harbour Harbor Park Forest Beach Hill Hills Bay Sound Coast Cape Island Marsh "
    "Moor Heath Downs Bridge Lane Peak Pass Quay Station Square"
)
_SHORT_FUNCTION = word_set("a an and as at by for from in into of on or the to with vs via")


@dataclass
class EntityResult:
    """What `find_entities` found: names by kind, most mentioned first, and counts."""

    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    #: Mentions per name, across all three kinds.
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in the analysed text, by character offsets."""

    start: int
    end: int
    name: str
    kind: str


@dataclass
class Analysis:
    """Every mention of every entity in one text, and the short forms resolved."""

    mentions: list[Mention]
    #: Display name -> kind, in order of first mention.
    kinds: dict[str, str]
    #: Every surface form seen ("Kim", "JCS") -> display name it counted for.
    surfaces: dict[str, str]
    #: People whose sex the text shows ("Ms. Roe", "Prince Harry", "Meghan"):
    #: "f" or "m"; the quote extractor matches "she"/"he" against it.
    genders: dict[str, str] = field(default_factory=dict)


class _Token:
    """One word of the text with what the extractor needs to know about it."""

    __slots__ = (
        "allcaps",
        "cap",
        "end",
        "headline",
        "possessive",
        "start",
        "starts_sentence",
        "text",
    )

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.possessive = False
        shape = _SHAPES.get(text)
        if shape is None:
            if len(_SHAPES) > _SHAPES_MAX:
                _SHAPES.clear()
            shape = _SHAPES[text] = _shape(text)
        self.cap, self.allcaps = shape
        self.starts_sentence = False
        self.headline = False


#: A word's (capitalised, all capitals) pair, computed once per distinct word.
_SHAPES: dict[str, tuple[bool, bool]] = {}
_SHAPES_MAX = 200_000


def _shape(text: str) -> tuple[bool, bool]:
    first = text[0]
    cap = (
        first.isupper()
        or (
            # Arabic and Dutch particles glued to a name: "al-Assad", "d'Alema".
            len(text) > 3 and text[1] in "-'’" and text[2].isupper()
        )
        or (len(text) > 3 and text[2] in "-'’" and text[3:4].isupper())
    )
    # Two letters at least, all upper case: "NATO", "U.N.", not "A" or "J.".
    allcaps = (
        len(text) > 1
        and first.isalpha()
        and text.isupper()
        and (text[1].isalpha() or (len(text) > 2 and text[2].isalpha()))
    )
    return cap, allcaps


# -- tokens and lines ---------------------------------------------------------

_ABBREVIATIONS = frozenset(
    {t.rstrip(".") for t in HONORIFICS if t.endswith(".")}
    | {t.rstrip(".") for t in CALENDAR if t.endswith(".")}
    | {"St", "Mt", "No", "Jr", "Sr", "Ft", "Inc", "Corp", "Co", "Ltd", "Bros", "Ave", "Gov"}
)


_NAME_POSSESSIVES = word_set(
    "People Children Women Men Workers Veterans Farmers Teachers Nurses Citizens Saint St St. "
    "Doctors Writers Actors Seamen Miners Traders Consumers Students Employers"
)


#: What may follow a word that changes it: an abbreviation's stop, a plural possessive's mark
#: (the empty string, at the end of the text, too: `"" in _MARKS_AFTER`).
_MARKS_AFTER = ".'’"


def _tokenise(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        word = match.group()
        start, end = match.span()
        if text[end : end + 1] not in _MARKS_AFTER and "'" not in word and "’" not in word:
            # Most words: no apostrophe, no full stop or quote mark right after.
            append(_Token(word, start, end))
            continue
        possessive = False
        if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
            # "People's Liberation Army", "Children's Hospital": part of the name.
            if word[:-2] not in _NAME_POSSESSIVES:
                word, end, possessive = word[:-2], end - 2, True
        elif (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper())) and text.startswith(
            ".", end
        ):
            word, end = word + ".", end + 1
        elif word[-1] == "s" and text.startswith(("' ", "’ "), end):
            # Plural possessive ("the Democrats' plan"), unless part of a name
            # ("Colleges Employers' Association").
            possessive = word not in _NAME_POSSESSIVES
            if not possessive:
                word, end = word + text[end], end + 1
        token = _Token(word, start, end)
        token.possessive = possessive
        tokens.append(token)
    return tokens


def _mark_lines(text: str, tokens: list[_Token]) -> set[int]:
    """Mark sentence starts and headline-case lines; return indexes of credit lines' tokens."""
    credit_tokens: set[int] = set()
    n = len(tokens)
    i = 0
    while i < n:
        begin = _line_begin(text, tokens[i].start)
        newline = text.find("\n", tokens[i].start)
        line_end = newline if newline != -1 else len(text)
        j = i
        while j < n and tokens[j].start < line_end:
            j += 1
        _mark_line(text, tokens[i:j], text[begin:line_end])
        if _CREDIT_LINE.match(text, begin):
            credit_tokens.update(range(i, j))
        i = j
    return credit_tokens


def _line_begin(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _mark_line(text: str, line: list[_Token], line_text: str) -> None:
    if not line:
        return
    words = [t for t in line if t.text[0].isalpha()]
    content = [t for t in words if t.text.lower() not in _SHORT_FUNCTION]
    capitalised = sum(1 for t in content if t.cap)
    shouting = sum(1 for t in content if t.allcaps and len(t.text) > 3)
    stripped = line_text.rstrip()
    # Headlines, section heads and captions in title case give no capital evidence.
    unpunctuated = not stripped.endswith((".", ",", ";", ":", '"', "”"))
    headline = unpunctuated and (
        (len(content) >= 3 and capitalised >= 0.75 * len(content))
        or (0 < len(content) < 3 and capitalised == len(content) and len(words) <= 4)
    )
    headline = headline or (len(content) >= 3 and shouting >= 0.5 * len(content))
    previous_end = _line_begin(text, line[0].start)
    for k, token in enumerate(line):
        token.headline = headline
        gap = text[previous_end : token.start]
        previous_end = token.end
        if k == 0:
            token.starts_sentence = True
        else:
            prev = line[k - 1]
            if gap == " " and not prev.text.endswith("."):
                # The common case, one space after a plain word: no sentence starts here.
                continue
            if _SENTENCE_END.search(gap) and not (
                prev.text.endswith(".") and prev.text[:-1] in _ABBREVIATIONS
            ):
                # “Go home!” Trump said: the quote's own stop ends no sentence.
                token.starts_sentence = not (
                    _CLOSED_QUOTE.search(gap) is not None and _speech_follows(line, k)
                )
            elif prev.text.endswith(".") and (
                prev.text[:-1] in _ABBREVIATIONS or len(prev.text) == 2
            ):
                token.starts_sentence = False
            elif (
                prev.text.endswith(".")
                and _SPACES.fullmatch(gap) is not None
                and prev.allcaps is False
            ):
                token.starts_sentence = True


#: One word with a capital inside ("SkyMetrics"): a brand, unless the first
#: part is a name prefix ("McDonald", "DiCarlo", "LeBron", "MacArthur").
_CAMEL_CASE = re.compile(r"([A-Z][a-z]+)[A-Z][A-Za-z]*")
_NAME_PREFIXES = word_set("Mc Mac De Di Da Du Del Della La Le Lo Van Von Fitz St O Ben Abu Al El")
_DATELINE_AGENCY = re.compile(r"\([A-Z]{2,6}\)\s*[-—–]")
_SPEECH_THEN_ROLE = re.compile(
    r"\b(?:(?:a|hat|ha)\s+)?(?:"
    + "|".join(sorted((re.escape(v) for v in SPEECH_VERBS), key=len, reverse=True))
    + r"|déclaré|dit|affirmé|expliqué|ajouté|estimé|souligné|précisé|detto|dichiarato"
    + r"|spiegato|aggiunto|dicho|afirmado|declarado|dito|afirmou)"
    r"\s+(?:[a-zà-ÿ][\w'’-]*\s+){0,6}?[a-zà-ÿ][\w'’-]*,\s$"
)
_CREDIT_CLOSE = re.compile(r"[)/]\s*(?:[-—–]{1,2}|:)")
_AMPERSAND = re.compile(r"[ \t\u00a0]+&[ \t\u00a0]+")
_CLOSED_QUOTE = re.compile(r"[.!?,][\"”’']\s+$")


def _speech_follows(line: list[_Token], k: int) -> bool:
    """True when a speech verb follows the capitalised run starting at token k."""
    for token in line[k + 1 : k + 5]:
        if not token.cap:
            return token.text in SPEECH_VERBS
    return False


# -- spans -----------------------------------------------------------------------


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """True when nothing but spaces (or an ampersand: "Pacific Gas & Electric")
    stands between two tokens."""
    return left.end < right.start and (
        _SPACES.fullmatch(text, left.end, right.start) is not None
        or _AMPERSAND.fullmatch(text, left.end, right.start) is not None
    )


def _spans(text: str, tokens: list[_Token], skip: set[int]) -> list[tuple[int, int]]:
    """Maximal runs [i, j) of capitalised tokens, connectors allowed inside."""
    spans: list[tuple[int, int]] = []
    n = len(tokens)
    i = 0
    while i < n:
        token = tokens[i]
        if (
            i in skip
            or not (token.cap or token.allcaps)
            or text[token.start - 1 : token.start] in ("@", "#")  # handles and hashtags
        ):
            i += 1
            continue
        j = i + 1
        last_cap = i
        while j < n and j - i < MAX_SPAN_TOKENS and j not in skip:
            prev = tokens[j - 1]
            cur = tokens[j]
            if prev.possessive or not _joined(text, prev, cur):
                break
            if cur.cap or cur.allcaps:
                if cur.starts_sentence and not prev.text.endswith("."):
                    break
                last_cap = j
                j += 1
                continue
            word = cur.text
            if word in _CONNECTORS and (word != "the" or tokens[j - 1].text in ("of", "for")):
                j += 1
                continue
            break
        spans.append((i, last_cap + 1))
        i = last_cap + 1
    return spans


# -- classification ----------------------------------------------------------


@dataclass
class _Found:
    """A classified piece of a span: tokens [i, j) name `name` of `kind`.

    kind "alias" means a lone word to resolve against the full names later;
    kind "candidate" a multi-word name that is a person only if a later
    mention gives person evidence.
    """

    i: int
    j: int
    name: str
    kind: str
    evidence: bool = False
    #: The name without a sentence-initial first word that may not belong to it
    #: ("Unpredictable Sondland"): used when that shorter form is known.
    rest: str | None = None
    #: Its context reads as a place ("near Dalmally", "the Ayrshire coast"): a name
    #: nothing else claims is then a place, not dropped.
    place_cue: bool = False


def _surface(text: str, tokens: list[_Token], i: int, j: int) -> str:
    return _SPACES.sub(" ", text[tokens[i].start : tokens[j - 1].end])


def _is_namelike(token: _Token) -> bool:
    word = token.text
    return (
        token.cap
        and not token.allcaps
        and word not in ORG_HEADS
        and (word not in PLACE_HEADS or word in _SURNAME_HEADS)
        and word not in TITLE_WORDS
        and word not in DEMONYMS
        and (word not in CALENDAR or word in GIVEN_NAMES)
        and (word.lower() not in COMMON_WORDS or word in GIVEN_NAMES)
        and not any(ch.isdigit() for ch in word)
        and not any(len(part) > 1 and part.isupper() for part in word.split("-")[1:])
    ) or (
        # Hyphenated given-name parts and initials: "Seong-deok", "J."
        token.cap and len(word) == 2 and word.endswith(".")
    )


def _given_name_first(tokens: list[_Token], i: int, j: int) -> bool:
    """ "April Ryan", "Jan Egeland": a month that is a given name before a surname."""
    return (
        j - i == 2
        and tokens[i].text in GIVEN_NAMES
        and _is_namelike(tokens[i + 1])
        and not tokens[i].starts_sentence
    )


def _all_demonyms(parts: list[str]) -> bool:
    """True when the words are adjectives of nationality only ("Native American")."""
    p = 0
    while p < len(parts):
        if tuple(parts[p : p + 2]) in MULTI_DEMONYMS:
            p += 2
        elif parts[p] in DEMONYMS:
            p += 1
        else:
            return False
    return bool(parts)


def _strip_demonyms(words: list[str], i: int, j: int) -> int:
    """Index after any leading demonyms in words[i:j]."""
    while i < j:
        for size in (3, 2):
            if j - i > size and tuple(words[i : i + size]) in MULTI_DEMONYMS:
                i += size
                break
        else:
            if words[i] in DEMONYMS and j - i > 1:
                i += 1
                continue
            return i
    return i


def _initials(name: str) -> str:
    return "".join(part[0] for part in re.split(r"[\s\-]+", name) if part and part[0].isupper())


class _Classifier:
    """Decides what each span names; holds the text, tokens and gazetteer."""

    def __init__(self, text: str, tokens: list[_Token], places: Gazetteer) -> None:
        self.text = text
        self.tokens = tokens
        self.places = places
        self.words = [t.text for t in tokens]

    # Context around a span.
    def named_after_speech(self, i: int) -> bool:
        """'..., a déclaré la directrice du musée, Hélène Garnier': the name a
        speech verb and a lower-case role lead up to, set off by a comma."""
        start = self.tokens[i].start
        if self.text[start - 2 : start] != ", ":
            return False
        lead = self.text[max(_line_begin(self.text, start), start - 100) : start]
        return _SPEECH_THEN_ROLE.search(lead) is not None

    def dateline_credit(self, i: int, j: int) -> bool:
        """'LAGOS, March 3 (Continental Wire) -', '/Meridian Newswire/ --': the wire that
        filed the story, credited in its dateline, is no organisation in it."""
        start, end = self.tokens[i].start, self.tokens[j - 1].end
        opener = self.text[start - 1 : start]
        if opener not in ("(", "/") or start - _line_begin(self.text, start) > 80:
            return False
        closer = ")" if opener == "(" else "/"
        return _CREDIT_CLOSE.match(self.text, end) is not None and self.text[end] == closer

    def place_cue(self, i: int, j: int) -> bool:
        """'near Dalmally', 'in Ringsend', 'the Serra Alta valley': the span reads as a place."""
        prev = self.prev_word(i)
        if prev in _PLACE_PREPOSITIONS:
            return True
        if prev.lower() != "the" or j >= len(self.tokens):
            return False
        nxt = self.tokens[j]
        return _joined(self.text, self.tokens[j - 1], nxt) and nxt.text in _PLACE_NOUNS

    def prev_word(self, i: int) -> str:
        """The word right before token i on the same line, spaces only between."""
        if i == 0 or not _joined(self.text, self.tokens[i - 1], self.tokens[i]):
            return ""
        return self.tokens[i - 1].text

    def next_word(self, j: int) -> str:
        """The word after a span ending before token j, across spaces or one comma."""
        if j >= len(self.tokens) or self.tokens[j - 1].possessive:
            return ""
        last = self.tokens[j - 1]
        nxt = self.tokens[j]
        if _NEXT_GAP.fullmatch(self.text, last.end, nxt.start) is None:
            return ""
        return nxt.text

    def after(self, j: int, size: int = 24) -> str:
        end = self.tokens[j - 1].end
        return self.text[end : end + size]

    def place_name(self, name: str, i: int, j: int) -> str | None:
        """The display name when `name` is a place here, else None."""
        kind = self.places.kind(name)
        if kind is None and name.startswith("the "):
            kind = self.places.kind(name[4:])
            name = name[4:]
        if kind is None:
            return None
        if kind == "small_city":
            # Small towns double as surnames: only with a locative word or a
            # following ", Region" ("in Hamilton", "Hamilton, Ontario").
            prev = self.prev_word(i).lower()
            if (
                prev not in _LOCATIVE
                and not self.after(j, 3).startswith(", ")
                and not self.in_place_list(i)
            ):
                return None
        return self.places.display(name)

    def in_place_list(self, i: int) -> bool:
        """True in a list of places: "Halifax, Charlottetown and Gander"."""
        tokens = self.tokens
        k = i - 1
        if k < 0:
            return False
        gap = self.text[tokens[k].end : tokens[i].start]
        if tokens[k].text in ("and", "or") and _SPACES.fullmatch(gap):
            k -= 1
        elif gap.strip() != ",":
            return False
        for back in range(k, max(-1, k - 3), -1):
            kind = self.places.kind(tokens[back].text)
            if kind is not None:
                return True
            if not tokens[back].cap:
                return False
        return False

    def classify(self, i: int, j: int) -> list[_Found]:
        tokens = self.tokens
        words = self.words
        # Sentence-initial ordinary words and calendar words are not names.
        while i < j and (
            ((tokens[i].starts_sentence or tokens[i].headline) and words[i].lower() in COMMON_WORDS)
            or (words[i] in CALENDAR and not _given_name_first(self.tokens, i, j))
            or words[i] in _CONNECTORS
            or (words[i] == "The" and not self.known_with_the(i, j))
            # "Die Verbraucherzentrale Hessen", "El Ministerio de Transportes" ("Los Angeles" stays).
            or (words[i] in _FOREIGN_ARTICLES and j - i > 1 and not self.known_with_the(i, j))
        ):
            i += 1
        if (
            j - i > 2
            and tokens[i].starts_sentence
            and words[i + 1] in ("of", "on", "for", "at", "in")
            and words[i] not in ORG_LEADS
            and words[i] not in PLACE_LEADS
            and words[i] not in TITLE_WORDS
            and words[i] not in GIVEN_NAMES
            and words[i] not in KNOWN_ORGS
        ):
            # "Passengers of Maple Coast", "Traffic on Calle Merced": a common
            # noun opening the sentence, then the name.
            i += 2
            while i < j and words[i] in _CONNECTORS:
                i += 1
        based: list[_Found] = []
        for k in range(j - 1, i - 1, -1):
            if "-" in words[k] and words[k].rsplit("-", 1)[-1] in _ADJECTIVE_SUFFIXES:
                # "Mercer Island-based Acme Company": the name follows; "Osaka-based"
                # still names a place.
                where = words[k].rsplit("-", 1)[0]
                if self.places.kind(where) not in (None, "small_city"):
                    based.append(_Found(k, k + 1, self.places.display(where), PLACE))
                i = k + 1
                break
        while j > i and (
            words[j - 1] in _CONNECTORS
            or (words[j - 1] in CALENDAR and not (j - i == 2 and words[i] in GIVEN_NAMES))
        ):
            j -= 1
        if i >= j:
            return based
        if tokens[i].headline:
            return based + self.headline_pieces(i, j)
        found = based + self.classify_span(i, j)
        if (
            tokens[i].starts_sentence
            and j - i >= 2
            and words[i] not in GIVEN_NAMES
            and words[i] not in EAST_ASIAN_FAMILY_NAMES
        ):
            for f in found:
                if f.i == i and f.kind in (PERSON, "candidate"):
                    f.rest = _surface(self.text, tokens, i + 1, f.j)
        return found

    def known_with_the(self, i: int, j: int) -> bool:
        """True for names that begin with "The" ("The Hague", "The Gambia")."""
        return (
            i + 1 < j and self.places.kind(_surface(self.text, self.tokens, i, i + 2)) is not None
        )

    def classify_span(self, i: int, j: int) -> list[_Found]:
        tokens = self.tokens
        words = self.words
        while i < j and words[i] in _CONNECTORS:
            i += 1  # "for the Western District" after a split: no "the" in names
        while j > i and words[j - 1] in _CONNECTORS:
            j -= 1
        if i >= j:
            return []
        if self.dateline_credit(i, j):
            return []
        name = _surface(self.text, tokens, i, j)
        if name in KNOWN_ORGS:
            return [_Found(i, j, name, ORG)]
        place = self.place_name(name, i, j)
        if place is not None:
            return [_Found(i, j, place, PLACE)]
        if j - i == 1:
            return self.classify_word(i)
        last = words[j - 1]
        first = words[i]
        inner = words[i + 1 : j - 1]
        if tokens[i].allcaps and any(part in TITLE_WORDS for part in words[i + 1].split("-")):
            # "UN Secretary-General ...", "NATO Deputy Chief ...": the acronym apart.
            return self.classify_word(i) + self.classify_span(i + 1, j)
        titled = self.name_after_long_title(i, j)
        if titled is not None:
            head = [f for f in self.classify_span(i, titled) if f.kind != "candidate"]
            name = _surface(self.text, tokens, titled, j)
            return [*head, _Found(titled, j, name, PERSON, evidence=True)]
        for k in range(i + 2, j - 1):
            if words[k] in FOREIGN_ORG_LEADS and words[k - 1] in _LOWER_ARTICLES:
                # "Según la Autoridad Portuaria de Valencia": the body starts at its lead.
                return self.classify_span(i, k - 1) + self.org_with_prefix(k, j)
        if any(_GERMAN_ORG_WORD.search(w) for w in words[i:j]):
            # "Verbraucherzentrale Hessen", "Energieversorgung Kassel": German
            # compounds end in the kind of body they name.
            return self.org_with_prefix(i, j)
        if "and" in inner:
            cut = i + 1 + inner.index("and")
            # "Russia and China" are two names; "University and College Union" is
            # one, but "Ceres Robotics and Tyvak Systems Inc" are two again.
            left_is_org = cut - i >= 2 and (
                words[cut - 1] in _COMPLETE_ORG_HEADS
                or (first in ORG_LEADS and words[i + 1] in ("of", "for"))
            )
            one_org = last in ORG_HEADS and not (
                left_is_org and j - cut > 2 and words[cut + 1] not in ORG_HEADS
            )
            if not one_org and not (first in ORG_LEADS and "of" in inner):
                return self.classify_span(i, cut) + self.classify_span(cut + 1, j)
        split = self.split_before_name(i, j)
        if split is not None:
            return self.classify_span(i, split) + self.person_or_candidate(split, j)
        if first in _COMPASS and all(_is_namelike(t) for t in tokens[i + 1 : j]) and j - i <= 3:
            return [_Found(i, j, name, PLACE)]  # "South Taranaki", "East Anglia"
        if (
            last in ORG_HEADS
            or last.rsplit("-", 1)[-1] in ORG_HEADS
            or (first in ORG_LEADS and len(inner) >= 1 and inner[0] in ("of", "for"))
            or first in FOREIGN_ORG_LEADS
        ):
            return self.org_with_prefix(i, j)
        if any(
            words[k] in ORG_HEADS and words[k + 1] in ("of", "for", "on")
            for k in range(i + 1, j - 1)
        ) and not any(words[k] in TITLE_OF_HEADS for k in range(i, j)):
            # "National Institute on Drug Abuse", "International Commission for
            # the Protection of the Danube River": the organisation wins.
            return self.org_with_prefix(i, j)
        if (
            last in PLACE_HEADS
            and first not in TITLE_WORDS
            and not tokens[i].allcaps
            and not (j - i == 2 and first in GIVEN_NAMES and last in _SURNAME_HEADS)
        ):
            return [_Found(i, j, name, PLACE)]
        if (
            first in PLACE_LEADS
            and j - i >= 3
            and words[i + 1] in ("of", "de", "del", "di", "do", "da")
        ):
            return [_Found(i, j, name, PLACE)]  # "Gulf of Mexico", "Plaza de Armas"
        if last in _EVENT_HEADS:
            return []  # "County Cup", "Lake Festival": an event, neither place nor person
        if first in PLACE_LEADS and j - i == 2 and _is_namelike(tokens[j - 1]):
            return [_Found(i, j, name, PLACE)]  # "River Lee", "Calle Merced", "Lake Tahoe"
        if (
            first in TITLE_WORDS
            or first in DEMONYMS
            or (j - i > 2 and tuple(words[i : i + 2]) in MULTI_DEMONYMS)
        ):
            return self.after_title(i, j)
        if "of" in inner or "for" in inner:
            if self.prev_word(i) == "the" and first not in TITLE_WORDS and "of" in inner:
                return [_Found(i, j, name, ORG)]
            cut = i + 1 + (inner.index("of") if "of" in inner else inner.index("for"))
            return self.classify_span(i, cut) + self.classify_span(cut + 1, j)
        return self.person_or_candidate(i, j)

    def name_after_long_title(self, i: int, j: int) -> int | None:
        """Where a two- or three-word name starts after a long title, if it does.

        "UN Under-Secretary-General for Political and Peacebuilding Affairs
        Rosemary DiCarlo": a title word right before two or three name-like
        words, with the title reaching back over "for", "and" or "of".
        """
        if j - i < 4:
            return None
        words = self.words
        for start in (j - 2, j - 3):
            if start - 1 <= i or words[start - 1] not in TITLE_WORDS:
                continue
            if not all(_is_namelike(t) for t in self.tokens[start:j]):
                continue
            if any(w in ("for", "and", "of") for w in words[i : start - 1]):
                return start
        return None

    def split_before_name(self, i: int, j: int) -> int | None:
        """Where a person's name starts after other words glued to it, if it does.

        "Uxbridge and South Ruislip Boris Johnson" in a list of seats, "envoy to
        Ukraine Kurt Volker": a given name followed by one or two name words
        ends the span, and what stands before it is something else.
        """
        words = self.words
        if (
            j - i < 3
            or words[i] in TITLE_WORDS
            or words[i] in DEMONYMS
            or words[j - 1] in ORG_HEADS
        ):
            return None
        for k in range(max(i + 1, j - 3), j - 1):
            if (
                words[k] in GIVEN_NAMES
                and words[k - 1] not in _CONNECTORS
                and words[k - 1] not in GIVEN_NAMES
                and all(_is_namelike(t) for t in self.tokens[k:j])
            ):
                # Only when what stands before is a place, an organisation or
                # a title: "Te Kaurinui Robert Parata" is one name.
                head = self.classify_span(i, k)
                named = any(
                    f.kind in (PERSON, "candidate") or (f.kind == "alias" and f.evidence)
                    for f in head
                )
                cue = bool(head) or any(w in TITLE_WORDS for w in words[i:k])
                if (not named and cue) or self.places.kind(words[i]) in (
                    "country",
                    "region",
                    "city",
                ):
                    return k  # "Minnesota Wild Jonas Brodin" too
                return None
        return None

    def org_with_prefix(self, i: int, j: int) -> list[_Found]:
        """An organisation name; a job title in front of it is left out.

        "Seoul National University" is one name and "Swedish Prosecution
        Authority" keeps its demonym: that is how the body is called.  But in
        "CEO and Founder of Ceres Robotics Inc." only what follows "of" is.
        """
        words = self.words
        if "of" in words[i + 1 : j - 1]:
            k = words.index("of", i + 1, j - 1)
            who = self.person_or_candidate(*self.strip_titles(i, k))
            if who and who[0].kind == PERSON and who[0].j == k:
                # "Ian Mercer of the Air Passenger Rights Coalition",
                # "lawyer Ruth Condori of the Centre for Andean Law".
                return who + self.classify_span(k + 1, j)
        leading_noun = (
            # "Shares of Acme Corp fell": a plural noun starting the sentence.
            self.tokens[i].starts_sentence
            and i + 1 < j
            and words[i + 1] == "of"
            and words[i].endswith("s")
            and words[i] not in ORG_LEADS
        )
        if (
            (leading_noun or words[i] in TITLE_WORDS)
            and words[i] not in ORG_LEADS
            and "of" in words[i:j]
        ):
            k = words.index("of", i, j) + 1
            while k < j and words[k] == "the":
                k += 1
            if k < j:
                return self.classify_span(k, j)
        for k in range(i + 1, j - 1):
            # "the first Native American Supreme Court justice": adjectives of
            # nationality in front of a well-known name are not part of it.
            suffix = _surface(self.text, self.tokens, k, j)
            if suffix in KNOWN_ORGS and _all_demonyms(
                [part for w in words[i:k] for part in w.split("-")]
            ):
                return [_Found(k, j, suffix, ORG)]
        name = _surface(self.text, self.tokens, i, j)
        return [_Found(i, j, name, ORG)]

    def strip_titles(self, i: int, j: int) -> tuple[int, int]:
        """Tokens [i, j) without leading title words ("Lawyer", "Dr.")."""
        while i < j - 1 and (self.words[i] in TITLE_WORDS or self.words[i].lower() in ROLE_NOUNS):
            i += 1
        return i, j

    def after_title(self, i: int, j: int) -> list[_Found]:
        """A span that starts with titles or demonyms: the name at its end, if any."""
        words = self.words
        start = _strip_demonyms(words, i, j)
        k = start
        titled = False
        while k < j and (
            words[k] in TITLE_WORDS
            or (words[k] in ("of", "for") and k > start and words[k - 1] in TITLE_OF_HEADS)
        ):
            titled = titled or words[k] in TITLE_WORDS
            k += 1
        if k >= j:
            return []  # a title alone ("the Foreign Minister")
        if words[k - 1] in ("of", "for"):
            # "President of Russia", "Minister for Korean Peninsula Affairs":
            # what follows names the office's domain, not a person.
            return self.classify_span(k, j)
        if not titled:
            # Only demonyms were stripped: "Russian Foreign Ministry", "Asian Games".
            if start > i:
                rest = self.classify_span(start, j)
                return [f for f in rest if f.kind != "alias"]
            return self.person_or_candidate(i, j)
        if "of" in words[k:j]:
            # "Prof Matthias Keller of the Swiss network", "Analyst Grace Otieno
            # of Savannah Economics": the name, then where the person works.
            cut = words.index("of", k, j)
            return self.after_title(i, cut) + self.classify_span(cut + 1, j)
        tail = self.name_tail(k, j)
        if tail is None:
            return []
        a, b = tail
        if b - a == 1:
            before = words[a - 1] if a > i else ""
            if before in TITLE_MODIFIERS or before not in TITLE_WORDS:
                return []  # "First Amendment", "Supreme Court"-like phrases
            return [_Found(a, b, self.words[a], "alias", evidence=True)]
        return [_Found(a, b, _surface(self.text, self.tokens, a, b), PERSON, evidence=True)]

    def name_tail(self, k: int, j: int) -> tuple[int, int] | None:
        """The person's name at the end of tokens [k, j), or None if none looks like one."""
        words = self.words
        tokens = self.tokens
        a = j
        while a > k and (_is_namelike(tokens[a - 1]) or (words[a - 1] in _PARTICLES and a < j)):
            a -= 1
        if a >= j or (a > k and words[a - 1] in _CONNECTORS):
            return None  # "... Institute on Drug Abuse" ends in no one's name
        for s in range(a, j):
            first = words[s].split("-")[0]
            if (
                (
                    words[s] in GIVEN_NAMES
                    or first in GIVEN_NAMES
                    or words[s] in EAST_ASIAN_FAMILY_NAMES
                )
                and j - s >= 1
                and (j - s >= 2 or s == a)
            ):
                return s, j
        if j - a > 3:
            a = j - 3  # no given name to say where it starts: at most three words
        return a, j

    def classify_word(self, i: int) -> list[_Found]:
        token = self.tokens[i]
        word = token.text
        if word in ACRONYMS:
            return [_Found(i, i + 1, ACRONYMS[word] or word, ORG)]
        if word in PLACE_ACRONYMS:
            return [_Found(i, i + 1, PLACE_ACRONYMS[word], PLACE)]
        if token.allcaps:
            titled = word.title()
            if titled in CALENDAR or word in NON_ORG_CAPS:
                return []
            if len(word) >= 4:
                # Datelines shout place names: "WASHINGTON (AP) —".
                kind = self.places.kind(titled)
                if kind is not None and kind != "small_city":
                    return [_Found(i, i + 1, self.places.display(titled), PLACE)]
            bare = word.replace(".", "")
            if self.text[token.start - 1 : token.start] == ".":
                return []  # market tickers: "(.SPX)"
            if _DATELINE_AGENCY.match(self.text, token.start - 1):
                return []  # the wire in a dateline: "SEOUL, Nov 18 (PWS) -"
            if (
                2 <= len(bare) <= 5
                and bare.isalnum()
                and not bare.isdigit()
                and self.plain_acronym(i)
            ):
                return [_Found(i, i + 1, word, "acronym")]
            return []
        if word in DEMONYMS or word in TITLE_WORDS or word in CALENDAR or word in ORG_HEADS:
            return []
        camel = _CAMEL_CASE.fullmatch(word)
        if camel is not None and camel.group(1) not in _NAME_PREFIXES:
            return [_Found(i, i + 1, word, ORG)]  # "SkyMetrics", "ScotRail": brands
        if (
            len(word.rstrip(".")) < 2
            or word[:2] in ("I'", "I’")
            or ((token.starts_sentence or token.headline) and word.lower() in COMMON_WORDS)
        ):
            return []
        # A lone word is a person only if it has a title or speaks mid-sentence
        # ("Mr. Bashir", "..., Boudreau said"); otherwise it must be a known short form.
        prev = self.prev_word(i)
        evidence = (
            prev in HONORIFICS
            or prev in INVERTED_SPEECH_VERBS
            or (
                not token.starts_sentence
                and not token.headline
                and prev != "the"
                and prev not in _LOCATIVE  # "a professor at Cornell, said"
                and self.speaks(i + 1)
            )
        )
        return [
            _Found(i, i + 1, word, "alias", evidence=evidence, place_cue=self.place_cue(i, i + 1))
        ]

    def plain_acronym(self, i: int) -> bool:
        """True when an unknown all-caps word is likely an acronym, not shouting.

        Shouted words ("VERY", "SLAMS") come in headlines and teasers; an
        acronym stands alone among lower-case words of a punctuated sentence.
        """
        tokens = self.tokens
        word = self.words[i]
        if word.lower() in COMMON_WORDS or tokens[i].headline:
            return False
        for k in (i - 1, i + 1):
            if 0 <= k < len(tokens) and tokens[k].allcaps and self.words[k] not in ACRONYMS:
                return False
        line_end = self.text.find("\n", tokens[i].end)
        line = self.text[tokens[i].end : line_end if line_end != -1 else len(self.text)].rstrip()
        return line.endswith((".", "!", "?", '"', "”", ")", "’", "'"))

    def speaks(self, j: int) -> bool:
        """True when a speech verb directly follows the span ending before token j."""
        nxt = self.next_word(j)
        if nxt in SPEECH_VERBS:
            return True
        return (
            nxt in ("has", "had", "have", "also")
            and j + 1 < len(self.words)
            and self.words[j + 1] in SPEECH_VERBS
        )

    def person_or_candidate(self, i: int, j: int) -> list[_Found]:
        tokens = self.tokens
        words = self.words
        if any(t.allcaps for t in tokens[i:j]):
            return []
        if not all(
            _is_namelike(t) or w in _PARTICLES for t, w in zip(tokens[i:j], words[i:j], strict=True)
        ):
            # A mixed run ("Universal Periodic Review"): only its known parts count.
            return []
        for size in (2, 1):
            # "envoy to Ukraine Kurt Volker": a known place glued to a name.
            if j - i - size >= 2:
                lead = _surface(self.text, tokens, i, i + size)
                kind = self.places.kind(lead)
                if kind is not None and kind != "small_city":
                    return [
                        _Found(i, i + size, self.places.display(lead), PLACE),
                        *self.classify_span(i + size, j),
                    ]
        if j - i > 4:
            return []
        first = words[i].split("-")[0]
        evidence = (
            first in GIVEN_NAMES
            or (words[i] in EAST_ASIAN_FAMILY_NAMES and j - i <= 3)
            or self.prev_word(i).lower() in ROLE_NOUNS
            or self.prev_word(i) in SPEECH_VERBS
            or self.named_after_speech(i)
            # "Residents of Serra Alta said", "Farmers in Serra Alta, the wettest
            # valley, said": the place's people speak, the place is no person.
            or (
                self.prev_word(i) not in _OF_A_PLACE
                and (
                    (self.speaks(j) and self.prev_word(i) != "the")
                    or _APPOSITION.match(self.after(j, 20)) is not None
                )
            )
        )
        name = _surface(self.text, tokens, i, j)
        return [
            _Found(
                i,
                j,
                name,
                PERSON if evidence else "candidate",
                evidence=evidence,
                place_cue=not evidence and self.place_cue(i, j),
            )
        ]

    def headline_pieces(self, i: int, j: int) -> list[_Found]:
        """In title-case lines only known names count: the longest known n-gram wins."""
        found: list[_Found] = []
        k = i
        while k < j:
            for size in (4, 3, 2, 1):
                if k + size > j:
                    continue
                name = _surface(self.text, self.tokens, k, k + size)
                if name in KNOWN_ORGS:
                    found.append(_Found(k, k + size, name, ORG))
                    break
                place = self.places.kind(name)
                if place is not None and place != "small_city":
                    found.append(_Found(k, k + size, self.places.display(name), PLACE))
                    break
                if size == 1 and name in ACRONYMS:
                    found.append(_Found(k, k + 1, ACRONYMS[name] or name, ORG))
                    break
                if size == 1 and name in PLACE_ACRONYMS:
                    found.append(_Found(k, k + 1, PLACE_ACRONYMS[name], PLACE))
                    break
                if size == 1 and self.tokens[k].cap and not self.tokens[k].allcaps:
                    found.append(_Found(k, k + 1, name, "headline"))
            k += size if found and found[-1].i == k else 1
        return found


# -- resolution ------------------------------------------------------------------


def _person_aliases(name: str) -> tuple[list[str], list[str]]:
    """Short forms of a full name: surnames first, then given or family names."""
    parts = name.split()
    if len(parts) < 2:
        return [], []
    strong: list[str] = []
    weak: list[str] = []
    for k, part in enumerate(parts[:-1]):
        if part in _PARTICLES and k > 0:
            surname = " ".join(parts[k:])
            strong += [surname, surname[0].upper() + surname[1:]]
            break
    strong.append(parts[-1])
    prefix, _, bare = parts[-1].partition("-")
    if bare and prefix.lower() in _PARTICLES and bare[:1].isupper():
        strong.append(bare)  # "al-Bashir" is also "Mr. Bashir"
    if parts[0] in EAST_ASIAN_FAMILY_NAMES:
        strong.append(parts[0])
    elif not parts[0].endswith("."):
        weak.append(parts[0])
    return strong, weak


def _person_key(name: str) -> tuple[str, str]:
    parts = [p for p in name.split() if not (len(p) == 2 and p.endswith("."))]
    return (parts[0], parts[-1]) if parts else ("", "")


_MINISTRY_WORDS = frozenset({"Ministry", "Department", "of", "the", "Affairs", "and", "for"})


def _ministry_key(name: str) -> frozenset[str] | None:
    parts = name.split()
    if "Ministry" not in parts and "Department" not in parts:
        return None
    rest = frozenset(p for p in parts if p not in _MINISTRY_WORDS)
    return rest or None


@lru_cache(maxsize=8)
def analyse(body: str) -> Analysis:
    """Every entity mention in `body` (its first `MAX_CHARS` characters)."""
    text = body[:MAX_CHARS]
    if not text.strip():
        return Analysis([], {}, {})
    tokens = _tokenise(text)
    if not tokens:
        return Analysis([], {}, {})
    credit = _mark_lines(text, tokens)
    classifier = _Classifier(text, tokens, gazetteer())
    found: list[_Found] = []
    for i, j in _spans(text, tokens, credit):
        found.extend(classifier.classify(i, j))
    return _resolve(text, tokens, found)


def _alias_tables(people: Iterable[str]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    strong_alias: dict[str, list[str]] = {}
    weak_alias: dict[str, list[str]] = {}
    for person in people:
        strong, weak = _person_aliases(person)
        for a in strong:
            strong_alias.setdefault(a, []).append(person)
        for a in weak:
            weak_alias.setdefault(a, []).append(person)
    return strong_alias, weak_alias


def _resolve(text: str, tokens: list[_Token], found: list[_Found]) -> Analysis:
    # Full person names, merged when they differ only by a middle initial.
    person_by_key: dict[tuple[str, str], str] = {}
    for f in found:
        if f.kind == PERSON and f.rest is None:
            person_by_key.setdefault(_person_key(f.name), f.name)
    # "Unpredictable Sondland" at a sentence start is "Sondland" when that is known.
    strong_alias, _ = _alias_tables(person_by_key.values())
    seen_whole = {f.name for f in found if f.rest is None and f.kind in (PERSON, "candidate")}
    for f in found:
        if f.rest is not None and f.kind in (PERSON, "candidate"):
            first_word = f.name.split()[0]
            if (
                f.name not in seen_whole
                and first_word.endswith(_NOT_NAME_ENDINGS)
                and (f.rest in strong_alias or _person_key(f.rest) in person_by_key)
            ):
                f.name, f.kind, f.evidence = f.rest, "alias" if " " not in f.rest else PERSON, True
                f.i += 1
            elif f.kind == PERSON:
                person_by_key.setdefault(_person_key(f.name), f.name)
    # A name that reads as a place somewhere ("in Riverbend") is that place
    # where it speaks too ("“...,” Riverbend said"), unless it has a given name first.
    place_named = {f.name for f in found if f.place_cue}
    for f in found:
        if (
            f.name in place_named
            and f.kind in (PERSON, "alias", "candidate")
            and f.name.split()[0] not in GIVEN_NAMES
        ):
            f.kind = "candidate" if " " in f.name else "alias"
            f.place_cue, f.evidence = True, False
    # Candidates become people when a later short mention speaks or is titled.
    evidence_words = {f.name for f in found if f.kind == "alias" and f.evidence}
    for f in found:
        if f.kind == "candidate":
            strong, _ = _person_aliases(f.name)
            if _person_key(f.name) in person_by_key or any(a in evidence_words for a in strong):
                f.kind = PERSON
                person_by_key.setdefault(_person_key(f.name), f.name)
    # "Eriksson Ek" after "Joel Eriksson Ek": a shorter full name is the longer one.
    longer: dict[str, str] = {}
    for person in sorted(set(person_by_key.values()), key=lambda p: -p.count(" ")):
        parts = person.split()
        for k in range(1, len(parts) - 1):
            longer.setdefault(" ".join(parts[k:]), person)
    for key, person in list(person_by_key.items()):
        person_by_key[key] = longer.get(person, person)
    people = list(dict.fromkeys(person_by_key.values()))
    strong_alias, weak_alias = _alias_tables(people)
    # A lone name that spoke or had a title ("Trump said", "Prince Harry") is a
    # person the story never names in full: its other mentions count too.
    alone_words = {
        f.name
        for f in found
        if f.kind == "alias" and f.evidence and _alone_as_person(text, tokens, f.i)
    }
    for word in alone_words:
        if word not in strong_alias and word not in weak_alias and word.lower() not in COMMON_WORDS:
            strong_alias[word] = [word]
    # Acronyms: explicit "(JCS)" after a name, then initials of named organisations.
    orgs = [f.name for f in found if f.kind == ORG]
    acronym_of: dict[str, str] = {}
    for f in found:
        if f.kind in (ORG, "candidate") and f.j < len(tokens):
            nxt = tokens[f.j]
            gap = text[tokens[f.j - 1].end : nxt.start]
            if nxt.allcaps and gap.strip() in ("(", ", or", "or"):
                acronym_of.setdefault(nxt.text.replace(".", ""), f.name)
    for org in orgs:
        initials = _initials(org)
        if len(initials) >= 2:
            acronym_of.setdefault(initials, org)
    for org in orgs:
        # "PUC" for the "California Public Utilities Commission": a place or
        # other qualifier in front is often left out of the short form.
        initials = _initials(org)[1:]
        if len(initials) >= 3:
            acronym_of.setdefault(initials, org)
    ministry: dict[frozenset[str], str] = {}
    first_seen = {org: k for k, org in reversed(list(enumerate(orgs)))}
    for org in sorted(
        first_seen, key=lambda o: (not o.startswith(("Ministry", "Department")), first_seen[o])
    ):
        ministry_key = _ministry_key(org)
        if ministry_key is not None:
            ministry.setdefault(ministry_key, org)

    candidate_initials = {_initials(f.name) for f in found if f.kind == "candidate"}
    places = gazetteer()
    # People with a given name first or a title: not re-read as organisations.
    person_names = {f.name for f in found if f.kind == PERSON and f.name.split()[0] in GIVEN_NAMES}
    # Short forms of organisation names: without the legal suffix, and a
    # one-word name before its head ("Brightwater" for "Brightwater Corp").
    org_short: dict[str, str] = {}
    for org in orgs:
        base = _LEGAL_SUFFIX.sub("", org)
        if base != org:
            org_short.setdefault(base, org)
        parts = base.split()
        if len(parts) >= 2 and parts[-1] in ORG_HEADS and parts[-2] not in ORG_HEADS:
            short = " ".join(parts[:-1])  # "Maple Coast" for "Maple Coast Airlines"
            if places.kind(short) is None and short not in KNOWN_ORGS:
                org_short.setdefault(short, org)
    mentions: list[Mention] = []
    genders: dict[str, str] = {}
    last_place = -1  # token index just past the last place, for lists of places
    first_at: dict[str, int] = {}
    last_full_at: dict[str, int] = {}

    def owner(choices: list[str], at: int) -> str:
        """Who a shared short form means: someone named in full just before, else
        whoever the story named first ("Meadows" is the congressman, not his wife)."""
        recent = [p for p in choices if at - last_full_at.get(p, -(10**9)) <= _RECENT_CHARS]
        if recent:
            return max(recent, key=lambda p: last_full_at[p])
        return min(choices, key=lambda p: first_at.get(p, 1 << 62))

    for f in found:
        start, end = tokens[f.i].start, tokens[f.j - 1].end
        kind = f.kind
        name = f.name
        if name in org_short and (
            kind in (PLACE, "candidate")
            or (kind == PERSON and name.split()[0] not in GIVEN_NAMES and name not in person_names)
        ):
            kind, name = ORG, org_short[name]  # "Maple Coast" after "Maple Coast Airlines"
        if kind == PERSON:
            name = person_by_key.get(_person_key(name), name)
        elif kind == "candidate":
            if not _place_by_context(f, text, tokens, last_place):
                continue
            kind = PLACE
        elif (
            kind == PLACE
            and f.j - f.i == 1
            and tokens[f.i].text in strong_alias
            and places.kind(tokens[f.i].text) != "country"
        ):
            # "Pereira" after "Ana Pereira" is her, not the Colombian city.
            owners = strong_alias[tokens[f.i].text]
            name = owner(owners, start)
            kind = PERSON
        elif kind in ("alias", "headline"):
            choices = strong_alias.get(name) or weak_alias.get(name)
            if name in org_short and choices in (None, [name]):
                choices = None  # "Brightwater" after "Brightwater Corp." is the company
            if choices:
                # Who a shared short form means: see owner().
                name = owner(choices, start)
                kind = PERSON
            elif name in org_short:
                name, kind = org_short[name], ORG  # "Brightwater" after "Brightwater Corp."
            elif (
                kind == "alias"
                and f.evidence
                and name.lower() not in COMMON_WORDS
                and _alone_as_person(text, tokens, f.i)
            ):
                kind = PERSON  # a lone surname that speaks or carries a title
            elif (
                kind == "alias"
                and name.lower() not in COMMON_WORDS
                and name not in GIVEN_NAMES
                and _place_by_context(f, text, tokens, last_place)
            ):
                kind = PLACE
            else:
                continue
        elif kind == "acronym":
            bare = name.replace(".", "")
            if bare in acronym_of:
                name, kind = acronym_of[bare], ORG
            elif bare in candidate_initials:
                continue  # stands for something that is not an organisation
            else:
                kind = ORG
        if kind == ORG:
            ministry_key = _ministry_key(name)
            if ministry_key is not None and ministry_key in ministry:
                name = ministry[ministry_key]
        if kind == PERSON:
            first_at.setdefault(name, start)
            if f.kind == PERSON:
                last_full_at[name] = start
            cue = _gender_cue(text, tokens, f.i, name)
            if cue and name not in genders:
                genders[name] = cue
        if kind == PLACE:
            last_place = f.j
        mentions.append(Mention(start, end, name, kind))
    mentions = _merge_legal_forms(mentions)
    kinds: dict[str, str] = {}
    surfaces: dict[str, str] = {}
    for m in mentions:
        kinds.setdefault(m.name, m.kind)
        surfaces.setdefault(_SPACES.sub(" ", text[m.start : m.end]), m.name)
    # A name seen as two kinds keeps the kind of its first mention.
    mentions = [m for m in mentions if kinds[m.name] == m.kind]
    genders = {name: sex for name, sex in genders.items() if kinds.get(name) == PERSON}
    return Analysis(mentions, kinds, surfaces, genders)


def _alone_as_person(text: str, tokens: list[_Token], i: int) -> bool:
    """A name never given in full is a person only after a comma, quote or title.

    "“...,” Boudreau said", "Mr. Bashir", "minister Boudreau said" are people;
    "Tuberculosis and Malaria said", "la patronal Anesco afirmó" may be bodies.
    """
    if i == 0 or not _joined(text, tokens[i - 1], tokens[i]):
        return True
    prev = tokens[i - 1].text
    return (
        prev in HONORIFICS
        or prev in INVERTED_SPEECH_VERBS
        or prev in TITLE_WORDS
        or prev.lower() in ROLE_NOUNS
    )


# "and"/"or" in the languages read: "Ibura, Jardim São Paulo e Areias", "Sagunto y Gandía".
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:(?:and|or|y|e|et|und|o|ou)\s+)?|\s(?:and|or|y|e|et|und|o|ou)\s+)"
)


def _place_by_context(f: _Found, text: str, tokens: list[_Token], last_place: int) -> bool:
    """A name nothing else claims is a place after 'near'/'in' or in a list of places
    ("between Crianlarich and Oban", "Marsabit, Turkana and Wajir")."""
    if f.place_cue:
        return True
    return (
        last_place > 0
        and last_place <= f.i
        and _LIST_GAP.fullmatch(text, tokens[last_place - 1].end, tokens[f.i].start) is not None
    )


def _gender_cue(text: str, tokens: list[_Token], i: int, name: str) -> str | None:
    """'f' or 'm' when a title, role noun or given name shows it, else None."""
    k = i - 1
    for _ in range(2):  # "Prince Harry", "his wife Grace", "Mrs. Theresa May"
        if k < 0 or not _joined(text, tokens[k], tokens[k + 1]):
            break
        if tokens[k].text in FEMALE_CUES:
            return "f"
        if tokens[k].text in MALE_CUES:
            return "m"
        k -= 1
    first = name.split()[0]
    if first in FEMALE_GIVEN_NAMES and " " in name:
        return "f"
    return None


_LEGAL_SUFFIX = re.compile(r",?\s+(?:Inc|Corp|Co|Ltd|LLC|LLP|PLC|Plc|plc|GmbH|AG|SA|NV)\.?$")


def _merge_legal_forms(mentions: list[Mention]) -> list[Mention]:
    """ "Ceres Robotics" and "Ceres Robotics Inc." are one organisation: the first form seen."""
    first_form: dict[str, str] = {}
    for m in mentions:
        if m.kind == ORG:
            first_form.setdefault(_LEGAL_SUFFIX.sub("", m.name), m.name)
    return [
        Mention(m.start, m.end, first_form[_LEGAL_SUFFIX.sub("", m.name)], m.kind)
        if m.kind == ORG
        else m
        for m in mentions
    ]


def _title_mentions(title: str, analysis: Analysis) -> list[tuple[str, str]]:
    """Names in a headline: forms the body used ("Haddad"), then known places and orgs."""
    words = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(title)]
    found: list[tuple[str, str]] = []
    taken: set[int] = set()
    k = 0
    while k < len(words):
        for size in (4, 3, 2, 1):
            if k + size > len(words):
                continue
            start, end = words[k][1], words[k + size - 1][2]
            surface = _SPACES.sub(" ", title[start:end])
            for form in (surface, surface[:-2] if surface.endswith(("'s", "’s")) else surface):
                name = analysis.surfaces.get(form)
                if name is not None:
                    found.append((name, analysis.kinds[name]))
                    taken.update(range(start, end))
                    break
            else:
                continue
            k += size
            break
        else:
            k += 1
    for m in analyse(title).mentions:
        if m.kind in (PLACE, ORG) and m.start not in taken:
            found.append((m.name, m.kind))
    return found


def find_entities(body: str, *, title: str = "", exclude: Iterable[str] = ()) -> EntityResult:
    """People, organisations and places in `body`, each once, most mentioned first.

    `title` mentions add to the counts of names the body already has (and to
    known places and organisations); `exclude` drops names, e.g. the authors.
    """
    analysis = analyse(body if isinstance(body, str) else "")
    counts: dict[str, int] = {}
    for m in analysis.mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    kinds = dict(analysis.kinds)
    if isinstance(title, str) and title.strip():
        for name, kind in _title_mentions(title[:2000], analysis):
            counts[name] = counts.get(name, 0) + 1
            kinds.setdefault(name, kind)
    dropped = {e.casefold().strip() for e in exclude if isinstance(e, str) and e.strip()}
    if dropped:
        for surface, name in analysis.surfaces.items():
            if surface.casefold() in dropped:
                dropped.add(name.casefold())
    order = {name: k for k, name in enumerate(kinds)}
    ranked = sorted(counts, key=lambda n: (-counts[n], order[n]))
    result = EntityResult()
    for name in ranked:
        if name.casefold() in dropped:
            continue
        kind = kinds[name]
        target = {PERSON: result.people, ORG: result.organizations, PLACE: result.places}[kind]
        target.append(name)
        result.counts[name] = counts[name]
    return result
