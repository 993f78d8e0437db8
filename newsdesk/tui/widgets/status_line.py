"""The status line: counts, the current query, the index and import progress."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.widgets import Static

from newsdesk.sanitize import display


@dataclass
class StatusInfo:
    """Everything the status line shows; the screen fills it, the line draws it."""

    #: None before the first answer (the inbox or a restored search) arrives.
    shown: int | None = None
    #: Matches in all, when more than are shown (a search cut short).
    total: int = 0
    #: None until the desk has counted them (a large inbox shows before its counts).
    unread: int | None = None
    starred: int | None = None
    selected: int = 0
    query: str = ""
    sort: str = "newest"
    grouped: bool = False
    index: str = ""
    busy: list[str] = field(default_factory=list)
    #: Where the reader is in the article while the detail pane has focus ("42%").
    reading: str = ""
    #: Articles that arrived (feeds, watched folders) since the reader last went to the top.
    arrived: int = 0
    #: When the first of them arrived ("06:02").
    arrived_since: str = ""
    #: Who this app acts as, on a shared desk (empty on one's own file).
    editor: str = ""
    #: Rows on screen in the grouped view (one a story), when fewer than `shown`.
    stories: int | None = None


def status_text(info: StatusInfo, width: int = 0) -> Text:
    """Counts first (they matter most), then query and background work.

    When `width` is too small for the name and the counters, the name goes.
    """
    counters = counters_text(info, lead="  ")
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    if not width or LABEL_WIDTH - 1 + counters.cell_len <= width:
        text.append(" newsdesk ", "bold reverse")
    else:
        counters = counters_text(info, lead=" ")
    text.append_text(counters)
    if info.editor:
        # Two editors' windows look alike: say whose this one is.
        text.append("   as ", "dim")
        text.append(display(info.editor), "bold")
    # Background work comes after the query, and keeps its place when the query is long.
    tail = Text(end="")
    if info.grouped:
        tail.append("   stories grouped", "dim")
    for job in (info.index, *info.busy):
        if job:
            tail.append("   ")
            tail.append(display(job), "yellow")
    if info.query:
        room = width - text.cell_len - tail.cell_len if width else None
        query = query_text(info.query, info.sort, room)
        if query is not None:
            text.append_text(query)
    elif info.sort == "urgency":
        text.append("   most urgent first", "dim")
    text.append_text(tail)
    if width and text.cell_len > width:
        # Whatever is cut says so: the line used to end mid-query, as if that were all.
        text.truncate(width, overflow="ellipsis")
    return text


#: The fewest cells of a query the line shows, the ellipsis included ("volcano i…").
QUERY_MIN_CELLS = 9


def query_text(query: str, sort: str, room: int | None) -> Text | None:
    """ "   query: QUERY (sort)" in `room` cells (None: any): a long query is cut with an
    ellipsis, then the sort left out; None when not even its start fits (the query is in
    the search bar below anyway; at 80 columns the line once ended in a bare "query:")."""
    label, order = "   query: ", f" ({sort})"
    words = Text(display(query), style="italic", end="")
    for tail in (order, ""):
        spare = None if room is None else room - len(label) - len(tail)
        if spare is not None and spare < min(words.cell_len, QUERY_MIN_CELLS):
            continue
        if spare is not None and words.cell_len > spare:
            words.truncate(spare, overflow="ellipsis")
        shown = Text(end="")
        shown.append(label, "dim")  # a span: as the text's style it dimmed the query too
        shown.append_text(words)
        shown.append(tail, "dim")
        return shown
    return None


#: Cells taken by the app's name at the left of the line.
LABEL_WIDTH = 11


def counters_text(info: StatusInfo, *, lead: str) -> Text:
    """Shown, unread, starred, selected, and where the reader is (after `lead` spaces)."""
    text = Text(end="")
    text.append(f"{lead}{_count(info.shown)} shown", "bold")
    if info.shown is not None and info.total > info.shown:
        text.append(f" of {info.total:,}", "bold")
    if info.stories is not None and info.shown is not None and info.stories < info.shown:
        # The grouped view: the rows are stories, fewer than the articles counted.
        text.append(f" in {info.stories:,} {'story' if info.stories == 1 else 'stories'}")
    if info.query:
        # The desk's counts, not the search's (as mutt's status line beside a limit):
        # said so, since "2 shown · 55 unread" read as 55 unread among the two.
        text.append(f" · desk: {_count(info.unread)} unread, {_count(info.starred)} starred")
    else:
        text.append(f" · {_count(info.unread)} unread · {_count(info.starred)} starred")
    if info.selected:
        text.append(f" · {info.selected:,} selected", "bold green")
    if info.arrived:
        text.append(f" · {info.arrived:,} arrived since {info.arrived_since}", "bold cyan")
    if info.reading:
        text.append(f"   reading {info.reading}", "bold")
    return text


def _count(value: int | None) -> str:
    return "…" if value is None else f"{value:,}"


class StatusLine(Static):
    """One line at the top of the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.info = StatusInfo()

    def show(self, info: StatusInfo) -> None:
        self.info = info
        self.update(status_text(info, self.size.width))

    def on_resize(self) -> None:
        self.update(status_text(self.info, self.size.width))
