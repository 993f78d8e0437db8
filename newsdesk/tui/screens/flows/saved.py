"""Saved searches: save the query under a name (B), pick one to run (b)."""

from __future__ import annotations

from newsdesk.sanitize import clean_line
from newsdesk.tui.screens.flows.host import InboxHost

#: The longest name `B` suggests (the query it is made from may be longer).
NAME_HINT = 40


def suggested_name(query: str, limit: int = NAME_HINT) -> str:
    """The query as a name to start from: cut at the last whole word that fits (it was cut
    at 40 characters mid-word), and a quote the cut left open dropped."""
    name = " ".join(query.split())
    if len(name) > limit:
        space = name.rfind(" ", 0, limit + 1)
        name = name[:space] if space > 0 else name[:limit]
    if name.count('"') % 2:
        end = name.rfind('"')
        name = name[:end] + name[end + 1 :]
    return name.strip()


class SavedSearchFlow:
    """Save the current query, or pick a saved one (with its count) and run it."""

    def __init__(self, host: InboxHost) -> None:
        self.host = host

    def save(self) -> None:
        from newsdesk.tui.modals.prompt import PromptDialog

        host = self.host
        query = host.query_text
        if not query:
            host.notify("Type a query first (/), then save it.", timeout=3)
            return

        def go(name: str | None) -> None:
            if not name or not name.strip():
                return
            name = name.strip()
            taken = dict(host.desk.saved_searches()).get(name)
            if taken is not None and taken != query:
                self._ask_to_replace(name, taken, query)
                return
            if host.writer.save_search(name, query):
                host.notify(f"Saved search “{clean_line(name)}”.", timeout=3, markup=False)

        host.app.push_screen(
            PromptDialog("Save this search as", placeholder="a name", value=suggested_name(query)),
            go,
        )

    def _ask_to_replace(self, name: str, taken: str, query: str) -> None:
        """The name is another search's: it was replaced without a word."""
        from newsdesk.tui.modals.confirm import ConfirmDialog

        host = self.host

        def answer(yes: bool | None) -> None:
            if yes and host.writer.save_search(name, query, replace=True):
                host.notify(f"Saved search “{clean_line(name)}” replaced.", timeout=3, markup=False)

        host.app.push_screen(
            ConfirmDialog(
                "Replace?",
                f"A saved search is already named {name!r}: {taken}. Replace it with {query}?",
                confirm="Replace",
            ),
            answer,
        )

    def pick(self) -> None:
        host = self.host
        searches = host.desk.saved_searches()
        if not searches:
            host.notify("No saved searches yet: search, then press B to save.", timeout=3)
            return

        def go(query: str | None) -> None:
            if query is not None:
                host.set_query(query)
                host.focus_inbox()

        from newsdesk.tui.modals.saved_searches import SavedSearchPicker

        host.app.push_screen(
            SavedSearchPicker(searches, count=self.count_matches, delete=host.writer.delete_search),
            go,
        )

    def count_matches(self, query: str) -> int | None:
        """A saved search's count (runs in the picker's worker); None for a bad query."""
        from newsdesk.search.query import QuerySyntaxError

        try:
            return self.host.desk.count_matches(query)
        except QuerySyntaxError:
            return None
