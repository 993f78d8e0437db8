"""The shape the feeds and rules screens share: a title line, one table, the cursor's item in full.

A `TableScreen` reads its items in a thread worker (the desk may be across the
network), fills the table keeping the cursor on the same item, shows the
cursor's item below, answers the inbox's moves (j k g G) as well as the arrows,
runs each change in a worker and reports it (or the Desk's refusal) as a
one-line notification, then reads the list again. Enter dismisses it with a
query for the inbox, Esc with None.

A subclass says only what differs: its name (the ids `NAME-title`,
`NAME-table`, `NAME-detail` and the worker groups), columns, how to read the
items, one row, the title, the detail, the query for Enter, and its own keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Generic, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable, Static

from newsdesk.errors import DeskError
from newsdesk.sanitize import clean_line
from newsdesk.tui.modals.once import OnceScreen
from newsdesk.tui.widgets.key_footer import KeyFooter
from newsdesk.tui.workers import run_app_worker

Item = TypeVar("Item")

#: What a change returns: the notice to show, and the item to put the cursor on ("" keeps it).
ChangeDone = tuple[str, str]


def move_bindings(prefix: str) -> list[Binding]:
    """j, k, g, G for a screen whose binding ids start with `prefix` ("feeds")."""
    return [
        Binding("j", "cursor(1)", "Down", show=False, id=f"{prefix}_down"),
        Binding("k", "cursor(-1)", "Up", show=False, id=f"{prefix}_up"),
        Binding("g", "cursor_to(0)", "Top", show=False, id=f"{prefix}_top"),
        Binding("G", "cursor_to(-1)", "Bottom", show=False, id=f"{prefix}_bottom"),
    ]


def one_line(cell: Text) -> Text:
    """A cell cut with an ellipsis where its column ends: wrapped, a row shows only the
    first line, and "+ice star notify" read "+ice star notif" with nothing to say so."""
    cell.no_wrap = True
    cell.overflow = "ellipsis"
    return cell


class TableScreen(OnceScreen[str | None], Generic[Item]):
    """A list of items in one DataTable; dismissed with a query for the inbox, or None."""

    #: Names the widgets (`feeds-table`) and the App's worker groups (`feeds-list`).
    NAME: ClassVar[str]
    #: (title, width) of each column: the widths at 120 cells.
    COLUMNS: ClassVar[tuple[tuple[str, int], ...]]
    #: Columns that share a wider screen's spare cells (title -> weight): a long query,
    #: an error or a URL is cut less at 160 cells than at 120.
    STRETCH: ClassVar[dict[str, int]] = {}
    #: Columns that give up cells on a narrow screen (title -> narrowest width), so the
    #: columns after them stay in view: at 80 cells the rules' counts were off screen.
    SHRINK: ClassVar[dict[str, int]] = {}
    #: Seconds between two calls of `poll` while the screen is shown.
    POLL: ClassVar[float]

    @dataclass
    class Loaded(Message):
        items: list[Any]

    @dataclass
    class Changed(Message):
        """A change went through (notice) or was refused (error); `select` names the
        item to put the cursor on."""

        notice: str
        error: bool = False
        select: str = ""

    def __init__(self, data_version: Callable[[], int] | None = None) -> None:
        super().__init__()
        self.items: list[Item] = []
        self.loaded = False
        self._select = ""
        # The store's change counter (`Desk.data_version`), first read here, on the UI
        # thread, before the list is: a change made anywhere after it (a shell, another
        # window, an import) reads the list again at the next poll.
        self._data_version = data_version
        self._version = data_version() if data_version is not None else None
        self._widths = tuple(width for _, width in self.COLUMNS)

    # -- what a subclass says ------------------------------------------------------------

    def read(self) -> list[Item]:
        """The items, read in a worker thread."""
        raise NotImplementedError

    def key_of(self, item: Item) -> str:
        """What keeps the cursor on the same item across reloads."""
        raise NotImplementedError

    def row(self, position: int, item: Item) -> list[Text]:
        """One table row (position counts from 1); text from outside is cleaned."""
        raise NotImplementedError

    def heading(self) -> Text:
        raise NotImplementedError

    def detail_of(self, item: Item) -> Text:
        raise NotImplementedError

    def empty_text(self) -> Text:
        """The detail line when there is nothing in the list."""
        raise NotImplementedError

    def query_of(self, item: Item) -> str:
        """What Enter shows in the inbox."""
        raise NotImplementedError

    def poll(self) -> None:
        """Called every `POLL` seconds (a subclass that adds to it calls this first)."""
        if self._data_version is None:
            return
        version = self._data_version()
        if version != self._version:
            self._version = version
            self.reload()

    def filled(self) -> None:
        """Called after each reload has filled the table."""

    # -- the shape -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        name = self.NAME
        yield Static(
            Text(name.capitalize(), style="bold"), id=f"{name}-title", classes="table-title"
        )
        table: DataTable[Text] = DataTable(
            id=f"{name}-table", classes="table-list", cursor_type="row", zebra_stripes=True
        )
        self._add_columns(table)
        yield table
        yield Static("", id=f"{name}-detail", classes="table-detail", markup=False)
        yield KeyFooter()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one(f"#{self.NAME}-table", DataTable)

    def on_mount(self) -> None:
        if self.focus_first(DataTable) is None:
            return  # torn down as it opened (the app is closing): nothing to load
        self.reload()
        self.set_interval(self.POLL, self.poll)

    def reload(self) -> None:
        """Read the items again (after a change, or when the store changed)."""
        run_app_worker(self, self._load, name=f"{self.NAME} list", group=f"{self.NAME}-list")

    def _load(self) -> None:
        self.post_message(self.Loaded(self.read()))

    def on_table_screen_loaded(self, message: Loaded) -> None:
        current = self._select or (self.key_of(self.current) if self.current else "")
        self._select = ""
        self.items = message.items
        self.loaded = True
        self.table.clear()
        self._fill(current)
        self.show_title()
        self.show_detail()
        self.filled()

    def _fill(self, current: str) -> None:
        table = self.table
        for position, item in enumerate(self.items, 1):
            table.add_row(*map(one_line, self.row(position, item)), key=self.key_of(item))
        for index, item in enumerate(self.items):
            if self.key_of(item) == current:
                table.move_cursor(row=index, animate=False)

    def _add_columns(self, table: DataTable[Text]) -> None:
        for (title, _), width in zip(self.COLUMNS, self._widths, strict=True):
            table.add_column(title, width=width, key=title)

    def fitted_widths(self, cells: int) -> tuple[int, ...]:
        """Column widths for a table `cells` wide: the stretching columns share what the
        others leave (each column also takes its padding, one cell a side, and two
        cells are kept for the scroll bar); on a narrower one the `SHRINK` columns give
        up cells, each in proportion to what it can spare."""
        widths = [width for _, width in self.COLUMNS]
        spare = cells - 2 - sum(width + 2 for width in widths)
        if spare < 0:
            return self._shrunk(widths, -spare)
        weights = [self.STRETCH.get(title, 0) for title, _ in self.COLUMNS]
        if spare <= 0 or not any(weights):
            return tuple(widths)
        total = sum(weights)
        given = 0
        for index, weight in enumerate(weights):
            share = spare * weight // total
            widths[index] += share
            given += share
        # What integer division left goes to the last stretching column.
        last = max(i for i, weight in enumerate(weights) if weight)
        widths[last] += spare - given
        return tuple(widths)

    def _shrunk(self, widths: list[int], short: int) -> tuple[int, ...]:
        """`widths` less `short` cells, taken from the `SHRINK` columns (down to their
        narrowest; a screen narrower still scrolls sideways)."""
        room = [
            max(0, width - self.SHRINK.get(title, width))
            for (title, _), width in zip(self.COLUMNS, widths, strict=True)
        ]
        spare = sum(room)
        if not spare:
            return tuple(widths)
        short = min(short, spare)
        cuts = [short * r // spare for r in room]
        # What integer division left is taken where the most room is left.
        for _ in range(short - sum(cuts)):
            index = max(range(len(room)), key=lambda i: room[i] - cuts[i])
            cuts[index] += 1
        return tuple(width - cut for width, cut in zip(widths, cuts, strict=True))

    def on_resize(self, event: events.Resize) -> None:
        widths = self.fitted_widths(event.size.width)
        if widths == self._widths:
            return
        self._widths = widths
        table = self.table
        current = self.key_of(self.current) if self.current else ""
        table.clear(columns=True)
        self._add_columns(table)
        self._fill(current)

    @property
    def current(self) -> Item | None:
        row = self.table.cursor_row
        return self.items[row] if self.items and 0 <= row < len(self.items) else None

    def show_title(self) -> None:
        self.query_one(f"#{self.NAME}-title", Static).update(self.heading())

    def show_detail(self) -> None:
        detail = self.query_one(f"#{self.NAME}-detail", Static)
        item = self.current
        if item is not None:
            detail.update(self.detail_of(item))
        elif self.loaded:
            detail.update(self.empty_text())

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    # -- keys ----------------------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.table.move_cursor(row=self.table.cursor_row + step)

    def action_cursor_to(self, row: int) -> None:
        self.table.move_cursor(row=row if row >= 0 else self.table.row_count - 1)

    def action_show(self) -> None:
        item = self.current
        if item is not None:
            self.dismiss(self.query_of(item))

    def action_close(self) -> None:
        self.dismiss(None)

    def confirm(self, title: str, question: str, confirm: str, then: Callable[[], None]) -> None:
        """Ask first; `then` runs on yes."""
        from newsdesk.tui.modals.confirm import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                then()

        self.app.push_screen(ConfirmDialog(title, question, confirm=confirm), answer)

    # -- changes -------------------------------------------------------------------------

    def change(self, change: Callable[[], ChangeDone]) -> None:
        """Run a Desk change in a worker: its notice, or the Desk's refusal, comes back."""
        run_app_worker(
            self,
            partial(self._run_change, change),
            name=f"{self.NAME} change",
            group=f"{self.NAME}-change",
            exclusive=False,
        )

    def _run_change(self, change: Callable[[], ChangeDone]) -> None:
        try:
            notice, select = change()
        except DeskError as exc:
            self.post_message(self.Changed(str(exc), error=True))
            return
        self.post_message(self.Changed(notice, select=select))

    def on_table_screen_changed(self, message: Changed) -> None:
        if message.notice:  # "": the change told its outcome itself
            self.notify(
                clean_line(message.notice),
                severity="error" if message.error else "information",
                timeout=4,
                markup=False,
            )
        if not message.error:
            self._select = message.select
            self.reload()
