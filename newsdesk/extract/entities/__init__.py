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

The modules, in the order the text passes through them: `tokens` (words and
sentence starts), `spans` (runs of capitalised words), `context` and
`classify` (what each span names), `resolve` (short forms, acronyms, the
result); `result` holds the types. The word lists are in
`extract/data/entity_words.py` with the other data.
"""

from newsdesk.extract.entities.resolve import analyse, find_entities
from newsdesk.extract.entities.result import (
    MAX_CHARS,
    ORG,
    PERSON,
    PLACE,
    Analysis,
    EntityResult,
    Mention,
)

__all__ = [
    "MAX_CHARS",
    "ORG",
    "PERSON",
    "PLACE",
    "Analysis",
    "EntityResult",
    "Mention",
    "analyse",
    "find_entities",
]
