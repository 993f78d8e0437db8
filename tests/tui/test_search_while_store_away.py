"""A search typed while the shared desk is away (day 32, explorer B, defect 4).

Bo had a search on screen, the line to the server broke, he typed another search and
Enter: the box showed it, the list stayed on the old one, nothing said the search
waited. Back, the app said "The article under the cursor no longer matches the
search (changed by ana)": Ana had changed nothing, the search was Bo's own. Now the
search bar says the search waits for the store, it runs when the store is back, and
nobody is blamed for the list it brings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.widgets.search_bar import SearchBar
from tests.pg_proxy import LineToServer, line_to
from tests.pg_support import pg_schema
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, wait_until


@pytest.fixture
def bo_on_a_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Desk, LineToServer]]:
    with pg_schema() as url, line_to(url) as line:
        monkeypatch.setenv(STORE_ENV, url)
        monkeypatch.setenv("NEWSDESK_EDITOR", "ana")
        with Desk(make_paths(tmp_path / "ana")) as ana:
            ana.add_extracted(sample_articles(12), "fixture")  # Ana's import: the log's newest
        monkeypatch.setenv(STORE_ENV, line.url_through(url))
        monkeypatch.setenv("NEWSDESK_EDITOR", "bo")
        bo = Desk(make_paths(tmp_path / "bo"))
        bo.sync_index()  # his index built before the app opens
        try:
            yield bo, line
        finally:
            line.mend()
            bo.close()


async def test_a_search_typed_while_the_store_is_away_waits_and_blames_nobody(
    bo_on_a_line: tuple[Desk, LineToServer],
) -> None:
    desk, line = bo_on_a_line
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
        await pilot.press("slash", *"flood", "enter")
        await wait_until(pilot, lambda: screen.results.query == "flood" and bool(screen.inbox.ids))
        before = screen.inbox.current_id
        assert before is not None
        line.cut()
        await wait_until(pilot, lambda: any("Showing what was loaded" in m for m in seen))
        await pilot.press("slash", "ctrl+u", *"strike", "enter")
        bar = screen.query_one(SearchBar)
        await wait_until(pilot, lambda: "waits for the store" in _bar_text(bar))
        assert "'strike'" in _bar_text(bar)
        assert screen.results.query == "flood"  # the list says what it still shows
        line.mend()
        await wait_until(pilot, lambda: any("The store is back" in m for m in seen))
        await wait_until(pilot, lambda: screen.results.query == "strike", seconds=15)
        assert screen.inbox.ids and before not in screen.inbox.ids
        await pilot.pause(0.5)
        assert not [m for m in seen if "no longer matches" in m or "by ana" in m], seen
        assert "waits for the store" not in _bar_text(bar)


def _bar_text(bar: SearchBar) -> str:
    from textual.widgets import Static

    return str(bar.query_one("#search-message", Static).render())
