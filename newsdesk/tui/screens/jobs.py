"""The screen's background layer: every slow thing runs here, in a thread worker.

Index opening and catch-up, inbox counts, import (with a progress bar), export,
opening a URL. Workers talk back only through messages (thread-safe); the
app's one `on_worker_state_changed` handler turns failures into notifications.
"""

from __future__ import annotations

import time
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path

from textual import work
from textual.message import Message
from textual.widgets import ProgressBar
from textual.worker import get_current_worker

from newsdesk.tui.index_status import describe_index
from newsdesk.tui.screens.inbox_screen import InboxScreen

#: At most this many import progress messages per second reach the screen.
PROGRESS_RATE = 8


@dataclass(frozen=True)
class ExportRequest:
    """What the export dialog asked for."""

    ids: list[str]
    dest: Path | None
    format: str
    summary: bool
    force: bool
    copy: bool
    query: str | None


class JobsScreen(InboxScreen):
    """Background work and what it reports."""

    @dataclass
    class CountsReady(Message):
        counts: dict[str, int]

    @dataclass
    class IndexState(Message):
        """The index opened or moved on; `text` is empty once caught up."""

        text: str
        notices: list[str] = field(default_factory=list)
        opened: bool = False

    @dataclass
    class ImportProgressed(Message):
        done: int
        total: int
        imported: int

    @dataclass
    class ImportFinished(Message):
        imported: int
        duplicates: int
        failed: list[tuple[str, str]]
        sample: bool
        stopped: bool

    @dataclass
    class ExportFinished(Message):
        paths: list[str]
        count: int
        copied: bool
        error: str | None = None
        destination: str = ""
        warnings: list[str] = field(default_factory=list)

    #: The last index message shown, so each is told once.
    _index_message: str | None = None

    def start_jobs(self) -> None:
        self.refresh_counts()
        self._open_index()
        if self.app.desk.store.count() == 0:
            from newsdesk.paths import sample_data_dir

            sample = sample_data_dir()
            if sample is not None:
                self.import_paths([sample], sample=True)

    def after_change(self, ids: list[str]) -> None:
        super().after_change(ids)
        self.refresh_counts()

    # -- counts ---------------------------------------------------------------

    def refresh_counts(self) -> None:
        self._counts_worker()

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False, name="counts")
    def _counts_worker(self) -> None:
        self.post_message(self.CountsReady(self.app.desk.counts()))

    def on_jobs_screen_counts_ready(self, message: CountsReady) -> None:
        self.counts = message.counts
        self.update_status()

    # -- the search index ---------------------------------------------------------

    @work(thread=True, exclusive=True, group="index", exit_on_error=False, name="open index")
    def _open_index(self) -> None:
        desk = self.app.desk
        index = desk.index  # opens (and may start a rebuild in its background thread)
        status = index.status()
        notices = list(desk.notices)
        if status.message and status.message not in notices:
            notices.append(status.message)
        self.post_message(self.IndexState(describe_index(status), notices, opened=True))

    def on_jobs_screen_index_state(self, message: IndexState) -> None:
        for notice in message.notices:
            self.notify(notice, title="Search index", markup=False)
        if message.opened:
            self.set_interval(1.0, self._poll_index)
        if message.text != self.index_text:
            was_busy = bool(self.index_text)
            self.index_text = message.text
            self.update_status()
            if was_busy and not message.text:
                # The index caught up: answers and related articles may be fuller now.
                self.related_cache.clear()
                self.show_detail()
                if self.query_text:
                    self.refresh_results()

    def _poll_index(self) -> None:
        self._index_status_worker()

    @work(
        thread=True, exclusive=True, group="index-status", exit_on_error=False, name="index status"
    )
    def _index_status_worker(self) -> None:
        status = self.app.desk.index_status()
        notices = []
        if status.message and status.message != self._index_message:
            self._index_message = status.message
            notices.append(status.message)
        self.post_message(self.IndexState(describe_index(status), notices))

    # -- import -------------------------------------------------------------------

    #: Articles imported when the list was last refreshed during an import.
    _import_listed = 0
    _import_listed_at = 0.0

    def import_paths(self, paths: list[Path], *, sample: bool = False) -> None:
        self._import_listed, self._import_listed_at = 0, time.monotonic()
        self.busy["import"] = "importing…"
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.add_class("-shown")
        self.update_status()
        self._import_worker(paths, sample)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False, name="import")
    def _import_worker(self, paths: list[Path], sample: bool) -> None:
        worker = get_current_worker()
        last = 0.0
        imported = 0

        def progress(step: object) -> None:
            nonlocal last, imported
            done = int(getattr(step, "done", 0))
            total = int(getattr(step, "total", 0))
            outcome = getattr(step, "outcome", None)
            imported += int(getattr(outcome, "imported", 0))
            now = time.monotonic()
            if done == total or now - last >= 1 / PROGRESS_RATE:
                last = now
                self.post_message(self.ImportProgressed(done, total, imported))

        summary = self.app.desk.import_paths(
            paths, progress=progress, should_stop=lambda: worker.is_cancelled
        )
        self.post_message(
            self.ImportFinished(
                imported=summary.imported,
                duplicates=summary.duplicates,
                failed=[(f.path, f.error or "") for f in summary.failed],
                sample=sample,
                stopped=worker.is_cancelled,
            )
        )

    def on_jobs_screen_import_progressed(self, message: ImportProgressed) -> None:
        now = time.monotonic()
        if message.imported > self._import_listed and now - self._import_listed_at > 2.0:
            # New articles join the list while the import goes on (cursor kept).
            self._import_listed, self._import_listed_at = message.imported, now
            self.refresh_results()
        self.query_one(ProgressBar).update(total=message.total, progress=message.done)
        self.busy["import"] = (
            f"importing {message.done:,}/{message.total:,} files ({message.imported:,} new)"
        )
        self.update_status()

    def on_jobs_screen_import_finished(self, message: ImportFinished) -> None:
        self.busy.pop("import", None)
        self.query_one(ProgressBar).remove_class("-shown")
        if message.sample:
            self.notify(f"Imported {message.imported:,} sample articles.", markup=False)
        else:
            text = f"Imported {message.imported:,} articles"
            if message.duplicates:
                text += f", {message.duplicates:,} already there"
            self.notify(text + ".", markup=False)
        for path, reason in message.failed[:5]:
            self.notify(
                f"{Path(path).name}: {reason}",
                title="Not imported",
                severity="warning",
                markup=False,
                timeout=8,
            )
        if len(message.failed) > 5:
            self.notify(f"{len(message.failed) - 5} more files failed.", severity="warning")
        self.refresh_results()
        self.refresh_counts()

    # -- export ---------------------------------------------------------------------

    def start_export(self, request: ExportRequest) -> None:
        self.busy["export"] = "exporting…"
        self.update_status()
        self._export_worker(request)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False, name="export")
    def _export_worker(self, request: ExportRequest) -> None:
        from newsdesk.export import ExportError, ExportOptions

        options = ExportOptions(
            format=request.format,  # type: ignore[arg-type]
            summary=request.summary,
            query=request.query,
            force=request.force,
        )
        try:
            report = self.app.desk.export(request.ids, request.dest, options)
        except ExportError as exc:  # ExportExists is one: the message says what to do
            self.post_message(self.ExportFinished([], 0, False, error=str(exc)))
            return
        copied = False
        if request.copy:
            digest = ExportOptions(format="md", summary=request.summary, query=request.query)
            rendered: object = self.app.desk.render_export(request.ids, digest)
            text = rendered if isinstance(rendered, str) else str(getattr(rendered, "text", ""))
            self.app.call_from_thread(self.app.copy_to_clipboard, text)
            copied = True
        self.post_message(
            self.ExportFinished(
                [str(p) for p in report.paths],
                report.count,
                copied,
                destination=str(report.destination),
                warnings=list(report.warnings),
            )
        )

    def on_jobs_screen_export_finished(self, message: ExportFinished) -> None:
        self.busy.pop("export", None)
        self.update_status()
        if message.error:
            self.notify(
                message.error, title="Export failed", severity="error", markup=False, timeout=10
            )
            return
        where = message.destination
        if len(message.paths) > 1:
            where = f"{len(message.paths):,} files in {message.destination}"
        text = f"Exported {message.count:,} articles to {where}"
        if message.copied:
            text += " (digest copied to the clipboard)"
        self.notify(text, title="Export", markup=False, timeout=8)
        for warning in message.warnings:
            self.notify(warning, title="Export", severity="warning", markup=False)
        self.inbox.invalidate()
        self.refresh_counts()

    # -- open the original ------------------------------------------------------------

    def open_url(self, url: str) -> None:
        self._open_url_worker(url)

    @work(thread=True, group="open-url", exit_on_error=False, name="open URL")
    def _open_url_worker(self, url: str) -> None:
        if not webbrowser.open(url):
            self.app.notify(f"No browser could open {url}", severity="warning", markup=False)
