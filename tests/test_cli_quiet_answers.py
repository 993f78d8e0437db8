"""Answers that said nothing: `search` cut at its limit without a word (list says
"N of M shown"), and an empty `saved list` or `history --editor NAME` printed nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.store import STORE_ENV
from tests.test_cli import run


@pytest.fixture
def three_strikes(isolated_dirs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(STORE_ENV, "")
    for i, title in enumerate(("Port strike begins", "Strike spreads", "Strike ends at last")):
        (tmp_path / f"a{i}.md").write_text(f"# {title}\n\nThe strike in Rotterdam, day {i}.\n")
    run(["import", *(str(tmp_path / f"a{i}.md") for i in range(3))], {})


def test_search_says_what_its_limit_left_out(three_strikes: None) -> None:
    proc = run(["search", "strike", "--limit", "1"], {})
    assert "1 of 3 shown; use --limit 0 for all" in proc.stderr
    assert "shown" not in run(["search", "strike"], {}).stderr
    # Scripts get the rows only.
    assert "shown" not in run(["search", "strike", "--limit", "1", "--format", "tsv"], {}).stderr


def test_an_empty_saved_list_says_so(three_strikes: None) -> None:
    proc = run(["saved", "list"], {})
    assert proc.stdout == "" and "no saved searches" in proc.stderr
    assert run(["saved", "list", "--json"], {}).stdout.strip() == "[]"


def test_history_of_an_editor_with_no_actions_says_so(three_strikes: None) -> None:
    proc = run(["history", "--editor", "nobody"], {})
    assert proc.stdout == "" and "no actions by nobody" in proc.stderr
