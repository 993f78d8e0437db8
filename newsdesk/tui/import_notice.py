"""The one notice an import ends with: what it brought, where, and what it left out.

An import in the app ended with up to nine notices: "Imported 3 articles.", one per
failed file, "N more files failed", the parts left out, and, once the list showed
them, "3 articles imported; the cursor stays where you moved it..." saying the count
again. On a screen under 110x32, where two notices show at once, the summary was the
first to be taken down to make room for the warnings after it. Now one notice says it
all, after the list that places the new articles, and the small screen keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath
from typing import Protocol

from textual.notifications import SeverityLevel

from newsdesk.counting import counted
from newsdesk.tui.triage import articles

#: How long a summary that names a problem stays (seconds): the editor reads the file's
#: name, then presses L.
WARNING_TIMEOUT = 8.0
#: A full disk stays longer: nothing more can be stored until space is freed.
ERROR_TIMEOUT = 15.0


class ImportOutcome(Protocol):
    """What the import job reports at its end (`ImportJob.Finished`)."""

    imported: int
    duplicates: int
    updated: int
    failed: list[tuple[str, str]]
    warned: list[tuple[str, str]]
    sample: bool
    stopped: bool
    disk_full: str | None


def _first(items: Sequence[tuple[str, str]]) -> str:
    path, reason = items[0]
    return f"{PurePath(path).name}: {reason}" if reason else PurePath(path).name


def import_summary(
    outcome: ImportOutcome, where: str = "", *, brief: bool = False
) -> tuple[str, SeverityLevel, float | None]:
    """The summary's text, severity and timeout (None: the app's default). `where`: where
    the new articles are when the list does not show them at the cursor ("not in this
    search: Esc clears the search to show them"). `brief` (a small screen, where a notice
    is one line when it fits): the first failed file is left to the log (L)."""
    if outcome.sample:
        head = f"Imported {outcome.imported:,} sample articles (fictional)"
    else:
        head = f"Imported {articles(outcome.imported)}"
    counts = []
    if outcome.updated:
        counts.append(f"{outcome.updated:,} updated")
    if outcome.duplicates:
        counts.append(f"{outcome.duplicates:,} already there")
    text = ", ".join([head, *counts])
    if outcome.stopped:
        text = f"Import stopped: {text[:1].lower()}{text[1:]}"
    clauses = [where] if where else []
    if outcome.failed:
        failed = outcome.failed
        first = "" if brief else f" (first: {_first(failed)})"
        clauses.append(f"{counted(len(failed), 'file')} not imported{first}")
    if outcome.warned and not outcome.sample:
        warned = outcome.warned
        files = len({path for path, _ in warned})
        first = "" if brief else f" (first: {_first(warned)})"
        clauses.append(
            f"{counted(len(warned), 'part')} of {counted(files, 'imported file')} left out{first}"
        )
    if outcome.disk_full:
        clauses.append(outcome.disk_full)
    text = "; ".join([text, *clauses]) + "."
    if outcome.failed or (outcome.warned and not outcome.sample):
        text += " L lists them."
    elif outcome.sample:
        text = text[:-1] + ": u right away takes them back out; i imports your own."
    if outcome.disk_full:
        return text, "error", ERROR_TIMEOUT
    if outcome.failed or (outcome.warned and not outcome.sample):
        return text, "warning", WARNING_TIMEOUT
    return text, "information", None
