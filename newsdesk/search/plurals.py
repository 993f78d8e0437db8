"""Irregular plurals, read as their singular before stemming.

Porter2 takes "floods" to "flood" but leaves "women", "children", "men", "feet" and
"crises" apart from their singulars: over the real-world stories corpus `woman` found
3 of the 12 articles that speak of women, `child` 5 of 18. `singular` gives the
singular the stemmer then takes as it takes the singular itself; compounds too
("spokeswomen", "grandchildren", "policemen"), but never a word that only ends so
("specimen", "Yemen", "Tiananmen", German "Unternehmen").
"""

from __future__ import annotations

#: Plural -> singular.
PLURALS = {
    "women": "woman",
    "men": "man",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "geese": "goose",
    "mice": "mouse",
    "lice": "louse",
    "oxen": "ox",
    "wives": "wife",
    "knives": "knife",
    "thieves": "thief",
    "crises": "crisis",
    "hypotheses": "hypothesis",
    "theses": "thesis",
    "diagnoses": "diagnosis",
    "prognoses": "prognosis",
    "criteria": "criterion",
    "phenomena": "phenomenon",
}

#: Compounds of "man" whose plural ends "men" ("chairmen", "gunmen", "fishermen"): named,
#: as a rule on the ending took German "Unternehmen" and "Yemen" for plurals.
_MEN = frozenset(
    [
        "chair",
        "police",
        "fire",
        "spokes",
        "business",
        "congress",
        "sales",
        "fisher",
        "gentle",
        "fresh",
        "country",
        "english",
        "irish",
        "scots",
        "dutch",
        "french",
        "gun",
        "snow",
        "middle",
        "fore",
        "alder",
        "crafts",
        "trades",
        "states",
        "news",
        "camera",
        "noble",
        "horse",
        "lay",
        "work",
        "sports",
        "sea",
        "air",
        "cave",
        "cattle",
        "clergy",
        "towns",
        "kins",
        "hench",
        "patrol",
        "mail",
        "milk",
        "post",
        "yachts",
        "oars",
        "marks",
        "swords",
        "dust",
        "garbage",
        "repair",
        "handy",
        "journey",
        "church",
        "committee",
        "council",
        "ombuds",
        "fellow",
        "foot",
        "free",
        "bats",
        "jury",
        "coal",
        "long",
        "sand",
        "watch",
        "assembly",
        "boats",
        "bus",
        "door",
        "guards",
        "lines",
        "tax",
    ]
)


#: How every plural here ends.
_ENDS = tuple({plural[-2:] for plural in PLURALS} | {"en"})


def singular(word: str) -> str:
    """The singular of a folded irregular plural (the word itself otherwise)."""
    if not word.endswith(_ENDS):
        return word  # most words: one test
    found = PLURALS.get(word)
    if found is not None:
        return found
    if len(word) < 6 or not word.isascii():
        return word
    if word.endswith("women"):
        return word[:-5] + "woman"
    if word.endswith("children"):
        return word[:-8] + "child"
    if word.endswith("men") and word[:-3] in _MEN:
        return word[:-3] + "man"
    return word
