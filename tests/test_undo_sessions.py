"""Whose step `u` takes back: the app's own, never an import another shell or a
watched folder made while it ran (a CLI `newsdesk undo` still takes back the CLI's)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from tests.desk_support import desk_as, three_articles

STORY = (
    "# Tide gauge replaced\n\nThe harbour board replaced the old tide gauge at the north quay.\n"
)


def _story(folder: Path, name: str = "tide.md") -> Path:
    path = folder / name
    path.write_text(STORY, encoding="utf-8")
    return path


def test_the_apps_undo_takes_back_its_star_not_an_import_from_another_shell(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = desk_as("ana", monkeypatch)
    shell = Desk()  # the same editor, in another shell
    try:
        x, _, _ = three_articles(app, tmp_path)
        app.star([x])
        imported = shell.import_paths([_story(tmp_path)]).imported_ids
        assert len(imported) == 1
        undone = app.undo(own_session=True)
        assert undone is not None and undone.action == "undo star"
        assert app.get(imported[0]) is not None  # the other shell's import stays
        star = app.get(x)
        assert star is not None and not star.state.starred
        # The shell's `newsdesk undo` still takes back its own import.
        again = shell.undo()
        assert again is not None and again.action == "undo import"
        assert app.get(imported[0]) is None
    finally:
        shell.close()
        app.close()


def test_the_apps_undo_reaches_steps_from_before_it_opened(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    earlier = desk_as("ana", monkeypatch)
    x, _, _ = three_articles(earlier, tmp_path)
    earlier.star([x])
    earlier.close()
    with Desk() as app:  # restarted: the log is in the store
        undone = app.undo(own_session=True)
        assert undone is not None and undone.action == "undo star"


def test_a_watched_folders_arrivals_are_no_step_of_undo(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    _story(drop)
    with desk_as("ana", monkeypatch) as desk:
        x, _, _ = three_articles(desk, tmp_path)
        desk.star([x])
        arrived: list[str] = []
        stop = threading.Event()

        def imported(summary: object) -> None:
            arrived.extend(summary.imported_ids)  # type: ignore[attr-defined]
            stop.set()

        desk.watch_folders(
            [drop], stop=stop, on_import=imported, on_error=lambda _: None, settle_s=0.1
        )
        assert len(arrived) == 1
        undone = desk.undo()
        assert undone is not None and undone.action == "undo star"
        assert desk.get(arrived[0]) is not None
