"""`x` and `*` on a folded wire story row pick the earlier takes its row counts, and
the row shows "✓" (all picked), not "–" (some).

Found in review (day 32): a row's "+N" counts a wire item's earlier takes that are not
archived, and `x` picked them, but the mark compared the picks with the versions the
answer lists, and no answer lists an earlier take: after `x`, and after `*`, every wire
story with an earlier take showed "–".
"""

from __future__ import annotations

from typing import Any

from newsdesk.paths import Paths
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, search_for, settle


def _row_text(screen: MainScreen, index: int) -> str:
    return str(screen.inbox.render_line(index - round(screen.inbox.scroll_y)).text)


async def _storm_row(pilot: Any, query: str) -> tuple[MainScreen, int, list[str]]:
    """The grouped view (after `query`, if any), the cursor on the storm's folded row:
    the screen, the row's index and the versions the row counts (four: three earlier
    takes and the current one)."""
    await settle(pilot)
    if query:
        await search_for(pilot, query)
    await pilot.press("z")
    await settle(pilot)
    screen = main_screen(pilot.app)
    desk = pilot.app.desk
    index, head = next(
        (n, i)
        for n, i in enumerate(screen.inbox.ids)
        if screen.results.is_story_row(i) and "Portugal" in (desk.get(i).meta.title or "")
    )
    screen.inbox.cursor = index
    await settle(pilot)
    members = desk.story_members(screen.results.story_of_head[head])
    assert len(members) == 4
    assert sum(1 for m in members if desk.get(m).superseded) == 3
    assert [m for m in members if m in screen.results.ids] == [head]  # the answer: 1
    assert "+3" in _row_text(screen, index)  # the row counts all four
    return screen, index, members


async def _check(make_app: AppFactory, wires: Paths, query: str, key: str) -> None:
    app = make_app(wires)
    async with app.run_test(size=(140, 40)) as pilot:
        screen, index, members = await _storm_row(pilot, query)
        await pilot.press(key)
        await settle(pilot)
        assert set(members) <= screen.inbox.selected
        assert screen.view.story_picks(screen.inbox.ids[index]) == 4
        assert _row_text(screen, index).lstrip().startswith("✓"), _row_text(screen, index)
        if key == "x":  # and `x` again takes the whole row out
            await pilot.press("x")
            await settle(pilot)
            assert not screen.inbox.selected


async def test_x_on_a_wire_story_row_in_the_inbox_picks_every_take(
    make_app: AppFactory, wires: Paths
) -> None:
    await _check(make_app, wires, "", "x")


async def test_star_in_the_inbox_picks_the_earlier_takes_too(
    make_app: AppFactory, wires: Paths
) -> None:
    await _check(make_app, wires, "", "asterisk")


async def test_x_on_a_wire_story_row_in_a_search_picks_every_take(
    make_app: AppFactory, wires: Paths
) -> None:
    await _check(make_app, wires, "portugal", "x")


async def test_star_in_a_search_picks_the_earlier_takes_too(
    make_app: AppFactory, wires: Paths
) -> None:
    await _check(make_app, wires, "portugal", "asterisk")


async def test_a_range_over_story_rows_reads_their_versions_once(
    make_app: AppFactory, wires: Paths
) -> None:
    """`V` over every row: one read of the story rows' versions, not one a row on the UI
    thread, and the storm row's earlier takes picked with it ("✓")."""
    app = make_app(wires)
    async with app.run_test(size=(140, 40)) as pilot:
        screen, index, members = await _storm_row(pilot, "")
        inbox = screen.inbox
        heads = [i for i in inbox.ids if screen.results.is_story_row(i)]
        assert len(heads) >= 2
        store = app.desk.store
        reads: list[str] = []
        for name in ("story_members", "story_versions"):
            real = getattr(store, name)

            def counted(*args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
                reads.append(_name)
                return _real(*args, **kw)

            setattr(store, name, counted)
        inbox.cursor = len(inbox.ids) - 1
        await settle(pilot)
        inbox.range_anchor = 0
        reads.clear()
        await pilot.press("V")
        await settle(pilot)
        assert set(members) <= inbox.selected
        assert _row_text(screen, index).lstrip().startswith("✓")
        assert reads == ["story_versions"], reads


async def test_s_on_a_picked_wire_row_says_nothing_of_hidden_articles(
    make_app: AppFactory, wires: Paths
) -> None:
    """`x` then `s` on a folded wire story row said "3 articles of the selection not shown
    by this search changed too" (no search on; the star went to the current take alone):
    the earlier takes the row counts are shown by it, not hidden."""
    from tests.tui.helpers import record_notifications

    app = make_app(wires)
    seen = record_notifications(app)
    async with app.run_test(size=(140, 40)) as pilot:
        _screen, _index, members = await _storm_row(pilot, "")
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert not [s for s in seen if "not shown by this search" in s], seen
        assert any("current version" in s for s in seen), seen
        assert sum(1 for r in app.desk.rows(members) if r.starred) == 1
