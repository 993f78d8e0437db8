"""The `Doctor`: runs each check in order over one set of paths and gathers the report.

A check is a function `check_<what>(doctor, ...)` in a module named for what it
checks; it reads `doctor.paths`, honours `doctor.repair`, and adds its findings
to `doctor.report`. A new check is one more module and one more line in `run`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from newsdesk.config import store_url
from newsdesk.doctor.config_files import check_config
from newsdesk.doctor.data_dir import check_data_dir
from newsdesk.doctor.database import check_database
from newsdesk.doctor.import_log import check_import_log
from newsdesk.doctor.report import DoctorReport
from newsdesk.doctor.rows import check_rows
from newsdesk.doctor.search_index import check_index, check_shared_index
from newsdesk.doctor.temp_files import check_temp_files
from newsdesk.paths import Paths

#: Temp files younger than this may belong to a process still writing them.
STALE_AFTER_SECONDS = 10 * 60


class Doctor:
    """Runs the checks over one set of paths. `repair=False` only looks."""

    def __init__(
        self,
        paths: Paths,
        *,
        repair: bool = True,
        stale_after: float = STALE_AFTER_SECONDS,
        extra_temp_dirs: list[Path] | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.paths = paths
        self.repair = repair
        self.stale_after = stale_after
        self.extra_temp_dirs = extra_temp_dirs or []
        self.now = now
        self.report = DoctorReport(data_dir=str(paths.data_dir))
        #: Why the data directory cannot be written, as the later checks say it.
        self.unwritable = "the data directory is not writable"
        #: The database was salvaged into a fresh one this run (its index goes with it).
        self.database_salvaged = False

    def run(self) -> DoctorReport:
        check_config(self)
        writable = check_data_dir(self)
        url = store_url(self.paths)
        if url:
            # The store is on a server: checked whatever the data directory's state.
            if self._check_shared_desk(url):
                check_shared_index(self, url, bool(writable))
            if writable is not None:
                check_temp_files(self)
                check_import_log(self, bool(writable))
            return self.report
        if writable is None:
            return self.report
        store_ok = check_database(self, writable)
        if store_ok:
            check_rows(self, writable)
            check_index(self, writable)
        check_temp_files(self)
        check_import_log(self, writable)
        return self.report

    def _check_shared_desk(self, url: str) -> bool:
        """A shared desk instead of the file: its server, schema, tables and rows. True
        when its local index can be checked (the schema is this newsdesk's: opening
        the store must not upgrade a desk other editors share)."""
        from newsdesk.store import is_server_url

        if not is_server_url(url):
            self.report.add(
                "server",
                "problem",
                "the shared desk must be a postgresql:// address (--store, NEWSDESK_STORE "
                "or [store] url); leave it unset for the desk in the data directory",
            )
            return False
        # Imported here: doctor on the SQLite file never loads the PostgreSQL driver.
        from newsdesk.doctor.shared_desk import check_shared_desk

        return check_shared_desk(self, url)


def run_doctor(paths: Paths, *, repair: bool = True, **options: Any) -> DoctorReport:
    """Check (and repair, unless `repair=False`) the data of `paths`."""
    return Doctor(paths, repair=repair, **options).run()
