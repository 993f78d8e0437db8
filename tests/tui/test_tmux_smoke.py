"""The real program in a real terminal (tmux): search, star, quit, restart, star still there."""

from __future__ import annotations

import importlib.util
import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from tests.tui.conftest import make_paths, sample_articles

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def app_command() -> list[str]:
    """The `newsdesk` console script (no arguments opens the app)."""
    script = shutil.which("newsdesk", path=str(Path(sys.executable).parent))
    if script and importlib.util.find_spec("newsdesk.cli") is not None:
        return [script]
    # Before the CLI exists: the same entry point the CLI calls.
    return [
        sys.executable,
        "-c",
        "from newsdesk.tui import run; from newsdesk.paths import resolve; raise SystemExit(run(resolve()))",
    ]


class Tmux:
    """One private tmux server (its own socket), so nothing else is touched."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            check=check,
            capture_output=True,
            text=True,
        )

    def start(self, env: dict[str, str], cols: int = 120, rows: int = 36) -> None:
        env_args = [arg for key, value in env.items() for arg in ("-e", f"{key}={value}")]
        self.run(
            "new-session",
            "-d",
            "-s",
            "nd",
            "-x",
            str(cols),
            "-y",
            str(rows),
            *env_args,
            shlex.join(app_command()),
        )

    def screen(self) -> str:
        return self.run("capture-pane", "-t", "nd", "-p", check=False).stdout

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", "nd", *keys)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} did not appear; the screen was:\n{screen}")

    def wait_exit(self, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.run("has-session", "-t", "nd", check=False).returncode != 0:
                return
            time.sleep(0.1)
        raise AssertionError(f"the app did not quit; the screen was:\n{self.screen()}")

    def kill(self) -> None:
        self.run("kill-server", check=False)


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    server = Tmux(f"newsdesk-test-{os.getpid()}-{tmp_path.name}")
    yield server
    server.kill()


def test_search_star_quit_restart(tmux: Tmux, tmp_path: Path) -> None:
    paths = make_paths(tmp_path)
    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(12), "fixture")
        desk.sync_index()
    env = {
        "NEWSDESK_DATA_DIR": str(paths.data_dir),
        "NEWSDESK_CONFIG_DIR": str(paths.config_dir),
        "NEWSDESK_CACHE_DIR": str(paths.cache_dir),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }
    tmux.start(env)
    tmux.wait_for("12 shown")
    tmux.wait_for("Flood waters rise")
    # Typed in one go, as a fast typist would: no key may be lost or misrouted.
    tmux.keys("-l", "/nurses")
    tmux.wait_for("newsdesk   2 shown")
    tmux.keys("Enter", "s")
    screen = tmux.wait_for("1 starred")
    starred_lines = [line for line in screen.splitlines() if "★" in line]
    assert len(starred_lines) == 1 and "Nurses walk out" in starred_lines[0], screen
    tmux.keys("q")
    tmux.wait_exit()

    tmux.start(env)
    screen = tmux.wait_for("1 starred")
    screen = tmux.wait_for("query: nurses")  # the last query is restored
    screen = tmux.wait_for("★")
    starred_lines = [line for line in screen.splitlines() if "★" in line]
    assert len(starred_lines) == 1 and "Nurses walk out" in starred_lines[0], screen
    tmux.keys("q")
    tmux.wait_exit()
    with Desk(paths) as desk:
        assert desk.counts()["starred"] == 1
