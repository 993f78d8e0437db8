"""Story tables with their own version: upgraded in place on open, regrouped on demand."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.store.sqlite import stories as story_sql

from .articles import OTHER_QUARRY, QUARRY_LOCAL, QUARRY_WIRE


def dated(meta: Extracted, published: str) -> Extracted:
    return dataclasses.replace(meta, published=published)


def stories_of(desk: Desk) -> list[set[str]]:
    return sorted((set(g.outlets) for g in desk.stories()), key=sorted)


def test_regroup_rebuilds_the_stories_and_keeps_the_articles(desk: Desk) -> None:
    (wire,) = desk.add_extracted([dated(QUARRY_WIRE, "2026-03-14T08:00:00Z")], "wire.txt")
    desk.add_extracted([dated(QUARRY_LOCAL, "2026-03-14T11:00:00Z")], "local.txt")
    desk.add_extracted([dated(OTHER_QUARRY, "2026-03-16T08:00:00Z")], "other.txt")
    before = stories_of(desk)
    assert before == [{"Northern Wire", "Penhallow Gazette"}]
    desk.star([wire])
    # Simulate members left by an older recipe.
    with closing(sqlite3.connect(desk.paths.database)) as db, db:
        db.execute("UPDATE story_member SET version = 1")
    assert desk.stories_outdated() == 3
    assert desk.regroup() == 3
    assert desk.stories_outdated() == 0
    assert stories_of(desk) == before
    article = desk.get(wire)
    assert article is not None and article.state.starred and desk.count() == 3


def test_an_older_story_layout_is_upgraded_on_open_keeping_its_stories(tmp_path: Path) -> None:
    d = Desk(resolve())
    d.add_extracted([dated(QUARRY_WIRE, "2026-03-14T08:00:00Z")], "wire.txt")
    d.add_extracted([dated(QUARRY_LOCAL, "2026-03-14T11:00:00Z")], "local.txt")
    d.close()
    path = resolve().database
    # Back to the version-2 layout: no lede_weights column, an older version in meta.
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("ALTER TABLE story_member DROP COLUMN lede_weights")
        db.execute("UPDATE story_member SET version = 2")
        db.execute("UPDATE meta SET value = '2' WHERE key = 'story_version'")
    d = Desk(resolve())
    try:
        assert len(d.stories()) == 1
        assert d.stories_outdated() == 2
        # New imports work on the upgraded tables.
        d.add_extracted([dated(OTHER_QUARRY, "2026-03-16T08:00:00Z")], "other.txt")
        with closing(sqlite3.connect(path)) as db:
            version = db.execute("SELECT value FROM meta WHERE key = 'story_version'").fetchone()
        assert int(version[0]) == story_sql.SCHEMA_VERSION
        d.regroup()
        assert d.stories_outdated() == 0 and len(d.stories()) == 1
    finally:
        d.close()


def test_cli_regroup_says_what_it_did(desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    desk.add_extracted([dated(QUARRY_WIRE, "2026-03-14T08:00:00Z")], "wire.txt")
    desk.add_extracted([dated(QUARRY_LOCAL, "2026-03-14T11:00:00Z")], "local.txt")
    with closing(sqlite3.connect(desk.paths.database)) as db, db:
        db.execute("UPDATE story_member SET version = 1")

    def cli(*args: str) -> tuple[str, str]:
        """`newsdesk stories ARGS` in this process: only its output is checked."""
        assert main(["stories", *args]) == 0
        captured = capsys.readouterr()
        return captured.out, captured.err

    out, err = cli("--json")
    assert "stories --regroup" in err
    assert len(json.loads(out)) == 1
    _, err = cli("--regroup")
    assert "regrouped 2 articles" in err and "Traceback" not in err
    assert "--regroup" not in cli()[1]


def test_cli_regroup_shows_its_progress(
    desk: Desk, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Minutes on a big desk said nothing until the end.
    from rich.progress import Progress

    from newsdesk.cli import stories_cmd

    desk.add_extracted([dated(QUARRY_WIRE, "2026-03-14T08:00:00Z")], "wire.txt")
    desk.add_extracted([dated(QUARRY_LOCAL, "2026-03-14T11:00:00Z")], "local.txt")
    seen: list[tuple[float | None, float | None]] = []

    class Recording(Progress):
        def update(self, task_id: object, **fields: object) -> None:
            seen.append((fields.get("completed"), fields.get("total")))  # type: ignore[arg-type]

    monkeypatch.setattr(stories_cmd, "progress_bar", lambda: Recording(disable=True))
    assert main(["stories", "--regroup"]) == 0
    assert seen and seen[-1] == (2, 2)
    assert "regrouped 2 articles" in capsys.readouterr().err


def test_an_undated_copy_stored_first_joins_its_dated_versions_and_stays_on_regroup(
    desk: Desk,
) -> None:
    """Months after the event, an undated text copy is imported before its dated report:
    its arrival time is no date, so the report still finds it."""
    desk.add_extracted([QUARRY_LOCAL], "local-undated.txt")
    desk.add_extracted([dated(QUARRY_WIRE, "2026-03-14T08:00:00Z")], "wire.txt")
    assert stories_of(desk) == [{"Northern Wire", "Penhallow Gazette"}]
    # --regroup places the undated article first (oldest first, undated before dated).
    assert desk.regroup() == 2
    assert stories_of(desk) == [{"Northern Wire", "Penhallow Gazette"}]
