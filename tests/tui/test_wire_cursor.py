"""The cursor follows wire copy to its new version.

An editor read version 1 of an item; version 2 arrived from another process
(a shell's import, a watched folder) and replaced it in the list. The cursor
went to the article after it, so the next `s`, `a` or Delete hit another story.
"""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import (
    SIZE,
    main_screen,
    record_notifications,
    search_for,
    settle,
    wait_until,
)

ITEM = "urn:test.example:20261121:DAM-LEAK"


def dam(version: int) -> Extracted:
    return Extracted(
        title=f"Dam leak forces evacuation, version {version}",
        body=f"Water seeped through the dam wall overnight. Report number {version}.",
        published=f"2026-11-21T1{version}:00:00+00:00",
        source="Quay Wire",
        item_id=ITEM,
        version=version,
        status="usable" if version == 1 else "updated",
        slugline="DAM-LEAK",
        format="newsml",
    )


@pytest.mark.parametrize("query", ["", "slug:dam*"])
async def test_the_cursor_follows_the_version_that_replaced_its_article(
    make_app: AppFactory, seeded: Paths, query: str
) -> None:
    older = dam(1)
    older.item_id, older.slugline, older.published = f"{ITEM}-2", "DAM-REPAIR", "2026-11-20"
    older.title = "Dam repairs to start next spring, engineers say"
    with Desk(seeded) as shell:
        [first, _] = shell.add_extracted([dam(1), older], "dam-1.xml")
        shell.sync_index()
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        if query:
            await search_for(pilot, query)
        screen.inbox.cursor = screen.inbox.ids.index(first)
        await settle(pilot)
        below = screen.inbox.ids[screen.inbox.cursor + 1 :]
        assert below  # a row the cursor could wrongly fall onto
        with Desk(seeded) as shell:  # `newsdesk import dam-2.xml` from a shell
            [second] = shell.add_extracted([dam(2)], "dam-2.xml")
            shell.sync_index()
        await wait_until(pilot, lambda: second in screen.inbox.ids)
        await settle(pilot)
        assert first not in screen.inbox.ids
        assert screen.inbox.current_id == second
        assert screen.inbox.current_id not in below
        assert "version 2" in screen.detail.text.plain.splitlines()[0]
        # The row highlighted is the item's current version: no "the cursor is on the next
        # row", and a key goes to it at once (it was held as if the row had gone).
        assert not any("under the cursor" in m for m in seen), seen
        await pilot.press("s")
        await wait_until(pilot, lambda: bool(app.desk.rows([second])[0].starred))
