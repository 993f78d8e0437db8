"""The rules and feeds screens at 80 columns: every column in view, text cut with an
ellipsis, the footer's keys inside the line; and the words of their forms.

At 80 columns the rules screen showed "+ice star notif" cut at the screen's edge,
with the Today, All and In desk columns only at 160; its detail line left the
in-desk count out. The feeds screen hid its URL column, and its footer fitted
only with the keys packed together.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable, Footer

from newsdesk.config import Settings
from newsdesk.desk import Desk
from newsdesk.paths import Paths
from newsdesk.tui.modals.rule_form import RuleDialog
from newsdesk.tui.screens.feeds import FeedsScreen
from newsdesk.tui.screens.rules import RulesScreen
from tests.tui.conftest import AppFactory
from tests.tui.helpers import settle, wait_until

QUIET = Settings(fetch_in_background=False)
NARROW = (80, 24)


def lines(table: DataTable[Any]) -> list[str]:
    """The table's header and rows as drawn."""
    return [table.render_line(y).text for y in range(table.row_count + 1)]


async def test_the_rules_counts_and_a_cut_action_show_at_80_columns(
    make_app: AppFactory, seeded: Paths
) -> None:
    with Desk(seeded) as desk:
        desk.add_rule("ice", "place:iceland OR flood", ["+ice", "star", "notify"])
    app = make_app(settings=QUIET)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RulesScreen)
        await wait_until(pilot, lambda: screen.counts.get("place:iceland OR flood", "…") != "…")
        await settle(pilot)
        table = screen.table
        header, row = lines(table)
        for title in ("Today", "All", "In desk"):
            assert title in header, header
        # The actions are cut where the column ends, and say so.
        assert "+ice star" in row and "notify" not in row and "…" in row, row
        in_desk = screen.counts["place:iceland OR flood"]
        assert row.rstrip().endswith(f" {in_desk}"), row
        assert table.virtual_size.width <= NARROW[0], table.virtual_size
        # The detail line below says all three counts, as the README promises.
        detail = str(screen.query_one("#rules-detail").render())
        assert "matched 0 today, 0 in all on arrival" in detail
        assert f"{in_desk} in the desk now" in detail


async def test_the_feeds_columns_show_at_80_columns(make_app: AppFactory, seeded: Paths) -> None:
    with Desk(seeded) as desk:
        desk.add_feed("https://harbour.example.org/feeds/all-the-news.xml", name="harbour")
    app = make_app(settings=QUIET)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FeedsScreen)
        header, row = lines(screen.table)
        assert "URL" in header, header
        # The URL column starts at the host: it read "https:/…" for every feed.
        assert row.rstrip().endswith("harbour…"), row
        assert "https" not in row, row
        assert screen.table.virtual_size.width <= NARROW[0]


async def test_the_feeds_footer_fits_80_columns_even_unpacked(make_app: AppFactory) -> None:
    """Every key inside the line, even with the wide footer's spacing: the packed footer
    ended 5 cells from the edge, and a tester saw it cut after "e Every" at 80 columns."""
    app = make_app(settings=QUIET)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        footer = app.screen.query_one(Footer)
        footer.compact = False  # bound to each key: the keys spread out as on a wide screen
        await settle(pilot)
        await pilot.pause()
        keys = list(footer.query("FooterKey"))
        shown = {getattr(k, "description", "") for k in keys if k.region.width}
        assert {"Close", "Add", "Remove", "Fetch", "Rename", "Every", "Articles"} <= shown
        assert all(k.region.right <= NARROW[0] for k in keys), [k.region for k in keys]


async def test_an_empty_rule_name_asks_for_one(make_app: AppFactory) -> None:
    """Enter with no name said "bad rule name ''"."""
    app = make_app(settings=QUIET)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RuleDialog)
        await pilot.press("enter")
        await settle(pilot)
        error = dialog.error
        assert app.screen is dialog  # the form stays open
        assert error.startswith("Give the rule a name"), error
        assert "''" not in error


async def test_the_empty_inbox_says_what_to_do(make_app: AppFactory, seeded: Paths) -> None:
    """It said only "The inbox is empty."; now which key imports and which lists keys."""
    from tests.tui.helpers import main_screen

    with Desk(seeded) as desk:
        desk.archive(desk.inbox_ids())
    app = make_app(settings=QUIET)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        assert screen.inbox.ids == []
        assert screen.inbox.empty_message == (
            "The inbox is empty. i imports files or folders; ? shows every key."
        )
        assert "i imports files" in str(screen.detail.text)
