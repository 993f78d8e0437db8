"""What the entity reader gives back: the kinds, one mention, one text's analysis, the result."""

from __future__ import annotations

from dataclasses import dataclass, field

#: Only this much of a body is analysed; the rest of a huge text adds little.
MAX_CHARS = 200_000


PERSON = "person"


ORG = "org"


PLACE = "place"


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
