"""Doctor checks what SQLite's integrity check cannot (issue 17 item 7).

Each case is written by "another tool" straight into a populated store:
unreadable JSON in an article row, a dropped table, a schema version that makes
no sense. Before: `show` and `export in:all` failed on the bad row, `list`
failed without its table while doctor said healthy, and a negative version
made every command (doctor too) fail with KeyError.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.doctor import run_doctor
from newsdesk.paths import Paths


def paths_of(data: Path, tmp_path: Path) -> Paths:
    return Paths(data, tmp_path / "config", tmp_path / "cache")


def write(db: Path, sql: str, *params: object) -> None:
    con = sqlite3.connect(db)
    con.execute(sql, params)
    con.commit()
    con.close()


def first_id(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return str(con.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        con.close()


def run(capsys: pytest.CaptureFixture[str], data: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and "unexpected error" not in captured.err
    return code, captured.out, captured.err


def test_an_unreadable_row_takes_nothing_down_and_doctor_repairs_it(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = populated / "newsdesk.sqlite3"
    bad = first_id(db)
    write(db, "UPDATE articles SET meta = '{not json' WHERE id = ?", bad)
    code, out, _ = run(capsys, populated, "show", bad, "--json")
    assert code == 0 and json.loads(out)["id"] == bad and json.loads(out)["title"]
    code, out, _ = run(capsys, populated, "export", "in:all", "-f", "json", "-o", "-")
    exported = json.loads(out)
    assert code == 0 and bad in {a["id"] for a in exported}
    assert run(capsys, populated, "list", "in:all", "--limit", "100")[0] == 0
    # Doctor finds it without being told, keeps the original text, rebuilds the row.
    report = run_doctor(paths_of(populated, tmp_path), repair=False)
    rows = next(f for f in report.findings if f.check == "rows")
    assert rows.status == "problem" and bad in rows.message and not report.healthy
    report = run_doctor(paths_of(populated, tmp_path))
    rows = next(f for f in report.findings if f.check == "rows")
    assert rows.status == "repaired" and report.healthy
    kept = Path(rows.details["quarantine"]).read_text("utf-8").splitlines()
    assert [json.loads(line) for line in kept] == [{"id": bad, "meta": "{not json"}]
    report = run_doctor(paths_of(populated, tmp_path))
    assert next(f for f in report.findings if f.check == "rows").status == "ok"


def test_a_dropped_table_is_found_and_recreated(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = populated / "newsdesk.sqlite3"
    write(db, "DROP TABLE tags")
    code, _, err = run(capsys, populated, "list")
    assert code != 0 and "doctor" in err
    looked = run_doctor(paths_of(populated, tmp_path), repair=False)
    assert not looked.healthy and "missing tables: tags" in " ".join(
        f.message for f in looked.findings
    )
    assert run_doctor(paths_of(populated, tmp_path)).healthy
    code, out, _ = run(capsys, populated, "list", "in:all", "--json", "--limit", "100")
    assert code == 0 and len(json.loads(out)) == 60


@pytest.mark.parametrize("version", ["-3", "banana", "2.5", ""])
def test_a_nonsense_schema_version_is_one_line_and_doctor_repairs_it(
    populated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], version: str
) -> None:
    db = populated / "newsdesk.sqlite3"
    write(db, "UPDATE meta SET value = ? WHERE key = 'schema_version'", version)
    code, _, err = run(capsys, populated, "list")
    assert code != 0 and "doctor" in err and len(err.strip().splitlines()) == 1
    looked = run_doctor(paths_of(populated, tmp_path), repair=False)
    assert not looked.healthy
    assert run_doctor(paths_of(populated, tmp_path)).healthy
    code, out, _ = run(capsys, populated, "list", "in:all", "--json", "--limit", "100")
    assert code == 0 and len(json.loads(out)) == 60
