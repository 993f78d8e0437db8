"""An undo says what it undid, never that articles were imported.

Undoing a star from inside a search that does not match the starred article said
"1 article imported, not in this search", and so did undoing an import made before
the app opened (its articles gone) with no search at all.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, search_for, settle


async def test_undo_outside_the_search_is_not_called_an_import(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        seen = record_notifications(app)
        starred = screen.inbox.current_id
        other = screen.desk.get(screen.inbox.ids[5])
        assert starred is not None and other is not None
        # The star goes to the selection (the first row) with the cursor on the second.
        await pilot.press("x", "j", "s")
        await settle(pilot)
        assert screen.desk.get(starred).state.starred is True  # type: ignore[union-attr]
        await pilot.press("escape")
        await settle(pilot)
        await search_for(pilot, f'title:"{other.meta.title}"')
        assert starred not in screen.inbox.ids
        await pilot.press("u")
        await settle(pilot)
        assert screen.desk.get(starred).state.starred is False  # type: ignore[union-attr]
        assert not any("not in this search" in message for message in seen), seen
        assert "Undid star on 1 article" in seen


async def test_undoing_an_import_from_before_the_app_opened_says_only_what_it_undid(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    page = tmp_path / "ok-one.txt"
    page.write_text(
        "Ferry timetable approved\n\nThe harbour board approved the winter ferry "
        "timetable on Tuesday, the clerk said.\n",
        encoding="utf-8",
    )
    with Desk(seeded) as shell:  # `newsdesk import ok-one.txt` before the app opened
        assert shell.import_paths([page]).imported == 1
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert any(m.startswith("Undid import on 1 article") for m in seen), seen
        assert not any("imported, not in this search" in m for m in seen), seen
