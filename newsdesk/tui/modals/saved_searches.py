"""The saved-search picker, with live counts computed in a worker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker

if TYPE_CHECKING:
    from newsdesk.tui.app import NewsdeskApp


class SavedSearchPicker(ModalScreen[str | None]):
    """Returns the chosen query, or None on Esc; `d` deletes the highlighted search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
        Binding("d,delete", "delete", "Delete", id="saved_search_delete"),
    ]
    """Esc closes without choosing; d or Delete removes the highlighted search."""

    app: NewsdeskApp

    @dataclass
    class Counted(Message):
        """A saved search's count arrived from the worker."""

        name: str
        count: int | None
        error: str | None = None

    def __init__(self, searches: list[tuple[str, str]]) -> None:
        super().__init__()
        self.searches = searches
        #: Saved search name -> its count as shown ("12 articles").
        self._counts: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="saved-dialog"):
            yield Label(Text("Saved searches", style="bold"), classes="dialog-title")
            yield OptionList(*self._options(), id="saved-list")
            yield Label(Text("Enter to search · d to delete · Esc to cancel", style="dim"))

    def _options(self) -> list[Option]:
        options = []
        for i, (name, query) in enumerate(self.searches):
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(name, style="bold")
            line.append("  ")
            line.append(query, style="italic")
            line.append("  ")
            line.append(self._counts.get(name, "…"), style="dim")
            options.append(Option(line, id=str(i)))
        return options

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()
        self._count_all()

    @work(thread=True, exclusive=True, group="saved-counts", exit_on_error=False, name="counts")
    def _count_all(self) -> None:
        from newsdesk.search.query import QuerySyntaxError

        engine = self.app.desk.engine
        for name, query in list(self.searches):
            try:
                count = engine.count(query)
            except QuerySyntaxError as exc:
                self.post_message(self.Counted(name, None, str(exc)))
                continue
            self.post_message(self.Counted(name, count))

    def on_saved_search_picker_counted(self, message: Counted) -> None:
        self._counts[message.name] = (
            "invalid query" if message.error else f"{message.count:,} articles"
        )
        self._refill()

    def _refill(self) -> None:
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(self._options())
        if self.searches:
            option_list.highlighted = min(highlighted or 0, len(self.searches) - 1)

    def action_delete(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.searches):
            return
        name, query = self.searches[highlighted]
        if not self.app.desk.delete_search(name):
            self.notify(
                f"Saved search {name!r} was already gone.", severity="warning", markup=False
            )
        else:
            # No undo for this: the message keeps the query so it can be saved again.
            self.notify(f"Deleted saved search {name!r} ({query}).", timeout=4, markup=False)
        del self.searches[highlighted]
        if not self.searches:
            self.dismiss(None)
            return
        self._refill()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.report_worker_state(event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        self.dismiss(self.searches[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
