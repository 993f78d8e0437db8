"""A one-line question: a title, an Input, Enter to answer, Esc to cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label

from newsdesk.sanitize import display
from newsdesk.tui.modals.once import OnceModal
from newsdesk.tui.widgets.inert_input import InertInput


class PromptDialog(OnceModal[str | None]):
    """Returns the typed text, or None on Esc.

    `check` reads the text before the dialog closes: a message back (the text cannot
    be used) is shown under the input and the dialog stays open with what was typed,
    to be mended rather than typed again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel")
    ]
    """Esc closes without an answer."""

    def __init__(
        self,
        title: str,
        *,
        placeholder: str = "",
        value: str = "",
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__()
        self._title = title
        self._placeholder = placeholder
        self._value = value
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(display(self._title), style="bold"), classes="dialog-title")
            yield InertInput(value=self._value, placeholder=self._placeholder, id="prompt-input")
            yield Label("", id="prompt-problem")
            yield Label(Text("Enter to confirm · Esc to cancel", style="dim"))

    def on_mount(self) -> None:
        self.focus_first(Input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        problem = self._check(text) if self._check is not None and text else None
        if problem:
            self.query_one("#prompt-problem", Label).update(Text(display(problem), style="red"))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
