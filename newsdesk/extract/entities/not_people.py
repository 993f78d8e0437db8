"""Names that read as people but name a thing: a product, an event, a firm, a hospital.

Also the key that makes two spellings of one transliterated surname ("Zelenskiy",
"Zelensky") one person.
"""

from __future__ import annotations

import re

from newsdesk.extract.data import word_set
from newsdesk.extract.entities.result import ORG, PERSON
from newsdesk.extract.entities.spans import Found
from newsdesk.extract.entities.tokens import Token

#: Last words of products, shows and drafts that no person's name ends in
#: ("Retina MacBook Pro", "LA Auto Show", "Soccer Expansion Draft").
THING_HEADS = word_set("Pro Show Draft Expo")

#: Last words of firms' names that no person's name ends in: the name is the firm's.
FIRM_HEADS = word_set("Equities Leathers Motors Cosmetics")

#: Lower-case nouns after a name that make it the name of a thing ("the Hazel Hen
#: supercomputer", "Galileo Jupiter probe", "Walter Reed hospital", "Tony Moly cosmetics").
_THING_AFTER = re.compile(
    r"[ \t]+(?:hospital|medical center|Medical Center|Army Medical Center|supercomputer|"
    r"probe|spacecraft|telescope|rover|satellite|cosmetics)\b"
)


#: Transliterated surname endings that vary between outlets: "-skiy", "-skyy", "-sky",
#: "-ski" (Zelenskiy, Zelenskyy, Zelensky, Zelenski).
_SLAVIC_END = re.compile(r"(?<=sk)(?:iy|yy|yi|ij|ii|i|y)$")


def surname_key(word: str) -> str:
    """One key for the spellings of a transliterated surname; other words unchanged."""
    return _SLAVIC_END.sub("", word)


def drop_things(text: str, tokens: list[Token], found: list[Found]) -> list[Found]:
    """`found` without the people and person candidates that name a thing. A name
    followed by a thing noun anywhere is that thing at all its mentions."""
    things: set[str] = set()
    for f in found:
        if f.kind not in (PERSON, "candidate", "alias"):
            continue
        last = f.name.split()[-1]
        if f.j - f.i > 1 and last in FIRM_HEADS:
            f.kind, f.evidence = ORG, False
        elif (f.j - f.i > 1 and last in THING_HEADS) or _THING_AFTER.match(
            text, tokens[f.j - 1].end
        ):
            things.add(f.name)
    if not things:
        return found
    return [f for f in found if not (f.name in things and f.kind in (PERSON, "candidate", "alias"))]
