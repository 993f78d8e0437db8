"""The triage app (Textual). Importing this package loads nothing heavy.

`run(paths)` is what the CLI calls; the App itself is imported lazily so the
command line starts fast and the core never pulls in Textual.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.paths import Paths

#: Fewer, cheaper collections while the app runs (see `NewsdeskApp.freeze_startup_objects`).
GC_THRESHOLDS = (20_000, 50, 100)


def run(paths: Paths) -> int:
    """Open the Desk on `paths` and run the app until the user quits; returns an exit code."""
    # Start-up builds many objects that live as long as the app (modules, styles,
    # widgets): with the default thresholds the collector rescans them over and
    # over before the first frame (about 10% of the start's CPU).
    gc.set_threshold(*GC_THRESHOLDS)
    from newsdesk.tui.app import run_app

    return run_app(paths)
