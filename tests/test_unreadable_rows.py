"""An article row whose `meta` JSON another tool broke, on both backends (issue 17 item 7).

SQLite shows and exports such a row from its columns with one warning (and
doctor repairs it); the shared desk on PostgreSQL read it with `json.loads`
and failed `show` and a whole `export in:all`. Now both read it the same way.
The PostgreSQL case skips, saying why, without `NEWSDESK_TEST_PG`.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.export import ExportOptions
from newsdesk.store import STORE_ENV
from tests.pg_support import pg_schema

WARNING = "its details are unreadable; shown from its columns"


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest, isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        yield "sqlite"
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        yield "postgresql"


def _damaged_desk(folder: Path) -> tuple[Desk, str, list[str]]:
    """A desk of three articles; the one titled "Lock gates fail" has its JSON broken."""
    for i, (title, body) in enumerate(
        (
            ("Lock gates fail", "The canal's upper lock gates jammed on Tuesday."),
            ("Ferry fares frozen", "The harbour board froze fares until spring."),
            ("Pier lights restored", "The pier's lamps were lit again last night."),
        )
    ):
        (folder / f"a{i}.md").write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    desk = Desk()
    desk.import_paths([folder / f"a{i}.md" for i in range(3)])
    ids = sorted(desk.inbox_ids())
    bad = next(i for i in ids if desk.get(i).meta.title == "Lock gates fail")  # type: ignore[union-attr]
    conn = desk.store.conn  # type: ignore[attr-defined]
    if isinstance(conn, sqlite3.Connection):
        with conn:
            conn.execute("UPDATE articles SET meta = '{not json' WHERE id = ?", (bad,))
    else:
        with conn.transaction():
            conn.execute("UPDATE articles SET meta = '{not json' WHERE id = %s", (bad,))
    return desk, bad, ids


def test_a_row_with_unreadable_json_is_shown_and_exported_from_its_columns(
    backend: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    desk, bad, ids = _damaged_desk(tmp_path)
    try:
        with caplog.at_level(logging.WARNING):
            article = desk.get(bad)
        assert article is not None and article.meta.title == "Lock gates fail"
        assert "upper lock gates" in article.meta.body
        assert any(WARNING in r.getMessage() and bad in r.getMessage() for r in caplog.records)
        # A whole export and a list go on; the damaged row is in both.
        report = desk.export(ids, tmp_path / "out.json", ExportOptions(format="json"))
        assert report.count == 3
        exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
        assert sorted(a["title"] for a in exported) == [
            "Ferry fares frozen",
            "Lock gates fail",
            "Pier lights restored",
        ]
        assert [r.title for r in desk.rows([bad])] == ["Lock gates fail"]
    finally:
        desk.close()


def test_show_of_a_row_with_unreadable_json(
    backend: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk, bad, _ = _damaged_desk(tmp_path)
    desk.close()
    assert main(["show", bad]) == 0
    assert "Lock gates fail" in capsys.readouterr().out
