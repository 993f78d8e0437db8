"""Everywhere the app shows a name from outside, escapes never reach the terminal.

The store is poisoned behind the importer's back (saved searches, tags, titles,
sources, feed names), and typed or found file names carry OSC 0/OSC 52/CSI, C1
CSI and a bidi override. Each step checks the whole drawn screen (an SVG
screenshot holds every character the terminal would get) and every
notification the app keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.prompt import PromptDialog
from newsdesk.tui.modals.saved_searches import SavedSearchPicker
from newsdesk.tui.modals.tag import TagDialog
from tests.test_hostile_output import FORBIDDEN, PAYLOAD, poison
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, search_for, settle


def shown_dirt(app: Any) -> list[str]:
    """Forbidden characters on the drawn screen or in any notification kept."""
    found: list[str] = []
    screen = app.export_screenshot()
    if hit := FORBIDDEN.search(screen):
        found.append(f"screen: {screen[hit.start() - 30 : hit.start() + 10]!r}")
    for note in list(app._notifications):
        for text in (note.message, note.title):
            if FORBIDDEN.search(text):
                found.append(f"notification: {text!r}")
    return found


async def test_names_from_outside_are_shown_cleaned(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    with Desk(seeded) as desk:
        desk.save_search("evening", "strike")
        desk.tag(desk.inbox_ids()[:2], add=["harbour", "ports"])
    poison(seeded.database)
    missing = tmp_path / f"nowhere{PAYLOAD}"
    unreadable = tmp_path / f"empty{PAYLOAD}.txt"
    unreadable.write_text("", "utf-8")

    app = make_app()
    dirt: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        dirt += [f"inbox {d}" for d in shown_dirt(app)]

        await pilot.press("b")  # the saved-search picker: poisoned name and query
        await settle(pilot)
        assert isinstance(app.screen, SavedSearchPicker)
        assert "evening" in app.export_screenshot()
        dirt += [f"picker {d}" for d in shown_dirt(app)]
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("t")  # the tag dialog: poisoned tag names, current and known
        await settle(pilot)
        assert isinstance(app.screen, TagDialog)
        app.screen.query_one(Input).value = "h"
        await settle(pilot)
        dirt += [f"tags {d}" for d in shown_dirt(app)]
        await pilot.press("escape")
        await settle(pilot)

        for path in (missing, unreadable):  # "does not exist" and "Not imported"
            await pilot.press("i")
            await settle(pilot)
            assert isinstance(app.screen, PromptDialog)
            app.screen.query_one(Input).value = str(path)
            await pilot.press("enter")
            await settle(pilot)
            assert list(app._notifications), "the import said nothing"
            dirt += [f"import {path.name[:7]} {d}" for d in shown_dirt(app)]

        await search_for(pilot, f"strike {PAYLOAD}")  # the status line and search message
        dirt += [f"search {d}" for d in shown_dirt(app)]
        assert main_screen(app).is_attached
    assert dirt == [], "\n".join(dirt)


async def test_a_folder_with_a_non_utf8_name_imports_whole(
    make_app: AppFactory, seeded: Paths, tmp_path: Path
) -> None:
    """Issue 17 item 4: the import used to die at that file (progress stuck at 25%)."""
    import os

    from newsdesk.tui.modals.confirm import ConfirmDialog
    from newsdesk.tui.widgets.import_job import ImportJob

    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    names = [b"a.txt", b"bad\xff\xfe.txt", b"c.txt", b"d.txt"]
    try:
        for i, name in enumerate(names):
            with open(os.path.join(folder, name), "wb") as fh:
                fh.write(f"Headline number {i} of four\n\nBody {i} of the test.\n".encode())
    except OSError:
        import pytest

        pytest.skip("this file system refuses names that are not UTF-8")
    with Desk(seeded) as desk:
        before = desk.count()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(app.screen, PromptDialog)
        app.screen.query_one(Input).value = os.fsdecode(folder)
        await pilot.press("enter")
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):
            await pilot.press("y")
            await settle(pilot)
        assert main_screen(app).query_one(ImportJob).status == ""  # finished, not stuck
        assert shown_dirt(app) == []
    with Desk(seeded) as desk:
        assert desk.count() == before + len(names)
