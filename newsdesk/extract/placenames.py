"""Is this capitalised phrase a place? The dateline and lone-place-line check.

Used to tell a dateline ("The Hague —", a lone "Seoul, South Korea" line)
from an outlet or a person's name. The names come from the shared place
gazetteer (`gazetteer.py`, loaded once for entities and datelines alike),
plus the spellings datelines use that a gazetteer does not list: US state
abbreviations ("N.Y.", "Calif."), and a few territories and city forms.
"""

from __future__ import annotations

import re

from newsdesk.extract.gazetteer import gazetteer

# Places news datelines use that are not cities in the gazetteer.
_EXTRA = {
    "gaza", "gaza strip", "west bank", "kyiv", "kiev", "the hague", "vatican city", "hong kong",
    "macau", "taiwan", "kosovo", "palestine", "northern ireland", "scotland", "wales", "england",
    "washington dc", "washington d.c.", "d.c.", "dc", "new york", "capitol hill", "silicon valley",
    "brussels", "davos", "geneva", "united nations", "u.n.", "uk", "u.k.", "us", "u.s.", "usa", "eu",
}  # fmt: skip
_US_ABBREVIATIONS = {
    "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.", "ill.", "ind.",
    "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.", "nev.",
    "n.h.", "n.j.", "n.m.", "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.",
    "tenn.", "vt.", "va.", "wash.", "w.va.", "wis.", "wyo.", "d.c.",
}  # fmt: skip
_US_STATE_CODES = {
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks",
    "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny",
    "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv",
    "wi", "wy",
}  # fmt: skip
_SPACES = re.compile(r"\s+")


def _known(part: str) -> bool:
    low = _SPACES.sub(" ", part).strip().lower()
    if low in _EXTRA or low in _US_ABBREVIATIONS:
        return True
    places = gazetteer()
    for form in (part, part.title(), part.removeprefix("The ").strip()):
        if places.kind(form) is not None:
            return True
    return False


def is_place(text: str) -> bool:
    """True when `text` names a place, or is a comma list of places ("Seoul, South Korea")."""
    if not text or len(text) > 80:
        return False
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts) > 4:
        return False
    first, *rest = parts
    # After a known first part, a two-letter state code ("Austin, TX") also counts.
    return _known(first) and all(_known(p) or p.lower() in _US_STATE_CODES for p in rest)


def is_known_place_name(text: str) -> bool:
    """The first comma part is a place (later parts may be regions we do not list)."""
    first = text.split(",")[0].strip()
    return bool(first) and _known(first)
