"""The export dialog (e) as an editor uses it: a read-only desk, default names, folders."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.export import ExportDialog
from newsdesk.uistate import UIState
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


async def test_two_exports_in_the_same_minute_get_two_names(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """`e` Enter, then `j` `e` Enter: the dialog proposed the same `digest-…-1200.md`
    again and refused it ("1 file already exists… tick 'Overwrite if it exists'")."""
    folder = tmp_path / "exports"
    app = make_app(ui_state=UIState(last_export_folder=str(folder)), save_state=False)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        proposed = []
        for keys in (("e",), ("j", "e")):
            await pilot.press(*keys)
            await settle(pilot)
            assert isinstance(app.screen, ExportDialog)
            proposed.append(app.screen.query_one("#export-dest", Input).value)
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is screen, seen
        # The name is taken between opening the dialog and pressing Enter (another
        # export, another editor): the proposal is still newsdesk's, so it moves on.
        await pilot.press("j", "e")
        await settle(pilot)
        third = app.screen.query_one("#export-dest", Input).value
        (folder / Path(third).name).write_text("someone else's", encoding="utf-8")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen, seen
    assert [Path(p).name for p in proposed] == [
        "digest-2026-03-14-1200.md",
        "digest-2026-03-14-1200-2.md",
    ]
    assert Path(third).name == "digest-2026-03-14-1200-3.md"
    assert (folder / "digest-2026-03-14-1200-3.md").read_text(encoding="utf-8") == "someone else's"
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "digest-2026-03-14-1200-2.md",
        "digest-2026-03-14-1200-3.md",
        "digest-2026-03-14-1200-4.md",
        "digest-2026-03-14-1200.md",
    ]
    assert not any("exist" in m for m in seen), seen


async def test_a_typed_destination_ending_in_a_separator_is_a_folder(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "new" / "week"
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        field = app.screen.query_one("#export-dest", Input)
        field.value = f"{folder}/"
        await pilot.click("#format-json")  # a folder stays a folder whatever the format
        await settle(pilot)
        assert field.value == f"{folder}/"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert sorted(p.name for p in folder.iterdir()) == ["articles-2026-03-14-1200.json"]
