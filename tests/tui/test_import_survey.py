"""The question asked before an import of many files or of files that look like no article."""

from __future__ import annotations

from pathlib import Path

from newsdesk.tui.import_survey import survey


def test_the_question_counts_and_names_the_odd_files(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"story{n}.txt").write_text("Harbour reopens\n\nThe harbour reopened.\n")
    (tmp_path / "bomb.gz.bin").write_bytes(b"\x00\x01")
    asked = survey([tmp_path]).question()
    assert asked.startswith("Import 4 files? 1 of them does not look like an article")
    assert "(bomb.gz.bin): it will be tried, and refused if it is none." in asked
    (tmp_path / "notes.weird").write_text("x")
    asked = survey([tmp_path]).question()
    assert "2 of them do not look like articles" in asked and "each will be tried" in asked
    single = tmp_path / "story0.txt"
    assert survey([single]).question() == "Import 1 file?"
