"""The app watches `[watch] folders` while it runs; the watch ends when the app quits."""

from __future__ import annotations

import time
from pathlib import Path

from newsdesk.config import Settings
from newsdesk.tui.app import NewsdeskApp
from newsdesk.tui.widgets.folder_watch import FolderWatch
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, wait_until

ARTICLE = (
    "Night ferry resumes crossings to the outer islands\n\n"
    "The night ferry to the outer islands sailed again on Tuesday after a month in dry dock, "
    "the island council said, and the winter timetable will hold until March.\n"
)


async def test_app_imports_files_moved_into_watched_folders(
    make_app: AppFactory, tmp_path: Path
) -> None:
    drop = tmp_path / "drop"
    drop.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    settings = Settings(fetch_in_background=False, watch_folders=[drop, tmp_path / "nowhere"])
    app = make_app(settings=settings)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(main_screen(app).inbox.ids) == 12)
        screen = main_screen(app)
        watch = screen.query_one(FolderWatch)
        # A folder that is not there is a warning; the others are watched all the same.
        await wait_until(pilot, lambda: any("nowhere is not a folder" in m for m in seen))
        await wait_until(pilot, lambda: watch.running)
        assert watch.folders == [drop]
        await pilot.press("j", "j")
        current = screen.inbox.current_id
        (outside / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
        (outside / "ferry.txt").rename(drop / "ferry.txt")  # moved in, complete
        await wait_until(pilot, lambda: "1 article arrived in watched folders." in seen)
        await wait_until(pilot, lambda: len(screen.inbox.ids) == 13)
        assert screen.inbox.current_id == current
        assert "1 arrived since" in str(status_text(screen.query_one(StatusLine).info))
        # A watched file that fails stays in the import log (L) after its notice fades.
        (drop / "photo.txt").write_bytes(b"\x00\x01\x02" * 400)
        await wait_until(pilot, lambda: any("photo.txt" in m for m in seen))
        await pilot.press("L")
        await pilot.pause()
        log = str(app.screen.query_one("#import-log-text").render())
        assert "watched: " in log and "photo.txt" in log and "1 article imported" in log
        await pilot.press("escape")
    # Quitting stops the watch: its worker ends.
    deadline = time.monotonic() + 10
    while watch.running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not watch.running


async def test_the_app_says_what_newsdesk_watch_says_of_each_file(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """A file written again, a warning (a file cut short, a bad line) and a copy already
    stored were said by `newsdesk watch` and nowhere in the app."""
    drop = tmp_path / "drop"
    drop.mkdir()
    settings = Settings(fetch_in_background=False, watch_folders=[drop])
    app = make_app(settings=settings)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_screen(app).query_one(FolderWatch).running)
        (drop / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
        await wait_until(pilot, lambda: "1 article arrived in watched folders." in seen)
        (drop / "ferry.txt").write_text(
            ARTICLE + "\nThe first crossing left at ten past eleven with forty cars aboard.\n",
            encoding="utf-8",
        )
        await wait_until(pilot, lambda: any("updated: a file was written again" in m for m in seen))
        (drop / "ferry-copy.txt").write_text(ARTICLE, encoding="utf-8")
        await wait_until(pilot, lambda: any("1 already stored" in m for m in seen))
        (drop / "wire.jsonl").write_text(
            '{"title": "Harbour cranes repaired", "body": "The two cranes on the east quay '
            'work again, the port said on Monday."}\n{not json\n',
            encoding="utf-8",
        )
        await wait_until(pilot, lambda: any(m.startswith("wire.jsonl: ") for m in seen))


async def test_what_a_rule_archives_on_arrival_is_not_counted_as_arrived(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """A killfile archived a watched file's article on arrival: the header still said
    "1 arrived since" over a list with nothing new in it."""
    drop = tmp_path / "drop"
    drop.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    settings = Settings(fetch_in_background=False, watch_folders=[drop])
    app = make_app(settings=settings)
    seen = record_notifications(app)
    app.desk.add_rule("kill", "title:horoscope", ["archive"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: len(main_screen(app).inbox.ids) == 12)
        screen = main_screen(app)
        watch = screen.query_one(FolderWatch)
        await wait_until(pilot, lambda: watch.running)
        (outside / "stars.txt").write_text(
            "Horoscope for Wednesday: the stars favour the bold\n\n"
            "Aries will find the week long and the evenings longer, the column said, "
            "while Taurus should wait for a letter that is on its way.\n",
            encoding="utf-8",
        )
        (outside / "stars.txt").rename(drop / "stars.txt")
        await wait_until(
            pilot,
            lambda: "1 article arrived in watched folders, archived 1 by rule kill." in seen,
        )
        await wait_until(pilot, lambda: app.desk.counts()["archived"] == 1)
        await wait_until(pilot, lambda: not screen.answering)
        assert len(screen.inbox.ids) == 12
        assert "arrived since" not in str(status_text(screen.query_one(StatusLine).info))


async def test_a_start_does_not_announce_the_files_stored_before(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Day 33: each start of the app said "1 already stored" for the watched folder's
    file imported the session before and unchanged since; a copy dropped while the app
    runs is still said."""
    drop = tmp_path / "drop"
    drop.mkdir()
    (drop / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    settings = Settings(fetch_in_background=False, watch_folders=[drop])
    await _first_session(make_app(settings=settings))
    app = make_app(settings=settings)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: main_screen(app).query_one(FolderWatch).running)
        # The first look is done once a file dropped after it is in.
        (drop / "cranes.txt").write_text(ARTICLE.replace("ferry", "crane"), encoding="utf-8")
        await wait_until(pilot, lambda: any("1 article arrived in watch" in m for m in seen))
        assert not any("already stored" in m for m in seen), seen
        (drop / "ferry-copy.txt").write_text(ARTICLE, encoding="utf-8")
        await wait_until(pilot, lambda: any("1 already stored" in m for m in seen))


async def _first_session(app: NewsdeskApp) -> None:
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "1 article arrived in watched folders." in seen)
