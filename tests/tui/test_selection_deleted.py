"""An article deleted elsewhere leaves the selection.

Two rows selected, one deleted from a shell: the header still said "2 selected",
the export dialog offered "Selected (2)", and `r` said "Marked read 1 of 2" and
"1 article of the selection not shown by this search changed too".
"""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle, wait_until


async def test_a_selected_article_deleted_from_a_shell_leaves_the_selection(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first, second = screen.inbox.ids[:2]
        await pilot.press("x", "j", "x")
        await settle(pilot)
        assert screen.inbox.selected == {first, second}
        with Desk(seeded) as shell:  # `newsdesk delete ID` from a shell
            assert shell.delete([first]).changed == [first]
        await wait_until(pilot, lambda: first not in screen.inbox.ids)
        await settle(pilot)
        assert screen.inbox.selected == {second}
        assert screen.view.targets() == [second]
        await pilot.press("r")
        await settle(pilot)
        assert screen.desk.get(second).state.read  # type: ignore[union-attr]
        assert not any("of 2" in m or "changed too" in m for m in seen), seen
