"""Put an export on disk: atomically, never over a file without `force`, never outside `dest`.

Every failure the user can cause (an existing file, a symlink, a folder they
cannot write to, a full disk) becomes an `ExportError` with a plain message,
and leaves nothing half-written behind.
"""

from __future__ import annotations

import errno
import os
import stat
from datetime import datetime
from pathlib import Path

from newsdesk.atomic import (
    FileSetConflictError,
    SymlinkRefusedError,
    atomic_create_bytes,
    atomic_file_set,
    atomic_write_bytes,
    atomic_write_text,
)
from newsdesk.export.destination import (
    default_destination,
    default_export_dir,
    default_file_name,
    free_variant,
)
from newsdesk.export.errors import ExportError, ExportExists
from newsdesk.export.file_owner import another_articles_file
from newsdesk.export.options import ExportOptions, ExportReport
from newsdesk.export.render import render, render_files
from newsdesk.model import Article
from newsdesk.sanitize import display

#: The defaults are `destination`'s; named here too, where callers first looked for them.
__all__ = [
    "check_destination",
    "default_destination",
    "default_export_dir",
    "default_file_name",
    "export",
]


def shown_name(path: Path) -> str:
    """A path as a message names it: its escapes written out (`sanitize.display`), as
    `newsdesk imports` shows names; a terminal then stripped them, naming another file."""
    return display(str(path), name=True)


def _reason(exc: OSError) -> str:
    if isinstance(exc, SymlinkRefusedError):
        return "it is a symbolic link, which an export does not follow; choose the real path"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if isinstance(exc, NotADirectoryError):
        return "a part of the path is a file, not a folder"
    return exc.strerror or str(exc)


def _fail(exc: OSError, where: Path) -> ExportError:
    # Name the user's destination, not the temp or staging file that failed.
    path = exc.path if isinstance(exc, SymlinkRefusedError) else where
    return ExportError(f"Cannot export to {shown_name(path)}: {_reason(exc)}.")


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _fail(exc, path) from exc


def export(
    articles: list[Article],
    dest: Path,
    options: ExportOptions,
    *,
    now: datetime | None = None,
    templates_dir: Path | None = None,
    staging_journal: Path | None = None,
    rename_if_taken: bool = False,
) -> ExportReport:
    """Write the export and say what was written.

    For md, json and csv `dest` is the file (or an existing folder, which gets
    a free variant of `default_file_name`); for md-files it is the folder the
    files go in, created when missing. `rename_if_taken`: `dest`'s name is
    newsdesk's own (a default), so when it is taken the first free `-2`, `-3`
    variant is written instead. Raises ExportExists when files are in the way and
    `options.force` is not set, ExportError for anything else; either way
    nothing was written. `staging_journal` is where a folder being staged is
    noted while it exists (`atomic_file_set`), for doctor.
    """
    if not articles:
        raise ExportError("Nothing to export: no articles are selected.")
    dest = Path(dest).expanduser()
    if options.format == "md-files":
        return _export_files(
            articles, dest, options, templates_dir, staging_journal, rename_if_taken
        )
    return _export_single(articles, dest, options, now, templates_dir, rename_if_taken)


def check_destination(
    dest: Path,
    options: ExportOptions,
    now: datetime | None = None,
    *,
    rename_if_taken: bool = False,
) -> Path:
    """Raise what `export` would raise about `dest` before writing anything (a file in
    the way without `force`, a file where the folder goes...); the export dialog asks
    this so that it stays open with the editor's choices. The files an md-files
    export would replace inside an existing folder are found only by `export`.
    Returns the path that would be written as things stand."""
    dest = Path(dest).expanduser()
    if options.format == "md-files":
        return _folder_target(dest, rename_if_taken)[0]
    return _single_target(dest, options, now, rename_if_taken)[0]


def _single_target(
    dest: Path, options: ExportOptions, now: datetime | None, rename_if_taken: bool
) -> tuple[Path, os.stat_result | None, bool]:
    """The file a one-file export writes (an existing folder gets the default name), what
    is there now, and whether the name is a default (renamed rather than refused when taken)."""
    st = _lstat(dest)
    if st is not None and stat.S_ISDIR(st.st_mode):
        dest = dest / default_file_name(options.format, now)
        rename_if_taken = True
        st = _lstat(dest)
    if st is not None and rename_if_taken:
        dest = free_variant(dest, options.format)
        st = _lstat(dest)
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise _fail(SymlinkRefusedError(dest), dest)
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise ExportError(
            f"Cannot export to {shown_name(dest)}: it exists and is not a regular file."
        )
    if st is not None and not options.force:
        raise ExportExists([dest])
    return dest, st, rename_if_taken


def _folder_target(dest: Path, rename_if_taken: bool) -> tuple[Path, os.stat_result | None]:
    """The folder an md-files export writes into (a default name taken: a free variant)."""
    st = _lstat(dest)
    if st is not None and rename_if_taken:
        dest = free_variant(dest, "md-files")
        st = _lstat(dest)
    if st is not None and stat.S_ISLNK(st.st_mode):
        raise _fail(SymlinkRefusedError(dest), dest)
    if st is not None and not stat.S_ISDIR(st.st_mode):
        raise ExportError(f"Cannot export to {shown_name(dest)}: it exists and is not a folder.")
    return dest, st


def _export_single(
    articles: list[Article],
    dest: Path,
    options: ExportOptions,
    now: datetime | None,
    templates_dir: Path | None,
    rename_if_taken: bool,
) -> ExportReport:
    dest, st, rename_if_taken = _single_target(dest, options, now, rename_if_taken)
    rendered = render(articles, options, now=now, templates_dir=templates_dir)
    created: list[Path] = []
    try:
        created = _make_parents(dest.parent)
        if st is None:
            dest = _create(dest, rendered.text.encode("utf-8"), options, rename_if_taken)
        else:
            atomic_write_text(dest, rendered.text)
    except OSError as exc:
        for directory in reversed(created):
            _remove_if_empty(directory)
        raise _fail(exc, dest) from exc
    return ExportReport(
        format=options.format,
        destination=dest,
        paths=[dest],
        count=len(articles),
        replaced=[dest] if st is not None else [],
        warnings=rendered.warnings,
    )


def _create(dest: Path, data: bytes, options: ExportOptions, rename_if_taken: bool) -> Path:
    """Write a new file at `dest`; a name taken meanwhile by another export gets the next
    free variant (a default name) or is refused as in the way (a name the editor gave)."""
    while True:
        try:
            atomic_create_bytes(dest, data)
            return dest
        except FileExistsError:
            if rename_if_taken:
                dest = free_variant(dest, options.format)
            elif options.force:
                atomic_write_bytes(dest, data)
                return dest
            else:
                raise ExportExists([dest]) from None


def _make_parents(directory: Path) -> list[Path]:
    """Create missing folders up to `directory`; returns the ones created, outermost first."""
    missing = []
    probe = directory
    while _lstat(probe) is None and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    created: list[Path] = []
    for path in reversed(missing):
        try:
            os.mkdir(path)
        except OSError:
            for done in reversed(created):
                _remove_if_empty(done)
            raise
        created.append(path)
    return created


def _remove_if_empty(directory: Path) -> None:
    try:
        os.rmdir(directory)
    except OSError:
        # Not empty (someone else's files) or already gone: leave it as it is.
        return


def _export_files(
    articles: list[Article],
    dest: Path,
    options: ExportOptions,
    templates_dir: Path | None,
    journal: Path | None,
    rename_if_taken: bool,
) -> ExportReport:
    dest, st = _folder_target(dest, rename_if_taken)
    # In a folder that exists, a name another article's earlier export holds is passed
    # over, so `force` replaces only this article's own file (or the editor's own).
    held_by_other = another_articles_file(dest) if st is not None else None
    rendered = render_files(
        articles, options, templates_dir=templates_dir, held_by_other=held_by_other
    )
    existing: list[Path] = []
    if st is not None:
        for name, _text in rendered.files:
            target = dest / name
            found = _lstat(target)
            if found is not None and stat.S_ISLNK(found.st_mode):
                raise _fail(SymlinkRefusedError(target), target)
            if found is not None and not stat.S_ISREG(found.st_mode):
                raise ExportError(
                    f"Cannot export to {shown_name(target)}: a folder or other non-file is in the way."
                )
            if found is not None:
                existing.append(target)
    if existing and not options.force:
        raise ExportExists(existing)
    try:
        with atomic_file_set(dest, overwrite=options.force, journal=journal) as staged:
            paths = [staged.write_text(name, text) for name, text in rendered.files]
    except FileSetConflictError as exc:
        raise ExportExists(exc.conflicts) from exc
    except OSError as exc:
        raise _fail(exc, dest) from exc
    return ExportReport(
        format=options.format,
        destination=dest,
        paths=paths,
        count=len(articles),
        replaced=existing,
        warnings=rendered.warnings,
    )
