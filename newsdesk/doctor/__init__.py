"""`newsdesk doctor`: check the data directory, the store and the index; repair what is safe.

The rules it keeps:

- The store is the user's work. It is never deleted or rewritten in place. A
  damaged database is first copied aside (`newsdesk.sqlite3.damaged-<stamp>`,
  with its `-wal`), then whatever rows can still be read are copied, table by
  table and row by row, into a fresh database that takes its place. The
  report says how many rows of each table were kept and where the copy is.
- A database from a newer newsdesk is left exactly as it is.
- The index is derived data: when it is missing, damaged or behind, it is
  rebuilt or caught up from the store.
- The import log is read line by line: a line torn by a full disk or a crash is
  removed (a whole record stuck to it is kept).
- Leftovers of interrupted atomic writes and exports (hidden temp files and
  staging folders with newsdesk's own names) are removed once they are old
  enough that no running process can still be writing them.

Nothing here opens the Desk (it may be the Desk that cannot open) and nothing
imports Textual.

One module per concern: `report` (findings), `runner` (the `Doctor`, which runs
the checks in order), one module per check (`data_dir`, `database`,
`search_index`, `temp_files`, `import_log`) and `salvage` (rebuilding a damaged store).
"""

from __future__ import annotations

from newsdesk.doctor.report import DoctorReport, Finding, Status
from newsdesk.doctor.runner import STALE_AFTER_SECONDS, Doctor, run_doctor
from newsdesk.doctor.salvage import SalvageResult, salvage_database

__all__ = [
    "STALE_AFTER_SECONDS",
    "Doctor",
    "DoctorReport",
    "Finding",
    "SalvageResult",
    "Status",
    "run_doctor",
    "salvage_database",
]
