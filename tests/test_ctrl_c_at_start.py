"""A Ctrl-C in the gap between loading the command and its own Ctrl-C handling."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# In a fresh process: the entry point is taken before `newsdesk.cli.main` (the module)
# is imported, and the parser's construction is what the Ctrl-C interrupts.
_SCRIPT = """
import newsdesk.cli as cli
entry = cli.main
import newsdesk.cli.main as command

def interrupted():
    raise KeyboardInterrupt

command.build_parser = interrupted
raise SystemExit(entry(["list"]))
"""


def test_ctrl_c_while_the_parser_is_built_ends_quietly_with_130(isolated_dirs: Path) -> None:
    """On a loaded machine a Ctrl-C 0.4 s after `newsdesk import` landed while the
    command built its parser, after the loading guard and before its own handling:
    Python printed a KeyboardInterrupt traceback."""
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 130, proc.stderr
    assert "Traceback" not in proc.stderr and "KeyboardInterrupt" not in proc.stderr
