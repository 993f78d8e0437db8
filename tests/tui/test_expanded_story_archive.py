"""Archiving an expanded story's head leaves a tree: the story's next version heads it.

An explorer's desk (day 32): `l` on a story row, then `a` on its ▾ row ("Archived 1 of
1") left "5 shown in 0 stories", five version rows under no row, and `h` folded
nothing; only `z z` rebuilt the list.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.inbox_results import InboxResults
from newsdesk.tui.search_runner import SearchAnswer, SearchRequest
from newsdesk.tui.widgets.status_line import StatusLine
from newsdesk.uistate import UIState
from tests.tui.conftest import FIXED_NOW
from tests.tui.helpers import SIZE, main_screen, search_for, settle
from tests.tui.test_story_selection import flood_desk, story_row_and_mark


async def test_archiving_an_expanded_storys_head_leaves_a_tree(tmp_path: Path) -> None:
    desk, members = flood_desk(tmp_path)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW, ui_state=UIState(grouped=True))
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await search_for(pilot, "flood")
            head, _ = story_row_and_mark(screen, members)
            screen.inbox.cursor = screen.inbox.ids.index(head)
            await pilot.press("l")
            await settle(pilot)
            assert [screen.inbox.depth_at(n) for n in range(3)] == [0, 1, 1]
            await pilot.press("a")  # the ▾ row: its own version alone
            await settle(pilot)
            assert desk.rows([head])[0].archived
            inbox = screen.inbox
            assert [inbox.depth_at(n) for n in range(len(inbox.ids))] == [0, 1]
            assert screen.results.story_rows() == 1
            assert screen.query_one(StatusLine).info.stories == 1
            # The story's best-ranked version left heads it (as a search again would put
            # it), the other under it; the cursor on the row that was under the archived.
            assert set(inbox.ids) == set(members) - {head}
            assert inbox.ids[0] == screen.results.ids[0]
            assert inbox.current_id in inbox.ids
            await pilot.press("h")
            await settle(pilot)
            assert len(inbox.ids) == 1 and screen.results.is_story_row(inbox.ids[0])
    finally:
        desk.close()


def test_a_folded_storys_head_leaving_hands_the_row_to_its_next_version() -> None:
    """Archived or deleted elsewhere, a folded row's head went with its whole row."""
    results = InboxResults()
    request = SearchRequest(query="", sort="newest", grouped=True)
    story_of = {"a1": "s1", "a2": "s1", "a3": "s1"}
    answer = SearchAnswer(request, ["a1", "b1", "a2", "a3"], [], None, story_of, 4)
    results.accept(answer, has_rows=False, current=None)
    results.drop({"a1"})
    assert results.rows() == (["a2", "b1"], [0, 0])
    assert results.story_of_head == {"a2": "s1"}
    results.drop({"a2", "a3"})
    assert results.rows() == (["b1"], [0])
