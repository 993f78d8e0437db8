"""Directories come from platformdirs, overridable by environment variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk import paths


def test_env_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("NEWSDESK_CONFIG_DIR", str(tmp_path / "c"))
    resolved = paths.resolve()
    assert resolved.data_dir == tmp_path / "d"
    assert resolved.config_dir == tmp_path / "c"
    assert resolved.database.parent == tmp_path / "d"
    assert resolved.keys_file.parent == tmp_path / "c"


def test_platformdirs_default_uses_app_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSDESK_DATA_DIR", raising=False)
    resolved = paths.resolve()
    assert "newsdesk" in str(resolved.data_dir)


def test_explicit_data_dir_wins(tmp_path: Path) -> None:
    assert paths.resolve(tmp_path).data_dir == tmp_path


def test_sample_data_is_found() -> None:
    found = paths.sample_data_dir()
    assert found is not None and found.name == "sample_data"
