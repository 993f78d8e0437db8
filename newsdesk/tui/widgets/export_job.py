"""The export job: writes an export in a thread worker and tells where it went.

A widget that shows nothing. It is given the Desk (anything with `export`
and `render_export`), runs one export at a time, notifies the outcome and
posts `Finished` so the screen can redraw the exported markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.widget import Widget

from newsdesk.tui.triage import articles
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    from newsdesk.export import ExportOptions, ExportReport, Rendered


class Exporter(Protocol):
    """What the job calls (the Desk has both)."""

    def export(
        self,
        ids: Sequence[str],
        dest: Path | None,
        options: ExportOptions,
        *,
        rename_if_taken: bool = False,
    ) -> ExportReport: ...

    def render_export(
        self, ids: Sequence[str], options: ExportOptions, *, mark: bool = True
    ) -> Rendered: ...


class ExportJob(Widget):
    """Runs exports off the UI thread."""

    DEFAULT_CSS = """
    ExportJob {
        display: none;
    }
    """
    """Never drawn."""

    @dataclass
    class Finished(Message):
        """The export is done: what was written, or why not."""

        paths: list[str]
        count: int
        #: The digest to put on the clipboard, if asked for.
        clipboard: str | None
        error: str | None = None
        destination: str = ""
        warnings: list[str] = field(default_factory=list)

    def __init__(self, exporter: Exporter, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._exporter = exporter
        #: What the status line says while an export runs; empty otherwise.
        self.status = ""

    def start(
        self,
        ids: list[str],
        dest: Path | None,
        options: ExportOptions,
        copy: bool,
        *,
        rename_if_taken: bool = False,
    ) -> None:
        """Export `ids` to `dest`; with `copy`, also render the digest for the clipboard.
        `rename_if_taken`: `dest` is a name newsdesk proposed (`Desk.export`)."""
        self.status = "exporting…"
        self._export(ids, dest, options, copy, rename_if_taken)

    @app_worker(name="export", group="export")
    def _export(
        self,
        ids: list[str],
        dest: Path | None,
        options: ExportOptions,
        copy: bool,
        rename_if_taken: bool,
    ) -> None:
        from newsdesk.errors import DeskError
        from newsdesk.export import ExportError, ExportOptions

        try:
            report = self._exporter.export(ids, dest, options, rename_if_taken=rename_if_taken)
        except (ExportError, DeskError) as exc:
            # ExportExists says what to do; "nothing to export: left out 2 killed wire
            # items" too. Uncaught, it left "exporting…" in the header for good.
            self.post_message(self.Finished([], 0, None, error=str(exc)))
            return
        clipboard = None
        if copy:
            digest = ExportOptions(format="md", summary=options.summary, query=options.query)
            # The file export above marked them already.
            rendered: object = self._exporter.render_export(ids, digest, mark=False)
            clipboard = (
                rendered if isinstance(rendered, str) else str(getattr(rendered, "text", ""))
            )
        self.post_message(
            self.Finished(
                [str(p) for p in report.paths],
                report.count,
                clipboard,
                destination=str(report.destination),
                warnings=list(report.warnings),
            )
        )

    def on_export_job_finished(self, message: Finished) -> None:
        """Tell the outcome (the message goes on to the screen)."""
        self.status = ""
        if message.error:
            self.notify(
                message.error, title="Export failed", severity="error", markup=False, timeout=10
            )
            return
        if message.clipboard is not None:
            self.app.copy_to_clipboard(message.clipboard)
        where = message.destination
        if len(message.paths) > 1:
            where = f"{len(message.paths):,} files in {message.destination}"
        text = f"Exported {articles(message.count)} to {where}"
        if message.clipboard is not None:
            text += " (digest copied to the clipboard)"
        self.notify(text, title="Export", markup=False, timeout=8)
        for warning in message.warnings:
            self.notify(warning, title="Export", severity="warning", markup=False)
