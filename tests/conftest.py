"""Shared fixtures. Every test runs with its own data, config and cache directories."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV, StoreBackend, open_store
from tests.desk_support import desk_as
from tests.pg_support import pg_schema

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SAMPLE_DATA = REPO_ROOT / "sample_data"

# Bytecode is cached for this run and for every `python -m newsdesk` the tests start.
# With PYTHONDONTWRITEBYTECODE set (some machines and images set it), pytest rewrote
# every test module again at each collection (about 7 s of CPU instead of 3 per
# worker) and each child process compiled the newsdesk modules it imports anew.
# The caches go to the __pycache__ folders that .gitignore already lists.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

# Module- and session-scoped fixtures (84 real pages extracted once, templates) and
# modules that compute at import run before `isolated_dirs`: from the start of the
# session the user directories are a temp dir of this process, so nothing they do
# reaches the real ones (extraction keeps the place gazetteer and the word weights in
# the cache directory). Each test then gets its own, below.
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-session-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)
for _name, _sub in (
    ("NEWSDESK_DATA_DIR", "data"),
    ("NEWSDESK_CONFIG_DIR", "config"),
    ("NEWSDESK_CACHE_DIR", "cache"),
    ("XDG_DATA_HOME", "xdg-data"),
    ("XDG_CONFIG_HOME", "xdg-config"),
    ("XDG_CACHE_HOME", "xdg-cache"),
):
    os.environ[_name] = str(_SESSION_HOME / _sub)

# Property tests draw the same examples on every run, so CI is repeatable (a random
# draw once turned a run red on a bug no change had touched); NEWSDESK_FUZZ_RANDOM=1
# draws new ones, for a soak (with NEWSDESK_FUZZ_EXAMPLES where a test reads it).
hypothesis_settings.register_profile(
    "newsdesk", derandomize=os.environ.get("NEWSDESK_FUZZ_RANDOM") != "1"
)
hypothesis_settings.load_profile("newsdesk")


@pytest.hookimpl(optionalhook=True)  # xdist's hook: `-p no:xdist` runs without it
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: half again as many test processes as cores.

    About a quarter of the suite's time is spent waiting (on test servers,
    subprocesses, PostgreSQL, timeouts that must pass), so on two cores a third
    process keeps both busy: 1 min 53 s with two, 1 min 42 s with three.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(2, (cores or 1) * 3 // 2)


def _warm_cache_files() -> list[tuple[Path, Path]]:
    """The session cache's built tables: the place gazetteer and the English word weights.

    Built once per test process, in the session's cache directory. Each process that
    extracts or groups an article builds both when its cache directory lacks them
    (about 0.9 s of CPU: the fork server of every parallel import, every
    `python -m newsdesk` a test starts); with each test's cache a fresh empty folder,
    the suite paid that hundreds of times. Each file is given with its path below the
    cache directory. The session's cache is the one the environment names (a test
    module that imports `tests.conftest` runs this file again, with a home of its own).
    """
    global _WARM_CACHE
    if _WARM_CACHE is None:
        import numpy as np

        from newsdesk.extract import gazetteer_cache
        from newsdesk.extract.gazetteer import gazetteer
        from newsdesk.stories import idf

        cache = Path(os.environ["NEWSDESK_CACHE_DIR"])
        places, words = gazetteer_cache.cache_path(), idf._table_path("en")
        # Written here even when this process built them earlier under another cache.
        if places is not None and not places.is_file():
            gazetteer_cache.keep(places, gazetteer())
        if words is not None and not words.is_file():
            idf._keep(words, np.asarray(idf.table("en")))
        kept = [p for p in (places, words) if p is not None and p.is_file()]
        _WARM_CACHE = [(p, p.relative_to(cache)) for p in kept]
    return _WARM_CACHE


_WARM_CACHE: list[tuple[Path, Path]] | None = None


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> Iterator[Path]:
    """Point every user directory at a fresh temp dir: the real ones are never touched.

    The cache directory starts with copies (real files: a test may damage its own) of
    the tables every process would build there first; a test marked `fresh_cache`
    gets an empty one, as a first run on a new machine has.
    """
    root = tmp_path_factory.mktemp("newsdesk-home")
    if request.node.get_closest_marker("fresh_cache") is None:
        for built, relative in _warm_cache_files():
            target = root / "cache" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built, target)
    for name, sub in (
        ("NEWSDESK_DATA_DIR", "data"),
        ("NEWSDESK_CONFIG_DIR", "config"),
        ("NEWSDESK_CACHE_DIR", "cache"),
    ):
        monkeypatch.setenv(name, str(root / sub))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "xdg-cache"))
    yield root


@pytest.fixture
def no_search_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Searches and counts run to the end, however loaded the machine.

    The engine cuts a search short after TIME_LIMIT (0.3 s) of wall time and returns
    the matches found so far: on a loaded machine a saved search's count came back 0,
    and a search found 3 articles fewer than the same rule in memory, in tests that
    pass alone. The limit itself is tested in tests/search/test_bounds.py; where a
    test compares a search's answer, it would only make that answer depend on the clock.
    """
    import newsdesk.search.engine as engine

    monkeypatch.setattr(engine, "TIME_LIMIT", 600.0)


@pytest.fixture
def shared_dir() -> Path:
    """The team's shared real-world corpus; tests using it skip in a fresh clone."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def shared_item(shared_dir: Path) -> Callable[[str], Extracted]:
    """The one article a page or text copy under ../shared gives (a path under it); the test
    skips when the file is absent."""
    from newsdesk.ingest.loader import load_file

    def load(path: str) -> Extracted:
        page = shared_dir / path
        if not page.exists():
            pytest.skip(f"{page.name} is not in ../shared")
        [item] = load_file(page).items
        return item

    return load


@pytest.fixture
def desk() -> Iterator[Desk]:
    """A Desk on this test's own data directory, closed afterwards."""
    d = Desk(resolve())
    yield d
    d.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreBackend]:
    """The same checks on each store backend; PostgreSQL in a schema of its own
    (skipped, saying why, without `NEWSDESK_TEST_PG`)."""
    if request.param == "sqlite":
        s = open_store(tmp_path / "db.sqlite3")
        yield s
        s.close()
        return
    with pg_schema() as url:
        s = open_store(tmp_path / "unused.sqlite3", url=url)
        yield s
        s.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Every Desk the test opens is on this backend: the data directory's SQLite
    file, or a fresh PostgreSQL schema (skipped, saying why, without one)."""
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        yield "sqlite"
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        yield "postgresql"


@pytest.fixture
def ana_and_bo(backend: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Desk, Desk]]:
    """Two editors on one desk of this test's backend: Ana's Desk, then Bo's (so the
    editor in the environment is Bo's afterwards), both closed after the test."""
    ana = desk_as("ana", monkeypatch)
    try:
        bo = desk_as("bo", monkeypatch)
    except BaseException:
        ana.close()
        raise
    yield ana, bo
    ana.close()
    bo.close()
