"""What `rules import` says of a file: nothing in it, settings no rule reads, which rule
lacks an action."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.rules.model import RuleEntry, RuleError, from_toml


def test_an_empty_file_says_nothing_was_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """ "imported 0 rule(s): " ended on a dangling colon."""
    empty = tmp_path / "empty.toml"
    empty.write_text("# no rules yet\n", encoding="utf-8")
    assert main(["rules", "import", str(empty)]) == 0
    err = capsys.readouterr().err
    assert "has no [[rule]] tables: nothing was imported" in err
    assert "imported 0" not in err


def test_settings_no_rule_reads_are_named_as_ignored(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = '[[rule]]\nname = "volc"\nquery = "volcano"\nactions = ["star"]\ncolour = "red"\n'
    warnings: list[str] = []
    assert from_toml(text, warnings) == [RuleEntry("volc", "volcano", ("star",))]
    assert warnings == ["rule 1 (volc): 'colour' is not a rule setting; ignored"]
    typo = '[[rules]]\nname = "x"\nquery = "storm"\nactions = ["star"]\n'
    warnings = []
    assert from_toml(typo, warnings) == []
    assert warnings == ["'rules' is not a [[rule]] table; ignored"]
    path = tmp_path / "colour.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["rules", "import", str(path)]) == 0
    err = capsys.readouterr().err
    assert "'colour' is not a rule setting; ignored" in err
    assert "imported 1 rule(s): volc" in err
    with Desk() as desk:
        assert [r.name for r in desk.rules()] == ["volc"]


def test_a_rule_without_actions_is_named() -> None:
    text = '[[rule]]\nname = "ok"\nquery = "storm"\nactions = ["star"]\n'
    text += '[[rule]]\nname = "idle"\nquery = "calm"\nactions = []\n'
    with pytest.raises(RuleError, match=r"^rule 2 \(idle\): a rule needs at least one action"):
        from_toml(text)
    bad = '[[rule]]\nname = "loud"\nquery = "storm"\nactions = ["boom"]\n'
    with pytest.raises(RuleError, match=r"^rule 1 \(loud\): unknown action 'boom'"):
        from_toml(bad)
