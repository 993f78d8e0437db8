"""Damaged state through the everyday commands: one clear line and a way out, never a traceback.

The doctor's own repairs are in test_doctor.py; here the user just runs
`newsdesk search`, `list`, `import`, `star` or `export` on a broken data
directory (damaged index, damaged database, full disk, read-only folder).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from tests.reliability.conftest import read_only, tiny_disk
from tests.reliability.helpers import (
    assert_articles_whole,
    assert_clean_stderr,
    integrity,
    read_articles,
    run_cli,
    run_main,
    token,
    write_text_corpus,
)


def damage_index(index: Path, how: str) -> None:
    files = [p for p in index.iterdir() if p.is_file() and not p.name.endswith("WRITELOCK")]
    if how == "deleted":
        for p in index.iterdir():
            p.unlink()
        index.rmdir()
    elif how == "toc_removed":
        for p in index.glob("*.toc"):
            p.unlink()
    elif how == "segments_garbled":
        for p in files:
            if p.suffix in (".trm", ".pst", ".col", ".seg"):
                p.write_bytes(os.urandom(256))
    elif how == "toc_garbled":
        for p in index.glob("*.toc"):
            p.write_bytes(os.urandom(64))
    elif how == "version_garbled":
        (index / "newsdesk-index.json").write_text("{not json")
    elif how == "emptied":
        for p in files:
            p.write_bytes(b"")


@pytest.mark.parametrize(
    "how",
    ["deleted", "toc_removed", "segments_garbled", "toc_garbled", "version_garbled", "emptied"],
)
def test_search_survives_a_damaged_index(populated: Path, how: str) -> None:
    damage_index(populated / "index", how)
    word = token(7)
    proc = run_main(populated, "search", word, "--json")
    assert proc.returncode == 0, proc.stderr
    assert_clean_stderr(proc.stderr)
    assert len(proc.stderr.strip().splitlines()) <= 2, proc.stderr
    titles = [row["title"].split()[0].lower() for row in json.loads(proc.stdout)]
    assert titles == [word]
    # And the next run finds a sound index without a word about it.
    again = run_main(populated, "search", token(8), "--json")
    assert again.returncode == 0 and len(json.loads(again.stdout)) == 1
    assert again.stderr.strip() == ""


@pytest.mark.parametrize("damage", ["truncated", "header", "zero_length_wal_garbage"])
def test_damaged_database_gives_one_line_and_points_to_doctor(populated: Path, damage: str) -> None:
    db = populated / "newsdesk.sqlite3"
    if damage == "truncated":
        os.truncate(db, 4096 * 3)
    elif damage == "header":
        with db.open("r+b") as fh:
            fh.write(b"\x00" * 100)
    else:
        # A garbage WAL beside a sound database: SQLite ignores a WAL whose header is invalid.
        (populated / "newsdesk.sqlite3-wal").write_bytes(os.urandom(5000))
    proc = run_main(populated, "list")
    assert_clean_stderr(proc.stderr)
    if damage == "zero_length_wal_garbage":
        assert proc.returncode == 0 and token(0) in proc.stdout.lower()
        return
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 3 and "doctor" in proc.stderr
    fixed = run_main(populated, "doctor")
    if damage == "truncated":
        # Three pages left: no article can be read back. Salvaged into a sound, empty
        # database, but said as the loss it is (a check run from cron must fail).
        assert fixed.returncode == 1 and "no article could be read back" in fixed.stdout
    else:
        assert fixed.returncode == 0, fixed.stdout
    after = run_main(populated, "list", "--json")
    assert after.returncode == 0
    assert_clean_stderr(after.stderr)
    assert any(p.name.startswith("newsdesk.sqlite3.damaged-") for p in populated.iterdir())


def test_full_disk_during_import_keeps_the_store_sound(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    # Files share transactions (50 at most): the disk fills after some have committed.
    write_text_corpus(corpus, 300)
    with tiny_disk(tmp_path / "disk", "900k") as disk:
        data = disk / "data"
        proc = run_cli(data, "import", str(corpus), "--json")
        assert_clean_stderr(proc.stderr)
        # The summary still comes: what was stored, and why the rest was not.
        assert proc.returncode == 0, proc.stderr
        summary = json.loads(proc.stdout)
        assert summary["imported"] > 0 and summary["failed"]
        assert all("full" in f["reason"] or "space" in f["reason"] for f in summary["failed"])
        rows = assert_articles_whole(data / "newsdesk.sqlite3")
        assert 0 < len(rows) < 300
        # Reading still works; writing says why not; the doctor names the problem.
        # (In this process: their output is checked; the import above is the real one.)
        listed = run_main(data, "list", "--json")
        assert listed.returncode == 0 and len(json.loads(listed.stdout)) == min(50, len(rows))
        assert_clean_stderr(listed.stderr)
        doctor = run_main(data, "doctor", "--json")
        assert doctor.returncode == 1
        report = json.loads(doctor.stdout)
        problem = [f for f in report["findings"] if f["status"] == "problem"]
        assert problem and "space" in problem[0]["message"].lower()
        assert integrity(data / "newsdesk.sqlite3") == ["ok"]


def test_a_desk_on_a_full_disk_is_not_called_damaged(tmp_path: Path) -> None:
    # Opening the database on a full disk failed with "disk I/O error ... Run newsdesk
    # doctor": WAL's shared-memory file could not grow; nothing was damaged.
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 5)
    with tiny_disk(tmp_path / "disk", "3m") as disk:
        data = disk / "data"
        assert run_cli(data, "import", str(corpus)).returncode == 0
        filler = disk / "filler"
        with filler.open("wb") as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        listed = run_cli(data, "list", "--json")
        assert_clean_stderr(listed.stderr)
        assert listed.returncode == 1
        assert "disk holding it is full" in listed.stderr and "doctor" not in listed.stderr
        filler.unlink()
        again = run_cli(data, "list", "--json")
        assert again.returncode == 0 and len(json.loads(again.stdout)) == 5


def test_full_disk_during_export_writes_nothing(
    populated: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import newsdesk.atomic as atomic

    calls = {"n": 0}
    real = atomic._write_new_file

    def fill_up(path: Path, *args: object, **kwargs: object) -> None:
        calls["n"] += 1
        if calls["n"] > 5:  # the disk fills up part-way through the set
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "_write_new_file", fill_up)
    dest = tmp_path / "out"
    ids = [r["id"] for r in read_articles(populated / "newsdesk.sqlite3")][:20]
    code = main(
        [
            "--data-dir",
            str(populated),
            "export",
            "--format",
            "md-files",
            "-o",
            str(dest),
            "--ids",
            *ids,
        ]
    )
    err = " ".join(capsys.readouterr().err.split())  # Rich wraps at 80 columns
    assert code == 1
    assert "no space left" in err.lower() and "Traceback" not in err
    assert not dest.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".newsdesk-staging")]
    # Nothing was marked exported for an export that did not happen.
    assert not any(r["exported"] for r in read_articles(populated / "newsdesk.sqlite3"))


def test_read_only_export_destination(populated: Path, tmp_path: Path) -> None:
    dest = tmp_path / "locked"
    dest.mkdir()
    ids = [r["id"] for r in read_articles(populated / "newsdesk.sqlite3")][:3]
    with read_only(dest):
        proc = run_cli(populated, "export", "--format", "md-files", "-o", str(dest), "--ids", *ids)
    assert proc.returncode == 1
    assert_clean_stderr(proc.stderr)
    assert len(proc.stderr.strip().splitlines()) <= 2
    assert "read-only" in proc.stderr or "permission denied" in proc.stderr
    assert list(dest.iterdir()) == []


@pytest.mark.parametrize("damage", ["newer_schema", "header"])
def test_the_app_itself_says_what_is_wrong(populated: Path, damage: str) -> None:
    """`newsdesk` with no command (the TUI) on a database it cannot open: one message, no traceback."""
    from tests.reliability.helpers import cli_command
    from tests.reliability.test_terminal_leaks import run_in_pty

    db = populated / "newsdesk.sqlite3"
    if damage == "newer_schema":
        import sqlite3

        conn = sqlite3.connect(db)
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
        conn.commit()
        conn.close()
    else:
        with db.open("r+b") as fh:
            fh.write(b"garbage!" * 8)
    output = run_in_pty(cli_command(populated), keys=[(8.0, b"q")], timeout=15)
    text = " ".join(output.decode("utf-8", "replace").split())
    assert "Traceback" not in text
    assert ("newer newsdesk" in text) if damage == "newer_schema" else ("newsdesk doctor" in text)
