"""A yes-or-no question: y or Enter confirms, n or Esc declines; returns a bool.

A question about something under way ("An import is running: importing 17/136
files") follows it: `follow` is asked a few times a second for the question as
it stands, and once it answers None (nothing left to ask about) the dialog
closes by itself, answering None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from newsdesk.sanitize import display
from newsdesk.tui.modals.once import OnceModal


class ConfirmDialog(OnceModal[bool | None]):
    """Asks before something big or hard to take back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "No", id="confirm_no"),
        Binding("y", "answer(True)", "Yes", id="confirm_yes"),
    ]
    """y confirms; n or Esc declines (Enter presses the focused button)."""

    #: Seconds between two looks at what the question is about (`follow`).
    FOLLOW_EVERY: ClassVar[float] = 0.25

    def __init__(
        self,
        title: str,
        question: str,
        *,
        confirm: str = "Yes",
        follow: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._confirm = confirm
        #: The question as it stands now, None once it no longer needs asking.
        self._follow = follow

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Label(Text(display(self._title), style="bold"), classes="dialog-title")
            yield Static(
                Text(display(self._question, one_line=False)), id="confirm-question", markup=False
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self._confirm} (y)", variant="primary", id="confirm-yes")
                yield Button("Cancel (n)", id="confirm-no")

    def on_mount(self) -> None:
        self.focus_first("#confirm-yes")
        if self._follow is not None:
            self.set_interval(self.FOLLOW_EVERY, self._look_again)

    def _look_again(self) -> None:
        assert self._follow is not None
        question = self._follow()
        if question is None:
            self.dismiss(None)
        elif question != self._question:
            self._question = question
            for static in self.query("#confirm-question").results(Static):
                static.update(Text(display(question, one_line=False)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
