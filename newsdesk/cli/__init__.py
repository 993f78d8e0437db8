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
        _start_import_workers(argv)
        from newsdesk.cli.main import main as run
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        return run(argv)
    except KeyboardInterrupt:
        # The command handles a Ctrl-C while it runs (its message, 130); one that gets
        # here came before it took over (while it built its parser, on a busy machine)
        # or after it finished, and ends it as quietly as one while loading.
        return 130


#: Options before the command that take a value (`--data-dir X import ...`).
_VALUED_OPTIONS = ("--data-dir", "--store")


def import_paths_typed(argv: Sequence[str]) -> list[str] | None:
    """The paths of an `import` command as typed, before any module of the command is
    loaded; None for another command (or one this simple reading cannot tell)."""
    words = list(argv)
    at = 0
    while at < len(words) and words[at].startswith("-"):
        if words[at] == "--":
            return None
        at += 2 if words[at] in _VALUED_OPTIONS else 1
    if at >= len(words) or words[at] != "import":
        return None
    paths: list[str] = []
    operands = False
    for word in words[at + 1 :]:
        if operands or word == "-" or not word.startswith("-"):
            paths.append(word)
        elif word == "--":
            operands = True
    return paths


def _start_import_workers(argv: Sequence[str] | None) -> None:
    """For `newsdesk import` of enough files: start the workers' fork server before this
    process loads its own modules (`fork_server.start_early`: its warm-up then overlaps
    them, opening the desk and walking the inputs)."""
    import sys

    paths = import_paths_typed(sys.argv[1:] if argv is None else argv)
    if paths:
        from newsdesk.fork_server import start_early

        start_early(paths)


def _stopped_while_loading(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(130)


__all__ = ["main"]
