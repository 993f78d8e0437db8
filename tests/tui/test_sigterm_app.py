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


@pytest.mark.skipif(sys.platform == "win32", reason="ptys and SIGTERM are POSIX")
def test_sigterm_gives_the_terminal_back(isolated_dirs: Path) -> None:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    app = OnATerminal([sys.executable, "-m", "newsdesk"], env)
    app.wait_for(b"shown")
    app.proc.send_signal(signal.SIGTERM)
    assert app.finish(30) == 128 + signal.SIGTERM
    shown = app.shown
    assert shown.rfind(LEAVE_ALTERNATE_SCREEN) > shown.rfind(b"shown")
    assert b"Traceback" not in shown


@pytest.mark.skipif(sys.platform == "win32", reason="ptys and SIGHUP are POSIX")
def test_sighup_ends_the_app_as_sigterm_does(isolated_dirs: Path) -> None:
    """The window closed or the SSH link dropped: SIGHUP killed the app outright, and an
    import running then was never written to the import log (`L`)."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    app = OnATerminal([sys.executable, "-m", "newsdesk"], env)
    app.wait_for(b"shown")
    app.proc.send_signal(signal.SIGHUP)
    assert app.finish(30) == 128 + signal.SIGHUP
    assert b"Traceback" not in app.shown
