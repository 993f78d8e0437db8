"""The import prompt (`i`) takes a path as terminals paste a dropped file: quoted or
with escaped spaces, `~` expanded."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, import_in_app, main_screen, record_notifications, settle


def story(folder: Path, name: str, headline: str) -> Path:
    path = folder / name
    path.write_text(
        f"---\ntitle: {headline}\nsource: Test Gazette\n"
        "published: 2026-03-14T09:00:00+00:00\n---\n\nThe council met on Saturday and "
        "agreed the plan after a long debate, the mayor said.\n",
        encoding="utf-8",
    )
    return path


async def test_quoted_and_escaped_paths_are_imported(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`'/x/dir with space/a.md'`, `"…"` and `/x/dir\\ with\\ space/c.md` said "does not
    exist"; unquoted worked."""
    folder = tmp_path / "dir with space"
    folder.mkdir()
    single = story(folder, "it's one.md", "Harbour bridge reopens after repairs")
    double = story(folder, "two.md", "Library extends its opening hours")
    escaped = story(folder, "three.md", "Tram line to the airport approved")
    home = story(folder, "four.md", "Bakery wins the regional bread prize")
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app()
    seen = record_notifications(app)
    typed = [
        # As GNOME Terminal pastes a name with an apostrophe: '…it'\''s one.md'
        "'" + str(single).replace("'", "'\\''") + "'",
        f'"{double}"',
        str(escaped).replace(" ", "\\ "),
        "'~/dir with space/four.md'",
    ]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for text in typed:
            await import_in_app(pilot, text)
            await settle(pilot)
        screen = main_screen(app)
        titles = {r.title for r in screen.inbox.rows_for(screen.inbox.ids)}
    assert not [m for m in seen if "does not exist" in m]
    for path in (single, double, escaped, home):
        assert path.read_text(encoding="utf-8").split("title: ")[1].split("\n")[0] in titles


async def test_a_path_pasted_after_the_prefilled_folder_is_read_alone(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """The prompt opens on the last import's folder; a quoted path dropped after it is the
    path meant."""
    from textual.widgets import Input

    first = tmp_path / "first"
    first.mkdir()
    story(first, "a.md", "Harbour bridge reopens after repairs")
    other = tmp_path / "other place"
    other.mkdir()
    story(other, "b.md", "Library extends its opening hours")
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await import_in_app(pilot, first)
        await pilot.press("i")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.value == f"{first}/"
        field.value += f"'{other}'"
        await pilot.press("enter")
        await settle(pilot)
        screen = main_screen(app)
        titles = {r.title for r in screen.inbox.rows_for(screen.inbox.ids)}
    assert not [m for m in seen if "does not exist" in m]
    assert "Library extends its opening hours" in titles


def test_a_file_url_names_its_file(tmp_path: Path) -> None:
    """File managers drop `file:///…/drop%20zone/a.md`: it said "does not exist"."""
    from urllib.parse import quote

    from newsdesk.tui.screens.flows.imports import typed_path

    folder = tmp_path / "drop zone"
    folder.mkdir()
    path = story(folder, "café’s note.md", "Ferry timetable changes for winter")
    url = "file://" + quote(str(path))
    assert typed_path(url) == path
    assert typed_path(f"'{url}'") == path
    assert typed_path("file://localhost" + quote(str(path))) == path
    # Pasted after the prompt's prefilled folder.
    assert typed_path(f"{tmp_path}/{url}", prefill=f"{tmp_path}/") == path
    # Another machine's file is no path here.
    assert not typed_path("file://elsewhere" + quote(str(path))).exists()
