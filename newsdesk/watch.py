"""Watched folders: import files dropped into them, once they are complete.

watchfiles reports changes (a file written, or moved in, which arrives as
"added"); a file is imported only when its size and modification time have
stayed the same for `settle_s` seconds, so a copy still being written is
never read half-way. Temporary names (`.part`, `.tmp`, `~`, `.crdownload`,
hidden files) are ignored until renamed. Files go through the caller's
import (the Desk's, so dedupe, story grouping and rules apply); a file that
fails is reported and the watch goes on, and even an error of the watcher
itself only restarts it. No Textual here: the CLI and the app both use it.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsdesk.desk import ImportSummary

#: Endings of files still being written by a browser, a copy tool or an editor.
TEMPORARY_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", "~")
#: How long a file must keep the same size and time before it is read.
SETTLE_S = 1.0
#: How often pending files are looked at when nothing changes.
TICK_MS = 200

ImportFiles = Callable[[list[Path]], "ImportSummary"]


def is_temporary(path: Path) -> bool:
    """A name that says the file is not finished (or not for us)."""
    name = path.name.casefold()
    # "#name#": Emacs's auto-save of a file being edited (half a story, saved as typed).
    autosave = len(name) > 2 and name.startswith("#") and name.endswith("#")
    return autosave or name.startswith((".", "~$")) or name.endswith(TEMPORARY_SUFFIXES)


def check_folders(folders: Sequence[Path]) -> list[Path]:
    """The folders as absolute paths; ValueError naming the first that is not a folder."""
    checked: list[Path] = []
    for folder in folders:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise ValueError(f"not a folder: {folder}")
        checked.append(path.resolve())
    return list(dict.fromkeys(checked))


@dataclass
class _Pending:
    size: int
    mtime_ns: int
    since: float


#: Seconds before files whose whole import failed are tried again.
RETRY_S = 10.0


class Settler:
    """Files seen changing, released once they have stayed still for `settle_s`."""

    def __init__(self, settle_s: float = SETTLE_S) -> None:
        self.settle_s = settle_s
        self._pending: dict[Path, _Pending] = {}

    def __len__(self) -> int:
        return len(self._pending)

    def saw(self, path: Path, now: float) -> None:
        if is_temporary(path) or any(p.startswith(".") for p in path.parent.parts[-1:]):
            return
        stat = _stat(path)
        if stat is None:
            self._pending.pop(path, None)
            return
        self._pending[path] = _Pending(stat.st_size, stat.st_mtime_ns, now)

    def retry(self, paths: Sequence[Path], now: float, after_s: float) -> None:
        """Offer `paths` again once `after_s` has passed (their import failed as a whole:
        the store was out of reach)."""
        for path in paths:
            stat = _stat(path)
            if stat is not None:
                since = now + after_s - self.settle_s
                self._pending[path] = _Pending(stat.st_size, stat.st_mtime_ns, since)

    def ready(self, now: float) -> list[Path]:
        """Files unchanged for `settle_s`; they leave the pending set."""
        done: list[Path] = []
        for path, seen in list(self._pending.items()):
            stat = _stat(path)
            if stat is None:
                del self._pending[path]  # moved away or deleted before it settled
            elif (stat.st_size, stat.st_mtime_ns) != (seen.size, seen.mtime_ns):
                self._pending[path] = _Pending(stat.st_size, stat.st_mtime_ns, now)
            elif now - seen.since >= self.settle_s:
                # Still empty once settled: an empty file, reported as `import` reports it
                # (a file written later is seen again and imported then).
                del self._pending[path]
                done.append(path)
        return sorted(done)


def _stat(path: Path) -> os.stat_result | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found if path.is_file() else None


#: Links said at most this many at a time (`SaidOnce`).
SAID_MAX = 1024


class SaidOnce:
    """The paths already said, the least recently said forgotten past `most`: a watch that
    runs for months over a folder whose links come and go kept every one it ever said."""

    def __init__(self, most: int = SAID_MAX) -> None:
        self.most = most
        self._said: dict[Path, None] = {}  # in the order said (dicts keep it)

    def first(self, path: Path) -> bool:
        """Whether `path` is to be said now (not said lately); it counts as said."""
        if path in self._said:
            # Said again lately: the last to be forgotten.
            self._said.pop(path)
            self._said[path] = None
            return False
        self._said[path] = None
        if len(self._said) > self.most:
            del self._said[next(iter(self._said))]
        return True

    def __len__(self) -> int:
        return len(self._said)


def existing_files(folders: Sequence[Path]) -> list[Path]:
    from newsdesk.ingest import iter_input_files

    return [p for p in iter_input_files(folders) if not is_temporary(p)]


def watch(
    folders: Sequence[Path],
    import_files: ImportFiles,
    *,
    stop: threading.Event,
    on_import: Callable[[ImportSummary], None],
    on_error: Callable[[str], None],
    settle_s: float = SETTLE_S,
    initial: bool = True,
) -> None:
    """Watch until `stop` is set; every settled file is handed to `import_files`."""
    import watchfiles

    from newsdesk.ingest.walk import offered_by_folder

    wanted = list(folders)
    settler = Settler(settle_s)
    # What the first look found: imported when `initial`, else left as it was.
    first_look = set(existing_files(folders))
    if initial:
        now = time.monotonic()
        for path in first_look:
            settler.saw(path, now)
    looked: set[Path] | None = first_look
    watched = _identities(wanted)
    waiting_said = False
    links_said = SaidOnce()
    while not stop.is_set():
        folders = [f for f in wanted if watched.get(f) is not None]
        if not folders:
            if not waiting_said:
                on_error("no watched folder exists any more; waiting for one to come back")
                waiting_said = True
            stop.wait(1.0)
            watched = _come_back(wanted, watched, settler)
            continue
        if waiting_said:
            # Said as the wait was: else the watch seemed still to be waiting.
            on_error(f"watching again: {', '.join(str(f) for f in folders)}")
        waiting_said = False
        # Files written after this look and before the operating system's watch is set
        # up are reported by nobody: looked for again once it is (its first tick).
        before_watch = set(existing_files(folders))
        if looked is not None:
            # A file that landed between the first look and this one was in neither the
            # settler nor, later, the first tick's new files: it was never imported.
            now = time.monotonic()
            for path in before_watch - looked:
                settler.saw(path, now)
            looked = None
        first_tick = True
        try:
            for changes in watchfiles.watch(
                *folders,
                watch_filter=None,
                debounce=100,
                step=50,
                rust_timeout=TICK_MS,
                yield_on_timeout=True,
                stop_event=stop,
                # Ctrl-C ends `newsdesk watch`: swallowed, it only ended this watch, and
                # the loop started another (the app watches in a thread: no signal there).
                raise_interrupt=True,
                ignore_permission_denied=True,
            ):
                now = time.monotonic()
                if first_tick:
                    first_tick = False
                    for path in existing_files(folders):
                        if path not in before_watch:
                            settler.saw(path, now)
                for change, name in changes:
                    if change == watchfiles.Change.deleted:
                        continue
                    path = Path(name)
                    if not offered_by_folder(path, folders):
                        # What importing the folder would skip (README, .hidden, a link
                        # leading out of it); a link is said once, as it was skipped unsaid.
                        if path.is_symlink() and path.is_file() and links_said.first(path):
                            on_error(
                                f"{path}: a link to a file outside the watched folders; not "
                                "imported (links leading out of a watched folder are left out, "
                                "as `import` leaves them out of a folder: import the file itself)"
                            )
                        continue
                    settler.saw(path, now)
                    if change == watchfiles.Change.added and _looked_through(path):
                        # A folder created or moved in: files written into it at once
                        # can land before the watch on it starts, and never be reported.
                        for inner in existing_files([path]):
                            settler.saw(inner, now)
                _import_ready(settler, import_files, on_import, on_error, stop)
                if _identities(wanted) != watched:
                    # A watched folder was removed, replaced (rm -rf; mkdir) or came back:
                    # the operating system's watch went with the old one, and reported
                    # nothing more. Watch again what is there now.
                    break
            if not stop.is_set():
                _import_ready(settler, import_files, on_import, on_error, stop)
        except Exception as exc:  # the watcher itself failed (a folder vanished...)
            on_error(f"the watch stopped ({type(exc).__name__}: {exc}); restarting")
            stop.wait(1.0)
        watched = _come_back(wanted, watched, settler)


def _looked_through(path: Path) -> bool:
    """Whether a path that appeared in a watched folder is a folder to look through now.

    Not a symlink to a folder: one leading out of the watched folders is not offered
    (`offered_by_folder`), and one leading inside them names files watched already, or
    a loop (`sub/loop -> ..` imported the whole tree again under sub/loop/)."""
    return path.is_dir() and not path.is_symlink()


def _identities(folders: Sequence[Path]) -> dict[Path, tuple[int, int] | None]:
    """Each folder's device and inode, None when it is not a folder now."""
    out: dict[Path, tuple[int, int] | None] = {}
    for folder in folders:
        try:
            st = folder.stat()
        except OSError:
            out[folder] = None
            continue
        out[folder] = (st.st_dev, st.st_ino) if stat.S_ISDIR(st.st_mode) else None
    return out


def _come_back(
    wanted: Sequence[Path], before: dict[Path, tuple[int, int] | None], settler: Settler
) -> dict[Path, tuple[int, int] | None]:
    """The folders' identities now; files already in a folder that is new since `before`
    (made again, moved back) are seen, as at the start of a watch."""
    now_ids = _identities(wanted)
    fresh = [f for f, ident in now_ids.items() if ident is not None and ident != before.get(f)]
    if fresh:
        now = time.monotonic()
        for path in existing_files(fresh):
            settler.saw(path, now)
    return now_ids


#: Files imported (and reported) at a time: a folder holding thousands at the first look
#: printed nothing for minutes, and Ctrl-C then could say nothing of what was kept.
IMPORT_CHUNK = 100


def _import_ready(
    settler: Settler,
    import_files: ImportFiles,
    on_import: Callable[[ImportSummary], None],
    on_error: Callable[[str], None],
    stop: threading.Event | None = None,
) -> None:
    ready = settler.ready(time.monotonic())
    for start in range(0, len(ready), IMPORT_CHUNK):
        if stop is not None and stop.is_set():
            # SIGTERM: after the hundred in hand (it went on through thousands); the
            # rest are imported at the next watch.
            settler.retry(ready[start:], time.monotonic(), 0.0)
            return
        part = ready[start : start + IMPORT_CHUNK]
        try:
            summary = import_files(part)
        except Exception as exc:  # one bad batch never stops the watch
            # The import failed as a whole (a shared desk out of reach, a store locked):
            # the files are tried again, or they were never imported once it came back.
            rest = ready[start:]
            settler.retry(rest, time.monotonic(), RETRY_S)
            on_error(
                f"could not import {len(rest)} file(s): {exc}; trying again in {RETRY_S:.0f} s"
            )
            return
        on_import(summary)
