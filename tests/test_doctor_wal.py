"""Doctor looking at a desk it cannot write (a full disk) reads the write-ahead log too.

On a full disk doctor opened the file immutable, which reads the main file alone:
the newest pages, still in the log, were missing and an intact desk was called
damaged ("database disk image is malformed").
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.doctor.database import inspect_database
from newsdesk.paths import resolve


def test_a_read_only_look_sees_what_the_log_still_holds(
    isolated_dirs: Path, tmp_path: Path
) -> None:
    files = []
    for n in range(30):
        path = tmp_path / f"report-{n}.md"
        path.write_text(
            f"# Harbour report number {n}\n\nDock workers in Marrowby met on day {n} "
            "about pay and the night rota.\n",
            encoding="utf-8",
        )
        files.append(path)
    desk = Desk(resolve())
    try:
        desk.import_paths(files)
        db = resolve().database
        wal = db.with_name(db.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # still open: pages in the log
        problems, version, articles = inspect_database(db, read_only=True)
        assert problems == []
        assert version is not None and version > 0
        assert articles == desk.count()
    finally:
        desk.close()
