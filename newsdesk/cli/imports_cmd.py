"""`newsdesk imports`: the import log, as `L` shows it in the app.

Every import of every process (the app's `i`, `newsdesk import`, watched folders)
with what it stored, what failed and why; an import under way is "running", one
whose process died (kill -9, a crash) "interrupted", with what it had stored.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from rich.text import Text

from newsdesk import import_log
from newsdesk.cli import output
from newsdesk.desk import Desk
from newsdesk.errors import DeskError
from newsdesk.import_log import ImportRecord
from newsdesk.sanitize import display

EXIT_OK = 0
#: Warnings listed under one import; a file of thousands of bad lines says how many more.
WARNINGS_SHOWN = 10


def cmd_imports(desk: Desk, args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise DeskError("--limit takes 0 (every import kept) or a number of imports")
    read = desk.read_import_log(args.limit or import_log.KEEP)
    records, torn = read.records, read.unreadable
    if args.json:
        output.print_json({"imports": [asdict(r) for r in records], "unreadable_lines": torn})
        return EXIT_OK
    if torn:
        output.notice(
            f"{torn:,} line{'s' if torn != 1 else ''} of the import log could not be read "
            "(torn by a full disk or a crash): `newsdesk doctor` removes them"
        )
    if not records:
        output.notice("no import yet")
    for record in records:
        output.out.print(_summary(record))
        for path, reason in record.failed:
            output.out.print(
                Text.assemble(
                    ("    ✗ ", "red"), display(Path(path).name, name=True), ": ", display(reason)
                )
            )
        # What `import` printed beside its summary ("text cut after its first 1,000,000
        # characters"): the log kept it, and only `--json` showed it.
        for path, warning in record.warned[:WARNINGS_SHOWN]:
            output.out.print(
                Text.assemble(
                    ("    ! ", "yellow"),
                    display(Path(path).name, name=True),
                    ": ",
                    display(warning),
                )
            )
        if len(record.warned) > WARNINGS_SHOWN:
            more = len(record.warned) - WARNINGS_SHOWN
            output.out.print(
                f"    ! and {more:,} more warnings (`newsdesk imports --json` lists them)"
            )
    return EXIT_OK


def _summary(record: ImportRecord) -> Text:
    """One import in two lines: when, by what, what; then what it did."""
    text = Text(f"{record.finished}  {'watch' if record.by == 'watch' else 'import':<7}")
    text.append(", ".join(display(p, name=True) for p in record.paths) + "\n  ")
    styles = {"state": "bold yellow" if record.interrupted else "bold", "failed": "red"}
    for part, role in import_log.outcome_parts(record):
        text.append(part, styles.get(role, ""))
    return text
