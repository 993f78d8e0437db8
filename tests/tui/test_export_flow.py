"""The export dialog (e) as an editor uses it: a read-only desk, default names, folders."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.export import ExportDialog
from tests.reliability.conftest import read_only
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


async def test_an_export_from_a_read_only_desk_is_written_and_said_once(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    """The file was written, then "Export failed: the data directory … is read-only"."""
    dest = tmp_path / "exports" / "desk.md"
    with read_only(seeded.data_dir):
        app = make_app()
        seen = record_notifications(app)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            title = screen.inbox.rows_for(screen.inbox.ids[:1])[0].title
            await pilot.press("e")
            await settle(pilot)
            assert isinstance(app.screen, ExportDialog)
            app.screen.query_one("#export-dest", Input).value = str(dest)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.screen is screen
            said = list(seen)
        assert title in dest.read_text(encoding="utf-8")
        # Said once, in one line, and nothing else (not a failure, not the view state).
        assert len(said) == 2, said
        assert said[0] == f"Exported 1 article to {dest}"
        assert "not marked exported (⇪)" in said[1] and "read-only" in said[1]
    with Desk(seeded) as desk:
        assert not any(r.exported for r in desk.rows(desk.inbox_ids()))
