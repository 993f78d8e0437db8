"""The core never imports Textual or the app: the CLI and scripts stay light, the UI stays thin."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import newsdesk

ROOT = Path(__file__).resolve().parents[1]


def core_modules() -> list[str]:
    """Every module of the package outside `newsdesk.tui`, found by walking it."""
    found = []
    for info in pkgutil.walk_packages(newsdesk.__path__, prefix="newsdesk."):
        if info.name == "newsdesk.tui" or info.name.startswith("newsdesk.tui."):
            continue
        if info.name == "newsdesk.__main__":
            continue  # runs the CLI when imported as a script; nothing of its own
        found.append(info.name)
    return found


def test_the_walk_finds_the_core() -> None:
    modules = core_modules()
    for expected in ("newsdesk.desk", "newsdesk.store.sqlite.store", "newsdesk.search.engine"):
        assert expected in modules
    assert not any(m.startswith("newsdesk.tui") for m in modules)


def test_core_does_not_import_textual_or_the_app() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual'\n"
        "             or m == 'newsdesk.tui' or m.startswith('newsdesk.tui.'))\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_the_import_contract_names_every_core_package() -> None:
    """`lint-imports` forbids the core to import the app; a new core module must be in it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    forbidden = [
        c
        for c in contracts
        if c["type"] == "forbidden" and "newsdesk.tui" in c.get("forbidden_modules", [])
    ]
    assert len(forbidden) == 1
    sources = set(forbidden[0]["source_modules"])
    top_level = {".".join(m.split(".")[:2]) for m in core_modules()}
    assert top_level - {"newsdesk.__init__"} == sources


def test_importing_paths_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "never-created"
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(target))
    code = "import newsdesk.paths as p; p.resolve(); print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "ok"
    assert not target.exists()


def test_no_module_over_600_lines_without_its_reason() -> None:
    """Issue 10: a module over 600 lines says why at its top ("over 600 lines")."""
    package = Path(__file__).resolve().parent.parent / "newsdesk"
    unexplained = []
    for path in sorted(package.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > 600 and "over 600 lines" not in "\n".join(lines[:40]):
            unexplained.append(f"{path.relative_to(package.parent)} ({len(lines)} lines)")
    assert unexplained == []
