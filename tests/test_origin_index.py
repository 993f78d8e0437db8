"""The origin path index (SQLite step 19, PostgreSQL step 20): a store opened by the
version before it migrates on open, keeps every article and origin, reads which
article a file made through the index, and `newsdesk doctor` still calls it healthy.

The shared-desk case skips (saying why) without `NEWSDESK_TEST_PG`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.doctor import run_doctor
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV, open_store
from newsdesk.store.postgresql import migrations as pg_migrations
from newsdesk.store.sqlite import migrations as sqlite_migrations
from tests.pg_support import pg_schema

_MADE_FROM = "SELECT origin, article_id, seen_at FROM origins WHERE origin IN (?, ?)"


def _files(tmp_path: Path) -> list[Path]:
    files = []
    for name, title, body in (
        ("harbour", "Harbour cranes idle for a second day", "Dock workers in Marrowby kept still."),
        ("ferry", "Ferry timetable cut for the winter", "The island ferry will sail twice a day."),
    ):
        path = tmp_path / f"{name}.md"
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        files.append(path)
    return files


def _made_from(files: list[Path]) -> set[str]:
    with Desk(resolve()) as desk:
        return {article_id for article_id, _ in desk._made_from(files).values()}


def test_a_sqlite_store_of_the_version_before_gains_the_index_and_keeps_its_origins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(STORE_ENV, "")
    files = _files(tmp_path)
    with Desk(resolve()) as desk:
        desk.import_paths(files)
        ids = set(desk.inbox_ids())
    # As the version before left it: no origin index, schema 18.
    conn = sqlite3.connect(resolve().database)
    conn.execute("DROP INDEX IF EXISTS origins_origin")
    conn.execute("UPDATE meta SET value = '18' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()

    assert len(ids) == 2 and _made_from(files) == ids
    store = open_store(resolve().database)
    try:
        assert store.schema_version() == sqlite_migrations.SCHEMA_VERSION
        plan = " ".join(
            str(row[-1])
            for row in store.conn.execute(  # type: ignore[attr-defined]
                f"EXPLAIN QUERY PLAN {_MADE_FROM}", ("a", "b")
            )
        )
    finally:
        store.close()
    assert "USING INDEX origins_origin" in plan, plan
    report = run_doctor(resolve())
    assert report.healthy, [(f.check, f.status, f.message) for f in report.findings]


def test_a_shared_desk_of_the_version_before_gains_the_index_and_keeps_its_origins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    files = _files(tmp_path)
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        with Desk(resolve()) as desk:
            desk.import_paths(files)
            ids = set(desk.inbox_ids())
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP INDEX IF EXISTS origins_origin")
            conn.execute("UPDATE meta SET value = '19' WHERE key = 'schema_version'")

        assert len(ids) == 2 and _made_from(files) == ids
        store = open_store(tmp_path / "unused.sqlite3", url=url)
        try:
            assert store.schema_version() == pg_migrations.SCHEMA_VERSION
        finally:
            store.close()
        with psycopg.connect(url, autocommit=True) as conn:
            # Two rows are read fastest by a scan: asked not to scan, the plan shows
            # whether an index can answer at all.
            conn.execute("SET enable_seqscan = off")
            plan = " ".join(
                str(row[0])
                for row in conn.execute(
                    "EXPLAIN SELECT origin, article_id, seen_at FROM origins "
                    "WHERE origin = ANY(%s)",
                    (["a", "b"],),
                )
            )
        assert "origins_origin" in plan, plan
        report = run_doctor(resolve())
        assert report.healthy, [(f.check, f.status, f.message) for f in report.findings]
