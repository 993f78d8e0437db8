"""Actions on a folded story row cover every version; "read one, read all" is an option."""

from __future__ import annotations

from typing import Any

from newsdesk.config import Settings, load_settings
from newsdesk.paths import Paths
from newsdesk.tui.screens.main import MainScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, settle


async def first_story_row(pilot: Any) -> tuple[MainScreen, str, list[str]]:
    """One row per story (`z`): the screen, the cursor's story row and its versions."""
    await settle(pilot)
    await pilot.press("z")
    await settle(pilot)
    screen = main_screen(pilot.app)
    head = screen.inbox.current_id
    assert head is not None and screen.results.is_story_row(head)
    return screen, head, pilot.app.desk.story_members(screen.results.story_of_head[head])


async def test_star_on_story_row_stars_every_version_and_one_undo_reverts(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        _, head, members = await first_story_row(pilot)
        assert len(members) == 2 and head in members
        await pilot.press("s")
        await settle(pilot)
        assert all(r.starred for r in app.desk.rows(members))
        others = [i for i in app.desk.inbox_ids() if i not in members]
        assert not any(r.starred for r in app.desk.rows(others))
        await pilot.press("u")  # one undo step for the whole story
        await settle(pilot)
        assert not any(r.starred for r in app.desk.rows(members))
        # Expanded, the head row is one version again.
        await pilot.press("l", "s")
        await settle(pilot)
        starred = [r.id for r in app.desk.rows(members) if r.starred]
        assert starred == [head]


async def test_selected_story_rows_archive_all_their_versions(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        screen = main_screen(app)
        heads = screen.inbox.ids[:2]
        await pilot.press("space", "j", "space", "a")
        await settle(pilot)
        gone = {m for h in heads for m in app.desk.story_members(screen.results.story_of[h])}
        assert len(gone) == 4
        assert all(r.archived for r in app.desk.rows(sorted(gone)))
        assert app.desk.counts()["inbox"] == 8


async def test_read_all_versions_option(make_app: AppFactory) -> None:
    for read_all in (False, True):
        app = make_app(settings=Settings(read_all_versions=read_all))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            opened = screen.inbox.ids[0]
            # The cursor comes back where the last round left it: to the top first.
            await pilot.press("g", "enter")  # open: marks read
            await settle(pilot)
            story = app.desk.get(opened)
            assert story is not None and story.story_id
            other = [m for m in app.desk.story_members(story.story_id) if m != opened]
            assert app.desk.rows([opened])[0].read
            assert app.desk.rows(other)[0].read is read_all
            # `r` on another unread article follows the same rule.
            await pilot.press("d", "j", "r")
            await settle(pilot)
            marked = screen.inbox.current_id
            assert marked is not None and marked not in (opened, *other)
            article = app.desk.get(marked)
            assert article is not None and article.story_id
            siblings = [m for m in app.desk.story_members(article.story_id) if m != marked]
            assert app.desk.rows(siblings)[0].read is read_all
            # Unread again for the next round (opening is no step of the log to undo).
            app.desk.mark_read(app.desk.search("in:all", limit=None).ids, False)


def test_read_all_versions_setting_is_read_from_config_toml(paths: Paths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_text("[stories]\nread_all_versions = true\n", encoding="utf-8")
    assert load_settings(paths).read_all_versions is True
    paths.config_file.write_text("[stories]\nread_all_versions = 'yes'\n", encoding="utf-8")
    settings = load_settings(paths)
    assert settings.read_all_versions is False
    assert any("read_all_versions" in e for e in settings.errors)


async def test_tag_and_export_on_story_row_cover_every_version(make_app: AppFactory) -> None:
    from newsdesk.tui.modals.export import ExportDialog
    from newsdesk.tui.modals.tag import TagDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        screen = main_screen(app)
        head = screen.inbox.current_id
        assert head is not None
        members = app.desk.story_members(screen.results.story_of_head[head])
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"+story", "enter")
        await settle(pilot)
        assert all("story" in r.tags for r in app.desk.rows(members))
        await pilot.press("e")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert sorted(dialog.scopes["article"]) == sorted(members)
        assert dialog.current_label == f"This story ({len(members)})"
        await pilot.press("escape")


async def test_a_selected_story_row_keeps_every_version_selected_when_expanded(
    make_app: AppFactory,
) -> None:
    """Selected folded, the row meant 3 articles; expanded, it meant its head alone, and an
    export wrote one version where the header had said the story."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen, head, members = await first_story_row(pilot)
        await pilot.press("space")
        await settle(pilot)
        assert sorted(screen.targets() or []) == sorted(members)
        await pilot.press("l")
        await settle(pilot)
        assert not screen.results.is_story_row(head)
        assert sorted(screen.targets() or []) == sorted(members)
        assert set(members) <= set(screen.inbox.selected)
