"""Every change the app makes to the store goes through here.

A widget that shows nothing. One guard: a write the store refuses (a
read-only data folder, a full disk, another process holding the write lock
past the busy timeout) becomes a notification, never a crash. Small batches
are written at once (a few milliseconds of SQLite), big ones (select-all over
a large inbox) in a thread worker so the screen never stalls. After each
change it posts `Applied` (or `Undone`) for the screen to redraw.

Steps of the action log are written in the order the editor asked for them:
while a big batch is being written, a later tag, note, delete, toggle or `u`
waits its turn behind it. Otherwise `u` pressed during the batch found the
batch not yet logged and undid the step before it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from textual.message import Message
from textual.widget import Widget

from newsdesk.desk import ActionResult, Desk, DeskError
from newsdesk.desk.results import (
    OTHER_EDITORS,
    ChangedSince,
    left_by_others,
    nothing_taken_back,
    taken_back_in_deleted,
)
from newsdesk.errors import StepChanged, StepInProgress, StoreUnreachableError
from newsdesk.store.protocol import StepPreview
from newsdesk.tui import triage
from newsdesk.tui.workers import app_worker

T = TypeVar("T")

#: A write refused while the store cannot be reached (the desk watch says why, once).
UNREACHABLE = (
    "The store cannot be reached: nothing was changed; press it again once the store is back."
)
#: Batches up to this size are written on the spot; bigger ones in a worker.
SYNC_LIMIT = 2000


class DeskWriter(Widget):
    """Writes triage changes to the Desk, guarded; posts what changed."""

    DEFAULT_CSS = """
    DeskWriter {
        display: none;
    }
    """
    """Never drawn."""

    @dataclass
    class Applied(Message):
        """A change was written; `requested` is how many articles it was asked for."""

        result: ActionResult
        requested: int

    @dataclass
    class Undone(Message):
        """The last change in the action log was undone."""

        result: ActionResult

    class UndoEnded(Message):
        """An undo ended, however it did (after `Undone` when it undid something)."""

    class UndoStepChanged(Message):
        """An undo of the step the editor was asked about found another step newest:
        nothing undone (the screen asks again)."""

    class BatchWritten(Message, bubble=False):
        """The big batch a worker was writing is done (or failed): next in line may go."""

    def __init__(self, desk: Desk, *, read_all_versions: bool, id: str | None = None) -> None:
        super().__init__(id=id)
        self._desk = desk
        self._read_all_versions = read_all_versions
        #: What the status line says while a big batch is written; empty otherwise.
        self.status = ""
        #: A big batch is being written in a worker; steps asked for since wait in `_queue`.
        self._writing = False
        #: Log steps asked for during a big batch, in the editor's order.
        self._queue: deque[Callable[[], None]] = deque()

    def _in_turn(self, step: Callable[[], None]) -> None:
        """Write now, or after the big batch being written: the log keeps the editor's order."""
        if self._writing:
            self._queue.append(step)
        else:
            step()

    def on_desk_writer_batch_written(self, _message: DeskWriter.BatchWritten) -> None:
        self._writing = False
        # One at a time: a queued step may itself be a big batch, and the rest wait for it.
        while self._queue and not self._writing:
            self._queue.popleft()()

    def guarded(self, write: Callable[[], T], title: str = "Not saved") -> T | None:
        """Run a write; if the store refuses it, say why in one line and return None."""
        try:
            return write()
        except StoreUnreachableError:
            # The desk watch says "Store lost", with the address and the cause, once for
            # the outage: each refused key said it all again (two "lost" for one outage).
            self.notify(UNREACHABLE, title=title, severity="error", timeout=6, markup=False)
            return None
        except DeskError as exc:
            self.notify(str(exc), title=title, severity="error", timeout=10, markup=False)
            return None

    def _gone(self, article_id: str) -> bool:
        """The article is no longer in the store (False when the store cannot say)."""
        try:
            return self._desk.get(article_id) is None
        except DeskError:
            return False

    # -- toggles ----------------------------------------------------------------------

    def toggle(self, field: triage.Toggle, ids: list[str], *, say: bool = False) -> None:
        """Turn a mark on for `ids`, or off if every one of them has it; `say`: notify
        even for one article (a selection's, which the cursor's row may not show)."""
        self._in_turn(lambda: self._toggle_now(field, ids, say))

    def _toggle_now(self, field: triage.Toggle, ids: list[str], say: bool) -> None:
        if len(ids) <= SYNC_LIMIT:
            self._toggle(field, ids, say)
            return
        self.status = f"updating {len(ids):,} articles…"
        self._writing = True
        self._in_worker(lambda: self._toggle(field, ids, say))

    def _toggle(self, field: triage.Toggle, ids: list[str], say: bool = False) -> None:
        """Toggle what `ids` reach (`triage.goes_to`), and say so; notify and post_message
        are thread-safe, so a worker runs this too."""

        def write() -> tuple[list[str], triage.Toggled]:
            targets = triage.goes_to(self._desk, ids, field)
            read_all = self._read_all_versions
            return targets, triage.toggle(self._desk, field, targets, read_all_versions=read_all)

        done = self.guarded(write)
        if done is not None:
            targets, toggled = done
            self._toggled(toggled, ids, to_current=targets != ids, say=say)

    def _in_worker(self, write: Callable[[], None]) -> None:
        """Write in a thread worker (`status` says what, and later steps wait their turn):
        a delete or an undo of thousands of articles froze the keys for seconds."""
        self._writing = True
        self._write_big(write)

    @app_worker(name="bulk change", group="actions", exclusive=False)
    def _write_big(self, write: Callable[[], None]) -> None:
        try:
            write()
        finally:
            self.status = ""
            # After `Applied`, so the screen has redrawn the batch before what waited runs.
            self.post_message(self.BatchWritten())

    def _toggled(
        self, toggled: triage.Toggled, ids: Sequence[str], *, to_current: bool, say: bool = False
    ) -> None:
        result, requested = toggled.result, len(ids)
        if say or requested > 1 or to_current or result.action in ("archive", "unarchive"):
            notice = triage.batch_notice(
                result,
                requested,
                to_current=to_current,
                already=toggled.already,
                chosen=ids,
                found=toggled.found,
            )
            self.notify(notice, timeout=3, markup=False)
        self.post_message(self.Applied(result, requested))

    # -- other writes -------------------------------------------------------------------

    def tag(self, ids: Sequence[str], *, add: list[str], remove: list[str]) -> None:
        self._in_turn(lambda: self._tag(ids, add, remove))

    def _tag(self, ids: Sequence[str], add: list[str], remove: list[str]) -> None:
        if len(ids) > SYNC_LIMIT:
            self.status = f"tagging {len(ids):,} articles…"
            self._in_worker(lambda: self._tag_now(ids, add, remove))
        else:
            self._tag_now(ids, add, remove)

    def _tag_now(self, ids: Sequence[str], add: list[str], remove: list[str]) -> None:
        def write() -> tuple[list[str], ActionResult]:
            targets = triage.goes_to(self._desk, ids, "tag")
            return targets, self._desk.tag(targets, add=add, remove=remove)

        done = self.guarded(write)
        if done is None:
            return
        targets, result = done
        parts = [f"+{t}" for t in add] + [f"-{t}" for t in remove]
        changed = len(result.changed)
        if targets != list(ids):
            reached = triage.on_current_versions(changed, len(targets), len(ids))
        else:
            reached = f"{changed:,} of {len(ids):,}"
        self.notify(f"Tags {' '.join(parts)} on {reached}", timeout=3, markup=False)
        self.post_message(self.Applied(result, len(ids)))

    def mark_opened(self, ids: list[str]) -> None:
        """An article was opened: mark it read (no notice)."""
        result = self.guarded(lambda: self._desk.mark_opened(ids))
        if result is not None:
            self.post_message(self.Applied(result, len(ids)))

    def set_note(self, article_id: str, note: str) -> None:
        self._in_turn(lambda: self._set_note(article_id, note))

    def _set_note(self, article_id: str, note: str) -> None:
        result = self.guarded(lambda: self._desk.set_note(article_id, note.strip()))
        if result is None:
            return
        if not result.changed and self._gone(article_id):
            # Deleted (another window, a shell) while the note was being written.
            self.notify(
                "Note not saved: the article is no longer in the store.",
                severity="warning",
                timeout=5,
            )
            return
        self.notify("Note saved (u to undo)." if note.strip() else "Note removed.", timeout=3)
        self.post_message(self.Applied(result, 1))

    def delete(self, ids: Sequence[str]) -> None:
        self._in_turn(lambda: self._delete(ids))

    def _delete(self, ids: Sequence[str]) -> None:
        if len(ids) > SYNC_LIMIT:
            self.status = f"deleting {len(ids):,} articles…"
            self._in_worker(lambda: self._delete_now(ids))
        else:
            self._delete_now(ids)

    def _delete_now(self, ids: Sequence[str]) -> None:
        result = self.guarded(lambda: self._desk.delete(ids), title="Not deleted")
        if result is None:
            return
        self.notify(
            f"Deleted {triage.articles(len(result.changed))} (u to undo).",
            timeout=4,
            markup=False,
        )
        self.post_message(self.Applied(result, len(ids)))

    def undo(self, expect: int | None = None) -> None:
        """Undo the newest step; asked for during a big batch, that batch once written.
        `expect`: the batch of the step the editor said yes to; when another is newest
        by then, nothing is undone and `UndoStepChanged` follows.

        Always in a worker: how big the step is (a delete of thousands brought back) is
        known only once it is read; a small one is written in milliseconds anyway."""
        if self._writing:
            self.notify("Undo follows once this change is written.", timeout=3)
        self._in_turn(lambda: self._undo_in_worker(expect))

    def _undo_in_worker(self, expect: int | None) -> None:
        self.status = "undoing…"
        self._in_worker(lambda: self._undo(expect))

    def _undo(self, expect: int | None) -> None:
        try:
            self._undo_step(expect)
        finally:
            # The screen holds the keys typed after `u` until the undo has ended.
            self.post_message(self.UndoEnded())

    def _undo_step(self, expect: int | None) -> None:
        try:
            # What it says comes from the step taken (`result.step`), not from one read
            # before it: another change between the two made the message wrong.
            result = self._desk.undo(own_session=True, expect=expect)
        except StepChanged:
            self.post_message(self.UndoStepChanged())
            return
        except StepInProgress as exc:
            # Not a failure: the running import is the newest step (`ImportFlow.holds_undo`).
            self.notify(str(exc), timeout=4, markup=False)
            return
        except DeskError as exc:
            self.notify(str(exc), title="Not undone", severity="error", timeout=10, markup=False)
            return
        if result is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        step = result.step
        if not result.changed:  # "Undid import on 0 articles"
            said = (
                taken_back_in_deleted(result.action, len(result.in_deleted))
                if result.in_deleted
                else nothing_taken_back(result.action, self._changed_since_by(step))
            )
            self.notify(said[:1].upper() + said[1:] + ".", timeout=4, markup=False)
            self.post_message(self.Undone(result))
            return
        what = result.action.removeprefix("undo ")
        left = (
            left_by_others(result.action, step.articles, result, self._changed_since_by(step))
            if step and len(result.changed) < step.articles
            else ""
        )
        self.notify(
            f"Undid {what} on {triage.articles(len(result.changed))}"
            + (f"; {left}." if left else ""),
            timeout=6 if left else 3,
            markup=False,
        )
        self.post_message(self.Undone(result))

    def _changed_since_by(self, step: StepPreview | None) -> ChangedSince:
        """Who logged steps after `step` (all of them: the newest 50 missed an editor of
        older ones): the app's `u` keeps what another session changed since, and the same
        editor's command line or other window was told it was "other editors"."""
        if step is None:
            return OTHER_EDITORS
        try:
            return self._desk.changed_since(step.batch)
        except DeskError:
            return OTHER_EDITORS

    def save_search(self, name: str, query: str, *, replace: bool = False) -> bool:
        def save() -> bool:
            self._desk.save_search(name, query, replace=replace)
            return True

        return self.guarded(save) is not None

    def delete_search(self, name: str) -> bool:
        """False when the search was already gone (or the store refused)."""
        return bool(self.guarded(lambda: self._desk.delete_search(name)))
