"""Places that are part of a name, not a mention of the place.

"the Duchess of Cambridge", "the Prince of Wales", "the Bishop of Durham": a
peerage, royal or church title styles its holder after a place, and the story
is about the person, not the town.  A state-form word standing alone
("the Commonwealth", "the Republic") names a polity only with what follows it.
"""

from __future__ import annotations

from newsdesk.extract.entities.result import PLACE
from newsdesk.extract.entities.spans import Found
from newsdesk.extract.entities.tokens import Token

#: Titles that take "of <place>" as part of the holder's style. Offices such as
#: "Mayor of London" or "President of France" are left out: their place is the
#: office's domain and is a real place mention.
STYLED_TITLES = frozenset(
    [
        "Duke",
        "Duchess",
        "Dukes",
        "Prince",
        "Princess",
        "Earl",
        "Countess",
        "Marquess",
        "Marquis",
        "Marchioness",
        "Viscount",
        "Viscountess",
        "Baron",
        "Baroness",
        "Bishop",
        "Bishops",
        "Archbishop",
        "Archdeacon",
    ]
)

#: Words that open a polity's formal name ("Commonwealth of Australia") and
#: mean no one place alone.
STATE_FORMS = frozenset(["Commonwealth", "Republic", "Kingdom", "Sultanate", "Emirate", "Empire"])


def styled_place(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the place at tokens [i, j) is only part of a title or a state's form."""
    if j - i == 1 and tokens[i].text in STATE_FORMS:
        return True
    return i >= 2 and tokens[i - 1].text == "of" and tokens[i - 2].text in STYLED_TITLES


def drop_styled_places(tokens: list[Token], found: list[Found]) -> list[Found]:
    """`found` without the places that only style a title ("Duchess of Cambridge")."""
    return [f for f in found if not (f.kind == PLACE and styled_place(tokens, f.i, f.j))]
