"""The cues around a span: the words before and after it, a dateline, a list of places."""

from __future__ import annotations

import re

from newsdesk.extract.data.common_words import COMMON_WORDS
from newsdesk.extract.data.cues import (
    ACRONYMS,
    ORG_ROLE_NOUNS,
)
from newsdesk.extract.data.entity_words import (
    LOCATIVE,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
)
from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.data.place_exonyms import EXONYMS
from newsdesk.extract.data.speech import SPEECH_PERFECTS, SPEECH_VERBS
from newsdesk.extract.data.titles import FOREIGN_ROLE_NOUNS, ROLE_NOUNS
from newsdesk.extract.entities.compounds import is_english, is_german, noun_shaped, place_part
from newsdesk.extract.entities.result import PLACE
from newsdesk.extract.entities.spans import Found, is_namelike
from newsdesk.extract.entities.tokens import (
    SPACES,
    Token,
    joined,
    line_begin,
)
from newsdesk.extract.gazetteer import Gazetteer

#: What may stand between a name and the word after it: spaces, one comma.
_NEXT_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+")


#: A speech verb, then a lower-case role set off by a comma ("a déclaré la directrice, ").
_SPEECH_THEN_ROLE = re.compile(
    r"\b(?:(?:a|hat|ha)\s+)?(?:"
    + "|".join(
        sorted((re.escape(v) for v in SPEECH_VERBS | SPEECH_PERFECTS), key=len, reverse=True)
    )
    + r")"
    r"\s+(?:[a-zà-ÿ][\w'’-]*\s+){0,6}?[a-zà-ÿ][\w'’-]*,\s$"
)


#: The end of a wire's credit in a dateline: ") -", "/ --", "):".
#: ", ministro de Hacienda", ", the minister of": an office set off after a name; the role
#: word is checked against the role nouns, the "of" keeps a place's description out.
_OFFICE_APPOSITION = re.compile(
    r",\s+(?:(?:el|la|the|der|die|le)\s+)?(\w+(?:-\w+)?)\s+(?:de|del|of|for|des|der|du)\b"
)
#: German nouns for a kind of place, which the place's own name follows ("Region Turkana").
_GERMAN_PLACE_KINDS = frozenset(
    ["Region", "Provinz", "Bezirk", "Landkreis", "Kanton", "Bundesstaat", "Distrikt", "Insel"]
)
#: ", which" after a name: the relative pronoun of a thing.
_THING_CLAUSE = re.compile(r",\s+which\b")
_CREDIT_CLOSE = re.compile(r"[)/]\s*(?:[-—–]{1,2}|:)")


#: Words after which a noun of `ORG_ROLE_NOUNS` is an adjective ("but firm", "very firm").
_BEFORE_ADJECTIVE = frozenset({"but", "and", "or", "very", "so", "too", "more", "most", "as"})


#: An acronym a text defines as the name of a kind of thing ("persistent substances known
#: as PFAS", "chemicals, called PCBs"): a term, no organisation, wherever it stands.
_KIND_NOUNS = [
    "substances",
    "chemicals",
    "compounds",
    "molecules",
    "pollutants",
    "particles",
    "gases",
    "drugs",
    "medicines",
    "pesticides",
    "materials",
    "proteins",
    "genes",
    "cells",
    "viruses",
    "bacteria",
    "devices",
    "loans",
    "bonds",
    "securities",
    "assets",
    "tokens",
    "vehicles",
    "weapons",
    "missiles",
]
_KIND_VERBS = ("known as", "called", "dubbed", "termed")
_KIND_TERM = re.compile(
    rf"\b(?:{'|'.join(_KIND_NOUNS)})\W{{1,3}}"
    rf"(?:{'|'.join(_KIND_VERBS)})\s+(?:the\s+)?([A-Z][A-Z0-9]{{1,5}})s?\b"
)
#: How far before its verb a `_KIND_TERM` match can start: the longest noun, three gap characters.
_KIND_REACH = max(map(len, _KIND_NOUNS)) + 3


def kind_terms(text: str) -> frozenset[str]:
    """The acronyms `_KIND_TERM` finds in `text`, tried only just before each of its verbs.

    The same set as `finditer` over the whole text: every match holds a verb that starts
    `len(noun) + 1..3` characters after it, and no two matches overlap (a noun, a gap of
    non-word characters, a verb, spaces and capitals: no noun can start inside another
    match), so a match at each start tried is one `finditer` gives. The verbs are found by
    `str.find`; the whole-text scan tried the 25 nouns at every position: 1.32 M -> 0.05 M
    instructions a text over 502 shared and synthetic bodies.
    """
    found: set[str] = set()
    match = _KIND_TERM.match
    for verb in _KIND_VERBS:
        at = text.find(verb)
        while at != -1:
            for start in range(max(0, at - _KIND_REACH), at):
                term = match(text, start)
                if term is not None:
                    found.add(term[1])
            at = text.find(verb, at + 1)
    return frozenset(found)


class Context:
    """The text, its tokens and the gazetteer, with the cues around a span."""

    def __init__(self, text: str, tokens: list[Token], places: Gazetteer) -> None:
        self.text = text
        self.tokens = tokens
        self.places = places
        self.words = [t.text for t in tokens]
        self._kind_terms: frozenset[str] | None = None
        self._german: bool | None = None
        self._english: bool | None = None

    @property
    def english(self) -> bool:
        """The text is English copy (read once, at the first exonym asked about)."""
        if self._english is None:
            self._english = is_english(self.text)
        return self._english

    @property
    def german(self) -> bool:
        """The text is German copy (read once, at the first place cue asked about)."""
        if self._german is None:
            self._german = is_german(self.text)
        return self._german

    def kind_term(self, word: str) -> bool:
        """`word` is an acronym the text defines as a kind of thing (`_KIND_TERM`); the
        text is searched once, at the first acronym asked about."""
        if self._kind_terms is None:
            self._kind_terms = kind_terms(self.text)
        return word.rstrip("s") in self._kind_terms or word in self._kind_terms

    def named_after_speech(self, i: int) -> bool:
        """'..., a déclaré la directrice du musée, Hélène Garnier': the name a
        speech verb and a lower-case role lead up to, set off by a comma."""
        start = self.tokens[i].start
        if self.text[start - 2 : start] != ", ":
            return False
        lead = self.text[max(line_begin(self.text, start), start - 100) : start]
        return _SPEECH_THEN_ROLE.search(lead) is not None

    def dateline_credit(self, i: int, j: int) -> bool:
        """'LAGOS, March 3 (Continental Wire) -', '/Meridian Newswire/ --': the wire that
        filed the story, credited in its dateline, is no organisation in it."""
        start, end = self.tokens[i].start, self.tokens[j - 1].end
        opener = self.text[start - 1 : start]
        if opener not in ("(", "/") or start - line_begin(self.text, start) > 80:
            return False
        closer = ")" if opener == "(" else "/"
        return _CREDIT_CLOSE.match(self.text, end) is not None and self.text[end] == closer

    def place_cue(self, i: int, j: int, prev: str | None = None) -> bool:
        """'near Dalmally', 'in Ringsend', 'the Serra Alta valley': the span reads as a place.

        `prev`: `prev_word(i)` when the caller has it already.
        """
        if prev is None:
            prev = self.prev_word(i)
        if prev in PLACE_PREPOSITIONS:
            # German capitalises every noun: "in Windkraft", "in Zukunft" are no places.
            return not self.german and not noun_shaped(self.words[j - 1])
        if prev.lower() != "the" or j >= len(self.tokens):
            return False
        nxt = self.tokens[j]
        return joined(self.text, self.tokens[j - 1], nxt) and nxt.text in PLACE_NOUNS

    def place_after_kind(self, i: int, j: int) -> Found | None:
        """'der Region Turkana', 'in die Provinz Kandahar': in German copy, the one name word
        after a noun for a kind of place is that place (the nouns before go); not a known
        place's genitive ("Region Europas")."""
        k = j - 2
        if k < i or self.words[k] not in _GERMAN_PLACE_KINDS or not self.german:
            return None
        word = self.words[j - 1]
        if not is_namelike(self.tokens[j - 1]) or noun_shaped(word):
            return None
        if word.endswith("s") and self.places.kind(word[:-1]) is not None:
            return None
        return Found(j - 1, j, word, PLACE)

    def thing_named(self, i: int, j: int) -> bool:
        """'the giant Tāne Mahuta, which': a tree, a rock or a ship, not a person ("who")."""
        if not _THING_CLAUSE.match(self.after(j, 10)):
            return False
        before = self.prev_word(i)
        return before == "the" or (bool(before) and self.prev_word(i - 1) == "the")

    def prev_word(self, i: int) -> str:
        """The word right before token i on the same line, spaces only between."""
        if i == 0 or not joined(self.text, self.tokens[i - 1], self.tokens[i]):
            return ""
        return self.tokens[i - 1].text

    def org_named_before(self, i: int) -> bool:
        """A lowercase noun for a kind of organisation stands right before the name
        ("grid operator Redes Atlântico"), and the name opens with no given name ("camera
        operator Jane Roe" is a person). After "but", "very"... the noun is an adjective
        ("the soft-spoken but firm Tegnell")."""
        return (
            self.prev_word(i) in ORG_ROLE_NOUNS
            and self.words[i].split("-")[0] not in GIVEN_NAMES
            and (i < 2 or self.words[i - 2].lower() not in _BEFORE_ADJECTIVE)
        )

    def office_after(self, j: int) -> bool:
        """'Elián Villegas, ministro de Hacienda': the name holds the office set off after it."""
        office = _OFFICE_APPOSITION.match(self.after(j, 40))
        if office is None:
            return False
        role = office.group(1).lower()
        return role in ROLE_NOUNS or role in FOREIGN_ROLE_NOUNS

    def role_set_off(self, i: int, j: int) -> bool:
        """The span is set off by commas right after a role noun: "its technical director,
        Ola Hughes-Jensen, ..." (an apposition names the person holding the role)."""
        if i == 0 or j >= len(self.tokens):
            return False
        before = self.tokens[i - 1]
        return (
            before.text.lower() in ROLE_NOUNS
            and self.text[before.end : self.tokens[i].start] == ", "
            and self.text[self.tokens[j - 1].end : self.tokens[j - 1].end + 1] == ","
        )

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
            whole = place_part(name)  # "Südfrankreich", "Oberbayern"
            # Not a small town's: "Niederlage" (a defeat) is no part of Lage.
            known = whole is not None and self.places.kind(whole) not in (None, "small_city")
            return name if known else None
        if name in EXONYMS and self.english:
            return None  # "Jupiter's moon Europa": the German name of Europe only in German
        if kind == "small_city":
            # Small towns double as surnames: only with a locative word or a
            # following ", Region" ("in Hamilton", "Hamilton, Ontario").
            prev = self.prev_word(i).lower()
            if (
                prev not in LOCATIVE
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
        if tokens[k].text in ("and", "or") and SPACES.fullmatch(gap):
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
