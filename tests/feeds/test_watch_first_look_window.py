"""A file that lands between the watch's first look at its folder and the listing taken
just before the operating system's watch starts was in neither: the first look never saw
it, and the first tick only takes files that listing lacks. It was never imported (an
app test moving a file in right after the watch started failed one run in five)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import newsdesk.watch as watch_module
from newsdesk.desk.results import ImportSummary


def test_a_file_landing_right_after_the_first_look_is_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    real_listing = watch_module.existing_files
    looks = 0

    def listing(folders: list[Path]) -> list[Path]:
        nonlocal looks
        looks += 1
        if looks == 1:  # the first look: the folder is empty; the file lands just after
            found = real_listing(folders)
            (drop / "late.txt").write_text(
                "Ferry resumes night crossings\n\nThe night ferry sailed again on Tuesday.\n",
                encoding="utf-8",
            )
            return found
        return real_listing(folders)

    monkeypatch.setattr(watch_module, "existing_files", listing)
    stop = threading.Event()
    handed: list[Path] = []

    def import_files(paths: list[Path]) -> ImportSummary:
        handed.extend(paths)
        stop.set()
        return ImportSummary()

    runner = threading.Thread(
        target=watch_module.watch,
        args=([drop],),
        kwargs={
            "import_files": import_files,
            "stop": stop,
            "on_import": lambda _summary: None,
            "on_error": lambda _text: None,
            "settle_s": 0.1,
        },
    )
    runner.start()
    runner.join(timeout=20)
    stop.set()
    runner.join(timeout=5)
    assert [p.name for p in handed] == ["late.txt"]
