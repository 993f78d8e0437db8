"""SIGTERM (logging out, a session manager, `kill`) ends the app as `q` does: the terminal
is given back (the alternate screen left, mouse reporting off) and the status is 143."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from tests.terminal import OnATerminal

#: What a terminal application writes to leave the alternate screen.
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


@pytest.mark.skipif(sys.platform == "win32", reason="ptys and these signals are POSIX")
@pytest.mark.parametrize("number", [signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)])
def test_sigterm_gives_the_terminal_back(isolated_dirs: Path, number: int) -> None:
    """SIGHUP (the window closed, an SSH link dropped) too: it killed the app outright,
    and an import running then was never written to the import log (`L`)."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    app = OnATerminal([sys.executable, "-m", "newsdesk"], env)
    app.wait_for(b"shown")
    app.proc.send_signal(number)
    assert app.finish(30) == 128 + number
    shown = app.shown
    assert shown.rfind(LEAVE_ALTERNATE_SCREEN) > shown.rfind(b"shown")
    assert b"Traceback" not in shown
