"""An undo whose step changed no article says why, and never "on 0 articles"."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.desk.results import nothing_taken_back
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, record_notifications, settle, wait_until


def _page(folder: Path) -> Path:
    page = folder / "lighthouse.txt"
    page.write_text(
        "Lighthouse lamp replaced after sixty years\n\nBy Per Holm\n\nThe keepers lit the "
        "new lamp on Friday, and ships saw it from twenty miles out, the board said.\n",
        encoding="utf-8",
    )
    return page


def test_the_words_for_each_kind() -> None:
    assert nothing_taken_back("undo import").startswith(
        "undo import: nothing to take back: its articles were deleted since"
    )
    assert "other editors have changed those articles" in nothing_taken_back("undo star")


async def test_the_apps_u_on_an_import_deleted_since(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    with Desk(seeded) as shell:  # `newsdesk import` before the app opened
        imported = shell.import_paths([_page(tmp_path)]).imported_ids
    assert len(imported) == 1
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with Desk(seeded) as shell:  # `newsdesk delete` from a shell while it runs
            assert shell.delete(imported).changed == imported
        before = app.desk.count()
        await pilot.press("u")  # the app's own newest step: the import from before it
        await wait_until(pilot, lambda: any("nothing to take back" in m for m in seen))
        assert not any("on 0 articles" in m for m in seen)
        assert app.desk.count() == before
