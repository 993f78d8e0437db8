"""An editor's day (issue 13): reading as a pager, live changes, fresh detail, safe imports,
grouped select-all, notes, narrow terminals and a read-only store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.store import StoreError
from newsdesk.tui.modals.confirm import ConfirmDialog
from newsdesk.tui.modals.prompt import PromptDialog
from newsdesk.tui.screens.import_log import ImportLogScreen
from newsdesk.tui.widgets.status_line import StatusLine
from tests.tui.conftest import AppFactory, make_paths, sample_articles
from tests.tui.helpers import (
    SIZE,
    import_in_app,
    main_screen,
    record_notifications,
    search_for,
    settle,
    wait_until,
)


def long_article_paths(root: Path) -> Paths:
    """Twelve articles, the newest with a body long enough to page through."""
    paths = make_paths(root)
    items = sample_articles(12)
    items[0].body = "\n\n".join(f"Paragraph {n} of a long report." for n in range(200))
    with Desk(paths) as desk:
        desk.add_extracted(items, "fixture")
        desk.sync_index()
    return paths


async def test_detail_pane_reads_like_a_pager(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app(long_article_paths(tmp_path / "long"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.current_id
        await pilot.press("enter")
        await settle(pilot)
        assert screen.detail.has_focus and screen.detail.article_id == first
        assert screen.query_one(StatusLine).info.reading == "top"
        # j scrolls the article, not the list.
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.inbox.cursor == 0
        assert round(screen.detail.scroll_y) == 2
        await pilot.press("space")
        await settle(pilot)
        assert round(screen.detail.scroll_y) > 2
        after_page = round(screen.detail.scroll_y)
        await pilot.press("b")
        await settle(pilot)
        assert round(screen.detail.scroll_y) < after_page
        await pilot.press("k")
        await settle(pilot)
        assert screen.inbox.cursor == 0
        # G and g go to the end and the top of the article, as in a pager.
        await pilot.press("G")
        await settle(pilot)
        assert round(screen.detail.scroll_y) == round(screen.detail.max_scroll_y) > after_page
        assert screen.inbox.cursor == 0
        await pilot.press("g")
        await settle(pilot)
        assert round(screen.detail.scroll_y) == 0 and screen.inbox.cursor == 0
        # J opens the next article (read, at the top), K goes back.
        await pilot.press("J")
        await settle(pilot)
        second = screen.inbox.ids[1]
        assert screen.inbox.cursor == 1 and screen.detail.article_id == second
        assert screen.detail.has_focus and round(screen.detail.scroll_y) == 0
        assert screen.inbox.row(second).read  # type: ignore[union-attr]
        await pilot.press("K")
        await settle(pilot)
        assert screen.detail.article_id == first


async def test_next_unread_skips_read_articles(make_app: AppFactory, seeded: Paths) -> None:
    with Desk(seeded) as desk:
        ids = desk.inbox_ids()
        desk.mark_read(ids[1:4])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("N")
        await settle(pilot)
        assert screen.inbox.current_id == ids[4]
        assert screen.detail.has_focus


async def test_a_star_from_another_process_shows_by_itself(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.ids[0]
        assert not screen.inbox.row(first).starred  # type: ignore[union-attr]
        with Desk(seeded) as other:  # a second window or `newsdesk star` from a shell
            other.star([first])
        # No key pressed: the app's watch notices by itself (the latency is bench_tui's).
        await wait_until(pilot, lambda: screen.counts.get("starred") == 1)
        await settle(pilot)
        assert screen.counts.get("starred") == 1
        assert screen.inbox.row(first).starred  # type: ignore[union-attr]
        assert "starred" in screen.detail.text.plain.split("State", 1)[1].splitlines()[0]


async def test_detail_state_changes_at_once_after_star_and_read(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)

        def state_line() -> str:
            return screen.detail.text.plain.split("State", 1)[1].splitlines()[0]

        assert "unread" in state_line()
        await pilot.press("s")
        await pilot.pause()
        await pilot.pause()
        assert "starred" in state_line()
        await pilot.press("r")
        await pilot.pause()
        await pilot.pause()
        assert "unread" not in state_line()


async def test_grouped_select_all_acts_on_the_matches_only(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("z")
        await settle(pilot)
        # One version of each story matches this search: the other does not.
        await search_for(pilot, "source:ironbridge")
        matched = list(screen.results.ids)
        assert matched and any(screen.results.is_story_row(i) for i in screen.inbox.ids)
        await pilot.press("asterisk")
        await settle(pilot)
        assert len(screen.inbox.selected) == len(matched)
        assert sorted(screen.targets() or []) == sorted(matched)
        await pilot.press("a")
        await settle(pilot)
        assert f"Archived {len(matched)} of {len(matched)} (u to undo)" in seen
        with Desk(seeded) as desk:
            assert {r.id for r in desk.rows(desk.inbox_ids())}.isdisjoint(matched)
            assert len(desk.inbox_ids()) == 12 - len(matched)


async def test_archive_then_undo_leaves_no_stale_total(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("a")
        await settle(pilot)
        info = screen.query_one(StatusLine).info
        assert (info.shown, info.total) == (11, 11)
        await pilot.press("u")
        await settle(pilot)
        info = screen.query_one(StatusLine).info
        assert (info.shown, info.total) == (12, 12)


async def test_unarchiving_in_the_archive_takes_the_row_out_of_it(make_app: AppFactory) -> None:
    # In is:archived, `a` left the row there, "1 shown" though nothing matched.
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("a", "a")
        await settle(pilot)
        await search_for(pilot, "is:archived")
        await settle(pilot)
        assert len(screen.inbox.ids) == 2
        await pilot.press("a")
        await settle(pilot)
        assert len(screen.inbox.ids) == 1
        assert screen.query_one(StatusLine).info.shown == 1


async def test_note_is_shown_and_undone(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.current_id
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = "Call the basin authority"
        await pilot.press("enter")
        await settle(pilot)
        assert "Note        Call the basin authority" in screen.detail.text.plain
        with Desk(seeded) as desk:
            article = desk.get(first)  # type: ignore[arg-type]
            assert article is not None and article.state.note == "Call the basin authority"
        await pilot.press("u")
        await settle(pilot)
        assert "Call the basin authority" not in screen.detail.text.plain


async def test_saving_a_search_on_a_read_only_store_is_told_not_a_crash(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Desk, name: str, query: str, *, replace: bool = False) -> None:
        raise StoreError("the data directory is read-only: newsdesk can show and search it")

    monkeypatch.setattr(Desk, "save_search", refuse)
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "strike")
        await pilot.press("B")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert any("read-only" in m for m in seen)
        assert app.return_code in (None, 0)
        assert type(app.screen).__name__ == "MainScreen"


async def test_import_prompt_starts_empty_then_at_the_last_folder(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "wire"
    folder.mkdir()
    (folder / "a.md").write_text(
        "---\ntitle: Ferry timetable changes from Monday\nsource: Test Gazette\n---\n\n"
        "The harbour ferry will run every twenty minutes from Monday.\n",
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value == ""  # never the process's current directory
        field.value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert len(main_screen(app).inbox.ids) == 13
        await pilot.press("i")
        await pilot.pause()
        assert app.screen.query_one(Input).value == str(folder) + "/"


async def test_odd_files_ask_first_and_failures_stay_in_the_log(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "story.md").write_text(
        "---\ntitle: Library reopens after rebuild\nsource: Test Gazette\n---\n\n"
        "The city library reopened on Saturday after a three-year rebuild.\n",
        encoding="utf-8",
    )
    (folder / "tool.py").write_text("print('not an article')\n", encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await import_in_app(pilot, folder)
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one("#confirm-question").render())
        assert "3 files" in question and "2 of them" in question
        await pilot.press("n")
        await settle(pilot)
        assert len(main_screen(app).inbox.ids) == 12  # declined: nothing imported
        await import_in_app(pilot, folder)
        await pilot.press("y")
        await settle(pilot)
        await settle(pilot)
        imported = len(main_screen(app).inbox.ids) - 12
        assert imported >= 1
        assert app._notifications  # the import's toasts: what it did, what failed
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ImportLogScreen)
        # The log says it all in full; the toasts would cover it at 80 columns.
        assert not app._notifications
        log = str(app.screen.query_one("#import-log-text").render())
        noun = "article" if imported == 1 else "articles"
        assert f"{imported} {noun} imported" in log
        assert f"{3 - imported} failed" in log and "photo.jpg" in log


async def test_export_destination_follows_the_format_and_remembers_the_folder(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    configured = tmp_path / "exports"
    seeded.config_dir.mkdir(parents=True, exist_ok=True)
    seeded.config_file.write_text(f'[export]\nfolder = "{configured}"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        dest = app.screen.query_one("#export-dest", Input)
        assert Path(dest.value).parent == configured  # never the process's directory
        assert dest.value.endswith(".md")
        await pilot.click("#format-md-files")
        await settle(pilot)
        assert Path(dest.value).parent == configured
        assert Path(dest.value).name.startswith("articles-") and Path(dest.value).suffix == ""
        await pilot.click("#format-json")
        await settle(pilot)
        assert dest.value.endswith(".json")
        # A typed destination keeps its place and takes the format's kind of name.
        dest.value = str(tmp_path / "elsewhere" / "picked.json")
        await pilot.click("#format-csv")
        await settle(pilot)
        assert dest.value == str(tmp_path / "elsewhere" / "picked.csv")
        await pilot.click("#format-md-files")
        await settle(pilot)
        assert dest.value == str(tmp_path / "elsewhere" / "picked")
        await pilot.click("#export-go")
        await settle(pilot)
        files = sorted((tmp_path / "elsewhere" / "picked").glob("*.md"))
        assert len(files) == 1
        assert app.ui_state.last_export_folder == str(tmp_path / "elsewhere")
        await pilot.press("e")
        await settle(pilot)
        again = app.screen.query_one("#export-dest", Input)
        assert Path(again.value).parent == tmp_path / "elsewhere"


async def test_tag_completion_lists_candidates_and_never_picks_one_silently(
    make_app: AppFactory, seeded: Paths
) -> None:
    from newsdesk.tui.modals.tag import TagDialog

    with Desk(seeded) as desk:
        ids = desk.inbox_ids()
        desk.tag(ids[5:6], add=["trade", "transport"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TagDialog)
        await pilot.press("plus", "t", "r", "tab")
        await settle(pilot)
        field = dialog.query_one(Input)
        assert field.value == "+tra"  # both share "tra": nothing chosen for the editor
        known = str(dialog.query_one("#tag-matches").render())
        assert "trade" in known and "transport" in known
        await pilot.press("n", "tab")
        await settle(pilot)
        assert field.value == "+transport "


async def test_a_bad_line_left_out_of_a_file_that_imported_is_told_and_logged(
    make_app: AppFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "lines"
    folder.mkdir()
    good = '{"title": "Ferry timetable changes at Marrow Point", "body": "The ferry runs later."}'
    other = '{"title": "Harbour cafe reopens after flood", "body": "The cafe opened on Monday."}'
    (folder / "mixed.jsonl").write_text(f"{good}\nnot json\n{other}\n", encoding="utf-8")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await import_in_app(pilot, folder)
        await settle(pilot)
        assert len(main_screen(app).inbox.ids) == 14
        told = [m for m in seen if "left out" in m]
        assert told and "mixed.jsonl" in told[-1] and "line 2" in told[-1]
        await pilot.press("L")
        await pilot.pause()
        log = str(app.screen.query_one("#import-log-text").render())
        assert "2 articles imported" in log
        assert "mixed.jsonl" in log and "line 2" in log


async def test_the_grouped_view_counts_its_story_rows_too(make_app: AppFactory) -> None:
    app = make_app(save_state=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("z")
        await settle(pilot)
        rows = len(screen.inbox.ids)
        articles = len(screen.results.ids)
        assert rows < articles  # the sample queue has stories of several versions
        header = str(screen.query_one(StatusLine).render())
        assert f"{articles} shown in {rows} stories" in header
        await pilot.press("z")  # one row an article again: no story count
        await settle(pilot)
        assert "stories" not in str(screen.query_one(StatusLine).render()).split("query")[0]


async def test_a_dek_the_body_opens_with_is_shown_once(
    make_app: AppFactory, tmp_path: Path
) -> None:
    paths = make_paths(tmp_path / "dek")
    opening = "The harbour board voted to dredge the north channel before the winter storms."
    item = sample_articles(1)[0]
    item.dek = opening
    item.body = f"{opening}\n\nWork starts on Monday, the board said."
    with Desk(paths) as desk:
        desk.add_extracted([item], "fixture")
        desk.sync_index()
    app = make_app(paths)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = main_screen(app).detail.text.plain
        assert shown.count("dredge the north channel") == 1


async def test_a_note_changed_elsewhere_while_the_dialog_is_open_is_not_overwritten(
    make_app: AppFactory, seeded: Paths
) -> None:
    """Another editor's note, written while the dialog was open, was replaced by the
    dialog's text without a word (and their undo could not bring it back)."""
    from textual.widgets import Input

    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).inbox.current_id or ""
        await pilot.press("n")
        await settle(pilot)
        with Desk(seeded) as shell:  # `newsdesk note` from a colleague's shell
            shell.set_note(target, "legal says do not publish")
        app.screen.query_one(Input).value = "mine: ok to run"
        await pilot.press("enter")
        await settle(pilot)
        assert any("changed while you were editing" in m for m in seen)
    with Desk(seeded) as desk:
        article = desk.get(target)
        assert article is not None and article.state.note == "legal says do not publish"


async def test_a_note_for_an_article_deleted_while_the_dialog_is_open_is_not_said_saved(
    make_app: AppFactory, seeded: Paths
) -> None:
    from textual.widgets import Input

    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = main_screen(app).inbox.current_id or ""
        await pilot.press("n")
        await settle(pilot)
        with Desk(seeded) as shell:  # `newsdesk delete` from a shell
            assert shell.delete([target]).changed == [target]
        app.screen.query_one(Input).value = "call the quay master"
        await pilot.press("enter")
        await settle(pilot)
        assert any("Note not saved: the article is no longer in the store" in m for m in seen)
        assert not any("Note saved" in m for m in seen)


async def test_the_import_log_shows_imports_made_before_the_app_started(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    """After a restart `L` said "No import yet in this session", and what `newsdesk
    import` refused was never there."""
    from tests.reliability.helpers import main_in_process

    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x00\x01\x02" * 400)
    good = tmp_path / "board.txt"
    good.write_text(
        "Harbour board names new pilot chief\n\nBy Ana Reis\nMarch 30, 2026\n\n"
        "QUILLPORT — The harbour board met on Thursday.\n",
        encoding="utf-8",
    )
    app = make_app()
    code, _, _ = main_in_process(
        ["--data-dir", str(seeded.data_dir), "import", str(good), str(bad)]
    )
    assert code == 0
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("L")
        await pilot.pause()
        assert isinstance(app.screen, ImportLogScreen)
        log = str(app.screen.query_one("#import-log-text").render())
        assert "No import yet" not in log
        assert "1 article imported" in log and "1 failed" in log and "photo.txt" in log
