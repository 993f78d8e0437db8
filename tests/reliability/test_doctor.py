"""`newsdesk doctor`: checks, repairs, and never deleting the user's work to fix things."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.doctor import Doctor, run_doctor
from newsdesk.paths import resolve
from tests.reliability.conftest import read_only
from tests.reliability.helpers import (
    assert_articles_whole,
    assert_clean_stderr,
    read_articles,
    run_cli,
    run_main,
    token,
)


def doctor_json(data: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    code = main(["--data-dir", str(data), "doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    return code, report


def statuses(report: dict) -> dict[str, str]:
    return {f["check"]: f["status"] for f in report["findings"]}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, str]:
    """Digest of every file, leaving out SQLite's transient shared-memory and empty WAL files."""
    return {
        str(p.relative_to(folder)): digest(p)
        for p in folder.rglob("*")
        if p.is_file()
        and not p.name.endswith("-shm")
        and not (p.name.endswith("-wal") and p.stat().st_size == 0)
    }


def titles_searchable(data: Path) -> int:
    """Search each stored article's own token word; returns how many were found."""
    found = 0
    with Desk(resolve(data)) as desk:
        desk.sync_index()
        rows = read_articles(data / "newsdesk.sqlite3")
        for row in rows:
            word = row["title"].split()[0].lower()
            if row["id"] in desk.search(word, limit=None).ids:
                found += 1
    return found


def test_healthy_directory_is_reported_healthy_twice(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = doctor_json(populated, capsys)
    assert code == 0 and report["healthy"]
    assert statuses(report) == {
        "data_dir": "ok",
        "database": "ok",
        "rows": "ok",
        "index": "ok",
        "temp_files": "ok",
    }
    code, report = doctor_json(populated, capsys)
    assert code == 0 and set(statuses(report).values()) == {"ok"}


def test_missing_data_directory_is_fine_and_not_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "never-used"
    code, report = doctor_json(data, capsys)
    assert code == 0
    assert "created on the first import" in report["findings"][0]["message"]
    assert not data.exists()


def test_human_output_is_one_line_per_check(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(populated), "doctor"]) == 0
    out = capsys.readouterr().out
    for check in ("data_dir", "database", "index", "temp_files"):
        assert f"{check}:" in out
    assert "healthy" in out


@pytest.mark.parametrize(
    "damage",
    [
        "delete_folder",
        "remove_toc",
        "garble_segments",
        "garble_toc",
        "garble_everything",
        "empty_files",
    ],
)
def test_damaged_index_is_rebuilt_from_the_store(
    populated: Path, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    index = populated / "index"
    files = [p for p in index.iterdir() if p.is_file()]
    if damage == "delete_folder":
        for p in files:
            p.unlink()
        index.rmdir()
    elif damage == "remove_toc":
        for p in index.glob("*.toc"):
            p.unlink()
    else:
        for p in files:
            is_toc = p.suffix == ".toc"
            if (
                (damage == "garble_toc") != is_toc
                and damage != "garble_everything"
                and damage != "empty_files"
            ):
                continue
            if p.name.endswith("WRITELOCK"):
                continue
            p.write_bytes(b"" if damage == "empty_files" else os.urandom(300))
    before = digest(populated / "newsdesk.sqlite3")
    code, report = doctor_json(populated, capsys)
    assert code == 0, report
    assert statuses(report)["index"] == "repaired", report
    assert statuses(report)["database"] == "ok"
    assert digest(populated / "newsdesk.sqlite3") == before
    assert titles_searchable(populated) == 60
    code, report = doctor_json(populated, capsys)
    assert statuses(report)["index"] == "ok"


def test_index_behind_the_store_is_caught_up(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.reliability.helpers import build_store

    build_store(populated / "newsdesk.sqlite3", 5, start=60)
    code, report = doctor_json(populated, capsys)
    assert code == 0 and statuses(report)["index"] == "repaired"
    assert titles_searchable(populated) == 65


def _truncate(db: Path) -> None:
    # The last quarter goes, mid-page: the end of the articles table with it.
    os.truncate(db, db.stat().st_size * 3 // 4 + 1000)


def _garble_header(db: Path) -> None:
    with db.open("r+b") as fh:
        fh.write(b"not a database!" * 4)


def _garble_middle(db: Path) -> None:
    # Garbage over a few pages in the middle of the article rows. Found by page
    # number, not at the middle of the file: there the schema's own pages may sit
    # (they moved when the story tables grew a column), and then nothing is left.
    with sqlite3.connect(db) as conn:
        leaves = [
            int(r[0])
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' "
                "ORDER BY pageno"
            )
        ]
    conn.close()
    first = leaves[len(leaves) // 2 - 1]
    with db.open("r+b") as fh:
        fh.seek((first - 1) * 4096)
        fh.write(os.urandom(4096 * 3))


@pytest.mark.parametrize("damage", [_truncate, _garble_header, _garble_middle])
def test_damaged_database_is_copied_aside_then_salvaged(
    populated: Path, capsys: pytest.CaptureFixture[str], damage: object
) -> None:
    db = populated / "newsdesk.sqlite3"
    originals = {r["id"]: r for r in read_articles(db)}
    damage(db)  # type: ignore[operator]
    damaged_bytes = db.read_bytes()

    code, report = doctor_json(populated, capsys)
    finding = {f["check"]: f for f in report["findings"]}["database"]
    assert code == 0, report
    assert finding["status"] == "repaired"
    copy = Path(finding["details"]["damaged_copy"])
    # Its index is rebuilt for the new database, not blamed on "another version".
    index = {f["check"]: f for f in report["findings"]}["index"]
    assert "another version" not in index["message"], index
    # The user's file is kept byte for byte, beside the new one.
    assert copy.parent == populated and copy.name.startswith("newsdesk.sqlite3.damaged-")
    assert copy.read_bytes() == damaged_bytes
    assert str(copy) in finding["message"]
    # The new database is sound and holds only whole articles that were really there.
    rows = assert_articles_whole(db)
    kept = finding["details"]["kept"]["articles"]
    assert kept == len(rows) > 0
    for row in rows:
        assert row["title"] == originals[row["id"]]["title"]
        assert row["body"] == originals[row["id"]]["body"]
    if damage is _garble_header:
        assert kept == len(originals)
    # The index now describes the new database, and a second run finds nothing to do.
    assert titles_searchable(populated) == kept
    code, report = doctor_json(populated, capsys)
    assert code == 0 and statuses(report)["database"] == "ok"


def test_newer_schema_is_left_untouched(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = populated / "newsdesk.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    before = snapshot(populated)
    code, report = doctor_json(populated, capsys)
    assert code == 1
    schema = {f["check"]: f for f in report["findings"]}["schema"]
    assert schema["status"] == "problem" and "Upgrade newsdesk" in schema["message"]
    after = snapshot(populated)
    assert after == before
    # The normal commands say the same in one line.
    proc = run_main(populated, "list")
    assert proc.returncode == 1
    assert_clean_stderr(proc.stderr)
    assert "newer newsdesk" in proc.stderr and "Upgrade" in proc.stderr


def test_read_only_data_directory_is_reported_not_changed(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(populated)
    with read_only(populated):
        code, report = doctor_json(populated, capsys)
        proc = run_main(populated, "star", token(3).capitalize())
    assert code == 1
    data_dir = {f["check"]: f for f in report["findings"]}["data_dir"]
    assert data_dir["status"] == "problem" and "not writable" in data_dir["message"]
    assert statuses(report)["database"] == "ok"
    after = snapshot(populated)
    assert after == before
    assert proc.returncode != 0
    assert_clean_stderr(proc.stderr)
    assert proc.stderr.count("\n") <= 3 and "doctor" in proc.stderr


def test_stale_temp_files_are_removed_recent_ones_kept(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = time.time() - 3600
    stale_file = populated / ".ui-state.json.0123456789ab.tmp"
    stale_dir = populated / ".newsdesk-staging-0123456789ab"
    fresh_file = populated / ".other.json.ba9876543210.tmp"
    user_file = populated / "notes.tmp"  # not a name newsdesk makes: never touched
    stale_file.write_text("half")
    stale_dir.mkdir()
    (stale_dir / "a.md").write_text("half")
    fresh_file.write_text("being written")
    user_file.write_text("mine")
    for path in (stale_file, stale_dir, user_file):
        os.utime(path, (old, old))
    code, report = doctor_json(populated, capsys)
    assert code == 0
    finding = {f["check"]: f for f in report["findings"]}["temp_files"]
    assert finding["status"] == "repaired"
    assert not stale_file.exists() and not stale_dir.exists()
    assert fresh_file.exists() and user_file.exists()
    assert str(fresh_file) in finding["details"]["recent"]


def test_look_only_mode_changes_nothing(populated: Path) -> None:
    (populated / "index" / "_MAIN_1.toc").unlink(missing_ok=True)
    for toc in (populated / "index").glob("*.toc"):
        toc.unlink()
    _truncate(populated / "newsdesk.sqlite3")
    before = snapshot(populated)
    report = run_doctor(resolve(populated), repair=False)
    assert not report.healthy
    after = snapshot(populated)
    assert after == before


def test_doctor_cli_never_shows_a_traceback(populated: Path) -> None:
    _garble_header(populated / "newsdesk.sqlite3")
    proc = run_cli(populated, "doctor")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert_clean_stderr(proc.stderr)
    assert "damaged-" in proc.stdout
    assert Doctor(resolve(populated)).run().healthy


def test_empty_database_file_is_not_called_damage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "newsdesk.sqlite3").write_bytes(b"")
    code, report = doctor_json(data, capsys)
    assert code == 0 and statuses(report)["database"] == "ok"
    assert [p.name for p in data.iterdir() if "damaged" in p.name] == []


def test_piped_cli_output_keeps_long_paths_whole(populated: Path, tmp_path: Path) -> None:
    # Piped output is not wrapped at 80 columns: a user greps for the copy's name.
    deep = tmp_path / ("a-long-folder-name-" * 4) / "data"
    deep.parent.mkdir()
    shutil.move(populated, deep)
    _garble_header(deep / "newsdesk.sqlite3")
    proc = run_cli(deep, "doctor")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    copies = list(deep.glob("newsdesk.sqlite3.damaged-*"))
    assert len(copies) == 1
    assert str(copies[0]) in proc.stdout


def test_a_full_disk_is_said_as_such_not_as_damage(
    populated: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import types

    from newsdesk.doctor import data_dir as data_dir_check
    from newsdesk.doctor import rows as rows_check

    def full(directory: Path) -> OSError:
        return OSError(errno.ENOSPC, "No space left on device")

    class NoRoom:
        # SQLite on a full disk: it cannot make its shared-memory file to read.
        row_factory: object = None

        def execute(self, *args: object) -> object:
            raise sqlite3.OperationalError("disk I/O error")

        def close(self) -> None:
            pass

    fake_sqlite = types.SimpleNamespace(
        connect=lambda *a, **k: NoRoom(), Row=sqlite3.Row, Error=sqlite3.Error
    )
    monkeypatch.setattr(data_dir_check, "write_probe", full)
    monkeypatch.setattr(rows_check, "sqlite3", fake_sqlite)
    before = snapshot(populated)
    code, report = doctor_json(populated, capsys)
    assert code == 1
    found = {f["check"]: f for f in report["findings"]}
    assert found["data_dir"]["status"] == "problem"
    assert "is full" in found["data_dir"]["message"] and "chmod" not in found["data_dir"]["message"]
    assert found["rows"]["status"] == "skipped"
    assert found["rows"]["message"] == (
        "the article rows were not checked: the disk is full (disk I/O error)"
    )
    assert found["index"]["message"] == "the index was not checked: the disk is full"
    assert snapshot(populated) == before


def test_a_database_whose_articles_cannot_be_read_at_all_is_not_called_healthy(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The schema's pages garbled: the salvage made a fresh, empty database and doctor
    # said "healthy" (exit 0), so a check run from cron never alerted.
    db = populated / "newsdesk.sqlite3"
    with sqlite3.connect(db) as conn:
        schema_pages = [
            int(r[0])
            for r in conn.execute("SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'")
        ]
    with db.open("r+b") as fh:
        for page in schema_pages:
            fh.seek((page - 1) * 4096 + 100 if page == 1 else (page - 1) * 4096)
            fh.write(os.urandom(4096 - 100 if page == 1 else 4096))
    code, report = doctor_json(populated, capsys)
    finding = {f["check"]: f for f in report["findings"]}["database"]
    assert "articles" in finding["details"]["unreadable_tables"], finding
    assert code == 1 and finding["status"] == "problem"
    assert finding["message"].startswith("no article could be read back")
    assert Path(finding["details"]["damaged_copy"]).exists()


def test_doctor_says_when_the_configuration_cannot_be_read(
    populated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = resolve().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("[ui\ntheme = ", encoding="utf-8")
    code, report = doctor_json(populated, capsys)
    finding = {f["check"]: f for f in report["findings"]}["config"]
    assert code == 1 and finding["status"] == "problem"
    assert "config.toml" in finding["message"] and "invalid TOML" in finding["message"]
    config.write_text('[ui]\ntheme = "textual-dark"\n', encoding="utf-8")
    code, report = doctor_json(populated, capsys)
    assert {f["check"]: f for f in report["findings"]}["config"]["status"] == "ok"
