"""Fixtures for the TUI tests: a small deterministic store and a fixed clock."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted, Link, Quote
from newsdesk.paths import Paths
from newsdesk.tui.app import NewsdeskApp


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


#: "Now" for every TUI test, so relative times never drift.
FIXED_NOW = datetime(2026, 3, 14, 12, 0, tzinfo=UTC)

SOURCES = ("Ironbridge Post", "Danube Wire", "Southern Cross Herald", "Westerly Times")
TOPICS = (
    ("Flood waters rise in Alzira as river bursts banks", "flood"),
    ("Port strike halts Rotterdam container traffic", "strike"),
    ("Minerals pact signed in Seoul after long talks", "minerals"),
    ("Nurses walk out in Auckland over pay", "nurses"),
    ("Court rules on chemical weapons case in The Hague", "court"),
    ("Metro strike leaves Mexico City commuters stranded", "metro"),
)


def sample_articles(count: int = 12) -> list[Extracted]:
    """Fictional articles with fixed dates, one hour apart, newest first by index."""
    items = []
    for i in range(count):
        title, word = TOPICS[i % len(TOPICS)]
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
                people=["Ana Ruiz"],
                organizations=["Red Cross"],
                places=["Valencia"],
                mention_counts={"Ana Ruiz": 3, "Red Cross": 2, "Valencia": 1},
                quotes=[Quote(f"We will rebuild, said number {i}.", "Ana Ruiz")],
                links=[Link("Earlier coverage", f"https://example.org/earlier/{i}")],
                credits=["Edited by Sam Moss"],
                body=(
                    f"The {word} story begins here, item {i}.\n\n"
                    f"Officials said the {word} affected many people.\n\n"
                    "Reporting continues through the day."
                ),
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


@pytest.fixture
def seeded(paths: Paths) -> Paths:
    """A data dir holding 12 fictional articles."""
    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(12), "fixture")
        desk.sync_index()
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
