"""Issue 15 in the app: the sample wires as a new user meets them.

`S` puts the flash on top, urgent rows carry `!` and killed ones `✗` with
"KILLED: do not use" in red, the corrected storm shows once and `D` shows
what its correction changed, and the export leaves the killed item out.
"""

from __future__ import annotations

import re
from typing import Any

from rich.style import Style

from newsdesk.paths import Paths
from newsdesk.tui.modals.version_diff import VersionDiffScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import main_screen, record_notifications, settle


def row_text(screen: Any, index: int) -> str:
    return str(screen.inbox.render_line(index - round(screen.inbox.scroll_y)).text)


async def test_s_puts_the_flash_first_and_rows_carry_the_wire_marks(
    make_app: AppFactory, wires: Paths
) -> None:
    app = make_app(wires)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert len(screen.inbox.ids) == 6  # earlier versions stay out of the inbox
        first = screen.desk.get(screen.inbox.ids[0])
        assert first is not None and first.meta.urgency != 1  # newest first
        screen.inbox.cursor = len(screen.inbox.ids) - 1  # reading further down
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert app.ui_state.sort == "urgency"
        top = row_text(screen, 0)
        assert "FLASH: Volcano erupts" in top and " ! " in top[:10]
        # Read from the top: the cursor is on the flash, not left further down.
        assert screen.inbox.cursor == 0
        rows = [row_text(screen, i) for i in range(len(screen.inbox.ids))]
        killed = [r for r in rows if "KILLED: do not use" in r]
        assert len(killed) == 1 and "✗" in killed[0][:10] and "brewer" in killed[0]
        # The correction is said once: the agency's headline says it already.
        corrected = [r for r in rows if "Portugal" in r and "corrected" in r.casefold()]
        assert len(corrected) == 1 and corrected[0].casefold().count("corrected") == 1
        assert any("embargoed until" in r and "seal" in r for r in rows)
        # The kill is red in the row and at the top of the detail pane.
        index = rows.index(killed[0])
        strip = screen.inbox.render_line(index)
        red = [seg for seg in strip if "KILLED" in seg.text]
        assert red and red[0].style is not None and red[0].style.color is not None
        assert tuple(red[0].style.color.get_truecolor()) == (255, 0, 0)
        screen.inbox.cursor = index
        await settle(pilot)
        detail = screen.detail.text
        assert detail.plain.startswith("KILLED: do not use")
        assert any(
            span.style == Style(color="red", bold=True) for span in detail.spans if span.start == 0
        )
        await pilot.press("S")
        await settle(pilot)
        assert app.ui_state.sort == "newest"


async def test_d_on_the_corrected_storm_shows_what_changed(
    make_app: AppFactory, wires: Paths
) -> None:
    app = make_app(wires)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        storm = next(
            i
            for i in screen.inbox.ids
            if (a := screen.desk.get(i)) is not None and a.meta.status == "corrected"
        )
        screen.inbox.cursor = screen.inbox.ids.index(storm)
        await settle(pilot)
        assert re.search(r"^Version\s+4$", screen.detail.text.plain, re.MULTILINE)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, VersionDiffScreen)
        other = screen.desk.get(app.screen.other_id)
        assert other is not None and other.superseded and other.meta.item_id


def test_wire_inbox_snapshot(snap_compare: Any, make_app: AppFactory, wires: Paths) -> None:
    """Most urgent first, the cursor on the kill: marks, labels and the red banner."""
    from tests.tui.test_snapshots import steady

    app = make_app(wires)
    said = record_notifications(app)

    async def run_before(pilot: Any) -> None:
        # The urgency order is on screen before `k` moves the cursor: typed at once,
        # `k` could beat the sort's answer (keys now reach their binding at once).
        await steady("S")(pilot)
        assert any(m.startswith("Most urgent first") for m in said)
        # The sort's toast lives 3 s: under load it could be gone before the shot or not.
        pilot.app.clear_notifications()
        await steady("k")(pilot)

    assert snap_compare(app, terminal_size=(120, 36), run_before=run_before)


async def test_a_row_drops_its_embargo_once_it_has_passed(wires: Paths) -> None:
    # The row and the detail pane said "embargoed until ..." long after the time,
    # until the next search.
    from datetime import UTC, datetime, timedelta

    from newsdesk.desk import Desk
    from newsdesk.tui.app import NewsdeskApp
    from tests.tui.conftest import FIXED_NOW

    now = [FIXED_NOW]
    with Desk(wires) as desk:
        app = NewsdeskApp(desk, clock=lambda: now[0])
        async with app.run_test(size=(140, 30)) as pilot:
            await settle(pilot)
            screen = main_screen(app)
            rows = [row_text(screen, i) for i in range(len(screen.inbox.ids))]
            index = next(i for i, r in enumerate(rows) if "embargoed until" in r and "seal" in r)
            row = screen.inbox.row(screen.inbox.ids[index])
            assert row is not None and row.embargo_ts is not None
            screen.inbox.cursor = index
            await settle(pilot)
            assert "embargoed until" in screen.detail.text.plain
            screen.inbox.look_at_embargoes()  # nothing has passed: nothing changes
            await settle(pilot)
            assert "embargoed until" in row_text(screen, index)
            now[0] = datetime.fromtimestamp(row.embargo_ts, UTC) + timedelta(seconds=1)
            screen.inbox.look_at_embargoes()  # what the list's timer runs every few seconds
            await settle(pilot)
            assert "embargoed" not in row_text(screen, index) and "seal" in row_text(screen, index)
            assert "embargoed until" not in screen.detail.text.plain


async def test_exporting_only_killed_copy_says_so_and_leaves_no_export_running(
    make_app: AppFactory, wires: Paths, tmp_path: Any
) -> None:
    """ "export failed: DeskError: nothing to export..." and "exporting…" in the header for
    good, with a hint naming a command-line flag as if the dialog had it."""
    from textual.widgets import Input

    app = make_app(wires)
    seen = record_notifications(app)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        killed = [i for i in screen.inbox.ids if (a := screen.desk.get(i)) and a.killed]
        screen.inbox.cursor = screen.inbox.ids.index(killed[0])
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#export-dest", Input).value = str(tmp_path / "out.md")
        await pilot.click("#export-go")
        await settle(pilot)
        await settle(pilot)
        assert not (tmp_path / "out.md").exists()
        failed = [m for m in seen if "nothing to export" in m]
        assert failed and "DeskError" not in failed[0]
        assert "newsdesk export --include-killed" in failed[0]
        assert not any("exporting" in job for job in screen._jobs_status())
