"""An undo that finds its articles changed since says who changed them: the same
editor from a shell or another window was told "other editors have changed those
articles since"."""

from __future__ import annotations

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


async def test_an_undo_overtaken_from_your_own_shell_says_it_was_you(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        await settle(pilot)
        current = main_screen(app).inbox.current_id
        assert current is not None
        await pilot.press("s")
        await settle(pilot)
        with Desk(seeded) as shell:  # `newsdesk unstar` from the same editor's shell
            assert shell.editor == app.desk.editor
            shell.star([current], False)
        await pilot.press("u")
        await settle(pilot)
        said = [s for s in seen if "nothing to take back" in s.lower()]
        assert said, seen
        assert (
            "you have changed those articles since (from another window or a shell)" in (said[-1])
        )
        assert "other editors" not in said[-1]
