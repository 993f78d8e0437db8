"""Shared fixtures. Every test runs with its own data, config and cache directories."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SAMPLE_DATA = REPO_ROOT / "sample_data"


@pytest.fixture(autouse=True)
def isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point every user directory at a fresh temp dir: the real ones are never touched."""
    root = tmp_path_factory.mktemp("newsdesk-home")
    for name, sub in (
        ("NEWSDESK_DATA_DIR", "data"),
        ("NEWSDESK_CONFIG_DIR", "config"),
        ("NEWSDESK_CACHE_DIR", "cache"),
    ):
        monkeypatch.setenv(name, str(root / sub))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "xdg-cache"))
    yield root


@pytest.fixture
def shared_dir() -> Path:
    """The team's shared real-world corpus; tests using it skip in a fresh clone."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED
