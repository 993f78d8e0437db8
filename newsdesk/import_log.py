"""The import log: the last imports of every process, kept in the data dir.

`L` in the app showed only the imports of its own session: after a restart it
said "No import yet", and what `newsdesk import` or `newsdesk watch` refused
was never there. Every import through the Desk (the app's, the CLI's, a watched
folder's) now appends one record here, with every file that failed and why and
what was left out of files that did import.

One JSON object a line in `imports.jsonl`, appended under an exclusive lock so
processes writing at once never interleave, and cut to the last KEEP records
once it holds twice that. A line that cannot be read (another tool's, a crash
mid-write) is skipped and counted (`read_log`; `newsdesk doctor` drops it): the
log is a record for the editor, never a reason for an import to fail.

A record is written whole or not at all: a write the disk could not hold is cut
back off the file, and a record never starts on the end of a line torn before
(both were unreadable then).

An import under way has a file of its own in `imports.running/`, rewritten as its
transactions commit. The process that finishes the import removes it as it
appends the record; one whose process died (kill -9, a crash, the power) reads as
"interrupted", with what it had stored, and becomes a record of the log the next
time the log is read (`settle_interrupted`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsdesk.atomic import atomic_write_text
from newsdesk.sanitize import clean_line

if TYPE_CHECKING:
    from newsdesk.desk.results import ImportSummary

log = logging.getLogger(__name__)

LOG_NAME = "imports.jsonl"
#: The folder of the imports under way, one JSON file each.
RUNNING_DIR = "imports.running"
#: A running import's file is rewritten at most this often as files are reported
#: (and before every transaction commits, with the articles it is committing).
RUNNING_WRITE_S = 0.25
#: Imports kept (the log is cut back to these once it holds twice as many).
KEEP = 100
#: Article ids kept with a record to tell later whether the import was undone.
PROBE = 8


@dataclass(frozen=True)
class ImportRecord:
    """One import, for the import log: finished, or running or interrupted (`read_log`)."""

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
    #: The import's own name, shared by its running file and its record.
    token: str = ""
    #: Files reported done, of how many (known for imports logged since these were kept).
    files: int = 0
    files_total: int = 0
    #: Still under way in a live process (read from its running file, never written).
    running: bool = False
    #: Its process died before it finished: what it stored stays (one step `u` takes back).
    interrupted: bool = False
    #: Of a running or interrupted import: articles of a transaction that was committing
    #: when last written, and one of them (stored if it committed: `Desk.recent_imports`).
    pending: int = 0
    pending_probe: str = ""


def outcome_parts(record: ImportRecord) -> list[tuple[str, str]]:
    """What an import did, as (text, role) parts for the CLI and the app to style alike:
    role "state" (running / interrupted), "failed", "aside" (a remark) or "" (plain)."""
    articles = f"{record.imported:,} article{'s' if record.imported != 1 else ''}"
    files = f" from {record.files:,} of {record.files_total:,} files" if record.files_total else ""
    parts: list[tuple[str, str]] = []
    if record.running:
        parts += [("running: ", "state"), (f"{articles} stored{files}", "")]
    elif record.interrupted:
        # Files are counted as they are reported, after their batch committed: a kill
        # between the two leaves that count behind the articles stored, so none is said.
        given = f" of an import of {record.files_total:,} files" if record.files_total else ""
        parts += [("interrupted: ", "state"), (f"{articles} stored{given}", "")]
        parts.append((" (its process ended before the import did)", "aside"))
    else:
        parts.append((f"{articles} imported", ""))
    if record.duplicates:
        parts.append((f", {record.duplicates:,} already there", ""))
    if record.failed:
        parts.append((f", {len(record.failed):,} failed", "failed"))
    if record.updated:
        parts.append((f", {record.updated:,} written again and updated", ""))
    if record.stopped:
        parts.append((" (stopped)", "aside"))
    if record.undone:
        parts.append((" (undone or deleted since: its articles are gone)", "aside"))
    return parts


def now_stamp() -> str:
    """Local time, ISO 8601 to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def record_of(
    summary: ImportSummary,
    paths: Sequence[str],
    *,
    by: str,
    stopped: bool = False,
    running: RunningImport | None = None,
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
        token=running.token if running is not None else "",
        files=len(summary.files),
        files_total=running.files_total if running is not None else len(summary.files),
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


def append(data_dir: Path, record: ImportRecord, running: RunningImport | None = None) -> None:
    """Add `record` to the log (never raises: the import has happened either way), and
    end `running`, the import's running file, once the record is in."""
    path = data_dir / LOG_NAME
    try:
        with _locked(path):
            _append_line(path, json.dumps(asdict(record)) + "\n")
            if running is not None:
                running.end()
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.readlines()
            if len(lines) > 2 * KEEP:
                # Cut back under the lock, all or nothing: a crash keeps the whole log.
                atomic_write_text(path, "".join(lines[-KEEP:]))
    except (OSError, ValueError) as exc:
        log.warning("the import log was not written: %s", exc)


def _append_line(path: Path, line: str) -> None:
    """Append one line whole: on a new line if the file ends mid-line (torn by a full
    disk or a crash), and cut back off the file when it could not all be written."""
    # ASCII (json.dumps): a file name that is not UTF-8 (surrogate escapes) is kept as \udcff.
    data = line.encode("ascii")
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size and os.pread(fd, 1, size - 1) != b"\n":
            data = b"\n" + data
        try:
            written = 0
            while written < len(data):
                written += os.write(fd, data[written:])
        except OSError:
            # A torn record would be unreadable, and the next one appended to it too.
            with contextlib.suppress(OSError):
                os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)


def _record(data: Any) -> ImportRecord | None:
    if not isinstance(data, dict):
        return None
    try:
        return ImportRecord(
            finished=clean_line(str(data["finished"])),
            paths=[str(p) for p in data["paths"]],
            imported=int(data["imported"]),
            duplicates=int(data["duplicates"]),
            failed=[(str(p), str(r)) for p, r in data["failed"]],
            stopped=bool(data["stopped"]),
            warned=[(str(p), str(w)) for p, w in data.get("warned", [])],
            by=str(data.get("by", "import")),
            updated=int(data.get("updated", 0)),
            probe=[str(i) for i in data.get("probe", [])][:PROBE],
            token=str(data.get("token", "")),
            files=int(data.get("files", 0)),
            files_total=int(data.get("files_total", 0)),
            interrupted=bool(data.get("interrupted", False)),
            pending=int(data.get("pending", 0)),
            pending_probe=str(data.get("pending_probe", "")),
        )
    except (KeyError, TypeError, ValueError):
        return None


def parse_line(line: str) -> ImportRecord | None:
    """The record a line of the log holds, or None when it cannot be read."""
    try:
        return _record(json.loads(line))
    except ValueError:
        pass
    # A record appended (before records began on a line of their own) onto a line torn
    # by a full disk or a crash: the record is whole after the torn part.
    start = line.rfind(_RECORD_START)
    if start <= 0:
        return None
    try:
        return _record(json.loads(line[start:]))
    except ValueError:
        return None


#: How every record's line begins (`asdict` keeps the field order).
_RECORD_START = '{"finished": '


def mend(data_dir: Path, *, repair: bool = True) -> tuple[int, int]:
    """Lines of the log that cannot be read, and of them the records kept (each one
    appended onto a torn line). With `repair`, the log is written again without the
    unreadable lines (atomically, under the lock); (0, 0) for a whole log."""
    path = data_dir / LOG_NAME
    if not path.exists():
        return 0, 0
    # Looking only takes no lock: a read-only data dir cannot hold the lock file.
    with _locked(path) if repair else contextlib.nullcontext():
        text = path.read_text(encoding="utf-8", errors="replace")
        kept: list[str] = []
        unreadable = salvaged = 0
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                whole = _record(json.loads(line)) is not None
            except ValueError:
                whole = False
            if whole:
                kept.append(line)
                continue
            unreadable += 1
            found = parse_line(line)
            if found is not None:
                salvaged += 1
                kept.append(line[line.rfind(_RECORD_START) :])
        if repair and (unreadable or (text and not text.endswith("\n"))):
            atomic_write_text(path, "".join(k + "\n" for k in kept))
    return unreadable, salvaged


@dataclass(frozen=True)
class LogRead:
    """The records read, newest first, and how many lines could not be read."""

    records: list[ImportRecord]
    unreadable: int = 0


def read_log(data_dir: Path, limit: int = KEEP) -> LogRead:
    """The last `limit` imports, newest first, the imports under way and those whose
    process died first among them; [] when there is no log yet."""
    settle_interrupted(data_dir)
    # Running, and interrupted ones not settled (a read-only data dir).
    records = _running_records(data_dir)[:limit]
    seen = {r.token for r in records}
    try:
        text = (data_dir / LOG_NAME).read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    unreadable = 0
    for line in reversed(text.splitlines()):
        if not line.strip():
            continue
        found = parse_line(line)
        if found is None:
            unreadable += 1
        elif len(records) < limit and not (found.token and found.token in seen):
            records.append(found)
    return LogRead(records, unreadable)


def recent(data_dir: Path, limit: int = KEEP) -> list[ImportRecord]:
    """The last `limit` imports, newest first; [] when there is no log yet."""
    return read_log(data_dir, limit).records


# -- imports under way -----------------------------------------------------------------


def _process_stat(pid: int) -> tuple[str, str]:
    """Process `pid`'s state letter and when it started (clock ticks since boot): a
    number the next process given the same pid does not share. ("", "") where /proc
    cannot say."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return "", ""
    fields = stat.rpartition(")")[2].split()
    return (fields[0], fields[19]) if len(fields) > 19 else ("", "")


def _process_start(pid: int) -> str:
    return _process_stat(pid)[1]


def _alive(pid: int, started: str, host: str) -> bool:
    """Whether the process that wrote a running file still runs (another machine's, on a
    shared folder, cannot be asked: taken as running)."""
    if host != socket.gethostname():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # another user's process: it exists
    state, start = _process_stat(pid)
    # A zombie (killed, not yet reaped) is dead; another process given the pid is not it.
    return state != "Z" and (not started or start in ("", started))


@dataclass
class RunningImport:
    """An import under way: its file in `imports.running/`, kept up to date as it stores."""

    path: Path
    token: str
    paths: list[str]
    by: str
    started: str = field(default_factory=now_stamp)
    files: int = 0
    files_total: int = 0
    imported: int = 0
    probe: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    _written: float = 0.0
    # Read once: written before every commit, they never change in one process.
    _pid: int = field(default_factory=os.getpid)
    _host: str = field(default_factory=socket.gethostname)
    _process_start: str = ""

    def __post_init__(self) -> None:
        self._process_start = _process_start(self._pid)

    def committing(self, ids: Sequence[str]) -> None:
        """A transaction with these new articles is about to commit: a kill between its
        commit and `stored` still counts them (they are in the store)."""
        self.pending = list(ids)
        if ids:
            self.write()

    def stored(self, ids: Sequence[str]) -> None:
        """A transaction committed with these new articles. Not written here: between the
        commit and the import's own count a Ctrl-C or SIGTERM must find nothing slow to
        land in (the summary then said nothing was kept); the file already counts them
        as `pending`, and the next write counts them as stored."""
        self.pending = []
        self.imported += len(ids)
        self.probe.extend(ids[: PROBE - len(self.probe)])

    def progressed(self, done: int, total: int) -> None:
        """`done` of `total` files reported (written now and then, and at the last)."""
        self.files, self.files_total = done, total
        if done >= total or time.monotonic() - self._written >= RUNNING_WRITE_S:
            self.write()

    def write(self) -> None:
        """Rewrite the file (never raises: the import goes on whatever happens to it)."""
        self._written = time.monotonic()
        data = {
            "token": self.token,
            "pid": self._pid,
            "process_start": self._process_start,
            "host": self._host,
            "started": self.started,
            "updated": now_stamp(),
            "paths": self.paths,
            "by": self.by,
            "files": self.files,
            "files_total": self.files_total,
            "imported": self.imported,
            "probe": self.probe,
            "pending": len(self.pending),
            "pending_probe": self.pending[0] if self.pending else "",
        }
        temp = self.path.with_name(f".{self.path.name}.tmp")
        try:
            # Not fsync'd: it is rewritten twice a second, and a power cut loses only
            # the last count (the store's action log has the import whole).
            temp.write_text(json.dumps(data), encoding="ascii")
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("the running import's file was not written: %s", exc)

    def end(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def begin(data_dir: Path, paths: Sequence[str], *, by: str = "import") -> RunningImport | None:
    """Note an import starting; None when the data dir cannot take the note."""
    folder = data_dir / RUNNING_DIR
    token = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    running = RunningImport(folder / f"{token}.json", token, list(paths), by)
    running.write()
    return running if running.path.exists() else None


def _running_records(data_dir: Path) -> list[ImportRecord]:
    """The imports of running files, newest first: `running`, or `interrupted` when
    their process is gone."""
    try:
        files = sorted((data_dir / RUNNING_DIR).glob("*.json"))
    except OSError:
        return []
    found: list[ImportRecord] = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8", errors="replace"))
            alive = _alive(int(data["pid"]), str(data["process_start"]), str(data["host"]))
            found.append(
                ImportRecord(
                    finished=clean_line(str(data["updated"])),
                    paths=[str(p) for p in data["paths"]],
                    imported=int(data["imported"]),
                    duplicates=0,
                    failed=[],
                    stopped=False,
                    by=str(data["by"]),
                    probe=[str(i) for i in data["probe"]][:PROBE],
                    token=str(data["token"]),
                    files=int(data["files"]),
                    files_total=int(data["files_total"]),
                    running=alive,
                    interrupted=not alive,
                    pending=int(data.get("pending", 0)),
                    pending_probe=str(data.get("pending_probe", "")),
                )
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue  # being replaced this instant, or not ours
    found.sort(key=lambda r: r.finished, reverse=True)
    return found


def settle_interrupted(data_dir: Path) -> list[ImportRecord]:
    """Imports whose process died become records of the log ("interrupted"), their
    running files removed; the ones settled now (never raises)."""
    dead = [r for r in _running_records(data_dir) if r.interrupted]
    if not dead:
        return []
    settled: list[ImportRecord] = []
    path = data_dir / LOG_NAME
    try:
        with _locked(path):
            for record in reversed(dead):  # oldest first, as the log runs
                running = data_dir / RUNNING_DIR / f"{record.token}.json"
                if not running.exists():
                    continue  # another reader settled it first
                _append_line(path, json.dumps(asdict(record)) + "\n")
                running.unlink()
                # A rewrite the kill cut short leaves its temp file: it goes too.
                with contextlib.suppress(OSError):
                    running.with_name(f".{running.name}.tmp").unlink()
                settled.append(record)
    except OSError as exc:
        log.warning("an interrupted import was not logged: %s", exc)
    return settled
