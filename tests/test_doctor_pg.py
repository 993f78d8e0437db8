"""`newsdesk doctor` on a shared desk: the server, the schema, the tables, the rows.

Each test works in a PostgreSQL schema of its own (skipped, saying why,
without `NEWSDESK_TEST_PG`); the unreachable-server case needs no server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import psycopg
import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.doctor import run_doctor
from newsdesk.doctor.shared_desk import TABLES
from newsdesk.model import Extracted
from newsdesk.paths import resolve
from newsdesk.store import STORE_ENV
from tests.pg_support import pg_schema


@pytest.fixture
def desk_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        yield url


def _findings(report: object) -> dict[str, tuple[str, str]]:
    return {f.check: (f.status, f.message) for f in report.findings}  # type: ignore[attr-defined]


def _fill(n: int = 3, first: int = 0) -> list[str]:
    with Desk(resolve()) as desk:
        return desk.add_extracted(
            [
                Extracted(title=f"Bridge repairs, part {k}", body=f"Work on day {k}.")
                for k in range(first, first + n)
            ],
            "fixture",
        )


def test_a_healthy_shared_desk(desk_url: str) -> None:
    ids = _fill()
    report = run_doctor(resolve())
    found = _findings(report)
    assert report.healthy, found
    assert found["server"][0] == "ok" and "PostgreSQL" in found["server"][1]
    assert found["schema"][0] == "ok"
    assert found["tables"] == ("ok", f"all {len(TABLES)} tables present ({len(ids)} articles)")
    assert found["rows"][0] == "ok"
    # The SQLite file's checks are not run for a shared desk.
    assert "database" not in found


def test_the_table_list_is_every_table_the_schema_steps_create(desk_url: str) -> None:
    _fill(1)
    with psycopg.connect(desk_url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
    assert sorted(r[0] for r in rows) == sorted(TABLES)


def test_a_desk_not_created_yet_is_fine(desk_url: str) -> None:
    report = run_doctor(resolve())
    assert report.healthy
    assert "created on first use" in _findings(report)["schema"][1]


def test_unreadable_rows_are_named_and_left_as_they_are(desk_url: str) -> None:
    ids = _fill()
    with psycopg.connect(desk_url, autocommit=True) as conn:
        conn.execute("UPDATE articles SET meta = '{not json' WHERE id = %s", (ids[1],))
    report = run_doctor(resolve())
    status, message = _findings(report)["rows"]
    assert status == "problem" and ids[1] in message and not report.healthy
    with psycopg.connect(desk_url, autocommit=True) as conn:
        row = conn.execute("SELECT meta FROM articles WHERE id = %s", (ids[1],)).fetchone()
    assert row is not None and row[0] == "{not json"


def test_a_missing_table_is_a_problem(desk_url: str) -> None:
    _fill(1)
    with psycopg.connect(desk_url, autocommit=True) as conn:
        conn.execute("DROP TABLE claims")
    report = run_doctor(resolve())
    status, message = _findings(report)["tables"]
    assert status == "problem" and "claims" in message and not report.healthy


def test_an_unreachable_server_is_one_clear_problem_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "postgresql://ana:s3cret-pw@127.0.0.1:1/desk?connect_timeout=2"
    monkeypatch.setenv(STORE_ENV, url)
    report = run_doctor(resolve())
    status, message = _findings(report)["server"]
    assert status == "problem" and "postgresql://ana@127.0.0.1:1/desk" in message
    assert "s3cret-pw" not in json.dumps(report.as_dict())
    monkeypatch.delenv(STORE_ENV)
    assert main(["--store", url, "doctor"]) == 1
    assert main(["--store", url, "doctor", "--json"]) == 1
    out = capsys.readouterr()
    assert "cannot reach the shared desk" in out.out
    assert "s3cret-pw" not in out.out + out.err


def test_the_local_index_is_checked_and_caught_up_from_the_server(
    desk_url: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(3)
    mine = resolve()
    run_doctor(mine)  # the desk may have closed before its index caught up
    assert _findings(run_doctor(mine))["index"] == (
        "ok",
        "the search index is current (3 documents)",
    )
    # Another editor, with a data directory of their own, adds two articles while
    # this desk is closed: its local index is behind the server by two.
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path_factory.mktemp("other-editor")))
    assert len(_fill(2, first=3)) == 2
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(mine.data_dir))
    status, message = _findings(run_doctor(mine))["index"]
    assert status == "repaired", message
    assert "5 documents" in message
    assert _findings(run_doctor(mine))["index"][0] == "ok"


def test_a_damaged_local_index_is_rebuilt_from_the_server(desk_url: str) -> None:
    _fill(3)
    paths = resolve()
    run_doctor(paths)
    folders = [p for p in (paths.data_dir / "indexes").iterdir() if p.is_dir()]
    assert len(folders) == 1  # the desk's own, named without the password
    segments = [p for p in folders[0].iterdir() if p.suffix in (".seg", ".toc")]
    assert segments
    for segment in segments:
        segment.write_bytes(b"\x00garbage" * 64)
    status, message = _findings(run_doctor(paths))["index"]
    assert status == "repaired", message
    assert _findings(run_doctor(paths))["index"] == (
        "ok",
        "the search index is current (3 documents)",
    )
