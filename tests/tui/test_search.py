"""Search from the keyboard: as-you-type, Enter/Esc, invalid syntax, recall, saved searches."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from newsdesk import uistate
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.widgets.search_bar import SearchInput
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, search_for, settle


async def test_search_as_you_type_updates_the_list(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("slash")
        assert isinstance(app.focused, SearchInput)
        await pilot.press(*"strike")
        await settle(pilot)
        assert screen.query_text == "strike"
        # "Port strike" and "Metro strike" topics: 4 of the 12 articles.
        assert len(screen.inbox.ids) == 4
        titles = [r.title for r in screen.inbox.rows_for(screen.inbox.ids)]
        assert all("strike" in t.lower() for t in titles)
        assert "strike" in screen.results.terms


async def test_enter_keeps_query_and_s_stars_the_result(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await search_for(pilot, "minerals")
        await settle(pilot)
        assert screen.inbox.has_focus
        assert screen.query_text == "minerals"
        target = screen.inbox.current_id
        await pilot.press("s")
        await settle(pilot)
    with Desk(seeded) as desk:
        row = desk.rows([target])[0]  # type: ignore[list-item]
    assert "Minerals" in row.title and row.starred


async def test_escape_in_box_keeps_query_then_escape_in_list_clears_it(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await search_for(pilot, "nurses", submit=False)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.inbox.has_focus
        assert screen.query_text == "nurses"
        assert len(screen.inbox.ids) == 2
        await pilot.press("j")
        await settle(pilot)
        reading = screen.inbox.current_id
        assert reading is not None
        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_text == ""
        assert len(screen.inbox.ids) == 12
        # The cursor stays on the article it was on (mutt's limit cleared the same way).
        assert screen.inbox.current_id == reading
        assert screen.inbox.ids.index(reading) > 0


async def test_invalid_query_shows_message_and_keeps_results(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await search_for(pilot, '"port strike', submit=False)
        await settle(pilot)
        message = screen.query_one("#search-message")
        assert message.has_class("-error") and message.has_class("-shown")
        assert "quote" in str(message.render()).lower()
        assert len(screen.inbox.ids) == 12  # the previous results stay
        await pilot.press('"')
        await settle(pilot)
        assert not message.has_class("-error")
        assert len(screen.inbox.ids) == 2


async def test_a_submitted_query_that_cannot_be_read_shows_nothing_to_act_on(
    make_app: AppFactory,
) -> None:
    """`/(korea` Enter: the whole inbox stayed under the error and `*` then `a` offered
    to archive every article of it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert len(screen.inbox.ids) == 12
        for broken in ("(port", "port AND", "is:stared"):
            await search_for(pilot, broken)
            await settle(pilot)
            message = screen.query_one("#search-message")
            assert message.has_class("-error"), broken
            assert screen.inbox.ids == [], broken
            # Said as what it is: nothing was searched, not "no article matches".
            assert screen.inbox.empty_message.startswith("This search could not be read")
            await pilot.press("asterisk")
            await settle(pilot)
            assert not screen.inbox.selected, broken
        # A query typed right again shows its results.
        await search_for(pilot, "port")
        assert screen.inbox.ids
        await search_for(pilot, "nosuchwordanywhere")
        await settle(pilot)
        assert screen.inbox.empty_message == "No article matches this search."


async def test_recent_searches_recalled_and_persisted(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "flood")
        await settle(pilot)
        await pilot.press("escape")
        await search_for(pilot, "court")
        await settle(pilot)
        await pilot.press("slash", "ctrl+u")  # empty the box (Input: delete left)
        await pilot.press("up")
        assert main_screen(app).search_input.value == "court"
        await pilot.press("up")
        assert main_screen(app).search_input.value == "flood"
        await pilot.press("enter")
        await settle(pilot)
    state = uistate.load(seeded.ui_state)
    assert state.recent_searches[:2] == ["flood", "court"]
    assert state.query == "flood"

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert screen.query_text == "flood"
        assert len(screen.inbox.ids) == 2


async def test_saved_search_picker_runs_the_query(make_app: AppFactory, seeded: Paths) -> None:
    with Desk(seeded) as desk:
        desk.save_search("Strikes", "strike")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        picker = app.screen
        assert type(picker).__name__ == "SavedSearchPicker"
        options = picker.query_one(OptionList)
        assert "4 articles" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        assert screen.query_text == "strike"
        assert len(screen.inbox.ids) == 4


async def test_j_and_k_move_in_the_saved_search_picker(make_app: AppFactory, seeded: Paths) -> None:
    with Desk(seeded) as desk:
        desk.save_search("Courts", "court")
        desk.save_search("Strikes", "strike")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        await pilot.press("j", "k", "j", "enter")
        await settle(pilot)
        assert main_screen(app).query_text == "strike"


async def test_save_search_key(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "court")
        await settle(pilot)
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Courts", "enter")
        await settle(pilot)
    with Desk(seeded) as desk:
        assert ("Courts", "court") in desk.saved_searches()


async def test_saving_under_a_taken_name_asks_before_replacing(
    make_app: AppFactory, seeded: Paths
) -> None:
    """It said "Saved search 'Courts'." and the other query was gone."""
    from newsdesk.tui.modals.confirm import ConfirmDialog

    with Desk(seeded) as desk:
        desk.save_search("Courts", "court")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "strike")
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Courts", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        with Desk(seeded) as desk:
            assert ("Courts", "court") in desk.saved_searches()
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Courts", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
    with Desk(seeded) as desk:
        assert ("Courts", "strike") in desk.saved_searches()


async def test_saved_search_picker_deletes_with_d(make_app: AppFactory, seeded: Paths) -> None:
    with Desk(seeded) as desk:
        desk.save_search("Strikes", "strike")
        desk.save_search("Floods", "flood")
        first, second = desk.saved_searches()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        await pilot.press("d")  # the highlighted (first) one: asked first
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await settle(pilot)
        assert app.desk.saved_searches() == [first, second]  # declined: kept
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.saved_searches() == [second]
        assert options.option_count == 1
        assert second[0] in str(options.get_option_at_index(0).prompt)
        assert "articles" in str(options.get_option_at_index(0).prompt)
        await pilot.press("delete")  # the last one: the picker closes
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.desk.saved_searches() == []
        assert type(app.screen).__name__ == "MainScreen"
        assert first != second


async def test_the_header_names_the_order_the_rows_are_in(make_app: AppFactory) -> None:
    from newsdesk.tui.widgets.status_line import StatusLine

    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert app.ui_state.sort == "relevance"
        await search_for(pilot, "flood")
        header = str(screen.query_one(StatusLine).render())
        assert "query: flood (relevance)" in header
        # Filters alone rank nothing: the rows are newest first, and the header says so.
        await search_for(pilot, "is:unread")
        header = str(screen.query_one(StatusLine).render())
        assert "query: is:unread (newest)" in header
        dates = [screen.inbox.row(i).published or "" for i in screen.inbox.ids]  # type: ignore[union-attr]
        assert dates == sorted(dates, reverse=True)


async def test_a_long_search_error_wraps_instead_of_being_cut(make_app: AppFactory) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await search_for(pilot, "is:nonsense", submit=False)
        await settle(pilot)
        message = app.screen.query_one("#search-message")
        text = str(message.render())
        assert "is:nonsense" in text and "is:mine" in text  # the whole list of values
        assert message.size.height >= 2  # on two lines or more at 80 columns
        assert message.size.height * message.size.width >= len(text)


async def test_star_key_says_when_it_replaces_picks_from_another_search(
    make_app: AppFactory,
) -> None:
    from tests.tui.helpers import pick_two_then_search, record_notifications

    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        picked = await pick_two_then_search(pilot, "minerals")
        await pilot.press("asterisk")
        await settle(pilot)
        assert set(screen.inbox.selected) == set(screen.results.ids)
        dropped = len(picked - set(screen.results.ids))
        assert dropped and any(f"{dropped} selected before" in m for m in seen)


async def test_q_and_escape_while_reading_go_back_to_the_list(make_app: AppFactory) -> None:
    """mutt's and newsboat's pager: q leaves the article, it does not quit the program
    (q while reading quit the whole app; Esc did nothing)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        for key in ("q", "escape"):
            await pilot.press("d")
            await settle(pilot)
            assert screen.detail.has_focus
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running, key
            assert screen.inbox.has_focus, key
        # From the list, q quits as before.
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


async def test_a_search_cut_short_keeps_the_list_and_says_what_it_shows(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query whose planning ran out of time blanked the list ("0 shown ... nothing is
    shown") until the next search; the list on screen stays now, and the bar says so."""
    import newsdesk.search.engine as engine_mod

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await search_for(pilot, "strike")
        shown = list(screen.inbox.ids)
        assert shown
        monkeypatch.setattr(engine_mod, "TIME_LIMIT", -1.0)  # any expansion is past it
        await search_for(pilot, "flood*")
        assert screen.inbox.ids == shown
        message = screen.query_one("#search-message")
        text = str(message.render())
        assert message.has_class("-error") and "too long" in text
        assert "still shows the results for 'strike'" in text
        monkeypatch.setattr(engine_mod, "TIME_LIMIT", 600.0)
        await search_for(pilot, "flood* OR minera*")
        assert screen.inbox.ids and set(screen.inbox.ids).isdisjoint(shown)
