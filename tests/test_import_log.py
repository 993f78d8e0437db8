"""The import log (`L`) keeps the last imports of every process in the data dir."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk import import_log
from newsdesk.desk import Desk
from newsdesk.paths import resolve
from tests.reliability.helpers import main_in_process

GOOD = "Harbour board names new pilot chief\n\nBy Ana Reis\nMarch 30, 2026\n\nQUILLPORT — The board met.\n"


def _files(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "board.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x00\x01\x02" * 400)
    return good, bad


def test_a_cli_import_and_its_refusals_are_in_the_log_for_the_next_process(
    tmp_path: Path,
) -> None:
    good, bad = _files(tmp_path)
    code, _, _ = main_in_process(["import", str(good), str(bad)])
    assert code == 0
    with Desk(resolve()) as desk:  # another process, later: the log is on disk
        (record,) = desk.recent_imports()
    assert record.by == "import" and record.imported == 1
    assert record.paths == [str(good), str(bad)]
    ((path, reason),) = record.failed
    assert path.endswith("photo.txt") and reason


def test_the_log_keeps_the_last_imports_newest_first_and_skips_a_bad_line(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    for n in range(2 * import_log.KEEP + 5):
        import_log.append(
            data, import_log.ImportRecord(f"t{n}", [f"/in/{n}.txt"], 1, 0, [], stopped=False)
        )
    with (data / import_log.LOG_NAME).open("a", encoding="utf-8") as handle:
        handle.write('{"finished": "torn' + "\n")  # a crash mid-line
    import_log.append(data, import_log.ImportRecord("last", ["/in/last.txt"], 0, 1, [], False))
    lines = (data / import_log.LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 2 * import_log.KEEP
    assert json.loads(lines[-1])["finished"] == "last"
    records = import_log.recent(data, 3)
    assert [r.finished for r in records] == [
        "last",
        f"t{2 * import_log.KEEP + 4}",
        f"t{2 * import_log.KEEP + 3}",
    ]
    assert import_log.recent(tmp_path / "nowhere") == []


def test_a_file_name_that_is_not_utf8_is_logged(tmp_path: Path) -> None:
    data = tmp_path / "data"
    name = "/in/empty\udcff.txt"  # how Python names the byte 0xff of a file name
    import_log.append(data, import_log.ImportRecord("t", [name], 0, 0, [(name, "empty")], False))
    (record,) = import_log.recent(data)
    assert record.paths == [name] and record.failed == [(name, "empty")]


def test_an_import_taken_back_is_marked_in_the_log(tmp_path: Path) -> None:
    """`L` still said "59 articles imported" of the sample import `u` had taken back."""
    good, _ = _files(tmp_path)
    other = tmp_path / "pier.txt"
    other.write_text(GOOD.replace("pilot chief", "pier master"), encoding="utf-8")
    assert main_in_process(["import", str(good)])[0] == 0
    assert main_in_process(["import", str(other)])[0] == 0
    with Desk(resolve()) as desk:
        newest, older = desk.recent_imports()
        assert not newest.undone and not older.undone and newest.probe
        desk.undo()  # the newest import
        newest, older = desk.recent_imports()
        assert newest.undone and not older.undone


def test_a_log_written_before_probes_reads_as_not_undone(tmp_path: Path) -> None:
    line = {
        "finished": "2026-12-01T10:00:00+00:00",
        "paths": ["/x"],
        "imported": 3,
        "duplicates": 0,
        "failed": [],
        "stopped": False,
    }
    data = resolve().data_dir
    data.mkdir(parents=True, exist_ok=True)
    (data / import_log.LOG_NAME).write_text(json.dumps(line) + "\n", encoding="utf-8")
    with Desk(resolve()) as desk:
        (record,) = desk.recent_imports()
    assert record.probe == [] and not record.undone


def test_a_time_another_tool_wrote_reaches_no_terminal_as_escapes(tmp_path: Path) -> None:
    """The log's "finished" went into the CLI's and the app's text as read."""
    data = tmp_path / "data"
    data.mkdir()
    hostile = "2026-12-07 09:00\x1b]0;PWNED\x07\x1b[31m[bold]x[/]"
    line = {"finished": hostile, "paths": ["/in/a.txt"], "imported": 1, "duplicates": 0}
    line |= {"failed": [], "stopped": False}
    (data / import_log.LOG_NAME).write_text(json.dumps(line) + "\n", encoding="utf-8")
    (record,) = import_log.recent(data)
    assert "\x1b" not in record.finished and "\x07" not in record.finished
    assert record.finished.startswith("2026-12-07 09:00")
