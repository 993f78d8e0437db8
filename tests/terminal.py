"""A command run on a pseudo-terminal, as a user at a terminal runs it: what it and its
children print (a worker's traceback goes there, not to a pipe) is read as it comes."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence


class OnATerminal:
    """`command` started in a session of its own on a new pty (so a signal can go to its
    whole process group, as a terminal sends Ctrl-C)."""

    def __init__(self, command: Sequence[str], env: dict[str, str]) -> None:
        self._main, terminal = os.openpty()
        self.proc = subprocess.Popen(
            list(command),
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=env,
            start_new_session=True,
        )
        os.close(terminal)
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self._main, 65536)
            except OSError:
                return  # the terminal closed
            if not data:
                return
            self._chunks.append(data)

    @property
    def shown(self) -> bytes:
        return b"".join(self._chunks)

    def wait_for(self, text: bytes, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.shown:
            assert self.proc.poll() is None, self.shown[-2000:]
            assert time.monotonic() < deadline, f"{text!r} never shown"
            time.sleep(0.1)

    def finish(self, seconds: float = 120) -> int:
        """Wait for the command to end; its exit status (it is killed if it hangs)."""
        try:
            return self.proc.wait(timeout=seconds)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
            self._reader.join(5)
            os.close(self._main)
