"""The form that adds or edits a rule: name, query, actions, with the refusal shown inline.

It is given a `check` callable (the Desk's own rule check, so the message is the
search's) and returns the cleaned rule, or None on Esc. A rule that cannot be
kept never closes the form: the reason shows under the fields, in red, as the
query is typed and again on Enter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from newsdesk.sanitize import display
from newsdesk.tags import tag_words
from newsdesk.tui.modals.once import OnceModal
from newsdesk.tui.widgets.inert_input import InertInput

ACTIONS_HINT = "+tag  -tag  star  read  archive  notify"
#: Said when Enter is pressed with the name left empty.
NO_NAME = "Give the rule a name (letters, digits, '-', '_' or '.')."


@dataclass(frozen=True)
class RuleForm:
    """A rule as the editor typed it (checked by `check` before the form closes)."""

    name: str
    query: str
    actions: tuple[str, ...]


#: Checks a rule: the one-line reason it cannot be kept, or None when it can.
CheckRule = Callable[[str, str, tuple[str, ...]], str | None]


def split_actions(text: str) -> tuple[str, ...]:
    """`+africa-desk, star` -> ("+africa-desk", "star"): words split at spaces and commas,
    a quoted tag one word (`+"big news"`), as in the tag dialog."""
    return tuple(tag_words(text))


class RuleDialog(OnceModal[RuleForm | None]):
    """Returns the rule to keep, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel")
    ]
    """Esc closes without keeping anything."""

    def __init__(
        self,
        title: str,
        *,
        check: CheckRule,
        name: str = "",
        query: str = "",
        actions: tuple[str, ...] = (),
    ) -> None:
        super().__init__()
        self._title = title
        self._check = check
        self._start = (name, query, " ".join(actions))
        #: The reason shown under the fields ("" when the rule can be kept).
        self.error = ""

    def compose(self) -> ComposeResult:
        name, query, actions = self._start
        with Vertical(classes="dialog", id="rule-dialog"):
            yield Label(Text(display(self._title), style="bold"), classes="dialog-title")
            yield Label("Name")
            yield InertInput(value=name, placeholder="africa-desk", id="rule-name")
            yield Label("Query (the search syntax)")
            yield InertInput(
                value=query, placeholder="place:nairobi OR place:kampala", id="rule-query"
            )
            yield Label(Text.assemble("Actions  ", (ACTIONS_HINT, "dim")))
            yield InertInput(value=actions, placeholder="+africa-desk star", id="rule-actions")
            yield Static("", id="rule-error", markup=False)
            yield Label(Text("Tab next field · Enter saves · Esc cancels", style="dim"))

    def on_mount(self) -> None:
        first = "#rule-query" if self._start[0] else "#rule-name"
        self.focus_first(first)

    def _fields(self) -> tuple[str, str, tuple[str, ...]]:
        return (
            self.query_one("#rule-name", Input).value.strip(),
            self.query_one("#rule-query", Input).value.strip(),
            split_actions(self.query_one("#rule-actions", Input).value),
        )

    def _show(self, error: str | None) -> None:
        self.error = error or ""
        self.query_one("#rule-error", Static).update(Text(display(self.error), style="bold red"))

    def on_input_changed(self, event: Input.Changed) -> None:
        # The query is checked as it is typed; the other fields once they are filled in.
        name, query, actions = self._fields()
        if event.input.id == "rule-query" and query:
            self._show(self._check(name or "new", query, actions or ("star",)))
        elif self.error:
            self._show(self._check(name or "new", query, actions or ("star",)) if query else None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name, query, actions = self._fields()
        empty = next(
            (
                w
                for w, v in (("rule-name", name), ("rule-query", query), ("rule-actions", actions))
                if not v
            ),
            None,
        )
        if empty is not None and event.input.id != empty:
            self.query_one(f"#{empty}", Input).focus()  # Enter moves on to what is missing
            return
        # An empty name read "bad rule name ''" (the Desk's word for a malformed one).
        error = NO_NAME if not name else self._check(name, query, actions)
        if error:
            self._show(error)
            return
        self.dismiss(RuleForm(name, query, actions))

    def action_cancel(self) -> None:
        self.dismiss(None)
