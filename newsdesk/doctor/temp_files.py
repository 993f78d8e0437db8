"""Check: leftovers of interrupted atomic writes and exports, removed once stale.

Only names that newsdesk's own writers create are touched, and only once they
are old enough that no running process can still be writing them.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.atomic import recover_file_set
from newsdesk.paths import Paths

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor

# Names that only newsdesk's own writers create (atomic.py for every file; search/index.py).
_TEMP_FILE = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
_STAGING_DIR = re.compile(r"^\.newsdesk-staging-[0-9a-f]{12}$")
_INDEX_TEMP = re.compile(r"^\.version-.+$")
_SALVAGE_TEMP = re.compile(
    r"^newsdesk\.sqlite3\.salvage-[0-9a-f]{8}(-header\d+)?(-wal|-shm|-journal)?$"
)


def check_temp_files(doctor: Doctor) -> None:
    found = list(temp_files(doctor))
    if not found:
        doctor.report.add("temp_files", "ok", "no leftovers of interrupted writes")
        return
    cutoff = time.time() - doctor.stale_after
    stale = [p for p in found if mtime(p) <= cutoff]
    fresh = [p for p in found if p not in stale]
    removed: list[str] = []
    failed: list[str] = []
    if doctor.repair:
        for path in stale:
            try:
                if path.is_dir() and not path.is_symlink():
                    # A one-by-one export killed part-way: its old set back first.
                    recover_file_set(path)
                    shutil.rmtree(path)
                else:
                    path.unlink()
            except OSError as exc:
                failed.append(f"{path}: {exc.strerror or exc}")
            else:
                removed.append(str(path))
    if doctor.repair:
        # Notes of the folders just removed go too.
        for _ in journalled_staging(doctor.paths.staging_journal, tidy=True):
            pass
    details = {"removed": removed, "failed": failed, "recent": [str(p) for p in fresh]}
    note = (
        f"; {len(fresh)} recent ones were left (a newsdesk may still be writing them)"
        if fresh
        else ""
    )
    if failed or (stale and not doctor.repair):
        what = f"could not remove {len(failed)}" if failed else f"{len(stale)} found"
        doctor.report.add(
            "temp_files",
            "problem",
            f"leftovers of interrupted writes: {what}" + note,
            **details,
        )
    elif removed:
        doctor.report.add(
            "temp_files",
            "repaired",
            f"removed {len(removed)} leftovers of interrupted writes" + note,
            **details,
        )
    else:
        doctor.report.add("temp_files", "ok", "no stale leftovers" + note, **details)


def temp_files(doctor: Doctor) -> Iterator[Path]:
    dirs = [
        doctor.paths.data_dir,
        doctor.paths.config_dir,
        *export_dirs(doctor.paths),
        *doctor.extra_temp_dirs,
    ]
    for directory in dirs:
        yield from leftovers_in(directory, (_TEMP_FILE, _STAGING_DIR, _SALVAGE_TEMP))
    yield from leftovers_in(doctor.paths.index_dir, (_INDEX_TEMP,))
    seen = {p.resolve() for d in dirs for p in leftovers_in(d, (_STAGING_DIR,))}
    for staging in journalled_staging(doctor.paths.staging_journal, tidy=doctor.repair):
        if staging.resolve() not in seen:
            yield staging


def export_dirs(paths: Paths) -> list[Path]:
    """Where exports go by default: leftovers from before the journal was kept."""
    from newsdesk.config import load_settings
    from newsdesk.export.writer import default_export_dir

    folder = load_settings(paths).export_folder
    return [default_export_dir(), *([folder] if folder is not None else [])]


def journalled_staging(journal: Path, *, tidy: bool) -> Iterator[Path]:
    """The export staging folders noted in `journal` that still exist, wherever the
    export put them (beside or inside its destination). With `tidy`, notes whose
    folder is gone are removed."""
    for note in leftovers_in(journal, (_STAGING_DIR,)):
        try:
            staging = Path(os.fsdecode(note.read_bytes()))
        except OSError:
            continue
        # Only a folder of newsdesk's own name, whatever the note says.
        alive = staging.name == note.name and staging.is_dir() and not staging.is_symlink()
        if alive:
            yield staging
        elif tidy:
            with contextlib.suppress(OSError):
                note.unlink()


def mtime(path: Path) -> float:
    try:
        return path.lstat().st_mtime
    except OSError:
        return time.time()


def leftovers_in(directory: Path, patterns: tuple[re.Pattern[str], ...]) -> Iterator[Path]:
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if any(p.match(entry.name) for p in patterns):
            yield Path(entry.path)
