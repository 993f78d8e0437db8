"""Answers found while the index was behind are asked again once it has caught up."""

from __future__ import annotations

from typing import Any

from newsdesk.tui.screens.main import ASK_AGAIN_S, MainScreen
from newsdesk.tui.search_runner import SearchAnswer, SearchRequest
from newsdesk.tui.widgets.desk_watch import DeskWatch
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, search_for, settle


async def _searched_storm(app: Any, pilot: Any) -> tuple[MainScreen, DeskWatch, list[int]]:
    """The app searched for "storm"; its screen, its watch, and a list each asking of the
    search again appends to (instead of searching)."""
    await settle(pilot)
    await search_for(pilot, "storm")
    await settle(pilot)
    screen = main_screen(app)
    asked: list[int] = []
    screen.refresh_results = lambda: asked.append(1)  # type: ignore[method-assign]
    return screen, screen.query_one(DeskWatch), asked


async def test_an_answer_given_while_behind_is_refreshed_when_a_look_finds_it_caught_up(
    make_app: AppFactory,
) -> None:
    """Another process (`newsdesk watch`, a second window) may catch the index up
    between two looks of the app's watch, so no look ever sees it behind: the
    answer on screen, given while it was, must still be asked again (an undone
    delete under a search stayed missing, 'indexing 257 of 258' never went away)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, watch, asked = await _searched_storm(app, pilot)
        # Up to date: a look that finds nothing behind asks nothing again.
        watch.post_message(DeskWatch.Looked("", []))
        await settle(pilot)
        assert asked == []
        request = SearchRequest(query="storm", sort="relevance", grouped=False)
        screen.show_answer(SearchAnswer(request, [], notice="indexing 11 of 12", index_behind=True))
        watch.post_message(DeskWatch.Looked("", []))
        await settle(pilot)
        assert asked == [1]
        # Once: the next look, with nothing new shown, asks nothing.
        watch.post_message(DeskWatch.Looked("", []))
        await settle(pilot)
        assert asked == [1]


async def test_an_answer_given_while_behind_is_asked_again_as_the_index_grows(
    make_app: AppFactory,
) -> None:
    """A search typed while the index was rebuilt (15,000 articles) said "no article
    matches" for a minute, until the whole index had caught up: it is asked again as the
    index grows, at most every `ASK_AGAIN_S`."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, watch, asked = await _searched_storm(app, pilot)
        watch._look = lambda: None  # type: ignore[method-assign,assignment,return-value]
        request = SearchRequest(query="storm", sort="relevance", grouped=False)
        screen.show_answer(SearchAnswer(request, [], notice="indexing", index_behind=True))
        watch.post_message(DeskWatch.Looked("indexing 1,000/15,000", []))
        await settle(pilot)
        assert asked == [1]
        # The next step of progress within `ASK_AGAIN_S`: not asked again yet.
        watch.post_message(DeskWatch.Looked("indexing 2,000/15,000", []))
        await settle(pilot)
        assert asked == [1]
        screen._asked_while_indexing -= ASK_AGAIN_S  # the time has passed
        watch.post_message(DeskWatch.Looked("indexing 3,000/15,000", []))
        await settle(pilot)
        assert asked == [1, 1]
        # An answer given with the index up to date is not asked again on progress.
        screen.show_answer(SearchAnswer(request, ["x"], notice=None, index_behind=False))
        screen._asked_while_indexing -= ASK_AGAIN_S
        watch.post_message(DeskWatch.Looked("indexing 4,000/15,000", []))
        await settle(pilot)
        assert asked == [1, 1]
