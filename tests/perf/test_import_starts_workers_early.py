"""Day 32: `newsdesk import` starts the workers' fork server before loading its own
modules, so the server's warm-up overlaps them (docs/performance.md, "Day 32: feeds
and JSON Lines")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk import fork_server, pipeline
from newsdesk.cli import import_paths_typed


def test_the_import_command_and_its_paths_are_read_from_the_raw_arguments() -> None:
    assert import_paths_typed(["import", "a.rss", "--no-index", "b"]) == ["a.rss", "b"]
    assert import_paths_typed(["--data-dir", "D", "--store", "U", "import", "x"]) == ["x"]
    assert import_paths_typed(["--data-dir=D", "import", "--json", "-", "f"]) == ["-", "f"]
    assert import_paths_typed(["import", "--", "-rf.txt"]) == ["-rf.txt"]
    assert import_paths_typed(["list", "import"]) is None
    assert import_paths_typed(["--data-dir", "import", "list"]) is None  # the dir is "import"
    assert import_paths_typed([]) is None


def test_worth_starting_follows_the_pipeline_thresholds(tmp_path: Path) -> None:
    few = tmp_path / "few"
    few.mkdir()
    for n in range(3):
        (few / f"p{n}.txt").write_text("a page")
    assert not fork_server.worth_starting([str(few)])
    many = tmp_path / "many" / "deeper"
    many.mkdir(parents=True)
    for n in range(fork_server.PARALLEL_MIN_FILES):
        (many / f"p{n}.txt").write_text("a page")
    assert fork_server.worth_starting([str(tmp_path / "many")])
    big = tmp_path / "big.rss"
    big.write_bytes(b"x" * fork_server.SPLIT_MIN_BYTES)
    assert fork_server.worth_starting([str(big)])
    assert not fork_server.worth_starting([str(few / "p0.txt"), "-", str(tmp_path / "none")])
    # The pipeline decides with the same thresholds.
    assert pipeline.PARALLEL_MIN_FILES == fork_server.PARALLEL_MIN_FILES
    assert pipeline.SPLIT_MIN_BYTES == fork_server.SPLIT_MIN_BYTES


_SCRIPT = """
import json, sys
from newsdesk import fork_server
seen = []

def ensure_running():
    seen.append(sorted(m for m in sys.modules if m.startswith("newsdesk")))
    return False  # nothing started: the import loads as before

fork_server.ensure_running = ensure_running
fork_server.worker_count = lambda: 2
from newsdesk.cli import main
code = main(["--data-dir", sys.argv[1], "import", sys.argv[2], "--no-index"])
print(json.dumps({"code": code, "seen": seen}))
"""


def test_newsdesk_import_starts_the_fork_server_before_loading_its_modules(
    tmp_path: Path,
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for n in range(fork_server.PARALLEL_MIN_FILES):
        (inputs / f"page-{n}.txt").write_text(f"Headline {n}\n\nA short page number {n}.\n")
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path / "data"), str(inputs)],
        # No workers for the import itself: only the early start is looked at.
        env={**os.environ, "NEWSDESK_IMPORT_WORKERS": "0"},
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    answer = json.loads(out.strip().splitlines()[-1])
    assert answer["code"] == 0
    first = answer["seen"][0]  # the early start, before anything but the command's shell
    assert "newsdesk.cli.main" not in first and "newsdesk.desk" not in first
    assert "newsdesk.pipeline" not in first and "newsdesk.ingest" not in first


def test_a_server_started_early_counts_as_started_by_the_first_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """So the first import drafts its first feed while the server warms up, as when it
    starts the server itself (`pipeline._draft_here`); later imports do not."""
    monkeypatch.setattr(pipeline, "_start_fork_server", lambda: False)
    monkeypatch.setattr(fork_server, "_started_early", True)
    assert pipeline._started_context()[1] is True
    assert pipeline._started_context()[1] is False
