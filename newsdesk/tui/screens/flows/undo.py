"""`u`: take back the newest step, asking first about a big one or the rules' own.

The question names a step ("Undo import of 3,000 articles?"); the yes undoes that
step and no other. It was read before asking and the undo then took whatever was
newest: a fetch or an import that logged a step while the question was up made
"Undo" take that one. Now the yes carries the step's batch (`Desk.undo(expect=)`),
and when another is newest by then nothing is undone: it is said, and asked again
about the step that is newest now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from newsdesk.counting import counted
from newsdesk.desk.results import OTHER_EDITORS, ChangedSince
from newsdesk.errors import DeskError
from newsdesk.store.protocol import StepPreview
from newsdesk.tui.screens.flows.feeds import FeedsFlow
from newsdesk.tui.screens.flows.host import InboxHost
from newsdesk.tui.screens.flows.imports import ImportFlow

#: Said before the question asked again when the step changed under the first one.
CHANGED = (
    "The newest step changed while you were asked (a fetch or an import came in "
    "between, or it was taken back elsewhere): nothing was undone."
)


class UndoFlow:
    """`u`, asked about when big or when the rules made the newest step."""

    def __init__(
        self,
        host: InboxHost,
        *,
        imports: ImportFlow,
        feeds: FeedsFlow,
        undo_now: Callable[[int | None], None],
    ) -> None:
        self.host = host
        self._imports = imports
        self._feeds = feeds
        #: Undo, the keys typed next held for the list it brings (the screen's), given
        #: the batch the editor said yes to (None: whatever is newest).
        self._undo_now = undo_now

    def undo(self) -> None:
        if self._imports.holds_undo():
            return
        step = self._feeds.unasked_step_is_newest()
        if step is None:
            self.ask_if_big()
            return
        # A due feed or a watched folder brought articles the rules changed after the
        # editor's last step: `u` took that back in place of the editor's own, unsaid.
        from newsdesk.tui.modals.confirm import ConfirmDialog

        rules = step.kind.split(" ", 1)[-1]
        question = (
            f"The newest step is not yours: the rules ({rules}) changed "
            f"{counted(len(step.article_ids), 'article')} that arrived by themselves. "
            "Undo that? Your own last step stays."
        )

        def answered(yes: bool | None) -> None:
            self._feeds.forget(step)  # asked once: a `u` after "no" takes it back
            if yes:
                self._undo_now(step.batch)
            else:
                self.host.notify("Nothing undone.", timeout=2)

        self.host.app.push_screen(
            ConfirmDialog("Undo the rules?", question, confirm="Undo"), answered
        )

    def ask_if_big(self) -> None:
        """`u`, asking first when the step covers more than `BIG_ACTION` articles, as a
        big change does: two `u` took back a 15,000-article import made from a shell
        before the app opened, with nothing said until it was gone."""
        from newsdesk.desk import BIG_ACTION

        step = self._newest()
        if step is None or step.articles <= BIG_ACTION:
            self._undo_now(None)
            return
        self._ask(step, "")

    def step_changed(self) -> None:
        """The yes found another step newest and undid nothing: said, and asked about the
        newest now, whatever its size (the editor agreed to another step, not to this)."""
        step = self._newest()
        if step is None:
            self.host.notify(
                f"{CHANGED} Nothing is left to undo.", severity="warning", timeout=6, markup=False
            )
            return
        self._ask(step, CHANGED + " ")

    def _newest(self) -> StepPreview | None:
        try:
            return self.host.desk.undo_step(own_session=True)
        except DeskError:
            return None  # the undo itself says what is wrong

    def _who_since(self, step: StepPreview) -> ChangedSince:
        """Who logged steps after `step`: the question names who keeps its articles, as
        the undo's notice after it does (`DeskWriter`)."""
        try:
            return self.host.desk.changed_since(step.batch)
        except DeskError:
            return OTHER_EDITORS

    def _ask(self, step: StepPreview, before: str) -> None:
        from newsdesk.desk.results import undo_question
        from newsdesk.tui.modals.confirm import ConfirmDialog
        from newsdesk.tui.relative_time import compact_when

        when = compact_when(step.ts, datetime.now().astimezone())
        title, question = undo_question(
            step.kind,
            step.articles,
            when,
            step.editor,
            stays=step.stays,
            gone=step.gone,
            since=self._who_since(step) if step.stays else None,
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self._undo_now(step.batch)  # that step, or none (`step_changed`)
            else:
                self.host.notify("Nothing undone.", timeout=2)

        self.host.app.push_screen(ConfirmDialog(title, before + question, confirm="Undo"), answered)
