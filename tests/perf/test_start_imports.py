"""The app's start loads only what its first screen needs (issue 19, item 5).

Each module below costs tens of milliseconds (numpy and httpx over 100 ms) and
the first screen uses none of them: they load when a search, a grouping, a
fetch or an import first needs them. Start-up time itself is measured by
`benchmarks/bench_tui.py --starts`, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

#: Top-level packages or modules the first screen must not load.
HEAVY = (
    "numpy",
    "httpx",
    "whoosh",
    "feedparser",
    "trafilatura",
    "lxml",
    "multiprocessing.pool",
    "rich.progress",
    "newsdesk.extract",
    "newsdesk.ingest",
    "newsdesk.stories",
    "newsdesk.feeds.service",
    "newsdesk.search.query",
    "newsdesk.search.query_lexer",
    "newsdesk.search.query_tree",
    "newsdesk.search.index",
    "newsdesk.pipeline",
)

_SCRIPT = """
import json, sys
from newsdesk.cli import main  # what the `newsdesk` command imports
from newsdesk.tui import app  # the app (Textual)
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from pathlib import Path

root = Path(sys.argv[1])
with Desk(Paths(root / "data", root / "config", root / "cache")) as desk:
    desk.rows(desk.inbox_head(50))  # what the first screen reads
print(json.dumps(sorted(sys.modules)))
"""


def test_the_first_screen_loads_no_heavy_module(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    loaded = set(json.loads(out))
    assert "newsdesk.tui.app" in loaded and "textual.app" in loaded  # the script ran
    heavy = sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == [], f"loaded at start: {heavy}"
