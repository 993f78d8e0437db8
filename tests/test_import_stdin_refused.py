"""A refused stream (`cat x | newsdesk import -`) is named as what was piped: the line
named the copy under `piped/` that the import had just removed."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsdesk.cli.main import main


def _pipe(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize("as_json", [False, True], ids=["lines", "json"])
def test_a_refused_stdin_import_names_standard_input(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    isolated_dirs: Path,
    as_json: bool,
) -> None:
    _pipe(monkeypatch, b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4)
    assert main(["import", "-", *(["--json"] if as_json else [])]) == 1
    out = capsys.readouterr().out
    if as_json:
        assert json.loads(out)["failed"][0]["path"] == "standard input"
    else:
        assert "✗ standard input: not a news file" in out
    assert "piped" not in out
    assert not list((isolated_dirs / "data" / "piped").iterdir())
