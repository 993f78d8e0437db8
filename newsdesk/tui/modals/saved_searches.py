"""The saved-search picker, with live counts computed in a worker.

It is given the searches and two callables (count a query, delete a search),
so it never reaches for the Desk itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option
from textual.worker import Worker, get_current_worker

from newsdesk.sanitize import clean_line, display
from newsdesk.tui.modals.once import OnceModal
from newsdesk.tui.triage import articles
from newsdesk.tui.workers import app_worker

#: Counts a query's matches; None when the query is invalid.
CountQuery = Callable[[str], int | None]
#: Deletes a saved search by name; False when it was already gone.
DeleteSearch = Callable[[str], bool]


class SavedSearchPicker(OnceModal[str | None]):
    """Returns the chosen query, or None on Esc; `d` deletes the highlighted search."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog_cancel"),
        Binding("d,delete", "delete", "Delete", id="saved_search_delete"),
        # As in the inbox (the list took only the arrows).
        Binding("j", "move(1)", "Down", show=False, id="saved_search_down"),
        Binding("k", "move(-1)", "Up", show=False, id="saved_search_up"),
    ]
    """Esc closes without choosing; d or Delete removes the highlighted search; j/k move."""

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    @dataclass
    class Counted(Message):
        """A saved search's count arrived from the worker."""

        name: str
        #: None when the query is invalid.
        count: int | None

    def __init__(
        self, searches: list[tuple[str, str]], *, count: CountQuery, delete: DeleteSearch
    ) -> None:
        super().__init__()
        #: (name, query) pairs, in the order shown.
        self.searches = searches
        self._count = count
        self._delete = delete
        self._counting: Worker[None] | None = None
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
            line.append(display(name), style="bold")
            line.append("  ")
            line.append(display(query), style="italic")
            line.append("  ")
            line.append(self._counts.get(name, "…"), style="dim")
            options.append(Option(line, id=str(i)))
        return options

    def on_mount(self) -> None:
        self.focus_first(OptionList)
        self._counting = self._count_all()

    def on_unmount(self) -> None:
        if self._counting is not None:
            self._counting.cancel()  # the worker is the App's: stop it with the dialog

    @app_worker(name="counts", group="saved-counts")
    def _count_all(self) -> None:
        worker = get_current_worker()
        for name, query in list(self.searches):
            if worker.is_cancelled:
                return
            self.post_message(self.Counted(name, self._count(query)))

    def on_saved_search_picker_counted(self, message: Counted) -> None:
        self._counts[message.name] = (
            "invalid query" if message.count is None else articles(message.count)
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
        from newsdesk.tui.modals.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete_now(highlighted, name, query)

        # One key would lose a search for good (searches are not in the action log).
        self.app.push_screen(
            ConfirmDialog("Delete saved search", f"Delete {name!r} ({query})?", confirm="Delete"),
            answered,
        )

    def _delete_now(self, highlighted: int, name: str, query: str) -> None:
        if not self._delete(name):
            self.notify(
                f"Saved search “{clean_line(name)}” was already gone.",
                severity="warning",
                markup=False,
            )
        else:
            # No undo for this: the message keeps the query so it can be saved again.
            self.notify(f"Deleted saved search {name!r} ({query}).", timeout=4, markup=False)
        del self.searches[highlighted]
        if not self.searches:
            self.dismiss(None)
            return
        self._refill()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        self.dismiss(self.searches[index][1])

    def action_cancel(self) -> None:
        self.dismiss(None)
