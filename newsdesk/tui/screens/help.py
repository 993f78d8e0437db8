"""The help screen: every key, generated from the key table (so it is always complete)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsdesk.tui.keymap import KEY_TABLE, effective_keys, key_display
from newsdesk.tui.modals.once import OnceModal


def help_table(overrides: Mapping[str, str]) -> Table:
    """Groups of (keys, what they do), with the user's remapped keys."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("keys", style="bold", no_wrap=True, min_width=18)
    table.add_column("action", ratio=1)
    table.add_column("id", style="dim", no_wrap=True)
    group = ""
    for spec in KEY_TABLE:
        if spec.group != group:
            if group:
                table.add_row("", "", "")
            group = spec.group
            table.add_row(Text(group, style="bold underline"), "", "")
        keys = " ".join(key_display(k) for k in effective_keys(spec, overrides))
        table.add_row(Text(keys), Text(spec.help or spec.description), Text(spec.id))
    return table


#: The search language at a glance (the whole of it is in newsdesk/search/SYNTAX.md).
SYNTAX = (
    ("korea summit", "both words, anywhere (headline ranks higher)"),
    ('"north korea"', "the phrase"),
    ("korea OR japan, -japan, (a OR b) c", "boolean logic"),
    ("korea*", "words starting with korea (3 letters at least)"),
    ("title: author: source:", "in the headline, the byline, the outlet"),
    ("person: org: place:", "people, organisations, places named"),
    ("tag:urgent  -tag:done", "your tags"),
    ("is:starred is:unread is:archived", "state (is:read, is:exported; negate with -)"),
    ("in:all", "include the archive"),
    ("feed:harbour  feed:wire*", "the articles of a feed subscription"),
    ("published:2026-11  published:>-7d", "a month, a day, ranges, relative dates"),
    ("id:4f3a9c  related:4f3a9c", "an article by id; the articles most like it"),
)


def syntax_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("type", style="bold", no_wrap=True, min_width=18)
    table.add_column("finds", ratio=1)
    for typed, finds in SYNTAX:
        table.add_row(Text(typed), Text(finds))
    return table


class HelpScreen(OnceModal[None]):
    """Lists every key; Esc, q or ? closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help_close"),
    ]
    """Any of these closes the help."""

    def __init__(self, overrides: Mapping[str, str]) -> None:
        super().__init__()
        self.overrides = dict(overrides)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(Text("Keys", style="bold"), classes="dialog-title")
            yield Static(help_table(self.overrides), id="help-table")
            yield Static(Text("Search syntax", style="bold underline"))
            yield Static(syntax_table(), id="help-syntax")
            yield Static(
                Text(
                    "In the search box: Enter or Esc returns to the list keeping the query; "
                    "↑/↓ recall recent searches. Remap keys by id in keys.toml "
                    "(see KEYS.md). ctrl+p opens every command.",
                    style="dim",
                )
            )

    def action_close(self) -> None:
        self.dismiss(None)
