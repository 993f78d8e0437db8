"""A folder holding many files at the watch's first look is imported, and reported, a
hundred files at a time (it printed nothing for minutes, then everything at once)."""

from __future__ import annotations

import time
from pathlib import Path

from newsdesk import watch
from newsdesk.desk import ImportSummary


def test_ready_files_are_imported_and_reported_in_chunks(tmp_path: Path) -> None:
    settler = watch.Settler(0.0)
    paths = [tmp_path / f"f{n:04d}.txt" for n in range(250)]
    for path in paths:
        path.write_text("x", encoding="utf-8")
        settler.saw(path, time.monotonic() - 10)
    asked: list[int] = []
    reported: list[ImportSummary] = []

    def import_files(part: list[Path]) -> ImportSummary:
        asked.append(len(part))
        return ImportSummary()

    watch._import_ready(settler, import_files, reported.append, lambda message: None)
    assert asked == [100, 100, 50]
    assert len(reported) == 3


def test_a_chunk_that_fails_leaves_itself_and_the_rest_to_try_again(tmp_path: Path) -> None:
    settler = watch.Settler(0.0)
    for n in range(150):
        path = tmp_path / f"g{n:04d}.txt"
        path.write_text("x", encoding="utf-8")
        settler.saw(path, time.monotonic() - 10)
    errors: list[str] = []
    calls = 0

    def import_files(part: list[Path]) -> ImportSummary:
        nonlocal calls
        calls += 1
        if calls == 2:
            raise OSError("the desk went away")
        return ImportSummary()

    watch._import_ready(settler, import_files, lambda summary: None, errors.append)
    assert errors == [
        f"could not import 50 file(s): the desk went away; trying again in {watch.RETRY_S:.0f} s"
    ]
