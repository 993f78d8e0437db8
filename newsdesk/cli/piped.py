"""What `import` reads as a stream: standard input (`-`) or a named pipe, kept as a file."""

from __future__ import annotations

import contextlib
import stat
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.atomic import atomic_write_bytes
from newsdesk.desk import Desk, DeskError
from newsdesk.ingest.limits import MAX_FILE_BYTES, human_size

if TYPE_CHECKING:
    from newsdesk.desk import ImportSummary


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


def read_streams(desk: Desk, paths: Sequence[Path]) -> list[Path]:
    """`paths` with each stream read and kept as a file (`piped_input`): `-` always
    (the shell's standard input), a named pipe only when nothing but streams is named.
    Among files a pipe stays a path, which the import refuses as the app does ("not a
    regular file"): a pipe nobody writes to blocked every file named beside it. An
    import stopped while it waits on a pipe is in the import log."""
    streams = [p for p in paths if str(p) == "-" or is_pipe(p)]
    only_streams = bool(streams) and len(streams) == len(paths)
    try:
        read = list(paths)
        if any(str(p) == "-" for p in read):
            piped = piped_input(desk)
            read = [piped if str(p) == "-" else p for p in read]
        if only_streams:
            read = [piped_input(desk, p) if is_pipe(p) else p for p in read]
    except KeyboardInterrupt:
        _log_stopped_read(desk, streams)
        raise
    return read


def drop_refused_streams(
    named: Sequence[Path], read: Sequence[Path], summary: ImportSummary
) -> None:
    """The copies of piped input (`piped/`) whose import failed (binary data, empty):
    no article names them, and the folder kept every refused stream. `read` is `named`
    with each stream read into its copy (`read_streams`); the failure line names what
    was piped ("standard input", the pipe's name), not the copy just removed."""
    shown = {
        str(copy.absolute()): "standard input" if str(name) == "-" else str(name)
        for name, copy in zip(named, read, strict=True)
        if copy != name
    }
    for outcome in summary.files:
        if outcome.error and not outcome.imported and outcome.path in shown:
            with contextlib.suppress(OSError):
                Path(outcome.path).unlink()
            outcome.path = shown[outcome.path]


def _log_stopped_read(desk: Desk, streams: Sequence[Path]) -> None:
    """The stop (Ctrl-C, SIGTERM) of an import waiting on a stream, in the import log:
    `newsdesk imports` said "no import yet"."""
    from newsdesk import import_log
    from newsdesk.desk import ImportSummary

    named = [str(p) if str(p) == "-" else str(p.absolute()) for p in streams]
    record = import_log.record_of(ImportSummary(), named, by="import", stopped=True)
    with contextlib.suppress(OSError):
        import_log.append(desk.paths.data_dir, record)
