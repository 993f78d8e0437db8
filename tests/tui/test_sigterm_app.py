"""SIGTERM (logging out, a session manager, `kill`) ends the app as `q` does: the terminal
is given back (the alternate screen left, mouse reporting off) and the status is 143."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

#: What a terminal application writes to leave the alternate screen.
LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"


@pytest.mark.skipif(sys.platform == "win32", reason="ptys and SIGTERM are POSIX")
def test_sigterm_gives_the_terminal_back(isolated_dirs: Path) -> None:
    main_side, terminal = os.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsdesk"],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    chunks: list[bytes] = []

    def read() -> None:
        while True:
            try:
                data = os.read(main_side, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 60
        while b"shown" not in b"".join(chunks) and time.monotonic() < deadline:
            assert proc.poll() is None, b"".join(chunks)[-2000:]
            time.sleep(0.1)
        assert b"shown" in b"".join(chunks), "the app never drew its first screen"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 128 + signal.SIGTERM
        reader.join(5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main_side)
    shown = b"".join(chunks)
    assert shown.rfind(LEAVE_ALTERNATE_SCREEN) > shown.rfind(b"shown")
    assert b"Traceback" not in shown
