"""The app's key table as data, and the check of keys.toml against it (no Textual here).

The app builds its bindings, footer, help, palette and KEYS.md from this table
(`newsdesk.tui.keymap`), and checks keys.toml with `validate_keymap` before the
overrides reach Textual; `newsdesk doctor` runs the same check, so it reports
what the app would (an unknown id, a key two bindings share). Core code: the
doctor may not import the app.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass


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

#: Ids of the search box's own keys (widgets/search_bar.py), remappable too.
SEARCH_BOX_IDS = frozenset(
    {"search_submit", "search_leave", "search_recall_older", "search_recall_newer"}
)

# Textual key names: lower-case words, digits and symbols' names, with modifiers.
_KEY_NAME = re.compile(r"^(?:(?:ctrl|shift|alt|super|meta|hyper)\+)*(?:[a-z0-9_]+|[A-Z]|\S)$")
_MODIFIERS = re.compile(r"^(?:(?:ctrl|shift|alt|super|meta|hyper)\+)*")
#: Keys Textual names in words (its `Keys`), and the symbols it names otherwise than
#: Unicode does (`KEY_NAME_REPLACEMENTS`): "/" is "slash", not "solidus".
_NAMED_KEYS = frozenset(
    {
        *[
            "escape",
            "enter",
            "return",
            "tab",
            "backspace",
            "delete",
            "insert",
            "home",
            "end",
            "pageup",
            "pagedown",
        ],
        *[
            "up",
            "down",
            "left",
            "right",
            "space",
            "slash",
            "backslash",
            "at",
            "minus",
            "plus",
            "underscore",
        ],
        *(f"f{n}" for n in range(1, 25)),
    }
)


def is_key_name(key: str) -> bool:
    """A key Textual can bind: one character, a named key, or a character's Unicode name in
    Textual's spelling ("asterisk", "question_mark"), after any modifiers. "notakey" took
    the action's key away without a word."""
    if not _KEY_NAME.match(key):
        return False
    base = _MODIFIERS.sub("", key, count=1)
    if len(base) == 1:
        # Textual names a shifted character by the character ("S", "exclamation_mark"):
        # "shift+s" never arrives, and the action it was given had no key.
        return key[: -len(base)] != "shift+"
    if base in _NAMED_KEYS:
        return True
    try:
        # A character's name, printable only: "esc" is the name of U+001B, not a key.
        char = unicodedata.lookup(base.replace("_", " ").upper())
    except KeyError:
        return False
    return len(char) == 1 and char.isprintable()


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
        bad = [k for k in parts if not is_key_name(k)]
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
