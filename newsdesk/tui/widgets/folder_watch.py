"""The app's watch of `[watch] folders`: a thread worker running the Desk's watch.

Files dropped into the folders are imported as `newsdesk watch` imports them
(complete files only, temporary names ignored). Each import is posted to the
screen, which lets its articles join the list without moving the cursor; a
file that fails, or a folder that is missing, is a notification. The watch
stops when the widget goes (the app quits): the stop event ends the worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.message import Message
from textual.widget import Widget

from newsdesk.errors import DeskError
from newsdesk.sanitize import clean_line
from newsdesk.tui.arrivals import (
    FAILED_TIMEOUT,
    failures_notice,
    file_states,
    folder_arrivals,
    said_before,
    unchanged_since,
)
from newsdesk.tui.workers import app_worker

if TYPE_CHECKING:
    from newsdesk.desk import ImportSummary


class Watcher(Protocol):
    """`Desk.watch_folders`."""

    def __call__(
        self,
        folders: Sequence[Path],
        *,
        stop: threading.Event,
        on_import: Callable[[ImportSummary], None],
        on_error: Callable[[str], None],
    ) -> None: ...


class FolderWatch(Widget):
    """Never drawn; owns the watch's worker and its stop event."""

    DEFAULT_CSS = "FolderWatch { display: none; }"

    @dataclass
    class Imported(Message):
        new: int
        #: (file, reason) for each file that failed.
        failed: list[tuple[str, str]]
        #: Articles whose file was written again and replaced their text.
        updated: int = 0
        #: Articles already stored that files brought again (a copy dropped twice).
        duplicates: int = 0
        #: (file, warning) for each file imported with a warning (cut short, bad lines).
        warnings: list[tuple[str, str]] = field(default_factory=list)
        #: Of `new`, those the rules on arrival archived: they never reach the inbox.
        archived: int = 0
        #: Rule name -> the articles it archived on arrival (said as a fetch says it).
        archived_by_rule: dict[str, list[str]] = field(default_factory=dict)
        #: Of `new`, those the inbox shows (counted in the header as arrived): not those
        #: archived, nor a wire version older than the one the desk had (a late v1).
        shown: int = 0

    @dataclass
    class Problem(Message):
        text: str

    def __init__(
        self,
        watch: Watcher,
        folders: Sequence[Path],
        *,
        shown: Callable[[Sequence[str]], int] | None = None,
        small_screen: Callable[[], bool] = lambda: False,
        keep_notice: Callable[[str], None] = lambda _text: None,
        failed_before: Callable[[], Mapping[tuple[str, str], float]] = dict,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._watch = watch
        #: How many of some new articles the inbox shows (`arrivals.inbox_shows`).
        self._shown = shown
        self._small_screen = small_screen
        self._keep_notice = keep_notice
        #: Watched files that failed before (read from the import log as the watch starts).
        self._failed_before = failed_before
        self.folders = list(folders)
        self._stop = threading.Event()
        self.running = False

    def start(self) -> None:
        """Watch the folders that are there; each missing one is a warning, not the end."""
        if self.running:
            return
        missing = [f for f in self.folders if not f.expanduser().is_dir()]
        for folder in missing:
            self.notify(
                f"config.toml: [watch] {clean_line(str(folder))} is not a folder; not watched",
                title="Watched folders",
                severity="warning",
                markup=False,
            )
        self.folders = [f for f in self.folders if f not in missing]
        if self.folders:
            self.running = True
            self._run()

    def stop(self) -> None:
        self._stop.set()

    def on_unmount(self) -> None:
        self.stop()

    @app_worker(name="watch folders", group="watch-folders")
    def _run(self) -> None:
        inbox_shows = self._shown
        # Read before the first look at the folders: that look logs its failures too.
        try:
            before = self._failed_before()
        except DeskError:
            before = {}
        from newsdesk.watch import existing_files

        # The files there at the start, as they are: one brought again unchanged stored
        # nothing new, and "12 already stored" was said at each start of the app.
        at_start = file_states(existing_files(self.folders))

        def imported(summary: ImportSummary) -> None:
            # A file that failed before and is unchanged is not announced at each start.
            failed = [
                (clean_line(Path(f.path).name), clean_line(f.error or ""))
                for f in summary.failed
                if not said_before((f.path, f.error or ""), before)
            ]
            warned = [
                (clean_line(Path(f.path).name), clean_line(w))
                for f in summary.files
                if f.error is None
                for w in f.warnings
            ]
            # What `newsdesk watch` prints, the app says too: a file written again, a
            # warning (a 30 MB file cut short), a copy already stored were left unsaid.
            duplicates = sum(
                f.duplicates
                for f in summary.files
                if f.duplicates and not unchanged_since(f.path, at_start)
            )
            if summary.imported or failed or summary.updated or duplicates or warned:
                archived = {i for ids in summary.archived_by_rule.values() for i in ids}
                new_ids = summary.imported_ids
                shown = (
                    inbox_shows(new_ids)
                    if inbox_shows is not None
                    else len([i for i in new_ids if i not in archived])
                )
                self.post_message(
                    self.Imported(
                        summary.imported,
                        failed,
                        len(summary.updated),
                        duplicates,
                        warned,
                        len(archived),
                        dict(summary.archived_by_rule),
                        shown,
                    )
                )

        def problem(text: str) -> None:
            self.post_message(self.Problem(text))

        try:
            self._watch(
                self.folders,
                stop=self._stop,
                on_import=imported,
                on_error=problem,
            )
        except DeskError as exc:  # a folder that is not there: said once, nothing watched
            self.post_message(self.Problem(str(exc)))
        finally:
            self.running = False

    def on_folder_watch_problem(self, message: Problem) -> None:
        self.notify(
            clean_line(message.text), title="Watched folders", severity="warning", markup=False
        )

    def on_folder_watch_imported(self, message: Imported) -> None:
        # Said as a fetch's arrivals are: what came and what a rule archived in one
        # notice the small screen keeps, and what failed in one more.
        said = folder_arrivals(
            message.new,
            updated=message.updated,
            duplicates=message.duplicates,
            archived=message.archived_by_rule,
        )
        if said:
            self._keep_notice(said)
            self.notify(said, markup=False)
        for name, warning in message.warnings[:3]:
            self.notify(
                f"{name}: {warning}", title="Watched file", severity="warning", markup=False
            )
        if message.failed:
            title, text = failures_notice(
                message.failed, what="watched file", lists="L", brief=self._small_screen()
            )
            self.notify(text, title=title, severity="warning", timeout=FAILED_TIMEOUT, markup=False)
