"""Claims from the app: `c` takes the articles under the cursor or the selection
(a story's versions come along), `C` or `c` again lets them go (with this editor's claims on every version of
their stories).

A widget that shows nothing, beside `DeskWriter`: it writes through the same
guard (a refused write is a notification) and posts `DeskWriter.Applied`, so
the screen redraws the rows and the detail pane as after any other change.
A claim another editor's claim refuses takes nothing and says who has it.
Small batches are written at once; a big selection (select all, then `c`)
in a thread worker, so the screen never stalls.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from textual.widget import Widget

from newsdesk.desk import ActionResult
from newsdesk.model import ArticleRow
from newsdesk.store.protocol import ClaimOutcome
from newsdesk.tui import editor_view
from newsdesk.tui.widgets.desk_writer import SYNC_LIMIT, DeskWriter
from newsdesk.tui.workers import app_worker

T = TypeVar("T")


class ClaimDesk(Protocol):
    """What claiming needs of the Desk."""

    @property
    def editor(self) -> str: ...

    def rows(self, ids: Sequence[str]) -> list[ArticleRow]: ...

    def claim(self, ids: Sequence[str], *, with_versions: bool = True) -> ClaimOutcome: ...

    def release(self, ids: Sequence[str]) -> ClaimOutcome: ...


class Guard(Protocol):
    """`DeskWriter.guarded`: run a write, or say in one line why the store refused it."""

    def __call__(self, write: Callable[[], T], title: str = ...) -> T | None: ...


class ClaimWriter(Widget):
    """Claims and releases for the inbox screen; posts what changed."""

    DEFAULT_CSS = """
    ClaimWriter {
        display: none;
    }
    """
    """Never drawn."""

    def __init__(
        self,
        desk: ClaimDesk,
        clock: Callable[[], datetime],
        guarded: Guard,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._desk = desk
        self._clock = clock
        self._guarded = guarded

    def toggle(self, ids: Sequence[str], *, as_shown: bool = False) -> None:
        """Claim the articles, or let them go when every one is already this editor's.
        `as_shown`: the ids are the versions a story row stood for (the grouped view),
        so no other version of their stories comes along."""
        self._start("toggle", ids, as_shown)

    def claim(self, ids: Sequence[str], *, as_shown: bool = False) -> None:
        self._start("claim", ids, as_shown)

    def release(self, ids: Sequence[str]) -> None:
        """Let go of them and of this editor's claims on every version of their stories
        (`Desk.release`), not only the versions a story row shows."""
        self._start("release", ids, as_shown=False)

    def _start(self, verb: str, ids: Sequence[str], as_shown: bool) -> None:
        if not ids:
            self.notify("Nothing to act on.", timeout=2)
            return
        if len(ids) <= SYNC_LIMIT:
            self._write(verb, ids, as_shown)
            return
        self.notify(f"Working on {len(ids):,} articles…", timeout=2)
        self._write_in_worker(verb, list(ids), as_shown)

    @app_worker(name="claims", group="claims", exclusive=False)
    def _write_in_worker(self, verb: str, ids: list[str], as_shown: bool) -> None:
        self._write(verb, ids, as_shown)  # notify and post_message are thread-safe

    def _write(self, verb: str, ids: Sequence[str], as_shown: bool) -> None:
        if verb == "toggle":
            rows = self._guarded(lambda: self._desk.rows(ids), title="Not claimed")
            if rows is None:
                return
            verb = "claim" if editor_view.wants_claim(rows, self._desk.editor) else "release"
        if verb == "claim":
            self._claim(ids, as_shown)
        else:
            self._release(ids)

    def _claim(self, ids: Sequence[str], as_shown: bool) -> None:
        outcome = self._guarded(
            lambda: self._desk.claim(ids, with_versions=not as_shown), title="Not claimed"
        )
        if outcome is None:
            return
        now = self._clock()
        if outcome.held:
            self.notify(
                editor_view.refused_notice(outcome.held, now),
                title="Not claimed",
                severity="warning",
                timeout=6,
                markup=False,
            )
            # Someone else's claim may be news to this screen: show it.
            self._applied("claim", [c.article_id for c in outcome.held], len(ids))
            return
        self.notify(editor_view.claimed_notice(len(outcome.done)), timeout=3, markup=False)
        self._applied("claim", outcome.done, len(ids))

    def _release(self, ids: Sequence[str]) -> None:
        outcome = self._guarded(lambda: self._desk.release(ids), title="Not released")
        if outcome is None:
            return
        self.notify(
            editor_view.released_notice(len(outcome.done), outcome.held, self._clock()),
            timeout=4,
            markup=False,
        )
        self._applied("release", outcome.done, len(ids))

    def _applied(self, action: str, changed: list[str], requested: int) -> None:
        self.post_message(DeskWriter.Applied(ActionResult(action, changed, requested), requested))
