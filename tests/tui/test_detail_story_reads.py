"""The detail pane reads a story's versions once per article shown (day 33): it read
them twice ("Also in" and the related list each asked for every version), and the
view's count of them a third time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsdesk.tui.app import NewsdeskApp
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, main_screen, settle
from tests.tui.test_story_row_in_a_search import _story_of_three

#: The statement that lists a story's versions newest first (`ordered_ids`).
STORY_MEMBERS = "WHERE a.story_id = "


async def test_showing_a_story_version_reads_its_versions_once(tmp_path: Path) -> None:
    desk, members = _story_of_three(tmp_path)
    desk.archive([members[2]])
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await settle(pilot)
            conn = getattr(desk.store, "conn", None)
            assert isinstance(conn, sqlite3.Connection)
            statements: list[str] = []
            conn.set_trace_callback(statements.append)
            try:
                screen.view.show_article(members[0])
                await settle(pilot)  # the related list's worker too
            finally:
                conn.set_trace_callback(None)
            reads = [s for s in statements if STORY_MEMBERS in s]
            print(f"story member reads: {len(reads)}; statements: {len(statements)}")
            assert len(reads) == 1, statements
            text = screen.view.detail.text.plain  # "Also in": the archived one left out
            also = [line for line in text.splitlines() if line.startswith("Also in")]
            outlets = {r.id: str(r.source) for r in desk.rows(members)}
            assert outlets[members[1]] in also[0] and outlets[members[2]] not in also[0]
    finally:
        desk.close()
