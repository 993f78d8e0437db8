"""Safe file writes: a reader sees the old file or the new one, never half of either.

Every writer in newsdesk (exports, settings, UI state) goes through here:

- `atomic_write_text` / `atomic_write_bytes`: write a temporary file in the
  target's own directory, fsync it, `os.replace` it over the target, fsync the
  directory so the rename itself survives a crash.
- `atomic_file_set`: write a directory of files as one set: everything is
  staged in a hidden directory first and only moved into place when all of it
  was written; a failure removes what was staged and restores what was replaced.

A symlink at a target is refused rather than followed or silently replaced:
it usually means the destination is not what the user thinks it is.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

__all__ = [
    "FileSetConflictError",
    "StagedFiles",
    "SymlinkRefusedError",
    "atomic_file_set",
    "atomic_write_bytes",
    "atomic_write_text",
]


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


def _syncfs(directory: Path) -> bool:
    """Flush the file system holding `directory` with one syncfs(2) call (Linux only).

    One call instead of an fsync per file: thousands of per-article files
    would otherwise cost a journal commit each. False when unavailable.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syncfs = libc.syncfs
    except (OSError, AttributeError):
        return False
    fd = os.open(directory, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            error = ctypes.get_errno()
            raise OSError(error, os.strerror(error), str(directory))
    finally:
        os.close(fd)
    return True


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
def atomic_file_set(destination: Path | str, *, overwrite: bool = False) -> Iterator[StagedFiles]:
    """Write a directory of files as one set.

    ::

        with atomic_file_set(folder) as files:
            files.write_text("a.md", "...")
            files.write_text("b.md", "...")

    Files are staged in a hidden directory and moved into `destination` only
    when the block ends without an exception. When `destination` does not
    exist, the staging directory sits beside it and is renamed into place in
    one step; missing parents are created and removed again on failure. When
    it exists, files are moved in one by one; if a move fails, the files
    already moved are taken out again and any file they replaced is restored.
    Existing files are a `FileSetConflictError` unless `overwrite`; a symlink
    as the destination or at any target name is a `SymlinkRefusedError`.
    """
    dest = Path(destination)
    st = _refuse_symlink(dest)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(f"not a directory: {dest}")
    created = [] if st is not None else _make_dirs(dest.parent)
    try:
        stage_parent = dest if st is not None else dest.parent
        staging = _make_staging_dir(stage_parent)
    except BaseException:
        _remove_empty_dirs(created)
        raise
    committed_new = False
    try:
        files = StagedFiles(dest, staging)
        yield files
        files.flush()
        if st is None:
            _rename_into_place(files, dest)
            committed_new = True
            _fsync_dir(dest.parent)
        else:
            _commit_into_existing(files, overwrite)
    except BaseException:
        if committed_new:
            # Moved into place but not made durable: the set as a whole goes.
            shutil.rmtree(dest, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
        _remove_empty_dirs(created)
        raise
    finally:
        # Gone already when renamed into place; otherwise it holds leftovers and backups.
        shutil.rmtree(staging, ignore_errors=True)


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
