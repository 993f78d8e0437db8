"""The app on a shared desk whose server goes away and comes back (issue 16 item 5).

A private PostgreSQL cluster (a temp dir, its own port: nobody else's server
is stopped) holds twelve articles. With the app showing them, the server
stops: the app says so once, keeps the list and the article it shows, and
refuses a star with a notification; the server starts again: the app says it
is back by itself, and the same key stars the article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdesk.desk import Desk
from newsdesk.store import STORE_ENV
from newsdesk.tui.app import NewsdeskApp
from tests.pg_cluster import PrivateCluster, private_cluster_or_skip
from tests.tui.conftest import FIXED_NOW, make_paths, sample_articles
from tests.tui.helpers import SIZE, main_screen, record_notifications, wait_until


@pytest.fixture
def cluster_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[PrivateCluster, Desk]]:
    with private_cluster_or_skip() as cluster:
        monkeypatch.setenv(STORE_ENV, cluster.url)
        monkeypatch.setenv("NEWSDESK_EDITOR", "ana")
        desk = Desk(make_paths(tmp_path))
        desk.add_extracted(sample_articles(12), "fixture")
        try:
            yield cluster, desk
        finally:
            desk.close()


async def test_the_app_keeps_its_screen_refuses_writes_and_comes_back(
    cluster_desk: tuple[PrivateCluster, Desk],
) -> None:
    cluster, desk = cluster_desk
    app = NewsdeskApp(desk, clock=lambda: FIXED_NOW)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await wait_until(pilot, lambda: len(screen.inbox.ids) == 12)
        await pilot.press("j")
        await wait_until(pilot, lambda: screen.detail.article_id == screen.inbox.current_id)
        current = screen.inbox.current_id
        assert current is not None
        cluster.stop()
        await wait_until(pilot, lambda: any("Showing what was loaded" in m for m in seen))
        assert not any("\n" in m for m in seen)
        await pilot.press("k", "j")  # moving reads rows and the article: nothing breaks
        await pilot.press("s")
        await wait_until(pilot, lambda: any("cannot reach the shared desk" in m for m in seen))
        assert screen.inbox.ids and len(screen.inbox.ids) == 12
        assert screen.detail.article_id == current  # the pane kept its article
        cluster.start()
        await wait_until(pilot, lambda: any("The store is back" in m for m in seen))
        await pilot.press("s")
        await wait_until(pilot, lambda: bool(desk.rows([current])[0].starred))
        assert [r.kind for r in desk.history(5)].count("star") == 1  # once, not twice
