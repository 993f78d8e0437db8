"""An action on a folded story row reaches the versions its row showed, not one that
joined the story after the row was drawn (an import from a shell, before the list
caught up a second later)."""

from __future__ import annotations

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.inbox_results import InboxResults
from newsdesk.tui.screens.main import MainScreen
from newsdesk.tui.search_runner import SearchAnswer, SearchRequest
from tests.tui.conftest import AppFactory, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


async def _story_row_then_a_version_arrives(
    pilot: object, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainScreen, list[str], str]:
    """`z`, the cursor on the flood story (two versions); then a third version stored
    from another process, the list not caught up yet."""
    await settle(pilot)
    await pilot.press("z")  # type: ignore[attr-defined]
    await settle(pilot)
    app = pilot.app  # type: ignore[attr-defined]
    screen = main_screen(app)
    head = screen.inbox.current_id
    assert head is not None and screen.results.is_story_row(head)
    shown = app.desk.story_members(screen.results.story_of_head[head])
    assert len(shown) == 2
    # The list catches up about a second later: held off, as if the key came first.
    monkeypatch.setattr(MainScreen, "on_desk_watch_store_changed", lambda self, message: None)
    with Desk(seeded) as shell:
        shell.add_extracted(sample_articles(13)[12:], "shell")
    now = app.desk.story_members(screen.results.story_of_head[head])
    (newer,) = set(now) - set(shown)
    return screen, shown, newer


async def test_archive_on_a_story_row_leaves_a_version_that_arrived_after_it_was_drawn(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        _screen, shown, newer = await _story_row_then_a_version_arrives(pilot, seeded, monkeypatch)
        await pilot.press("a")
        await settle(pilot)
        assert all(r.archived for r in app.desk.rows(shown))
        (row,) = app.desk.rows([newer])
        assert not row.archived
        assert any("1 newer version arrived" in said for said in seen), seen


async def test_star_and_selection_on_a_story_row_as_drawn(
    make_app: AppFactory, seeded: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, shown, newer = await _story_row_then_a_version_arrives(pilot, seeded, monkeypatch)
        seen = record_notifications(app)
        await pilot.press("space")
        await settle(pilot)
        assert any("1 newer version arrived" in said for said in seen), seen
        assert sorted(screen.targets() or []) == sorted(shown)
        await pilot.press("s")
        await settle(pilot)
        assert all(r.starred for r in app.desk.rows(shown))
        assert not app.desk.rows([newer])[0].starred


def test_story_targets_take_the_live_versions_when_the_row_was_drawn_with_them() -> None:
    """A row drawn after the version arrived (it counts 3) reaches all 3, even while the
    answer on screen still knows of 2; one never drawn reaches what the answer knew."""
    results = InboxResults()
    story_of = {"a1": "s1", "a2": "s1"}
    request = SearchRequest(query="", sort="newest", grouped=True)
    results.accept(
        SearchAnswer(request, ["a1", "a2", "b1"], [], None, story_of, 3),
        has_rows=False,
        current=None,
    )
    live = {"s1": ["a3", "a1", "a2"]}
    drawn = results.story_targets(["a1"], live.__getitem__, lambda head: 3)
    assert (sorted(drawn.ids), drawn.newer) == (["a1", "a2", "a3"], 0)
    stale = results.story_targets(["a1", "b1"], live.__getitem__, lambda head: 2)
    assert (stale.ids, stale.newer) == (["a1", "a2", "b1"], 1)
    unknown = results.story_targets(["a1"], live.__getitem__, lambda head: None)
    assert (unknown.ids, unknown.newer) == (["a1", "a2"], 1)
