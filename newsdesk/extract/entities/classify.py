"""What one span names: a person, an organisation, a place, a short form to resolve, or nothing."""

from __future__ import annotations

import re

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
from newsdesk.extract.data.entity_words import (
    ADJECTIVE_SUFFIXES,
    COMPASS,
    COMPLETE_ORG_HEADS,
    CONNECTORS,
    EVENT_HEADS,
    FOREIGN_ARTICLES,
    LOCATIVE,
    LOWER_ARTICLES,
    NAME_PREFIXES,
    OF_A_PLACE,
    PARTICLES,
    SURNAME_HEADS,
)
from newsdesk.extract.data.given_names import (
    EAST_ASIAN_FAMILY_NAMES,
    GIVEN_NAMES,
)
from newsdesk.extract.data.speech import INVERTED_SPEECH_VERBS, SPEECH_VERBS
from newsdesk.extract.data.titles import (
    HONORIFICS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_OF_HEADS,
    TITLE_PLURALS,
    TITLE_WORDS,
)
from newsdesk.extract.entities.compounds import (
    CONTRACTED_ARTICLES,
    DESCRIPTOR_COMPOUND,
    GERMAN_ORG_WORD,
    GLUED_ENDINGS,
    ROLE_COMPOUND,
    SENTENCE_OPENERS,
    known_given_name,
)
from newsdesk.extract.entities.descriptors import Descriptors
from newsdesk.extract.entities.headline_names import headline_pieces
from newsdesk.extract.entities.hyphen_prefix import prefix_names
from newsdesk.extract.entities.result import ORG, PERSON, PLACE
from newsdesk.extract.entities.spans import (
    Found,
    all_demonyms,
    given_name_first,
    is_namelike,
    numbered_unit,
    strip_demonyms,
    surface,
)

#: "And" in the languages whose particles may join a name ("y", "e", "i", "und", "et").
_PLACE_AND = frozenset({"y", "e", "i", "und", "et", "en", "och", "og"})
_APPOSITION = re.compile(
    r",\s+(?:who|whose|\d{1,3},|a|an|the|[a-z]+-year-old|aged|himself|herself)\b"
)

#: One word with a capital inside ("SkyMetrics"): a brand, unless the first
#: part is a name prefix ("McDonald", "DiCarlo", "LeBron", "MacArthur").
_CAMEL_CASE = re.compile(r"([A-Z][a-z]+)[A-Z][A-Za-z]*")

_DATELINE_AGENCY = re.compile(r"\([A-Z]{2,6}\)\s*[-—–]")


class Classifier(Descriptors):
    """Decides what each span names, from its words and the cues around it."""

    def classify(self, i: int, j: int) -> list[Found]:
        tokens = self.tokens
        words = self.words
        # Sentence-initial ordinary words and calendar words are not names.
        while i < j and (
            ((tokens[i].starts_sentence or tokens[i].headline) and words[i].lower() in COMMON_WORDS)
            or (tokens[i].starts_sentence and words[i] in SENTENCE_OPENERS)  # "Im Februar"
            or (words[i] in CALENDAR and not given_name_first(self.tokens, i, j))
            or words[i] in CONNECTORS
            or (words[i] == "The" and not self.known_with_the(i, j))
            # "Die Verbraucherzentrale Hessen", "El Ministerio de Transportes" ("Los Angeles" stays).
            or (words[i] in FOREIGN_ARTICLES and j - i > 1 and not self.known_with_the(i, j))
        ):
            i += 1
        if (  # "Im Norden", "Beim Essen": German puts no article before a town
            j - i == 1
            and i > 0
            and words[i - 1] in CONTRACTED_ARTICLES
            and self.places.kind(words[i]) in ("city", "small_city")
        ):
            return []
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
            while i < j and words[i] in CONNECTORS:
                i += 1
        based: list[Found] = []
        for k in range(j - 1, i - 1, -1):
            if "-" in words[k] and words[k].rsplit("-", 1)[-1] in ADJECTIVE_SUFFIXES:
                # "Mercer Island-based Acme Company": the name follows; "Osaka-based"
                # still names a place.
                based += prefix_names(self.places, k, words[k].rsplit("-", 1)[0])
                i = k + 1
                break
        while j > i and (
            words[j - 1] in CONNECTORS
            or (words[j - 1] in CALENDAR and not (j - i == 2 and words[i] in GIVEN_NAMES))
        ):
            j -= 1
        if i >= j:
            return based
        if tokens[i].headline:
            return based + headline_pieces(self, i, j)
        found = based + self.classify_span(i, j)
        if (
            tokens[i].starts_sentence
            and j - i >= 2
            and words[i] not in GIVEN_NAMES
            and words[i] not in EAST_ASIAN_FAMILY_NAMES
        ):
            for f in found:
                if f.i == i and f.kind in (PERSON, "candidate"):
                    f.rest = surface(self.text, tokens, i + 1, f.j)
        return found

    def known_with_the(self, i: int, j: int) -> bool:
        """True for names that begin with "The" ("The Hague", "The Gambia")."""
        return i + 1 < j and self.places.kind(surface(self.text, self.tokens, i, i + 2)) is not None

    def classify_span(self, i: int, j: int) -> list[Found]:
        tokens = self.tokens
        words = self.words
        while i < j and words[i] in CONNECTORS:
            i += 1  # "for the Western District" after a split: no "the" in names
        while j > i and words[j - 1] in CONNECTORS:
            j -= 1
        if i >= j:
            return []
        if self.dateline_credit(i, j):
            return []
        name = surface(self.text, tokens, i, j)
        if name in KNOWN_ORGS:
            return [Found(i, j, name, ORG)]
        place = self.place_name(name, i, j)
        if place is not None:
            return [Found(i, j, place, PLACE)]
        if j - i > 1 and (town := self.town_not_person(i, j)) is not None:
            return [town]  # "Hazel Grove", "Bishop Auckland"
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
            name = surface(self.text, tokens, titled, j)
            return [*head, Found(titled, j, name, PERSON, evidence=True)]
        for k in range(i + 2, j - 1):
            if words[k] in FOREIGN_ORG_LEADS and words[k - 1] in LOWER_ARTICLES:
                # "Según la Autoridad Portuaria de Valencia": the body starts at its lead.
                return self.classify_span(i, k - 1) + self.org_with_prefix(k, j)
        if (glued := self.glued_compound(i, j)) is not None:
            return glued  # "Wirtschaftsminister Markus Söder", "Konzern LVMH"
        if any(GERMAN_ORG_WORD.search(w) for w in words[i:j]):
            # "Verbraucherzentrale Hessen", "Energieversorgung Kassel": German
            # compounds end in the kind of body they name.
            return self.org_with_prefix(i, j)
        for k in range(i + 1, j - 1):
            if words[k] in _PLACE_AND:
                # "Madrid y Barcelona", "Porto e Lisboa": two places joined by "and", not a
                # double surname ("Ortega y Gasset") when both sides are known places.
                left = surface(self.text, tokens, i, k)
                right = surface(self.text, tokens, k + 1, j)
                if all(
                    self.places.kind(part) not in (None, "small_city") for part in (left, right)
                ):
                    return self.classify_span(i, k) + self.classify_span(k + 1, j)
        if "and" in inner:
            cut = i + 1 + inner.index("and")
            # "Russia and China" are two names; "University and College Union" is
            # one, but "Ceres Robotics and Tyvak Systems Inc" are two again.
            left_is_org = cut - i >= 2 and (
                words[cut - 1] in COMPLETE_ORG_HEADS
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
        if first in COMPASS and all(is_namelike(t) for t in tokens[i + 1 : j]) and j - i <= 3:
            return [Found(i, j, name, PLACE)]  # "South Taranaki", "East Anglia"
        if (
            last in ORG_HEADS
            or last.rsplit("-", 1)[-1] in ORG_HEADS
            or (first in ORG_LEADS and len(inner) >= 1 and inner[0] in ("of", "for"))
            or first in FOREIGN_ORG_LEADS
            or numbered_unit(words, i, j)
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
            and not (j - i == 2 and first in GIVEN_NAMES and last in SURNAME_HEADS)
        ):
            return [Found(i, j, name, PLACE)]
        if (
            first in PLACE_LEADS
            and j - i >= 3
            and words[i + 1] in ("of", "de", "del", "di", "do", "da")
        ):
            return [Found(i, j, name, PLACE)]  # "Gulf of Mexico", "Plaza de Armas"
        if last in EVENT_HEADS:
            return []  # "County Cup", "Lake Festival": an event, neither place nor person
        if first in PLACE_LEADS and j - i == 2 and is_namelike(tokens[j - 1]):
            return [Found(i, j, name, PLACE)]  # "River Lee", "Calle Merced", "Lake Tahoe"
        if (
            first in TITLE_WORDS
            or first in DEMONYMS
            or (j - i > 2 and tuple(words[i : i + 2]) in MULTI_DEMONYMS)
        ):
            return self.after_title(i, j)
        if "of" in inner or "for" in inner:
            if self.prev_word(i) == "the" and first not in TITLE_WORDS and "of" in inner:
                return [Found(i, j, name, ORG)]
            cut = i + 1 + (inner.index("of") if "of" in inner else inner.index("for"))
            return self.classify_span(i, cut) + self.classify_span(cut + 1, j)
        return self.person_or_candidate(i, j)

    def glued_compound(self, i: int, j: int) -> list[Found] | None:
        """'Wirtschaftsminister Markus Söder', 'Luxusgüterkonzern LVMH', 'Region Turkana': a
        German role, trade or place noun before a name is no part of it (a person, a body, a place)."""
        if (place := self.place_after_kind(i, j)) is not None:
            return [place]
        for k in range(i, j - 1):
            word = self.words[k]
            if not word.lower().endswith(GLUED_ENDINGS):
                continue
            if DESCRIPTOR_COMPOUND.fullmatch(word) and self.words[k + 1] not in CONNECTORS:
                return self.classify_span(i, k) + self.org_with_prefix(k + 1, j)
            if 3 <= j - k <= 4 and ROLE_COMPOUND.fullmatch(word) and word not in TITLE_WORDS:
                # Two or three name words: one alone after "der Chef" is often a noun.
                if not all(is_namelike(t) for t in self.tokens[k + 1 : j]):
                    return None
                name = surface(self.text, self.tokens, k + 1, j)
                return [*self.classify_span(i, k), Found(k + 1, j, name, PERSON, evidence=True)]
            if j - k == 2 and ROLE_COMPOUND.fullmatch(word) and word not in TITLE_WORDS:
                # "Schulleiter Olang": a role and a surname, no two-word name.
                return [*self.classify_span(i, k), *self.classify_span(k + 1, j)]
        return None

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
            if not all(is_namelike(t) for t in self.tokens[start:j]):
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
                and words[k - 1] not in CONNECTORS
                and words[k - 1] not in GIVEN_NAMES
                and all(is_namelike(t) for t in self.tokens[k:j])
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

    def org_with_prefix(self, i: int, j: int) -> list[Found]:
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
            suffix = surface(self.text, self.tokens, k, j)
            if suffix in KNOWN_ORGS and all_demonyms(
                [part for w in words[i:k] for part in w.split("-")]
            ):
                return [Found(k, j, suffix, ORG)]
        name = surface(self.text, self.tokens, i, j)
        return [Found(i, j, name, ORG)]

    def strip_titles(self, i: int, j: int) -> tuple[int, int]:
        """Tokens [i, j) without leading title words ("Lawyer", "Dr.")."""
        while i < j - 1 and (self.words[i] in TITLE_WORDS or self.words[i].lower() in ROLE_NOUNS):
            i += 1
        return i, j

    def after_title(self, i: int, j: int) -> list[Found]:
        """A span that starts with titles or demonyms: the name at its end, if any."""
        words = self.words
        start = strip_demonyms(words, i, j)
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
        town = self.titled_town(start, j - 1, j)  # "MP for Bishop Auckland"
        tail = None if town is not None else self.name_tail(k, j)
        if tail is None:
            return [town] if town is not None else []
        a, b = tail
        if b - a == 1:
            before = words[a - 1] if a > i else ""
            if before in TITLE_MODIFIERS or before not in TITLE_WORDS:
                return []  # "First Amendment", "Supreme Court"-like phrases
            return [Found(a, b, self.words[a], "alias", evidence=True)]
        return [Found(a, b, surface(self.text, self.tokens, a, b), PERSON, evidence=True)]

    def name_tail(self, k: int, j: int) -> tuple[int, int] | None:
        """The person's name at the end of tokens [k, j), or None if none looks like one."""
        words = self.words
        tokens = self.tokens
        a = j
        while a > k and (is_namelike(tokens[a - 1]) or (words[a - 1] in PARTICLES and a < j)):
            a -= 1
        if a >= j or (a > k and words[a - 1] in CONNECTORS):
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

    def classify_word(self, i: int) -> list[Found]:
        token = self.tokens[i]
        word = token.text
        if word in ACRONYMS:
            return [Found(i, i + 1, ACRONYMS[word] or word, ORG)]
        if word in PLACE_ACRONYMS:
            return [Found(i, i + 1, PLACE_ACRONYMS[word], PLACE)]
        if token.allcaps:
            titled = word.title()
            if titled in CALENDAR or word in NON_ORG_CAPS:
                return []
            if len(word) >= 4:
                # Datelines shout place names: "WASHINGTON (AP) —".
                kind = self.places.kind(titled)
                if kind is not None and kind != "small_city":
                    return [Found(i, i + 1, self.places.display(titled), PLACE)]
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
                and not self.kind_term(bare)
                and not self.thing_acronym(i)
            ):
                return [Found(i, i + 1, word, "acronym")]
            return []
        if word in DEMONYMS or word in TITLE_WORDS or word in CALENDAR or word in ORG_HEADS:
            return []
        if word in TITLE_PLURALS:
            return []  # "Ministers": office holders, not a place
        camel = _CAMEL_CASE.fullmatch(word)
        if camel is not None and camel.group(1) not in NAME_PREFIXES:
            return [Found(i, i + 1, word, ORG)]  # "SkyMetrics", "ScotRail": brands
        if (
            len(word.rstrip(".")) < 2
            or word[:2] in ("I'", "I’")
            or ((token.starts_sentence or token.headline) and word.lower() in COMMON_WORDS)
        ):
            return []
        if self.org_named_before(i):
            return [Found(i, i + 1, word, ORG)]  # "regulator Ofwex said"
        # A lone word is a person only if it has a title or speaks mid-sentence
        # ("Mr. Bashir", "..., Boudreau said"); otherwise it must be a known short form.
        prev = self.prev_word(i)
        if (described := self.described_word(i, prev)) is not None:
            return [described]  # "startup Ciclo", "Ciclo, a Lisbon-based startup"
        evidence = (
            prev in HONORIFICS
            or prev in INVERTED_SPEECH_VERBS
            or (
                not token.starts_sentence
                and not token.headline
                and prev != "the"
                and prev not in LOCATIVE  # "a professor at Cornell, said"
                and self.speaks(i + 1)
            )
        )
        return [
            Found(
                i, i + 1, word, "alias", evidence=evidence, place_cue=self.place_cue(i, i + 1, prev)
            )
        ]

    def person_or_candidate(self, i: int, j: int) -> list[Found]:
        tokens = self.tokens
        words = self.words
        if any(t.allcaps for t in tokens[i:j]) or self.thing_named(i, j):
            return []
        if (described := self.described_org(i, j)) is not None:
            return [described]  # "brewer Van Hoorn", "Brasserie Meuse"
        for k in range(i + 1, j - 1):
            if words[k] in TITLE_WORDS:
                # "Nebraska Gov. Lyle Amundsen": the place whose office it is, then the
                # office holder (an abbreviated title made the run look mixed).
                lead = surface(self.text, tokens, i, k)
                # Not when the run was cut from a longer name ("New" off "New York City").
                if self.places.kind(lead) is not None and not self.prev_word(i)[:1].isupper():
                    place = Found(i, k, self.places.display(lead), PLACE)
                    return [place, *self.classify_span(k, j)]
                break
        if not all(
            is_namelike(t) or w in PARTICLES for t, w in zip(tokens[i:j], words[i:j], strict=True)
        ):
            # A mixed run ("Universal Periodic Review"): only its known parts count.
            return []
        for size in (2, 1):
            # "envoy to Ukraine Kurt Volker": a known place glued to a name.
            if j - i - size >= 2:
                lead = surface(self.text, tokens, i, i + size)
                kind = self.places.kind(lead)
                if kind is not None and kind != "small_city":
                    return [
                        Found(i, i + size, self.places.display(lead), PLACE),
                        *self.classify_span(i + size, j),
                    ]
        if j - i > 4:
            return []
        first = words[i].split("-")[0]
        if self.org_named_before(i):
            return [Found(i, j, surface(self.text, tokens, i, j), ORG)]
        evidence = (
            known_given_name(first)
            or (words[i] in EAST_ASIAN_FAMILY_NAMES and j - i <= 3)
            or self.prev_word(i).lower() in ROLE_NOUNS
            or self.role_set_off(i, j)
            or self.office_after(j)
            or self.prev_word(i) in SPEECH_VERBS
            or self.named_after_speech(i)
            # "Residents of Serra Alta said", "Farmers in Serra Alta, the wettest
            # valley, said": the place's people speak, the place is no person.
            or (
                self.prev_word(i) not in OF_A_PLACE
                and (
                    (self.speaks(j) and self.prev_word(i) != "the")
                    or _APPOSITION.match(self.after(j, 20)) is not None
                )
            )
        )
        name = surface(self.text, tokens, i, j)
        return [
            Found(
                i,
                j,
                name,
                PERSON if evidence else "candidate",
                evidence=evidence,
                place_cue=not evidence and self.place_cue(i, j),
            )
        ]
