"""Another editor's changes reach a running app by themselves (issue 16 item 4).

A second editor (a Desk of its own, as another process would have) stars,
archives and imports while the app shows the inbox with its cursor on the
third row: the counts, the rows and the list follow, and the cursor stays on
the article it was on. On SQLite both share the data directory's file; on
PostgreSQL one server (skipped, saying why, without one).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.model import Extracted
from newsdesk.paths import Paths
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from tests.pg_support import pg_schema
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, wait_until


@pytest.fixture(params=["sqlite", "postgresql"])
def desk_paths(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Paths, Paths]]:
    """Twelve fictional articles on the backend; the app's and the other editor's data
    directories (one and the same on SQLite: the file is the desk)."""
    ana = make_paths(tmp_path / "ana")
    if request.param == "sqlite":
        monkeypatch.setenv(STORE_ENV, "")
        with Desk(ana) as desk:
            desk.add_extracted(sample_articles(12), "fixture")
        yield ana, ana
        return
    with pg_schema() as url:
        monkeypatch.setenv(STORE_ENV, url)
        with Desk(make_paths(tmp_path / "seed")) as desk:
            desk.add_extracted(sample_articles(12), "fixture")
        yield ana, make_paths(tmp_path / "bo")


def _desk(paths: Paths, editor: str, monkeypatch: pytest.MonkeyPatch) -> Desk:
    monkeypatch.setenv("NEWSDESK_EDITOR", editor)
    return Desk(paths)


async def test_another_editors_changes_show_without_moving_the_cursor(
    desk_paths: tuple[Paths, Paths], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = NewsdeskApp(_desk(desk_paths[0], "ana", monkeypatch), clock=lambda: FIXED_NOW)
    bo = _desk(desk_paths[1], "bo", monkeypatch)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
            await wait_until(pilot, lambda: screen.counts.get("inbox") == 12)
            await pilot.press("j", "j")
            current = screen.inbox.current_id
            top, second = screen.inbox.ids[0], screen.inbox.ids[1]
            bo.star([top])
            await wait_until(pilot, lambda: screen.counts.get("starred") == 1)
            bo.archive([second])
            await wait_until(pilot, lambda: second not in screen.inbox.ids)
            new = bo.add_extracted([_fresh()], "another desk")
            await wait_until(pilot, lambda: new[0] in screen.inbox.ids)
            assert screen.inbox.current_id == current
            row = screen.inbox.row(top)
            assert row is not None and row.starred
    finally:
        bo.close()
        app.desk.close()


def _fresh() -> Extracted:
    return Extracted(
        title="Lighthouse keepers return to Marrowby point",
        body="The keepers moved back into the lighthouse on Tuesday after repairs.",
        source="Marrowby Gazette",
        published="2026-03-14T11:30:00+00:00",
        url="https://example.org/live/lighthouse",
    )
