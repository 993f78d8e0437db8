"""Import from the app: ask for a path (i), survey it, ask when it is big or odd, import."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from newsdesk.errors import DeskError
from newsdesk.sanitize import display
from newsdesk.tui.headline_quote import quoted_headline
from newsdesk.tui.import_notice import ImportOutcome, import_summary
from newsdesk.tui.screens.flows.host import InboxHost
from newsdesk.tui.search_runner import SearchAnswer
from newsdesk.tui.triage import articles

#: Imports the log (`L`) shows, newest first.
LOG_SHOWN = 20
#: Interrupted imports remembered as told (`UIState.told_interrupted`).
TOLD_KEPT = 20
#: The import's summary waits this long at most for the list that places its articles
#: (a search typed meanwhile replaces that list; the summary then says no place).
SUMMARY_WAIT_S = 2.0

if TYPE_CHECKING:
    from textual.timer import Timer

    # The survey walks files with the importers' name rules: loaded when first asked.
    from newsdesk.tui.import_survey import ImportSurvey


def _readings(text: str) -> list[Path]:
    """`text` as typed, then as a shell reads it: terminals paste a dropped file quoted
    ('/a b/c.jsonl', "/a b/c.jsonl"), escaped (/a\\ b/c.jsonl) or as a file:// URL."""
    out = [Path(text).expanduser()]
    try:
        words = shlex.split(text)
    except ValueError:  # an unbalanced quote: no shell reading
        return out
    if len(words) == 1 and words[0] != text:
        out.append(Path(words[0]).expanduser())
    if len(words) == 1 and words[0].startswith("file://"):
        # File managers drop a file as its URL (file:///a%20b/c.jsonl).
        url = urlsplit(words[0])
        if url.netloc in ("", "localhost"):
            out.append(Path(unquote(url.path)))
    return out


def typed_path(text: str, prefill: str = "") -> Path:
    """The path the editor means: as typed if it exists, else unquoted or unescaped, and
    `~` expanded. A path pasted after the prompt's prefilled folder counts on its own.
    When none exists, the unquoted reading, for the message."""
    text = text.strip()
    tries = _readings(text)
    rest = text[len(prefill) :].strip() if prefill and text.startswith(prefill) else ""
    if rest[:1] in ("'", '"', "/", "~") or rest.startswith("file://"):
        tries += _readings(rest)
    for path in tries:
        if path.exists():
            return path
    return _readings(text)[-1]


class ImportFlow:
    """The import dialog, the survey's question and the import log screen."""

    def __init__(
        self,
        host: InboxHost,
        *,
        keep_notice: Callable[[str], None],
        small_screen: Callable[[], bool] = lambda: False,
    ) -> None:
        self.host = host
        #: Marks a notice the small screen's stack must not take down for a later one.
        self._keep_notice = keep_notice
        #: Notices are one line when they fit there: the summary is brief.
        self._small_screen = small_screen
        #: The import that ended, its summary waiting for the list that places it.
        self._ended: ImportOutcome | None = None
        self._summary_timer: Timer | None = None
        #: The newest step of the action log when the running import started.
        self._step_before: int | None = None
        #: The cursor's article when the running (or last) import started.
        self.cursor_at_start: str | None = None

    def _newest_step(self) -> int | None:
        steps = self.host.desk.history(limit=1)
        return steps[0].batch if steps else None

    def holds_undo(self) -> bool:
        """`u` while an import runs and the editor has taken no step since it began: say
        so at once (True); a step taken during the import is undone as usual. The part
        stored so far is a step of the log already: asked about as a big step ("Undo
        import of 228 articles?"), a yes was then refused."""
        if not self.host.import_job.status:
            return False
        newest = self._newest_step()
        if newest != self._step_before and not self._is_running_import(newest):
            return False
        self.host.notify(
            "The import is still running: u takes it back once it has finished.", timeout=4
        )
        return True

    def _is_running_import(self, batch: int | None) -> bool:
        """`batch`, newer than the import's start, is the part of it stored so far: the
        step `u` would take back is an import (the app runs one import at a time)."""
        if batch is None or (self._step_before is not None and batch <= self._step_before):
            return False
        try:
            step = self.host.desk.undo_step(own_session=True)
        except DeskError:
            return False  # the undo itself says what is wrong
        return step is not None and step.batch == batch and step.kind == "import"

    def busy(self) -> bool:
        """An import runs: say so (True). A second one cancelled it without a word, and
        the files it had not read yet stayed out."""
        status = self.host.import_job.status
        if not status:
            return False
        self.host.notify(
            f"{status[:1].upper()}{status[1:].rstrip('…')}: start the next import when this "
            "one has finished.",
            timeout=4,
            markup=False,
        )
        return True

    def ask(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        host = self.host
        if self.busy():
            return
        last = host.ui_state.last_import_folder
        prefill = last.rstrip("/") + "/" if last else ""

        def go(text: str | None) -> None:
            if not text:
                return
            path = typed_path(text, prefill)
            if not path.exists():
                host.notify(f"{display(path)} does not exist.", severity="error", markup=False)
                return
            folder = path if path.is_dir() else path.parent
            host.ui_state.last_import_folder = str(folder.absolute())
            host.save_state()
            host.import_job.survey([path])

        host.app.push_screen(
            PromptDialog(
                "Import files or folders",
                placeholder="path to a file or folder (pages, feeds, wire copy, Markdown, JSON, CSV)",
                value=prefill,
            ),
            go,
        )

    def surveyed(self, found: ImportSurvey) -> None:
        """Import at once, unless the paths hold very many files or odd ones: then ask."""
        from newsdesk.tui.modals.confirm import ConfirmDialog

        if not found.files:
            self.host.notify("No file to import there.", severity="warning")
            return
        if not found.worth_asking:
            self.start(found.paths)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.start(found.paths)

        self.host.app.push_screen(
            ConfirmDialog("Import?", found.question(), confirm="Import"), answer
        )

    def sample_due(self) -> Path | None:
        """The sample queue when this start imports it (a first start on an empty store,
        if it is installed, or one the app quit in the middle of), else None; never
        into a shared desk."""
        host = self.host
        state = host.ui_state
        # Not into a shared desk: fictional articles would land in the whole team's queue
        # (and an empty desk is what bringing a personal queue along needs).
        if host.desk.shared or (state.sample_offered and not state.sample_pending):
            return None
        if not state.sample_pending and host.desk.count() != 0:
            return None
        from newsdesk.paths import sample_data_dir

        return sample_data_dir()

    def import_sample(self, sample: Path) -> None:
        """Import the sample queue `sample_due` found: once (it came back on every start
        after `u` had taken it out); one the app quit in the middle of is finished at
        the next start."""
        state = self.host.ui_state
        state.sample_offered = state.sample_pending = True
        self.host.save_state()
        # Announced already (the import job says "importing…" from the first frame).
        self._begin([sample], True)

    def sample_finished(self) -> None:
        """The sample import ran to its end, or the editor stopped it: not again."""
        if self.host.ui_state.sample_pending:
            self.host.ui_state.sample_pending = False
            self.host.save_state()

    def show_log(self) -> None:
        from newsdesk.tui.screens.import_log import ImportLogScreen

        # The import's toasts say what the log now shows in full, and at 80 columns
        # they would cover it.
        self.host.app.clear_notifications()
        read = self.host.desk.read_import_log(LOG_SHOWN)
        self.host.app.push_screen(ImportLogScreen(read.records, unreadable=read.unreadable))

    def tell_interrupted(self) -> None:
        """An import whose process died (kill -9, a crash, the app killed during `i`) is
        said once, at the next start: what it stored stays, and nothing else said so."""
        from newsdesk import import_log

        host = self.host
        told = host.ui_state.told_interrupted
        # The log alone first (a small file): the store is asked (a round trip on a
        # shared desk, at every start) only when there is an interrupted import to tell.
        logged = import_log.recent(host.desk.paths.data_dir, LOG_SHOWN)
        if not any(r.interrupted and r.token and r.token not in told for r in logged):
            return
        try:
            # The Desk's reading counts a transaction the kill caught as it committed.
            records = host.desk.recent_imports(LOG_SHOWN)
        except DeskError:
            return  # the store is away: said at a later start
        # One taken back since (`newsdesk undo` from a shell) is no news.
        new = [
            r for r in records if r.interrupted and not r.undone and r.token and r.token not in told
        ]
        if not new:
            return
        told[:0] = [r.token for r in new]
        del told[TOLD_KEPT:]
        host.save_state()
        record = new[0]
        # Its articles, not its files: files are counted after their batch is reported,
        # so a kill just after a commit left that count behind.
        of = f" of {record.files_total:,} files" if record.files_total else ""
        stored = f"{articles(record.imported)} stored" if record.imported else "nothing stored"
        more = f"; {len(new) - 1:,} more in the log" if len(new) > 1 else ""
        # No "u to undo it": u takes back the newest step, which may be another since.
        host.notify(
            f"An import{of} was interrupted: {stored}{more} (L for the log).",
            severity="warning",
            timeout=15,
            markup=False,
        )

    def start(self, paths: list[Path], *, sample: bool = False) -> None:
        if self.busy():  # asked before the first one began (a survey, a question)
            return
        self._begin(paths, sample)

    def _begin(self, paths: list[Path], sample: bool) -> None:
        self._step_before = self._newest_step()
        # Where the cursor was: the import's end moves it to what came in only if the
        # editor has not moved it since (a `j` just before the end was theirs).
        self.cursor_at_start = self.host.inbox.current_id
        self.host.import_job.start(paths, sample=sample)
        self.host.update_status()

    # -- the summary ------------------------------------------------------------------------

    def ended(self, outcome: ImportOutcome, *, placed: bool) -> None:
        """The import ended: its one summary is said once the list shows where its articles
        are (`answered`; `placed`: that list is asked for), else at once."""
        self._say("")  # an earlier import's, still waiting: said as it is
        self._ended = outcome
        if placed:
            self._summary_timer = self.host.app.set_timer(SUMMARY_WAIT_S, lambda: self._say(""))
        else:
            self._say("")

    def answered(self, answer: SearchAnswer, before: str | None) -> None:
        """A whole answer is on screen; `before` was the cursor's article until then. When
        it is the one that places the import's articles, the summary says where they are."""
        request = answer.request
        reveal = request.reveal
        if self._ended is None or not reveal or request.reveal_as != "imported":
            return
        if not answer.complete:
            return
        host = self.host
        results = host.results
        them = "it" if len(reveal) == 1 else "them"
        where = ""
        if not results.lists_any(reveal):
            if request.query:
                where = f"not in this search: Esc clears the search to show {them}"
            else:
                # Not in the inbox at all: a rule archived them as they arrived (a
                # killfile), and the import seemed to bring nothing.
                archived = sum(1 for row in host.desk.rows(list(reveal[:500])) if row.archived)
                if archived:
                    some = them if archived == len(reveal) else f"{archived:,} of them"
                    where = (
                        f"{some} went straight to the archive (a rule's archive): "
                        f"is:archived shows {'it' if archived == 1 else 'them'}"
                    )
        elif not results.reveals(request, before):
            # The editor moved during the import: the cursor stays, and the summary says
            # where the first article it brought is listed instead.
            first = results.first_listed(reveal)
            if first is not None and first in host.inbox.ids:
                row = host.inbox.row(first)
                place = host.inbox.ids.index(first) + 1
                shown = row is not None and not self._small_screen()
                title = f": {quoted_headline(row.title)}" if shown and row else ""
                where = f"the cursor stays where you moved it; the first is row {place:,}{title}"
        self._say(where)

    def _say(self, where: str) -> None:
        outcome, self._ended = self._ended, None
        if self._summary_timer is not None:
            self._summary_timer.stop()
            self._summary_timer = None
        if outcome is None:
            return
        text, severity, timeout = import_summary(outcome, where, brief=self._small_screen())
        self._keep_notice(text)
        self.host.notify(text, severity=severity, timeout=timeout, markup=False)
