"""Claims in the app (issue 16): `c` / `C`, the row marker, "taken by" in the detail pane.

Two editors share one desk: the app runs as Ana, and a second Desk on the
same store acts as Bo, the way a second newsdesk on the desk would. The
cases with `backend` run on the SQLite file and on a shared PostgreSQL desk
(skipped, saying why, without `NEWSDESK_TEST_PG`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from newsdesk.config import EDITOR_ENV
from newsdesk.desk import Desk
from newsdesk.model import ArticleRow
from newsdesk.paths import Paths
from newsdesk.store import StoreError
from newsdesk.store.protocol import Claim
from newsdesk.tui import editor_view
from newsdesk.tui.widgets.inbox_row import RowStyles, render_row
from newsdesk.tui.widgets.status_line import StatusLine, status_text
from tests.tui.conftest import FIXED_NOW, AppFactory
from tests.tui.helpers import SIZE, main_screen, record_notifications, settle
from tests.tui.test_snapshots import steady


@pytest.fixture
def as_ana(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(EDITOR_ENV, "ana")


@pytest.fixture
def bo(seeded: Paths) -> Iterator[Desk]:
    """Bo's own newsdesk on the same store (whose log keeps the fixture's March days:
    the action log is pruned by the real clock)."""
    seeded.config_dir.mkdir(parents=True, exist_ok=True)
    with (seeded.config_dir / "config.toml").open("a", encoding="utf-8") as config:
        config.write("\n[history]\nkeep_days = 36500\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(EDITOR_ENV, "bo")
        desk = Desk(seeded)
    try:
        yield desk
    finally:
        desk.close()


def _claimed(desk: Desk) -> dict[str, str]:
    return {aid: c.editor for aid, c in desk.claims().items()}


def _at(monkeypatch: pytest.MonkeyPatch, hhmm: str) -> None:
    """What follows is logged (and claimed) at this time of the fixture's day, UTC."""
    stamp = f"2026-03-14T{hhmm}:00+00:00"
    for kind in ("sqlite", "postgresql"):
        for module in ("claims", "actions"):
            monkeypatch.setattr(f"newsdesk.store.{kind}.{module}.utc_now_iso", lambda: stamp)


async def test_c_claims_the_row_and_its_versions_and_c_again_or_shift_c_lets_go(
    backend: str, as_ana: None, make_app: AppFactory, bo: Desk
) -> None:
    app = make_app()
    messages = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first = screen.inbox.ids[0]
        story = bo.with_versions([first])
        assert len(story) == 2  # the fixture's articles i and i+6 are one story
        await pilot.press("c")
        await settle(pilot)
        assert _claimed(bo) == dict.fromkeys(story, "ana")
        assert screen.inbox.rows_for([first])[0].claimed_by == "ana"
        assert "taken by ana at " in screen.detail.text.plain.lower()
        assert any(m.startswith("Claimed 2 articles") for m in messages)
        await pilot.press("c")  # all hers already: the same key lets go
        await settle(pilot)
        assert _claimed(bo) == {}
        assert "taken by" not in screen.detail.text.plain.lower()
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert _claimed(bo) == {}
        assert any(m.startswith("Released 2 articles") for m in messages)


async def test_a_claim_another_editor_holds_is_refused_and_says_who(
    backend: str, as_ana: None, make_app: AppFactory, bo: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    messages = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        ids = screen.inbox.ids
        second = ids[1]
        _at(monkeypatch, "09:41")
        assert bo.claim([second]).done
        # Bo's claim reaches Ana's screen through the store watch.
        await pilot.press("j")
        await settle(pilot)
        # Ana selects her first row and Bo's: all or none, so neither is claimed.
        await pilot.press("k", "space", "j", "space")
        await pilot.press("c")
        await settle(pilot)
        assert _claimed(bo) == dict.fromkeys(bo.with_versions([second]), "bo")
        assert "Taken by bo at 09:41 (2 articles); nothing was claimed." in messages
        await pilot.press("escape")  # the selection goes; the cursor stays on Bo's row
        await pilot.press("c")
        await settle(pilot)
        assert messages.count("Taken by bo at 09:41 (2 articles); nothing was claimed.") == 2
        assert "taken by bo at 09:41" in screen.detail.text.plain
        # Nor can Ana let Bo's claim go.
        await pilot.press("C")
        await settle(pilot)
        assert _claimed(bo) == dict.fromkeys(bo.with_versions([second]), "bo")
        assert any("stay with bo at 09:41" in m for m in messages), messages


async def test_u_takes_back_a_claim_made_with_c(
    as_ana: None, make_app: AppFactory, bo: Desk
) -> None:
    app = make_app()
    messages = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c")
        await settle(pilot)
        assert _claimed(bo)
        await pilot.press("u")
        await settle(pilot)
        assert _claimed(bo) == {}
        assert any(m.startswith("Undid claim on 2 articles") for m in messages), messages
        assert screen.inbox.rows_for(screen.inbox.ids[:1])[0].claimed_by == ""


async def test_a_big_selection_is_claimed_in_a_worker(
    as_ana: None, make_app: AppFactory, bo: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsdesk.tui.widgets.claim_writer.SYNC_LIMIT", 2)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("asterisk")  # every article of the inbox
        await pilot.press("c")
        await settle(pilot)
        assert _claimed(bo) == dict.fromkeys(bo.inbox_ids(), "ana")
        assert all(row.claimed_by == "ana" for row in screen.inbox.rows_for(screen.inbox.ids))
        await pilot.press("c")
        await settle(pilot)
        assert _claimed(bo) == {}


async def test_a_claim_the_store_refuses_is_a_notification_and_nothing_changes(
    as_ana: None, make_app: AppFactory, bo: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: Desk, ids: object, **_how: object) -> None:
        raise StoreError("the shared desk at postgresql://desk@db/desk is not reachable")

    monkeypatch.setattr(Desk, "claim", refuse)
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await pilot.press("c")
        await settle(pilot)
        assert any("not reachable" in m for m in seen), seen
        assert _claimed(bo) == {}
        before = screen.inbox.cursor
        await pilot.press("j")
        await settle(pilot)
        assert screen.inbox.cursor == before + 1
        assert app.return_code in (None, 0)


async def test_the_status_line_says_whose_app_it_is_on_a_shared_desk(
    backend: str, as_ana: None, make_app: AppFactory
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        line = main_screen(app).query_one(StatusLine)
        shown = status_text(line.info, 120).plain
        # On one's own file there is nobody else to tell apart.
        assert ("as ana" in shown) == (backend == "postgresql"), shown


def _styles() -> RowStyles:
    from rich.style import Style

    plain = Style()
    return RowStyles(*([plain] * 16))


def _row(claimed_by: str) -> ArticleRow:
    return ArticleRow(
        id="x",
        title="Quay wall repaired",
        source="Holbeck Post",
        published="2026-03-14T10:00:00+00:00",
        read=False,
        starred=False,
        archived=False,
        exported=False,
        tags=[],
        claimed_by=claimed_by,
    )


def test_the_row_marks_a_claim_in_one_cell_mine_apart_from_others() -> None:
    def line(claimed_by: str) -> str:
        text = render_row(_row(claimed_by), 60, _styles(), FIXED_NOW, selected=False, editor="ana")
        return text.plain

    free, mine, theirs = line(""), line("ana"), line("bo")
    assert len(free) == len(mine) == len(theirs) == 60
    # The headline does not move: the marker takes the cell before it.
    assert free.index("Quay") == mine.index("Quay") == theirs.index("Quay")
    at = free.index("Quay") - 1
    assert (free[at], mine[at], theirs[at]) == (" ", "◇", "◆")


def test_times_are_the_clock_of_the_day_else_dated() -> None:
    now = datetime.fromisoformat("2026-03-14T12:00:00+00:00")
    claim = Claim("x", "ana", "2026-03-14T09:41:07+00:00")
    assert editor_view.taken_by(claim, now) == "taken by ana at 09:41"
    assert editor_view.clock_time("2026-03-12T09:41:00+00:00", now) == "12 Mar 09:41"
    assert editor_view.clock_time("2025-03-12T09:41:00+00:00", now) == "2025-03-12 09:41"
    assert editor_view.clock_time("not a time", now) == "not a time"
    held = [Claim("x", "bo", "2026-03-14T09:50:00+00:00"), claim]
    assert editor_view.refused_notice(held, now) == (
        "Taken by ana at 09:41, bo at 09:50 (2 articles); nothing was claimed."
    )
    assert editor_view.refused_notice(held[:1], now) == "Taken by bo at 09:50; nothing was claimed."
    rows = [_row("ana"), _row("ana")]
    assert not editor_view.wants_claim(rows, "ana")
    assert editor_view.wants_claim([*rows, _row("")], "ana")
    assert editor_view.wants_claim([*rows, _row("bo")], "ana")


async def test_the_detail_pane_names_the_editors_who_did_what(
    backend: str, as_ana: None, make_app: AppFactory, bo: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        first, second = screen.inbox.ids[:2]
        _at(monkeypatch, "09:41")
        await pilot.press("s")  # Ana stars her first row
        await settle(pilot)
        # Alone on it, Ana is not told what she did herself.
        assert "Who" not in screen.detail.text.plain
        _at(monkeypatch, "10:02")
        bo.tag([first], add=["desk", "court"])
        _at(monkeypatch, "10:05")
        bo.tag([first], remove=["court"])
        bo.archive([second])
        bo.archive([second], on=False)
        # Bo's changes arrive through the store watch, the cursor where it was.
        await settle(pilot)
        screen.view.show_article(first)
        who = next(line for line in screen.detail.text.plain.splitlines() if line.startswith("Who"))
        assert who.split(None, 1)[1] == (
            "untagged court by bo 10:05, tagged desk by bo 10:02, starred by ana 09:41"
        )
        screen.view.show_article(second)
        assert "unarchived by bo 10:05" in screen.detail.text.plain
        assert "archived by bo 10:05," not in screen.detail.text.plain  # the newest of the two
        assert screen.inbox.current_id == first


def test_snapshot_of_a_shared_desk(
    snap_compare: Any,
    monkeypatch: pytest.MonkeyPatch,
    as_ana: None,
    make_app: AppFactory,
    bo: Desk,
) -> None:
    """Ana's app: Bo's claim (◆) under the cursor with who has it and who did what,
    Ana's own claim (◇) on the first row."""
    ids = bo.inbox_ids()
    _at(monkeypatch, "09:41")
    bo.claim([ids[1]])
    bo.tag([ids[1]], add=["desk"])
    _at(monkeypatch, "09:50")
    with Desk(bo.paths) as ana:
        assert ana.editor == "ana"
        ana.claim([ids[0]])
        ana.star([ids[1]])
    app = make_app()
    assert snap_compare(app, terminal_size=(120, 36), run_before=steady("j"))


def test_an_archived_version_under_its_story_says_so() -> None:
    from dataclasses import replace

    from newsdesk.tui.widgets.inbox_row import RowShape

    archived = replace(_row(""), archived=True, story_size=3)
    under = render_row(archived, 70, _styles(), FIXED_NOW, selected=False, shape=RowShape(depth=1))
    assert "archived Quay wall repaired" in under.plain
    # On its own (the archive's list), every row is archived: nothing to say.
    alone = render_row(archived, 70, _styles(), FIXED_NOW, selected=False)
    assert "archived" not in alone.plain and "+2" in alone.plain
