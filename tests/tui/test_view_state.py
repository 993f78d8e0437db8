"""View state (sort, grouping, query) persistence, open URL, the footer, pure helpers."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsdesk import uistate
from newsdesk.paths import Paths
from newsdesk.tui.relative_time import compact_when
from newsdesk.tui.story_view import story_heads, with_versions
from newsdesk.uistate import UIState
from tests.tui.conftest import AppFactory
from tests.tui.helpers import SIZE, main_screen, search_for, settle


def test_uistate_round_trip_and_damage(tmp_path: Path) -> None:
    path = tmp_path / "ui.json"
    state = UIState(query="flood", sort="newest", grouped=True)
    for query in ("a", "b", "a"):
        state.remember_search(query)
    uistate.save(path, state)
    loaded = uistate.load(path)
    assert loaded == state and loaded.recent_searches == ["a", "b"]
    path.write_text("{not json", encoding="utf-8")
    assert uistate.load(path) == UIState()
    path.write_text('{"version": 1, "sort": "sideways", "grouped": "yes", "query": 3}')
    assert uistate.load(path) == UIState()
    assert [p.name for p in tmp_path.iterdir()] == ["ui.json"]  # no temp files left behind


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys, newsdesk.config, newsdesk.uistate, newsdesk.tui; "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2026-03-14T11:59:30+00:00", "now"),
        ("2026-03-14T11:58:00+00:00", "2m"),
        ("2026-03-14T11:15:00+00:00", "45m"),
        ("2026-03-14T07:00:00Z", "5h"),
        ("2026-03-11T12:00:00", "3d"),
        ("2026-03-14", "today"),
        ("2026-01-02T10:00:00+00:00", "02 Jan"),
        ("2025-12-30", "2025-12"),
        ("not a date", ""),
        (None, ""),
    ],
)
def test_compact_when(published: str | None, expected: str) -> None:
    assert compact_when(published, datetime(2026, 3, 14, 12, 0, tzinfo=UTC)) == expected


def test_story_heads_and_versions() -> None:
    rows, heads = story_heads(["a", "b", "c", "d"], {"a": "s1", "c": "s1", "d": "s2"})
    assert rows == ["a", "b", "d"] and heads == {"a": "s1", "d": "s2"}
    ids, depth = with_versions(rows, {"a": ["a", "c", "x"]})
    assert ids == ["a", "c", "x", "b", "d"] and depth == [0, 1, 1, 0, 0]


async def test_sort_and_query_persist(make_app: AppFactory, seeded: Paths) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "strike")
        assert app.ui_state.sort == "relevance"
        await pilot.press("S")
        await settle(pilot)
        assert app.ui_state.sort == "urgency"  # S cycles: relevance, urgency, newest
        await pilot.press("S")
        await settle(pilot)
        screen = main_screen(app)
        rows = screen.inbox.rows_for(screen.inbox.ids)
        published = [r.published or "" for r in rows]
        assert published == sorted(published, reverse=True)  # newest first
    state = uistate.load(seeded.ui_state)
    assert state.sort == "newest" and state.query == "strike"


async def test_every_s_in_a_search_of_filters_alone_changes_the_order(
    make_app: AppFactory, seeded: Paths
) -> None:
    """`is:unread` has no words to rank by, so relevance is newest first: two presses of
    S in a row both showed "(newest)". Now S goes urgency, newest, urgency."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "is:unread")
        screen = main_screen(app)
        shown = [screen.results.sort]
        for _ in range(3):
            await pilot.press("S")
            await settle(pilot)
            shown.append(screen.results.sort)
        assert shown == ["newest", "urgency", "newest", "urgency"]
        await search_for(pilot, "strike")  # words again: relevance is back in the cycle
        await pilot.press("S")
        await settle(pilot)
        assert app.ui_state.sort == "newest"
        await pilot.press("S")
        await settle(pilot)
        assert app.ui_state.sort == "relevance"


async def test_open_url_and_footer(make_app: AppFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []

    def fake_open(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", fake_open)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.check_action("clear", ()) is False  # nothing to clear
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/story/0"]
        await pilot.press("x")
        assert screen.check_action("clear", ()) is True
        await search_for(pilot, "nosuchwordanywhere")
        assert screen.inbox.ids == []
        assert screen.check_action("star", ()) is None  # dimmed: no row to star


def test_inbox_head_is_the_start_of_the_inbox(seeded: Paths) -> None:
    from newsdesk.desk import Desk

    with Desk(seeded) as desk:
        assert desk.inbox_head(5) == desk.inbox_ids()[:5]
        assert desk.inbox_head(100) == desk.inbox_ids()


async def test_open_url_refuses_non_web_and_option_like_urls(
    make_app: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from newsdesk.desk import Desk

    opened: list[str] = []

    def fake_open(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr("webbrowser.open", fake_open)
    real_get = Desk.get
    hostile = {"url": ""}

    def get_with_url(self: Desk, article_id: str):  # type: ignore[no-untyped-def]
        article = real_get(self, article_id)
        if article is None:
            return None
        meta = dataclasses.replace(article.meta, url=hostile["url"])
        return dataclasses.replace(article, meta=meta)

    monkeypatch.setattr(Desk, "get", get_with_url)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for url in ("javascript:alert(1)", "-new-window", "file:///etc/passwd", "\x1b]0;t\x07x"):
            hostile["url"] = url
            await pilot.press("o")
            await settle(pilot)
        assert opened == []
        shown = [n.message for n in app._notifications]
        assert any("only http and https" in m for m in shown)
        assert not any("\x1b" in m or "\x07" in m for m in shown)
        hostile["url"] = "https://example.org/ok"
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/ok"]
