"""Copy one desk into another (`newsdesk store migrate`: SQLite to PostgreSQL and back)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk import paths as paths_mod
from newsdesk.config import editor_name
from newsdesk.errors import DeskError

if TYPE_CHECKING:
    from newsdesk.store.transfer import CopyReport


def migrate_store(
    paths: paths_mod.Paths,
    source: str,
    target: str,
    progress: Callable[[str], None] | None = None,
) -> CopyReport:
    """Copy the desk `source` into the empty desk `target` (`newsdesk store migrate`).

    Each is `sqlite` (the data directory's file), a SQLite file or a
    postgresql:// URL. The target gets everything in one transaction; the
    report holds the rows per table and the state checksum of both sides.
    """
    from newsdesk.store import describe, open_named
    from newsdesk.store.transfer import copy_desk

    if source == target:
        raise DeskError(f"the source and the target are the same desk ({describe(source)})")
    from newsdesk.store import is_server_url

    editor = editor_name(paths)
    # A SQLite file this copy makes is removed again when the copy is not whole: left,
    # it was a desk "not empty" that refused the next try.
    made = None
    if not is_server_url(target):
        file = paths.database if target == "sqlite" else Path(target).expanduser()
        made = None if file.exists() else file
    try:
        src = open_named(source, paths.database, must_exist=True, editor=editor)
        try:
            dst = open_named(target, paths.database, editor=editor)
            try:
                report = copy_desk(src, dst, progress)
            finally:
                dst.close()
        finally:
            src.close()
    except BaseException:
        # A copy that failed (a damaged source, Ctrl-C) is all or nothing too: the
        # file it made held the schema and no rows, and refused the next try.
        _remove(made)
        raise
    if not report.same and made is not None:
        _remove(made)
        report.removed = True
    return report


def _remove(made: Path | None) -> None:
    """The SQLite file this copy made, with its WAL files (None: it made none)."""
    if made is None:
        return
    for part in (made, made.with_name(made.name + "-wal"), made.with_name(made.name + "-shm")):
        part.unlink(missing_ok=True)
