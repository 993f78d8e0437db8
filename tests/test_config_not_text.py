"""A config file or a rules file that is not text is said in a plain sentence, naming
the file: `newsdesk list` with 200 random bytes in config.toml stopped with only
"newsdesk: 'utf-8' codec can't decode byte 0xfc...", and `rules import` of a binary
file printed the codec's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.cli.main import main

BINARY = bytes([0xEF, 0xFC, 0x00, 0x9C, 0xFF]) * 40


def test_a_config_file_that_is_not_text_is_named_and_the_command_runs(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_bytes(BINARY)
    assert main(["list"]) == 0
    err = capsys.readouterr().err
    assert str(config) in err
    assert "not UTF-8 text" in err and "save it as UTF-8 text, or remove it" in err
    assert "codec" not in err


def test_a_rules_file_that_is_not_text_is_said_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_bytes(BINARY)
    assert main(["rules", "import", str(rules)]) != 0
    err = capsys.readouterr().err
    assert "not UTF-8 text" in err and "not a rules file" in err
    assert "codec" not in err
