"""`saved add` and `saved remove` say what they did on stderr; the list stays on stdout.

After a remove of the last search the command printed only "no saved searches", which
read as if the remove had failed."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main


def test_remove_says_it_removed_before_the_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["saved", "add", " korea ", "place:korea"]) == 0
    added = capsys.readouterr()
    assert "saved “korea”" in added.err
    assert "korea: place:korea" in added.out
    assert main(["saved", "remove", "korea"]) == 0
    removed = capsys.readouterr()
    assert "removed saved search “korea”" in removed.err
    assert "no saved searches" in removed.err
    assert removed.out == ""


def test_json_output_stays_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["saved", "--json", "add", "floods", "flood"]) == 0
    result = capsys.readouterr()
    assert json.loads(result.out) == [{"name": "floods", "query": "flood"}]
    assert "saved “floods”" in result.err
