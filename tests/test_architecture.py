"""The core never imports Textual: the CLI and scripts stay light, the UI stays thin."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = [
    "newsdesk.model",
    "newsdesk.paths",
    "newsdesk.sanitize",
    "newsdesk.store",
    "newsdesk.desk",
    "newsdesk.ingest",
    "newsdesk.extract.page",
    "newsdesk.search.engine",
    "newsdesk.export",
    "newsdesk.stories.grouping",
    "newsdesk.cli.commands",
]


def test_core_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == ""


def test_importing_paths_creates_nothing(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "never-created"
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(target))
    code = "import newsdesk.paths as p; p.resolve(); print('ok')"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "ok"
    assert not target.exists()
