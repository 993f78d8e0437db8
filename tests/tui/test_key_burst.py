"""Keys typed in a burst right after the key that opens a dialog land in that dialog.

An editor types `i/home/ed/wire` or `ncall back` faster than the dialog opens;
the keys are posted in one go, as a terminal delivers a fast typist's or a
paste's keys (newsdesk.tui.key_routing).
"""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.prompt import PromptDialog
from newsdesk.uistate import UIState
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, settle

#: Textual's names of the keys the tests type that are not their own character.
_KEY_NAMES = {
    "/": "slash",
    " ": "space",
    "+": "plus",
    "-": "minus",
    ".": "full_stop",
    "\r": "enter",
}

#: What is checked is where keys land, not how anything is laid out: a standard
#: 80x24 terminal, which Textual draws in less time than the shared 120x40.
SIZE = (80, 24)


def _burst(app: object, *keys: str) -> None:
    """Post every key at once: a key name (`i`, `delete`) or a run of characters."""
    for chunk in keys:
        names = [(chunk, None)] if len(chunk) > 1 else [(_KEY_NAMES.get(chunk, chunk), chunk)]
        for name, character in names:
            app.post_message(events.Key(name, character))  # type: ignore[attr-defined]


def _typed(*texts: str) -> list[str]:
    return [ch for text in texts for ch in text]


@pytest.mark.parametrize("last_folder", ["", "/srv/earlier/"])
async def test_a_path_typed_right_after_i_is_the_prompts_value(
    make_app: AppFactory, last_folder: str
) -> None:
    state = UIState(last_import_folder=last_folder)
    app = make_app(ui_state=state, save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # `/` is the inbox's priority search key and `t` its tag key: both were taken
        # by the inbox before the dialog had opened.
        _burst(app, "i", *_typed("/tmp/wire stories"))
        await settle(pilot)
        assert isinstance(app.screen, PromptDialog)
        assert len(app.screen_stack) == 3  # no tag dialog, no other screen
        # Typed over the preselected last folder, as typing slowly does.
        assert app.screen.query_one(Input).value == "/tmp/wire stories"
        assert app.screen_stack[1].search_input.value == ""  # type: ignore[attr-defined]


async def test_a_note_typed_and_entered_in_a_burst_is_kept(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = main_screen(app).inbox.current_id
        _burst(app, "n", *_typed("call back", "\r"))
        await settle(pilot)
        assert main_screen(app).is_active
    assert article_id is not None
    with Desk(seeded) as desk:
        article = desk.get(article_id)
        assert article is not None and article.state.note == "call back"


async def test_tags_typed_in_a_burst_after_t_are_applied(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = main_screen(app).inbox.current_id
        _burst(app, "t", *_typed("+desk-one", "\r"))
        await settle(pilot)
        assert main_screen(app).is_active
    with Desk(seeded) as desk:
        rows = desk.rows([article_id or ""])
        assert rows and "desk-one" in rows[0].tags


@pytest.mark.parametrize("query", ["sea/bed", "tag:a/b", "a/b/c", "url:https://example.org/a"])
async def test_slashes_typed_in_a_burst_into_the_search_box_stay_where_typed(
    make_app: AppFactory, query: str
) -> None:
    # `/` opens the search box; once in it, a `/` is a character of the query, in order.
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _burst(app, "/", *_typed(query))
        await settle(pilot)
        assert main_screen(app).search_input.value == query
        # Typed into a box that already has text, at its cursor, the same.
        _burst(app, *_typed("/x"))
        await settle(pilot)
        assert main_screen(app).search_input.value == query + "/x"


async def test_fields_typed_with_tabs_in_a_burst_land_each_in_its_field(
    make_app: AppFactory,
) -> None:
    # Tab moves to the next field before the keys typed after it are routed.
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        _burst(app, *_typed("harbour-desk"), "tab", *_typed("title:harbour"), "tab")
        # Back a field: Tab selects the field's text, so typing replaces it, as typed slowly.
        _burst(app, *_typed("+harbour"), "shift+tab", *_typed("title:ferry"))
        await settle(pilot)
        dialog = app.screen
        assert dialog.query_one("#rule-name", Input).value == "harbour-desk"
        assert dialog.query_one("#rule-query", Input).value == "title:ferry"
        assert dialog.query_one("#rule-actions", Input).value == "+harbour"


async def test_a_tag_completed_with_tab_in_a_burst(make_app: AppFactory, seeded: Paths) -> None:
    # The tag dialog binds Tab to completion: it waits for the letters typed before it.
    with Desk(seeded) as desk:
        desk.tag([desk.search("").ids[1]], add=["harbour-strike"], remove=[])
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = main_screen(app).inbox.current_id
        _burst(app, "t", *_typed("+harb"), "tab", "\r")
        await settle(pilot)
        assert main_screen(app).is_active
    with Desk(seeded) as desk:
        rows = desk.rows([article_id or ""])
        assert rows and "harbour-strike" in rows[0].tags


@pytest.mark.parametrize(
    ("keys", "value"),
    [
        (("k", "o", "r", "e", "a", "z", "backspace", *" summit"), "korea summit"),
        (("a", "b", "c", "left", "left", "X"), "aXbc"),
        (("w", "i", "r", "e", "home", "a", "p", " "), "ap wire"),
        (("o", "l", "d", "ctrl+u", "n", "e", "w"), "new"),
    ],
)
async def test_editing_keys_in_a_burst_apply_where_they_were_typed(
    make_app: AppFactory, keys: tuple[str, ...], value: str
) -> None:
    # Backspace and the arrows are the input's bindings: they ran only after the letters
    # typed behind them ("koreaz summi", "abcX").
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        _burst(app, "/")
        await settle(pilot)
        _burst(app, *keys)
        await settle(pilot)
        assert main_screen(app).search_input.value == value


async def test_a_tag_corrected_in_a_burst_is_stored_as_corrected(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = main_screen(app).inbox.current_id
        _burst(app, "t", *_typed("+desk-tw"), "backspace", *_typed("wo", "\r"))
        await settle(pilot)
        assert main_screen(app).is_active
    with Desk(seeded) as desk:
        rows = desk.rows([article_id or ""])
        assert rows and "desk-two" in rows[0].tags and "desk-tww" not in rows[0].tags


async def test_a_key_typed_right_after_enter_in_the_search_box_acts_on_the_result(
    make_app: AppFactory, seeded: Paths
) -> None:
    """`/minerals` Enter `s` in one burst starred the row the cursor was on before the
    search: the `s` reached the list before the search's answer did."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = main_screen(app).inbox.current_id
        _burst(app, "/", *_typed("minerals", "\r"), "s")
        await settle(pilot)
        assert main_screen(app).query_text == "minerals"
    with Desk(seeded) as desk:
        starred = [r for r in desk.rows(desk.inbox_ids()) if r.starred]
        assert len(starred) == 1 and "Minerals" in starred[0].title, [r.title for r in starred]
        assert before not in [r.id for r in starred]


async def test_a_pasted_note_of_several_lines_is_kept_whole(
    make_app: AppFactory, seeded: Paths
) -> None:
    """Textual's Input keeps a paste's first line: "Call the press office." was stored and
    the two lines after it were dropped without a word."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).inbox.current_id
        await pilot.press("n")
        await settle(pilot)
        field = app.screen.query_one(Input)
        field.value = ""
        field.post_message(
            events.Paste("Call the press office.\nAsk about the second quote.\r\nDeadline 5pm.\n")
        )
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    with Desk(seeded) as desk:
        article = desk.get(target or "")
        assert article is not None
        assert article.state.note == (
            "Call the press office. Ask about the second quote. Deadline 5pm."
        )
