"""The `newsdesk` command: no arguments opens the app; subcommands script every verb."""

from __future__ import annotations

import signal
import threading
from collections.abc import Sequence
from types import FrameType


def main(argv: Sequence[str] | None = None) -> int:
    """The command. Its modules take a moment to load (longer on a busy machine): a
    Ctrl-C meanwhile ends it quietly with 130, where Python printed a traceback from
    the middle of an import; once loaded, the command handles Ctrl-C itself."""
    if threading.current_thread() is not threading.main_thread():
        from newsdesk.cli.main import main as run

        return run(argv)
    previous = signal.signal(signal.SIGINT, _stopped_while_loading)
    try:
        from newsdesk.cli.main import main as run
    finally:
        signal.signal(signal.SIGINT, previous)
    return run(argv)


def _stopped_while_loading(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(130)


__all__ = ["main"]
