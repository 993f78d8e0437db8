"""The triage app (Textual). Importing this package loads nothing heavy.

`run(paths)` is what the CLI calls; the App itself is imported lazily so the
command line starts fast and the core never pulls in Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.paths import Paths


def run(paths: Paths) -> int:
    """Open the Desk on `paths` and run the app until the user quits; returns an exit code."""
    from newsdesk.tui.app import run_app

    return run_app(paths)
