"""What the text calls a name: "brewer Van Hoorn" is a company, "substances known as PFAS" no body.

A capitalised run with no cue of its own is read as a person when it speaks or
has a given name first; but news copy usually says what a company is the
first time it names it: a descriptor noun right before the name ("Dutch brewer
Van Hoorn", "grid operator Redes Atlântico"), an apposition after it ("Ciclo, a
Lisbon-based startup"), or a trade word inside the name ("Brasserie Meuse").
Those make the name an organisation, and its later bare mentions with it.

A gazetteer town of two or more words ("Hazel Grove", "Bishop Auckland") is that
town, not a person for its given name or title word alone; only what the text
says (a speech verb, an honorific or role noun before it, ", who") makes it one.

An unknown acronym the text introduces as a thing ("chemicals known as PFAS",
"substances (PFAS)") is no organisation anywhere in the text.
"""

from __future__ import annotations

import re

from newsdesk.extract.data import word_set
from newsdesk.extract.data.cues import ORG_HEADS, ORG_LEADS
from newsdesk.extract.data.demonyms import DEMONYMS
from newsdesk.extract.data.entity_words import ADJECTIVE_SUFFIXES
from newsdesk.extract.data.given_names import GIVEN_NAMES
from newsdesk.extract.data.titles import HONORIFICS, ROLE_NOUNS, TITLE_WORDS
from newsdesk.extract.entities.context import Context
from newsdesk.extract.entities.result import ORG, PLACE
from newsdesk.extract.entities.spans import Found, is_namelike, surface
from newsdesk.extract.entities.tokens import Token
from newsdesk.extract.gazetteer import Gazetteer

#: Nouns that say the next name is a business or a body ("brewer Van Hoorn").
#: None is a person's job: those are `ROLE_NOUNS` and mean the opposite.
ORG_DESCRIPTORS = word_set(
    """
    brewer brewery distiller winemaker startup start-up firm company companies bank lender
    insurer reinsurer utility regulator agency union association carrier airline retailer
    supermarket grocer chain conglomerate automaker carmaker chipmaker drugmaker
    pharmaceutical miner telco broadcaster newspaper broadsheet tabloid website
    outlet manufacturer supplier distributor wholesaler shipper haulier railway operator
    group rival unicorn fintech nonprofit non-profit charity watchdog organisation
    organization consortium cooperative co-operative co-op subsidiary unit affiliate
    exchange bourse fund partnership venture brand label publisher studio maker
    consultancy think-tank pollster magazine app platform marketplace provider streamer
    exporter importer militia faction party coalition alliance club restaurant
    """
)

#: Descriptors that also stand before people ("his rival Joe Tan", "tour operator
#: Ann Li"): they name an organisation only when no given name follows them.
_LOOSE = word_set(
    "rival operator group maker unit label publisher studio venture brand pollster platform "
    "party coalition alliance club faction"
)

#: Words before a descriptor that make it a person's ("his rival", "Democratic rival")
#: or an adjective ("soft-spoken but firm Tegnell").
_PERSONAL = word_set(
    "his her political longtime long-time former old but very so too more most less quite "
    "democratic republican democrat labour labor conservative tory liberal socialist gop"
)

#: Words that name a trade or a company form inside a name ("Brasserie Meuse",
#: "Garant Biztosító Zrt"): never a person's name.
TRADE_WORDS = word_set(
    """
    Brasserie Brasseries Brouwerij Cervecería Cerveceria Cervejaria Birrificio Browar Pivovar
    Sörgyár Distillerie Destilería Bodegas Winery Vineyards Banca Banco Banque Banka Bankas
    Bankasi Bankası Caixa Seguros Assicurazioni Biztosító Biztosito Egyesület Egyesulet
    Egyesülete Egyesulete Szövetség Szovetseg Zrt Kft Nyrt SpA S.p.A. Srl S.r.l. BV B.V. Oyj
    ASA Ltda Lda SARL Aerolíneas Aerolineas Linhas Ferrovie Ferrocarriles Correios Correos
    Eléctrica Electrica Elétrica Eletrica Electricidade Airways Airlines Brewing Breweries
    """
)

#: English trade words that open a name: "Bank Pekao".
_LEADING_TRADE = word_set("Bank")

#: After an appositive's descriptor: the end of the phrase or a word that goes on
#: describing the company ("a Lisbon-based startup that recovers lithium").
_APPOSITION_END = re.compile(
    r"(?:[,.;:)!?]|\s+[—–-]|\s*$|\s+(?:that|which|whose|with|in|from|founded|owned|backed|"
    r"headquartered|known|listed|specialising|specializing|and|for|on|at|of|since|where|"
    r"run|controlled|making|selling|behind|best)\b)"
)

#: ", a", ", an", ", the": an apposition that may say what the name is.
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+")
_WORD = re.compile(r"[\w'’.-]+")

#: Words an apposition's descriptor may not reach over: a person's job "at the firm".
_APPOSITION_STOPS = word_set(
    "at of for in with who and or from to by on as whose that which the a an his her their "
    "its was is has had said says"
)

#: Verbs whose subject after "the company" is the person who acts on it: "the company
#: Jane Roe founded", "the firm Okafor runs" (unless an object follows).
_RELATIVE_VERBS = word_set(
    """
    founded co-founded cofounded runs ran owns owned leads led bought started starts built
    manages managed heads headed chairs chaired joined left created launched sold works
    worked established set took took over took-over advises advised represents represented
    """
)

#: What may open an object after such a verb: then the name is its subject, a company.
_OBJECT_OPENERS = word_set("a an the its their his her some two three several")

#: Nouns that say an acronym names a thing, not a body.
THING_NOUNS = word_set(
    """
    chemical chemicals substance substances compound compounds pollutant pollutants
    toxin toxins drug drugs medicine medicines molecule molecules protein proteins gene
    genes virus viruses disease diseases condition conditions disorder disorders syndrome
    infection infections vaccine vaccines pesticide pesticides fertiliser fertilisers
    fertilizer fertilizers gas gases fuel fuels material materials plastic plastics
    particle particles acid acids hormone hormones mineral minerals metal metals
    """
)

#: ", who", ", 45,", ", aged": the text gives the name as a person's.
_PERSON_APPOSITION = re.compile(r",\s+(?:who|whose|\d{1,3},|aged|[a-z]+-year-old)\b")

_AS_THING = re.compile(
    r"\b([a-z]+),?\s+(?:known\s+as|called|dubbed|such\s+as|including|like)\s+$|"
    r"\b([a-z]+)\s*\($"
)


class Descriptors(Context):
    """The cues in the text that say what a name is, beyond its own words."""

    def __init__(self, text: str, tokens: list[Token], places: Gazetteer) -> None:
        super().__init__(text, tokens, places)
        #: Names made organisations by a descriptor: their bare mentions count too.
        self.described: set[str] = set()
        #: Acronyms the text introduces as things: no organisation anywhere.
        self.things: set[str] = set()

    def described_word(self, i: int, prev: str) -> Found | None:
        """A lone word as an organisation ("startup Ciclo", "Ciclo, a startup"), else None;
        `prev` is `prev_word(i)`. Cheap tests first: most words have neither cue."""
        if prev not in ORG_DESCRIPTORS and self.after(i + 1, 1) != ",":
            return None
        return self.described_org(i, i + 1)

    def described_org(self, i: int, j: int) -> Found | None:
        """The span as an organisation when a descriptor or trade word says so, else None."""
        words = self.words
        first = words[i]
        tokens = self.tokens
        if (
            j - i >= 2
            and tokens[i].starts_sentence
            and first.lower() in ORG_DESCRIPTORS
            and first.lower() not in _LOOSE
            and first not in ORG_HEADS  # "Exchange", "Union" open names too
            and first not in ORG_LEADS
        ):
            return self._as_org(i + 1, j)  # "Insurer Zelkova Mutua said": the noun opens
        if (
            (first in _LEADING_TRADE and j - i >= 2) or not TRADE_WORDS.isdisjoint(words[i:j])
        ) and all(
            w in TRADE_WORDS or w in _LEADING_TRADE or is_namelike(t)
            for t, w in zip(tokens[i:j], words[i:j], strict=True)
        ):
            # German capitalises every noun: a trade word among lower-case or
            # common words ("Bank das Auto") names no company.
            return self._as_org(i, j)
        # The cheap tests inline: most names have no descriptor before, no comma after.
        if (i > 0 and words[i - 1] in ORG_DESCRIPTORS and self._descriptor_before(i, j)) or (
            self.text[tokens[j - 1].end : tokens[j - 1].end + 1] == ","
            and self._descriptor_after(j)
        ):
            return self._as_org(i, j)
        return None

    def _as_org(self, i: int, j: int) -> Found:
        name = surface(self.text, self.tokens, i, j)
        self.described.add(name)
        return Found(i, j, name, ORG)

    def _descriptor_before(self, i: int, j: int) -> bool:
        """'Dutch brewer Van Hoorn', 'grid operator Redes Atlântico', 'startup Ciclo'."""
        noun = self.prev_word(i)
        if noun not in ORG_DESCRIPTORS:
            return False
        before = self.prev_word(i - 1).lower()
        if before in _PERSONAL:
            return False
        first = self.words[i].split("-")[0]
        if first in GIVEN_NAMES and (
            noun in _LOOSE or not (self.prev_word(i - 1) in DEMONYMS or _is_based(before))
        ):
            # "the firm Jane Roe founded": a given name wins unless the descriptor
            # is plainly a company's ("Dutch brewer", "Lisbon-based lender").
            return False
        return not self._relative_subject(j)

    def _relative_subject(self, j: int) -> bool:
        """'the company Jane Roe founded in 2019': the name acts on the company."""
        if j >= len(self.tokens) or self.next_word(j) not in _RELATIVE_VERBS:
            return False
        if self.text[self.tokens[j - 1].end : self.tokens[j].start] != " ":
            return False
        if j + 1 >= len(self.tokens):
            return True
        gap = self.text[self.tokens[j].end : self.tokens[j + 1].start]
        nxt = self.tokens[j + 1]
        return not (gap == " " and (nxt.cap or nxt.text in _OBJECT_OPENERS))

    def _descriptor_after(self, j: int) -> bool:
        """'Ciclo, a Lisbon-based startup that ...', 'Acme, the Dutch lender,'."""
        after = self.after(j, 90)
        opening = _APPOSITION.match(after)
        if opening is None:
            return False
        for word in _WORD.finditer(after, opening.end()):
            text = word.group().rstrip(".")
            lower = text.lower()
            if lower in _APPOSITION_STOPS or lower in ROLE_NOUNS or word.start() > 70:
                return False  # "Jane Roe, a lawyer at the firm": someone's job
            if text in ORG_DESCRIPTORS:
                return _APPOSITION_END.match(after, word.start() + len(text)) is not None
            if text.endswith(("'s", "’s")) and text[:1].islower():
                return False  # "Jane Roe, the bank's chief": the noun is someone's
        return False

    def town_not_person(self, i: int, j: int) -> Found | None:
        """'Hazel Grove', 'Bishop Auckland': a town of two or more words that opens with a
        given name or a title is that town unless the text gives it as a person's name.
        (A lone word stays the surname it often is: `place_name` wants a locative.)"""
        if j - i < 2:
            return None
        first = self.words[i]
        if first not in GIVEN_NAMES and first not in TITLE_WORDS:
            return None
        name = surface(self.text, self.tokens, i, j)
        if self.places.kind(name) is None:
            return None
        prev = self.prev_word(i)
        if (
            prev in HONORIFICS
            or prev.lower() in ROLE_NOUNS
            or self.speaks(j)
            or _PERSON_APPOSITION.match(self.after(j, 20))
        ):
            return None
        return Found(i, j, self.places.display(name), PLACE)

    def titled_town(self, start: int, k: int, j: int) -> Found | None:
        """'MP for Bishop Auckland': a title word in [start, k) that opens a town ending at j."""
        for s in range(start, k):
            if self.words[s] in TITLE_WORDS:
                town = self.town_not_person(s, j)
                if town is not None:
                    return town
        return None

    def thing_acronym(self, i: int) -> bool:
        """'chemicals known as PFAS', 'polyfluoroalkyl substances (PFAS)': a thing's short form."""
        start = self.tokens[i].start
        match = _AS_THING.search(self.text, max(0, start - 60), start)
        if match is None or (match.group(1) or match.group(2)) not in THING_NOUNS:
            return False
        self.things.add(self.words[i])
        return True


def _is_based(word: str) -> bool:
    """'lisbon-based', 'state-owned': a compound that places or owns the company."""
    return "-" in word and word.rsplit("-", 1)[-1] in ADJECTIVE_SUFFIXES
