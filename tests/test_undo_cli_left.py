"""`newsdesk undo` of a step another editor has worked on since says what stayed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main


def _cli(
    args: list[str],
    editor: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    monkeypatch.setenv("NEWSDESK_EDITOR", editor)
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_undo_that_leaves_part_of_an_import_says_so_and_counts_it_in_json(
    isolated_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ana imports two, Bo stars one, Ana undoes: it printed "undo import: 1 changed of
    1", nothing of the second, and `--json` had no word of it for a script."""
    for round_, as_json in enumerate((True, False)):
        folder = tmp_path / f"in{round_}"
        folder.mkdir()
        for name, head in (("a", "Harbour crane falls over"), ("b", "Council votes on bridge")):
            (folder / f"{name}.txt").write_text(
                f"{head} {round_}\n\n{head} on Tuesday night, officials said. Round {round_}.\n",
                encoding="utf-8",
            )
        _cli(["import", str(folder)], "ana", monkeypatch, capsys)
        _, out, _ = _cli(["list", "--json", "--limit", "0"], "ana", monkeypatch, capsys)
        ids = [
            row["id"]
            for row in json.loads(out)
            if f"Round {round_}" in json.dumps(row) or row["title"].endswith(str(round_))
        ]
        assert len(ids) == 2, out
        _cli(["star", ids[0]], "bo", monkeypatch, capsys)
        code, out, err = _cli(
            ["undo", *(["--json"] if as_json else [])], "ana", monkeypatch, capsys
        )
        assert code == 0
        if as_json:
            said = json.loads(out)
            assert said["action"] == "undo import"
            assert len(said["changed"]) == 1 and said["not_taken_back"] == 1
        else:
            assert "1 article of it was not taken back: other editors have worked on it" in err
