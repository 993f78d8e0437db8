"""Selection, bulk actions, undo (across restarts), tags and export through the dialogs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.tag import TagDialog, parse_tag_input
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, search_for, settle


async def test_selection_bulk_star_and_undo_across_restart(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        ids = list(screen.inbox.ids)
        await pilot.press("space", "j", "x", "j", "j", "V")  # rows 0, 1 and the range 1..3
        assert screen.inbox.selected == set(ids[:4])
        await pilot.press("s")
        await settle(pilot)
        assert all(r.starred for r in screen.inbox.rows_for(ids[:4]))
        assert not any(r.starred for r in screen.inbox.rows_for(ids[4:]))
        await pilot.press("escape")  # clears the selection, not the (empty) query
        assert not screen.inbox.selected
        await pilot.press("a")  # archive the cursor row (row 3) only
        await settle(pilot)
        assert ids[3] not in screen.inbox.ids
    # Undo is in the store's action log, so it works after a restart.
    again = make_app()
    messages = record_notifications(again)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(again)
        assert ids[3] not in screen.inbox.ids
        await pilot.press("u")  # undo the archive
        await settle(pilot)
        assert ids[3] in screen.inbox.ids
        await pilot.press("u")  # undo the bulk star
        await settle(pilot)
        assert not any(r.starred for r in screen.inbox.rows_for(ids[:4]))
        await pilot.press("u")
        await settle(pilot)
        assert any("Undid archive" in m for m in messages)
        assert any("Nothing to undo" in m for m in messages)


async def test_select_all_matching_search_then_archive(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await search_for(pilot, "strike")
        await settle(pilot)
        await pilot.press("asterisk")
        assert len(screen.inbox.selected) == 4
        await pilot.press("a")
        await settle(pilot)
        assert screen.inbox.ids == []
        await pilot.press("escape", "escape")  # selection is already gone: clears the query
        await settle(pilot)
        assert len(screen.inbox.ids) == 8
    with Desk(seeded) as desk:
        assert desk.counts()["archived"] == 4


def test_parse_tag_input() -> None:
    change = parse_tag_input("+Breaking -old  plain, +two words -plain")
    assert change.add == ["breaking", "two", "words"]
    assert change.remove == ["old", "plain"]
    # A quoted phrase is one tag; quote marks and a hashtag's "#" are not kept.
    change = parse_tag_input('+"Harbour strike" #ferries -"old news" “desk”')
    assert change.add == ["harbour-strike", "ferries", "desk"]
    assert change.remove == ["old-news"]
    assert change.ignored == []
    # Words that name no tag are said, not dropped without a word.
    change = parse_tag_input("+🎉 +### +-- keep -...")
    assert change.add == ["keep"] and change.remove == []
    assert change.ignored == ["+🎉", "+###", "+--", "-..."]


async def test_tag_dialog_adds_and_removes(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.ids[0]
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"+urgent follow-up", "enter")
        await settle(pilot)
        row = screen.inbox.row(first)
        assert row is not None and row.tags == ["follow-up", "urgent"]
        # The dialog shows current tags and completes known ones.
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        assert dialog.current == {"follow-up": 1, "urgent": 1}
        await pilot.press("minus", "u", "r", "tab", "enter")
        await settle(pilot)
        row = screen.inbox.row(first)
        assert row is not None and row.tags == ["follow-up"]
        await pilot.press("t", "escape")  # Esc cancels without change
        await settle(pilot)
    with Desk(seeded) as desk:
        assert desk.get(first).state.tags == ["follow-up"]  # type: ignore[union-attr]


async def test_export_dialog_writes_a_digest(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    dest = tmp_path / "out" / "digest.md"
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("x", "j", "x")
        titles = [r.title for r in screen.inbox.rows_for(screen.inbox.ids[:2])]
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"
        field = app.screen.query_one("#export-dest")
        field.value = str(dest)  # type: ignore[attr-defined]
        await pilot.click("#export-go")
        await settle(pilot)
        text = dest.read_text(encoding="utf-8")
        for title in titles:
            assert title in text
        row = screen.inbox.row(screen.inbox.ids[0])
        assert row is not None and row.exported
        # A second export to the same file without "overwrite" says so with the dialog
        # still open, the choices kept; ticking Overwrite then writes it.
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-dest").value = str(dest)  # type: ignore[attr-defined]
        dialog.query_one("#export-summary").value = True  # type: ignore[attr-defined]
        await pilot.click("#export-go")
        await settle(pilot)
        assert dest.name in seen[-1] and "exist" in seen[-1] and "Overwrite" in seen[-1]
        assert app.screen is dialog
        assert dialog.query_one("#export-summary").value is True  # type: ignore[attr-defined]
        dialog.query_one("#export-force").value = True  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")  # the notice may cover the button
        await settle(pilot)
        assert app.screen is screen


async def test_export_json_of_all_shown(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app()
    dest = tmp_path / "all.json"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "flood")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#scope-shown")
        await pilot.click("#format-json")
        app.screen.query_one("#export-dest").value = str(dest)  # type: ignore[attr-defined]
        await pilot.click("#export-go")
        await settle(pilot)
    data = json.loads(dest.read_text(encoding="utf-8"))
    assert len(data) == 2


async def test_a_big_change_is_confirmed_first(make_app: AppFactory, paths: Paths) -> None:
    """More than BIG_ACTION rows selected: `a` asks; Esc changes nothing, confirming archives."""
    from newsdesk.desk import BIG_ACTION
    from newsdesk.tui.modals.confirm import ConfirmDialog
    from tests.tui.conftest import sample_articles

    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(BIG_ACTION + 4), "fixture")
        desk.sync_index()
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("asterisk")
        count = len(main_screen(app).inbox.selected)
        assert count > BIG_ACTION
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert f"{count} articles" in app.screen._question
        await pilot.press("escape")
        await settle(pilot)
        with Desk(paths) as desk:
            assert desk.counts()["archived"] == 0
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert main_screen(app).inbox.ids == []
    with Desk(paths) as desk:
        assert desk.counts()["archived"] == count


async def test_an_empty_or_relative_destination_is_taken_in_the_export_folder(
    make_app: AppFactory, tmp_path: Path, monkeypatch: object
) -> None:
    from newsdesk.uistate import UIState

    folder = tmp_path / "exports"
    folder.mkdir()
    started_in = tmp_path / "started-here"
    started_in.mkdir()
    monkeypatch.chdir(started_in)  # type: ignore[attr-defined]
    app = make_app(ui_state=UIState(last_export_folder=str(folder)), save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for typed in ("", "desk-digest.md"):
            await pilot.press("e")
            await pilot.pause()
            app.screen.query_one("#export-dest").value = typed  # type: ignore[attr-defined]
            await pilot.click("#export-go")
            await settle(pilot)
    assert list(started_in.iterdir()) == []  # never the folder the app was started in
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 2 and "desk-digest.md" in written
    assert all(p.read_text(encoding="utf-8").startswith("# ") for p in folder.iterdir())


async def test_an_action_that_reaches_selected_rows_a_search_hides_says_so(
    make_app: AppFactory,
) -> None:
    app = make_app(save_state=False)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("space", "j", "space")
        assert len(screen.inbox.selected) == 2
        picked = set(screen.inbox.selected)
        await search_for(pilot, "flood")
        hidden = picked - set(screen.results.ids)
        assert hidden  # the search shows neither or one of them
        await pilot.press("s")
        await settle(pilot)
        assert any("not shown by this search" in m for m in seen)
        with_hidden = [m for m in seen if "not shown" in m][-1]
        assert with_hidden.startswith(f"{len(hidden)} article")
        # With nothing hidden, nothing is said.
        seen.clear()
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("space", "s")
        await settle(pilot)
        assert not any("not shown" in m for m in seen)


@pytest.mark.parametrize(
    ("move", "archive", "cursor"),
    [(("g", "j"), ("a",), 1), (("g", "j", "j", "j"), ("ctrl+a", "a", "y"), 3)],
    ids=["the-row", "every-row"],
)
async def test_undo_of_an_archive_puts_the_cursor_back_on_its_row(
    make_app: AppFactory, move: tuple[str, ...], archive: tuple[str, ...], cursor: int
) -> None:
    # After ctrl+a, a, y and u the cursor landed on whichever restored id came first in
    # the log (an older row), not the row the editor was on.
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = main_screen(app).inbox
        await pilot.press(*move)
        before = list(inbox.ids)
        on = inbox.current_id
        for key in archive:  # every row asks first (y)
            await pilot.press(key)
            await settle(pilot)
        assert on not in inbox.ids
        await pilot.press("u")
        await settle(pilot)
        assert inbox.ids == before
        assert inbox.current_id == on and inbox.cursor == cursor
        if len(archive) == 1:
            assert round(inbox.scroll_y) == 0  # the list did not move: the first row shows


async def test_undo_of_a_bulk_star_leaves_the_cursor_and_the_list_where_they_are(
    make_app: AppFactory,
) -> None:
    # The cursor jumped to one of the starred rows (the log's first), scrolled to the top.
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = main_screen(app).inbox
        await pilot.press("g", "j", "x", "j", "j", "j", "x", "j", "j", "j", "x", "j", "j")
        await settle(pilot)
        assert len(inbox.selected) == 3
        on, cursor, scroll = inbox.current_id, inbox.cursor, round(inbox.scroll_y)
        assert on not in inbox.selected
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert not any(r.starred for r in inbox.rows_for(list(inbox.ids)))
        assert (inbox.current_id, inbox.cursor, round(inbox.scroll_y)) == (on, cursor, scroll)


async def test_a_digest_of_a_selection_names_no_query_and_one_of_the_search_does(
    make_app: AppFactory, tmp_path: Path
) -> None:
    # A selection made across searches was headed "Query: <the last search>", which
    # some of its articles did not match.
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "flood")
        await settle(pilot)
        for scope, dest in (("selection", tmp_path / "sel.md"), ("shown", tmp_path / "all.md")):
            if scope == "selection":
                await pilot.press("x")
            await pilot.press("e")
            await pilot.pause()
            await pilot.click(f"#scope-{scope}")
            app.screen.query_one("#export-dest").value = str(dest)  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await settle(pilot)
    assert "Query: none (articles picked by hand)" in (tmp_path / "sel.md").read_text("utf-8")
    assert "Query: flood" in (tmp_path / "all.md").read_text("utf-8")


async def test_a_digest_of_everything_a_search_found_selected_with_star_names_it(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """`*` selects exactly what the search found: its digest was headed "Query: none
    (articles picked by hand)"; a selection of part of it still is."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "flood")
        await settle(pilot)
        for keys, dest in ((("*",), tmp_path / "all.md"), (("x",), tmp_path / "part.md")):
            await pilot.press(*keys)
            await settle(pilot)
            await pilot.press("e")
            await pilot.pause()
            await pilot.click("#scope-selection")
            app.screen.query_one("#export-dest").value = str(dest)  # type: ignore[attr-defined]
            await pilot.press("ctrl+s")
            await settle(pilot)
    assert "Query: flood" in (tmp_path / "all.md").read_text("utf-8")
    assert "Query: none (articles picked by hand)" in (tmp_path / "part.md").read_text("utf-8")


async def test_a_row_that_leaves_the_list_hands_the_cursor_to_the_next_one(
    make_app: AppFactory,
) -> None:
    """A change made elsewhere took the cursor's article out of a search and a row above
    it too: the cursor kept its index and skipped the article that followed."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = main_screen(app).inbox
        ids = list(inbox.ids)
        inbox.cursor = 3
        await settle(pilot)
        remaining = [a for a in ids if a not in (ids[1], ids[3])]
        inbox.set_rows(remaining, keep=ids[3])
        assert inbox.current_id == ids[4]
        # The last row gone: the one before it.
        inbox.cursor = len(remaining) - 1
        last = remaining[-1]
        inbox.set_rows(remaining[:-1], keep=last)
        assert inbox.current_id == remaining[-2]


async def test_the_cursor_row_stays_in_sight_when_the_terminal_shrinks(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        inbox = main_screen(app).inbox
        inbox.cursor = inbox.row_count - 1
        await settle(pilot)
        await pilot.resize_terminal(80, 14)
        await settle(pilot)
        await pilot.pause(0.05)
        height = inbox.scrollable_content_region.height
        top = round(inbox.scroll_y)
        assert height < inbox.row_count
        assert top <= inbox.cursor < top + height


async def test_u_takes_back_the_star_not_the_reading_of_an_article_opened_since(
    make_app: AppFactory,
) -> None:
    """Opening an article marked it read as a step of the log: `s`, open another, `u`
    undid the reading and left the star (a pager marks a message read, no undo step)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        starred = screen.inbox.current_id
        assert starred is not None
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        opened = screen.inbox.current_id
        assert opened is not None and opened != starred
        assert app.desk.rows([opened])[0].read
        await pilot.press("d")  # back to the list
        await pilot.press("u")
        await settle(pilot)
        assert not app.desk.rows([starred])[0].starred
        assert app.desk.rows([opened])[0].read


async def test_u_takes_back_the_star_not_an_import_another_shell_made_since(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    """`s`, then `newsdesk import` in another shell, then `u`: the app undid the import
    (the new story vanished) and left the star."""
    app = make_app()
    messages = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        starred = screen.inbox.current_id
        assert starred is not None
        await pilot.press("s")
        await settle(pilot)
        story = tmp_path / "gauge.md"
        story.write_text("# Tide gauge replaced\n\nThe board replaced the gauge.\n", "utf-8")
        with Desk(seeded) as shell:
            imported = shell.import_paths([story]).imported_ids
        assert len(imported) == 1
        await pilot.press("u")
        await settle(pilot)
        assert not app.desk.rows([starred])[0].starred
        assert app.desk.rows(imported)  # still there
        assert any("Undid star" in m for m in messages)


def test_a_read_widened_to_other_versions_says_so() -> None:
    from newsdesk.desk.results import ActionResult
    from newsdesk.tui.triage import batch_notice

    widened = batch_notice(ActionResult("read", [str(n) for n in range(7)], 4), 4)
    assert widened == (
        "Marked read 7 articles: the 4 chosen and their stories' other versions (u to undo)"
    )
    assert "7 of 4" not in widened
    assert batch_notice(ActionResult("archive", ["a", "b", "c"], 4), 4) == (
        "Archived 3 of 4 (u to undo)"
    )
    # Day 33: what happened to the rest, said ("Starred 1 of 3" over two already starred).
    assert batch_notice(ActionResult("star", ["a"], 3), 3, already=2) == (
        "Starred 1 (u to undo); 2 were already starred"
    )
    assert batch_notice(ActionResult("archive", ["a", "b"], 4), 4, already=1) == (
        "Archived 2 (u to undo); 1 was already archived; 1 is no longer stored"
    )
    assert batch_notice(ActionResult("read", ["a", "b"], 2), 2, already=0) == (
        "Marked read 2 of 2 (u to undo)"
    )


async def test_the_export_dialog_s_choices_read_without_colour(make_app: AppFactory) -> None:
    # Textual drew every radio button and check box `▐●▌`/`▐X▌`, set or not, telling them
    # apart by colour only: under NO_COLOR every choice looked chosen.
    from textual.widgets import Checkbox, RadioButton

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"
        marks = {
            str(b.id): str(b.render()).split(" ", 1)[0] if b.value else str(b.render())[:3]
            for b in app.screen.query(RadioButton)
        }
        assert marks["scope-article"] == "▐●▌" and marks["format-md"] == "▐●▌"
        assert marks["scope-shown"] == "▐ ▌" and marks["format-csv"] == "▐ ▌"
        summary = app.screen.query_one("#export-summary", Checkbox)
        assert str(summary.render()).startswith("▐ ▌")
        summary.value = True
        await pilot.pause()
        assert str(summary.render()).startswith("▐X▌")
