"""The status line: counts, the current query, the index and import progress."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.widgets import Static


@dataclass
class StatusInfo:
    """Everything the status line shows; the screen fills it, the line draws it."""

    shown: int = 0
    #: Matches in all, when more than are shown (a search cut short).
    total: int = 0
    unread: int = 0
    starred: int = 0
    selected: int = 0
    query: str = ""
    sort: str = "newest"
    grouped: bool = False
    index: str = ""
    busy: list[str] = field(default_factory=list)


def status_text(info: StatusInfo) -> Text:
    """Counts first (they matter most), then query and background work."""
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    text.append(" newsdesk ", "bold reverse")
    text.append(f"  {info.shown:,} shown", "bold")
    if info.total > info.shown:
        text.append(f" of {info.total:,}", "bold")
    text.append(f" · {info.unread:,} unread · {info.starred:,} starred")
    if info.selected:
        text.append(f" · {info.selected:,} selected", "bold green")
    if info.query:
        text.append("   query: ", "dim")
        text.append(info.query, "italic")
        text.append(f" ({info.sort})", "dim")
    if info.grouped:
        text.append("   stories grouped", "dim")
    for job in (info.index, *info.busy):
        if job:
            text.append("   ")
            text.append(job, "yellow")
    return text


class StatusLine(Static):
    """One line at the top of the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.info = StatusInfo()

    def show(self, info: StatusInfo) -> None:
        self.info = info
        self.update(status_text(info))
