"""An undo whose article the search on screen does not list says so in its own words.

Undoing a star from inside a search that does not match the starred article said
"1 article imported, not in this search": nothing was imported.
"""

from __future__ import annotations

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
        assert not any("imported" in message for message in seen), seen
        assert any(
            message.startswith("1 article changed by the undo, not in this search")
            for message in seen
        ), seen
