"""Fixtures for the TUI tests: a small deterministic store and a fixed clock."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.config import EDITOR_ENV
from newsdesk.desk import Desk
from newsdesk.model import Extracted, Link, Quote
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from tests.templates import building_template
from tests.tui.quiet import textual_wait_for_idle, until_quiet


@pytest.fixture(scope="session", autouse=True)
def resource_tracker_running() -> None:
    """Start multiprocessing's resource tracker before any app swaps stderr.

    The real `run()` does the same: a parallel import needs the tracker, and the
    tracker cannot start once Textual has replaced stderr (no file descriptor).
    """
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()


@pytest.fixture(autouse=True)
def waits_on_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot's waits after a key and in `pause()` end when the app is quiet, not after
    a slice of idle CPU (tests/tui/quiet.py says why). Fails loudly if Textual renames
    the function it replaces."""
    import textual.app
    import textual.pilot

    for module in (textual.app, textual.pilot):
        assert module.wait_for_idle is textual_wait_for_idle
        monkeypatch.setattr(module, "wait_for_idle", until_quiet)


@pytest.fixture(autouse=True)
def no_search_time_limit(no_search_time_limit: None) -> None:
    """Every TUI test: searches and counts run to the end (tests/conftest.py says why)."""


#: "Now" for every TUI test, so relative times never drift.
FIXED_NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)

SOURCES = ("Ironbridge Post", "Danube Wire", "Southern Cross Herald", "Westerly Times")
TOPICS = (
    (
        "Flood waters rise in Alzira as river bursts banks",
        "flood",
        "Rescue boats moved through flooded streets in Alzira after the Jucar burst its banks. "
        "Residents waited on rooftops while the regional government opened shelters.",
    ),
    (
        "Port strike halts Rotterdam container traffic",
        "strike",
        "Dock workers in Rotterdam stopped loading ships at dawn over automation plans. "
        "Container vessels queued offshore as the union and terminal operators met.",
    ),
    (
        "Minerals pact signed in Seoul after long talks",
        "minerals",
        "Trade ministers signed a lithium and cobalt supply agreement in Seoul. "
        "The pact trades mining access for battery factory investment over ten years.",
    ),
    (
        "Nurses walk out in Auckland over pay",
        "nurses",
        "Hospital nurses in Auckland began a 24-hour walkout over staffing and wages. "
        "Emergency departments kept running with senior staff covering shifts.",
    ),
    (
        "Court rules on chemical weapons case in The Hague",
        "court",
        "Judges in The Hague ordered a chemical maker to pay for contaminated farmland. "
        "Lawyers for the company said they would study the ruling before any appeal.",
    ),
    (
        "Metro strike leaves Mexico City commuters stranded",
        "metro",
        "Metro drivers in Mexico City walked off the job during the morning rush. "
        "Buses were added on the busiest lines as millions looked for other routes.",
    ),
)


#: Each topic's own people, organisation and place (stories must not blur together).
ENTITIES = (
    ("Marta Ferrer", "Jucar Basin Authority", "Alzira"),
    ("Pieter de Vries", "FNV Havens", "Rotterdam"),
    ("Kim Soo-jin", "Ministry of Trade", "Seoul"),
    ("Aroha Ngata", "Nurses Organisation", "Auckland"),
    ("Judge Elske Maas", "District Court", "The Hague"),
    ("Luis Herrera", "Metro Workers Union", "Mexico City"),
)


def sample_articles(count: int = 12) -> list[Extracted]:
    """Fictional articles with fixed dates, one hour apart, newest first by index.

    Articles i and i+6 cover the same topic (two outlets, one story).
    """
    items = []
    for i in range(count):
        title, word, body = TOPICS[i % len(TOPICS)]
        person, org, place = ENTITIES[i % len(ENTITIES)]
        hour = 11 - (i % 12)
        day = 14 - i // 12
        items.append(
            Extracted(
                title=f"{title} ({i})",
                dek=f"Short dek number {i} about the {word}.",
                authors=["Ana Ruiz", "Tom Beck"] if i % 2 == 0 else ["Lee Park"],
                source=SOURCES[i % len(SOURCES)],
                dateline="ALZIRA, Spain" if word == "flood" else None,
                published=f"2026-03-{day:02d}T{hour:02d}:00:00+00:00",
                people=[person],
                organizations=[org],
                places=[place],
                mention_counts={person: 3, org: 2, place: 1},
                quotes=[Quote(f"We will keep going, said number {i}.", person)],
                links=[Link("Earlier coverage", f"https://example.org/earlier/{i}")],
                credits=["Edited by Sam Moss"],
                body=f"{body}\n\nThis is report number {i} on the {word}.",
                word_count=24,
                url=f"https://example.org/story/{i}",
                language="en",
            )
        )
    return items


def make_paths(root: Path) -> Paths:
    return Paths(data_dir=root / "data", config_dir=root / "config", cache_dir=root / "cache")


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    return make_paths(tmp_path)


#: The sample wire copies (kills, corrections, a flash) as a new user meets them.
SAMPLE_WIRE = Path(__file__).resolve().parents[2] / "sample_data" / "wire"


@pytest.fixture(scope="session")
def _wires_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home (data, config, cache) holding only the imported sample wires, built once.

    Built before any test's own directories exist: the environment points at the
    template while it is built, so nothing reads or writes the real user dirs.
    """
    root = tmp_path_factory.mktemp("wires-template")
    with building_template(root, keep_editor=True), Desk(make_paths(root)) as desk:
        desk.import_paths([SAMPLE_WIRE])
        desk.sync_index()
    return root


@pytest.fixture
def wires(tmp_path: Path, _wires_template: Path) -> Paths:
    """A data dir holding only the sample wires: a copy of the session's template."""
    root = tmp_path / "wires"
    shutil.copytree(_wires_template, root)
    return make_paths(root)


def _seed(paths: Paths) -> None:
    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(12), "fixture")
        desk.sync_index()


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 12 fictional articles and their index, stored once: each `seeded` copies the
    data folder (a few ms instead of storing and indexing them again, ~0.15 s)."""
    root = tmp_path_factory.mktemp("seeded-template")
    with building_template(root):
        _seed(make_paths(root))
    return root / "data"


@pytest.fixture
def seeded(paths: Paths, _seeded_template: Path) -> Paths:
    """A data dir holding 12 fictional articles.

    A copy of the session's template when this test's desk starts empty on SQLite
    as the template's did; stored afresh on another backend (a test's STORE_ENV),
    for another editor, or into folders the test has already made.
    """
    fresh = not (paths.data_dir.exists() or paths.config_dir.exists())
    if fresh and not os.environ.get(STORE_ENV) and not os.environ.get(EDITOR_ENV):
        shutil.copytree(_seeded_template, paths.data_dir)
    else:
        _seed(paths)
    return paths


AppFactory = Callable[..., NewsdeskApp]


@pytest.fixture
def make_app(seeded: Paths) -> Iterator[AppFactory]:
    """Build apps on the seeded data dir (each with its own Desk, closed afterwards)."""
    desks: list[Desk] = []

    def factory(paths: Paths | None = None, **kwargs: object) -> NewsdeskApp:
        desk = Desk(paths or seeded)
        desks.append(desk)
        return NewsdeskApp(desk, clock=lambda: FIXED_NOW, **kwargs)  # type: ignore[arg-type]

    yield factory
    for desk in desks:
        desk.close()
