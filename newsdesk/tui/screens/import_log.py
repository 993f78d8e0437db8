"""The import log: the last imports, each with every file that failed and why.

Notifications fade; this stays, across restarts: the imports of every process
(the app, `newsdesk import`, `newsdesk watch`, watched folders) are kept in the
data dir (`newsdesk.import_log`). Opened with `L` or from the command palette.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsdesk.import_log import ImportRecord, outcome_parts
from newsdesk.sanitize import display
from newsdesk.tui.modals.once import OnceModal


def log_text(records: Sequence[ImportRecord], unreadable: int = 0) -> Text:
    """Newest first: when, what, the counts, then one line per failed file."""
    text = Text(end="")
    if unreadable:
        # Torn by a full disk or a crash: skipped, and the imports after them still listed.
        lines = f"{unreadable:,} line{'s' if unreadable != 1 else ''}"
        text.append(
            f"{lines} of the log could not be read (torn by a full disk or a crash); "
            "newsdesk doctor removes them.\n\n",
            "dim",
        )
    if not records:
        text.append("No import yet (i imports files or folders).", "dim")
        return text
    for number, record in enumerate(records):
        if number:
            text.append("\n")
        text.append(record.finished, "bold")
        text.append("  watched: " if record.by == "watch" else "  ")
        text.append(", ".join(display(p) for p in record.paths) + "\n")
        text.append("  ")
        styles = {"state": "bold", "failed": "bold", "aside": "dim"}
        for part, role in outcome_parts(record):
            text.append(part, styles.get(role, ""))
        text.append("\n")
        for path, reason in record.failed:
            text.append("    " + display(Path(path).name), "bold")
            text.append("  " + display(reason) + "\n")
            text.append("      " + display(path) + "\n", "dim")
        if record.warned:
            text.append(f"  left out of files that imported ({len(record.warned):,}):\n")
        for path, warning in record.warned:
            text.append("    " + display(Path(path).name), "bold")
            text.append("  " + display(warning) + "\n")
    return text


class ImportLogScreen(OnceModal[None]):
    """Every recent import and its failures; Esc, q or L closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,L", "close", "Close", id="import_log_close"),
    ]
    """Any of these closes the log."""

    def __init__(self, records: Sequence[ImportRecord], *, unreadable: int = 0) -> None:
        super().__init__()
        self.records = list(records)
        #: Lines of the log that could not be read (said above the records).
        self.unreadable = unreadable

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="import-log"):
            yield Static(Text("Import log", style="bold"), classes="dialog-title")
            yield Static(
                log_text(self.records, self.unreadable), id="import-log-text", markup=False
            )
            yield Static(Text("Esc closes", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
