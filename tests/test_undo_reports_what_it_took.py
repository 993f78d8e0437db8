"""Undo says what it took back from the step it took, not from a look taken before it.

`newsdesk undo` (and the app's `u`) read the newest step, then took the newest step:
another change between the two (the same editor in another shell) made the step taken
another one, and the message counted the one read ("2 articles were left as other
editors have changed them since" over an undo that left nothing).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdesk.cli.main import main
from newsdesk.desk import Desk
from newsdesk.paths import Paths, resolve
from tests.tui.conftest import FIXED_NOW, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle


@pytest.fixture
def seeded(isolated_dirs: Path) -> Iterator[tuple[Paths, list[str]]]:
    """Six fictional articles; the first three starred in one step (the one undo reads)."""
    paths = resolve()
    with Desk(paths) as desk:
        desk.add_extracted(sample_articles(6), "fixture")
        ids = desk.search("", sort="newest", limit=10).ids
        desk.star(ids[:3])
    yield paths, ids


def _a_change_between_the_look_and_the_take(
    monkeypatch: pytest.MonkeyPatch, paths: Paths, article_id: str
) -> None:
    """Just before the undo takes its step, another shell of the same editor stars one
    more article: that is the newest step when the take comes."""
    take = Desk.undo

    def racing(self: Desk, *args: Any, **kwargs: Any) -> Any:
        with Desk(paths) as other:
            other.star([article_id])
        return take(self, *args, **kwargs)

    monkeypatch.setattr(Desk, "undo", racing)


@pytest.mark.parametrize("as_json", [False, True])
def test_the_cli_says_what_the_step_it_took_was(
    seeded: tuple[Paths, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    as_json: bool,
) -> None:
    paths, ids = seeded
    _a_change_between_the_look_and_the_take(monkeypatch, paths, ids[4])
    code = main(["undo", *(["--json"] if as_json else [])])
    out = capsys.readouterr()
    assert code == 0
    if as_json:
        said = json.loads(out.out)
        assert said["changed"] == [ids[4]]
        assert said["not_taken_back"] == 0
    else:
        assert "left as other editors" not in out.err + out.out
        assert "1 changed of 1" in out.out
    with Desk(paths) as desk:
        assert [row.starred for row in desk.rows(ids[:5])] == [True, True, True, False, False]


async def test_the_app_says_what_the_step_it_took_was(
    seeded: tuple[Paths, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdesk.tui.app import NewsdeskApp

    paths, ids = seeded
    desk = Desk(paths)
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    try:
        async with app.run_test(size=SIZE) as pilot:
            main_screen(app)
            await settle(pilot)
            take = Desk.undo

            def racing(self: Desk, *args: Any, **kwargs: Any) -> Any:
                # A step of this window's lands between the look (the star of three made
                # before it opened) and the take: a one-article star.
                self.star([ids[4]])
                return take(self, *args, **kwargs)

            monkeypatch.setattr(Desk, "undo", racing)
            await pilot.press("u")
            await settle(pilot)
            undid = [m for m in seen if m.startswith("Undid")]
            assert undid == ["Undid star on 1 article"], seen
            assert [row.starred for row in desk.rows(ids[:5])] == [True] * 3 + [False] * 2
    finally:
        desk.close()
