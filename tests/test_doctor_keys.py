"""`newsdesk doctor` says of keys.toml what the app says when it starts."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli.main import main
from newsdesk.config import load_settings
from newsdesk.paths import resolve

CLASH = '[keys]\nstar = "s,f"\nbogus_id = "x"\narchive = "s"\n'


def config_finding(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict]:
    capsys.readouterr()
    code = main(["doctor", "--json"])
    report = json.loads(capsys.readouterr().out)
    return code, {f["check"]: f for f in report["findings"]}["config"]


def test_doctor_reports_the_keys_the_app_ignores(capsys: pytest.CaptureFixture[str]) -> None:
    """It said "read without a problem" and "healthy" of an unknown id and a clash."""
    paths = resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.keys_file.write_text(CLASH, encoding="utf-8")
    code, finding = config_finding(capsys)
    assert code == 1 and finding["status"] == "problem"
    errors = finding["details"]["errors"]
    assert any("unknown key id 'bogus_id'" in e for e in errors)
    assert any("'s' is bound to both 'star' and 'archive'" in e for e in errors)
    # The same lines as the app's warnings on start (its own check of the same table).
    from newsdesk.tui.keymap import validate_keymap

    settings = load_settings(paths)
    assert errors == [*settings.errors, *validate_keymap(settings.keys)[1]]


def test_keys_the_app_takes_pass(capsys: pytest.CaptureFixture[str]) -> None:
    paths = resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.keys_file.write_text('[keys]\nstar = "f"\nsearch_submit = "ctrl+j"\n', encoding="utf-8")
    _, finding = config_finding(capsys)
    assert finding["status"] == "ok" and "keys.toml read without a problem" in finding["message"]


@pytest.mark.parametrize("name", ["notakey", "ctrl+notakey", "escapee", "f25", "esc", "shift+s"])
def test_a_word_that_names_no_key_is_reported_and_the_default_kept(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """`star = "notakey"` was taken silently: the footer said "notakey Star" and `s`
    no longer starred."""
    from newsdesk.tui.keymap import validate_keymap

    valid, errors = validate_keymap({"star": name, "read": "ctrl+shift+alt+q"})
    assert "star" not in valid and valid["read"] == "ctrl+shift+alt+q"
    assert errors == [f"keys.toml: star: {name!r} is not a key name"]
    paths = resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    paths.keys_file.write_text(f'[keys]\nstar = "{name}"\n', encoding="utf-8")
    code, finding = config_finding(capsys)
    assert code == 1 and finding["details"]["errors"] == errors


@pytest.mark.parametrize(
    "name", ["ß", "é", "percent_sign", "tilde", "ampersand", "f9", "shift+f5", "ctrl+y"]
)
def test_key_names_textual_binds_are_taken(name: str) -> None:
    from newsdesk.tui.keymap import validate_keymap

    valid, errors = validate_keymap({"star": name})
    assert valid == {"star": name} and errors == []
