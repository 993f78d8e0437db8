"""What a flow of the inbox screen may use of it (`MainScreen` is the one host)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from textual.notifications import SeverityLevel

if TYPE_CHECKING:
    from textual.app import App

    from newsdesk.config import Settings
    from newsdesk.desk import Desk
    from newsdesk.tui.inbox_results import InboxResults
    from newsdesk.tui.widgets.desk_writer import DeskWriter
    from newsdesk.tui.widgets.detail import DetailPane
    from newsdesk.tui.widgets.export_job import ExportJob
    from newsdesk.tui.widgets.fetch_job import FetchJob
    from newsdesk.tui.widgets.import_job import ImportJob
    from newsdesk.tui.widgets.inbox import InboxList
    from newsdesk.tui.widgets.inbox_view import InboxView
    from newsdesk.uistate import UIState


class InboxHost(Protocol):
    """The inbox screen as its flows see it: the Desk, the view, the jobs, a few verbs."""

    desk: Desk
    settings: Settings
    ui_state: UIState
    clock: Callable[[], datetime]

    @property
    def app(self) -> App[Any]: ...

    @property
    def view(self) -> InboxView: ...

    @property
    def inbox(self) -> InboxList: ...

    @property
    def results(self) -> InboxResults: ...

    @property
    def detail(self) -> DetailPane: ...

    @property
    def writer(self) -> DeskWriter: ...

    @property
    def import_job(self) -> ImportJob: ...

    @property
    def fetch_job(self) -> FetchJob: ...

    @property
    def export_job(self) -> ExportJob: ...

    @property
    def query_text(self) -> str: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def targets(self, refused: str = ...) -> list[str] | None: ...

    def update_status(self) -> None: ...

    def refresh_results(self) -> None: ...

    def refresh_counts(self) -> None: ...

    def run_search(self, *, keep: str | None = None, hold_keys: bool = False) -> None: ...
    def hold_keys_for_change(self) -> None: ...

    def set_query(self, query: str, *, keep: str | None = None) -> None: ...

    def focus_inbox(self) -> None: ...

    def focus_detail(self) -> None: ...

    def save_state(self) -> None: ...
