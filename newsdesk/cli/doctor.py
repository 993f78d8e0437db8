"""`newsdesk doctor [--json]`: check and repair the data directory, without opening the Desk.

The Desk may be exactly what cannot open (a damaged or newer database), so
this command resolves the paths itself and talks to `newsdesk.doctor` only.
"""

from __future__ import annotations

import argparse

from rich.text import Text

from newsdesk.cli import output
from newsdesk.doctor import DoctorReport, Finding, run_doctor
from newsdesk.paths import resolve

EXIT_OK = 0
EXIT_PROBLEM = 1

_MARKS = {
    "ok": ("✓ ", "green"),
    "repaired": ("✔ ", "cyan"),
    "skipped": ("- ", "dim"),
    "problem": ("✗ ", "bold red"),
}


def cmd_doctor(args: argparse.Namespace) -> int:
    """Run every check; exit 0 when healthy or repaired, 1 when a problem remains."""
    paths = resolve(getattr(args, "data_dir", None))
    report = run_doctor(paths)
    if getattr(args, "json", False):
        output.print_json(report.as_dict())
    else:
        print_report(report)
    return EXIT_OK if report.healthy else EXIT_PROBLEM


def print_report(report: DoctorReport) -> None:
    output.out.print(Text(f"newsdesk doctor: {report.data_dir}", style="bold"))
    for finding in report.findings:
        output.out.print(_line(finding))
    verdict = (
        Text("healthy", style="green")
        if report.healthy
        else Text("problems remain (see ✗ above)", style="bold red")
    )
    output.out.print(verdict)


def _line(finding: Finding) -> Text:
    mark, style = _MARKS[finding.status]
    return Text.assemble((mark, style), (f"{finding.check}: ", "bold"), finding.message)
