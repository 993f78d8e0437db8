"""The import log: the last imports of every process, kept in the data dir.

`L` in the app showed only the imports of its own session: after a restart it
said "No import yet", and what `newsdesk import` or `newsdesk watch` refused
was never there. Every import through the Desk (the app's, the CLI's, a watched
folder's) now appends one record here, with every file that failed and why and
what was left out of files that did import.

One JSON object a line in `imports.jsonl`, appended under an exclusive lock so
processes writing at once never interleave, and cut to the last KEEP records
once it holds twice that. A line that cannot be read (another tool's, a crash
mid-write) is skipped: the log is a record for the editor, never a reason for
an import to fail.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.atomic import atomic_write_text

if TYPE_CHECKING:
    from newsdesk.desk.results import ImportSummary

log = logging.getLogger(__name__)

LOG_NAME = "imports.jsonl"
#: Imports kept (the log is cut back to these once it holds twice as many).
KEEP = 100
#: Article ids kept with a record to tell later whether the import was undone.
PROBE = 8


@dataclass(frozen=True)
class ImportRecord:
    """One finished import, for the import log."""

    #: When it ended (local time, ISO 8601 to the second).
    finished: str
    paths: list[str]
    imported: int
    duplicates: int
    #: (path, reason) for every file that failed.
    failed: list[tuple[str, str]]
    stopped: bool
    #: (path, warning) for what a file that did import left out ("line 2: malformed JSON").
    warned: list[tuple[str, str]] = field(default_factory=list)
    #: Who imported: "import" (the app's `i`, `newsdesk import`) or "watch" (a folder).
    by: str = "import"
    #: Articles whose watched file was written again and replaced their text.
    updated: int = 0
    #: A few of the articles it stored: when every one is gone, the import was undone
    #: (or its articles deleted).
    probe: list[str] = field(default_factory=list)
    #: Set when the log is read (`Desk.recent_imports`): those articles are all gone.
    undone: bool = False


def now_stamp() -> str:
    """Local time, ISO 8601 to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def record_of(
    summary: ImportSummary, paths: Sequence[str], *, by: str, stopped: bool = False
) -> ImportRecord:
    return ImportRecord(
        finished=now_stamp(),
        paths=list(paths),
        imported=summary.imported,
        duplicates=summary.duplicates,
        failed=[(f.path, f.error or "") for f in summary.failed],
        stopped=stopped,
        warned=[(f.path, w) for f in summary.files if not f.error for w in f.warnings],
        by=by,
        updated=len(summary.updated),
        probe=list(summary.imported_ids[:PROBE]),
    )


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside `path` (not on it: the log itself is replaced
    when it is cut back, and a lock on the replaced file would guard nothing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        try:
            import fcntl
        except ImportError:  # no advisory locks here: appends of one line still land whole
            yield
            return
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def append(data_dir: Path, record: ImportRecord) -> None:
    """Add `record` to the log (never raises: the import has happened either way)."""
    path = data_dir / LOG_NAME
    try:
        with _locked(path):
            with open(path, "a+", encoding="utf-8") as handle:
                # ASCII: a file name that is not UTF-8 (surrogate escapes) is kept as \udcff.
                handle.write(json.dumps(asdict(record)) + "\n")
                handle.flush()
                handle.seek(0)
                lines = handle.readlines()
            if len(lines) > 2 * KEEP:
                # Cut back under the lock, all or nothing: a crash keeps the whole log.
                atomic_write_text(path, "".join(lines[-KEEP:]))
    except (OSError, ValueError) as exc:
        log.warning("the import log was not written: %s", exc)


def _record(data: Any) -> ImportRecord | None:
    if not isinstance(data, dict):
        return None
    try:
        return ImportRecord(
            finished=str(data["finished"]),
            paths=[str(p) for p in data["paths"]],
            imported=int(data["imported"]),
            duplicates=int(data["duplicates"]),
            failed=[(str(p), str(r)) for p, r in data["failed"]],
            stopped=bool(data["stopped"]),
            warned=[(str(p), str(w)) for p, w in data.get("warned", [])],
            by=str(data.get("by", "import")),
            updated=int(data.get("updated", 0)),
            probe=[str(i) for i in data.get("probe", [])][:PROBE],
        )
    except (KeyError, TypeError, ValueError):
        return None


def recent(data_dir: Path, limit: int = KEEP) -> list[ImportRecord]:
    """The last `limit` imports, newest first; [] when there is no log yet."""
    try:
        text = (data_dir / LOG_NAME).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    records: list[ImportRecord] = []
    for line in reversed(text.splitlines()):
        if len(records) >= limit:
            break
        try:
            found = _record(json.loads(line))
        except ValueError:
            continue
        if found is not None:
            records.append(found)
    return records
