"""One inbox row as a `rich.text.Text` of an exact width.

Article text is placed with `Text.append` (never parsed as markup) after
control characters are stripped, so hostile headlines render literally.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from newsdesk.model import ArticleRow
from newsdesk.sanitize import clean_line
from newsdesk.tui.relative_time import compact_when
from newsdesk.tui.selection import PICK_MARK, RowPick
from newsdesk.wire import row_killed, row_label, row_mark

SOURCE_WIDTH = 18
TIME_WIDTH = 6
#: From this terminal width the time column holds a whole date ("2019-11-18", not
#: "2019-11"). The terminal's, not the list's: beside the detail pane the list is about
#: half of it, and a rule of the list's own width (~86 columns at 160) was one an editor
#: could not predict. At 80 columns the headline needs those cells.
FULL_DATE_FROM = 140
FULL_DATE_WIDTH = 10


@dataclass(frozen=True)
class RowStyles:
    """Styles taken from the widget's component classes (themable in the .tcss)."""

    base: Style
    #: The unread dot.
    unread: Style
    title_unread: Style
    title_read: Style
    star: Style
    tag: Style
    exported: Style
    selected: Style
    source: Style
    time: Style
    story: Style
    #: The urgent marker (wire copy of urgency 1-3).
    urgent: Style
    #: The killed marker and "KILLED: do not use": red whatever the theme.
    killed: Style
    #: "corrected", "updated", "embargoed until 14:00" before a wire headline.
    wire_label: Style
    #: The claim marker: this editor's claim, and another editor's.
    claim_mine: Style
    claim_other: Style
    #: A headline's words the search found it by.
    match: Style = field(default_factory=Style)


@dataclass(frozen=True)
class RowShape:
    """Where the row sits in a grouped view."""

    #: 0 for a top-level row, 1 for a version shown under its story.
    depth: int = 0
    #: A story head that can expand (grouped view).
    story_head: bool = False
    expanded: bool = False


def fit(text: str, width: int) -> str:
    """Cut to `width` cells with an ellipsis (wide characters counted as two)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def wire_mark(row: ArticleRow, styles: RowStyles) -> tuple[str, Style]:
    """The one-cell wire marker (`row_mark`) in its style."""
    mark = row_mark(row)
    if row_killed(row):
        return mark, styles.killed
    return mark, styles.urgent if mark.strip() else styles.base


def claim_mark(row: ArticleRow, editor: str, styles: RowStyles) -> tuple[str, Style]:
    """The one-cell claim marker: ◇ yours, ◆ another editor's, else blank."""
    if not row.claimed_by:
        return " ", styles.base
    if row.claimed_by == editor:
        return "◇", styles.claim_mine
    return "◆", styles.claim_other


def wire_label(row: ArticleRow, now: datetime, styles: RowStyles) -> tuple[str, Style]:
    """What goes before a wire headline (`row_label`) in its style: red for a kill."""
    label = row_label(row, now)
    if not label:
        return "", styles.base
    return label, styles.killed if row_killed(row) else styles.wire_label


def _folded(row: ArticleRow, shape: RowShape) -> bool:
    """A story row standing for versions not shown under it."""
    return shape.story_head and not shape.expanded and row.story_size > 1


def _unread_mark(row: ArticleRow, shape: RowShape) -> str:
    """A folded story is unread while any of its versions in the inbox is."""
    unread = not row.read or (_folded(row, shape) and row.story_unread > 0)
    return "•" if unread else " "


def _star_mark(row: ArticleRow, shape: RowShape) -> str:
    """★ starred; on a folded story row ★ when every version is, ☆ when only some are."""
    if not _folded(row, shape):
        return "★" if row.starred else " "
    if row.story_starred >= row.story_size:
        return "★"
    return "☆" if row.story_starred or row.starred else " "


def render_row(
    row: ArticleRow,
    width: int,
    styles: RowStyles,
    now: datetime,
    *,
    selected: bool,
    partly_selected: bool = False,
    shape: RowShape = RowShape(),
    relative_times: bool = True,
    editor: str = "",
    marks: Callable[[str], list[tuple[int, int]]] | None = None,
    full_date: bool = False,
) -> Text:
    """The row: marks, headline (+N outlets), source, time, padded to `width`.

    The claim marker takes the blank cell before the headline, so a claim moves
    nothing on the row (and an unclaimed row is drawn as before claims were).
    `partly_selected`: a folded story row only some of whose versions are selected.
    `full_date`: an earlier year's day shows whole (the terminal is FULL_DATE_FROM wide).
    """
    text = Text(no_wrap=True, overflow="crop", end="")
    pick: RowPick = "all" if selected else "some" if partly_selected else "none"
    text.append(PICK_MARK[pick], styles.selected)
    text.append(_unread_mark(row, shape), styles.unread)
    text.append(_star_mark(row, shape), styles.star)
    text.append("#" if row.tags else " ", styles.tag)
    text.append("⇪" if row.exported else " ", styles.exported)
    mark, mark_style = wire_mark(row, styles)
    text.append(mark, mark_style)
    text.append(*claim_mark(row, editor, styles))
    if shape.depth:
        text.append("  └ ", styles.story)
    elif shape.story_head:
        text.append("▾ " if shape.expanded else "▸ ", styles.story)
    if relative_times:
        when = compact_when(row.published, now, full_date=full_date)
    else:
        when = (row.published or "")[:10]
    # One width for every row of a wide list, so its outlet column stays in line.
    when_width = max(FULL_DATE_WIDTH if full_date else TIME_WIDTH, cell_len(when))
    # A folded story row shows the version that ranks first for this sort and search, the
    # one the detail pane shows and o, n, D and l act on. Named by the story's label (its
    # earliest straight report) instead, it read as one article while keys took another.
    source = clean_line(row.source or "")
    source_width = min(SOURCE_WIDTH, max(0, (width - 30) // 3)) if width > 44 else 0
    # The story's other versions are counted on its row, not again on each version under it.
    others = f" +{row.story_size - 1}" if row.story_size > 1 and not shape.depth else ""
    label, label_style = wire_label(row, now, styles)
    if row.archived and shape.depth and not label:
        # A story's versions are all listed under it, archived ones too (as a thread keeps its
        # archived messages): said, so an archived version is not taken for one in the inbox.
        label, label_style = "archived", styles.time
    if label:
        text.append(f"{label} ", label_style)
    fixed = text.cell_len + (source_width + 1 if source_width else 0) + when_width + 1
    title_width = max(4, width - fixed - cell_len(others))
    title = fit(clean_line(row.title) or "(no headline)", title_width)
    start = len(text.plain)
    text.append(title, styles.title_read if row.read else styles.title_unread)
    if marks is not None and row.title:
        # The words the search found it by, as the detail pane marks them (`marks`:
        # `search.highlight`); a row is drawn once and kept (the list's strip cache).
        for begin, end in marks(title):
            text.stylize(styles.match, start + begin, start + end)
    if others:
        text.append(others, styles.story)
    used = text.cell_len
    tail = 1 + (source_width + 1 if source_width else 0) + when_width
    text.append(" " * max(1, width - used - tail + 1))
    if source_width:
        # Padded by cells, not characters: "新华社" is 3 characters but 6 cells, and
        # str.ljust pushed the date off the row.
        shown = fit(source, source_width)
        text.append(shown + " " * (source_width - cell_len(shown)), styles.source)
        text.append(" ")
    text.append(" " * (when_width - cell_len(when)) + when, styles.time)
    text.truncate(width, pad=True)
    return text
