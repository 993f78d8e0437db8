"""The import job: runs an import in a thread worker and shows its progress bar.

The bar is visible only while an import runs. The job reports progress (at
most a few messages a second, collapsed when the screen is behind) and the
outcome as messages that bubble to the screen, which refreshes the list.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.widgets import ProgressBar
from textual.worker import get_current_worker

from newsdesk.desk import ImportProgress, ImportSummary
from newsdesk.import_batch import disk_full_line
from newsdesk.tui.relist_pace import RelistPace
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    # The survey walks files with the importers' name rules: loaded when first asked.
    from newsdesk.tui.import_survey import ImportSurvey

#: At most this many progress messages per second reach the screen.
PROGRESS_RATE = 8
#: Failed files named one by one in notifications; the rest are counted.
FAILURES_SHOWN = 5


class ImportRunner(Protocol):
    """`Desk.import_paths`: import files and folders, reporting each file."""

    def __call__(
        self,
        inputs: Sequence[Path],
        *,
        progress: Callable[[ImportProgress], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        waiting: Callable[[bool], None] | None = None,
    ) -> ImportSummary: ...


class ImportJob(ProgressBar):
    """One import at a time, in a worker; the bar shows how far it got."""

    @dataclass
    class Progressed(Message):
        """Files done of the total, and articles new so far."""

        done: int
        total: int
        imported: int
        #: New articles are waiting to join the list (at most every RELIST_EVERY seconds).
        relist: bool = False

    @dataclass
    class Waiting(Message):
        """The import waits for the shared desk to answer again (up to 15 s), or goes on."""

        waits: bool

    @dataclass
    class Finished(Message):
        """The import ended (or was stopped); `failed` lists (path, reason)."""

        imported: int
        duplicates: int
        failed: list[tuple[str, str]]
        sample: bool
        stopped: bool
        paths: list[str] = field(default_factory=list)
        #: (path, warning) for every part of a file left out (a bad line, a broken item).
        warned: list[tuple[str, str]] = field(default_factory=list)
        #: The articles it added (the list shows the first of them).
        new_ids: list[str] = field(default_factory=list)
        #: Articles a feed file's corrected items updated in place.
        updated: int = 0
        #: Why it stopped early for a full disk ("disk full: stopped after ..."), or None.
        disk_full: str | None = None

    @dataclass
    class Surveyed(Message):
        """What an import of the paths would read (see import_survey)."""

        survey: ImportSurvey

    def __init__(self, run_import: ImportRunner, *, id: str | None = None) -> None:
        super().__init__(id=id, show_eta=False)
        self._run_import = run_import
        #: What the status line says while an import runs; empty otherwise.
        self.status = ""
        #: When the articles imported so far join the list (`relist_pace`).
        self._pace = RelistPace(self.set_timer)
        #: The last progress, for what the pace held back.
        self._last: ImportJob.Progressed | None = None

    @app_worker(name="survey import", group="import-survey")
    def survey(self, paths: list[Path]) -> None:
        """Count the files first (a walk of a big folder takes a while); `Surveyed` follows."""
        from newsdesk.tui.import_survey import survey

        self.post_message(self.Surveyed(survey(paths)))

    def announce(self) -> None:
        """Say an import is under way before its worker starts (the first start's sample
        queue starts after the first frame, which then says "importing" already)."""
        self.status = "importing…"
        self.update(total=None, progress=0)
        self.add_class("-shown")

    def start(self, paths: list[Path], *, sample: bool = False) -> None:
        """Import `paths` in the background (`sample`: the bundled queue on first run)."""
        self.announce()
        self._pace.restart(at_once=False)
        self._import(paths, sample)

    @app_worker(name="import", group="import")
    def _import(self, paths: list[Path], sample: bool) -> None:
        worker = get_current_worker()
        last = 0.0
        imported = 0
        total: int | None = None

        def progress(step: ImportProgress) -> None:
            nonlocal last, imported, total
            imported += step.outcome.imported
            total = step.total
            now = time.monotonic()
            if step.done == step.total or now - last >= 1 / PROGRESS_RATE:
                last = now
                self.post_message(self.Progressed(step.done, step.total, imported))

        def waiting(waits: bool) -> None:
            self.post_message(self.Waiting(waits))

        summary = self._run_import(
            paths, progress=progress, should_stop=lambda: worker.is_cancelled, waiting=waiting
        )
        self.post_message(
            self.Finished(
                imported=summary.imported,
                duplicates=summary.duplicates,
                updated=len(summary.updated),
                failed=[(f.path, f.error or "") for f in summary.failed],
                sample=sample,
                stopped=worker.is_cancelled,
                paths=[str(p) for p in paths],
                warned=[(f.path, w) for f in summary.files if not f.error for w in f.warnings],
                new_ids=list(summary.imported_ids),
                disk_full=disk_full_line(summary.files, total),
            )
        )

    def on_import_job_progressed(self, message: Progressed) -> None:
        """Move the bar (the message goes on to the screen)."""
        self.update(total=message.total, progress=message.done)
        self.status = (
            f"importing {message.done:,}/{message.total:,} files ({message.imported:,} new)"
        )
        if message.relist:
            return  # posted by `_relist_late`: counted there
        self._last = message
        if self._pace.offer(message.imported, self._relist_late) is not None:
            message.relist = True

    def on_import_job_waiting(self, message: Waiting) -> None:
        """Say why the bar stands still (the message goes on to the screen's status)."""
        last = self._last
        going = (
            f"importing {last.done:,}/{last.total:,} files ({last.imported:,} new)"
            if last is not None
            else "importing…"
        )
        self.status = f"waiting for the desk… ({going})" if message.waits else going

    def _relist_late(self) -> None:
        last = self._last
        if last is not None and last.imported > self._pace.listed and self.status:
            self._pace.join(last.imported)
            self.post_message(self.Progressed(last.done, last.total, last.imported, relist=True))

    def on_import_job_finished(self, message: Finished) -> None:
        """Hide the bar (the message goes on to the screen, whose import flow says the
        outcome in one notice: `import_notice`)."""
        self.status = ""
        self._pace.join(self._pace.listed)  # the end lists everything: no late relist after it
        self._last = None
        self.remove_class("-shown")
