"""Check: the import log (`imports.jsonl`) reads line by line.

A full disk or a crash could tear its last line, and a record appended later
stuck to the torn one (both unreadable, and `L` listed only older imports). A
torn line is dropped; a whole record stuck to it is kept on a line of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk import import_log

if TYPE_CHECKING:
    from newsdesk.doctor.runner import Doctor


def check_import_log(doctor: Doctor, writable: bool) -> None:
    data_dir = doctor.paths.data_dir
    if not (data_dir / import_log.LOG_NAME).exists():
        return  # no import yet: nothing to check
    repair = doctor.repair and writable
    try:
        unreadable, salvaged = import_log.mend(data_dir, repair=repair)
    except OSError as exc:
        doctor.report.add(
            "import_log", "problem", f"the import log could not be read: {exc.strerror or exc}"
        )
        return
    if not unreadable:
        doctor.report.add("import_log", "ok", "the import log reads whole")
        return
    lines = f"{unreadable:,} line{'s' if unreadable != 1 else ''}"
    kept = (
        f" ({salvaged:,} record{'s' if salvaged != 1 else ''} stuck to a torn line kept)"
        if salvaged
        else ""
    )
    if repair:
        doctor.report.add(
            "import_log",
            "repaired",
            f"the import log had {lines} torn by a full disk or a crash: removed{kept}",
            unreadable=unreadable,
            salvaged=salvaged,
        )
    else:
        doctor.report.add(
            "import_log",
            "problem",
            f"the import log has {lines} torn by a full disk or a crash (doctor removes "
            f"them{', keeping the records stuck to them' if salvaged else ''})",
            unreadable=unreadable,
            salvaged=salvaged,
        )
