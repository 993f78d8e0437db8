"""The help screen: every key, generated from the key table (so it is always complete)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from newsdesk.tui.keymap import KEY_TABLE, effective_keys, key_display
from newsdesk.tui.modals.once import OnceModal


def help_table(overrides: Mapping[str, str]) -> Group:
    """Groups of (keys, what they do), with the user's remapped keys.

    A group's title is a line of its own over a table of its keys: in the keys column
    its longest title ("Reading (the detail pane focused: d or Enter)") squeezed what
    the keys do to a few letters a line in a narrow terminal. Every group's table has
    the same column widths, so the columns line up down the screen.
    """
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for spec in KEY_TABLE:
        keys = " ".join(key_display(k) for k in effective_keys(spec, overrides))
        groups.setdefault(spec.group, []).append((keys, spec.help or spec.description, spec.id))
    rows = [row for group in groups.values() for row in group]
    keys_width = max(KEYS_MIN_WIDTH, *(len(keys) for keys, _, _ in rows))
    id_width = max(len(key_id) for _, _, key_id in rows)
    parts: list[RenderableType] = []
    for title, group in groups.items():
        if parts:
            parts.append(Text(""))
        parts.append(Text(title, style="bold underline"))
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
        table.add_column("keys", style="bold", no_wrap=True, width=keys_width)
        table.add_column("action", ratio=1)
        table.add_column("id", style="dim", no_wrap=True, width=id_width)
        for keys, action, key_id in group:
            table.add_row(Text(keys), Text(action), Text(key_id))
        parts.append(table)
    return Group(*parts)


#: The keys column is at least this wide, so short keys leave the actions aligned.
KEYS_MIN_WIDTH = 18


#: The search language at a glance (the whole of it is in newsdesk/search/SYNTAX.md).
SYNTAX = (
    ("korea summit", "both words, anywhere (headline ranks higher)"),
    ('"north korea"', "the phrase"),
    ("korea OR japan, -japan, (a OR b) c", "boolean logic"),
    ("korea*", "words starting with korea (3 letters at least)"),
    ("cease-fire  AT&T  o'brien", "one word: finds ceasefire too; o'bri* finds O'Brien"),
    ("title: author: by: source:", "in the headline, the byline, the outlet"),
    ("person: org: place:", "people, organisations (org:who: by initials), places named"),
    ("dateline:hanoi  lang:en", "the dateline; the language"),
    ("note:basin  note:*", "your note has the words; has a note"),
    ("tag:urgent  -tag:done", "your tags"),
    ("is:starred is:unread is:archived", "state (is:read, is:exported; negate with -)"),
    ("in:all", "include the archive"),
    ("feed:harbour  feed:wire*", "the articles of a feed subscription"),
    ("published:2026-11  published:>-7d", "a month, a day, ranges, relative dates"),
    ("arrived:today  arrived:>=09:00", "came onto the desk then (the forms of published:)"),
    ("id:4f3a9c  related:4f3a9c", "an article by id; the articles most like it"),
    ("urgency:<=3 is:urgent slug: subject:", "wire copy by its fields"),
    ("is:embargoed is:killed is:corrected", "wire copy by its state"),
)


def syntax_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("type", style="bold", no_wrap=True, min_width=18)
    table.add_column("finds", ratio=1)
    for typed, finds in SYNTAX:
        table.add_row(Text(typed), Text(finds))
    return table


class _PagerScroll(VerticalScroll):
    """Read with the article reader's keys (j k space b g G, as remapped in keys.toml);
    q and Esc are left to the screen, which closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        spec.binding()
        for spec in KEY_TABLE
        if spec.scope == "reader" and spec.action != "back_to_list"
    ]

    # A container defers each move to the next refresh, from where it stood then: keys
    # quicker than a refresh (j j j) moved one line. These move now, from the last target.
    def _move(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_target_y + lines, animate=False, immediate=True)

    def action_scroll_down(self) -> None:
        self._move(1)

    def action_scroll_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(max(1, self.scrollable_content_region.height))

    def action_page_up(self) -> None:
        self._move(-max(1, self.scrollable_content_region.height))

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False, immediate=True)


class HelpScreen(OnceModal[None]):
    """Lists every key; Esc, q or ? closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close help", id="help_close"),
    ]
    """Any of these closes the help (the scroll keys are the reader's: `_PagerScroll`)."""

    def __init__(self, overrides: Mapping[str, str]) -> None:
        super().__init__()
        self.overrides = dict(overrides)

    def compose(self) -> ComposeResult:
        with _PagerScroll(classes="dialog", id="help-dialog"):
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
