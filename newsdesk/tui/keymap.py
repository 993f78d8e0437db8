"""The key table: every key of the inbox screen, as data.

One table feeds the screen's BINDINGS, the footer, the help screen, the
command palette and KEYS.md, so they can never disagree. Users remap keys by
binding id in keys.toml (see newsdesk.config); `validate_keymap` checks ids
and keys before they reach `App.set_keymap`. The table and that check live in
the core (`newsdesk.doctor.key_table`), so `newsdesk doctor` says what the app
would of keys.toml; this module makes Textual bindings of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

from textual.binding import Binding
from textual.keys import key_to_character

from newsdesk.doctor.key_table import KEY_TABLE as _KEY_DATA
from newsdesk.doctor.key_table import (
    NAV,
    OTHER,
    READ,
    SEARCH,
    SEARCH_BOX_IDS,
    SELECT,
    TRIAGE,
    validate_keymap,
)
from newsdesk.doctor.key_table import KeySpec as _KeyData

__all__ = [
    "KEY_TABLE",
    "MOVES_AND_VIEWS",
    "NAV",
    "OTHER",
    "READ",
    "ROW_ACTIONS",
    "ROW_MOVES",
    "SEARCH",
    "SEARCH_BOX_IDS",
    "SELECT",
    "SELECTION_ACTIONS",
    "SPEC_BY_ID",
    "TRIAGE",
    "KeySpec",
    "action_name",
    "effective_keys",
    "key_display",
    "keys_markdown",
    "validate_keymap",
]


@dataclass(frozen=True)
class KeySpec(_KeyData):
    """One user-visible command and its default keys, as a Textual binding too (the table
    itself is core data: `newsdesk doctor` checks keys.toml against it)."""

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.description,
            show=self.footer,
            id=self.id,
            tooltip=self.help,
            priority=self.priority,
        )


KEY_TABLE: tuple[KeySpec, ...] = tuple(
    KeySpec(**{f.name: getattr(spec, f.name) for f in fields(spec)}) for spec in _KEY_DATA
)

SPEC_BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in KEY_TABLE}

#: Actions that act on the cursor's row (or the rows of a selection): the inbox dims them
#: in the footer on an empty list, and `ChangedElsewhere` holds every one of them for a
#: moment after a change made elsewhere moved the cursor (`held_row_actions`). Every
#: action of the key table is in this set, in `ROW_MOVES` or in `MOVES_AND_VIEWS`, so a
#: new key cannot slip past the hold unclassified (tests/tui/test_row_actions_held.py).
ROW_ACTIONS = frozenset(
    {
        "open",
        "star",
        "tag",
        "read",
        "archive",
        "claim",
        "release",
        "export",
        "note",
        "delete_articles",
        "open_url",
        "select",
        "select_range",
        "expand",
        "collapse",
        "diff",
    }
)

#: Of `ROW_ACTIONS`, those that act on the selection when there is one: the selection is
#: what the editor chose, so a row going elsewhere does not hold them then.
SELECTION_ACTIONS = frozenset(
    {"star", "tag", "read", "archive", "claim", "release", "export", "delete_articles"}
)

#: Moves from the cursor's row to the next or previous (or a page on, or the next unread):
#: after a change elsewhere took the cursor's row, one typed within the hold goes from
#: where that row stood, onto the row the editor aimed at (`held_row_actions`). From the
#: row the cursor landed on, `J` opened the article after it and skipped, unread, the
#: one that had taken the gone row's place.
ROW_MOVES = frozenset(
    {
        "cursor_down",
        "cursor_up",
        "page_down",
        "page_up",
        "next_article",
        "previous_article",
        "next_unread",
    }
)

#: Actions that do not act on the cursor's row nor move from it: they move the cursor to
#: an end, search, change the view, open a screen, or undo the newest step.
MOVES_AND_VIEWS = frozenset(
    {
        "cursor_top",
        "cursor_bottom",
        "back_to_list",
        "scroll_down",
        "scroll_up",
        "scroll_home",
        "scroll_end",
        "undo",
        "select_all",
        "clear",
        "focus_search",
        "save_search",
        "saved_searches",
        "toggle_group",
        "toggle_sort",
        "focus_detail",
        "jump_related",
        "import_files",
        "fetch_feeds",
        "feeds",
        "rules",
        "import_log",
        "help",
        "app.command_palette",
        "app.quit",
    }
)


def action_name(spec: KeySpec) -> str:
    """The action a binding runs, without its parameters: "jump_related(1)" -> "jump_related"."""
    return spec.action.split("(", 1)[0]


def effective_keys(spec: KeySpec, overrides: Mapping[str, str]) -> list[str]:
    return overrides.get(spec.id, spec.keys).split(",")


_DISPLAY = {
    "slash": "/",
    "question_mark": "?",
    "asterisk": "*",
    "space": "space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "enter": "Enter",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
    "home": "Home",
    "delete": "Del",
    "end": "End",
}


def key_display(key: str) -> str:
    """A key name as a person writes it: `slash` -> `/`, `ctrl+d` -> `ctrl+d`."""
    *mods, name = key.split("+")
    shown = _DISPLAY.get(name)
    if shown is None:
        # Textual's names of printable keys: left_square_bracket is "[".
        char = key_to_character(name)
        shown = char if char is not None and char.isprintable() else name
    return "+".join([*mods, shown])


def keys_markdown() -> str:
    """The KEYS.md table (binding id, default keys, what it does)."""
    lines = [
        "# newsdesk keys",
        "",
        "Every key of the triage screen. Remap any of them by id in `keys.toml` in the",
        "config directory (`$NEWSDESK_CONFIG_DIR`, else the platform's, such as",
        "`~/.config/newsdesk` on Linux), for example:",
        "",
        "```toml",
        "[keys]",
        'star = "s,f"',
        'cursor_down = "j,down,ctrl+n"',
        "```",
        "",
        "Keys are Textual key names (`ctrl+d`, `pagedown`, `slash`, `question_mark`,",
        "`asterisk`, `space`; upper-case letters mean shift). An unknown id or a",
        "clash is reported when the app starts and those ids keep their defaults.",
        "`ctrl+i` is the same key as Tab in most terminals, so import is on `i`",
        "and in the command palette (`ctrl+p`).",
        "",
    ]
    group = ""
    for spec in KEY_TABLE:
        if spec.group != group:
            group = spec.group
            lines += [f"## {group}", "", "| id | keys | action |", "|---|---|---|"]
        keys = ", ".join(f"`{key_display(k)}`" for k in spec.keys.split(","))
        text = spec.help or spec.description
        lines.append(f"| `{spec.id}` | {keys} | {text} |")
        if spec is KEY_TABLE[-1] or KEY_TABLE[KEY_TABLE.index(spec) + 1].group != group:
            lines.append("")
    lines += [
        "## In the search box",
        "",
        "| id | keys | action |",
        "|---|---|---|",
        "| `search_submit` | `Enter` | Back to the list, keeping the query (so `s` stars the result) |",
        "| `search_leave` | `Esc` | The same; `Esc` again in the list clears the query |",
        "| `search_recall_older` | `↑` | Recall an older search |",
        "| `search_recall_newer` | `↓` | Recall a newer search |",
        "",
        "An empty query shows the inbox, newest first. In dialogs, `Esc` cancels.",
        "In the saved-search picker (`b`), `d` or `Delete` removes the highlighted",
        "search (there is no undo; the notice repeats its query so it can be saved again).",
        "",
        "## Reading",
        "",
        "`Enter` (or `d`) moves into the article: the status line says `reading`",
        "and how far in you are; `j` `k` scroll a line, `space` `b` a page (`↓` `↑`",
        "`PgDn` `PgUp` too), and the list keys still work around them. `J` and `K`",
        "open the next and previous article, `N` the next unread one (each is marked",
        "read, as when opened with `Enter`); `d`, `q` or `Esc` goes back to the list.",
        "",
        "## Notes, imports",
        "",
        "`n` adds, edits or (left empty) removes a note on the article; the note",
        "shows in the detail pane and `u` undoes it. `i` asks for a file or folder",
        "(starting at the last folder imported from) and asks again before importing",
        "more than 300 files or files that do not look like articles. `L` lists the",
        "last imports with every file that failed and why.",
        "",
        "## Rules",
        "",
        "`ctrl+r` lists the rules on arrival in the order they run, with how many",
        "articles each matched on arrival today and in all, and how many in the",
        "desk its query finds now (counted in the background, kept live as articles",
        "arrive). There `a` adds a rule and `e` edits one (a query the search would",
        "refuse, or an unknown action, is said under the fields and nothing is kept),",
        "`d` removes it (asked), `space` switches it on or off, `K` and `J` move it",
        "earlier or later, `A` applies the rules switched on to the whole desk now",
        "(asked; one step that `u` takes back), `Enter` shows its matches in the",
        "inbox, `Esc` goes back.",
        "",
        "## Stories",
        "",
        "In the grouped view (`z`), a folded story row stands for the versions of its",
        "story the view shows (archived ones only in a view of the archive, such as",
        "`is:archived` or `in:all`), and its `+N` counts them: star, tag, read, archive",
        "and export apply to every one of them, as one change that one `u` undoes, and",
        "the notice says how many (`Starred 2 of 2`). It reads as the version that ranks first for",
        "the sort and search (headline, outlet, time): the one the detail pane shows",
        "and `Enter`, `o`, `n` and `D` act on.",
        "Expanded (`l`), each row is one version again.",
        "",
        "`D` shows what changed between versions: what this version has that another",
        "lacks, and the reverse (quotes with speakers, people, organisations, places,",
        "figures). It starts with the version that has the most facts; `←`/`→` pick",
        "another, `Esc` closes. The detail pane lists up to five Related articles from",
        "other stories; `1`-`5` move the cursor to them (clearing a search that hides them).",
        "",
        '"Read one, read all" is an option in `config.toml` (default off):',
        "",
        "```toml",
        "[stories]",
        "read_all_versions = true   # opening or marking one version read marks all read",
        "```",
        "",
    ]
    return "\n".join(lines)
