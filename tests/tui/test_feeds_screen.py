"""The feeds screen (`F`): list, add, remove, pause, fetch one, show a feed's articles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.feeds import service
from newsdesk.paths import Paths
from newsdesk.tui.screens.feeds import FeedsScreen
from tests.feeds.server import FeedServer, Reply, rss
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle
from tests.tui.test_snapshots import steady

ITEMS = [
    (
        f"scr-{n}",
        f"Lighthouse keeper logs storm number {n} on the northern cape",
        f"http://example.invalid/storm{n}",
        f"The keeper of the northern cape lighthouse logged storm {n} of the winter, "
        "with gusts that bent the radio mast and kept the supply boat in port.",
    )
    for n in range(3)
]

QUIET = Settings(fetch_in_background=False)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer().start()
    yield server
    server.stop()


def feeds_screen(app: Any) -> FeedsScreen:
    screen = app.screen
    assert isinstance(screen, FeedsScreen)
    return screen


def cells(screen: FeedsScreen, name: str) -> list[str]:
    for index, sub in enumerate(screen.feeds):
        if sub.name == name:
            return [str(c) for c in screen.table.get_row_at(index)]
    raise AssertionError(f"no row for {name}")


async def go_to(pilot: Any, screen: FeedsScreen, name: str) -> None:
    index = [s.name for s in screen.feeds].index(name)
    screen.table.move_cursor(row=index)
    await pilot.pause()


async def test_feeds_screen_add_fetch_pause_remove_show(
    make_app: AppFactory, seeded: Paths, feed_server: FeedServer
) -> None:
    feed_server.route("/cape.xml", Reply(body=rss("Cape", ITEMS)))
    feed_server.route("/gone.xml", Reply(404))
    with Desk(seeded) as desk:
        desk.add_feed(f"{feed_server.url}/cape.xml", name="cape")
        desk.add_feed(f"{feed_server.url}/gone.xml", name="gone")
    app = make_app(settings=QUIET)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = feeds_screen(app)
        assert [s.name for s in screen.feeds] == ["cape", "gone"]
        assert cells(screen, "cape")[1:6] == ["new", "0", "0", "never", "never"]

        # Fetch one: its articles arrive, its row shows them.
        await go_to(pilot, screen, "cape")
        await pilot.press("f")
        await settle(pilot)
        await settle(pilot)
        assert "3 articles arrived from cape." in seen
        assert cells(screen, "cape")[1:4] == ["ok", "3", "3"]
        assert feed_server.paths().count("/gone.xml") == 0  # only the one asked for

        # A failing feed shows its error on its row and in full below (j moves as in the inbox).
        await pilot.press("j")
        assert screen.current is not None and screen.current.name == "gone"
        await pilot.press("f")
        await settle(pilot)
        await settle(pilot)
        row = cells(screen, "gone")
        assert row[1] == "failing" and "404" in row[6]
        assert "last error" in str(screen.query_one("#feeds-detail").render())

        # Add: a good URL is subscribed, a bad one is one line, nothing else.
        await pilot.press("a")
        await pilot.press(*f"{feed_server.url}/cape2.xml", "enter")
        await settle(pilot)
        assert any(m.startswith("Subscribed to") for m in seen)
        assert len(screen.feeds) == 3
        # The cursor is on the new feed: "f fetches it now" fetches that one.
        assert screen.current is not None and screen.current.url.endswith("/cape2.xml")
        await pilot.press("a")
        await pilot.press(*"ftp://example.invalid/x", "enter")
        await settle(pilot)
        assert any("http" in m and "ftp" in m for m in seen[-2:])
        assert len(screen.feeds) == 3

        # Pause, then remove (after asking); the articles stay.
        await go_to(pilot, screen, "gone")
        await pilot.press("p")
        await settle(pilot)
        assert cells(screen, "gone")[1] == "paused"
        await pilot.press("d")
        await pilot.press("y")
        await settle(pilot)
        names = [s.name for s in screen.feeds]
        assert "gone" not in names and len(names) == 2

        # Enter shows the feed's articles in the inbox.
        await go_to(pilot, screen, "cape")
        await pilot.press("enter")
        await settle(pilot)
        main = main_screen(app)
        assert main.query_text == "feed:cape"
        assert len(main.inbox.ids) == 3
        assert app.desk.count() == 15


async def test_feeds_screen_in_the_palette_and_empty(make_app: AppFactory) -> None:
    app = make_app(settings=QUIET)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"subscriptions")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = feeds_screen(app)
        assert screen.feeds == []
        assert "No feeds yet" in str(screen.query_one("#feeds-detail").render())
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, FeedsScreen)


def snapshot_feeds(paths: Paths) -> None:
    """Three subscriptions in fixed states (times relative to the tests' fixed now)."""
    with Desk(paths) as desk:
        harbour = desk.add_feed("https://harbour.example.org/rss.xml", name="harbour")
        wire = desk.add_feed("https://wire.example.net/feeds/all.atom", name="wire", every_s=900)
        desk.add_feed("https://old.example.com/feed", name="old-gazette")
        desk.pause_feed("old-gazette")
        harbour.last_fetched = harbour.last_success = "2026-03-14T11:52:00+00:00"
        service.update(desk.store, harbour)
        wire.last_fetched = "2026-03-14T11:40:00+00:00"
        wire.last_success = "2026-03-13T09:00:00+00:00"
        wire.last_status = 503
        wire.last_error = "server busy (503): asked to wait 10 min (Retry-After)"
        service.update(desk.store, wire)
        ids = desk.inbox_ids()
        with desk.store.transaction() as tx:
            desk.store.link_feed_items(tx, harbour.id, ids[:5])
            desk.store.link_feed_items(tx, wire.id, ids[5:7])
        desk.mark_read(ids[:2])


def test_feeds_screen_snapshot(snap_compare: Any, make_app: AppFactory, seeded: Paths) -> None:
    snapshot_feeds(seeded)
    app = make_app(settings=QUIET)
    assert snap_compare(app, terminal_size=(120, 30), run_before=steady("F", "j", "j"))


async def test_feeds_removed_or_added_elsewhere_show_while_the_screen_is_open(
    make_app: AppFactory, seeded: Paths
) -> None:
    from tests.tui.helpers import wait_until

    with Desk(seeded) as desk:
        desk.add_feed("http://feeds.example.invalid/cape.xml", name="cape")
        desk.add_feed("http://feeds.example.invalid/gone.xml", name="gone")
    app = make_app(settings=QUIET)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = feeds_screen(app)
        assert [s.name for s in screen.feeds] == ["cape", "gone"]
        with Desk(seeded) as shell:  # `newsdesk feeds remove gone` from a shell
            shell.remove_feed("gone")
            shell.add_feed("http://feeds.example.invalid/isle.xml", name="isle")
        await wait_until(pilot, lambda: [s.name for s in screen.feeds] == ["cape", "isle"], 10)


async def test_a_wide_screen_gives_its_spare_cells_to_the_error_and_the_url(
    make_app: AppFactory, seeded: Paths
) -> None:
    """At 160 cells the last error and the URL were cut at 22 and 23 cells while 46
    stayed blank on the right; they share the spare cells, and narrowing gives them back."""
    from tests.tui.helpers import wait_until

    snapshot_feeds(seeded)
    app = make_app(settings=QUIET)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = feeds_screen(app)
        widths = {str(c.label): c.width for c in screen.table.columns.values()}
        assert widths["Last error"] >= 40 and widths["URL"] >= 40
        assert widths["Name"] == 22  # the others keep theirs
        assert sum(w + 2 for w in widths.values()) <= 160 - 2
        wire = next(i for i, s in enumerate(screen.feeds) if s.name == "wire")
        row = [str(cell) for cell in screen.table.get_row_at(wire)]
        assert "server busy (503): asked to wait 10 min" in row[6]
        await pilot.resize_terminal(120, 30)

        def fitted() -> dict[str, int]:
            return {str(c.label): c.width for c in screen.table.columns.values()}

        await wait_until(pilot, lambda: fitted()["URL"] < 30, 5)
        await settle(pilot)
        assert sum(w + 2 for w in fitted().values()) <= 120 - 2
        assert len(screen.table.rows) == len(screen.feeds) == 3


async def test_g_keeps_the_last_feed_in_sight_when_its_error_makes_the_detail_taller(
    make_app: AppFactory, seeded: Paths
) -> None:
    """The list ended at the row before the highlighted one: the detail grew a line for
    the last feed's error and pushed its row out of the list's sight."""
    with Desk(seeded) as desk:
        for n in range(40):
            desk.add_feed(f"https://feeds{n:02d}.example.org/rss.xml", name=f"feed-{n:02d}")
        last = desk.add_feed("https://zz.example.org/rss.xml", name="zz-broken")
        last.last_status = 500
        last.last_error = "server error (500): the feed's server failed to answer at all today"
        service.update(desk.store, last)
    app = make_app(settings=QUIET)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        await settle(pilot)
        table = feeds_screen(app).table
        assert table.cursor_row == len(feeds_screen(app).feeds) - 1
        top = round(table.scroll_y)
        shown = table.scrollable_content_region.height
        assert top <= table.cursor_row < top + shown - 1  # (a line is the header)
