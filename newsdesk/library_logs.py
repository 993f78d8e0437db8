"""Library log records never reach the terminal.

Python writes a record that no handler takes straight to stderr (its "last
resort" handler): psycopg's warning when the server goes away in the middle of
a write, a parser's remark about a page. Under the TUI that line lands on top of
the screen (Textual draws on stderr), and in the CLI it is a raw line beside the
plain message newsdesk prints for the same event. newsdesk says what went wrong
in its own words, so every record stops at a null handler on the root logger.
Call `quiet_library_logs` in each entry point and each worker process (workers
are spawned: they do not inherit the parent's handlers).
"""

from __future__ import annotations

import logging


def quiet_library_logs() -> None:
    root = logging.getLogger()
    if not any(type(handler) is logging.NullHandler for handler in root.handlers):
        root.addHandler(logging.NullHandler())
