"""Export from the inbox (e): the dialog, its folder, and what the finished job leaves."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newsdesk.errors import DeskError
from newsdesk.tui.screens.flows.host import InboxHost

if TYPE_CHECKING:
    from newsdesk.tui.modals.export import ExportRequest
    from newsdesk.tui.widgets.export_job import ExportJob


class ExportFlow:
    """Opens the export dialog on the selection or the cursor's story and starts the job."""

    def __init__(self, host: InboxHost) -> None:
        self.host = host

    def ask(self) -> None:
        host = self.host
        ids = host.targets(refused="Not exported")
        if ids is None:
            return
        if not ids:
            host.notify("Nothing to export.", timeout=2)
            return
        try:
            current = host.view.cursor_story()
        except DeskError as exc:
            host.notify(str(exc), title="Not exported", severity="error", timeout=10, markup=False)
            return
        # Imported here: the export package is not needed for the first frame.
        from newsdesk.tui.modals.export import ExportDialog

        def go(request: ExportRequest | None) -> None:
            if request is not None:
                host.export_job.start(
                    request.ids,
                    request.dest,
                    request.options(),
                    request.copy,
                    rename_if_taken=request.rename_if_taken,
                )
                host.update_status()

        selected = bool(host.inbox.selected)
        host.app.push_screen(
            ExportDialog(
                selection=ids if selected else [],
                current=current,
                current_label=f"This story ({len(current)})"
                if len(current) > 1
                else "This article",
                shown=host.results.ids,
                scope="selection" if selected else "article",
                query=host.query_text or None,
                now=host.clock(),
                folder=self.folder(),
                # `*` then an arrival: still the search's answer, not "picked by hand".
                selection_is_answer=selected
                and host.inbox.selected_by_query == (host.results.query or ""),
            ),
            go,
        )

    def folder(self) -> Path:
        """The last export's folder, else `[export] folder`, else Documents/newsdesk.

        Never the process's current directory: the app may have been started anywhere.
        """
        host = self.host
        if host.ui_state.last_export_folder:
            return Path(host.ui_state.last_export_folder)
        if host.settings.export_folder is not None:
            return host.settings.export_folder
        from newsdesk.export.writer import default_export_dir

        folder = default_export_dir()
        return folder if folder != Path.cwd() else Path.home() / "newsdesk"

    def finished(self, message: ExportJob.Finished) -> None:
        host = self.host
        host.update_status()
        if not message.error and message.destination:
            host.ui_state.last_export_folder = str(Path(message.destination).parent)
            # A read-only desk cannot keep its view state: the folder is remembered for
            # this session, and the export says its one thing about the desk.
            if not host.desk.read_only:
                host.save_state()
        if not message.error:
            host.inbox.invalidate()
            host.refresh_counts()
