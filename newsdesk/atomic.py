"""Safe file writes: a reader sees the old file or the new one, never half of either.

Every writer in newsdesk (exports, settings, UI state) goes through here:

- `atomic_write_text` / `atomic_write_bytes`: write a temporary file in the
  target's own directory, fsync it, `os.replace` it over the target, fsync the
  directory so the rename itself survives a crash.
- `atomic_create_bytes`: the same for a new file, published only while its name
  is free (a hard link that fails when the name is taken), never over anything.
- `atomic_file_set`: write a directory of files as one set: everything is
  staged in a hidden directory first and only moved into place when all of it
  was written, by one rename or one exchange of folders, so a kill leaves the
  old set or the new one; a failure removes what was staged.

A symlink at a target is refused rather than followed or silently replaced:
it usually means the destination is not what the user thinks it is.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from newsdesk.linux_calls import exchange as _exchange
from newsdesk.linux_calls import syncfs as _syncfs

__all__ = [
    "FileSetConflictError",
    "StagedFiles",
    "SymlinkRefusedError",
    "atomic_file_set",
    "atomic_replace",
    "atomic_write_bytes",
    "atomic_write_text",
    "recover_file_set",
]

#: In a staging folder, the plan of a one-by-one commit (where folders cannot be
#: exchanged): written and synced before the first file moves, removed once the
#: last has, so a kill in between can be rolled back (`recover_file_set`).
MANIFEST = ".newsdesk-manifest"


class SymlinkRefusedError(OSError):
    """A write target (or the directory of a file set) is a symbolic link."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"refusing to write through a symbolic link: {path}")
        self.path = path


class FileSetConflictError(FileExistsError):
    """Files of a set already exist at the destination and overwriting was not allowed."""

    def __init__(self, conflicts: list[Path]) -> None:
        names = ", ".join(str(p) for p in conflicts[:5])
        more = f" and {len(conflicts) - 5} more" if len(conflicts) > 5 else ""
        super().__init__(f"already exist: {names}{more}")
        self.conflicts = conflicts


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None


def _refuse_symlink(path: Path) -> os.stat_result | None:
    """The target's lstat (None when absent); raises when it is a symlink."""
    st = _lstat(path)
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise SymlinkRefusedError(path)
    return st


def _existing_file(path: Path) -> os.stat_result | None:
    """lstat of a regular file at `path`, None when absent; raises for anything else."""
    st = _refuse_symlink(path)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "exists and is not a regular file", str(path))
    return st


def _fsync_dir(directory: Path) -> None:
    # Windows cannot open a directory for fsync; the rename is durable enough there.
    if os.name == "nt":
        return
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_new_file(path: Path, data: bytes, mode: int | None, *, sync: bool = True) -> None:
    """Create `path` (which must not exist), write `data`, fsync unless told not to.

    Removes the file again on failure.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    flags |= getattr(os, "O_BINARY", 0)
    # 0o666 lets the umask decide, as for any file the user's programs create.
    fd = os.open(path, flags, 0o666)
    try:
        try:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        raise


def _temp_name(directory: Path, name: str) -> Path:
    # Hidden and unique; bounded in bytes so a long target name cannot exceed NAME_MAX.
    stem = name.encode("utf-8", "surrogateescape")[:120].decode("utf-8", "ignore")
    return directory / f".{stem}.{secrets.token_hex(6)}.tmp"


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Replace `path` with `data` atomically; a symlink at `path` is refused.

    An existing file keeps its permission bits; a new one gets the umask's.
    """
    target = Path(path)
    st = _refuse_symlink(target)
    mode = stat.S_IMODE(st.st_mode) if st is not None and stat.S_ISREG(st.st_mode) else None
    directory = target.parent
    temp = _temp_name(directory, target.name)
    _write_new_file(temp, data, mode)
    try:
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_dir(directory)


def atomic_create_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` all at once, only if the name is free, else FileExistsError
    (two exports choosing one free name must not write over each other)."""
    target = Path(path)
    temp = _temp_name(target.parent, target.name)
    _write_new_file(temp, data, None)
    try:
        try:  # a hard link publishes the finished file and fails if the name is taken
            os.link(temp, target, follow_symlinks=False)
        except OSError as exc:
            if exc.errno == errno.EEXIST or os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, "exists", str(target)) from None
            os.replace(temp, target)  # no hard links here: checked, then renamed
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    _fsync_dir(target.parent)


def atomic_replace(source: Path | str, target: Path | str) -> None:
    """Move a finished file (built beside `target`) over `target` in one step.

    The file is fsynced first and the rename made durable, as for the writes
    above; a symlink at `target` is refused. (The doctor's salvage rebuilds a
    database this way.)
    """
    src, dst = Path(source), Path(target)
    _refuse_symlink(dst)
    fd = os.open(src, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(src, dst)
    _fsync_dir(dst.parent)


def atomic_write_text(path: Path | str, text: str, *, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` atomically (written as given: no newline translation)."""
    atomic_write_bytes(path, text.encode(encoding))


class StagedFiles:
    """The set being written: add files by name, they land in the destination on commit."""

    def __init__(self, destination: Path, staging: Path) -> None:
        self.destination = destination
        self.staging = staging
        self.names: list[str] = []
        self._seen: set[str] = set()

    def _check_name(self, name: str) -> None:
        # Only plain names: a set never writes outside its directory.
        if (
            not name
            or name in (".", "..")
            or "/" in name
            or "\\" in name
            or "\x00" in name
            or Path(name).name != name
        ):
            raise ValueError(f"not a plain file name: {name!r}")
        key = name.casefold()
        if key in self._seen:
            raise ValueError(f"file name used twice in one set: {name!r}")
        self._seen.add(key)

    def write_bytes(self, name: str, data: bytes) -> Path:
        """Stage one file; returns where it will be once the set is committed."""
        self._check_name(name)
        # Not synced one by one: `flush` makes the whole set durable in one go.
        _write_new_file(self.staging / name, data, None, sync=False)
        self.names.append(name)
        return self.destination / name

    def write_text(self, name: str, text: str, *, encoding: str = "utf-8") -> Path:
        return self.write_bytes(name, text.encode(encoding))

    def flush(self) -> None:
        """Make every staged file durable before any is moved into place."""
        if _syncfs(self.staging):
            return
        for name in self.names:
            fd = os.open(self.staging / name, os.O_RDONLY | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(fd)
            finally:
                os.close(fd)

    def conflicts(self) -> list[Path]:
        """Staged names that already exist in the destination.

        A symlink there is a SymlinkRefusedError, a folder or other non-file
        an IsADirectoryError: those are never replaced, not even with overwrite.
        """
        found = []
        for name in self.names:
            target = self.destination / name
            if _existing_file(target) is not None:
                found.append(target)
        return found


def _make_dirs(directory: Path) -> list[Path]:
    """Create `directory` and missing parents; returns those created, deepest last."""
    missing: list[Path] = []
    probe = directory
    while _lstat(probe) is None:
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    created: list[Path] = []
    try:
        for path in reversed(missing):
            os.mkdir(path)
            created.append(path)
    except BaseException:
        _remove_empty_dirs(created)
        raise
    return created


def _remove_empty_dirs(created: list[Path]) -> None:
    for path in reversed(created):
        with contextlib.suppress(OSError):
            os.rmdir(path)


@contextlib.contextmanager
def atomic_file_set(
    destination: Path | str, *, overwrite: bool = False, journal: Path | None = None
) -> Iterator[StagedFiles]:
    """Write a directory of files as one set.

    ::

        with atomic_file_set(folder) as files:
            files.write_text("a.md", "...")
            files.write_text("b.md", "...")

    Files are staged in a hidden directory (`.newsdesk-staging-*`) beside
    `destination` and appear there only when the block ends without an
    exception, all at once:

    - a missing `destination`: the staging directory is renamed into place in
      one step; missing parents are created and removed again on failure;
    - an existing one: what it already holds is carried into the staging
      directory (hard links, so no file is copied) and the two folders are
      exchanged in one step (Linux `renameat2(RENAME_EXCHANGE)`); the old
      folder, now at the staging name, is then removed. A kill at any moment
      leaves the old set or the new one, never a mix. Where that cannot be
      done (another system, a file system without it, a parent folder we may
      not write, a mount point), files are moved in one by one and a failure
      takes them out again. A manifest of that plan is synced into the
      staging folder before the first file moves and removed after the last:
      a kill in between leaves a mix that `newsdesk doctor` rolls back to the
      old set (`recover_file_set`) before it removes the staging folder.

    Existing files are a `FileSetConflictError` unless `overwrite`; a symlink
    as the destination or at any target name is a `SymlinkRefusedError`.
    With `journal` (a folder), the staging directory's path is written there
    while it exists, so `newsdesk doctor` can find a leftover wherever it is.
    """
    dest = Path(destination)
    st = _refuse_symlink(dest)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"not a directory: {dest}")
    created = [] if st is not None else _make_dirs(dest.parent)
    beside = st is None or _can_stage_beside(dest, st)
    try:
        staging = _make_staging_dir(dest.parent if beside else dest)
    except BaseException:
        _remove_empty_dirs(created)
        raise
    entry = _note_staging(journal, staging)
    committed_new = False
    try:
        files = StagedFiles(dest, staging)
        yield files
        if st is None:
            files.flush()
            _rename_into_place(files, dest)
            committed_new = True
            _fsync_dir(dest.parent)
        elif beside:
            _swap_into_existing(files, st, overwrite)
        else:
            files.flush()
            _commit_into_existing(files, overwrite)
    except BaseException:
        if committed_new:
            # Moved into place but not made durable: the set as a whole goes.
            shutil.rmtree(dest, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty_dirs(created)
        raise
    finally:
        # Gone already when renamed into place; otherwise it holds leftovers, backups
        # or (after an exchange) the old folder.
        shutil.rmtree(staging, ignore_errors=True)
        if entry is not None and _lstat(staging) is None:
            with contextlib.suppress(OSError):
                os.unlink(entry)


def _note_staging(journal: Path | None, staging: Path) -> Path | None:
    """Write the staging directory's path into `journal` (best effort: a journal that
    cannot be written costs only doctor's knowing where to look)."""
    if journal is None:
        return None
    try:
        journal.mkdir(parents=True, exist_ok=True)
        entry = journal / staging.name
        _write_new_file(entry, os.fsencode(staging.absolute()), None, sync=False)
    except OSError:
        return None
    return entry


def _can_stage_beside(dest: Path, st: os.stat_result) -> bool:
    """Whether the staging folder can sit beside `dest` and be exchanged with it."""
    if not sys.platform.startswith("linux"):
        return False
    parent = _lstat(dest.absolute().parent)
    # A mount point cannot be exchanged; a parent we may not write takes no staging.
    return (
        parent is not None
        and parent.st_dev == st.st_dev
        and os.access(dest.absolute().parent, os.W_OK | os.X_OK)
        # A folder we may not write stays one: the exchange must not get around that.
        and os.access(dest, os.W_OK | os.X_OK)
    )


def _swap_into_existing(files: StagedFiles, st: os.stat_result, overwrite: bool) -> None:
    conflicts = files.conflicts()
    if conflicts and not overwrite:
        raise FileSetConflictError(conflicts)
    dest, staging = files.destination, files.staging
    written = set(files.names)
    carried = _carry_over(dest, staging, written)
    os.chmod(staging, stat.S_IMODE(st.st_mode))
    files.flush()
    if not _exchange(staging, dest):
        # No exchange here after all: take the carried links out, move files one by one.
        os.chmod(staging, 0o700)
        for name in carried:
            _remove_entry(staging / name)
        _commit_into_existing(files, overwrite)
        return
    _fsync_dir(dest.parent)
    # Anything that appeared in the old folder while the set was being written
    # (another program's file) is moved over rather than removed with it.
    for name in sorted(set(os.listdir(staging)) - carried - written):
        with contextlib.suppress(OSError):
            if _lstat(dest / name) is None:
                os.rename(staging / name, dest / name)


def _carry_over(source: Path, target: Path, skip: set[str]) -> set[str]:
    """Mirror `source` into `target` with hard links (folders made anew, symlinks
    linked as links), leaving out the names in `skip`; the names carried."""
    carried: set[str] = set()
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.name in skip:
                continue
            there = target / entry.name
            if entry.is_dir(follow_symlinks=False):
                os.mkdir(there)
                _carry_over(Path(entry.path), there, set())
                shutil.copystat(entry.path, there, follow_symlinks=False)
            else:
                try:
                    os.link(entry.path, there, follow_symlinks=False)
                except OSError:
                    # A file system without hard links: a copy keeps the content.
                    if entry.is_symlink():
                        os.symlink(os.readlink(entry.path), there)
                    else:
                        shutil.copy2(entry.path, there, follow_symlinks=False)
            carried.add(entry.name)
    return carried


def _remove_entry(path: Path) -> None:
    if stat.S_ISDIR(os.lstat(path).st_mode):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def _make_staging_dir(parent: Path) -> Path:
    # Not tempfile.mkdtemp: its 0700 would stick to a folder renamed into place;
    # 0o777 lets the umask decide, as for any folder the user creates.
    while True:
        staging = parent / f".newsdesk-staging-{secrets.token_hex(6)}"
        try:
            os.mkdir(staging, 0o777)
        except FileExistsError:
            continue
        return staging


def _rename_into_place(files: StagedFiles, dest: Path) -> None:
    # Checked again just before the rename: something may have appeared at `dest`
    # since the set began (POSIX rename would even replace an empty folder).
    if _lstat(dest) is not None:
        _refuse_symlink(dest)
        raise FileSetConflictError([dest])
    os.rename(files.staging, dest)


def _commit_into_existing(files: StagedFiles, overwrite: bool) -> None:
    conflicts = files.conflicts()
    if conflicts and not overwrite:
        raise FileSetConflictError(conflicts)
    backup = files.staging / ".replaced"
    os.mkdir(backup)
    manifest = files.staging / MANIFEST
    plan = {
        "destination": os.fsdecode(files.destination.absolute()),
        "files": [
            [name, _existing_file(files.destination / name) is not None] for name in files.names
        ],
    }
    _write_new_file(manifest, json.dumps(plan).encode("utf-8"), None)
    _fsync_dir(files.staging)
    moved: list[tuple[str, bool]] = []  # (name, replaced an existing file)
    try:
        for name in files.names:
            target = files.destination / name
            existing = _existing_file(target)
            if existing is not None:
                if not overwrite:
                    raise FileSetConflictError([target])
                os.rename(target, backup / name)
            try:
                os.rename(files.staging / name, target)
            except BaseException:
                if existing is not None:
                    os.rename(backup / name, target)
                raise
            moved.append((name, existing is not None))
    except BaseException as error:
        problems = _roll_back(files, backup, moved)
        if problems:
            error.add_note("rollback incomplete: " + "; ".join(problems))
        raise
    _fsync_dir(files.destination)
    # The set is whole: from here a kill must not roll it back (the backups go next).
    os.unlink(manifest)


def recover_file_set(staging: Path) -> bool:
    """Roll back a one-by-one commit that a kill stopped part-way, from the manifest
    in its staging folder: each replaced file moved back from `.replaced`, each new
    one that had arrived removed, so the destination holds its old set again.
    True when there was such a commit (the manifest is then removed); False when
    the folder holds no manifest (nothing had moved, or the set was whole).
    Doing it twice does no harm."""
    manifest = staging / MANIFEST
    try:
        plan = json.loads(manifest.read_bytes())
        dest = Path(plan["destination"])
        entries = [(str(name), bool(replaced)) for name, replaced in plan["files"]]
    except FileNotFoundError:
        return False
    except (ValueError, KeyError, TypeError):
        # Written and synced before the first move: a torn one means nothing moved.
        os.unlink(manifest)
        return False
    backup = staging / ".replaced"
    for name, replaced in reversed(entries):
        if not name or Path(name).name != name or name in (".", ".."):
            continue  # only plain names, whatever the file says
        target = dest / name
        if replaced:
            if _lstat(backup / name) is not None:
                os.replace(backup / name, target)
        elif _lstat(staging / name) is None and _existing_file(target) is not None:
            os.unlink(target)
    _fsync_dir(dest)
    os.unlink(manifest)
    return True


def _roll_back(files: StagedFiles, backup: Path, moved: list[tuple[str, bool]]) -> list[str]:
    problems = []
    for name, replaced in reversed(moved):
        target = files.destination / name
        try:
            if replaced:
                os.replace(backup / name, target)
            else:
                os.unlink(target)
        except OSError as exc:
            problems.append(f"{target}: {exc.strerror or exc}")
    return problems
