"""The import log stays line-whole, an import stops at a full disk, and an import whose
process was killed is in the log as interrupted, with what it stored."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from newsdesk import import_batch, import_log
from newsdesk.desk import Desk
from newsdesk.doctor import Doctor
from newsdesk.paths import resolve
from tests.reliability.conftest import tiny_disk
from tests.reliability.helpers import (
    assert_articles_whole,
    assert_clean_stderr,
    cli_command,
    cli_env,
    run_cli,
    write_text_corpus,
)


def _record(n: int) -> import_log.ImportRecord:
    return import_log.ImportRecord(
        f"2026-03-0{n}T10:00:00+00:00", [f"/in/{n}"], n, 0, [], stopped=False
    )


def _lines(data: Path) -> list[str]:
    return (data / import_log.LOG_NAME).read_text(encoding="utf-8").splitlines()


def test_a_record_after_a_torn_line_starts_on_a_line_of_its_own(tmp_path: Path) -> None:
    data = tmp_path / "data"
    import_log.append(data, _record(1))
    with (data / import_log.LOG_NAME).open("a", encoding="utf-8") as log:
        log.write('{"finished": "2026-03-02T10:00:00+00:00", "paths": ["/in/2"], "impo')
    import_log.append(data, _record(3))
    assert [r.imported for r in import_log.recent(data)] == [3, 1]
    assert len(_lines(data)) == 3
    assert import_log.read_log(data).unreadable == 1  # said in `L`, removed by doctor


def test_a_record_the_disk_cannot_hold_is_cut_back_off(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk", "64k") as disk:
        data = disk / "data"
        log = data / import_log.LOG_NAME
        import_log.append(data, _record(1))
        # A record whose length leaves the log's last page 50 bytes short of full:
        # the next record only half fits in it.
        short = import_log.ImportRecord("2026-03-02", ["/in/"], 2, 0, [], stopped=False)
        length = len(json.dumps(dataclasses.asdict(short))) + 1
        pad = 2 * 4096 - 50 - log.stat().st_size - length
        import_log.append(data, dataclasses.replace(short, paths=["/in/" + "x" * pad]))
        assert log.stat().st_size % 4096 == 4096 - 50
        filler = disk / "filler"
        with filler.open("wb", buffering=0) as fh, contextlib.suppress(OSError):
            while True:
                fh.write(b"\0" * 4096)
        before = log.read_bytes()
        import_log.append(data, _record(5))  # never raises
        assert log.read_bytes() == before
        filler.unlink()
        import_log.append(data, _record(7))
        assert import_log.recent(data)[0].imported == 7
        assert all(import_log.parse_line(line) for line in _lines(data))


def test_doctor_finds_a_torn_line_and_keeps_the_record_stuck_to_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    import_log.append(data, _record(1))
    glued = json.dumps(dataclasses.asdict(_record(2)))
    with (data / import_log.LOG_NAME).open("a", encoding="utf-8") as log:
        # What an append onto a torn line wrote before records began on a line of their own.
        log.write('{"finished": "2026-03-0' + glued + "\n")
    looked = Doctor(resolve(data), repair=False).run()
    (finding,) = [f for f in looked.findings if f.check == "import_log"]
    assert finding.status == "problem" and "1 line" in finding.message
    assert not looked.healthy
    repaired = Doctor(resolve(data)).run()
    (finding,) = [f for f in repaired.findings if f.check == "import_log"]
    assert finding.status == "repaired"
    assert import_log.read_log(data).unreadable == 0
    assert [r.imported for r in import_log.recent(data)] == [2, 1]
    (again,) = [f for f in Doctor(resolve(data)).run().findings if f.check == "import_log"]
    assert again.status == "ok"


def test_a_full_disk_stops_the_import_at_the_first_file_it_cannot_store(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 600)
    with tiny_disk(tmp_path / "disk", "900k") as disk:
        data = disk / "data"
        proc = run_cli(data, "import", str(corpus))
        assert_clean_stderr(proc.stderr)
        assert "disk full: stopped after" in proc.stderr, proc.stderr
        rows = assert_articles_whole(data / "newsdesk.sqlite3")
        assert 0 < len(rows) < 600
        # One batch at most failed; the rest was not tried file by file.
        failed = proc.stdout.count("✗")
        assert 0 < failed <= import_batch.BATCH_FILES, proc.stdout
        assert (
            all(
                import_log.parse_line(line) is not None
                for line in (data / import_log.LOG_NAME).read_text().splitlines()
                if line.strip()
            )
            if (data / import_log.LOG_NAME).exists()
            else True
        )


def test_store_batch_ends_the_import_on_a_full_disk() -> None:
    """A full disk ends the batch and the import (`finished`), saying so on the file."""
    from newsdesk.errors import DiskFullError

    outcome = import_batch.FileOutcome("/in/a.txt", error="could not store articles")
    assert import_batch.stopped_for_full_disk(DiskFullError("the disk is full."), outcome)
    assert outcome.disk_full and "stopped at this file" in (outcome.error or "")
    # The batch's commit fails the same way after it: said once.
    assert import_batch.stopped_for_full_disk(DiskFullError("the disk is full."), outcome)
    assert (outcome.error or "").count("stopped at this file") == 1
    other = import_batch.FileOutcome("/in/b.txt", error="could not store articles")
    assert not import_batch.stopped_for_full_disk(import_batch.StoreError("locked"), other)
    line = import_batch.disk_full_line([other, outcome], 2000)
    assert line is not None and line.startswith("disk full: stopped after 2 files")
    assert "(1,998 files)" in line


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_killed_import_is_in_the_log_as_interrupted_with_what_it_stored(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 600)
    data = tmp_path / "data"
    proc = subprocess.Popen(
        cli_command(data, "import", str(corpus)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(),
    )
    deadline = time.monotonic() + 120
    running: list[import_log.ImportRecord] = []
    # Killed once files are reported done (it says how many of how many).
    while not (running and running[0].files) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.01)
        running = [r for r in import_log.recent(data) if r.running]
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    if proc.returncode == 0:
        pytest.skip("the import finished before the kill")
    assert running and running[0].paths == [str(corpus)]
    stored = _stored(data / "newsdesk.sqlite3")
    with Desk(resolve(data)) as desk:
        (record,) = desk.recent_imports()
    assert record.interrupted and not record.running
    assert record.imported == stored
    assert record.files_total == 600 and 0 < record.files <= 600
    # Settled into the log once: the running file is gone, the record stays.
    assert not list((data / import_log.RUNNING_DIR).glob("*.json"))
    (again,) = import_log.recent(data)
    assert again.interrupted and again.token == record.token
    listed = run_cli(data, "imports")
    assert listed.returncode == 0 and not listed.stderr
    assert f"interrupted: {stored:,} articles stored of an import of 600 files" in (listed.stdout)


def test_an_import_that_ends_leaves_no_running_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 3)
    data = tmp_path / "data"
    with Desk(resolve(data)) as desk:
        desk.import_paths([corpus])
        (record,) = desk.recent_imports()
    assert not record.interrupted and record.files == record.files_total == 3
    assert not list((data / import_log.RUNNING_DIR).glob("*.json"))
