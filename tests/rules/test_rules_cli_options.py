"""`newsdesk rules`: options anywhere after the action, and what `move` says of a position."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk

VOLC = '[[rule]]\nname = "volc"\nquery = "volcano"\nactions = ["star"]\n'
VOLC_CHANGED = '[[rule]]\nname = "volc"\nquery = "volcano OR lava"\nactions = ["star"]\n'


def test_import_takes_force_before_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The refusal says "add --force": `rules import --force FILE` refused FILE."""
    (tmp_path / "a.toml").write_text(VOLC, encoding="utf-8")
    (tmp_path / "b.toml").write_text(VOLC_CHANGED, encoding="utf-8")
    assert main(["rules", "import", str(tmp_path / "a.toml")]) == 0
    assert main(["rules", "import", str(tmp_path / "b.toml")]) != 0
    assert "add --force" in capsys.readouterr().err
    assert main(["rules", "import", "--force", str(tmp_path / "b.toml")]) == 0
    with Desk() as desk:
        (rule,) = desk.rules()
    assert rule.query == "volcano OR lava"
    # Before the action, as before.
    assert main(["rules", "--force", "import", str(tmp_path / "a.toml")]) == 0


def test_json_goes_anywhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "add", "--json", "zz", "zebra", "star"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "zz"
    assert main(["rules", "add", "yy", "--json", "yak", "+herd"]) == 0
    assert json.loads(capsys.readouterr().out)["actions"] == ["+herd"]
    assert main(["rules", "test", "--json", "volcano"]) == 0
    assert json.loads(capsys.readouterr().out) == {"query": "volcano", "matches": []}
    assert main(["rules", "--json"]) == 0  # no action: the list
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["zz", "yy"]
    assert main(["rules", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["rules"]) == 0
    assert "zz: zebra -> star" in capsys.readouterr().out


def test_export_takes_its_options_anywhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "out.toml"
    assert main(["rules", "add", "zz", "zebra", "star"]) == 0
    assert main(["rules", "export", "-o", str(target)]) == 0
    assert main(["rules", "export", "-o", str(target)]) != 0  # kept without --force
    assert main(["rules", "export", "--force", "-o", str(target)]) == 0
    assert main(["rules", "-o", str(target), "--force", "export"]) == 0
    assert 'name = "zz"' in target.read_text(encoding="utf-8")


def test_a_rule_tag_to_remove_is_still_an_operand(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "add", "calm", "storm", "-alarm", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["actions"] == ["-alarm"]


@pytest.mark.parametrize("position", ["0", "-1"])
def test_a_position_below_1_says_so(capsys: pytest.CaptureFixture[str], position: str) -> None:
    assert main(["rules", "add", "a", "storm", "star"]) == 0
    capsys.readouterr()
    assert main(["rules", "move", "a", position]) != 0
    err = capsys.readouterr().err
    assert "position must be 1 or more" in err
    assert "needs NAME POSITION" not in err and "usage:" not in err


def test_a_position_past_the_end_says_it_moved_it_last(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("a", "b", "c"):
        assert main(["rules", "add", name, f"word{name}", "star"]) == 0
    capsys.readouterr()
    assert main(["rules", "move", "a", "99"]) == 0
    err = capsys.readouterr().err
    assert "there are 3 rule(s): a now runs last" in err
    assert "order: b, c, a" in err
    assert main(["rules", "move", "c", "1"]) == 0
    assert "runs last" not in capsys.readouterr().err
