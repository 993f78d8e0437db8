"""Rules from the inbox (ctrl+r): the rules screen, and the list read again when it closes."""

from __future__ import annotations

from newsdesk.tui.screens.flows.host import InboxHost


def open_rules(host: InboxHost) -> None:
    """Push the rules screen; back from it, show a rule's matches or refresh ("apply now")."""
    from newsdesk.tui.screens.rules import RulesScreen

    def back(query: str | None) -> None:
        if query:
            host.set_query(query)
            host.focus_inbox()
        else:
            host.refresh_results()
        host.refresh_counts()

    host.app.push_screen(RulesScreen(host.desk), back)
