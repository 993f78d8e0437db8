"""An undo that finds its articles changed since says who changed them: the same
editor from the command line or another window was told "other editors have changed
those articles since", on a desk nobody else uses; another editor is named."""

from __future__ import annotations

from pathlib import Path

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


async def test_an_undo_overtaken_from_your_own_shell_says_it_was_you(
    make_app: AppFactory, seeded: Paths
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        await settle(pilot)
        current = main_screen(app).inbox.current_id
        assert current is not None
        await pilot.press("s")
        await settle(pilot)
        with Desk(seeded) as shell:  # `newsdesk unstar` from the same editor's shell
            assert shell.editor == app.desk.editor
            shell.star([current], False)
        await pilot.press("u")
        await settle(pilot)
        said = [s for s in seen if "nothing to take back" in s.lower()]
        assert said, seen
        assert (
            "you have changed those articles since from the command line or another window, "
            "and those changes stay" in said[-1]
        )
        assert "other editors" not in said[-1]


async def test_an_undo_that_leaves_part_of_its_step_says_what_stayed(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    """An import of two, one starred from a shell since: `u` said "Undid import on 1
    article" and nothing of the other, which stayed on the desk."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, head in (("a", "Harbour crane falls over"), ("b", "Council votes on bridge")):
        (folder / f"{name}.txt").write_text(
            f"{head}\n\n{head} on Tuesday night, officials said, and work stopped.\n",
            encoding="utf-8",
        )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        await settle(pilot)
        found = app.desk.import_paths([folder]).imported_ids  # this app's own step
        assert len(found) == 2
        with Desk(seeded) as shell:
            shell.star(found[:1])
        await pilot.press("u")
        await settle(pilot)
        said = [s for s in seen if s.startswith("Undid import")]
        assert said, seen
        assert said[-1] == (
            "Undid import on 1 article; 1 article of it was not taken back: you have worked "
            "on it since from the command line or another window, or it was deleted."
        )
        assert app.desk.rows(found[:1])[0].starred


async def test_a_star_undone_over_your_own_shell_tag_says_it_was_you(
    make_app: AppFactory, seeded: Paths
) -> None:
    """Three starred, one of them unstarred from the same editor's shell: "2 articles was
    left as other editors have changed" named editors that do not exist on this desk."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = record_notifications(app)
        await settle(pilot)
        await pilot.press("space", "j", "space", "j", "space", "s")
        await settle(pilot)
        starred = sorted(main_screen(app).inbox.selected)
        assert len(starred) == 3
        with Desk(seeded) as shell:  # `newsdesk unstar ID` from the same editor's shell
            shell.star(starred[:1], False)
        await pilot.press("u")
        await settle(pilot)
        said = [s for s in seen if s.startswith("Undid star")]
        assert said, seen
        assert said[-1] == (
            "Undid star on 2 articles; 1 article was left as you have changed it since "
            "from the command line or another window."
        )


def test_another_editor_is_named() -> None:
    from newsdesk.desk.results import ChangedSince, nothing_taken_back

    said = nothing_taken_back("undo star", ChangedSince.of(["bo"], "ana"))
    assert "bo has changed those articles since, and their changes stay" in said
    both = nothing_taken_back("undo star", ChangedSince.of(["bo", "ana"], "ana"))
    assert "you (from the command line or another window) and other editors" in both
