"""The key table: every key of the inbox screen, as data.

One table feeds the screen's BINDINGS, the footer, the help screen, the
command palette and KEYS.md, so they can never disagree. Users remap keys by
binding id in keys.toml (see newsdesk.config); `validate_keymap` checks ids
and keys before they reach `App.set_keymap`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class KeySpec:
    """One user-visible command and its default keys."""

    id: str
    #: Comma-separated Textual key names.
    keys: str
    #: The action string (on the main screen unless prefixed with `app.`).
    action: str
    description: str
    #: Heading in the help screen.
    group: str
    #: Shown in the footer.
    footer: bool = False
    #: Offered in the command palette.
    palette: bool = True
    #: A longer explanation for the help screen and palette.
    help: str = ""
    #: Handled as soon as the key arrives, before keys queued behind it (see `search`).
    priority: bool = False
    #: Where the key is bound: "screen" (the inbox screen) or "reader" (the detail
    #: pane while it has focus, where it wins over the screen's key).
    scope: str = "screen"

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


NAV = "Move"
READ = "Reading (the detail pane focused: d or Enter)"
TRIAGE = "Triage"
SELECT = "Select"
SEARCH = "Search and view"
OTHER = "Other"

KEY_TABLE: tuple[KeySpec, ...] = (
    KeySpec("cursor_down", "j,down", "cursor_down", "Down", NAV, palette=False),
    KeySpec("cursor_up", "k,up", "cursor_up", "Up", NAV, palette=False),
    KeySpec("cursor_top", "g,home", "cursor_top", "Top", NAV, help="Go to the first row"),
    KeySpec("cursor_bottom", "G,end", "cursor_bottom", "Bottom", NAV, help="Go to the last row"),
    KeySpec("page_down", "pagedown,ctrl+d", "page_down", "Page down", NAV, palette=False),
    KeySpec("page_up", "pageup,ctrl+u", "page_up", "Page up", NAV, palette=False),
    KeySpec(
        "open",
        "enter",
        "open",
        "Open",
        NAV,
        help="Open the article (marks it read) or expand a story row",
    ),
    KeySpec(
        "next_article",
        "J",
        "next_article",
        "Next article",
        NAV,
        help="Open the next article (in the list or while reading)",
    ),
    KeySpec(
        "previous_article",
        "K",
        "previous_article",
        "Previous article",
        NAV,
        help="Open the previous article",
    ),
    KeySpec(
        "next_unread", "N", "next_unread", "Next unread", NAV, help="Open the next unread article"
    ),
    KeySpec(
        "expand", "l,right", "expand", "Expand story", NAV, help="Show every version of the story"
    ),
    KeySpec(
        "collapse", "h,left", "collapse", "Collapse story", NAV, help="Fold the story's versions"
    ),
    KeySpec(
        "reader_back",
        "q,escape",
        "back_to_list",
        "Back",
        READ,
        palette=False,
        footer=True,
        scope="reader",
        help="Back to the list (q and Esc leave the article, as in mutt's and newsboat's pager)",
    ),
    KeySpec("reader_down", "j", "scroll_down", "Scroll down", READ, palette=False, scope="reader"),
    KeySpec("reader_up", "k", "scroll_up", "Scroll up", READ, palette=False, scope="reader"),
    KeySpec(
        "reader_page_down",
        "space",
        "page_down",
        "Page down",
        READ,
        palette=False,
        scope="reader",
        help="Scroll the article one page down",
    ),
    KeySpec(
        "reader_page_up",
        "b",
        "page_up",
        "Page up",
        READ,
        palette=False,
        scope="reader",
        help="Scroll the article one page up",
    ),
    KeySpec(
        "reader_top",
        "g,home",
        "scroll_home",
        "Top",
        READ,
        palette=False,
        scope="reader",
        help="To the top of the article",
    ),
    KeySpec(
        "reader_bottom",
        "G,end",
        "scroll_end",
        "Bottom",
        READ,
        palette=False,
        scope="reader",
        help="To the end of the article",
    ),
    KeySpec("star", "s", "star", "Star", TRIAGE, footer=True, help="Star or unstar"),
    KeySpec("tag", "t", "tag", "Tag", TRIAGE, footer=True, help="Add or remove tags"),
    KeySpec("read", "r", "read", "Read", TRIAGE, footer=True, help="Mark read or unread"),
    KeySpec(
        "claim",
        "c",
        "claim",
        "Claim",
        TRIAGE,
        help="Take the article or story for you (a shared desk shows who has it); "
        "again when it is yours: let it go",
    ),
    KeySpec("release", "C", "release", "Release", TRIAGE, help="Let go of your claim"),
    KeySpec(
        "archive",
        "a",
        "archive",
        "Archive",
        TRIAGE,
        footer=True,
        help="Archive or unarchive (archived rows leave the inbox)",
    ),
    KeySpec(
        "undo", "u", "undo", "Undo", TRIAGE, footer=True, help="Undo the last change (many levels)"
    ),
    KeySpec(
        "export",
        "e",
        "export",
        "Export",
        TRIAGE,
        footer=True,
        help="Export to Markdown, JSON or CSV",
    ),
    KeySpec(
        "note", "n", "note", "Note", TRIAGE, help="Add or edit a note on the article (undoable)"
    ),
    KeySpec(
        "delete",
        "delete,X",
        "delete_articles",
        "Delete",
        TRIAGE,
        help="Delete the articles, after asking (u brings them back)",
    ),
    KeySpec(
        "open_url", "o", "open_url", "Open URL", TRIAGE, help="Open the original page in a browser"
    ),
    KeySpec("select", "space,x", "select", "Select", SELECT, help="Select or unselect the row"),
    KeySpec(
        "select_range",
        "V",
        "select_range",
        "Select range",
        SELECT,
        help="Select from the anchor to the cursor",
    ),
    KeySpec(
        "select_all",
        "asterisk,ctrl+a",
        "select_all",
        "Select all",
        SELECT,
        help="Select every article matching the search",
    ),
    KeySpec(
        "clear",
        "escape",
        "clear",
        "Clear",
        SELECT,
        footer=True,
        help="Clear the selection, else the search",
        palette=False,
    ),
    # Priority: "/flood" typed in one burst must land "flood" in the box, not on the list.
    KeySpec(
        "search",
        "slash",
        "focus_search",
        "Search",
        SEARCH,
        footer=True,
        help="Type a search query",
        priority=True,
    ),
    KeySpec(
        "save_search",
        "B",
        "save_search",
        "Save search",
        SEARCH,
        help="Save the current query by name",
    ),
    KeySpec(
        "saved_searches",
        "b",
        "saved_searches",
        "Saved searches",
        SEARCH,
        help="Pick a saved search",
    ),
    KeySpec(
        "toggle_group",
        "z",
        "toggle_group",
        "Group stories",
        SEARCH,
        help="Toggle one row per story / one row per article",
    ),
    KeySpec(
        "toggle_sort",
        "S",
        "toggle_sort",
        "Sort",
        SEARCH,
        help="Cycle the sort: relevance / most urgent first / newest",
    ),
    KeySpec(
        "focus_detail",
        "d",
        "focus_detail",
        "Detail pane",
        SEARCH,
        help="Move focus to the detail pane",
    ),
    KeySpec(
        "diff",
        "D",
        "diff",
        "What changed",
        SEARCH,
        help="Diff: compare this version of a story with another, what each has that the other lacks",
    ),
    *(
        KeySpec(
            f"related_{n}",
            str(n),
            f"jump_related({n})",
            f"Related {n}",
            SEARCH,
            help=f"Go to related article {n} (listed under Related in the detail pane)",
        )
        for n in range(1, 6)
    ),
    KeySpec("import", "i", "import_files", "Import files…", OTHER, help="Import files or folders"),
    KeySpec(
        "fetch_feeds",
        "R",
        "fetch_feeds",
        "Fetch feeds",
        OTHER,
        help="Fetch every feed now (in the background); new articles join the list",
    ),
    KeySpec(
        "feeds",
        "F",
        "feeds",
        "Feeds…",
        OTHER,
        help="The feed subscriptions and how their fetches went: add, remove, pause, fetch one",
    ),
    KeySpec(
        "rules",
        "ctrl+r",
        "rules",
        "Rules…",
        OTHER,
        help="The rules on arrival, with live match counts: add, edit, switch on/off, "
        "reorder, apply now",
    ),
    KeySpec(
        "import_log",
        "L",
        "import_log",
        "Import log",
        OTHER,
        help="The last imports, with every file that failed and why",
    ),
    KeySpec("help", "question_mark", "help", "Help", OTHER, footer=True, help="List every key"),
    KeySpec("palette", "ctrl+p", "app.command_palette", "Commands", OTHER, palette=False),
    KeySpec("quit", "q", "app.quit", "Quit", OTHER, footer=True),
)

SPEC_BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in KEY_TABLE}

#: Actions that need a row to act on (the inbox dims them in the footer on an empty list).
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
        "open_url",
        "select",
        "select_range",
        "expand",
        "collapse",
        "diff",
    }
)

#: Ids of the search box's own keys (widgets/search_bar.py), remappable too.
SEARCH_BOX_IDS = frozenset(
    {"search_submit", "search_leave", "search_recall_older", "search_recall_newer"}
)

# Textual key names: lower-case words, digits and symbols' names, with modifiers.
_KEY_NAME = re.compile(r"^(?:(?:ctrl|shift|alt|super|meta|hyper)\+)*(?:[a-z0-9_]+|[A-Z]|\S)$")


def validate_keymap(overrides: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """Keep overrides whose id is known and whose keys look like keys; explain the rest."""
    valid: dict[str, str] = {}
    errors: list[str] = []
    for binding_id, keys in overrides.items():
        if binding_id not in SPEC_BY_ID and binding_id not in SEARCH_BOX_IDS:
            known = ", ".join(sorted([*SPEC_BY_ID, *SEARCH_BOX_IDS]))
            errors.append(f"keys.toml: unknown key id {binding_id!r} (known: {known})")
            continue
        parts = [k.strip() for k in keys.split(",")]
        bad = [k for k in parts if not _KEY_NAME.match(k)]
        if bad:
            errors.append(f"keys.toml: {binding_id}: {', '.join(map(repr, bad))} is not a key name")
            continue
        valid[binding_id] = ",".join(parts)
    # A key may mean one thing on the screen and another in the reader (j scrolls there).
    # A clash drops the overrides in it, not every override of the file.
    while (clash := _first_clash(valid)) is not None:
        key, ids = clash
        dropped = [i for i in ids if i in valid]
        if not dropped:
            break  # two defaults: a defect of KEY_TABLE (tested), not of the file
        errors.append(
            f"keys.toml: {key!r} is bound to both {ids[0]!r} and {ids[1]!r}; "
            f"the override of {' and '.join(map(repr, dropped))} is ignored"
        )
        for binding_id in dropped:
            del valid[binding_id]
    return valid, errors


def _first_clash(overrides: Mapping[str, str]) -> tuple[str, tuple[str, str]] | None:
    """The first key two bindings of one scope share (with `overrides` applied)."""
    seen: dict[tuple[str, str], str] = {}
    for spec in KEY_TABLE:
        for key in overrides.get(spec.id, spec.keys).split(","):
            other = seen.get((spec.scope, key))
            if other is not None and other != spec.id:
                return key, (other, spec.id)
            seen[(spec.scope, key)] = spec.id
    return None


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
    shown = _DISPLAY.get(name, name)
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
        "In the grouped view (`z`), a folded story row stands for the whole story:",
        "star, tag, read, archive and export apply to every version of it, as one",
        "change that one `u` undoes. It reads as the version that ranks first for",
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
