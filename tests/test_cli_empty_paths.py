"""An empty path operand (a script's unset variable) is refused as a missing path, never
read as `.`, the shell's folder (`cli.path_args`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk

STORY = "Harbour opens at dawn\n\nThe harbour opened at dawn on Monday, the port said.\n"


@pytest.fixture
def cwd_with_a_story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shell's folder holds a story, which `import ''` imported."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


@pytest.mark.parametrize(
    "argv",
    [
        ["import", ""],
        ["import", "story.txt", ""],
        ["import", "--json", ""],
        ["watch", ""],
        ["inspect", ""],
        ["feeds", "import", ""],
    ],
)
def test_an_empty_path_is_no_such_file_and_nothing_is_read(
    argv: list[str], cwd_with_a_story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "no such file or folder: ''" in capsys.readouterr().err
    with Desk() as desk:
        assert desk.count() == 0


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "-o", "", "in:all"],
        ["feeds", "export", "-o", ""],
        ["rules", "export", "-o", ""],
    ],
)
def test_an_empty_output_path_is_refused(
    argv: list[str], cwd_with_a_story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`-o ''` wrote to the terminal (export) or failed on `.` (feeds export)."""
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    said = capsys.readouterr()
    assert "an empty path names no file to write: ''" in said.err
    assert said.out == ""
    assert sorted(p.name for p in cwd_with_a_story.iterdir()) == ["story.txt"]


def test_rules_import_of_an_empty_path_is_no_such_file(
    cwd_with_a_story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["rules", "import", ""]) == 1
    assert "no such file or folder: ''" in capsys.readouterr().err
