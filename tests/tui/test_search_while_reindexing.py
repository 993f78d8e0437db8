"""A search while a shell's `newsdesk reindex` has emptied the index says the index is
catching up, not "No article matches" (the list showed "0 shown" for seconds)."""

from __future__ import annotations

from newsdesk.tui.search_runner import SearchAnswer, SearchRequest
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def test_an_empty_answer_from_an_index_behind_says_it_is_catching_up(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        request = SearchRequest(query="flood", sort="relevance", grouped=False, seq=10_000)
        assert screen.view.show_answer(SearchAnswer(request, [], index_behind=True))
        assert "search index is being rebuilt or catching up" in screen.inbox.empty_message
        assert screen.view.show_answer(SearchAnswer(request, []))
        assert screen.inbox.empty_message == "No article matches this search."
