"""What `import` reads as a stream: standard input (`-`) or a named pipe, kept as a file."""

from __future__ import annotations

import stat
import sys
from datetime import datetime
from pathlib import Path

from newsdesk.atomic import atomic_write_bytes
from newsdesk.desk import Desk, DeskError
from newsdesk.ingest.limits import MAX_FILE_BYTES, human_size


def piped_input(desk: Desk, named: Path | None = None) -> Path:
    """`import -` (or a named pipe: `/dev/stdin`, `<(curl ...)`): the stream, kept as a
    file of the data folder (`piped/`) so the articles have an origin to show and to
    extract again, as a file's have."""
    what = "standard input" if named is None else str(named)
    if named is None:
        if sys.stdin is None or sys.stdin.isatty():
            raise DeskError(
                "- reads standard input: pipe something in (`cat feed.xml | newsdesk import -`)"
            )
        data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    else:
        try:
            with named.open("rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise DeskError(f"cannot read {what}: {exc.strerror or exc}") from None
    if not data:
        raise DeskError(f"nothing on {what} to import")
    if len(data) > MAX_FILE_BYTES:
        raise DeskError(f"{what} is larger than the {human_size(MAX_FILE_BYTES)} limit")
    path = desk.paths.data_dir / "piped" / f"stdin-{datetime.now():%Y%m%d-%H%M%S-%f}"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
    return path


def is_pipe(path: Path) -> bool:
    """A named stream to read once (FIFO, `/dev/stdin` on a pipe), not a terminal or file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
