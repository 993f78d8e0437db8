"""The tag dialog: `+tag -tag` or plain words, with completion over existing tags."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static

from newsdesk.sanitize import display
from newsdesk.tags import normalise_tag, tag_words
from newsdesk.tui.modals.once import OnceModal
from newsdesk.tui.widgets.inert_input import InertInput

_SPLIT = re.compile(r"[\s,]+")


@dataclass(frozen=True)
class TagChange:
    """Tags to add and to remove (normalised)."""

    add: list[str] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)
    #: Words typed that name no tag (no letter or digit: "###", an emoji alone).
    ignored: list[str] = field(default_factory=list)


def parse_tag_input(text: str) -> TagChange:
    """`+a -b c` -> add a, c; remove b. Later words win over earlier ones."""
    add: dict[str, None] = {}
    remove: dict[str, None] = {}
    ignored: list[str] = []
    for word in tag_words(text):
        if not word or word in "+-":
            continue
        if word.startswith("-"):
            tag = normalise_tag(word[1:])
            if tag:
                remove[tag] = None
                add.pop(tag, None)
        else:
            tag = normalise_tag(word)
            if tag:
                add[tag] = None
                remove.pop(tag, None)
        if not tag:
            ignored.append(word)
    return TagChange(list(add), list(remove), ignored)


class TagSuggester(Suggester):
    """Completes the last word of the input from the known tags."""

    def __init__(self, tags: Sequence[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._tags = list(tags)

    def matches(self, value: str) -> list[str]:
        word = _SPLIT.split(value)[-1] if value else ""
        stem = word.lstrip("+-").casefold()
        if not stem:
            return []
        return [t for t in self._tags if t.startswith(stem) and t != stem]

    def completion(self, value: str) -> str:
        """What Tab adds: the rest of the one matching tag (and a space), or, when
        several match, only the part they share (`tra` -> `tra` for trade and transport)."""
        found = self.matches(value)
        if not found:
            return ""
        stem = _SPLIT.split(value)[-1].lstrip("+-")
        if len(found) == 1:
            return found[0][len(stem) :] + " "
        shared = min(found)
        for tag in found:
            while not tag.startswith(shared):
                shared = shared[:-1]
        return shared[len(stem) :]

    async def get_suggestion(self, value: str) -> str | None:
        # A ghost completion only when one tag matches: never pick one of several silently.
        found = self.matches(value)
        if len(found) != 1:
            return None
        stem = _SPLIT.split(value)[-1].lstrip("+-")
        return value + found[0][len(stem) :]


class TagDialog(OnceModal[TagChange | None]):
    """Shows the current tags; returns what to add and remove, or None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
        Binding("tab", "complete", "Complete tag", show=False, id="tag_complete"),
    ]
    """Esc closes; Tab accepts the suggested tag."""

    def __init__(self, current: Mapping[str, int], known: Sequence[str], targets: int) -> None:
        super().__init__()
        #: Tag -> how many of the targets carry it.
        self.current = dict(current)
        self.known = list(known)
        self.targets = targets
        # Completions land in the input as typed text: only cleaned names may be offered.
        self._suggester = TagSuggester(list(dict.fromkeys(display(t) for t in self.known)))

    def compose(self) -> ComposeResult:
        title = "Tag this article" if self.targets == 1 else f"Tag {self.targets:,} articles"
        with Vertical(classes="dialog", id="tag-dialog"):
            yield Label(Text(title, style="bold"), classes="dialog-title")
            yield Static(self._current_text(), id="tag-current", markup=False)
            yield InertInput(
                placeholder="+tag adds, -tag removes, plain words add",
                suggester=self._suggester,
                id="tag-input",
            )
            yield Static(Text(""), id="tag-matches", markup=False)
            yield Label(Text("Enter to apply · Tab completes · Esc to cancel", style="dim"))

    def _current_text(self) -> Text:
        text = Text("Current: ", style="dim")
        if not self.current:
            text.append("no tags", style="dim italic")
        for i, (tag, count) in enumerate(sorted(self.current.items())):
            if i:
                text.append("  ")
            text.append(f"#{display(tag)}", style="bold")
            if self.targets > 1:
                text.append(f" {count}/{self.targets}", style="dim")
        return text

    def on_mount(self) -> None:
        self.focus_first(Input)

    def on_input_changed(self, event: Input.Changed) -> None:
        found = self._suggester.matches(event.value)[:8]
        text = Text("")
        if found:
            text.append("Known: ", style="dim")
            text.append("  ".join(display(tag) for tag in found))
        self.query_one("#tag-matches", Static).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(parse_tag_input(event.value))

    def action_complete(self) -> None:
        field_ = self.query_one(Input)
        added = self._suggester.completion(field_.value)
        if added:
            field_.value = field_.value + added
            field_.cursor_position = len(field_.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
