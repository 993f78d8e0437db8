"""Short forms resolved to full names, acronyms to organisations; the counts the caller sees."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from newsdesk.extract.data.common_words import COMMON_WORDS
from newsdesk.extract.data.cues import (
    ACRONYMS,
    KNOWN_ORGS,
    ORG_HEADS,
    REGION_ABBREVIATIONS,
)
from newsdesk.extract.data.entity_words import (
    MINISTRY_WORDS,
    NOT_NAME_ENDINGS,
    PARTICLES,
)
from newsdesk.extract.data.given_names import (
    EAST_ASIAN_FAMILY_NAMES,
    FEMALE_GIVEN_NAMES,
    GIVEN_NAMES,
)
from newsdesk.extract.data.speech import INVERTED_SPEECH_VERBS
from newsdesk.extract.data.titles import (
    FEMALE_CUES,
    HONORIFICS,
    MALE_CUES,
    ROLE_NOUNS,
    TITLE_WORDS,
)
from newsdesk.extract.entities.classify import (
    Classifier,
)
from newsdesk.extract.entities.compounds import named_as, noun_not_town, noun_shaped
from newsdesk.extract.entities.not_people import drop_things, surname_key
from newsdesk.extract.entities.products import drop_products
from newsdesk.extract.entities.result import (
    MAX_CHARS,
    ORG,
    PERSON,
    PLACE,
    Analysis,
    EntityResult,
    Mention,
)
from newsdesk.extract.entities.spans import (
    Found,
    initials_of,
    spans,
)
from newsdesk.extract.entities.spellings import LEGAL_SUFFIX, merge_forms
from newsdesk.extract.entities.styled_titles import drop_styled_places
from newsdesk.extract.entities.table_columns import place_columns
from newsdesk.extract.entities.tokens import (
    SPACES,
    TOKEN,
    Token,
    joined,
    mark_lines,
    tokenise,
)
from newsdesk.extract.gazetteer import gazetteer

#: How far back a full name decides who a shared surname means.
_RECENT_CHARS = 300


#: A generational suffix after the surname: "James P. Kennedy Jr." is "Kennedy" later,
#: never "Jr.", and is not the same person as "James Brown Jr.".
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Jnr", "Snr"})


def _name_parts(name: str) -> list[str]:
    parts = name.split()
    while len(parts) > 2 and parts[-1].rstrip(",") in _SUFFIXES:
        parts = parts[:-1]
    return parts


def _person_aliases(name: str) -> tuple[list[str], list[str]]:
    """Short forms of a full name: surnames first, then given or family names."""
    parts = _name_parts(name)
    if len(parts) < 2:
        return [], []
    strong: list[str] = []
    weak: list[str] = []
    for k, part in enumerate(parts[:-1]):
        if part in PARTICLES and k > 0:
            surname = " ".join(parts[k:])
            strong += [surname, surname[0].upper() + surname[1:]]
            break
    strong += [parts[-1], surname_key(parts[-1])]  # "Zelensky" is "Volodymyr Zelenskiy"
    prefix, _, bare = parts[-1].partition("-")
    if bare and prefix.lower() in PARTICLES and bare[:1].isupper():
        strong.append(bare)  # "al-Bashir" is also "Mr. Bashir"
    if parts[0] in EAST_ASIAN_FAMILY_NAMES:
        strong.append(parts[0])
    elif not parts[0].endswith("."):
        weak.append(parts[0])
    return strong, weak


def _person_key(name: str) -> tuple[str, str]:
    parts = [p for p in _name_parts(name) if not (len(p) == 2 and p.endswith("."))]
    return (parts[0], surname_key(parts[-1])) if parts else ("", "")


def _ministry_key(name: str) -> frozenset[str] | None:
    parts = name.split()
    if "Ministry" not in parts and "Department" not in parts:
        return None
    rest = frozenset(p for p in parts if p not in MINISTRY_WORDS)
    return rest or None


@lru_cache(maxsize=8)
def analyse(body: str) -> Analysis:
    """Every entity mention in `body` (its first `MAX_CHARS` characters)."""
    text = body[:MAX_CHARS]
    if not text.strip():
        return Analysis([], {}, {})
    tokens = tokenise(text)
    if not tokens:
        return Analysis([], {}, {})
    credit = mark_lines(text, tokens)
    classifier = Classifier(text, tokens, gazetteer())
    found: list[Found] = []
    for i, j in spans(text, tokens, credit):
        found.extend(classifier.classify(i, j))
    place_columns(text, tokens, found)
    found = drop_things(text, tokens, found)  # "Walter Reed hospital", "LA Auto Show"
    found = drop_styled_places(tokens, found)  # "the Duchess of Cambridge"
    found = drop_products(text, tokens, found)  # "the RAV4 small SUV", "Treasury yields"
    if classifier.things:
        # "chemicals known as PFAS": its other mentions name no body either.
        found = [f for f in found if f.name not in classifier.things]
    return _resolve(text, tokens, found, classifier.described, lambda: classifier.german)


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


def _resolve(
    text: str,
    tokens: list[Token],
    found: list[Found],
    described: Iterable[str] = (),
    german: Callable[[], bool] = lambda: False,
) -> Analysis:
    """`german()`: the text is German copy (asked only when it matters)."""
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
                and first_word.endswith(NOT_NAME_ENDINGS)
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
    by_surname = _named_by_surname(text, tokens, found, german)
    for f in found:
        if f.kind == "candidate":
            strong, _ = _person_aliases(f.name)
            if (
                _person_key(f.name) in person_by_key
                or any(a in evidence_words for a in strong)
                or f.name in by_surname
            ):
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
        initials = initials_of(org)
        if len(initials) >= 2:
            acronym_of.setdefault(initials, org)
    for org in orgs:
        # "PUC" for the "California Public Utilities Commission": a place or
        # other qualifier in front is often left out of the short form.
        initials = initials_of(org)[1:]
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

    candidate_initials = {initials_of(f.name) for f in found if f.kind == "candidate"}
    places = gazetteer()
    # People with a given name first or a title: not re-read as organisations.
    person_names = {f.name for f in found if f.kind == PERSON and f.name.split()[0] in GIVEN_NAMES}
    # Short forms of organisation names: without the legal suffix, and a
    # one-word name before its head ("Brightwater" for "Brightwater Corp").
    org_short: dict[str, str] = {}
    for org in orgs:
        base = LEGAL_SUFFIX.sub("", org)
        if base != org:
            org_short.setdefault(base, org)
        parts = base.split()
        if len(parts) >= 2 and parts[-1] in ORG_HEADS and parts[-2] not in ORG_HEADS:
            short = " ".join(parts[:-1])  # "Maple Coast" for "Maple Coast Airlines"
            if places.kind(short) is None and short not in KNOWN_ORGS:
                org_short.setdefault(short, org)
    for org in described:
        org_short.setdefault(org, org)  # "Van Hoorn" again after "brewer Van Hoorn"
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
        region = _region_after_place(f, text, tokens, last_place)
        if region is not None:
            kind, name = PLACE, region  # "Kingston, Ont." is in Ontario
        elif name in org_short and (
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
            choices = strong_alias.get(surname_key(name)) or weak_alias.get(name)
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
        if kind in (PERSON, ORG):
            if (as_named := named_as(name, kind, text, german)) is None:
                continue
            name = as_named
        if kind == PERSON:
            first_at.setdefault(name, start)
            if f.kind == PERSON:
                last_full_at[name] = start
            cue = _gender_cue(text, tokens, f.i, name)
            if cue and name not in genders:
                genders[name] = cue
        if kind == PLACE:
            word = tokens[f.i].text
            if f.j - f.i == 1 and noun_not_town(word, places.kind(word), text, german):
                continue  # "die Lage", "der Zug": a German noun, not the town
            last_place = f.j
        mentions.append(Mention(start, end, name, kind))
    mentions = merge_forms(mentions)
    kinds: dict[str, str] = {}
    surfaces: dict[str, str] = {}
    for m in mentions:
        kinds.setdefault(m.name, m.kind)
        surfaces.setdefault(SPACES.sub(" ", text[m.start : m.end]), m.name)
    # A name seen as two kinds keeps the kind of its first mention.
    mentions = [m for m in mentions if kinds[m.name] == m.kind]
    genders = {name: sex for name, sex in genders.items() if kinds.get(name) == PERSON}
    return Analysis(mentions, kinds, surfaces, genders)


#: After a surname used alone: running text ("Hitler was born"), not a list ("0 Milk;").
_IN_A_CLAUSE = re.compile(r",? [a-zà-ÿ]")


def _named_by_surname(
    text: str, tokens: list[Token], found: list[Found], german: Callable[[], bool]
) -> set[str]:
    """Two-word candidates that are people because the text goes on to call them by their
    surname alone, mid-sentence ("Adolf Hitler ... where Hitler was born"), whatever the
    first name. Not when the full name is used far more often than the surname ("Star
    Trek" eight times, "Trek" once: a title), nor in German, which capitalises every noun
    ("Sieben Menschen ... die Menschen"), nor from a pair seen only where a sentence starts
    ("Massive Kostensteigerungen") or after "the" ("the Lakefield Comets"); the surname
    alone stands in running text ("where Hitler was born"), not in a list ("0 Milk;")."""
    full: dict[str, int] = {}
    first_at: dict[str, int] = {}
    for f in found:
        if f.kind == "candidate" and f.j - f.i == 2 and not f.place_cue:
            full[f.name] = full.get(f.name, 0) + 1
            if _bare_name(text, tokens, f.i):
                first_at.setdefault(f.name, f.i)
    if not first_at:
        return set()
    lone: dict[str, list[int]] = {}
    for f in found:
        if (
            f.kind == "alias"
            and not f.place_cue
            and _bare_name(text, tokens, f.i)
            and _IN_A_CLAUSE.match(text, tokens[f.i].end) is not None
        ):
            lone.setdefault(f.name, []).append(f.i)
    named = set()
    for name, at in first_at.items():
        surname = name.split()[-1]
        if surname in GIVEN_NAMES:
            continue  # "Khalifah Ali ... Ali": a given name alone may be anyone's
        later = [i for i in lone.get(surname, ()) if i > at]
        if later and len(later) >= full[name] - 1 and _plain_first_word(text, name.split()[0]):
            named.add(name)
    return named if named and not german() else set()


def _plain_first_word(text: str, word: str) -> bool:
    """A first name could be `word`: not a known organisation, place or common word, nor
    a word the text also writes in lower case ("Star Trek ... a star")."""
    lower = word.lower()
    return (
        word not in KNOWN_ORGS
        and word not in ACRONYMS
        and lower not in COMMON_WORDS
        and f" {lower} " not in text
        and gazetteer().kind(word) is None
    )


def _bare_name(text: str, tokens: list[Token], i: int) -> bool:
    """The name at token i stands mid-sentence with no "the" before it ("the Lakefield
    Comets ... the Comets" name a team, not a person)."""
    if tokens[i].starts_sentence:
        return False
    return (
        i == 0 or tokens[i - 1].text.lower() != "the" or not joined(text, tokens[i - 1], tokens[i])
    )


def _alone_as_person(text: str, tokens: list[Token], i: int) -> bool:
    """A name never given in full is a person only after a comma, quote or title.

    "“...,” Boudreau said", "Mr. Bashir", "minister Boudreau said" are people;
    "Tuberculosis and Malaria said", "la patronal Anesco afirmó" may be bodies.
    """
    if i == 0 or not joined(text, tokens[i - 1], tokens[i]):
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


#: What follows a middle item of a list: a comma, "and"/"or", or the sentence's end.
_LIST_GOES_ON = re.compile(r"\s*(?:[,.;:)]|(?:and|or|y|e|et|und|o|ou)\b|$)")


def _place_by_context(f: Found, text: str, tokens: list[Token], last_place: int) -> bool:
    """A name nothing else claims is a place after 'near'/'in' or in a list of places
    ("between Crianlarich and Oban", "Marsabit, Turkana and Wajir")."""
    if f.place_cue:
        return True
    if last_place <= 0 or last_place > f.i or noun_shaped(f.name):
        return False  # "Pest, Pocken": German nouns in a list are no places
    gap = _LIST_GAP.fullmatch(text, tokens[last_place - 1].end, tokens[f.i].start)
    if gap is None:
        return False
    # A comma alone continues a list only if the list goes on or ends after the name:
    # "Cleveland, Browns defensive end" is no list of places.
    return (
        bool(gap.group().strip(" ,")) or _LIST_GOES_ON.match(text, tokens[f.j - 1].end) is not None
    )


def _region_after_place(f: Found, text: str, tokens: list[Token], last_place: int) -> str | None:
    """The state or province an abbreviation with its full stop stands for, right after
    a place and a comma ("Sacramento, Calif.", "Kingston, Ont.") or a locative word
    ("in Nev."); else None."""
    if f.j - f.i != 1:
        return None
    token = tokens[f.i]
    region = REGION_ABBREVIATIONS.get(token.text)
    if region is None or text[token.end : token.end + 1] != ".":
        return None
    if f.place_cue:
        return region
    if last_place <= 0 or last_place > f.i:
        return None
    return region if text[tokens[last_place - 1].end : token.start].strip() == "," else None


def _gender_cue(text: str, tokens: list[Token], i: int, name: str) -> str | None:
    """'f' or 'm' when a title, role noun or given name shows it, else None."""
    k = i - 1
    for _ in range(2):  # "Prince Harry", "his wife Grace", "Mrs. Theresa May"
        if k < 0 or not joined(text, tokens[k], tokens[k + 1]):
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


def _title_mentions(title: str, analysis: Analysis) -> list[tuple[str, str]]:
    """Names in a headline: forms the body used ("Haddad"), then known places and orgs."""
    words = [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(title)]
    found: list[tuple[str, str]] = []
    taken: set[int] = set()
    # Most titles space their words with one plain space: their slices need no folding.
    plain = SPACES.sub(" ", title) == title
    k = 0
    while k < len(words):
        for size in (4, 3, 2, 1):
            if k + size > len(words):
                continue
            start, end = words[k][1], words[k + size - 1][2]
            surface = title[start:end] if plain else SPACES.sub(" ", title[start:end])
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
